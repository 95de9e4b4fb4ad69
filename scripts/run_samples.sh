#!/usr/bin/env bash
# The main job on the bundled articles: build hasila in release and write the weekly report
# for the sample articles (fixtures/samples/) and the hand-made week corpus
# (fixtures/report/corpus.jsonl) into reports/example/.
# Usage: scripts/run_samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
# The same articles make the same files: the spreadsheet's creation time is fixed, and the
# screenshot (made by scripts/screenshot.sh, not by the report) is kept across the run.
export SOURCE_DATE_EPOCH=1704067200
shot=$(mktemp)
trap 'rm -f "$shot"' EXIT
if [ -f reports/example/screenshot.png ]; then cp reports/example/screenshot.png "$shot"; fi
./target/release/hasila report fixtures/samples fixtures/report/corpus.jsonl --hxl --out reports/example
if [ -s "$shot" ]; then cp "$shot" reports/example/screenshot.png; fi
