-- A family's realistic mix, each request as a random seeded family (signed in as it): read the trip
-- (40 %), read its checklist (30 %), tick or untick one of its items (20 %; PATCH asking for the
-- opposite of the state this script last set, so nearly every tick is a real write), and confirm
-- the keepsake at one of its departure checks (10 %; POST, a new confirmation each time).
-- TARGETS names a file of lines:
--   <session> <csrf> <trip id> <traveller id> <trip keepsake id> <check,check,…> <item:checked:pinned,…>
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local token, csrf, trip, traveller, keepsake, checks, items =
    line:match("^(%S+) (%S+) (%S+) (%S+) (%S+) (%S+) (%S+)$")
  local t = { token = token, csrf = csrf, trip = trip, traveller = traveller, keepsake = keepsake,
              checks = {}, items = {} }
  for check in checks:gmatch("[^,]+") do t.checks[#t.checks + 1] = check end
  for id, checked, pinned in items:gmatch("([^,:]+):(%d):(%d)") do
    t.items[#t.items + 1] = { id = id, checked = checked == "1", pinned = pinned == "1" }
  end
  targets[#targets + 1] = t
end
math.randomseed(os.time())

local function headers(t, write)
  local h = { ["Cookie"] = "alongside_session=" .. t.token }
  if write then
    h["X-CSRF-Token"] = t.csrf
    h["Content-Type"] = "application/json"
  end
  return h
end

request = function()
  local t = targets[math.random(1, #targets)]
  local roll = math.random(1, 100)
  if roll <= 40 then
    return wrk.format("GET", "/api/trips/" .. t.trip, headers(t, false))
  elseif roll <= 70 then
    return wrk.format("GET", "/api/trips/" .. t.trip .. "/checklist", headers(t, false))
  elseif roll <= 90 then
    local item = t.items[math.random(1, #t.items)]
    item.checked = not item.checked
    local body = item.checked and '{"checked":true}'
      or (item.pinned and '{"checked":false,"confirmUntick":true}' or '{"checked":false}')
    return wrk.format("PATCH", "/api/checklist-items/" .. item.id, headers(t, true), body)
  else
    local check = t.checks[math.random(1, #t.checks)]
    local body = '{"travellerId":"' .. t.traveller .. '","tripKeepsakeIds":["' .. t.keepsake .. '"]}'
    return wrk.format("POST", "/api/leg-checks/" .. check .. "/confirmations", headers(t, true), body)
  end
end
