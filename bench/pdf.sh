#!/usr/bin/env bash
# Renders 1,000 varied invoice PDFs through InvoicePdfs (issue 5: "under 60 s on this machine") and prints the
# total time and the median, p95 and slowest per PDF, one PDF after another on one thread.
#
#   bench/pdf.sh                     # 1,000 invoices, seed 42
#   COUNT=200 bench/pdf.sh           # fewer
#   BUILD=/tmp/cb-me bench/pdf.sh    # another build folder (the -Dcd.build.dir of ./mvnw)
#
# The invoices are generated first by app.clientdesk.bench.InvoicePdfBench (test sources) on an in-memory H2
# database: 8 clients in GBP, BRL, JPY, BHD, EUR, USD and INR, English and Portuguese; 1–15 lines each with no tax
# or a named rate, some discounted; four in five issued. Only the rendering is timed. Three sample PDFs are kept
# in $OUT. Nothing leaves this machine: the renderer loads no remote resource.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-1000}
SEED=${SEED:-42}
BUILD=${BUILD:-target}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"

echo "[bench] compiling main and test classes into $BUILD" >&2
./mvnw -B -q -Dcd.build.dir="$BUILD" -DskipTests test-compile >&2
CP_FILE="$BUILD/pdf-bench.classpath"
./mvnw -B -q -Dcd.build.dir="$BUILD" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >&2

echo "[bench] $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$BUILD/test-classes:$BUILD/classes:$(cat "$CP_FILE")" \
  app.clientdesk.bench.InvoicePdfBench "$COUNT" "$SEED" "$OUT/pdf-samples" | tee "$OUT/pdf-last-run.txt"
echo "[bench] load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
