#!/usr/bin/env python3
"""tests/hostile/gen.py OUTDIR [--big]
Writes the hostile inputs into OUTDIR (tests/hostile.sh runs it into
build/hostile/). Each is written out below, so a diff shows what changed.
What sitrep must do with each is in EXPECT.tsv, written by hand. --big also
writes the huge ones: a 50 MB single line and a million empty lines."""
import os, sys

here = sys.argv[1] if len(sys.argv) > 1 else "build/hostile"
os.makedirs(here, exist_ok=True)

# Every JSON Lines case ends with this article, which must still be coded.
SURVIVOR = (b'{"id":"survivor","date":"2018-11-05","text":"ISIS militants attacked SDF '
            b'positions in Hajin on Sunday, killing five fighters."}\n')
GOOD = b'{"id":"g%d","date":"2018-11-05","text":"Coalition jets struck ISIS positions near Hajin on Saturday."}\n'


def art(text, id_=b"a", date=b"2018-11-05"):
    return b'{"id":"' + id_ + b'","date":"' + date + b'","text":"' + text + b'"}\n'


def jl(name, *lines, survivor=True):
    with open(os.path.join(here, name + ".jsonl"), "wb") as f:
        for l in lines:
            f.write(l)
        if survivor:
            f.write(SURVIVOR)


