#!/usr/bin/env bash
# The money reports on 50,000 generated invoices (issue 5): the receivables (ageing) and revenue pages and the
# other reports, 30 timed requests each after 5 warm-ups, through MockMvc on H2 (the tests' database).
# Prints a Markdown table for docs/BENCHMARKS.md.
#
#   bench/billing-reports.sh                        # 50,000 invoices on H2
#   INVOICES=100000 bench/billing-reports.sh
#   CLIENTDESK_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/x bench/billing-reports.sh  # PostgreSQL too (lead)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-/tmp/cb-bench-reports}
./mvnw -B -q verify -Dcd.build.dir="$BUILD" -Dtest=None -Dit.test=BillingReportsBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.invoices="${INVOICES:-50000}" 2>&1 | sed -n '/^\[bench\]/,/^$/p'
