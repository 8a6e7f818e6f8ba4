#!/bin/sh
# Hostile-input tests: tests/hostile.sh SITREP_BINARY [MEM_LIMIT_MB]
# Makes the inputs (tests/hostile/gen.py, the huge ones included) and
# checks what tests/hostile/EXPECT.tsv says for each: exit status, the
# articles still coded, the FILE:LINE message; and for every one: no
# crash, no hang (60 s), peak memory under MEM_LIMIT_MB, only well-formed
# messages on standard error, only JSON objects in valid UTF-8 on standard
# output. Prints TAP lines.
bin=$1
limit_mb=${2:-600}
dir=build/hostile
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
tmp=$(mktemp -d /tmp/sitrep-hostile-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$dir"
if ! python3 tests/hostile/gen.py "$dir" --big >/dev/null; then
    notok "tests/hostile/gen.py makes the inputs"
    exit 0
fi
expect=tests/hostile/EXPECT.tsv
# every input has its expectation, and every expectation its input
missing=
for f in "$dir"/*; do
    b=$(basename "$f")
    cut -f1 "$expect" | grep -qxF "$b" || missing="$missing $b"
done
if [ -z "$missing" ]; then ok "every hostile input has a line in EXPECT.tsv"; else notok "no EXPECT.tsv line for:$missing"; fi
nfiles=$(ls "$dir" | wc -l)
[ "$nfiles" -ge 60 ] && ok "$nfiles hostile inputs (at least 60)" || notok "only $nfiles hostile inputs"

grep -v '^#' "$expect" | while IFS='	' read -r file want ids errpat outneg; do
    [ -n "$file" ] || continue
    f=$dir/$file
    if [ ! -f "$f" ]; then
        notok "$file: input missing (gen.py and EXPECT.tsv disagree)"
        continue
    fi
    /usr/bin/time -f '%M %e' -o "$tmp/time" timeout 60 "$bin" code --no-progress --min-confidence 0 "$f" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    why=
    if [ $rc -eq 124 ]; then
        why="hung (killed after 60 s)"
    elif [ $rc -ge 128 ]; then
        why="crashed (exit $rc)"
    elif [ "$rc" != "$want" ]; then
        why="exit status $rc, expected $want"
    fi
    kb=$(tail -1 "$tmp/time" | cut -d' ' -f1)
    if [ -z "$why" ] && [ -n "$kb" ] && [ "$kb" -gt $((limit_mb * 1024)) ]; then
        why="peak memory $((kb / 1024)) MB over $limit_mb MB"
    fi
    if [ -z "$why" ] && [ "$ids" != "-" ]; then
        for id in $(echo "$ids" | tr ',' ' '); do
            grep -qF "\"doc_id\":\"$id\"" "$tmp/out" || why="${why}article $id not coded; "
        done
    fi
    if [ -z "$why" ] && [ "$errpat" != "-" ]; then
        pat=$(printf '%s' "$errpat" | sed "s|FILE|$f|")
        grep -qE -- "$pat" "$tmp/err" || why="no message matching '$errpat' on stderr"
    fi
    if [ -z "$why" ] && [ "$outneg" != "-" ]; then
        if grep -qE -- "$outneg" "$tmp/out"; then why="output matches '$outneg'"; fi
    fi
    if [ -z "$why" ]; then
        bad=$(grep -vE "^($f(:[0-9]+)?|sitrep): " "$tmp/err" | head -1)
        [ -n "$bad" ] && why="message not in FILE:LINE form: $(printf '%s' "$bad" | cut -c1-120)"
    fi
    if [ -z "$why" ]; then
        python3 - "$tmp/out" <<'PY' || why="stdout is not JSON objects in valid UTF-8"
import json, sys
for line in open(sys.argv[1], 'rb'):
    if not isinstance(json.loads(line.decode('utf-8', 'strict')), dict):
        sys.exit(1)
PY
    fi
    if [ -z "$why" ]; then ok "$file"; else notok "$file: $why"; fi
done
