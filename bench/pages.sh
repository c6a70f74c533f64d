#!/usr/bin/env bash
# Every page of the navigation and every API list, with their default filters, as the owner and as a
# member (and the portal's pages as the bench's client contact, role "contact"), at 1 and 4 connections (wrk -t1 -c1 and -t2 -c4, WARMUP then DURATION each), with /login,
# /actuator/health and a static file (no cookie) as references. Prints one Markdown table: req/s, the ratio
# to /login's req/s at the same connections in the same run, p50, p99 and the page's size; then the most
# heap used during the run and the jar's start time on the existing database.
#
#   bench/pages.sh            # on a fresh copy (clientdesk_b_pages) of PostgreSQL database clientdesk_bench12
#   bench/pages.sh --h2       # on a copy of an H2 file with a tenth of the data (generated once, H2_MASTER)
#   CONNS="4" WARMUP=2s DURATION=8s JAR=/tmp/x.jar bench/pages.sh
#   FILTER='^/(board|calendar)' bench/pages.sh   # only the rows whose page matches (and /login)
#   PASSES=2 bench/pages.sh   # go through every row once unrecorded first, so each page is measured as warm as /login
#
# After the table the app is stopped and started again on the same database, so the second start time is a
# start with no migration pending (the first one may run migrations the copy does not have yet).
#
# The bench database: admin generate --clients 200 --users 10 --tasks 50000 --time-entries 1000000
# --invoices 50000 --requests 20000 --seed 42 (the generator runs VACUUM ANALYZE on PostgreSQL, as autovacuum would; --requests is
# 100 per client when left out). A database generated before requests existed has none, and no portal
# contact: generate it again (a new TEMPLATE_DB, or delete H2_MASTER) to measure the request rows. It is never written to: the app
# runs on a copy (createdb -T), made afresh each run.
# Needs: the built jar (./mvnw -o -q -DskipTests package), wrk, curl, psql/createdb, jstat.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

MODE=pg
[ "${1:-}" = "--h2" ] && MODE=h2
PORT=${PORT:-18160}
JAR=${JAR:-target/clientdesk.jar}
OUT=${OUT:-bench/results}
CONNS=${CONNS:-"1 4"}
SEED=${SEED:-42}
OWNER="owner+${SEED}@bench.clientdesk.test"
MEMBER="member1+${SEED}@bench.clientdesk.test"
CONTACT="contact1+${SEED}@bench.clientdesk.test" # the first client's contact, with portal access (same password)
PASSWORD="benchmark-password"
TEMPLATE_DB=${TEMPLATE_DB:-clientdesk_bench12}
COPY_DB=${COPY_DB:-clientdesk_b_pages}
H2_MASTER=${H2_MASTER:-/tmp/clientdesk-bench-h2/master}
H2_COPY=${H2_COPY:-/tmp/clientdesk-bench-h2/run}
mkdir -p "$OUT"
bench_require wrk curl jstat
[ -f "$JAR" ] || ./mvnw -o -q -DskipTests package

if [ "$MODE" = pg ]; then
  bench_require psql createdb
  if [ -z "${KEEP_COPY:-}" ]; then # KEEP_COPY=1: reuse the copy of an earlier run (copying takes minutes)
    bench_log "copying $TEMPLATE_DB to $COPY_DB"
    bench_pg_copy "$TEMPLATE_DB" "$COPY_DB"
  fi
  bench_use_pg "$COPY_DB"
  DATA="PostgreSQL copy of $TEMPLATE_DB"
else
  if [ ! -f "$H2_MASTER/clientdesk.mv.db" ]; then
    mkdir -p "$H2_MASTER"
    bench_use_h2 "$H2_MASTER/clientdesk"
    bench_log "generating the H2 data (a tenth) in $H2_MASTER"
    echo "$PASSWORD" | java -Xmx1g -jar "$JAR" admin generate --clients 200 --users 10 --tasks 5000 \
      --time-entries 100000 --invoices 5000 --requests 2000 --seed "$SEED" --password-stdin >&2
  fi
  rm -rf "$H2_COPY" && mkdir -p "$H2_COPY" && cp "$H2_MASTER"/clientdesk.mv.db "$H2_COPY"/
  bench_use_h2 "$H2_COPY/clientdesk"
  DATA="H2 file, a tenth of the data"
