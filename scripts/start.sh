#!/usr/bin/env bash
# Starts the whole Order Service on this machine: installs what it needs (idempotent), builds the
# apps, starts the local Kafka (unless KAFKA_BROKERS is set) and the three apps on their embedded
# stores (or on DATABASE_URL), and prints where each listens. Ctrl-C stops everything it started.
# Pass --demo to feed a stream of realistic orders through their lifecycle.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -z "${KAFKA_BROKERS:-}" ]; then
  SKIP_CHROMIUM=1 SKIP_POSTGRES=1 scripts/ensure-system-packages.sh
fi
. scripts/bootstrap.sh
pnpm turbo run build --output-logs=errors-only
exec node --disable-warning=TimeoutNegativeWarning tools/run-system/src/start.ts "$@"
