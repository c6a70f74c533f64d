-- wrk reporter: one line per run with latency percentiles (ms), throughput and failures.
local label = os.getenv("BENCH_LABEL") or "request"

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("| %-34s | %8.2f | %8.2f | %8.2f | %9.1f | %7d | %6d |\n", label,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      summary.requests / seconds, summary.requests, errors))
end
