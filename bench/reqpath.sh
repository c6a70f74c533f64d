#!/usr/bin/env bash
# The fixed cost of a request: start time of the jar on an existing database, then wrk on /login, the health
# check, a static file (without and with a session cookie) and a trivial signed-in page, with the session
# table's row count before and after, and the heap at the end. Optional JFR recording of the whole run.
#
#   DB=clientdesk_reqpath OWNER=owner@reqpath.test PASSWORD=... bench/reqpath.sh [jar]
#   JFR=/tmp/reqpath.jfr bench/reqpath.sh        # records a profile (settings=profile) while it runs
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/clientdesk.jar}
PORT=${PORT:-18110}
BASE="http://127.0.0.1:${PORT}"
DB=${DB:-clientdesk_reqpath}
OWNER=${OWNER:-owner@reqpath.test}
PASSWORD=${PASSWORD:-reqpath-bench-password}
DURATION=${DURATION:-8s}
PAGE=${PAGE:-/settings/account}
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD=
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -tAc"
JFR_OPTS=${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile}
LOG=$(mktemp)
START=$(date +%s%N)
java -Xmx512m $JFR_OPTS -jar "$JAR" --server.port="$PORT" >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/login"; do sleep 0.1; done
echo "first 200 on /login after $(( ($(date +%s%N) - START) / 1000000 )) ms; $(grep -o 'Started .* seconds[^)]*)' "$LOG")"

JARC=$(mktemp)
CSRF=$(curl -s -c "$JARC" -b "$JARC" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$JARC" -b "$JARC" -o /dev/null --data-urlencode "email=$OWNER" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "CLIENTDESK_SESSION" { print $7 }' "$JARC")
[ -n "$SESSION" ] || { echo "could not sign in" >&2; exit 1; }
COOKIE="Cookie: CLIENTDESK_SESSION=$SESSION"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$COOKIE" "$BASE$PAGE")" = 200 ] || { echo "$PAGE is not 200" >&2; exit 1; }

run() { # name, then wrk arguments
  local name=$1; shift
  wrk -t2 -c4 -d2s "$@" >/dev/null # warm-up
  local before; before=$($PSQL "select count(*) from spring_session")
  local out; out=$(wrk -t2 -c4 -d"$DURATION" --latency "$@")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '| %-34s | %8s | %8s | %8s | %s | %s -> %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "$before" \
    "$($PSQL "select count(*) from spring_session")"
}
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| request | req/s | p50 | p99 | non-2xx | session rows |"
echo "|---|---:|---:|---:|---:|---|"
run "/login" "$BASE/login"
run "/actuator/health" "$BASE/actuator/health"
run "/actuator/health (session cookie)" -H "$COOKIE" "$BASE/actuator/health"
run "/css/app.css" "$BASE/css/app.css"
run "/css/app.css (session cookie)" -H "$COOKIE" "$BASE/css/app.css"
run "$PAGE (signed in)" -H "$COOKIE" "$BASE$PAGE"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
jcmd $APP GC.heap_info | grep -E 'garbage-first heap|total' | head -2 || true
if [ -n "${JFR:-}" ]; then jcmd $APP JFR.dump filename="$JFR" >/dev/null; echo "profile in $JFR"; fi
