#!/usr/bin/env python3
"""bench/make_corpus.py SIZE_MB OUT [GOLD...]: repeats the gold articles'
texts with fresh ids until OUT holds SIZE_MB of JSON Lines."""
import json
import sys

size = int(float(sys.argv[1]) * 1_000_000)
out = sys.argv[2]
arts = []
for path in sys.argv[3:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                arts.append({k: a[k] for k in ("id", "text", "date", "title", "source") if a.get(k)})
if not arts:
    sys.exit("make_corpus: no articles")
n = written = 0
with open(out, "w", encoding="utf-8") as f:
    while written < size:
        for a in arts:
            b = dict(a)
            b["id"] = "%s-%d" % (a["id"], n)
            n += 1
            s = json.dumps(b, ensure_ascii=False) + "\n"
            f.write(s)
            written += len(s.encode())
            if written >= size:
                break
print(n, written)
