#!/usr/bin/env bash
# How long `./mvnw spring-boot:run` takes from the command to the first answer of the sign-in page (issue 11):
# RUNS times in a row on the same checkout, the first from a clean build folder unless FRESH=0. Each run is
# stopped once it answered. Prints one Markdown row per run.
#
#   bench/devstart.sh                    # a clean build, then two repeats with nothing changed
#   FRESH=0 RUNS=1 bench/devstart.sh     # one repeat only
#   ARGS=--demo=en bench/devstart.sh     # with the demo (made before the port opens, so the answer waits for it)
#   MVN_ARGS=-Dmaven.test.skip=true bench/devstart.sh   # without compiling the tests
#
# Runs offline (-o): dependencies must already be in ~/.m2 (any earlier build brings them).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18088}
RUNS=${RUNS:-3}
DATA=${DATA:-$(mktemp -d)}
LOG=${LOG:-/tmp/devstart-$$.log}
[ "${FRESH:-1}" = 1 ] && rm -rf target

echo "| run | seconds to first answer | load average at start |"
echo "|---|---:|---|"
for i in $(seq 1 "$RUNS"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  CLIENTDESK_DATA_DIR="$DATA" SERVER_PORT="$PORT" setsid ./mvnw -B -o ${MVN_ARGS:-} spring-boot:run \
    -Dspring-boot.run.arguments="${ARGS:-}" >"$LOG" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" 2>/dev/null | grep -q 200; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "spring-boot:run ended without answering; see $LOG" >&2; exit 1; fi
    sleep 0.5
  done
  end=$(date +%s.%N)
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while curl -s -o /dev/null "http://127.0.0.1:$PORT/login" 2>/dev/null; do sleep 0.5; done
  printf '| %d | %.1f | %s |\n' "$i" "$(echo "$end - $start" | bc)" "$load"
done
