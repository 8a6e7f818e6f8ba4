#!/usr/bin/env python3
"""bench/make_archive.py N OUT [GOLD...]: N articles for the store's
scaling bench, as an archive ingested in no order of date: the texts of
the given articles (or tests/make_articles.py's own sentences when none),
each copy with a fresh id, its own closing line (so that no two texts are
alike) and a publication date drawn over four years, so that "on Sunday"
in its text lands on a day of those years."""
import datetime
import json
import random
import subprocess
import sys

n, out, paths = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
arts = []
for path in paths:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                arts.append({k: a[k] for k in ("id", "text", "title", "source") if a.get(k)})
if not arts:
    made = subprocess.run([sys.executable, "tests/make_articles.py", "500", "5"], capture_output=True, text=True)
    arts = [json.loads(l) for l in made.stdout.splitlines()]
rng = random.Random(17)
base = datetime.date(2016, 1, 1)
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        a = dict(arts[i % len(arts)])
        a["id"] = "archive-%07d" % i
        a["date"] = (base + datetime.timedelta(days=rng.randrange(1461))).isoformat()
        a["text"] = a["text"] + "\nArchive copy %d." % i
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
