#!/usr/bin/env bash
# hasila extract against ripgrep finding the same cue words, on one corpus, in one run.
# Builds a JSONL corpus of SIZE_MB from the bundled articles, times `hasila extract` and
# `rg -o -f <cue words>` on it, prints the ratio and the peak RSS of hasila at two sizes;
# then times `hasila report` on the same corpus, with its peak RSS.
# Usage: scripts/bench.sh [SMALL_MB] [LARGE_MB]      (defaults: 20 200)
#        RUNS=n scripts/bench.sh ...                 (runs of each, alternated; default 5:
#        times on a shared machine drift between runs, so medians are compared)
#        HASILA=path/to/hasila scripts/bench.sh ...  (time that binary, build nothing: to
#        compare two builds on the same machine)
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-20}
large=${2:-200}
runs=${RUNS:-5}
command -v rg >/dev/null || { echo "needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }
bin=${HASILA:-./target/release/hasila}
[ -n "${HASILA:-}" ] || cargo build --release --locked --quiet
[ -x "$bin" ] || { echo "no executable at $bin" >&2; exit 1; }
work=$(mktemp -d -t hasila-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# The cue words and casualty nouns of the rules, as written.
python3 - "$work/cues.txt" <<'PY'
import re, sys, tomllib
rules = tomllib.load(open("rules/casualties.toml", "rb"))
words = set()
for t in ("cue", "noun"):
    for row in rules.get(t, []):
        for k in ("words", "singular", "dual", "plural"):
            words.update(w.split()[0] for w in row.get(k, []))
open(sys.argv[1], "w").write("\n".join(sorted(words)) + "\n")
PY
corpus() {  # corpus SIZE_MB FILE
  python3 - "$1" "$2" <<'PY'
import json, sys, glob
size, out = int(sys.argv[1]) << 20, sys.argv[2]
docs = [json.loads(l)["text"] for f in ("fixtures/gold/dev.jsonl", "fixtures/gold/seeds.jsonl", "fixtures/report/corpus.jsonl") for l in open(f)]
docs += [open(f).read() for f in sorted(glob.glob("fixtures/samples/*.txt"))]
n = written = 0
with open(out, "w") as w:
    while written < size:
        line = json.dumps({"id": f"d{n}", "text": docs[n % len(docs)]}, ensure_ascii=False) + "\n"
        w.write(line)
        written += len(line.encode())
        n += 1
PY
}
measure() {  # measure SIZE_MB: hasila and rg, alternated RUNS times; medians and ratio
  local f="$work/corpus-$1.jsonl"
  corpus "$1" "$f"
  # The corpus just written goes to the disk before the timing, not during it; then the
  # page cache is warmed for both.
  sync "$f"
  cat "$f" >/dev/null
  : >"$work/h.times"; : >"$work/r.times"
  for _ in $(seq "$runs"); do
    # Each run writes a new file, as the first does: replacing the last run's 160 MB would
    # add the time the file system takes to free it (30-45 ms here), which is no part of
    # extracting.
    rm -f "$work/out.jsonl"
    /usr/bin/time -f "%e %M" -a -o "$work/h.times" "$bin" extract "$f" -o "$work/out.jsonl" 2>/dev/null
    /usr/bin/time -f "%e %M" -a -o "$work/r.times" rg -o -f "$work/cues.txt" "$f" >/dev/null
  done
  python3 - "$1" "$work/h.times" "$work/r.times" "$work/rss-$1" <<'PY'
import statistics, sys
mb = int(sys.argv[1])
h = [tuple(map(float, l.split())) for l in open(sys.argv[2]) if l.strip()]
r = [float(l.split()[0]) for l in open(sys.argv[3]) if l.strip()]
hs, rs = statistics.median(t for t, _ in h), statistics.median(r)
hm = max(m for _, m in h)
ratios = sorted(a / max(b, 1e-9) for (a, _), b in zip(h, r))
print(f"{mb:>5} MB: hasila {hs:.2f} s ({mb/hs:.0f} MB/s, peak RSS {hm/1024:.0f} MB)  "
      f"rg {rs:.2f} s ({mb/max(rs,1e-9):.0f} MB/s)  ratio {hs/max(rs,1e-9):.1f}x "
      f"(medians of {len(h)}; run by run {ratios[0]:.1f}x to {ratios[-1]:.1f}x)")
open(sys.argv[4], "w").write(str(int(hm)))
PY
  # The whole report on the same corpus: time and peak RSS.
  /usr/bin/time -f "%e %M" -o "$work/rep.time" "$bin" report "$f" --out "$work/report" 2>/dev/null
  read -r ps pm <"$work/rep.time"
  python3 -c "print(f'        report {$ps:.2f} s, peak RSS {$pm/1024:.0f} MB')"
  echo "$pm" >"$work/rep-rss-$1"
  rm -f "$f"
}
echo "cores: $(nproc); cue words: $(wc -l <"$work/cues.txt")"
measure "$small"
measure "$large"
ratio() { python3 -c "print(f'{int(open(\"$work/$1-$large\").read())/int(open(\"$work/$1-$small\").read()):.2f}x')"; }
echo "peak RSS $large MB / $small MB: extract $(ratio rss), report $(ratio rep-rss)"
