#!/usr/bin/env bash
# Open a report page in headless Chromium (Debian's `chromium`) and save a screenshot.
# Usage: scripts/screenshot.sh [REPORT_HTML] [OUT_PNG]
# Installs chromium with apt-get when it is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-reports/example/report.html}
shot=${2:-reports/example/screenshot.png}
if ! command -v chromium >/dev/null 2>&1; then
  apt-get install -y chromium >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1280,2400 \
  --screenshot="$(realpath -m "$shot")" "file://$(realpath "$page")" 2>/dev/null
echo "wrote $shot"
