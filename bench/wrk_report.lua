-- wrk script of the benchmark: optional distinct aepublish observations as request bodies,
-- a check of every answer body, and a JSON summary line on stdout.
--
--   wrk ... -s bench/wrk_report.lua URL -- [EXPECT] [BATCH TAG | post BODY]
--
-- EXPECT: text every answer body must contain to count as ok ("-" for no check);
-- BATCH TAG: send POST bodies of BATCH observations of definition bench/observation, each
-- with data.seq "TAG-<n>", n counting up so that no two observations are alike;
-- post BODY: send every request as a POST of BODY (its Content-Type given with -H).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expect = args[1]
  if expect == "-" then expect = nil end
  batch = tonumber(args[2])
  tag = args[3]
  seq = 0
  ok = 0
  unexpected = 0
  if batch then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  elseif args[2] == "post" then
    wrk.method = "POST"
    wrk.body = args[3]
  end
end

function request()
  if not batch then
    return wrk.request()
  end
  local parts = {}
  for i = 1, batch do
    parts[i] = '{"definition":"bench/observation","data":{"seq":"' .. tag .. '-' .. seq .. '"}}'
    seq = seq + 1
  end
  return wrk.format(nil, nil, nil, "[" .. table.concat(parts, ",") .. "]")
end

function response(status, headers, body)
  if expect and not string.find(body, expect, 1, true) then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local unexpected_total = 0
  for _, thread in ipairs(threads) do
    unexpected_total = unexpected_total + (thread:get("unexpected") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, "unexpected": %d, "latency_ms": {"p50": %.2f, "p99": %.2f}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    e.connect, e.read, e.write, e.status, e.timeout, unexpected_total,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
