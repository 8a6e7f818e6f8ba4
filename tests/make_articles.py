#!/usr/bin/env python3
"""tests/make_articles.py N [SEED]: N distinct synthetic news articles as
JSON Lines on standard output, for store tests and ingest benchmarks.
Sentences are written from our own templates; places and actors vary so
that many events are distinct and some are reported twice (by two
outlets, a day apart), which exercises merging."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
towns = ["Hajin", "Al-Susah", "Al-Bukamal", "Mayadin", "Al-Shafah", "Gharanij", "Abu Hamam", "Hasakah",
         "Raqqa", "Tabqa", "Manbij", "Kobani", "Idlib", "Saraqib", "Maarat al-Numan", "Khan Shaykhun",
         "Mosul", "Tal Afar", "Kirkuk", "Tikrit", "Ramadi", "Fallujah", "Baiji", "Samarra"]
templates = [
    "Coalition jets struck ISIS positions in {town} on {day}, killing {n} militants.",
    "Islamic State militants attacked SDF positions near {town} on {day}, killing {n} fighters.",
    "Syrian government forces shelled the town of {town} on {day}, killing {n} civilians.",
    "Gunmen abducted {n} civilians in {town} on {day}, residents said.",
    "A roadside bomb struck an army patrol in {town} on {day}, killing {n} soldiers.",
    "Russian warplanes bombed the town of {town} on {day}, killing {n} civilians.",
    "Syrian government forces captured the town of {town} from ISIS on {day}.",
]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
outlets = ["Outlet A", "Outlet B", "Outlet C"]
out = sys.stdout
import datetime
base = datetime.date(2017, 1, 1)
k = -1
for i in range(n):
    # a new happening, or (one article in four) another outlet's report of
    # the previous one, with its own death toll
    if k < 0 or rng.random() >= 0.25:
        k += 1
        when = base + datetime.timedelta(days=(k * 37) % 1400)
        t = templates[k % len(templates)]
        town = towns[(k * 5 + k // 24) % len(towns)]
    # the article appears the day after; "on <weekday>" points back to it
    pub = when + datetime.timedelta(days=1)
    text = t.format(town=town, day=days[when.weekday()], n=2 + rng.randrange(17))
    extra = " Local sources reported fighting nearby, report {}.".format(i)
    art = {"id": "synthetic-%06d" % i, "date": pub.isoformat(), "source": outlets[i % 3],
           "title": "Report %d" % i, "text": text + extra}
    out.write(json.dumps(art) + "\n")
