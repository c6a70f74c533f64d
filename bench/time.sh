#!/usr/bin/env bash
# Load test of time tracking on a generated agency with a million time entries (issue 4): a one-year
# report for one client, a person's week, and the health check as a baseline, at 1, 4 and 16 connections.
# Prints Markdown tables (p50/p95/p99 in ms, requests per second, failed requests) ready for
# docs/BENCHMARKS.md, and keeps them in $OUT/time-last-run.md.
#
#   bench/time.sh                                  # PostgreSQL database clientdesk_bench_time on 127.0.0.1
#   DURATION=30s bench/time.sh                     # longer runs
#   REGENERATE=1 bench/time.sh                     # a fresh database even if one is there
#   bench/time.sh 'GET /time/reports by task|/time/reports?client={client}&from={from}&to={to}&group=task'
#
# The database is generated once (admin generate --clients 200 --users 100 --tasks 50000 --time-entries
# 1000000, several minutes) and kept: a later run finds ENTRIES entries there and measures straight away.
# Requests are "label|path" arguments; without any, the list below. In a path, {client} is the client with
# the most time, {from} and {to} the last twelve months up to today, {week} last week's Monday. A path that
# does not answer 200 (a page not built yet) is reported and skipped, not measured.
#
# Needs: the built jar (./mvnw -DskipTests package, or JAR=...), wrk (apt-get install wrk), psql, curl.
# Everything runs on this machine against 127.0.0.1 only; each wrk run stops after DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18082}
BASE="http://127.0.0.1:${PORT}"
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CLIENTS=${CLIENTS:-200}
USERS=${USERS:-100}
TASKS=${TASKS:-50000}
ENTRIES=${ENTRIES:-1000000}
SEED=${SEED:-42}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-clientdesk_bench_time}
JAR=${JAR:-target/clientdesk.jar}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package

sql() { psql -h "$PGHOST" -U "$PGUSER" -d "$DB" -qtAc "$1"; }
export SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST}:5432/${DB}?reWriteBatchedInserts=true"
export SPRING_DATASOURCE_USERNAME="$PGUSER"
export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"
OWNER="owner+${SEED}@bench.clientdesk.test"
PASSWORD="benchmark-password"

HAVE=0
if [ -z "${REGENERATE:-}" ] && psql -h "$PGHOST" -U "$PGUSER" -d postgres -qtAc \
    "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  HAVE=$(sql "select count(*) from time_entries" 2>/dev/null || echo 0)
fi
if [ "$HAVE" -ge "$ENTRIES" ]; then
  echo "[bench] $DB already holds $HAVE time entries: not generating again (REGENERATE=1 to start afresh)" >&2
else
  echo "[bench] fresh database $DB" >&2
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" >/dev/null
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "create database $DB" >/dev/null
  echo "[bench] generating $CLIENTS clients, $USERS users, $TASKS tasks, $ENTRIES time entries (seed $SEED)" >&2
  STARTED=$(date +%s)
  echo "$PASSWORD" | java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" admin generate --clients "$CLIENTS" \
    --users "$USERS" --tasks "$TASKS" --time-entries "$ENTRIES" --seed "$SEED" --owner-email "$OWNER" \
    --password-stdin >&2
  echo "[bench] generated in $(( $(date +%s) - STARTED )) s" >&2
  # What autovacuum does soon after a bulk load: statistics, and the visibility map that lets a scan read
  # an index alone. Measuring before it would measure a database minutes old.
  psql -h "$PGHOST" -U "$PGUSER" -d "$DB" -qc "vacuum analyze" >/dev/null
fi

CLIENT=$(sql "select client_id from time_entries group by client_id order by count(*) desc limit 1")
TO=$(date +%F)
FROM=$(date -d "$TO -1 year +1 day" +%F)
WEEK=$(date -d "$TO -$(( $(date -d "$TO" +%u) + 6 )) days" +%F)   # last week's Monday
echo "[bench] client $CLIENT: $(sql "select count(*) from time_entries where client_id = '$CLIENT' \
  and local_date between '$FROM' and '$TO'") entries from $FROM to $TO; week of $WEEK" >&2

echo "[bench] starting the app on port $PORT" >&2
java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" >"$OUT/time-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

. bench/lib.sh
BENCH_BASE=$BASE
COOKIE=$(bench_signin "$OWNER" "$PASSWORD") || { echo "[bench] could not sign in" >&2; exit 1; }

if [ $# -eq 0 ]; then
  set -- "GET /time/reports one client, 12 months|/time/reports?client={client}&from={from}&to={to}" \
    "GET /time?week= (the owner's week)|/time?week={week}" \
    "GET /time/reports whole team, last month|/time/reports?range=last-month"
fi

# Each request once by hand first: a page that is not there (yet) is reported, not measured as fast 404s.
REQUESTS=()
for request in "$@"; do
  label=${request%%|*}
  path=${request#*|}
  path=${path//\{client\}/$CLIENT}
  path=${path//\{from\}/$FROM}
  path=${path//\{to\}/$TO}
  path=${path//\{week\}/$WEEK}
  status=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$COOKIE" "$BASE$path")
  if [ "${status%% *}" = 200 ]; then
    echo "[bench] $label: $path answers 200 in ${status#* } s" >&2
    REQUESTS+=("$label|$path")
  else
    echo "[bench] skipping $label: $path answers ${status%% *}" >&2
  fi
done
[ ${#REQUESTS[@]} -gt 0 ] || { echo "[bench] nothing to measure" >&2; exit 1; }

run() { # label, header, path, connections, threads
  BENCH_LABEL="$1" wrk -t"$5" -c"$4" -d"$WARMUP" -H "$2" "$BASE$3" >/dev/null
  BENCH_LABEL="$1" wrk -t"$5" -c"$4" -d"$DURATION" -H "$2" -s bench/report.lua "$BASE$3" | grep '^|'
}
table() { # connections threads
  echo
  echo "| request ($1 connections, $DURATION, $ENTRIES entries) | p50 ms | p95 ms | p99 ms | req/s | requests | failed |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  run "GET /actuator/health (baseline)" "Accept: application/json" "/actuator/health" "$1" "$2"
  for request in "${REQUESTS[@]}"; do
    IFS='|' read -r label path <<<"$request"
    run "$label" "$COOKIE" "$path" "$1" "$2"
  done
}

{
  table 1 1
  table 4 2
  table 16 2
} | tee "$OUT/time-last-run.md"
