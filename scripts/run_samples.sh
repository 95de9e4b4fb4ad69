#!/usr/bin/env bash
# The main job on the bundled articles: build hasila in release and write the weekly report
# for the sample articles (fixtures/samples/) and the hand-made week corpus
# (fixtures/report/corpus.jsonl) into reports/example/.
# Usage: scripts/run_samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
./target/release/hasila report fixtures/samples fixtures/report/corpus.jsonl --hxl --out reports/example
