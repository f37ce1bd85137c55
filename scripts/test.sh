#!/usr/bin/env bash
# The whole test suite: lint, types, unit tests, the Genesys emulator contract suite and the
# browser end-to-end suite. The contract tier runs in a loopback-only network namespace when the
# machine allows one (proof that no test traffic can leave the machine), else on loopback.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json

status=0
step() {
  echo "::: $*"
  "$@" || status=1
}

isolated() {
  if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
    unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"
  elif unshare -rn true 2>/dev/null; then
    unshare -rn sh -c 'ip link set lo up && exec "$@"' sh "$@"
  else
    "$@"
  fi
}

step npx eslint .
step npx tsc --noEmit -p .
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step npx vite build --logLevel warn
if [ -f emulators/genesys/contract/vitest.config.ts ]; then
  step isolated npx vitest run --config emulators/genesys/contract/vitest.config.ts \
    --reporter=default --reporter=json --outputFile.json="$PWD/test-results/contract.json"
fi
# The extension's end-to-end tier runs on the host's loopback (every server binds 127.0.0.1):
# inside a loopback-only namespace Chromium reports navigator.onLine === false to extension pages.
step env SKIP_BUILD=1 npx vitest run --config e2e/vitest.config.ts \
  --reporter=default --reporter=json --outputFile.json=test-results/e2e.json

node scripts/test-summary.mjs test-results || status=1
exit $status
