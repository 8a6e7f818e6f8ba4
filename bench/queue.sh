#!/bin/sh
# bench/queue.sh SITREP_BINARY [ARTICLES.jsonl]: articles/s through the
# work queue with 1, 2 and 4 worker processes (each -j 1) against one
# `sitrep ingest` process, into PostgreSQL; and submit's rate alone.
# Needs nats-server and PostgreSQL (SITREP_TEST_PG, or the throwaway
# server of scripts/pg-test-server.sh). Prints one Markdown table row per
# measure; medians of 3 runs. The NATS server, PostgreSQL and the workers
# share this machine: the figures are of this machine, not of a cluster.
bin=$1
in=$2
t=$(mktemp -d /tmp/sitrep-qbench-XXXXXX)
pg=${SITREP_TEST_PG:-$(sh scripts/pg-test-server.sh start 2>/dev/null || true)}
if ! command -v nats-server > /dev/null 2>&1 || [ -z "$pg" ]; then
    echo "| work queue | not measured (needs nats-server and PostgreSQL) | |"
    exit 0
fi
if [ -z "$in" ]; then
    python3 tests/make_articles.py 20000 31 > "$t/in.jsonl"
    in=$t/in.jsonl
fi
nart=$(wc -l < "$in")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
Q=nats://127.0.0.1:$port
nats-server -js -a 127.0.0.1 -p "$port" -sd "$t/js" > "$t/nats.log" 2>&1 &
nats=$!
trap 'kill $nats 2>/dev/null; wait $nats 2>/dev/null; psql -q "$pg" -c "DROP DATABASE IF EXISTS sitrep_qbench WITH (FORCE)" 2>/dev/null; rm -rf "$t"' EXIT
for _ in $(seq 50); do "$bin" queue status --queue "$Q" --interval 0 > /dev/null 2>&1 && break; sleep 0.1; done
DB=$(echo "$pg" | sed "s|/[^/]*\$|/sitrep_qbench|")
fresh() {
    psql -q "$pg" -c "DROP DATABASE IF EXISTS sitrep_qbench WITH (FORCE)" > /dev/null 2>&1
    psql -q "$pg" -c "CREATE DATABASE sitrep_qbench" > /dev/null
    "$bin" ingest -q --db "$DB" /dev/null # the schema, outside the timing
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
now() { date +%s.%N; }
rate() { awk "BEGIN {printf \"%.0f\", $nart / ($2 - $1)}"; }
k=0
for i in 1 2 3; do
    fresh
    t0=$(now); "$bin" ingest -q --no-progress --db "$DB" "$in"; t1=$(now)
    rate "$t0" "$t1"; echo
done > "$t/ingest"
ing=$(median < "$t/ingest")
: > "$t/submit"
for w in 1 2 4; do
    for i in 1 2 3; do
        fresh
        k=$((k + 1))
        t0=$(now); "$bin" submit -q --queue "$Q" --stream B$k "$in"; t1=$(now)
        rate "$t0" "$t1" >> "$t/submit"; echo >> "$t/submit"
        t0=$(now)
        pids=
        for _ in $(seq $w); do
            "$bin" worker -q --no-progress --queue "$Q" --stream B$k --db "$DB" --drain &
            pids="$pids $!"
        done
        wait $pids
        t1=$(now)
        rate "$t0" "$t1"; echo
    done > "$t/w$w"
done
sub=$(median < "$t/submit")
w1=$(median < "$t/w1"); w2=$(median < "$t/w2"); w4=$(median < "$t/w4")
pct() { awk "BEGIN {printf \"%.2f\", $1 / $ing}"; }
echo "| work queue ($nart articles, PostgreSQL and NATS on this machine, $(nproc) cores) | one ingest $ing articles/s; workers (each -j 1): 1 -> $w1 ($(pct $w1)x ingest), 2 -> $w2 ($(pct $w2)x), 4 -> $w4 ($(pct $w4)x) articles/s; submit alone $sub articles/s | workers scale until the cores or the database are full |"
