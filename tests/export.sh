#!/bin/sh
# Exports in the ecosystem's conventions (acled-csv, csv, phoenix, plover,
# cameo-tsv), coded and stored: tests/export.sh SITREP_BINARY. Prints TAP.
#  - each format's exact rows for the fixture tests/data/export/articles.jsonl
#    (the expected files beside it, input and output side by side);
#  - query writes the stored events in the same layout, and --changed-since
#    gives what changed after a time;
#  - pandas and R's readr read the CSVs with no options, with the right types
#    (skipped when missing, unless SITREP_REQUIRE_READERS=1 as in CI);
#  - acled-csv over the gold articles (when ../shared/eval is there), the
#    sample articles and the fixture conforms to ACLED's value sets; Phoenix
#    rows have 26 fields; PLOVER types are PLOVER's.
bin=$1
n=0
t=$(mktemp -d /tmp/sitrep-export-XXXXXX)
trap 'rm -rf "$t"' EXIT
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
skip() { echo "# skipped: $1"; }
d=tests/data/export
export SOURCE_DATE_EPOCH=1700000000

# ---- exact rows, coded
for f in acled-csv csv phoenix plover cameo-tsv; do
    extra=
    [ "$f" = cameo-tsv ] && extra=--header
    "$bin" code -f $f $extra "$d/articles.jsonl" > "$t/code.$f" 2> "$t/err"
    if cmp -s "$t/code.$f" "$d/expected.$f"; then
        ok "code -f $f: the fixture's exact rows ($d/expected.$f)"
    else
        notok "code -f $f: the fixture's exact rows ($d/expected.$f)"
        diff "$d/expected.$f" "$t/code.$f" | head -10 | sed 's/^/# /'
    fi
done
if head -1 "$t/code.phoenix" | grep -q '^event\|^EventID'; then
    notok "phoenix has no header line"
else
    ok "phoenix has no header line"
fi
"$bin" code -f cameo-tsv "$d/articles.jsonl" > "$t/nohead.tsv" 2>/dev/null
if [ "$(wc -l < "$t/nohead.tsv")" -eq "$(($(wc -l < "$t/code.cameo-tsv") - 1))" ]; then
    ok "cameo-tsv's header only with --header"
else
    notok "cameo-tsv's header only with --header"
fi
if grep -q ',NA,\|	NA	' "$t/code.acled-csv" "$t/code.csv" "$t/code.phoenix" "$t/code.cameo-tsv"; then
    notok "no bare NA country in any CSV or TSV (Namibia is named)"
else
    ok "no bare NA country in any CSV or TSV (Namibia is named)"
fi

# ---- stored: the same layout from query, and incremental downloads
db="$t/store.db"
if "$bin" ingest --db "$db" "$d/articles.jsonl" > /dev/null 2>&1; then
    for f in acled-csv csv phoenix plover; do
        "$bin" query --db "$db" -f $f > "$t/query.$f" 2> "$t/err" || echo "exit $?" >> "$t/err"
    done
    # acled-csv: the coded rows, in date order, with the store's timestamps
    python3 - "$t/code.acled-csv" "$t/query.acled-csv" > "$t/same" 2>&1 <<'PY'
import csv, sys
def rows(p):
    r = list(csv.reader(open(p, newline="")))
    return r[0], sorted(x[:-1] for x in r[1:])
