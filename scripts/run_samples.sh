#!/usr/bin/env bash
# The main job on the bundled sample articles: build hasila in release and extract every
# casualty mention from fixtures/samples/ into reports/samples/ (JSON Lines and CSV).
# Usage: scripts/run_samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
out=reports/samples
mkdir -p "$out"
./target/release/hasila extract fixtures/samples -o "$out/mentions.jsonl"
./target/release/hasila extract fixtures/samples --format csv -o "$out/mentions.csv"
echo "wrote $out/mentions.jsonl and $out/mentions.csv ($(wc -l <"$out/mentions.jsonl") mentions)"
