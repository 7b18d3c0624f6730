-- Signed-in reads: each request reads the next child's page as its guardian. Options: the path
-- with {campaign} and {student} in it, the campaign.
dofile("bench/load/plan.lua")

function request()
  local child = next_child()
  local path = options[1]:gsub("{campaign}", options[2]):gsub("{student}", child.student)
  return wrk.format("GET", path, {["Cookie"] = child.cookie})
end
