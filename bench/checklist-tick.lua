-- Each request ticks or unticks one checklist item (PATCH, so every request is a real write), signed
-- in as the item's family. TARGETS names a file of "<session token> <csrf token> <item id>
-- <checked 0|1> <pinned 0|1>" lines, ordered so that consecutive lines (the requests in flight at
-- once) belong to different families; each request asks for the opposite of the item's state.
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local token, csrf, item, checked, pinned = line:match("^(%S+) (%S+) (%S+) (%d) (%d)$")
  targets[#targets + 1] = { token = token, csrf = csrf, item = item, checked = checked == "1", pinned = pinned == "1" }
end
local next_index = 0
request = function()
  next_index = next_index % #targets + 1
  local t = targets[next_index]
  t.checked = not t.checked
  local body
  if t.checked then
    body = '{"checked":true}'
  elseif t.pinned then
    body = '{"checked":false,"confirmUntick":true}'
  else
    body = '{"checked":false}'
  end
  return wrk.format("PATCH", "/api/checklist-items/" .. t.item, {
    ["Cookie"] = "alongside_session=" .. t.token,
    ["X-CSRF-Token"] = t.csrf,
    ["Content-Type"] = "application/json",
  }, body)
end
