#!/bin/sh
# The HTTP server under load (part of make bench): wrk (Debian's), 100
# connections for HTTP_SECONDS (30) against GET /api/events?limit=100 and
# POST /api/code, on a SQLite store, `sitrep serve -j 2` on this machine.
# bench/http.sh SITREP STORE: prints two table rows for bench/results.md.
set -eu
bin=$1 db=$2
secs=${HTTP_SECONDS:-30}
t=$(mktemp -d /tmp/sitrep-http-XXXXXX)
trap 'kill $pid 2>/dev/null; rm -rf "$t"' EXIT
if ! command -v wrk > /dev/null; then
    echo "| HTTP | not measured: wrk is not installed (apt-get install wrk) | |"
    exit 0
fi
"$bin" serve --db "$db" --listen 127.0.0.1:0 -j 2 2> "$t/log" &
pid=$!
port=
for i in $(seq 1 100); do
    port=$(sed -n 's/.* on port \([0-9]*\) .*/\1/p' "$t/log")
    [ -n "$port" ] && break
    sleep 0.1
done
n=$(curl -s "http://127.0.0.1:$port/api/stats" | sed -n 's/.*"merged":\([0-9]*\).*/\1/p')
# one article a request, as a client coding its feed would send them
head -1 examples/articles.jsonl > "$t/article.jsonl"
cat > "$t/post.lua" <<EOT
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-ndjson"
local f = io.open("$t/article.jsonl", "rb")
wrk.body = f:read("*a")
f:close()
EOT
# rps p50 p99 from wrk's --latency output
parse() {
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1")
    p50=$(sed -n 's/^ *50% *\([0-9.]*[a-z]*\).*/\1/p' "$1")
    p99=$(sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p' "$1")
    errs=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$1")
    echo "$(printf '%.0f' "$rps") requests/s, p50 $p50, p99 $p99${errs:+, $errs non-2xx answers}"
}
wrk -t 2 -c 100 -d "${secs}s" --latency "http://127.0.0.1:$port/api/events?limit=100" > "$t/get.txt" 2>&1
wrk -t 2 -c 100 -d "${secs}s" --latency -s "$t/post.lua" "http://127.0.0.1:$port/api/code" > "$t/post.txt" 2>&1
rss=$(awk '/^VmHWM:/ {print $2}' /proc/$pid/status)
echo "| HTTP GET /api/events?limit=100 (store of $n events; 100 connections, ${secs} s; wrk and the server on the same 2 cores) | $(parse "$t/get.txt") | 5,000 requests/s, p99 < 50 ms |"
echo "| HTTP POST /api/code (one article a request) | $(parse "$t/post.txt"); server peak RSS $((rss / 1024)) MB | |"
