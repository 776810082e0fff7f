-- wrk script: session registrations in batches of BATCH (default 50) per request to POST /api/centre/sessions, each
-- item with its own Idempotency key from the plan file (lines "voucherId;key"); wrk thread i takes batches i, i+T, ...
-- The benchmark counts the rows that exist afterwards, so replays at the end of the plan never inflate the result.
local plan = {}
for line in io.lines(os.getenv("PLAN")) do
  local v, k = line:match("([^;]+);(.+)")
  plan[#plan + 1] = {v, k}
end
local threads = tonumber(os.getenv("THREADS") or "2")
local batch = tonumber(os.getenv("BATCH") or "50")
local auth = os.getenv("AUTH")
local today = os.date("%Y-%m-%d")
local counter = 0
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
function request()
  local b = (id or 0) + counter * threads
  counter = counter + 1
  local first = b * batch + 1
  if first > #plan then first = #plan - batch + 1 end
  local items = {}
  for i = first, math.min(first + batch - 1, #plan) do
    local p = plan[i]
    items[#items + 1] = '{"voucherId":"' .. p[1] .. '","idempotencyKey":"' .. p[2] .. '","date":"' .. today ..
      '","startTime":"10:00","halfHours":1,"mode":"FACE_TO_FACE"}'
  end
  return wrk.format("POST", "/api/centre/sessions",
    {["Authorization"] = "Basic " .. auth, ["Content-Type"] = "application/json"}, "[" .. table.concat(items, ",") .. "]")
end
