#!/usr/bin/env bash
# The whole test suite: installs what it needs (as root, through apt), starts a throwaway
# PostgreSQL server for the suites that claim PostgreSQL, runs every *.test.ts, stops the server.
# --unit: only the tests that need no system package (quick loop while developing); the corpus test
# and its fuzz run (test/corpus: ../shared/corpus, python3 for amount-recall.py) are left to the full run.
set -euo pipefail
cd "$(dirname "$0")/.."

unit_only=0
[ "${1:-}" = "--unit" ] && unit_only=1

if [ "$unit_only" = 0 ]; then
  bash scripts/setup-system.sh
  # shellcheck source=/dev/null
  source scripts/pg-throwaway.sh
  pg_throwaway_start
  trap pg_throwaway_stop EXIT
fi

# The build: strict type-check of the whole tree (the app runs from the TypeScript sources through tsx).
if [ "$unit_only" = 0 ]; then
  echo "tsc: type-checking"
  npx tsc -p tsconfig.json
fi

mapfile -t files < <(find src test scripts -name '*.test.ts' -not -path '*/node_modules/*' | LC_ALL=C sort)
if [ "$unit_only" = 1 ]; then
  mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -v -E '^test/(e2e|storage|pdf|api|corpus)/' || true)
fi
mkdir -p .test-artifacts
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
