#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<harness>/ from our own files
(examples/, tests/data/, data/) and a few hand-written edge cases. Run from
the repository root after `make`; the gazetteer seed needs build/sitrep."""
import json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
out = "fuzz/corpus"

def put(harness, name, data):
    d = os.path.join(out, harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

articles = [json.loads(l) for l in open("examples/articles.jsonl", encoding="utf-8")]
lines = open("examples/articles.jsonl", "rb").read().splitlines(keepends=True)

# JSON Lines reader
for i, l in enumerate(lines):
    put("fuzz_jsonl", f"example{i}", l)
put("fuzz_jsonl", "all", b"".join(lines))
for name, data in {
    "crlf": b'{"id":"a","text":"x"}\r\n{"id":"b","text":"y"}\r\n',
    "bom": b'\xef\xbb\xbf{"id":"a","text":"x"}\n',
    "types": b'{"id":5,"text":["x"],"date":null}\n{"id":"b"}\n{"text":"t"}\n',
    "nested": b'{"id":"a","text":"x","extra":' + b"[" * 64 + b"]" * 64 + b"}\n",
    "bignum": b'{"id":1e999,"text":"x"}\n',
    "escapes": b'{"id":"\\u0000","text":"a\\u00e9\\ud83d\\ude00 \\ud800"}\n',
    "truncated": b'{"id":"a","text":"cut off',
    "dates": b'{"id":"a","date":"2018-02-30","text":"x"}\n{"id":"b","date":"yesterday","text":"y"}\n',
}.items():
    put("fuzz_jsonl", name, data)

# HTML extractor
put("fuzz_html", "page", "<html><head><title>Clashes near Hajin</title><script>var a='<p>';</script>"
    "<style>p{}</style></head><body><nav>Home | News</nav><article><h1>Clashes</h1>"
    "<p>" + articles[0]["text"].replace("\n", "</p><p>") + "</p></article>"
    "<footer>Leave a Comment</footer></body></html>")
put("fuzz_html", "unclosed", "<html><body><p>ISIS attacked <b>Hajin<p>on Sunday<div><script>x")
put("fuzz_html", "entities", "<p>Deir ez&#8211;Zor &amp; Raqqa &nbsp; &#x627;&#x644;</p><br/><p>next</p>")

# text layer and the whole pipeline: the texts of our examples
for i, a in enumerate(articles):
    put("fuzz_text", f"example{i}", a["text"])
    put("fuzz_code", f"example{i}", bytes([3]) + a["text"].encode("utf-8"))
put("fuzz_text", "mixed", "U.S.-led strikes hit 30 km (19 miles) east of Deir ez\u2013Zor. \u201cWe won,\u201d he said.\u200b "
    "\u062f\u0627\u0639\u0634 \u0418\u0413\u0418\u041b\r\nBad \xff\xfe bytes\x00 here")
put("fuzz_code", "relative", bytes([1]) + b"Two days ago, gunmen killed at least six soldiers in the town of "
    b"Baqras. The group also abducted dozens of civilians on 25 February. Russia denied bombing Idlib.")

# dates and numbers: 3 bytes choose the article date
for i, s in enumerate([
        "on Sunday, two days ago, last week, Wednesday midnight, on 25 February 2019",
        "at least six, more than 10, dozens, 1,200, thirty-five, 3.5 million, 1e999",
        "on 31/12/2018, in March, early this morning, on Feb. 29, the 3rd of May",
        "in the 2000s, the 1990s, the 2090s, the 1890s, the 2005s, the 20000s, 2010s",
        ]):
    put("fuzz_numdate", f"seed{i}", bytes([28, 10, 3]) + s.encode())

# dictionary loaders: first byte picks the file kind (see fuzz_dict.c)
kinds = ["countries.txt", "actors.txt", "agents.txt", "events.txt", "cues.txt", "places.tsv", "boilerplate.txt",
         "taxonomy.txt", "confidence.txt", "en/words.txt", "sectors.txt", "export.txt"]
for k, name in enumerate(kinds):
    body = open(os.path.join("data", name), "rb").read()
    name = os.path.basename(name)
    # the first lines that are entries, so the seed stays small
    keep = [l for l in body.splitlines(keepends=True)][:80]
    put("fuzz_dict", name, bytes([k]) + b"".join(keep))

# gazetteer: \x01 + a small index, \x00 + GeoNames dump lines
idx = "build/fuzz/seed.idx"
if os.path.exists(idx):
    os.unlink(idx)
# the fixture holds two malformed lines on purpose: exit status 3 is expected
rc = subprocess.run(["build/sitrep", "gazetteer", "import", "--admin1", "tests/data/admin1_fixture.txt",
                     "-o", idx, "tests/data/geonames_fixture.txt"], stderr=subprocess.DEVNULL).returncode
if rc not in (0, 3) or not os.path.exists(idx):
    sys.exit("make_seeds: gazetteer import failed")
put("fuzz_gazetteer", "index", b"\x01" + open(idx, "rb").read())
put("fuzz_gazetteer", "geonames", b"\x00" + open("tests/data/geonames_fixture.txt", "rb").read())
print("seed corpora written to", out, file=sys.stderr)
