#!/usr/bin/env bash
# Times the import of the whole ECB reference-rate history (issue 5: about 7,000 days × 30 currencies must
# import in seconds) on generated data, through ExchangeRates.importEcb in the application context, on H2 by
# default (CLIENTDESK_TEST_POSTGRES_URL for PostgreSQL, as the integration tests choose). Prints a Markdown table.
#
#   bench/exchange.sh                   # 7,000 days
#   DAYS=1000 bench/exchange.sh         # a quick check
set -euo pipefail
cd "$(dirname "$0")/.."
DAYS=${DAYS:-7000}
BUILD=${BUILD_DIR:-/tmp/cb-bench-exchange}
./mvnw -B -q test -Dcd.build.dir="$BUILD" -Dtest=EcbImportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.days="$DAYS" -DargLine="-Dbench.days=$DAYS" 2>&1 | sed -n '/^\[bench\]/,/^$/p'
