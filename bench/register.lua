-- wrk script: one session registration (one half hour) per request, through the partner API, each with its own
-- Idempotency-Key from the plan file (lines "voucherId;key"); wrk thread i sends lines i, i+T, i+2T, ...
-- When a thread has sent all its lines it repeats its last one (an idempotent replay): the benchmark counts the rows
-- that exist afterwards, not the requests, so replays never inflate the result.
local plan = {}
for line in io.lines(os.getenv("PLAN")) do
  local v, k = line:match("([^;]+);(.+)")
  plan[#plan + 1] = {v, k}
end
local threads = tonumber(os.getenv("THREADS") or "2")
local counter = 0

local auth = os.getenv("AUTH")
local body = '{"date":"' .. os.date("%Y-%m-%d") .. '","startTime":"10:00","halfHours":1,"mode":"FACE_TO_FACE"}'
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
function request()
  local i = (id or 0) + counter * threads + 1
  if i > #plan then i = #plan - ((#plan - (id or 0) - 1) % threads) end
  counter = counter + 1
  local p = plan[i]
  return wrk.format("POST", "/api/centre/vouchers/" .. p[1] .. "/sessions",
    {["Authorization"] = "Basic " .. auth, ["Idempotency-Key"] = p[2], ["Content-Type"] = "application/json"}, body)
end
