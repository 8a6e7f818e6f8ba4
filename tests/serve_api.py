#!/usr/bin/env python3
"""The HTTP API against the command line, on one store.

    serve_api.py BASE_URL SITREP DB TOKEN

Each check prints a TAP line. The API must give what the command line
gives for the same filters (rows compared, not counts), check parameters
as it does, page without loss, and refuse what it must."""
import json
import subprocess
import sys
import urllib.error
import urllib.request

base, sitrep, db, token = sys.argv[1:5]
n = 0
failed = 0


def ok(cond, what, extra=""):
    global n, failed
    n += 1
    failed += not cond
    print("%s %d - %s%s" % ("ok" if cond else "not ok", n, what, " (%s)" % extra if extra and not cond else ""))


def get(path, method="GET", body=None, headers=None):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def cli(*args, stdin=None):
    return subprocess.run([sitrep, *args], input=stdin, capture_output=True, check=False).stdout


def jl(b):
    return [json.loads(l) for l in b.decode().splitlines() if l.strip()]


# ---- events: the CLI's rows, page after page
st, h, b = get("/api/events?limit=10000")
api = json.loads(b)["events"]
mine = jl(cli("query", "--db", db))
strip = lambda rows: [{k: v for k, v in r.items() if k != "urls"} for r in rows]
mine = strip(mine)
ok(st == 200 and strip(api) == mine and len(mine) > 10, "/api/events gives query's rows", "%d vs %d" % (len(api), len(mine)))
pages, cursor, ids = 0, None, []
while True:
    st, h, b = get("/api/events?limit=7" + ("&cursor=" + urllib.request.quote(cursor) if cursor else ""))
    d = json.loads(b)
    ids += [e["event_id_cnty"] for e in d["events"]]
    cursor, pages = d["next"], pages + 1
    if not cursor or pages > 1000:
        break
ok(ids == [e["event_id_cnty"] for e in mine], "pages of 7 by cursor give every event once, in order",
   "%d pages, %d ids" % (pages, len(ids)))
for q, args in [("country=Syria&since=2017-01-01", ["--country", "Syria", "--since", "2017-01-01"]),
                ("actor=isis", ["--actor", "isis"]),
                ("near=34.69,40.83,50", ["--near", "34.69,40.83,50"]),
                ("type=Battles&until=2018-12-31", ["--type", "Battles", "--until", "2018-12-31"])]:
    st, h, b = get("/api/events?limit=10000&" + q)
    rows = strip(json.loads(b)["events"])
    want = strip(jl(cli("query", "--db", db, *args)))
    ok(st == 200 and rows == want, "/api/events?%s gives query %s's rows" % (q, " ".join(args)),
       "%d vs %d" % (len(rows), len(want)))
for fmt in ["acled-csv", "csv", "phoenix", "plover"]:
    st, h, b = get("/api/events?limit=10000&format=" + fmt)
    want = cli("query", "--db", db, "-f", fmt)
    cut = lambda t: [l.rsplit(b",", 1)[0] if fmt in ("acled-csv",) else l for l in t.splitlines()]
    same = cut(b) == cut(want) if fmt == "acled-csv" else len(b.splitlines()) == len(want.splitlines())
    ok(st == 200 and same, "/api/events?format=%s is query -f %s" % (fmt, fmt))
st, h, b = get("/api/events?limit=3&format=csv")
ok("X-Next-Cursor" in h, "a CSV page gives the next page's cursor in X-Next-Cursor")
st, h, b = get("/api/events?format=geojson&limit=10000")
g = json.loads(b)
ok(st == 200 and g["type"] == "FeatureCollection" and len(g["features"]) == len(mine), "GeoJSON: one feature an event")

# ---- one event, its reports
ev = mine[0]["event_id_cnty"]
st, h, b = get("/api/events/" + ev)
d = json.loads(b)
ok(st == 200 and d["event_id_cnty"] == ev and d["reports"] and d["reports"][0]["text"],
   "/api/events/ID gives the event with its reports' sentences")
