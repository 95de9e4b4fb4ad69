#!/usr/bin/env bash
# Open a report page in headless Chromium (Debian's `chromium`) and save two screenshots:
# at a desktop's width and at a phone's (390 px, as an iPhone 12-15 shows a page).
# Usage: scripts/screenshot.sh [REPORT_HTML] [OUT_DIR]
# Installs chromium with apt-get when it is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-reports/example/report.html}
dir=${2:-reports/example}
if ! command -v chromium >/dev/null 2>&1; then
  apt-get install -y chromium >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shoot() { # WIDTH HEIGHT FILE
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$1,$2" \
    --force-device-scale-factor=1 \
    --screenshot="$(realpath -m "$3")" "file://$(realpath "$page")" 2>/dev/null
  echo "wrote $3"
}
shoot 1280 2400 "$dir/screenshot.png"
shoot 390 2400 "$dir/screenshot_phone.png"
