-- A random primary key per request, for the bare Fastify + better-sqlite3 ceiling.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/people/" .. math.random(1, 100000))
end
