#!/usr/bin/env bash
# npm test: type check, unit and property tests, then the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-browser.sh
echo "== type check"
npx tsc -p .
echo "== unit and property tests"
npx vitest run
echo "== end-to-end tests (production build and dev server, in Chromium)"
npx playwright test
