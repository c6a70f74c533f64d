#!/usr/bin/env bash
# Load test of Clientdesk's main pages and API calls on generated data, with the health endpoint as a
# trivial request of the same app for comparison. Prints one Markdown table (p50/p95/p99 in ms,
# requests per second, failed requests) ready for docs/BENCHMARKS.md.
#
#   bench/load.sh                       # PostgreSQL database clientdesk_bench on 127.0.0.1:5432
#   DURATION=30s CONNECTIONS=16 bench/load.sh
#
# Needs: the built jar (./mvnw -DskipTests package), wrk (apt-get install wrk), psql, curl.
# Everything runs on this machine against 127.0.0.1 only; each wrk run stops after DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
BASE="http://127.0.0.1:${PORT}"
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
CLIENTS=${CLIENTS:-200}
USERS=${USERS:-10}
SEED=${SEED:-42}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-clientdesk_bench}
JAR=target/clientdesk.jar
OUT=${OUT:-bench/results}
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package

echo "[bench] fresh database $DB" >&2
psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" >/dev/null
psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "create database $DB" >/dev/null
export SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST}:5432/${DB}"
export SPRING_DATASOURCE_USERNAME="$PGUSER"
export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"

OWNER="owner+${SEED}@bench.clientdesk.test"
PASSWORD="benchmark-password"
echo "[bench] generating $CLIENTS clients, $USERS users (seed $SEED)" >&2
echo "$PASSWORD" | java -jar "$JAR" admin generate --clients "$CLIENTS" --users "$USERS" --seed "$SEED" \
  --owner-email "$OWNER" --password-stdin >&2
TOKEN=$(java -jar "$JAR" admin create-token --email "$OWNER" --name bench)

echo "[bench] starting the app on port $PORT" >&2
java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

. bench/lib.sh
BENCH_BASE=$BASE
COOKIE=$(bench_signin "$OWNER" "$PASSWORD") || { echo "[bench] could not sign in" >&2; exit 1; }
AUTH="Authorization: Bearer $TOKEN"
LIST=$(curl -sf -H "$AUTH" "$BASE/api/v1/clients?limit=1")
CLIENT_ID=$(grep -o '"id":"[^"]*"' <<<"$LIST" | head -1 | cut -d'"' -f4)
PAGE=$(curl -sf -H "$COOKIE" "$BASE/clients")
grep -q 'client-name' <<<"$PAGE" || { echo "[bench] clients page did not render" >&2; exit 1; }

run() { # label, header, path [connections threads]
  local c=${4:-$CONNECTIONS} t=${5:-$THREADS}
  BENCH_LABEL="$1" wrk -t"$t" -c"$c" -d"$WARMUP" -H "$2" "$BASE$3" >/dev/null
  BENCH_LABEL="$1" wrk -t"$t" -c"$c" -d"$DURATION" -H "$2" -s bench/report.lua "$BASE$3" | grep '^|'
}

{
  echo "| request ($CONNECTIONS connections, $DURATION) | p50 ms | p95 ms | p99 ms | req/s | requests | failed |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  run "GET /img/logo.svg (static baseline)" "Accept: image/svg+xml" "/img/logo.svg"
  run "GET /actuator/health (baseline)" "Accept: application/json" "/actuator/health"
  run "GET /clients (page of 50)" "$COOKIE" "/clients"
  run "GET /clients?q=harbour (search)" "$COOKIE" "/clients?q=harbour"
  run "GET /clients?status=ACTIVE" "$COOKIE" "/clients?status=ACTIVE"
  run "GET /clients/{id}" "$COOKIE" "/clients/$CLIENT_ID"
  run "GET /api/v1/clients?limit=200 (all)" "$AUTH" "/api/v1/clients?limit=200"
  run "GET /api/v1/clients/{id}" "$AUTH" "/api/v1/clients/$CLIENT_ID"
} | tee "$OUT/last-run.md"

# The same main requests one at a time: what one request costs when nothing queues.
{
  echo
  echo "| request (1 connection, $DURATION) | p50 ms | p95 ms | p99 ms | req/s | requests | failed |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  run "GET /actuator/health (baseline)" "Accept: application/json" "/actuator/health" 1 1
  run "GET /clients (page of 50)" "$COOKIE" "/clients" 1 1
  run "GET /api/v1/clients?limit=200 (all)" "$AUTH" "/api/v1/clients?limit=200" 1 1
} | tee -a "$OUT/last-run.md"
