#!/usr/bin/env bash
# Times a person's calendar feed (issue 14: a year of blocks answers in under 100 ms): 5 blocks a day for 365 days
# and 200 due dates, fetched warm through the whole stack (MockMvc with the security filters) by CalendarFeedBench,
# on H2 by default (CLIENTDESK_TEST_POSTGRES_URL for PostgreSQL, as the integration tests choose). Prints a
# Markdown table.
#
#   bench/feeds.sh                          # 5 blocks a day, 200 tasks, 30 rounds
#   BLOCKS_PER_DAY=10 bench/feeds.sh        # a busier year
set -euo pipefail
cd "$(dirname "$0")/.."
BLOCKS_PER_DAY=${BLOCKS_PER_DAY:-5}
TASKS=${TASKS:-200}
ROUNDS=${ROUNDS:-30}
BUILD=${BUILD_DIR:-/tmp/cb-bench-feeds}
PROPS="-Dbench.blocksPerDay=$BLOCKS_PER_DAY -Dbench.tasks=$TASKS -Dbench.rounds=$ROUNDS"
./mvnw -B -o -q test -Dcd.build.dir="$BUILD" -Dtest=CalendarFeedBench -Dsurefire.failIfNoSpecifiedTests=false \
  $PROPS -DargLine="$PROPS" 2>&1 | sed -n '/^\[bench\]/,/^$/p'
