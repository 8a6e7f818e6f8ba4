#!/bin/sh
# scripts/web-assets.sh DEST: the map's files in one directory, as
# `sitrep serve` serves them: web/ and, under vendor/, the libraries from
# npm that scripts/install-deps.sh put in .deps/node_modules (Leaflet and
# its marker cluster, BSD-2 and MIT; world-atlas's country borders from
# Natural Earth, public domain; topojson-client, ISC). Nothing is fetched
# from the network here or by the page.
set -e
dest=$1
nm=.deps/node_modules
mkdir -p "$dest/vendor/leaflet/images" "$dest/vendor/markercluster" "$dest/vendor/world-atlas" "$dest/vendor/topojson"
cp web/index.html web/map.js web/map.css "$dest/"
if [ ! -f "$nm/leaflet/dist/leaflet.js" ]; then
    echo "web-assets.sh: $nm has no Leaflet (run scripts/install-deps.sh): the map's page will say so" >&2
    exit 0
fi
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$dest/vendor/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$dest/vendor/leaflet/images/"
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
    "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$dest/vendor/markercluster/"
cp "$nm/world-atlas/countries-110m.json" "$dest/vendor/world-atlas/"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$dest/vendor/topojson/"
for f in leaflet/LICENSE leaflet.markercluster/MIT-LICENCE.txt world-atlas/LICENSE topojson-client/LICENSE; do
    [ -f "$nm/$f" ] && cp "$nm/$f" "$dest/vendor/$(dirname "$f" | sed 's/leaflet.markercluster/markercluster/; s/topojson-client/topojson/')/" || true
done
