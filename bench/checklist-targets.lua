-- Each request reads the whole checklist of a random family's trip, signed in as that family.
-- TARGETS names a file of "<session token> <trip id>" lines; ACCEPT_ENCODING, when set, is sent as
-- the Accept-Encoding header (a phone's browser sends "gzip, deflate, br"; wrk sends none).
-- READ=trip reads the trip's own answer (GET /api/trips/<id>, kept in no cache) instead.
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local token, trip = line:match("^(%S+) (%S+)$")
  targets[#targets + 1] = { token = token, trip = trip }
end
local encoding = os.getenv("ACCEPT_ENCODING")
local path_after = os.getenv("READ") == "trip" and "" or "/checklist"
math.randomseed(os.time())
request = function()
  local t = targets[math.random(1, #targets)]
  local headers = { ["Cookie"] = "alongside_session=" .. t.token }
  if encoding then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", "/api/trips/" .. t.trip .. path_after, headers)
end
