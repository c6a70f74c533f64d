#!/usr/bin/env bash
# Times MeetingPlanner.find for five parties (Sydney, London, São Paulo, New York, Kolkata) over 52 weeks
# (issue 14: "the meeting planner answers for 5 parties over 52 weeks in under 100 ms"). Pure computation, no
# database; app.clientdesk.bench.MeetingPlannerBench (test sources) prints the first answer and the median, p95
# and slowest of RUNS answers after as many warm-up ones.
#
#   bench/meeting-planner.sh                 # 52 weeks, 200 runs
#   WEEKS=104 RUNS=50 bench/meeting-planner.sh
#   BUILD=/tmp/cb-me bench/meeting-planner.sh   # another build folder (the -Dcd.build.dir of ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."

WEEKS=${WEEKS:-52}
RUNS=${RUNS:-200}
BUILD=${BUILD:-target}

echo "[bench] compiling main and test classes into $BUILD" >&2
./mvnw -B -q -o -Dcd.build.dir="$BUILD" -DskipTests test-compile >&2
JSPECIFY=$(ls ~/.m2/repository/org/jspecify/jspecify/*/jspecify-*.jar | grep -v sources | head -1)

echo "[bench] $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java ${BENCH_JAVA_OPTS:--Xmx256m} -cp "$BUILD/test-classes:$BUILD/classes:$JSPECIFY" \
  app.clientdesk.bench.MeetingPlannerBench "$WEEKS" "$RUNS"
echo "[bench] load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
