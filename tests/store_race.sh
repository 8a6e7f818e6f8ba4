#!/bin/sh
# Merging does not depend on the order of arrival nor on how many ingests
# write at once: tests/store_race.sh SITREP_BINARY
# - the same articles shuffled give the same merged rows (SQLite, PostgreSQL);
# - 2 and 4 concurrent ingests of shuffled parts into one PostgreSQL store
#   give exactly the merged rows (sources and article lists included) and
#   the control rows of one sequential ingest;
# - two first ingests into an empty PostgreSQL database race on making the
#   schema: both succeed;
# - two ingests into one SQLite store at once: both succeed (the second
#   waits for the first's batches), the same rows;
# - every article of every gold set in ../shared/eval goes into one store.
# Prints TAP lines.
bin=$1
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
t=$(mktemp -d /tmp/sitrep-race-XXXXXX)
trap 'rm -rf "$t"' EXIT
NART=${STORE_RACE_ARTICLES:-20000}
python3 tests/make_articles.py "$NART" 11 > "$t/in.jsonl"

# the input shuffled, and cut into parts of a shuffled order
split_parts() { # k: writes $t/part.K.I.jsonl
    python3 - "$t/in.jsonl" "$1" "$t/part.$1" <<'EOF'
import random, sys
lines = open(sys.argv[1]).readlines()
random.Random(int(sys.argv[2]) * 7919).shuffle(lines)
k = int(sys.argv[2])
for i in range(k):
    with open("%s.%d.jsonl" % (sys.argv[3], i), "w") as f:
        f.writelines(lines[i::k])
EOF
}

COLS="id, date, time_precision, event_type, sub_event_type, cameo, quad_class, actor1, actor1_code, actor2,
      actor2_code, location, admin1, country, lat, lon, geo_precision, fatalities, n_sources, mentions,
      sources, articles, notes"
dump() { # url, out: every merged row and every control row, in id order
    case "$1" in
    postgres*)
        psql -q "$1" -tA -F'|' -c "SELECT $COLS FROM merged ORDER BY id" > "$2"
        psql -q "$1" -tA -F'|' -c "SELECT * FROM control ORDER BY merged_id" >> "$2" ;;
    *)
        sqlite3 -separator '|' "$1" "SELECT $COLS FROM merged ORDER BY id" > "$2"
        sqlite3 -separator '|' "$1" "SELECT * FROM control ORDER BY merged_id" >> "$2" ;;
    esac
}

reset() {
    case "$1" in
    postgres*) psql -q "$1" -c "DROP TABLE IF EXISTS control, events, merged, articles, sitrep_meta, merge_keys" 2>/dev/null ;;
    *) rm -f "$1" "$1-wal" "$1-shm" ;;
    esac
}

ingest() { db=$1; shift; "$bin" ingest -q --no-progress --db "$db" "$@"; }

# a shuffled input through one ingest: the same rows as in input order
same_shuffled() { # label, url
    reset "$2"
    ingest "$2" "$t/in.jsonl" 2> "$t/err" || { notok "$1: sequential ingest failed: $(head -c 300 "$t/err")"; return 1; }
    dump "$2" "$t/seq.$1"
    split_parts 1
    reset "$2"
    ingest "$2" "$t/part.1.0.jsonl" 2>/dev/null
    dump "$2" "$t/shuf.$1"
    rows=$(wc -l < "$t/seq.$1")
    if [ "$rows" -gt 1000 ] && cmp -s "$t/seq.$1" "$t/shuf.$1"; then
        ok "$1: $NART articles shuffled give the same $rows merged and control rows"
    else
        notok "$1: shuffled input: $(diff "$t/seq.$1" "$t/shuf.$1" | head -4 | tr '\n' ' ')"
    fi
}

concurrent() { # label, url, k
    split_parts "$3"
    reset "$2"
    pids=
    for i in $(seq 0 $(($3 - 1))); do
        ingest "$2" "$t/part.$3.$i.jsonl" 2> "$t/err.$i" &
        pids="$pids $!"
    done
    bad=0
    for p in $pids; do wait "$p" || bad=$((bad + 1)); done
    dump "$2" "$t/conc.$1.$3"
    if [ "$bad" = 0 ] && cmp -s "$t/seq.$1" "$t/conc.$1.$3"; then
        ok "$1: $3 concurrent ingests of shuffled parts give the rows of one sequential ingest"
    else
        notok "$1: $3 concurrent ingests: $bad failed ($(cat "$t"/err.* | head -c 300)); $(diff "$t/seq.$1" "$t/conc.$1.$3" | head -4 | tr '\n' ' ')"
    fi
}

same_shuffled sqlite "$t/store.db"
concurrent sqlite "$t/store.db" 2

if [ -n "$SITREP_TEST_PG" ]; then
    pg=$SITREP_TEST_PG
    same_shuffled postgresql "$pg"
    concurrent postgresql "$pg" 2
    concurrent postgresql "$pg" 4
    # two first runs into an empty database
    reset "$pg"
    head -50 "$t/in.jsonl" > "$t/a.jsonl"
    sed -n 51,100p "$t/in.jsonl" > "$t/b.jsonl"
    ingest "$pg" "$t/a.jsonl" 2> "$t/ea" & p1=$!
    ingest "$pg" "$t/b.jsonl" 2> "$t/eb" & p2=$!
    wait $p1; r1=$?
    wait $p2; r2=$?
    got=$(psql -q "$pg" -tAc "SELECT COUNT(*) FROM articles")
    if [ $r1 = 0 ] && [ $r2 = 0 ] && [ "$got" = 100 ]; then
        ok "postgresql: two first ingests into an empty database both succeed ($got articles)"
    else
        notok "postgresql: racing first ingests: exit $r1 and $r2, $got articles: $(cat "$t/ea" "$t/eb" | head -c 300)"
    fi
else
    echo "# skipped: the PostgreSQL store checks (no server: set SITREP_TEST_PG; scripts/pg-test-server.sh starts one)"
fi

# every gold article into one store
eval_dir=${SITREP_EVAL:-../shared/eval}
if ls "$eval_dir"/*.gold.jsonl >/dev/null 2>&1; then
    cat "$eval_dir"/*.gold.jsonl | python3 -c "
import json, sys
for l in sys.stdin:
    a = json.loads(l)
    print(json.dumps({k: a[k] for k in ('id', 'text', 'date', 'title', 'source', 'url') if a.get(k) is not None}))
" > "$t/gold.jsonl"
    want=$(wc -l < "$t/gold.jsonl")
    for db in "$t/gold.db" ${SITREP_TEST_PG:+"$SITREP_TEST_PG"}; do
        reset "$db"
        ingest "$db" "$t/gold.jsonl" 2> "$t/err"
        rc=$?
        got=$("$bin" stats --db "$db" 2>/dev/null | head -1 | sed -n 's/.*: \([0-9]*\) articles.*/\1/p')
        label=sqlite; case "$db" in postgres*) label=postgresql ;; esac
        if [ $rc = 0 ] && [ "$got" = "$want" ]; then
            ok "$label: every gold article ingests into one store ($got)"
        else
            notok "$label: gold articles: exit $rc, $got of $want stored: $(head -c 300 "$t/err")"
        fi
    done
else
    echo "# skipped: every gold article into one store ($eval_dir not found)"
fi
