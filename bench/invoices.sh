#!/usr/bin/env bash
# Load test of the invoice list (issue 5: 50,000 invoices, p95 under 100 ms on PostgreSQL): the list as the
# owner opens it, filtered to open and overdue invoices, searched by number, for one client, and the same list
# through the API, at 1, 4 and 16 connections. Prints Markdown tables (p50/p95/p99 in ms, requests per
# second, failed requests) for docs/BENCHMARKS.md and keeps them in $OUT/invoices-last-run.md.
#
#   bench/invoices.sh                      # PostgreSQL database clientdesk_bench_invoices on 127.0.0.1
#   DURATION=30s bench/invoices.sh         # longer runs
#   REGENERATE=1 bench/invoices.sh         # a fresh database even if one is there
#
# The database is generated once (admin generate --clients 200 --users 5 --invoices 50000) and kept.
# Needs: the built jar (./mvnw -DskipTests package, or JAR=...), wrk (apt-get install wrk), psql, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18083}
BASE="http://127.0.0.1:${PORT}"
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CLIENTS=${CLIENTS:-200}
INVOICES=${INVOICES:-50000}
SEED=${SEED:-42}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-clientdesk_bench_invoices}
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
  HAVE=$(sql "select count(*) from invoices" 2>/dev/null || echo 0)
fi
if [ "$HAVE" -ge "$INVOICES" ]; then
  echo "[bench] $DB already holds $HAVE invoices: not generating again (REGENERATE=1 to start afresh)" >&2
else
  echo "[bench] fresh database $DB" >&2
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "drop database if exists $DB" >/dev/null
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "create database $DB" >/dev/null
  STARTED=$(date +%s)
  echo "$PASSWORD" | java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" admin generate --clients "$CLIENTS" --users 5 \
    --invoices "$INVOICES" --seed "$SEED" --owner-email "$OWNER" --password-stdin >&2
  echo "[bench] generated in $(( $(date +%s) - STARTED )) s" >&2
  psql -h "$PGHOST" -U "$PGUSER" -d "$DB" -qc "vacuum analyze" >/dev/null
fi

CLIENT=$(sql "select client_id from invoices group by client_id order by count(*) desc limit 1")
NUMBER=$(sql "select number from invoices where number is not null order by random() limit 1")
echo "[bench] $(sql "select count(*) from invoices") invoices; busiest client $CLIENT with \
$(sql "select count(*) from invoices where client_id = '$CLIENT'"); searching $NUMBER" >&2

echo "[bench] starting the app on port $PORT" >&2
CLIENTDESK_DATA_DIR=$(mktemp -d) java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" \
  --clientdesk.billing.reminders-enabled=false --clientdesk.billing.schedule-enabled=false \
  >"$OUT/invoices-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

. bench/lib.sh
BENCH_BASE=$BASE
COOKIE=$(bench_signin "$OWNER" "$PASSWORD") || { echo "[bench] could not sign in" >&2; exit 1; }
TOKEN=$(java -jar "$JAR" admin create-token --email "$OWNER" --name bench 2>/dev/null | tail -1 | awk '{print $NF}')

if [ $# -eq 0 ]; then
  set -- "GET /billing/invoices (all, first page)|/billing/invoices" \
    "GET /billing/invoices?tab=open|/billing/invoices?tab=open" \
    "GET /billing/invoices?tab=overdue|/billing/invoices?tab=overdue" \
    "GET /billing/invoices?q=number|/billing/invoices?q={number}" \
    "GET /billing/invoices?client= (busiest)|/billing/invoices?client={client}" \
    "GET /billing/invoices page 100|/billing/invoices?page=100" \
    "API GET /api/v1/invoices?limit=50|/api/v1/invoices?limit=50"
fi

REQUESTS=()
for request in "$@"; do
  label=${request%%|*}
  path=${request#*|}
  path=${path//\{client\}/$CLIENT}
  path=${path//\{number\}/$NUMBER}
  header="$COOKIE"
  case "$path" in /api/*) header="Authorization: Bearer $TOKEN";; esac
  status=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$header" "$BASE$path")
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
  echo "| request ($1 connections, $DURATION, $INVOICES invoices) | p50 ms | p95 ms | p99 ms | req/s | requests | failed |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  run "GET /actuator/health (baseline)" "Accept: application/json" "/actuator/health" "$1" "$2"
  for request in "${REQUESTS[@]}"; do
    IFS='|' read -r label path <<<"$request"
    header="$COOKIE"
    case "$path" in /api/*) header="Authorization: Bearer $TOKEN";; esac
    run "$label" "$header" "$path" "$1" "$2"
  done
}

{
  table 1 1
  table 4 2
  table 16 2
} | tee "$OUT/invoices-last-run.md"
