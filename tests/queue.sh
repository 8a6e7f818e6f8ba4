#!/bin/sh
# Scale-out (issue 20): tests/queue.sh SITREP_BINARY. Prints TAP lines.
# Needs nats-server (JetStream, started here on loopback with a temporary
# store) and PostgreSQL ($SITREP_TEST_PG; databases of its own are made on
# that server).
#  - 10,000 articles submitted; two workers; one killed with SIGKILL
#    mid-stream; the NATS server restarted once (under way); a third worker
#    with --drain: every article stored once, and the merged rows (sources
#    and article lists included) and control rows identical to one
#    sequential ingest of the same input;
#  - an article the database refuses ends in the dead letters with its
#    reason, after --max-deliver deliveries; all the others are stored;
#  - the same file submitted again queues nothing and stores nothing new;
#  - a message that is not an article is a dead letter at once;
#  - usage errors, queue status.
bin=$1
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else notok "$1 (got '$2', want '$3')"; fi; }
if ! command -v nats-server > /dev/null 2>&1 || [ -z "${SITREP_TEST_PG:-}" ]; then
    echo "# skipped: the work queue (needs nats-server and SITREP_TEST_PG)"
    if [ "${SITREP_REQUIRE_NATS:-0}" = 1 ]; then notok "nats-server and PostgreSQL are there (SITREP_REQUIRE_NATS=1)"; fi
    echo "1..$n"
    exit 0
