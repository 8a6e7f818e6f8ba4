#!/bin/sh
# scripts/pg-test-server.sh start|stop
# A throwaway PostgreSQL 15 server for the store tests: a cluster under
# /tmp/sitrep-pg owned by user postgres, listening on 127.0.0.1:54329 only,
# trust authentication (loopback, tests only), database sitrep_test.
# Run as root. Prints the URL to use on start.
set -e
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${SITREP_PG_DIR:-/tmp/sitrep-pg}
PORT=${SITREP_PG_PORT:-54329}
URL="postgresql://postgres@127.0.0.1:$PORT/sitrep_test"
as_pg() { su postgres -s /bin/sh -c "$*"; }
case "${1:-start}" in
start)
    if [ ! -x "$PGBIN/initdb" ]; then
        echo "pg-test-server.sh: $PGBIN/initdb not found (apt-get install postgresql-15)" >&2
        exit 1
    fi
    if [ ! -f "$DIR/PG_VERSION" ]; then
        mkdir -p "$DIR"
        chown postgres "$DIR"
        as_pg "$PGBIN/initdb -D $DIR -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    if ! as_pg "$PGBIN/pg_ctl -D $DIR status" >/dev/null 2>&1; then
        as_pg "$PGBIN/pg_ctl -D $DIR -l $DIR/server.log -w -o '-c listen_addresses=127.0.0.1 -p $PORT -k /tmp' start" >/dev/null
    fi
    as_pg "$PGBIN/psql -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = 'sitrep_test'\"" | grep -q 1 ||
        as_pg "$PGBIN/createdb -h 127.0.0.1 -p $PORT -U postgres sitrep_test"
    echo "$URL"
    ;;
stop)
    as_pg "$PGBIN/pg_ctl -D $DIR -m fast stop" >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: pg-test-server.sh start|stop" >&2
    exit 2
    ;;
esac
