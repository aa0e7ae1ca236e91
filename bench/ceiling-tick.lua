-- A random row per request, ticked or unticked, for the ceiling's single-row UPDATE.
math.randomseed(os.time())
request = function()
  local body = math.random(0, 1) == 1 and '{"checked":true}' or '{"checked":false}'
  return wrk.format("PATCH", "/people/" .. math.random(1, 100000), { ["Content-Type"] = "application/json" }, body)
end
