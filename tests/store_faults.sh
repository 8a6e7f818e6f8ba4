#!/bin/sh
# The store under faults a new user meets: tests/store_faults.sh SITREP_BINARY
# One check (or a few) per defect of issue 15, on SQLite and, where it
# applies, on PostgreSQL ($SITREP_TEST_PG). Prints TAP lines.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if [ "$1" = 0 ]; then ok "$2"; else notok "$2${3:+: $3}"; fi; }
skip() { echo "# skipped: $1"; }
t=$(mktemp -d /tmp/sitrep-faults-XXXXXX)
trap 'kill $fake 2>/dev/null; rm -rf "$t"' EXIT
fake=

reset() {
    case "$1" in
    postgres*) psql -q "$1" -c "DROP TABLE IF EXISTS control, events, merged, articles, sitrep_meta, merge_keys" 2>/dev/null ;;
    *) rm -f "$1" "$1-wal" "$1-shm" ;;
    esac
}
sql() {
    case "$1" in
    postgres*) psql "$1" -tAc "$2" ;;
    *) sqlite3 "$1" "$2" ;;
    esac
}
ingest() { db=$1; shift; "$bin" ingest -q --no-progress --db "$db" "$@"; }

python3 tests/make_articles.py 300 21 > "$t/in.jsonl"

backends="$t/s.db"
[ -n "$SITREP_TEST_PG" ] && backends="$backends $SITREP_TEST_PG"

for db in $backends; do
    label=sqlite; case "$db" in postgres*) label=postgresql ;; esac

    # 1. an article naming one place twice no longer stops an ingest; two
    # refused articles of one batch are both named, and every other
    # article, before and after them, is stored
    reset "$db"
    python3 - "$t/in.jsonl" > "$t/mixed.jsonl" <<'EOF'
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1])][:40]
arts[10] = {"id": "twice", "date": "2019-05-06", "source": "Outlet Z",
            "text": "Russian jets bombed Idlib city and the Idlib countryside on Sunday. Syrian warplanes struck "
                    "Khan Sheikhoun and the outskirts of Khan Sheikhoun on Sunday, killing five people."}
arts[12]["id"] = "refuse-a"
arts[30]["id"] = "refuse-b"
for a in arts:
    print(json.dumps(a))
EOF
    ingest "$db" "$t/in.jsonl" --no-progress < /dev/null > /dev/null 2>&1 # the schema
    reset "$db"
    "$bin" ingest -q --db "$db" /dev/null 2>/dev/null
    case "$db" in
    postgres*)
        sql "$db" "CREATE OR REPLACE FUNCTION sitrep_test_refuse() RETURNS trigger LANGUAGE plpgsql AS \$f\$ BEGIN IF NEW.id LIKE 'refuse-%' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW; END \$f\$" >/dev/null
        sql "$db" "CREATE TRIGGER refuse_me BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION sitrep_test_refuse()" >/dev/null ;;
    *) sql "$db" "CREATE TRIGGER refuse_me BEFORE INSERT ON articles WHEN NEW.id LIKE 'refuse-%' BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END" ;;
    esac
    ingest "$db" "$t/mixed.jsonl" 2> "$t/err"
    rc=$?
    stored=$(sql "$db" "SELECT COUNT(*) FROM articles")
    twice=$(sql "$db" "SELECT COUNT(*) FROM events WHERE article_id = 'twice'")
    named=$(grep -c "mixed.jsonl:\(13\|31\): article refuse-[ab] not stored: refused by a test trigger$" "$t/err")
    [ $rc = 3 ] && [ "$stored" = 38 ] && [ "$twice" = 2 ] && [ "$named" = 2 ]
    check $? "$label: two refused articles named, the 38 others stored, the place named twice coded once (exit 3)" \
        "exit $rc, $stored stored, $twice events of 'twice', $named named: $(head -c 300 "$t/err")"

    # 4. ids too long for an index: the same rule on both backends
    reset "$db"
    python3 -c "
