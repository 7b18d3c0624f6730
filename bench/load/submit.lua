-- New submissions: each request registers the next child of this thread's share for the campaign
-- (a 303 to /enrollment?saved=1 is an acknowledged submission). Options: campaign, zone.
dofile("bench/load/plan.lua")

function request()
  local child = next_child()
  local campaign, zone = options[1], options[2]
  local body = "_csrf=" .. urlencode(child.csrf) .. "&national_id=" .. child.number .. "&track=public&zone=" .. zone ..
    "&tier=1&years=3&application="
  return wrk.format("POST", "/enrollment/" .. campaign .. "/apply/" .. child.student,
    {["Cookie"] = child.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
