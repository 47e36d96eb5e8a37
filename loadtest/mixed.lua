-- A mixed load for wrk: article reads, searches and count-checker posts.
-- Run by loadtest/run.sh, which passes the checker's CSRF token and cookie as arguments.

local reads = {
  "/", "/articles/overview/", "/articles/causes/", "/articles/symptoms/", "/articles/diagnosis/",
  "/articles/treatment/", "/articles/precautions/", "/articles/fever/", "/articles/blood-test/",
  "/articles/children/",
}
local searches = { "/search/?q=fever", "/search/?q=infection", "/search/?q=neutrophil+count", "/search/?q=chemotherapy" }
local counts = {
  "unit=cells_per_ul&anc=1200&age_group=adult&temperature_unit=c",
  "unit=cells_per_ul&anc=400&age_group=adult&temperature=38.4&temperature_unit=c",
  "unit=x10e9_per_l&anc=0.8&age_group=adult&temperature_unit=c",
  "unit=cells_per_ul&wbc=4500&neutrophils_pct=40&age_group=adult&temperature_unit=c",
}

local token, cookie
local counter = 0

function init(args)
  token, cookie = args[1], args[2]
  if not token or not cookie then
    error("usage: wrk -s mixed.lua URL -- CSRF_TOKEN CSRF_COOKIE")
  end
end

-- Six reads, three searches, one count check in every ten requests.
function request()
  counter = counter + 1
  local slot = counter % 10
  if slot < 6 then
    return wrk.format("GET", reads[counter % #reads + 1])
  elseif slot < 9 then
    return wrk.format("GET", searches[counter % #searches + 1])
  end
  local body = "csrfmiddlewaretoken=" .. token .. "&" .. counts[counter % #counts + 1]
  return wrk.format("POST", "/neutrophil-count/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. cookie,
  }, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write("------------------------------\n")
  io.write(string.format("requests:        %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("requests/s:      %.1f\n", summary.requests / seconds))
  io.write(string.format("p50 latency:     %.1f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("p99 latency:     %.1f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("non-2xx/3xx:     %d\n", errors.status))
  io.write(string.format("socket errors:   %d\n", socket_errors))
  if errors.status > 0 or socket_errors > 0 or summary.requests == 0 then
    io.write("LOAD TEST FAILED\n")
    os.exit(1)
  end
  io.write("load test passed: no errors\n")
end
