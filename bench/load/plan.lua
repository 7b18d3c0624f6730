-- Shared by the load benchmark's wrk scripts: the plan (one child a line: cookie, csrf token,
-- student row id, ID number, guardian), split between wrk's threads, and a count of answers by
-- status code, printed as one JSON line when wrk is done. Arguments after wrk's `--`: the plan
-- file, the first child, the number of children, wrk's threads, then the script's own (`options`).
local plan = {}
local threads = {}
local counter = 1

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function load_plan(path, first, count, nthreads)
  local all = {}
  for line in io.lines(path) do
    local cookie, csrf, student, number = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
    table.insert(all, {cookie = cookie, csrf = csrf, student = student, number = number})
  end
  -- This thread's share of the children first .. first + count - 1: every other one, by thread.
  for i = first + index, math.min(first + count - 1, #all), nthreads do
    table.insert(plan, all[i])
  end
end

options = {}
function init(args)
  load_plan(args[1], tonumber(args[2]), tonumber(args[3]), tonumber(args[4]))
  for i = 5, #args do table.insert(options, args[i]) end
end

function next_child()
  local child = plan[counter]
  counter = counter % #plan + 1
  return child
end

statuses = {}
local failures = os.getenv("LOAD_FAILURES")
local kept = 0
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  -- The first few refusals of each thread, to read why (LOAD_FAILURES names the file).
  if failures and status ~= 200 and status ~= 303 and kept < 5 then
    kept = kept + 1
    local file = io.open(failures, "a")
    file:write(string.format("HTTP %d\n%s\n\n", status, body))
    file:close()
  end
end

function done(summary, latency, requests)
  local answers = {}
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses")
    for status, n in pairs(counted) do answers[status] = (answers[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(answers) do table.insert(parts, string.format('"%d": %d', status, n)) end
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "rate": %.1f, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, ' ..
    '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, table.concat(parts, ", ")))
end

function urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
