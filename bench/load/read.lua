-- Signed-in reads: each request reads the next child's page as its guardian.
-- Arguments: path pattern with {campaign} and {student}, campaign, plan file, first child,
-- number of children, wrk threads.
dofile("bench/load/plan.lua")
local pattern, campaign

function init(args)
  pattern, campaign = args[1], args[2]
  load_plan(args[3], tonumber(args[4]), tonumber(args[5]), tonumber(args[6]))
end

function request()
  local child = next_child()
  local path = pattern:gsub("{campaign}", campaign):gsub("{student}", child.student)
  return wrk.format("GET", path, {["Cookie"] = child.cookie})
end
