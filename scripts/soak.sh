#!/usr/bin/env bash
# npm run soak: a throwaway PostgreSQL (as npm test starts it), then scripts/soak.ts on PGlite and on it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  # shellcheck source=/dev/null
  source scripts/pg-throwaway.sh
  pg_throwaway_start
  trap pg_throwaway_stop EXIT
fi
node --import tsx scripts/soak.ts "$@"
