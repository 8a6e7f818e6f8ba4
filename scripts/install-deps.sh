#!/bin/sh
# Installs what sitrep needs to build and test on Debian 12 (run as root).
set -e
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps.sh: run as root (apt-get install)" >&2
    exit 1
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    build-essential pkg-config python3 \
    libcjson-dev libutf8proc-dev libxml2-dev libcmocka-dev >/dev/null
echo "install-deps.sh: done"
