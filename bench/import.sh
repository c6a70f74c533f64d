#!/usr/bin/env bash
# Times the import of a large Toggl Track export (issue 4: 100,000 rows in under 30 s) through the screens,
# as a person does it: upload (the file is read and kept), preview (every row checked, mapping defaults),
# commit with the form's choices (in the background; the script polls the progress bar's URL until it is done). Then uploads the same
# file again and times its preview, which must find every row already imported. Prints a Markdown table and
# keeps it in $OUT/import-last-run.md.
#
#   bench/import.sh                      # H2 in a fresh temporary folder, 100,000 rows
#   DB=postgres bench/import.sh          # PostgreSQL database clientdesk_bench_import on 127.0.0.1
#   ROWS=10000 bench/import.sh           # a quick check
#
# Needs: the built jar (./mvnw -DskipTests package, or JAR=...), java, curl; psql for PostgreSQL. Everything
# runs on this machine against 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18092}
BASE="http://127.0.0.1:${PORT}"
ROWS=${ROWS:-100000}
SEED=${SEED:-42}
DB=${DB:-h2}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PGDB=${BENCH_DB:-clientdesk_bench_import}
JAR=${JAR:-target/clientdesk.jar}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"
WORK=$(mktemp -d)
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package

export CLIENTDESK_DATA_DIR="$WORK/data"
if [ "$DB" = postgres ]; then
  echo "[bench] fresh PostgreSQL database $PGDB" >&2
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "drop database if exists $PGDB" >/dev/null
  psql -h "$PGHOST" -U "$PGUSER" -d postgres -qc "create database $PGDB" >/dev/null
  # Batched inserts become multi-row inserts.
  export SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST}:5432/${PGDB}?reWriteBatchedInserts=true"
  export SPRING_DATASOURCE_USERNAME="$PGUSER"
  export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"
else
  echo "[bench] H2 in $CLIENTDESK_DATA_DIR" >&2
  if [ -n "${H2_OPTIONS:-}" ]; then
    export SPRING_DATASOURCE_URL="jdbc:h2:file:${CLIENTDESK_DATA_DIR}/clientdesk;DB_CLOSE_ON_EXIT=FALSE;${H2_OPTIONS}"
  fi
fi

OWNER="owner+${SEED}@bench.clientdesk.test"
PASSWORD="benchmark-password"
echo "[bench] a workspace with 5 people (seed $SEED)" >&2
echo "$PASSWORD" | java -jar "$JAR" admin generate --clients 5 --users 5 --seed "$SEED" --owner-email "$OWNER" \
  --password-stdin >&2
CSV="$WORK/toggl-${ROWS}.csv"
java bench/TogglCsv.java --rows "$ROWS" --seed "$SEED" --out "$CSV" >&2

if curl -s -o /dev/null "$BASE/actuator/health"; then
  echo "[bench] something already answers on port $PORT: choose another with PORT=" >&2
  exit 1
fi
echo "[bench] starting the app on port $PORT" >&2
java ${BENCH_JAVA_OPTS:--Xmx2g} -jar "$JAR" --server.port="$PORT" >"$OUT/import-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

COOKIES="$WORK/cookies"
csrf() { curl -s -c "$COOKIES" -b "$COOKIES" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "email=$OWNER" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$(csrf /login)" "$BASE/login"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

upload() { # prints the import's id
  local token location
  token=$(csrf /time/import)
  location=$(curl -s -b "$COOKIES" -o /dev/null -w '%{redirect_url}' -F "_csrf=$token" -F "zone=America/Sao_Paulo" \
    -F "file=@$CSV;type=text/csv" "$BASE/time/import")
  [ -n "$location" ] || { echo "[bench] the upload was refused" >&2; exit 1; }
  echo "${location##*/}"
}

T0=$(now)
ID=$(upload)
T1=$(now)
PREVIEW=$(curl -s -b "$COOKIES" "$BASE/time/import/$ID")
T2=$(now)
grep -q "Ready:" <<<"$PREVIEW" || { echo "[bench] the preview is not ready to import:" >&2; grep -o 'import-verdict[^<]*<[^<]*' <<<"$PREVIEW" >&2; exit 1; }
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$PREVIEW" | head -1 | sed 's/.*value="//;s/"$//')
# The form as the browser sends it: each select with its selected option (zone, dates, the mapping).
FORM=()
while IFS= read -r field; do FORM+=(--data-urlencode "$field"); done < <(awk '
  /<select / { if (match($0, /name="[^"]*"/)) name = substr($0, RSTART + 6, RLENGTH - 7) }
  /<option / && / selected/ { if (match($0, /value="[^"]*"/)) print name "=" substr($0, RSTART + 7, RLENGTH - 8) }' <<<"$PREVIEW")
STATUS=$(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$TOKEN" \
  --data-urlencode "action=commit" "${FORM[@]}" "$BASE/time/import/$ID")
[ "$STATUS" = 302 ] || { echo "[bench] the commit answered $STATUS" >&2; exit 1; }
T3=$(now)
for _ in $(seq 1 1200); do
  curl -s -b "$COOKIES" "$BASE/time/import/$ID/progress" | grep -q 'hx-get=' || break
  sleep 0.25
done
T4=$(now)
SUMMARY=$(curl -s -b "$COOKIES" "$BASE/time/import/$ID")
ADDED=$(grep -o '[0-9][0-9,.]* entries were added' <<<"$SUMMARY" || true)
[ -n "$ADDED" ] || { echo "[bench] the import did not finish:" >&2; grep -o 'form-alert.*' <<<"$SUMMARY" | head -3 >&2; exit 1; }

T5=$(now)
AGAIN=$(upload)
T6=$(now)
SECOND=$(curl -s -b "$COOKIES" "$BASE/time/import/$AGAIN")
T7=$(now)
grep -q "were imported before" <<<"$SECOND" || { echo "[bench] the second preview did not find every row imported" >&2; exit 1; }

{
  echo "| step ($ROWS rows, $DB, $(date -u +%Y-%m-%d)) | seconds |"
  echo "|---|---:|"
  echo "| upload: send $(du -h "$CSV" | cut -f1), read and keep the file | $(secs "$T0" "$T1") |"
  echo "| preview: check every row, defaults of the mapping | $(secs "$T1" "$T2") |"
  echo "| commit request: start the background commit | $(secs "$T2" "$T3") |"
  echo "| commit in the background, until the progress bar is done | $(secs "$T3" "$T4") |"
  echo "| **total, upload to imported** ($ADDED) | **$(secs "$T0" "$T4")** |"
  echo "| the same file again: upload | $(secs "$T5" "$T6") |"
  echo "| the same file again: preview (every row already imported) | $(secs "$T6" "$T7") |"
} | tee "$OUT/import-last-run.md"
