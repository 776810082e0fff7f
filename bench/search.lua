-- wrk script: the search robot with a realistic mix of queries (place and radius, sometimes a language, e-coaching,
-- a target group or free text), the same mix as bench/SearchLoadTest.java.
local places = {"Gent", "Antwerpen", "Leuven", "Brugge", "Hasselt", "Genk", "Mechelen", "Aalst", "Kortrijk", "Oostende",
  "Sint-Niklaas", "Roeselare", "Turnhout", "Dendermonde", "Lokeren", "Geel", "Lier", "Ieper", "Tienen", "Vilvoorde",
  "9000", "2000", "3000", "8000", "3500", "2800", "1000", "Anderlecht", "Beringen", "Maasmechelen"}
local radii = {5, 10, 10, 20, 20, 20, 50}
local languages = {"fr", "en", "ar", "tr"}
local groups = {"LOW_EDUCATED", "FIFTY_PLUS", "MIGRATION_BACKGROUND", "WORK_DISABILITY"}
local texts = {"burn-out", "zelfstandige", "talententest", "coaching"}
local next_seed = 1
function setup(thread)
  thread:set("seed", next_seed)
  next_seed = next_seed + 1
end
function init(args)
  math.randomseed(2027 + (seed or 0))
end
function request()
  local q = "/api/career-centres?place=" .. places[math.random(#places)] .. "&radiusKm=" .. radii[math.random(#radii)]
  local extra = math.random(10)
  if extra <= 2 then q = q .. "&language=" .. languages[math.random(#languages)]
  elseif extra <= 4 then q = q .. "&eCoaching=true"
  elseif extra == 5 then q = q .. "&targetGroup=" .. groups[math.random(#groups)]
  elseif extra == 6 then q = q .. "&text=" .. texts[math.random(#texts)] end
  return wrk.format("GET", q)
end
