-- Each request reads the whole checklist of a random family's trip, signed in as that family.
-- TARGETS names a file of "<session token> <trip id>" lines.
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local token, trip = line:match("^(%S+) (%S+)$")
  targets[#targets + 1] = { token = token, trip = trip }
end
math.randomseed(os.time())
request = function()
  local t = targets[math.random(1, #targets)]
  return wrk.format("GET", "/api/trips/" .. t.trip .. "/checklist", { ["Cookie"] = "alongside_session=" .. t.token })
end
