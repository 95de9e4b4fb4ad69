#!/usr/bin/env python3
"""Split dev2 by source file into the part rules are written on and the held-back third.

The held-back third is the first third of dev2's source files (the part of `source` before
`#`) in the order of md5("held:" + file): chosen without reading the articles, so a rule
that helps on the worked part and not on the held-back one shows it was fitted.

Usage: scripts/dev2_split.py [DEV2] [OUTDIR]   (defaults: ../shared/gold/dev2.jsonl, /tmp)
writes OUTDIR/dev2_work.jsonl and OUTDIR/dev2_held.jsonl.
"""
import hashlib
import json
import os
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/gold/dev2.jsonl"
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp"
lines = open(src, encoding="utf-8").read().splitlines(True)
file_of = [json.loads(l).get("source", "").split("#")[0] for l in lines]
files = sorted(set(file_of), key=lambda f: hashlib.md5(("held:" + f).encode()).hexdigest())
held = set(files[: len(files) // 3])
with open(os.path.join(out, "dev2_work.jsonl"), "w", encoding="utf-8") as w, open(
    os.path.join(out, "dev2_held.jsonl"), "w", encoding="utf-8"
) as h:
    for line, f in zip(lines, file_of):
        (h if f in held else w).write(line)
print(f"{len(held)} of {len(files)} source files held back", file=sys.stderr)
