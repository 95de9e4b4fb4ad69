#!/usr/bin/env bash
# Throughput of `hasila numbers` on the bundled sample articles repeated to SIZE_MB (default 50).
# Usage: scripts/bench_numbers.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
cargo build --release --quiet
corpus=$(mktemp -t hasila-bench.XXXXXX)
trap 'rm -f "$corpus"' EXIT
target=$((size_mb * 1024 * 1024))
while [ "$(stat -c %s "$corpus")" -lt "$target" ]; do
  cat fixtures/samples/*.txt >>"$corpus"
done
bytes=$(stat -c %s "$corpus")
start=$(date +%s.%N)
./target/release/hasila numbers "$corpus" >/dev/null
end=$(date +%s.%N)
python3 - "$bytes" "$start" "$end" <<'PY'
import sys
b, s, e = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"hasila numbers: {b/1e6:.1f} MB in {e-s:.2f} s = {b/1e6/(e-s):.1f} MB/s")
PY