fi

bench_log "API tokens (admin create-token)"
OWNER_TOKEN=$(bench_token "$JAR" "$OWNER")
MEMBER_TOKEN=$(bench_token "$JAR" "$MEMBER")
[ -n "$OWNER_TOKEN" ] && [ -n "$MEMBER_TOKEN" ] || { bench_log "could not create the API tokens"; exit 1; }

bench_log "starting $JAR on port $PORT ($DATA)"
bench_start "$JAR" "$PORT" "$OUT/pages-app.log"
bench_wait_up 300
START_WALL=$BENCH_UP_SECONDS
START_SPRING=${BENCH_STARTED_IN:-?}
bench_heap_start

OWNER_COOKIE=$(bench_signin "$OWNER" "$PASSWORD")
MEMBER_COOKIE=$(bench_signin "$MEMBER" "$PASSWORD")
CONTACT_COOKIE=$(bench_portal_signin "$CONTACT" "$PASSWORD" || true)
[ -n "$CONTACT_COOKIE" ] || CONTACT_COOKIE="Cookie: none" # the portal rows then say "not measured: 302"
OWNER_AUTH="Authorization: Bearer $OWNER_TOKEN"
MEMBER_AUTH="Authorization: Bearer $MEMBER_TOKEN"
first_id() { curl -sf -H "$1" "$BENCH_BASE/api/v1/clients?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
OWNER_CLIENT=$(first_id "$OWNER_AUTH")
MEMBER_CLIENT=$(first_id "$MEMBER_AUTH")

# The navigation of src/main/jte/layout/page.jte (main menu, the time and billing tabs, the user menu) and
# a client's page. Pages the member may not open are probed and shown with their status, not measured.
PAGES=(/ /today /my-work /board /matrix /batches /calendar /plan /plan/capacity /plan/meetings /clients
  "/clients/{client}" /projects /time /time/entries
  /time/reports /time/rates /time/import /billing/invoices /billing/expenses /billing/services /billing/retainers
  /billing/recurring /billing/reports /billing/reports/revenue /billing/reports/share /billing/reports/exchange
  /billing/exchange-rates /billing/settings /members /settings/account
  /settings/timer /settings/workspace /templates /workflows /settings/tokens /api/v1/docs /requests)
APIS=(/api/v1/clients /api/v1/projects /api/v1/tasks /api/v1/time-entries /api/v1/invoices /api/v1/expenses
  /api/v1/services /api/v1/requests /api/v1/time-blocks)
# The portal as the first client's contact: its home (what issue 13 compares with /login) and its requests.
PORTAL_PAGES=(/portal /portal/requests)

kb() { awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.2f MB", b / 1048576; else printf "%.1f KB", b / 1024 }'; }

declare -A LOGIN_RPS
row() { # label role conns header path
  local label=$1 role=$2 conns=$3 header=$4 path=$5 probe status size rps p50 p99 bytes requests errors ratio
  [ -z "${FILTER:-}" ] || [[ "$label" == /login* ]] || [[ "$label" =~ $FILTER ]] || return 0
  probe=$(bench_probe "$header" "$path")
  status=${probe%% *}
  size=${probe#* }
  if [ "$status" != 200 ]; then
    printf '| %s | %s | %s | %s | | | | %s |\n' "$label" "$role" "$conns" "not measured: $status" "$(kb "$size")"
    return
  fi
  read -r rps p50 p99 bytes requests errors < <(bench_wrk "$conns" "$header" "$path")
  [ "$label" = "/login" ] && LOGIN_RPS[$conns]=$rps || true
  ratio=$(awk -v a="$rps" -v b="${LOGIN_RPS[$conns]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "" }')
  [ "$errors" = 0 ] || rps="$rps ($errors errors)"
  printf '| %s | %s | %s | %s | %s | %s ms | %s ms | %s |\n' "$label" "$role" "$conns" "$rps" "$ratio" "$p50" "$p99" \
    "$(kb "$size")"
  bench_log "$label $role c$conns: $rps req/s"
}

# Warm the app before the table (JIT, pools, and the jobs a fresh start runs, such as the reminders' catch-up),
# so that /login, measured first and the reference of every ratio, is not measured on a cold JVM.
PREWARM=${PREWARM:-20s}
bench_log "warming up for $PREWARM on /login and $PREWARM on /clients as the owner"
wrk -t2 -c4 -d"$PREWARM" "$BENCH_BASE/login" >/dev/null 2>&1 || true
wrk -t2 -c4 -d"$PREWARM" -H "$OWNER_COOKIE" "$BENCH_BASE/clients" >/dev/null 2>&1 || true
table() {
  echo "| page | role | conns | req/s | ÷ /login | p50 | p99 | size |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for c in $CONNS; do
    row /login anonymous "$c" "Accept: text/html" /login
    row /actuator/health anonymous "$c" "Accept: application/json" /actuator/health
    row /css/app.css anonymous "$c" "Accept: text/css" /css/app.css
    for role in owner member; do
      if [ $role = owner ]; then cookie=$OWNER_COOKIE client=$OWNER_CLIENT; else cookie=$MEMBER_COOKIE client=$MEMBER_CLIENT; fi
      for page in "${PAGES[@]}"; do
        row "$page" "$role" "$c" "$cookie" "${page//\{client\}/$client}"
      done
    done
    for page in "${PORTAL_PAGES[@]}"; do
      row "$page" contact "$c" "$CONTACT_COOKIE" "$page"
    done
    for role in owner member; do
      if [ $role = owner ]; then auth=$OWNER_AUTH; else auth=$MEMBER_AUTH; fi
      for api in "${APIS[@]}"; do
        row "$api" "$role" "$c" "$auth" "$api"
      done
    done
    # /login again at the end: if it differs much from the first row, the machine changed during the run.
    row "/login (again, at the end)" anonymous "$c" "Accept: text/html" /login
  done
}
# PASSES=2: a first pass through every row, not shown, so that every page (not only /login and /clients) has been
# compiled by the JIT before it is measured; the second pass is the table.
PASSES=${PASSES:-1}
for ((pass = 1; pass < PASSES; pass++)); do
  bench_log "unrecorded pass $pass of $PASSES"
  table >/dev/null
done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u +%H:%M)
table | tee "$OUT/pages-$MODE.md"
HEAP_MAX=$(bench_heap_max_mb)
bench_log "stopping the app and starting it again on the same database (no migration pending now)"
bench_stop
bench_start "$JAR" "$PORT" "$OUT/pages-app-restart.log"
bench_wait_up 300
RESTART_WALL=$BENCH_UP_SECONDS
RESTART_SPRING=${BENCH_STARTED_IN:-?}
bench_stop
echo
echo "- data: $DATA; jar $JAR; wrk -t1 -c1 / -t2 -c4, $WARMUP warm-up then $DURATION per row; $PASSES pass(es), the last one shown; run from $STARTED_AT to $(date -u +%H:%M) UTC"
echo "- load average (1/5/15 min): $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "- most heap used during the run: $HEAP_MAX MB (jstat -gc every second; ${BENCH_JAVA_OPTS:--Xmx1g})"
echo "- first start on the copy: health answered after $START_WALL s (Spring: started in $START_SPRING s)"
echo "- second start, no migration pending: health answered after $RESTART_WALL s (Spring: started in $RESTART_SPRING s)"
echo "- a client's page: /clients/$OWNER_CLIENT (owner), /clients/$MEMBER_CLIENT (member)"