import json
print(json.dumps({'id': 'x' * 3000, 'text': 'Gunmen killed two people in Kirkuk on Monday.', 'date': '2020-01-07'}))
print(json.dumps({'id': 'short', 'text': 'Gunmen killed three people in Mosul on Monday.', 'date': '2020-01-07'}))
" > "$t/long.jsonl"
    ingest "$db" "$t/long.jsonl" 2> "$t/err"
    rc=$?
    stored=$(sql "$db" "SELECT COUNT(*) FROM articles")
    grep -q "long.jsonl:1: article x\{80\}\.\.\.(3000 bytes) not stored: the id is 3000 bytes long; the store takes ids of at most 1024 bytes" "$t/err"
    m=$?
    [ $rc = 3 ] && [ "$stored" = 1 ] && [ $m = 0 ]
    check $? "$label: an id of 3000 bytes is refused by name (shortened), the other article stored" \
        "exit $rc, $stored stored: $(head -c 300 "$t/err")"

    # 7. --actor is matched literally, by alias, and --country by name
    reset "$db"
    ingest "$db" "$t/in.jsonl" 2>/dev/null
    all=$("$bin" query --db "$db" | wc -l)
    pct=$("$bin" query --db "$db" --actor '%' | wc -l)
    und=$("$bin" query --db "$db" --actor '_' | wc -l)
    isis=$("$bin" query --db "$db" --actor isis | grep -c '"Islamic State"')
    daesh=$("$bin" query --db "$db" --actor Daesh | grep -c '"Islamic State"')
    sy=$("$bin" query --db "$db" --country SY | wc -l)
    syria=$("$bin" query --db "$db" --country Syria | wc -l)
    long=$("$bin" query --db "$db" --actor "Islamic State$(printf '%0400d' 0)" | wc -l)
    [ "$all" -gt 50 ] && [ "$pct" = 0 ] && [ "$und" = 0 ] && [ "$isis" -gt 0 ] && [ "$isis" = "$daesh" ] &&
        [ "$sy" -gt 0 ] && [ "$sy" = "$syria" ] && [ "$long" = 0 ]
    check $? "$label: --actor '%' and '_' match nothing, 'isis' and 'Daesh' find the Islamic State ($isis), --country Syria = SY ($sy)" \
        "all $all, % $pct, _ $und, isis $isis, daesh $daesh, SY $sy, Syria $syria, long $long"
    "$bin" query --db "$db" --country Narnia > /dev/null 2> "$t/err"
    rc=$?
    [ $rc = 2 ] && grep -q "unknown country 'Narnia'" "$t/err"
    check $? "$label: an unknown country is a usage error" "exit $rc"

    # 13. a place handed over: the side that takes it holds it
    reset "$db"
    printf '%s\n' \
        '{"id":"h1","date":"2019-01-01","text":"The Syrian army withdrew from Manbij on Sunday and handed it to the Kurdish forces."}' \
        '{"id":"h2","date":"2019-03-12","text":"Kurdish forces handed over the town of Manbij to the Syrian army on Monday."}' > "$t/hand.jsonl"
    ingest "$db" "$t/hand.jsonl" 2>/dev/null
    a=$("$bin" control --db "$db" --at 2019-02-01 --country SY -f jsonl | python3 -c "import json,sys; print([json.loads(l)['holder'] for l in sys.stdin])")
    b=$("$bin" control --db "$db" --at 2019-04-01 --country Syria -f jsonl | python3 -c "import json,sys; print([json.loads(l)['holder'] for l in sys.stdin])")
    [ "$a" = "['Syrian Democratic Forces']" ] && [ "$b" = "['Syrian Arab Army']" ]
    check $? "$label: handed over, the receiving side holds the place ($a, then $b)" "$a / $b"
done