hc, c = rows(sys.argv[1])
hq, q = rows(sys.argv[2])
print("same" if (hc, c) == (hq, q) else "differ:\n%s\n%s" % (c, q))
PY
    if grep -q '^same$' "$t/same"; then
        ok "query -f acled-csv: the rows code -f acled-csv wrote (one layout for both)"
    else
        notok "query -f acled-csv: the rows code -f acled-csv wrote (one layout for both)"
        head -5 "$t/same" | sed 's/^/# /'
    fi
    if [ "$(head -1 "$t/query.csv")" = "$(head -1 "$t/code.csv")" ]; then
        ok "query -f csv and code -f csv share one header"
    else
        notok "query -f csv and code -f csv share one header"
    fi
    if grep -q 'https://www.rudaw.net/english/x-iraq' "$t/query.csv" "$t/query.phoenix" "$t/query.plover" &&
        [ "$(grep -c 'https://' "$t/query.csv")" -eq 5 ]; then
        ok "query exports the articles' URLs"
    else
        notok "query exports the articles' URLs"
    fi
    # --changed-since: a time after the first ingest gives only what the
    # second changed
    sleep 1
    since=$(date -u +%Y-%m-%dT%H:%M:%S)
    sleep 1
    printf '%s\n' '{"id":"x-later","date":"2022-06-10","source":"punchng.com","url":"https://punchng.com/x-later","text":"Gunmen killed seven farmers in Zamfara State, Nigeria, on Wednesday, residents said."}' > "$t/later.jsonl"
    "$bin" ingest --db "$db" "$t/later.jsonl" > /dev/null 2>&1
    "$bin" query --db "$db" -f acled-csv --changed-since "$since" > "$t/since.csv" 2>&1
    all=$("$bin" query --db "$db" -f acled-csv | wc -l)
    if [ "$(wc -l < "$t/since.csv")" -eq 2 ] && grep -q Zamfara "$t/since.csv" && [ "$all" -eq 7 ]; then
        ok "query --changed-since gives only the rows changed after it"
    else
        notok "query --changed-since gives only the rows changed after it ($(wc -l < "$t/since.csv") lines of $all)"
    fi
    if "$bin" query --db "$db" --changed-since soon > /dev/null 2> "$t/err"; then
        notok "--changed-since with no time is a usage error"
    elif grep -q "changed-since needs" "$t/err"; then
        ok "--changed-since with no time is a usage error"
    else
        notok "--changed-since with no time is a usage error"
    fi
else
    notok "ingest of the fixture"
fi

# ---- the readers: pandas and readr, no options
csvs="$t/code.acled-csv $t/code.csv $t/query.acled-csv $t/query.csv"
if [ -d ../shared/eval ]; then
    cat ../shared/eval/*.gold.jsonl > "$t/gold.jsonl"
    "$bin" code -f acled-csv "$t/gold.jsonl" examples/articles.jsonl > "$t/gold.acled-csv" 2>/dev/null
    "$bin" code -f csv "$t/gold.jsonl" examples/articles.jsonl > "$t/gold.csv" 2>/dev/null
    "$bin" code -f phoenix "$t/gold.jsonl" examples/articles.jsonl > "$t/gold.phoenix" 2>/dev/null
    "$bin" code -f plover "$t/gold.jsonl" examples/articles.jsonl > "$t/gold.plover" 2>/dev/null
    csvs="$csvs $t/gold.acled-csv $t/gold.csv"
    conf="$t/gold"
    what="the gold articles, the sample articles and the fixture"
else
    "$bin" code -f acled-csv examples/articles.jsonl > "$t/sample.acled-csv" 2>/dev/null
    "$bin" code -f phoenix examples/articles.jsonl > "$t/sample.phoenix" 2>/dev/null
    "$bin" code -f plover examples/articles.jsonl > "$t/sample.plover" 2>/dev/null
    conf="$t/sample"
    what="the sample articles and the fixture (no ../shared/eval here)"
fi
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
    if /usr/bin/python3 tests/export_read.py $csvs > "$t/pandas" 2>&1; then
        ok "pandas reads every CSV with the right types"
    else
        notok "pandas reads every CSV with the right types"
        sed 's/^/# /' "$t/pandas"
    fi
elif [ "${SITREP_REQUIRE_READERS:-0}" = 1 ]; then
    notok "pandas (python3-pandas under /usr/bin/python3) is not installed"
else
    skip "the pandas reader check (python3-pandas not installed)"
fi
if command -v Rscript > /dev/null && Rscript -e 'suppressMessages(library(readr))' > /dev/null 2>&1; then
    if Rscript tests/export_read.R $csvs > "$t/readr" 2>&1; then
        ok "R's readr reads every CSV with the right types"
    else
        notok "R's readr reads every CSV with the right types"
        sed 's/^/# /' "$t/readr"
    fi
elif [ "${SITREP_REQUIRE_READERS:-0}" = 1 ]; then
    notok "R's readr (r-cran-readr) is not installed"
else
    skip "the readr reader check (r-cran-readr not installed)"
fi

# ---- conformance
for kind in acled phoenix plover; do
    case $kind in
    acled) files="$conf.acled-csv $t/code.acled-csv $t/query.acled-csv" ;;
    *) files="$conf.$kind $t/code.$kind $t/query.$kind" ;;
    esac
    if python3 tests/export_conformance.py $kind $files > "$t/conf" 2>&1; then
        ok "$kind over $what: $(tail -1 "$t/conf")"
    else
        notok "$kind over $what"
        sed 's/^/# /' "$t/conf" | head -20
    fi
done
echo "1..$n"