def raw(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


# --- broken UTF-8 inside article text: repaired, coded
jl("utf8-invalid-bytes", art(b"ISIS \xff\xfe attacked \x80 Hajin \xc3 on Sunday."))
jl("utf8-overlong-slash", art(b"Deir ez\xc0\xafZor \xe0\x80\xaf clashes \xf0\x80\x80\xaf killed 3 soldiers."))
jl("utf8-overlong-nul", art(b"gunmen \xc0\x80 killed \xe0\x80\x80 two civilians in Raqqa."))
jl("utf8-surrogates", art(b"Daesh \xed\xa0\x80\xed\xbf\xbf shelled Kobani."))
jl("utf8-beyond-10ffff", art(b"militants \xf4\x90\x80\x80 \xf7\xbf\xbf\xbf attacked Tabqa."))
jl("utf8-five-six-byte", art(b"the army \xf8\x88\x80\x80\x80 \xfc\x84\x80\x80\x80\x80 shelled Douma."))
jl("utf8-lone-continuation", art(b"\x80\x81\x82 airstrikes hit \xbf Mayadin."))
jl("utf8-truncated-at-end", art(b"rebels captured the town of Morek \xe2\x80"))
jl("utf8-noncharacters", art(b"\xef\xbf\xbe\xef\xbf\xbf ISIS attacked Hajin \xef\xb7\x90."))
jl("utf8-outside-strings", b'{"id":"a",\xff"text":"x"}\n', GOOD % 1)
jl("utf8-in-id", b'{"id":"\xff\xfe","text":"ISIS attacked Hajin."}\n')
jl("mojibake", art("Ã¢â‚¬Å“ISISÃ¢â‚¬Â attacked Hajin, Ã‚Â killing 4.".encode("utf-8")))
# --- NUL bytes and control characters
jl("nul-raw-in-text", art(b"ISIS attacked\x00 Hajin on Sunday."))
jl("nul-escaped-in-text", art(b"ISIS \\u0000 attacked Hajin on Sunday, killing 3 fighters."))
jl("nul-between-lines", b"\x00\x00\x00\n", GOOD % 1)
jl("control-chars", art(b"ISIS\\u0001\\u0007\\u001b[31m attacked\\u007f Hajin\\u0085 on\\u2028Sunday."))
jl("escaped-backslash-u0000", art(b"a path C:\\\\u0000 and ISIS attacked Hajin."))
# --- malformed JSON
jl("json-truncated", b'{"id":"a","text":"ISIS attacked Hajin\n', GOOD % 1)
jl("json-trailing-garbage", b'{"id":"a","text":"x"} trailing\n', GOOD % 1)
jl("json-two-objects", b'{"id":"a","text":"x"}{"id":"b","text":"y"}\n')
jl("json-top-array", b'[{"id":"a","text":"x"}]\n')
jl("json-top-string", b'"just a string"\n')
jl("json-top-null", b"null\n")
jl("json-single-quotes", b"{'id':'a','text':'x'}\n")
jl("json-comments", b'{"id":"a", /* c */ "text":"x"}\n')
jl("json-bad-escapes", b'{"id":"a","text":"bad \\x41 escape"}\n', b'{"id":"b","text":"short \\u12"}\n')
jl("json-lone-surrogate-escape", art(b"ISIS \\ud800 attacked Hajin \\udc00 on Sunday."))
jl("json-nested-deep", b'{"id":"a","text":"x","meta":' + b"[" * 100000 + b"]" * 100000 + b"}\n")
jl("json-nested-deep-only", b"[" * 200000 + b"\n")
jl("json-nested-object-ok", b'{"id":"a","text":"ISIS attacked Hajin.","meta":{"a":{"b":{"c":[1,2,{"d":null}]}}}}\n')
jl("json-html-instead", b"<html><body>Not JSON</body></html>\n")
jl("json-cut-last-line", SURVIVOR, b'{"id":"cut","text":"ISIS attacked', survivor=False)
raw("json-no-final-newline.jsonl", SURVIVOR.rstrip(b"\n"))
# --- numbers and wrong field types
jl("number-1e999-id", b'{"id":1e999,"text":"x"}\n')
jl("number-1e999-date", b'{"id":"a","date":1e999,"text":"ISIS attacked Hajin."}\n')
jl("number-huge-in-text", art(b"ISIS killed 99999999999999999999999999999999 people and 1e999 soldiers in Hajin."))
jl("number-id-ok", b'{"id":12345,"text":"ISIS attacked Hajin."}\n')
jl("number-id-fraction", b'{"id":1.5,"text":"x"}\n')
jl("type-text-number", b'{"id":"a","text":42}\n')
jl("type-text-array", b'{"id":"a","text":["ISIS attacked Hajin."]}\n')
jl("type-text-null", b'{"id":"a","text":null}\n')
jl("type-id-object", b'{"id":{"x":1},"text":"x"}\n')
jl("type-id-bool", b'{"id":true,"text":"x"}\n')
jl("type-title-object", b'{"id":"a","title":{"x":1},"source":[],"text":"ISIS attacked Hajin."}\n')
jl("date-invalid", art(b"ISIS attacked Hajin on Sunday.", date=b"2018-02-30"),
   art(b"ISIS attacked Hajin on Sunday.", id_=b"b", date=b"yesterday"))
# --- missing and repeated fields, duplicate ids
jl("missing-id", b'{"text":"ISIS attacked Hajin."}\n')
jl("missing-text", b'{"id":"a","date":"2018-11-05"}\n')
jl("empty-id", b'{"id":"","text":"x"}\n')
jl("empty-text", b'{"id":"a","text":""}\n')
jl("empty-object", b"{}\n")
jl("duplicate-ids", art(b"ISIS attacked Hajin.", id_=b"same"), art(b"Turkish jets bombed Afrin.", id_=b"same"))
jl("duplicate-keys", b'{"id":"a","text":"x","text":"ISIS attacked Hajin."}\n')
jl("id-very-long", b'{"id":"' + b"x" * 100000 + b'","text":"ISIS attacked Hajin."}\n')
# --- BOMs, line endings, blank lines
raw("bom-first-line.jsonl", b"\xef\xbb\xbf" + SURVIVOR)
jl("bom-every-line", b"\xef\xbb\xbf" + GOOD % 1, b"\xef\xbb\xbf" + GOOD % 2)
raw("crlf.jsonl", (GOOD % 1).replace(b"\n", b"\r\n") + SURVIVOR.replace(b"\n", b"\r\n"))
raw("cr-only.jsonl", (GOOD % 1).replace(b"\n", b"\r") + SURVIVOR.replace(b"\n", b"\r"))
jl("blank-lines", b"\n\n   \n\t\n\r\n", GOOD % 1, b"\n\n")
raw("utf16le-bom.jsonl", b"\xff\xfe" + SURVIVOR.decode().encode("utf-16-le"))
# --- scripts and invisible characters
jl("arabic", art("قتل مسلحو داعش خمسة جنود في دير الزور. ISIS attacked Hajin.".encode()))
jl("cyrillic", art("ИГИЛ атаковал Хаджин. Russian jets bombed Idlib on Sunday.".encode()))
jl("mixed-rtl-marks", art("\u202eISIS\u202c attacked \u200fHajin\u200e on Sunday.".encode()))
jl("zero-width", art("IS\u200bIS attacked Ha\u200djin\u200c on Sun\ufeffday, killing 3 fighters.".encode()))
jl("fullwidth-and-combining", art("ＩＳＩＳ attacked Ha\u0301jin\u0308 on Sunday; ٣٠ killed.".encode()))
jl("emoji", art("🔥💣 ISIS attacked Hajin 🇸🇾 on Sunday.".encode()))
jl("cjk", art("伊斯兰国 attacked Hajin. 叙利亚民主军 retreated.".encode()))
# --- pathological text
jl("one-huge-word", art(b"A" * 300000))
jl("many-dots", art(b"." * 200000))
jl("many-abbreviations", art(b"Mr. " * 50000 + b"ISIS attacked Hajin."))
jl("long-sentence", art(b"ISIS attacked Hajin and " * 20000 + b"the SDF."))
jl("many-sentences", art(b"ISIS attacked Hajin. " * 20000))
jl("many-quotes", art(b'\\"' * 100000))
jl("many-newlines-in-text", art(b"\\n" * 200000 + b"ISIS attacked Hajin."))
jl("only-boilerplate", art(b"Leave a Comment\\nBack To Top\\nskip to Main Content\\nShare this:"))
# --- empty and binary files
raw("empty.jsonl", b"")
raw("only-newline.jsonl", b"\n")
raw("binary.jsonl", bytes((i * 7919 + 13) % 256 for i in range(20000)))
raw("elf-header.jsonl", b"\x7fELF\x02\x01\x01" + bytes(200) + b"\n" + bytes(range(256)))
raw("gzip.jsonl", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4)
# --- plain text and HTML files
raw("empty.txt", b"")
raw("binary.txt", bytes((i * 104729 + 7) % 256 for i in range(20000)))
raw("nul-bytes.txt", b"ISIS attacked\x00\x00 Hajin on Sunday.\x00")
raw("crlf-bom.txt", b"\xef\xbb\xbfISIS militants attacked Hajin on Sunday.\r\nThe SDF repelled them.\r\n")
raw("empty.html", b"")
raw("unclosed-tags.html", b"<html><body><div><p>ISIS militants attacked <b>Hajin<p>on Sunday<div><span>")
raw("unclosed-script.html", b"<html><body><p>Coalition jets struck Hajin.</p><script>var x = '<p>hidden</p>';")
raw("unclosed-comment.html", b"<p>Turkish jets bombed Afrin.</p><!-- never closed <p>hidden</p>")
raw("deep-divs.html", b"<div>" * 100000 + b"ISIS attacked Hajin." + b"</div>" * 10)
raw("huge-attribute.html", b'<p title="' + b"x" * 1000000 + b'">ISIS attacked Hajin.</p>')
raw("entities.html", b"<p>Deir ez&#8211;Zor &#0; &#xD800; &#1114112; &#99999999999; &bogus; &amp</p>")
raw("binary.html", bytes((i * 31337 + 3) % 256 for i in range(20000)))
raw("latin1.html", b'<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 bombed in Alep\xf1o.</p></body></html>')
raw("only-script.html", b"<script>" + b"alert(1);" * 1000 + b"</script><style>p{}</style>")

if "--big" in sys.argv:
    # a 50 MB single line: one article with 50 MB of text (truncated with a
    # warning to --max-article-bytes), then one 50 MB line that is not JSON
    with open(os.path.join(here, "big-50mb-line.jsonl"), "wb") as f:
        f.write(b'{"id":"big","date":"2018-11-05","text":"')
        chunk = b"ISIS militants attacked SDF positions in Hajin on Sunday. "
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
        f.write(b'"}\n')
        f.write(SURVIVOR)
    with open(os.path.join(here, "big-50mb-garbage-line.jsonl"), "wb") as f:
        f.write(b"A" * (50 * 1024 * 1024) + b"\n")
        f.write(SURVIVOR)
    with open(os.path.join(here, "big-million-empty-lines.jsonl"), "wb") as f:
        f.write(b"\n" * 1000000)
        f.write(SURVIVOR)
    with open(os.path.join(here, "big-million-empty-lines.txt"), "wb") as f:
        f.write(b"\n" * 1000000 + b"ISIS attacked Hajin on Sunday.\n")
