#!/usr/bin/env bash
# Email intake (issue 13): one poll of a GreenMail IMAP mailbox holding 1,000 waiting messages (900 from known
# contacts, 100 from unknown senders), on H2 (the tests' database). Prints one line for docs/BENCHMARKS.md.
#
#   bench/email-intake.sh
#   MESSAGES=5000 bench/email-intake.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-/tmp/cb-bench-intake}
./mvnw -o -B -q verify -Dcd.build.dir="$BUILD" -Dtest=None -Dit.test=EmailIntakeBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.messages="${MESSAGES:-1000}" 2>&1 | sed -n '/^\[bench\]/,/^$/p'
