#!/usr/bin/env bash
# The main job on the bundled sample articles: build hasila in release and write what it
# reads from each sample under reports/samples/. Usage: scripts/run_samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
out=reports/samples
mkdir -p "$out"
tmp=$(mktemp "$out/.numbers.jsonl.XXXXXX")
trap 'rm -f "$tmp"' EXIT
for f in fixtures/samples/*.txt; do
  ./target/release/hasila numbers "$f" |
    python3 -c 'import json,sys
name=sys.argv[1]
for line in sys.stdin:
    d=json.loads(line)
    if d["numbers"]:
        d["file"]=name
        print(json.dumps(d, ensure_ascii=False))' "$f"
done >"$tmp"
mv "$tmp" "$out/numbers.jsonl"
trap - EXIT
echo "wrote $out/numbers.jsonl ($(wc -l <"$out/numbers.jsonl") lines with numbers)"
