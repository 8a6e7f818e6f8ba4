#!/bin/sh
# sitrep serve: tests/serve.sh SITREP_BINARY. Prints TAP lines.
#  - the API against the command line on a fixture store (examples/ and
#    tests/data/serve/), on SQLite and, with SITREP_TEST_PG, PostgreSQL;
#  - abuse: malformed requests answered 4xx, the server up, memory bounded;
#  - the map in headless Chromium (puppeteer-core), with a screenshot in
#    build/map.png (skipped when Chromium or puppeteer-core is missing,
#    unless SITREP_REQUIRE_BROWSER=1, as in CI);
#  - SIGTERM stops it cleanly.
bin=$1
n=0
t=$(mktemp -d /tmp/sitrep-serve-XXXXXX)
pids=
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$t"' EXIT
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
# renumber a helper's TAP lines into ours
tap() {
    grep -q '^ok \|^not ok ' "$t/out" || notok "$1: the checks ran ($(tail -3 "$t/out" | tr '\n' ' '))"
    while IFS= read -r line; do
        case $line in
        "ok "*) ok "$1: ${line#ok * - }" ;;
        "not ok "*) notok "$1: ${line#not ok * - }" ;;
        esac
    done
}
token=serve-test-token-0123456789
printf '%s\n' "$token" > "$t/token"
chmod 600 "$t/token"
rss_limit=200
case $bin in *asan*) rss_limit=900 ;; esac # AddressSanitizer's shadow memory

# start BACKEND DB: a server on a free port; sets port and pid
start() {
    : > "$t/log"
    "$bin" serve --db "$2" --listen 127.0.0.1:0 --token-file "$t/token" -j 2 2> "$t/log" &
    pid=$!
    pids="$pids $pid"
    port=
    for i in $(seq 1 100); do
        port=$(sed -n 's/.* on port \([0-9]*\) .*/\1/p' "$t/log")
        [ -n "$port" ] && break
        sleep 0.1
    done
    if [ -n "$port" ]; then ok "$1: serve starts and says its port"; else notok "$1: serve starts ($(cat "$t/log"))"; fi
}

stop() {
    kill -TERM "$pid"
    wait "$pid"
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q "stopping" "$t/log"; then ok "$1: SIGTERM stops it, exit 0"; else notok "$1: SIGTERM stops it (exit $rc)"; fi
}

one_backend() { # LABEL DB
    "$bin" ingest --db "$2" examples/articles.jsonl tests/data/serve/articles.jsonl > /dev/null 2>&1 ||
        notok "$1: the fixture store"
    start "$1" "$2"
    [ -n "$port" ] || return
    python3 tests/serve_api.py "http://127.0.0.1:$port" "$bin" "$2" "$token" > "$t/out" 2>&1
    tap "$1" < "$t/out"
    if [ "$1" = sqlite ]; then
        python3 tests/serve_abuse.py 127.0.0.1 "$port" "$pid" "$rss_limit" > "$t/out" 2>&1
        tap "$1 abuse" < "$t/out"
        browser "$1"
    fi
    stop "$1"
}

browser() {
    if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -d .deps/node_modules/puppeteer-core ] && command -v node > /dev/null; then
        mkdir -p build
        node tests/browser/map_test.js "http://127.0.0.1:$port" build/map.png > "$t/out" 2>&1
        tap "$1 map" < "$t/out"
    elif [ "${SITREP_REQUIRE_BROWSER:-0}" = 1 ]; then
        notok "$1 map: Chromium (Debian chromium) and puppeteer-core (install-deps.sh) are needed"
    else
        echo "# skipped: the map in a browser (no Chromium or puppeteer-core here)"
    fi
}

one_backend sqlite "$t/store.db"
if [ -n "$SITREP_TEST_PG" ]; then
    psql -q "$SITREP_TEST_PG" -c "DROP TABLE IF EXISTS control, events, merged, articles, sitrep_meta, merge_keys" 2>/dev/null
    one_backend postgresql "$SITREP_TEST_PG"
else
    echo "# skipped: the API on PostgreSQL (no server: set SITREP_TEST_PG)"
fi

# a store that is not there: a clear error, no server
if "$bin" serve --db "$t/none.db" --listen 127.0.0.1:0 2> "$t/err"; then
    notok "serve on a missing store fails"
elif grep -q "no store" "$t/err"; then
    ok "serve on a missing store fails, saying so"
else
    notok "serve on a missing store fails, saying so ($(cat "$t/err"))"
fi
if "$bin" serve --db "$t/store.db" --listen nowhere 2> "$t/err"; then
    notok "a bad --listen fails"
elif grep -q "HOST:PORT" "$t/err"; then ok "a bad --listen is a usage error"; else notok "a bad --listen ($(cat "$t/err"))"; fi
echo "1..$n"