ok(get("/api/events/m0000000000000000")[0] == 404, "an unknown event is 404")

# ---- control, timelines, stats
st, h, b = get("/api/control?at=2017-06-01")
rows = json.loads(b)["control"]
want = jl(cli("control", "--db", db, "--at", "2017-06-01", "-f", "jsonl"))
ok(st == 200 and rows and [r["location"] for r in rows] == [w["location"] for w in want] and
   [r["holder"] for r in rows] == [w["holder"] for w in want], "/api/control?at= gives control --at's rows",
   "%s vs %s" % (rows, want))
st, h, b = get("/api/places/Palmyra/timeline")
tl = json.loads(b).get("timeline", [])
want = jl(cli("control", "--db", db, "--place", "Palmyra", "-f", "jsonl"))
ok(st == 200 and [t["since"] for t in tl] == [w["since"] for w in want] and len(tl) >= 2,
   "/api/places/Palmyra/timeline gives control --place's changes", "%s" % tl)
ok(get("/api/places/Atlantis/timeline")[0] == 404, "a place with no change of hands is 404")
st, h, b = get("/api/stats")
s = json.loads(b)
want = cli("stats", "--db", db, "--by", "type").decode()
ok(st == 200 and all(("%s" % t["key"]) in want for t in s["by_type"]) and s["merged"] == len(mine),
   "/api/stats counts what stats counts")

# ---- code and ingest
art = open("tests/data/export/articles.jsonl", "rb").read()
st, h, b = get("/api/code", "POST", art)
d = json.loads(b)
want = jl(cli("code", "-", stdin=art))
ok(st == 200 and d["events"] == want and d["articles"] == 5, "POST /api/code gives code's events, the store untouched")
one = json.dumps({"id": "p1", "date": "2021-09-14", "text": "Gunmen killed four farmers in Zaria, Nigeria on Sunday."},
                 indent=2).encode()
st, h, b = get("/api/code", "POST", one)
ok(st == 200 and json.loads(b)["articles"] == 1, "POST /api/code takes one pretty-printed JSON object")
st, h, b = get("/api/code", "POST", b'{"id":"x"}\n{"text":"no id"}\nnot json\n')
rej = json.loads(b)["rejected"]
ok(st == 200 and len(rej) == 3 and rej[2]["line"] == 3, "POST /api/code names each rejected line", "%s" % rej)
before = json.loads(get("/api/stats")[2])["merged"]
ok(before == len(mine), "the store is untouched by /api/code")
new = b'{"id":"ingest-1","date":"2022-06-10","source":"punchng.com","text":"Gunmen killed seven farmers in Zamfara State, Nigeria, on Wednesday, residents said."}\n'
ok(get("/api/ingest", "POST", new)[0] == 401, "POST /api/ingest without the token is 401")
ok(get("/api/ingest", "POST", new, {"Authorization": "Bearer " + "x" * len(token)})[0] == 401,
   "POST /api/ingest with a wrong token is 401")
st, h, b = get("/api/ingest", "POST", new, {"Authorization": "Bearer " + token})
ok(st == 200 and json.loads(b)["stored"] == 1, "POST /api/ingest with the token stores the article", b[:200])
after = json.loads(get("/api/stats")[2])["merged"]
ok(after == before + 1, "the ingested event is served at once", "%d -> %d" % (before, after))
st, h, b = get("/api/ingest", "POST", new, {"Authorization": "Bearer " + token})
ok(st == 200 and json.loads(b)["already"] == 1, "the same article again stores nothing")

# ---- health and metrics
ok(json.loads(get("/healthz")[2])["status"] == "ok", "/healthz says ok")
st, h, b = get("/metrics")
m = b.decode()
ok(st == 200 and 'sitrep_http_requests_total{class="2xx"}' in m and "sitrep_http_request_duration_seconds_bucket" in m
   and 'sitrep_store_rows{table="merged"}' in m, "/metrics in Prometheus' text: requests, latencies, store size")
print("1..%d" % n)
sys.exit(1 if failed else 0)
