#!/bin/sh
# Adds up the counts of every test run and prints the line CI reads, after
# what was skipped and why.
pass=0 fail=0
for f in "$1"/*; do
    case "$f" in *.skipped) continue ;; esac
    [ -f "$f" ] || continue
    read p q < "$f"
    pass=$((pass + p)) fail=$((fail + q))
done
skipped=$(cat "$1"/*.skipped 2>/dev/null | sort | uniq -c | sed 's/^ *\([0-9]*\) \(.*\)/\2 (x\1)/')
if [ -n "$skipped" ]; then
    echo "skipped: $(printf '%s\n' "$skipped" | wc -l) checks:"
    printf '%s\n' "$skipped" | sed 's/^/  /'
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
