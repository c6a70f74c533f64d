#!/usr/bin/env bash
# The work module's views and API lists against /login in the same run, on an existing generated database:
# requests a second at 4 connections (after a warm-up), p50/p99, the ratio to /login and the HTML size.
#
#   DB=clientdesk_b_work JAR=target/clientdesk.jar PORT=18130 bench/work-views.sh
#
# The database holds `admin generate --seed 42` data (owner+42@bench.clientdesk.test, benchmark-password).
# Needs wrk, curl, psql. Everything runs against 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18130}
BASE="http://127.0.0.1:${PORT}"
DB=${DB:-clientdesk_b_work}
JAR=${JAR:-target/clientdesk.jar}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-4s}
CONNECTIONS=${CONNECTIONS:-4}
SEED=${SEED:-42}
OWNER="owner+${SEED}@bench.clientdesk.test"
PASSWORD="benchmark-password"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/${DB}"
export SPRING_DATASOURCE_USERNAME=postgres
export SPRING_DATASOURCE_PASSWORD=

TOKEN=$(java -jar "$JAR" admin create-token --email "$OWNER" --name "bench-$(date +%s)" 2>/dev/null | tail -1)
java -Xmx512m -jar "$JAR" --server.port="$PORT" >/tmp/work-views-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

COOKIES=$(mktemp)
CSRF=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "email=$OWNER" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "CLIENTDESK_SESSION" { print $7 }' "$COOKIES")
[ -n "$SESSION" ] || { echo "could not sign in" >&2; exit 1; }
COOKIE="Cookie: CLIENTDESK_SESSION=$SESSION"
AUTH="Authorization: Bearer $TOKEN"
BUSIEST=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc \
  "select client_id from tasks group by client_id order by count(*) desc, client_id limit 1")

LOGIN_RPS=""
run() { # label, header, path
  local size
  size=$(curl -s -H "$2" "$BASE$3" | wc -c)
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "$2" "$BASE$3" >/dev/null
  local out rps p50 p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$2" "$BASE$3")
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  [ -z "$LOGIN_RPS" ] && LOGIN_RPS=$rps
  printf "| %s | %.1f | %s | %s | %.2f | %s |\n" "$1" "$rps" "$p50" "$p99" \
    "$(awk -v a="$rps" -v b="$LOGIN_RPS" 'BEGIN { print a / b }')" "$(numfmt --to=iec --suffix=B "$size")"
}

echo "| request ($CONNECTIONS connections, $DURATION) | req/s | p50 | p99 | × /login | HTML |"
echo "|---|---:|---:|---:|---:|---:|"
run "GET /login" "Accept: text/html" "/login"
run "GET /board (all clients)" "$COOKIE" "/board"
run "GET /board?clientId= (busiest client)" "$COOKIE" "/board?clientId=$BUSIEST"
run "GET /calendar (month)" "$COOKIE" "/calendar"
run "GET /calendar?view=week" "$COOKIE" "/calendar?view=week"
run "GET /my-work" "$COOKIE" "/my-work"
run "GET /matrix" "$COOKIE" "/matrix"
run "GET /batches" "$COOKIE" "/batches"
run "GET /projects" "$COOKIE" "/projects"
run "GET /api/v1/tasks" "$AUTH" "/api/v1/tasks"
run "GET /api/v1/tasks?open=true" "$AUTH" "/api/v1/tasks?open=true"
run "GET /api/v1/projects" "$AUTH" "/api/v1/projects"
