#!/usr/bin/env python3
"""Conformance of sitrep's exports to the conventions they claim.

    export_conformance.py acled FILE.csv      ACLED's 31 columns and their values
    export_conformance.py phoenix FILE.tsv    26 tab-separated fields a row
    export_conformance.py plover FILE.jsonl   PLOVER's event types

Prints one line per problem and exits 1 when there is any; the standard
library only (the readers' tests are export_read.py and export_read.R)."""
import csv
import json
import re
import sys

ACLED_COLS = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
              "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country "
              "admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities "
              "tags timestamp").split()
# ACLED's codebook: its event types and sub-event types
TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
DISORDER = {"Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"}
REGIONS = {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "South Asia",
           "Southeast Asia", "East Asia", "Middle East", "Europe", "Caucasus and Central Asia", "Central America",
           "South America", "Caribbean", "North America", "Oceania", "Antarctica"}
SCALES = {"", "National", "Regional", "International", "National-Regional", "National-International",
          "Regional-International", "National-Regional-International"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def is_int(s):
    return re.fullmatch(r"-?\d+", s) is not None


def check_acled(path, bad):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != ACLED_COLS:
        bad("%s: the header is not ACLED's 31 columns in ACLED's order" % path)
        return 0
    ids, country_iso = set(), {}
    for n, r in enumerate(rows[1:], 2):
        where = "%s:%d" % (path, n)
        if len(r) != 31:
            bad("%s: %d fields, not 31" % (where, len(r)))
            continue
        v = dict(zip(ACLED_COLS, r))
        if not re.fullmatch(r"[A-Z]{3}\d+", v["event_id_cnty"]):
            bad("%s: event_id_cnty %r is not ISO3 and a number" % (where, v["event_id_cnty"]))
        if v["event_id_cnty"] in ids:
            bad("%s: event_id_cnty %r twice" % (where, v["event_id_cnty"]))
        ids.add(v["event_id_cnty"])
        if v["event_date"] and not re.fullmatch(r"\d{4}-\d\d-\d\d", v["event_date"]):
            bad("%s: event_date %r" % (where, v["event_date"]))
        if v["event_date"][:4] != v["year"]:
            bad("%s: year %r is not event_date's" % (where, v["year"]))
        if v["time_precision"] not in ("1", "2", "3"):
            bad("%s: time_precision %r" % (where, v["time_precision"]))
        if v["disorder_type"] not in DISORDER:
            bad("%s: disorder_type %r" % (where, v["disorder_type"]))
        if v["sub_event_type"] not in TYPES.get(v["event_type"], ()):
            bad("%s: %r is not a sub-event type of %r" % (where, v["sub_event_type"], v["event_type"]))
        inter = []
        for k in ("inter1", "inter2"):
            if not is_int(v[k]) or not 0 <= int(v[k]) <= 8:
                bad("%s: %s %r is not an actor type 0-8" % (where, k, v[k]))
                inter.append(0)
            else:
                inter.append(int(v[k]))
        want = (min(inter) * 10 + max(inter)) if all(inter) else max(inter) * 10
        if v["interaction"] != str(want):
            bad("%s: interaction %r for actor types %s (want %d)" % (where, v["interaction"], inter, want))
        for k, i in (("actor1", 0), ("actor2", 1)):
            if bool(v[k]) != bool(inter[i]):
                bad("%s: %s %r with actor type %d" % (where, k, v[k], inter[i]))
        if v["civilian_targeting"] not in ("", "Civilian targeting"):
            bad("%s: civilian_targeting %r" % (where, v["civilian_targeting"]))
        if v["civilian_targeting"] and inter[1] != 7:
            bad("%s: civilian targeting with actor2 of type %d" % (where, inter[1]))
        if not is_int(v["iso"]):
            bad("%s: iso %r is not a number" % (where, v["iso"]))
        if v["country"]:
            if len(v["country"]) <= 3 and v["country"].isupper():
                bad("%s: country %r is a code, not a name" % (where, v["country"]))
            if country_iso.setdefault(v["country"], v["iso"]) != v["iso"]:
                bad("%s: %s has iso %s and %s" % (where, v["country"], v["iso"], country_iso[v["country"]]))
            if v["region"] not in REGIONS:
                bad("%s: region %r is not ACLED's" % (where, v["region"]))
            if v["event_id_cnty"][:3] == "XXX":
                bad("%s: a country but no ISO3 in the id" % where)
        if v["geo_precision"] not in ("", "1", "2", "3"):
            bad("%s: geo_precision %r" % (where, v["geo_precision"]))
        if v["geo_precision"] == "1" and not (v["latitude"] and v["longitude"]):
            bad("%s: geo_precision 1 without coordinates" % where)
        if v["latitude"] or v["longitude"]:
            try:
                lat, lon = float(v["latitude"]), float(v["longitude"])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    bad("%s: coordinates out of range" % where)
            except ValueError:
                bad("%s: coordinates %r %r" % (where, v["latitude"], v["longitude"]))
        if v["source_scale"] not in SCALES:
            bad("%s: source_scale %r" % (where, v["source_scale"]))
        if not v["notes"] or "\n" in v["notes"]:
            bad("%s: notes must be one line" % where)
        if not is_int(v["fatalities"]) or int(v["fatalities"]) < 0:
            bad("%s: fatalities %r is not a count" % (where, v["fatalities"]))
        if not is_int(v["timestamp"]):
            bad("%s: timestamp %r" % (where, v["timestamp"]))
    return len(rows) - 1


def check_phoenix(path, bad):
    n = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 26:
                bad("%s:%d: %d fields, not 26" % (path, n, len(fields)))
            elif fields[13] == "0":
                bad("%s:%d: EventCode 0" % (path, n))
            elif fields[1] and not re.fullmatch(r"\d{8}", fields[1]):
                bad("%s:%d: Date %r" % (path, n, fields[1]))
    return n


def check_plover(path, bad):
    n = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            e = json.loads(line)
            if e.get("event_type") not in PLOVER:
                bad("%s:%d: event_type %r is not PLOVER's" % (path, n, e.get("event_type")))
            if not isinstance(e.get("context"), list):
                bad("%s:%d: context is not a list" % (path, n))
    return n


def main():
    problems = []
    kind, paths = sys.argv[1], sys.argv[2:]
    check = {"acled": check_acled, "phoenix": check_phoenix, "plover": check_plover}[kind]
    rows = sum(check(p, problems.append) for p in paths)
    for p in problems[:50]:
        print(p)
    print("%s: %d rows, %d problems" % (kind, rows, len(problems)))
    sys.exit(1 if problems or rows == 0 else 0)


if __name__ == "__main__":
    main()
