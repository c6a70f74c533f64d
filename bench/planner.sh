#!/usr/bin/env bash
# Times the auto-planner (issue 14: 2,000 tasks for 10 people over 8 weeks in under 0.5 s) on generated data,
# through AutoPlanner.plan alone (no database, no HTTP): one cold run, then ROUNDS-1 more. Prints a Markdown table.
#
#   bench/planner.sh                          # 2,000 tasks, 10 people, 8 weeks
#   TASKS=20000 PEOPLE=50 bench/planner.sh    # a bigger team
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${TASKS:-2000}
PEOPLE=${PEOPLE:-10}
WEEKS=${WEEKS:-8}
ROUNDS=${ROUNDS:-15}
BUILD=${BUILD_DIR:-/tmp/cb-bench-planner}
PROPS="-Dbench.tasks=$TASKS -Dbench.people=$PEOPLE -Dbench.weeks=$WEEKS -Dbench.rounds=$ROUNDS"
./mvnw -B -o -q test -Dcd.build.dir="$BUILD" -Dtest=PlannerBench -Dsurefire.failIfNoSpecifiedTests=false \
  $PROPS -DargLine="$PROPS" 2>&1 | sed -n '/^\[bench\]/,/^$/p'
