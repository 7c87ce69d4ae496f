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

# The build: esbuild bundles src/ into dist/ (about a second), which bin/fiscus.js runs, so the tests that
# spawn the CLI test the compiled JavaScript; then strict tsc type-checks the whole tree (src, tests and
# scripts). The tests themselves run the sources through tsx.
if [ "$unit_only" = 0 ]; then
  echo "build: esbuild → dist/"
  node scripts/build.mjs
  echo "tsc: type-checking"
  npx tsc -p tsconfig.json
fi
# Formatting (prettier, .prettierrc.json; what it leaves alone: .prettierignore): any file that
# \`npm run format\` would change fails the run, in the quick loop too.
echo "prettier: checking the formatting"
npx prettier --check --log-level warn .
# Lint (eslint with typescript-eslint's type-aware recommended rules, eslint.config.mjs): any finding,
# error or warning, fails the run, in the quick loop too.
echo "eslint: linting"
npx eslint --max-warnings 0 .

mapfile -t files < <(find src test scripts -name '*.test.ts' -not -path '*/node_modules/*' | LC_ALL=C sort)
if [ "$unit_only" = 1 ]; then
  mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -v -E '^test/(e2e|storage|pdf|api|corpus)/' || true)
fi
mkdir -p .test-artifacts
# Nothing may stall the run: a test still running after 20 minutes fails as timed out (the longest take
# about 2), and the whole run is stopped after 75 minutes (a whole run takes about 15), a non-zero exit.
# No --test-force-exit: with it, Node's runner drops the verdicts of a file's last tests from the report
# and still exits 0 (nodejs/node#64833; seen here: 21 tests of indicator.test.ts missing from one run's
# count), so a failure could pass unseen. A file that leaves something open is caught by the timeout.
timeout --kill-after=60 75m node --import tsx --test --test-concurrency=2 --test-timeout=1200000 --test-reporter=spec "${files[@]}"
