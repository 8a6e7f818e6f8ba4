#!/usr/bin/env python3
"""bench/make_corpus.py [--unique] SIZE_MB OUT [GOLD...]: repeats the gold
articles' texts with fresh ids until OUT holds SIZE_MB of JSON Lines.
--unique ends each copy with its own line ("Report N."), so that a store,
which knows a re-sent text for the same article, keeps every copy: the
copies then stand for several outlets reporting the same events."""
import json
import sys

args = sys.argv[1:]
unique = "--unique" in args
args = [a for a in args if a != "--unique"]
size = int(float(args[0]) * 1_000_000)
out = args[1]
arts = []
for path in args[2:]:
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
            if unique:
                b["text"] = a["text"] + "\nReport %d." % n
            n += 1
            s = json.dumps(b, ensure_ascii=False) + "\n"
            f.write(s)
            written += len(s.encode())
            if written >= size:
                break
print(n, written)
