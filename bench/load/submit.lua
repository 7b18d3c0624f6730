-- New submissions: each request registers the next child of this thread's share for the campaign
-- (a 303 to /enrollment?saved=1 is an acknowledged submission).
-- Arguments: campaign, zone, plan file, first child, number of children, wrk threads.
dofile("bench/load/plan.lua")
local campaign, zone

function init(args)
  campaign, zone = args[1], args[2]
  load_plan(args[3], tonumber(args[4]), tonumber(args[5]), tonumber(args[6]))
end

function request()
  local child = next_child()
  local body = "_csrf=" .. urlencode(child.csrf) .. "&national_id=" .. child.number .. "&track=public&zone=" .. zone ..
    "&tier=1&years=3&application="
  return wrk.format("POST", "/enrollment/" .. campaign .. "/apply/" .. child.student,
    {["Cookie"] = child.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
