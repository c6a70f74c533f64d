# Shared functions of the bench/*.sh scripts. Source it: `. bench/lib.sh` (from the repository root).
#
#   bench_pg_copy TEMPLATE COPY      a fresh PostgreSQL database COPY made from TEMPLATE (createdb -T)
#   bench_use_pg DB | bench_use_h2 FILE   point the jar (SPRING_DATASOURCE_*) at a database
#   bench_start JAR PORT LOG         start the app; BENCH_APP_PID, BENCH_BASE set
#   bench_wait_up [SECONDS]          wait for /actuator/health 200; BENCH_UP_SECONDS (wall), BENCH_STARTED_IN (Spring's)
#   bench_signin EMAIL PASSWORD      prints the "Cookie: CLIENTDESK_SESSION=..." header of a signed-in session
#   bench_token JAR EMAIL            prints a new API token of that person (admin create-token)
#   bench_probe HEADER PATH          prints "<status> <bytes>" of one GET (the page's HTML size)
#   bench_wrk CONNS HEADER PATH      warm-up, then a measured wrk run; prints "<req/s> <p50> <p99> <bytes> <requests> <errors>"
#   bench_heap_start / bench_heap_max_mb   sample the app's heap with jstat every second; the most used, in MB
#   bench_stop                       stop the app (and the heap sampling)
#
# Settings (environment): PGHOST (127.0.0.1), PGUSER (postgres), WARMUP (2s), DURATION (8s),
# BENCH_JAVA_OPTS (-Xmx1g). Everything runs against 127.0.0.1 only.

PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
WARMUP=${WARMUP:-2s}
DURATION=${DURATION:-8s}
BENCH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

bench_log() { echo "[bench] $*" >&2; }

bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { bench_log "$tool is missing (apt-get install -y $tool)"; exit 1; }
  done
}

# A fresh copy of a template database; retries while someone else is connected to the template.
bench_pg_copy() {
  local template=$1 copy=$2 try
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "drop database if exists $copy" >/dev/null
  for try in $(seq 1 30); do
    if createdb -h "$PGHOST" -U "$PGUSER" -T "$template" "$copy" 2>/dev/null; then
      return 0
    fi
    bench_log "createdb -T $template is waiting: the template is in use (try $try)"
    sleep 5
  done
  bench_log "could not copy $template"
  return 1
}

bench_use_pg() {
  export SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST}:5432/$1"
  export SPRING_DATASOURCE_USERNAME="$PGUSER"
  export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"
}

# FILE without the .mv.db ending, as in jdbc:h2:file:FILE
bench_use_h2() {
  export SPRING_DATASOURCE_URL="jdbc:h2:file:$1;AUTO_SERVER=TRUE"
  export SPRING_DATASOURCE_USERNAME=sa
  export SPRING_DATASOURCE_PASSWORD=
}

bench_start() {
  local jar=$1 port=$2 log=$3
  BENCH_BASE="http://127.0.0.1:${port}"
  BENCH_APP_LOG=$log
  if curl -s -o /dev/null "$BENCH_BASE/"; then
    bench_log "something already answers on port $port: stop it first"
    exit 1
  fi
  BENCH_START_NS=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$jar" --server.port="$port" >"$log" 2>&1 &
  BENCH_APP_PID=$!
  trap bench_stop EXIT
}

bench_wait_up() {
  local limit=${1:-180} i
  for i in $(seq 1 $((limit * 4))); do
    if curl -sf -o /dev/null "$BENCH_BASE/actuator/health"; then
      BENCH_UP_SECONDS=$(awk -v a="$BENCH_START_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
      BENCH_STARTED_IN=$(sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' "$BENCH_APP_LOG" | head -1)
      bench_log "up in ${BENCH_UP_SECONDS} s (Spring: started in ${BENCH_STARTED_IN:-?} s)"
      return 0
    fi
    kill -0 "$BENCH_APP_PID" 2>/dev/null || { bench_log "the app died: see $BENCH_APP_LOG"; exit 1; }
    sleep 0.25
  done
  bench_log "the app did not answer /actuator/health in $limit s: see $BENCH_APP_LOG"
  exit 1
}

bench_signin() {
  local email=$1 password=$2 jar csrf session
  jar=$(mktemp)
  csrf=$(curl -s -c "$jar" -b "$jar" "$BENCH_BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$BENCH_BASE/login"
  session=$(awk '$6 == "CLIENTDESK_SESSION" { print $7 }' "$jar")
  rm -f "$jar"
  [ -n "$session" ] || { bench_log "could not sign in as $email"; return 1; }
  echo "Cookie: CLIENTDESK_SESSION=$session"
}

# The portal's own sign-in, for a client contact with a password: prints the session cookie header.
bench_portal_signin() {
  local email=$1 password=$2 jar csrf session
  jar=$(mktemp)
  csrf=$(curl -s -c "$jar" -b "$jar" "$BENCH_BASE/portal/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$BENCH_BASE/portal/sign-in"
  session=$(awk '$6 == "CLIENTDESK_SESSION" { print $7 }' "$jar")
  rm -f "$jar"
  [ -n "$session" ] || { bench_log "could not sign in to the portal as $email"; return 1; }
  echo "Cookie: CLIENTDESK_SESSION=$session"
}

bench_token() {
  java -jar "$1" admin create-token --email "$2" --name "bench-$(date +%s)" 2>/dev/null
}

bench_probe() {
  curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "$1" "$BENCH_BASE$2"
}

# Threads: 1 for one connection, 2 otherwise (wrk -t1 -c1, -t2 -c4).
bench_wrk() {
  local conns=$1 header=$2 path=$3 threads=2 line
  [ "$conns" -gt 1 ] || threads=1
  wrk -t"$threads" -c"$conns" -d"$WARMUP" -H "$header" "$BENCH_BASE$path" >/dev/null 2>&1 || true
  line=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout 30s -H "$header" -s "$BENCH_LIB_DIR/stats.lua" \
    "$BENCH_BASE$path" 2>/dev/null | grep '^STATS ' || true)
  [ -n "$line" ] || line="STATS 0 0 0 0 0 0"
  echo "${line#STATS }"
}

bench_heap_start() {
  BENCH_HEAP_LOG=$(mktemp)
  jstat -gc "$BENCH_APP_PID" 1000 >"$BENCH_HEAP_LOG" 2>/dev/null &
  BENCH_HEAP_PID=$!
}

# The most heap in use (young + old, KB columns of jstat -gc) over the samples so far, in MB.
bench_heap_max_mb() {
  awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
       $1 ~ /^[0-9.]+$/ { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > max) max = used }
       END { printf "%.0f", max / 1024 }' "$BENCH_HEAP_LOG"
}

bench_stop() {
  [ -z "${BENCH_HEAP_PID:-}" ] || kill "$BENCH_HEAP_PID" 2>/dev/null || true
  BENCH_HEAP_PID=
  if [ -n "${BENCH_APP_PID:-}" ] && kill -0 "$BENCH_APP_PID" 2>/dev/null; then
    kill "$BENCH_APP_PID" 2>/dev/null
    wait "$BENCH_APP_PID" 2>/dev/null || true
  fi
  BENCH_APP_PID=
  return 0
}
