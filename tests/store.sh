#!/bin/sh
# Store tests through the command line: tests/store.sh SITREP_BINARY
# On SQLite, and on PostgreSQL when SITREP_TEST_PG holds a URL:
# - ingest twice: the same counts;
# - kill -9 during a large ingest, at several moments, then the same
#   command again: every article exactly once, none ever stored without
#   all its events, and the same counts as an ingest never interrupted;
# - an article the database refuses is named FILE:LINE, the rest of its
#   batch is stored;
# - query and control give well-formed output.
# Prints TAP lines.
bin=$1
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
t=$(mktemp -d /tmp/sitrep-store-XXXXXX)
trap 'rm -rf "$t"' EXIT
NART=${STORE_TEST_ARTICLES:-10000}
python3 tests/make_articles.py "$NART" > "$t/in.jsonl"

counts() { # the store's counts line
    "$bin" stats --db "$1" --by month 2>/dev/null | head -1 | sed 's/^store ([a-z]*): //'
}

sql() { # url, statement: prints the single value
    case "$1" in
    postgres*) psql "$1" -tAc "$2" ;;
    *) sqlite3 "$1" "$2" ;;
    esac
}

reset() {
    case "$1" in
    postgres*) psql -q "$1" -c "DROP TABLE IF EXISTS control, events, merged, articles, sitrep_meta, merge_keys" 2>/dev/null ;;
    *) rm -f "$1" "$1-wal" "$1-shm" ;;
    esac
}

ingest() { "$bin" ingest -q --no-progress --db "$@"; }

one_backend() { # label, url
    label=$1 db=$2
    reset "$db"
    ingest "$db" "$t/in.jsonl" 2> "$t/err"
    rc=$?
    want=$(counts "$db")
    if [ $rc -eq 0 ] && echo "$want" | grep -q "^$NART articles"; then
        ok "$label: ingest of $NART articles stores each ($want)"
    else
        notok "$label: ingest of $NART articles: exit $rc, '$want' $(head -c 300 "$t/err")"
    fi
    ingest "$db" "$t/in.jsonl" 2>/dev/null
    again=$(counts "$db")
    if [ "$again" = "$want" ]; then ok "$label: ingest twice, same counts"; else notok "$label: ingest twice: '$again' vs '$want'"; fi

    # kill -9 at growing moments until an ingest gets to finish
    reset "$db"
    killed=0 half=0 at=
    for delay in 0.05 0.1 0.15 0.2 0.3 0.4 0.5 0.7 0.9 1.2; do
        # the binary itself, not a function: $! must be its pid
        "$bin" ingest -q --no-progress --db "$db" "$t/in.jsonl" 2>/dev/null &
        pid=$!
        sleep $delay
        kill -9 $pid 2>/dev/null || break
        wait $pid 2>/dev/null
        killed=$((killed + 1))
        h=$(sql "$db" "SELECT COUNT(*) FROM articles a WHERE n_events <> (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)")
        [ "$h" = 0 ] || half=$((half + h))
        at="$at $(sql "$db" "SELECT COUNT(*) FROM articles")"
    done
    wait
    if [ "$killed" -gt 0 ] && [ "$half" = 0 ]; then
        ok "$label: killed $killed times, with$at of $NART articles stored: none of them half"
    elif [ "$killed" = 0 ]; then
        notok "$label: the ingest was never interrupted: make the input larger"
    else
        notok "$label: after kill -9, $half article(s) stored without all their events"
    fi
    ingest "$db" "$t/in.jsonl" 2>/dev/null
    after=$(counts "$db")
    if [ "$after" = "$want" ]; then
        ok "$label: re-run after kill -9: every article exactly once ($after)"
    else
        notok "$label: re-run after kill -9: '$after', expected '$want'"
    fi
    dup=$(sql "$db" "SELECT COUNT(*) FROM (SELECT article_id FROM events GROUP BY article_id, sentence, event_type, sub_event_type HAVING COUNT(*) > 1) x")
    [ "$dup" = 0 ] && ok "$label: no event stored twice" || notok "$label: $dup events stored twice"

    # output formats
    "$bin" query --db "$db" --limit 50 > "$t/q.jsonl" && python3 -c "
import json,sys
rows=[json.loads(l) for l in open('$t/q.jsonl')]
assert len(rows)==50 and all(r['event_type'] and r['n_sources']>=1 for r in rows)" &&
        ok "$label: query writes JSON Lines" || notok "$label: query JSON Lines"
    "$bin" query --db "$db" --country SY -f geojson > "$t/q.geojson" && python3 -c "
import json
g=json.load(open('$t/q.geojson'))
assert g['type']=='FeatureCollection' and g['features']
assert all(f['properties']['country']=='SY' for f in g['features'])
assert all(f['geometry'] is None or -90<=f['geometry']['coordinates'][1]<=90 for f in g['features'])" &&
        ok "$label: query --country SY -f geojson is a FeatureCollection of Syrian events" ||
        notok "$label: query geojson"
    "$bin" query --db "$db" --since 2018-01-01 --until 2018-03-31 -f csv > "$t/q.csv" && python3 -c "
import csv
rows=list(csv.DictReader(open('$t/q.csv')))
assert rows and all('2018-01-01'<=r['event_date']<='2018-03-31' for r in rows)" &&
        ok "$label: query --since/--until -f csv" || notok "$label: query csv"
    "$bin" query --db "$db" --since 2018-13-01 >/dev/null 2>&1
    [ $? -eq 2 ] && ok "$label: a bad date is a usage error" || notok "$label: bad date"

    # an article the database refuses (a trigger stands for any reason):
    # named by file and line, the others of its batch stored
    reset "$db"
    python3 -c "
import json, sys
for i, l in enumerate(open('$t/in.jsonl')):
    if i == 5: break
    a = json.loads(l)
    if i == 2: a['id'] = 'refuse-me'
    print(json.dumps(a))" > "$t/five.jsonl"
    sed -n 6p "$t/in.jsonl" > "$t/one.jsonl" # another article: the schema exists, 1 stored
    ingest "$db" "$t/one.jsonl" 2>/dev/null
    case "$db" in
    postgres*)
        sql "$db" "CREATE OR REPLACE FUNCTION sitrep_test_refuse() RETURNS trigger LANGUAGE plpgsql AS \$f\$ BEGIN IF NEW.id = 'refuse-me' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW; END \$f\$" >/dev/null
        sql "$db" "CREATE TRIGGER refuse_me BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION sitrep_test_refuse()" >/dev/null ;;
    *) sql "$db" "CREATE TRIGGER refuse_me BEFORE INSERT ON articles WHEN NEW.id = 'refuse-me' BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END" ;;
    esac
    ingest "$db" "$t/five.jsonl" 2> "$t/err"
    rc=$?
    stored=$(sql "$db" "SELECT COUNT(*) FROM articles")
    if [ $rc -eq 3 ] && grep -q "five.jsonl:3: article refuse-me not stored: refused by a test trigger$" "$t/err" &&
        [ "$stored" = 5 ]; then
        ok "$label: a refused article is named by file and line; the 4 others of its batch are stored"
    else
        notok "$label: refused article: exit $rc, $stored stored, stderr: $(head -c 300 "$t/err")"
    fi
}

one_backend sqlite "$t/store.db"
if [ -n "$SITREP_TEST_PG" ]; then
    one_backend postgresql "$SITREP_TEST_PG"
else
    echo "# skipped: the PostgreSQL store checks (no server: set SITREP_TEST_PG; scripts/pg-test-server.sh starts one)"
fi
