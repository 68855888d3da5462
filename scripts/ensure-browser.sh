#!/usr/bin/env bash
# Makes sure a Chromium exists for the end-to-end tests: a system one (Debian's), or Playwright's own on a
# developer laptop. On a fresh Debian machine as root it installs Debian's chromium; otherwise it says how.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if node -e "const fs=require('fs');const {chromium}=require('@playwright/test');process.exit(fs.existsSync(chromium.executablePath())?0:1)" 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found: installing Debian's chromium for the end-to-end tests (apt-get)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found: install one ('sudo apt-get install chromium', or 'npx playwright install chromium'), or set CHROMIUM_PATH, then run npm test again." >&2
exit 1