fi
t=$(mktemp -d /tmp/sitrep-queue-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
Q=nats://127.0.0.1:$port
nats_pid=
start_nats() {
    nats-server -js -a 127.0.0.1 -p "$port" -sd "$t/js" >> "$t/nats.log" 2>&1 &
    nats_pid=$!
    for _ in $(seq 50); do
        "$bin" queue status --queue "$Q" --interval 0 > /dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}
stop_nats() { [ -n "$nats_pid" ] && kill -TERM "$nats_pid" 2>/dev/null && wait "$nats_pid" 2>/dev/null; nats_pid=; }
cleanup() {
    for p in $(jobs -p); do kill -9 "$p" 2>/dev/null; done
    stop_nats
    for d in seq work dead; do psql -q "$SITREP_TEST_PG" -c "DROP DATABASE IF EXISTS sitrep_q$$_$d WITH (FORCE)" 2>/dev/null; done
    rm -rf "$t"
}
trap cleanup EXIT
if ! start_nats; then
    notok "nats-server -js starts ($(tail -2 "$t/nats.log"))"
echo "1..$n"
    exit 0
fi
# a database of its own on the test server, for each store
db() {
    psql -q "$SITREP_TEST_PG" -c "DROP DATABASE IF EXISTS sitrep_q$$_$1 WITH (FORCE)" 2>/dev/null
    psql -q "$SITREP_TEST_PG" -c "CREATE DATABASE sitrep_q$$_$1" > /dev/null
    echo "$SITREP_TEST_PG" | sed "s|/[^/]*\$|/sitrep_q$$_$1|"
}
SEQ=$(db seq)
WORK=$(db work)
DEAD=$(db dead)
COLS="id, date, time_precision, event_type, sub_event_type, cameo, quad_class, actor1, actor1_code, actor2,
      actor2_code, location, admin1, country, lat, lon, geo_precision, fatalities, n_sources, mentions,
      sources, articles, notes"
dump() { # url, out: every merged row and every control row, in id order
    psql -q "$1" -tA -F'|' -c "SELECT $COLS FROM merged ORDER BY id" > "$2"
    psql -q "$1" -tA -F'|' -c "SELECT * FROM control ORDER BY merged_id" >> "$2"
}
count() { psql -q "$1" -tA -c "SELECT $2"; }
status() { "$bin" queue status --queue "$Q" --stream "$1" --interval 0 --json; }
field() { sed 's/.*"'"$1"'":\([0-9]*\).*/\1/'; }

# ---- usage
"$bin" submit --queue postgresql://x --stream S /dev/null 2> "$t/err"
check "submit: a queue URL that is not nats:// is a usage error" "$?" 2
"$bin" worker --queue "$Q" --stream 'bad name' --drain 2> "$t/err"
check "worker: a stream name NATS cannot take is a usage error" "$?" 2
"$bin" submit --queue nats://127.0.0.1:1 /dev/null 2> "$t/err"
rc=$?
if [ $rc = 1 ] && grep -q "cannot reach NATS at nats://127.0.0.1:1" "$t/err"; then ok "submit: no server says so, exit 1"; else notok "submit: no server says so, exit 1 ($rc: $(head -1 "$t/err"))"; fi

# ---- two workers, one killed, the server restarted, a third drains
N=${QUEUE_ARTICLES:-10000}
python3 tests/make_articles.py "$N" 17 > "$t/in.jsonl"
"$bin" ingest -q --no-progress --db "$SEQ" "$t/in.jsonl"
"$bin" submit --queue "$Q" --stream RUN --ack-wait 3 "$t/in.jsonl" 2> "$t/submit.err"
rc=$?
if [ $rc = 0 ] && grep -q "$N articles read: $N queued, 0 in the queue already" "$t/submit.err"; then
    ok "submit: $N articles queued"
else
    notok "submit: $N articles queued ($rc: $(cat "$t/submit.err"))"
fi
check "queue status: all pending" "$(status RUN | field pending)" "$N"
# started as simple commands, so that $! is the worker itself
"$bin" worker -q --no-progress --queue "$Q" --stream RUN --db "$WORK" --batch 10 2> "$t/a.err" &
a=$!
"$bin" worker -q --no-progress --queue "$Q" --stream RUN --db "$WORK" --batch 10 -j 2 2> "$t/b.err" &
b=$!
# SIGKILL a mid-stream
for _ in $(seq 300); do
    d=$(status RUN | field done)
    [ "${d:-0}" -ge $((N / 10)) ] && break
    sleep 0.05
done
kill -9 $a
wait $a 2>/dev/null
check "the killed worker died of SIGKILL" "$?" 137
at_kill=$(status RUN | field done)
if [ "${at_kill:-0}" -lt "$N" ]; then ok "a worker killed mid-stream ($at_kill of $N done)"; else notok "a worker killed mid-stream ($at_kill of $N done: too late)"; fi
# the server restarted under the other worker
stop_nats
sleep 0.5
if start_nats; then ok "the NATS server restarted"; else notok "the NATS server restarted"; fi
at_restart=$(status RUN | field done)
if [ "${at_restart:-0}" -lt "$N" ]; then ok "the restart came mid-stream ($at_restart of $N done)"; else notok "the restart came mid-stream ($at_restart of $N done)"; fi
# the store's connections cut under the worker (a PostgreSQL restart as a
# client sees it): it waits, reconnects, and goes on
wdb=$(echo "$WORK" | sed 's|.*/||')
psql -q "$SITREP_TEST_PG" -tA -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$wdb' AND pid <> pg_backend_pid()" > "$t/cut"
if [ "$(cat "$t/cut")" -ge 1 ] 2>/dev/null; then ok "the worker's store connection was cut mid-stream"; else notok "the worker's store connection was cut mid-stream ($(cat "$t/cut"))"; fi
"$bin" worker -q --no-progress --queue "$Q" --stream RUN --db "$WORK" --batch 10 --drain 2> "$t/c.err"
check "a third worker with --drain exits 0 once nothing is pending" "$?" 0
kill -TERM $b
wait $b
check "SIGTERM: the second worker finishes its batch and exits 0" "$?" 0
if grep -q "the store failed" "$t/b.err"; then
    ok "the worker said the store failed, and waited it out"
else
    notok "the worker said the store failed, and waited it out ($(head -2 "$t/b.err"))"
fi
check "no dead letters from a lost connection" "$(status RUN | field dead)" 0
check "every article stored once" "$(count "$WORK" "count(*) || ' ' || count(DISTINCT id) FROM articles")" "$N $N"
check "as many events as one sequential ingest" "$(count "$WORK" "count(*) FROM events")" "$(count "$SEQ" "count(*) FROM events")"
dump "$SEQ" "$t/seq.rows"
dump "$WORK" "$t/work.rows"
if [ -s "$t/seq.rows" ] && cmp -s "$t/seq.rows" "$t/work.rows"; then
    ok "merged and control rows identical to one sequential ingest ($(wc -l < "$t/seq.rows") rows)"
else
    notok "merged and control rows identical to one sequential ingest"
    diff "$t/seq.rows" "$t/work.rows" | head -5 | sed 's/^/# /'
fi
s=$(status RUN)
check "queue status: nothing pending or in flight, all done" \
    "$(echo "$s" | field pending) $(echo "$s" | field in_flight) $(echo "$s" | field done)" "0 0 $N"

# ---- the same file again: nothing new stored. (Message ids of articles
# done are remembered for a day, but not across a server restart: the
# store is what keeps an article once.)
"$bin" submit -q --queue "$Q" --stream RUN "$t/in.jsonl"
"$bin" worker --queue "$Q" --stream RUN --db "$WORK" --drain 2> "$t/again.err"
if grep -q "articles taken: 0 stored" "$t/again.err"; then ok "the same file again stores nothing new"; else notok "the same file again stores nothing new ($(cat "$t/again.err"))"; fi
check "the store holds the same rows" "$(count "$WORK" "count(*) FROM articles")" "$N"

# ---- an article the database refuses: a dead letter with its reason
"$bin" ingest -q --db "$DEAD" /dev/null
psql -q "$DEAD" -c "CREATE FUNCTION sitrep_test_refuse() RETURNS trigger LANGUAGE plpgsql AS \$f\$ BEGIN IF NEW.id LIKE 'refuse-%' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW; END \$f\$" > /dev/null
psql -q "$DEAD" -c "CREATE TRIGGER refuse_me BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION sitrep_test_refuse()" > /dev/null
python3 tests/make_articles.py 60 23 > "$t/small.jsonl"
echo '{"id": "refuse-1", "date": "2017-03-03", "text": "Gunmen attacked a checkpoint in Hajin on Monday, killing three soldiers, a test said."}' > "$t/refuse.jsonl"
cat "$t/small.jsonl" "$t/refuse.jsonl" > "$t/dead-in.jsonl"
"$bin" submit -q --queue "$Q" --stream DL "$t/dead-in.jsonl"
# and a message no article is, published by hand to the subject
python3 - "$port" <<'EOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.recv(4096)
body = b'{"id": "no-text"}'
s.sendall(b'CONNECT {"verbose":false}\r\nPUB DL.articles %d\r\n%s\r\nPING\r\n' % (len(body), body))
while b"PONG" not in s.recv(4096):
    pass
EOF
"$bin" worker --queue "$Q" --stream DL --db "$DEAD" --drain --max-deliver 2 2> "$t/dl.err"
check "the worker drains a queue holding refused articles (exit 0)" "$?" 0
"$bin" queue dead --queue "$Q" --stream DL > "$t/dead.jsonl"
if grep -q '"id":"refuse-1","reason":"[^"]*refused by a test trigger[^"]*","deliveries":2' "$t/dead.jsonl"; then
    ok "the refused article is a dead letter with its reason, after --max-deliver deliveries"
else
    notok "the refused article is a dead letter with its reason ($(cat "$t/dead.jsonl"))"
fi
if grep -qF '"reason":"not an article: missing \"text\"' "$t/dead.jsonl"; then ok "a message that is not an article is a dead letter at once"; else notok "a message that is not an article is a dead letter at once ($(cat "$t/dead.jsonl"))"; fi
check "every other article is stored" "$(count "$DEAD" "count(*) FROM articles")" 60
if grep -q "queue:[0-9]*: article not stored: .*refused by a test trigger.*(delivery 1 of 2: given back)" "$t/dl.err"; then
    ok "the worker says it gave the refused article back"
else
    notok "the worker says it gave the refused article back ($(head -3 "$t/dl.err"))"
fi
check "queue status counts 2 dead letters" "$(status DL | field dead)" 2
"$bin" queue status --queue "$Q" --stream DL --interval 1 > "$t/status.txt"
if grep -q "^done  *60$" "$t/status.txt" && grep -q "^rate  *0.0 articles/s" "$t/status.txt"; then
    ok "queue status: done and the rate, as text"
else
    notok "queue status: done and the rate, as text ($(tr '\n' ' ' < "$t/status.txt"))"
fi
"$bin" submit --queue "$Q" --stream DL "$t/dead-in.jsonl" 2> "$t/dup.err"
if grep -q "61 articles read: 0 queued, 61 in the queue already" "$t/dup.err"; then ok "the same file again queues nothing (message ids)"; else notok "the same file again queues nothing ($(cat "$t/dup.err"))"; fi
echo "1..$n"
