-- wrk script of the server benchmark: each request takes the next of the paths given after `--` on wrk's
-- command line, round robin, so that one endpoint is measured over several queries rather than one URL.
--   wrk -t2 -c16 -d20s -s Benchmarks/wrk-paths.lua http://127.0.0.1:8080 -- /api/a?x=1 /api/a?x=2
local paths = {}
local counter = 0

function init(args)
  for i, path in ipairs(args) do paths[i] = path end
  if #paths == 0 then paths[1] = "/" end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter - 1) % #paths + 1])
end
