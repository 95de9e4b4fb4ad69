#!/usr/bin/env bash
# The main job on the bundled articles: build hasila in release and write the weekly report
# for the sample articles (fixtures/samples/) and the hand-made week corpus
# (fixtures/report/corpus.jsonl) into reports/example/.
# Usage: scripts/run_samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
# The same articles make the same files: the spreadsheet's creation time and the page's
# date are fixed, and the screenshots (made by scripts/screenshot.sh, not by the report) are
# kept across the run.
export SOURCE_DATE_EPOCH=1704067200
keep=$(mktemp -d)
trap 'rm -rf "$keep"' EXIT
for f in screenshot.png screenshot_phone.png; do
  if [ -f "reports/example/$f" ]; then cp "reports/example/$f" "$keep/"; fi
done
./target/release/hasila report fixtures/samples fixtures/report/corpus.jsonl --hxl --out reports/example
for f in screenshot.png screenshot_phone.png; do
  if [ -f "$keep/$f" ]; then cp "$keep/$f" reports/example/; fi
done
