#!/usr/bin/env bash
# Do two builds extract the same mentions? Runs `extract` of each on the bundled fixtures,
# the shared gold sets and samples when present, and a generated corpus, and diffs the
# outputs. Usage: scripts/compare_builds.sh OLD_BIN NEW_BIN [WORK_DIR]
# Exit 0 when every output is byte for byte the same, 1 when one differs (diff printed).
set -euo pipefail
old=$1 new=$2 work=${3:-$(mktemp -d)}
mkdir -p "$work"
here=$(cd "$(dirname "$0")/.." && pwd)
inputs=("$here"/fixtures/gold/*.jsonl "$here"/fixtures/report/corpus.jsonl "$here"/fixtures/samples)
for f in "$here"/../shared/gold/*.jsonl; do [ -e "$f" ] && inputs+=("$f"); done
[ -d "$here/../shared/samples" ] && inputs+=("$here/../shared/samples")
status=0
for i in "${inputs[@]}"; do
  name=$(echo "$i" | tr '/' '_')
  "$old" extract "$i" > "$work/old$name" 2>/dev/null || true
  "$new" extract "$i" > "$work/new$name" 2>/dev/null || true
  if ! cmp -s "$work/old$name" "$work/new$name"; then
    echo "== differs: $i"
    diff <(python3 -c 'import json,sys
for l in open(sys.argv[1]):
  m=json.loads(l); print(m["doc_id"], m["category"], m["count"], m["group"], m["scope"], m["cause"], m["quote"][:70], m["rule"])' "$work/old$name") \
         <(python3 -c 'import json,sys
for l in open(sys.argv[1]):
  m=json.loads(l); print(m["doc_id"], m["category"], m["count"], m["group"], m["scope"], m["cause"], m["quote"][:70], m["rule"])' "$work/new$name") || true
    status=1
  fi
done
[ $status = 0 ] && echo "same output on ${#inputs[@]} inputs"
exit $status
