#!/usr/bin/env python3
"""Fit data/confidence.txt: the weight of each piece of evidence an event
has, as a logistic model of "this event matched a gold event".

    scripts/calibrate.py [--write] [--sitrep build/sitrep] GOLD.jsonl ...

The coder is run with --explain on each gold set's articles; the
"confidence:" lines give every event's evidence (src/code/confidence.c);
the gold sets' scorer (score.py, next to the gold files) says which events
matched. Events matched to an optional gold event are left out. The fit is
checked across the sets first: fitted on the first half of the sets given,
scored on the second half, then the other way round, so that the figures
printed say how the model does on articles it was not fitted on. Then it is
fitted on all the sets, and the threshold that gives the best F1 over all of
them becomes the default --min-confidence. With --write the result replaces
data/confidence.txt. Needs only the Python standard library.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_scorer(gold_path):
    sys.path.insert(0, os.path.dirname(os.path.abspath(gold_path)))
    import score  # the gold sets' own scorer
    return score


def coded(sitrep, arts):
    keys = ("id", "text", "date", "title", "source", "url")
    feed = "".join(json.dumps({k: a.get(k) for k in keys if a.get(k) is not None}) + "\n" for a in arts)
    p = subprocess.run([sitrep, "code", "--explain", "-q", "--min-confidence", "0"], input=feed.encode(),
                       capture_output=True, check=True)
    events, evidence, art = [], {}, None
    for line in p.stdout.decode().splitlines():
        m = re.match(r"^article (.*)$", line)
        if m:
            art = m.group(1)
            continue
        m = re.match(r"^confidence: sentence (-?\d+)'s (.*): ([0-9.]+) from (.*)$", line)
        if m:
            ev = [] if m.group(4) == "nothing" else m.group(4).split()
            evidence.setdefault((art, int(m.group(1)), m.group(2)), []).append(ev)
            continue
        if line.startswith("{"):
            events.append(json.loads(line))
    for e in events:
        e["_evidence"] = evidence[(e["doc_id"], e["sentence"], e["sub_event_type"])].pop(0)
    return events


def labelled(score, gold, events):
    """(evidence, 1 matched / 0 false) for each asserted event; events
    matched to an optional gold event are left out."""
    by = {}
    for e in events:
        if e.get("modality") == "asserted":
            by.setdefault(str(e["doc_id"]), []).append(e)
    out, ngold = [], 0
    for art in gold:
        ps, gs = by.get(str(art["id"]), []), art.get("events", [])
        ngold += sum(1 for g in gs if not g.get("optional"))
        pairs = []
        for i, p in enumerate(ps):
            for j, g in enumerate(gs):
                if p.get("event_type") != g["event_type"]:
                    continue
                lo = score.location_ok(p.get("location"), g.get("location"))
                a1 = score.actor_ok(p.get("actor1"), g.get("actor1"))
                if not (lo or a1):
                    continue
                a2 = score.actor_ok(p.get("actor2"), g.get("actor2"))
                su = p.get("sub_event_type") == g["sub_event_type"]
                pairs.append((2 * lo + a1 + 0.5 * a2 + 0.5 * su + 0.1 * (not g.get("optional")), i, j))
        pairs.sort(key=lambda x: -x[0])
        up, ug, lab = set(), set(), {}
        for _, i, j in pairs:
            if i in up or j in ug:
                continue
            up.add(i)
            ug.add(j)
            lab[i] = None if gs[j].get("optional") else 1
        for i, p in enumerate(ps):
            y = lab.get(i, 0)
            if y is not None:
                out.append((p["_evidence"], y))
    return out, ngold


def fit(data, names, l2=1.0, steps=4000, rate=0.1):
    w = {n: 0.0 for n in names}
    b = 0.0
    n = max(len(data), 1)
    for _ in range(steps):
        gb, gw = 0.0, {k: 0.0 for k in names}
        for ev, y in data:
            z = b + sum(w[k] for k in ev if k in w)
            d = 1 / (1 + math.exp(-z)) - y
            gb += d
            for k in ev:
                if k in gw:
                    gw[k] += d
        b -= rate * gb / n
        for k in names:
            w[k] -= rate * (gw[k] / n + l2 * w[k] / n)
    return b, w


def conf(b, w, ev):
    return 1 / (1 + math.exp(-(b + sum(w.get(k, 0) for k in ev))))


def at(data, ngold, b, w, t):
    tp = sum(1 for ev, y in data if y and conf(b, w, ev) >= t)
    fp = sum(1 for ev, y in data if not y and conf(b, w, ev) >= t)
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / ngold if ngold else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build", "sitrep"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--l2", type=float, default=1.0)
    a = ap.parse_args()
    score = load_scorer(a.gold[0])
    sets = []
    for g in a.gold:
        gold = score.read_jsonl(g)
        data, ngold = labelled(score, gold, coded(a.sitrep, gold))
        sets.append((os.path.basename(g), data, ngold))
    names = sorted({k for _, data, _ in sets for ev, _ in data for k in ev})
    half = len(sets) // 2
    grid = [x / 20 for x in range(0, 20)]
    print("held-out check (fitted on one half of the sets, scored on the other):")
    for tr, te in ((sets[:half], sets[half:]), (sets[half:], sets[:half])):
        b, w = fit([d for s in tr for d in s[1]], names, a.l2)
        trd = [d for s in tr for d in s[1]]
        trg = sum(s[2] for s in tr)
        t = max(grid, key=lambda t: at(trd, trg, b, w, t)[2])
        ted = [d for s in te for d in s[1]]
        teg = sum(s[2] for s in te)
        p0, r0, f0 = at(ted, teg, b, w, 0)
        p, r, f = at(ted, teg, b, w, t)
        print("  fitted on %s, threshold %.2f: on %s P %.3f R %.3f F1 %.3f (all events: P %.3f R %.3f F1 %.3f)" %
              ("+".join(s[0] for s in tr), t, "+".join(s[0] for s in te), p, r, f, p0, r0, f0))
    alld = [d for s in sets for d in s[1]]
    allg = sum(s[2] for s in sets)
    b, w = fit(alld, names, a.l2)
    t = max(grid, key=lambda t: at(alld, allg, b, w, t)[2])
    print("fitted on all: threshold %.2f" % t)
    print("| threshold | " + " | ".join(s[0] for s in sets) + " |")
    for tt in grid:
        cells = []
        for name, data, ng in sets:
            p, r, f = at(data, ng, b, w, tt)
            cells.append("P %.2f R %.2f" % (p, r))
        print("| %.2f | %s |" % (tt, " | ".join(cells)))
    # calibration: how often events near each confidence matched
    print("calibration (all sets): confidence bin, events, matched share")
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        inbin = [(ev, y) for ev, y in alld if lo <= conf(b, w, ev) < lo + 0.2]
        if inbin:
            print("  %.1f-%.1f %4d %.2f" % (lo, lo + 0.2, len(inbin), sum(y for _, y in inbin) / len(inbin)))
    if a.write:
        path = os.path.join(ROOT, "data", "confidence.txt")
        with open(path, "w") as f:
            f.write(CONF_HEAD % ", ".join(s[0] for s in sets))
            f.write("bias %.3f\n" % b)
            for k in names:
                f.write("evidence %s %.3f\n" % (k, w[k]))
            f.write("threshold %.2f\n" % t)
        print("wrote", path)


CONF_HEAD = """# How sure sitrep is of an event: a logistic model of the evidence it has.
# confidence = 1 / (1 + e^-(bias + the weights of the evidence that holds))
# Written by scripts/calibrate.py, fitted on the gold sets %s
# (events matched to a gold event against events that matched none); the
# threshold is the default --min-confidence, the one that gave the best F1
# over those sets. Evidence (src/code/confidence.c):
#   a1-named a1-generic   actor1 is a named actor / only "gunmen", "the army"
#   a2-known              actor2 is known
#   place-town place-near place-region place-unknown
#                         geo-precision 1, 2, 3 with coordinates; no coordinates
#   date-told dead-told   the text gives the day / the number of dead
#   told-twice            several sentences told it
#   headline              only the headline told it
#   generic-attack        "attacked", "killed" with no weapon named
#   lead late             in the first three sentences / the eleventh or later
#   no-actors             neither actor known
#   noun-word             told by a noun ("the attack"), not a verb
#   one-of-several-places one sentence, several places struck
#   type-battles type-explosions type-vac type-protests type-riots type-strategic
"""

if __name__ == "__main__":
    main()
