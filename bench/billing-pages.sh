#!/usr/bin/env bash
# Issue 12, billing and clients: each billing and clients page's default view and the API lists against /login in
# the same run, signed in as the generated owner, on an existing database (a copy of the bench database, or one
# made with `admin generate`). Prints a Markdown table: req/s, its ratio to /login, p50/p99 (ms), HTML size.
#
#   BENCH_DB=clientdesk_b_billing JAR=target/clientdesk.jar bench/billing-pages.sh
#
# Needs: the jar, wrk, psql, curl. The app runs on PORT (default 18150) and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18150}
BASE="http://127.0.0.1:${PORT}"
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-4}
DB=${BENCH_DB:-clientdesk_b_billing}
JAR=${JAR:-target/clientdesk.jar}
OWNER=${OWNER:-owner+42@bench.clientdesk.test}
PASSWORD=${PASSWORD:-benchmark-password}
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/${DB}"
export SPRING_DATASOURCE_USERNAME=postgres
export SPRING_DATASOURCE_PASSWORD=

java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" --server.port="$PORT" >"/tmp/billing-pages-app-$PORT.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
TOKEN=$(java -jar "$JAR" admin create-token --email "$OWNER" --name "bench-$$" 2>/dev/null | tail -1 | awk '{print $NF}')

COOKIES=$(mktemp)
CSRF=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "email=$OWNER" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "CLIENTDESK_SESSION" { print $7 }' "$COOKIES")
[ -n "$SESSION" ] || { echo "could not sign in" >&2; exit 1; }
COOKIE="Cookie: CLIENTDESK_SESSION=$SESSION"
AUTH="Authorization: Bearer $TOKEN"
# the client with the most invoices
CLIENT=$(psql -h 127.0.0.1 -U postgres -d "$DB" -qtAc "select client_id from invoices group by client_id order by count(*) desc limit 1")

rps() { # header path -> "req/s p50 p99"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "$1" "$BASE$2" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "$1" --latency "$BASE$2" | awk '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { r = $2 }
    /Non-2xx/ { bad = $NF } END { print r, p50, p99, (bad == "" ? 0 : bad) }'
}
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0; else printf "%.0f", v * 1000 }'; }

LOGIN=$(rps "Accept: text/html" "/login"); LOGIN_RPS=${LOGIN%% *}
echo "| request (${CONNECTIONS} connections, ${DURATION}) | req/s | vs /login | p50 ms | p99 ms | non-2xx | body |"
echo "|---|---:|---:|---:|---:|---:|---:|"
read -r r p50 p99 bad <<<"$LOGIN"; echo "| GET /login | $r | 1.00 | $(ms "$p50") | $(ms "$p99") | $bad | |"
for spec in "C /billing/invoices" "C /billing/invoices?tab=paid" "C /billing/invoices?tab=open" "C /billing/expenses" \
    "C /billing/services" "C /billing/retainers" "C /billing/recurring" "C /billing/reports" \
    "C /billing/reports/revenue" "C /billing/reports/late" "C /billing/reports/share" \
    "C /billing/reports/forecast" "C /billing/reports/exchange" "C /billing/reports/export" \
    "C /billing/exchange-rates" "C /billing/settings" "C /clients" "C /clients/$CLIENT" "C /members" \
    "C /settings/account" "C /settings/workspace" "C /settings/tokens" \
    "A /api/v1/invoices" "A /api/v1/clients" "A /api/v1/expenses" "A /api/v1/services"; do
  kind=${spec%% *}; path=${spec#* }
  header=$([ "$kind" = C ] && echo "$COOKIE" || echo "$AUTH")
  size=$(curl -s -H "$header" -o /dev/null -w '%{size_download}' "$BASE$path")
  read -r r p50 p99 bad <<<"$(rps "$header" "$path")"
  label=${path//$CLIENT/\{id\}}
  echo "| GET $label | $r | $(awk -v a="$r" -v b="$LOGIN_RPS" 'BEGIN { printf "%.2f", a / b }') | $(ms "$p50") | $(ms "$p99") | $bad | $(awk -v s="$size" 'BEGIN { printf "%.0f KB", s / 1024 }') |"
done
