-- wrk reporter for bench/lib.sh: one machine-readable line per run.
--   STATS <req/s> <p50 ms> <p99 ms> <bytes per response, headers included> <requests> <errors>
-- errors counts connect/read/write errors, timeouts and answers other than 2xx/3xx.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  local per = 0
  if summary.requests > 0 then per = summary.bytes / summary.requests end
  io.write(string.format("STATS %.1f %.2f %.2f %.0f %d %d\n", summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, per, summary.requests, errors))
end
