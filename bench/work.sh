#!/usr/bin/env bash
# Load test of the work views on a generated agency: 10 people, 200 clients, 50,000 tasks, one client
# with 500 of them. Measures the board of that busiest client, my work, the Eisenhower matrix and the
# tasks API, at CONNECTIONS connections and at 1. Prints Markdown tables (p50/p95/p99 in ms, requests per
# second, failed requests) ready for docs/BENCHMARKS.md, and keeps them in $OUT/work-last-run.md.
#
#   bench/work.sh                                    # PostgreSQL database clientdesk_bench_work on 127.0.0.1
#   DURATION=30s CONNECTIONS=16 TASKS=50000 bench/work.sh
#   DURATION=3s WARMUP=1s bench/work.sh              # a quick check that everything answers
#
# Needs: the built jar (./mvnw -DskipTests package, or JAR=...), wrk (apt-get install wrk), psql, curl.
# Everything runs on this machine against 127.0.0.1 only; each wrk run stops after DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18081}
BASE="http://127.0.0.1:${PORT}"
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
CLIENTS=${CLIENTS:-200}
USERS=${USERS:-10}
TASKS=${TASKS:-50000}
SEED=${SEED:-42}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-clientdesk_bench_work}
JAR=${JAR:-target/clientdesk.jar}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package

echo "[bench] fresh database $DB" >&2
psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" >/dev/null
psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "create database $DB" >/dev/null
# Batched inserts become multi-row inserts: the generator's 50,000 tasks go in a few seconds.
export SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST}:5432/${DB}?reWriteBatchedInserts=true"
export SPRING_DATASOURCE_USERNAME="$PGUSER"
export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"

OWNER="owner+${SEED}@bench.clientdesk.test"
PASSWORD="benchmark-password"
echo "[bench] generating $CLIENTS clients, $USERS users, $TASKS tasks (seed $SEED)" >&2
GENERATED=$(echo "$PASSWORD" | java -jar "$JAR" admin generate --clients "$CLIENTS" --users "$USERS" \
  --tasks "$TASKS" --seed "$SEED" --owner-email "$OWNER" --password-stdin)
echo "$GENERATED" >&2
CLIENT_ID=$(awk '$1 == "busiest" && $2 == "client:" { print $3 }' <<<"$GENERATED")
[ -n "$CLIENT_ID" ] || { echo "[bench] the generator named no busiest client" >&2; exit 1; }
# What autovacuum does soon after a bulk load: statistics, and the visibility map that lets counts of
# open work read the index alone. Measuring before it would measure a database minutes old.
psql -h "$PGHOST" -U "$PGUSER" -d "$DB" -qc "vacuum analyze" >/dev/null
TOKEN=$(java -jar "$JAR" admin create-token --email "$OWNER" --name bench)

echo "[bench] starting the app on port $PORT" >&2
java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" >"$OUT/work-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

. bench/lib.sh
BENCH_BASE=$BASE
COOKIE=$(bench_signin "$OWNER" "$PASSWORD") || { echo "[bench] could not sign in" >&2; exit 1; }
AUTH="Authorization: Bearer $TOKEN"

# Each request once by hand first: a page that is not there (yet) is reported, not measured as fast 404s.
REQUESTS=()
check() { # label, header, path
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$2" "$BASE$3")
  if [ "$status" = 200 ]; then
    REQUESTS+=("$1|$2|$3")
  else
    echo "[bench] skipping $1: $3 answers $status" >&2
  fi
}
check "GET /board?clientId= (500 tasks)" "$COOKIE" "/board?clientId=$CLIENT_ID"
check "GET /my-work" "$COOKIE" "/my-work"
check "GET /matrix" "$COOKIE" "/matrix"
check "GET /api/v1/tasks?clientId= (50)" "$AUTH" "/api/v1/tasks?clientId=$CLIENT_ID"
check "GET /api/v1/tasks?clientId=&limit=200" "$AUTH" "/api/v1/tasks?clientId=$CLIENT_ID&limit=200"
[ ${#REQUESTS[@]} -gt 0 ] || { echo "[bench] nothing to measure" >&2; exit 1; }
TASKS_OF_CLIENT=$(curl -sf -H "$AUTH" "$BASE/api/v1/tasks?clientId=$CLIENT_ID&limit=200" | grep -o '"id":"' | wc -l)
echo "[bench] the busiest client's first page of the API holds $TASKS_OF_CLIENT tasks" >&2

run() { # label, header, path, connections, threads
  BENCH_LABEL="$1" wrk -t"$5" -c"$4" -d"$WARMUP" -H "$2" "$BASE$3" >/dev/null
  BENCH_LABEL="$1" wrk -t"$5" -c"$4" -d"$DURATION" -H "$2" -s bench/report.lua "$BASE$3" | grep '^|'
}
table() { # connections threads
  echo
  echo "| request ($1 connections, $DURATION, $TASKS tasks) | p50 ms | p95 ms | p99 ms | req/s | requests | failed |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  run "GET /actuator/health (baseline)" "Accept: application/json" "/actuator/health" "$1" "$2"
  for request in "${REQUESTS[@]}"; do
    IFS='|' read -r label header path <<<"$request"
    run "$label" "$header" "$path" "$1" "$2"
  done
}

{
  table "$CONNECTIONS" "$THREADS"
  table 4 2
  table 1 1
} | tee "$OUT/work-last-run.md"