# 3. a second SQLite writer waits for the first, or says that another
# process holds the store; never an article's fault
db=$t/lock.db
reset "$db"
ingest "$db" "$t/in.jsonl" 2>/dev/null
python3 -c "
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE')
open(sys.argv[2], 'w').close()
time.sleep(float(sys.argv[3]))
c.execute('ROLLBACK')" "$db" "$t/held" 2 &
holder=$!
while [ ! -f "$t/held" ]; do sleep 0.05; done
python3 tests/make_articles.py 20 99 | sed 's/synthetic-/late-/' > "$t/late.jsonl"
ingest "$db" "$t/late.jsonl" 2> "$t/err"
rc=$?
wait $holder
got=$(sql "$db" "SELECT COUNT(*) FROM articles WHERE id LIKE 'late-%'")
[ $rc = 0 ] && [ "$got" = 20 ]
check $? "sqlite: a second writer waits for the first and stores all (20)" "exit $rc, $got: $(head -c 300 "$t/err")"
rm -f "$t/held"
python3 -c "
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE')
open(sys.argv[2], 'w').close()
time.sleep(float(sys.argv[3]))
c.execute('ROLLBACK')" "$db" "$t/held" 4 &
holder=$!
while [ ! -f "$t/held" ]; do sleep 0.05; done
sed 's/late-/later-/' "$t/late.jsonl" > "$t/later.jsonl"
SITREP_BUSY_TIMEOUT=1 "$bin" ingest -q --no-progress --db "$db" "$t/later.jsonl" 2> "$t/err"
rc=$?
wait $holder
[ $rc = 1 ] && grep -q "another process held the store for over 1 s" "$t/err" && ! grep -q "not stored" "$t/err"
check $? "sqlite: a writer held out too long is named as such, no article blamed (exit 1)" "exit $rc: $(head -c 300 "$t/err")"
# a damaged store is named as damaged
printf 'this is not a database, just some bytes that are long enough to look like one to nobody\n%.0s' $(seq 80) > "$t/bad.db"
ingest "$t/bad.db" "$t/late.jsonl" 2> "$t/err"
rc=$?
[ $rc = 1 ] && grep -q "not a SQLite store" "$t/err" && ! grep -q "article" "$t/err"
check $? "sqlite: a damaged store is named as such, no article blamed" "exit $rc: $(head -c 300 "$t/err")"

# 5. a URL-like string must be a known scheme; a password is never printed
(cd "$t" && "$bin" query --db 'postgresql:me:s3cret@dbhost/war' > /dev/null 2> err5)
rc=$?
[ $rc = 1 ] && grep -q "must be followed by //" "$t/err5" && [ -z "$(ls "$t" | grep -i s3cret)" ] && ! grep -q s3cret "$t/err5"
check $? "a mistyped postgresql: URL is an error, no file made, no password shown" "exit $rc: $(cat "$t/err5")"
"$bin" query --db 'Postgresql://me:s3cret@127.0.0.1:1/war' > /dev/null 2> "$t/err"
rc=$?
[ $rc = 1 ] && grep -q "postgresql://me:\*\*\*@127.0.0.1:1/war: cannot connect" "$t/err" && ! grep -q s3cret "$t/err"
check $? "a capitalised scheme is PostgreSQL; the password is starred in messages" "exit $rc: $(cat "$t/err")"
"$bin" ingest --db 'ftp://x/y' "$t/late.jsonl" 2> "$t/err"
rc=$?
[ $rc = 1 ] && grep -q "unknown kind of store 'ftp:'" "$t/err"
check $? "an unknown scheme is refused" "exit $rc: $(cat "$t/err")"

# 6. readers never create a store
cd "$t" || exit 1
bad=0
for cmd in "query" "stats" "control --at 2019-01-01"; do
    # shellcheck disable=SC2086
    "$bin" $cmd --db nowhere.db > /dev/null 2> err6
    rc=$?
    { [ $rc = 1 ] && grep -q "no store at this path" err6 && [ ! -e nowhere.db ]; } || bad=$((bad + 1))
    # shellcheck disable=SC2086
    "$bin" $cmd --db '' > /dev/null 2>&1
    [ $? = 1 ] || bad=$((bad + 1))
    # shellcheck disable=SC2086
    "$bin" $cmd --db sqlite: > /dev/null 2>&1
    [ $? = 1 ] || bad=$((bad + 1))
done
cd - > /dev/null || exit 1
check $bad "query, stats and control on a missing store: 'no store', exit 1, nothing created" "$bad failures"
# a store on a read-only mount (needs a mount namespace; skipped without)
mkdir -p "$t/ro"
cp "$t/s.db" "$t/ro/s.db" 2>/dev/null || ingest "$t/ro/s.db" "$t/late.jsonl" 2>/dev/null
if unshare -m sh -c "mount --bind -o ro '$t/ro' '$t/ro' 2>/dev/null && touch '$t/ro/x' 2>/dev/null && exit 9; \
        mount | grep -q ' $t/ro ' || exit 8; '$bin' stats --db '$t/ro/s.db' > '$t/ro.out' 2> '$t/ro.err'" 2>/dev/null; then
    grep -q "^store (sqlite): [1-9][0-9]* articles" "$t/ro.out"
    check $? "a store on a read-only mount can be read" "$(cat "$t/ro.err")"
else
    skip "a store on a read-only mount (no mount namespace here)"
fi

# 8. a server that accepts and never answers: the connect timeout
python3 -c "
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 0)); s.listen(8)
open(sys.argv[1], 'w').write(str(s.getsockname()[1]))
held = []
while True:
    c, _ = s.accept(); held.append(c)" "$t/port" &
fake=$!
while [ ! -s "$t/port" ]; do sleep 0.05; done
port=$(cat "$t/port")
s0=$(date +%s)
"$bin" query --db "postgresql://nobody@127.0.0.1:$port/x?connect_timeout=2" > /dev/null 2> "$t/err"
rc=$?
el=$(($(date +%s) - s0))
[ $rc = 1 ] && [ $el -le 6 ] && grep -q "cannot connect" "$t/err"
check $? "a silent server: connect_timeout=2 in the URL gives up after ${el}s" "exit $rc after ${el}s: $(cat "$t/err")"
s0=$(date +%s)
"$bin" stats --db "postgresql://nobody@127.0.0.1:$port/x" > /dev/null 2> "$t/err"
rc=$?
el=$(($(date +%s) - s0))
[ $rc = 1 ] && [ $el -ge 8 ] && [ $el -le 16 ] && grep -q "cannot connect" "$t/err"
check $? "a silent server: the default connect timeout (10 s) gives up after ${el}s" "exit $rc after ${el}s"
kill $fake 2>/dev/null
fake=

# 9. control characters in ids reach no terminal raw
printf '{"id":"evil\\u001b[2J\\u0007x","text":"A car bomb exploded in Kirkuk on Monday, killing two people."}\n{"id":"evil\\u001b[2J\\u0007x","text":5}\n' > "$t/esc.jsonl"
"$bin" code "$t/esc.jsonl" > /dev/null 2> "$t/err"
"$bin" ingest -q --db "$t/esc.db" "$t/esc.jsonl" 2>> "$t/err"
raw=$(tr -d '\n' < "$t/err" | tr -cd '\033\007' | wc -c)
[ "$raw" = 0 ] && grep -q 'evil\\x1b\[2J\\x07x' "$t/err"
check $? "an id's escape sequences are shown escaped in messages" "$raw raw control bytes: $(cat -v "$t/err" | head -c 300)"

# 10. impossible dates are refused
bad=0
for d in 2019-02-30 2019-04-31 2018-02-29 2019-13-01 2019-1-01; do
    "$bin" query --db "$t/s.db" --since "$d" > /dev/null 2>&1
    [ $? = 2 ] || bad=$((bad + 1))
done
"$bin" query --db "$t/s.db" --since 2020-02-29 > /dev/null 2>&1 || bad=$((bad + 1))
check $bad "impossible dates are usage errors, 2020-02-29 is a day" "$bad wrong"

# 11. an endless line ends
s0=$(date +%s)
timeout 60 "$bin" code /dev/zero > /dev/null 2> "$t/err"
rc=$?
el=$(($(date +%s) - s0))
[ $rc = 3 ] && grep -q "/dev/zero:1: a line of over [0-9]* bytes with no end in sight" "$t/err"
check $? "code /dev/zero stops at the line limit (${el}s, exit 3)" "exit $rc after ${el}s: $(head -c 200 "$t/err")"
