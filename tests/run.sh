#!/bin/sh
# tests/run.sh LABEL SITREP_BINARY TEST_DIR RESULT_DIR
# Runs every unit test binary (cmocka, TAP output) and the command-line
# test scripts, and writes "passed failed" counts to RESULT_DIR/LABEL and
# what was skipped, and why, to RESULT_DIR/LABEL.skipped.
label=$1 bin=$2 tdir=$3 rdir=$4
pass=0 fail=0
export CMOCKA_MESSAGE_OUTPUT=TAP
export SITREP_DATA="$(pwd)/data"
: > "$rdir/$label.skipped"
# out: a run's output; name: what to call it
tally() {
    p=$(printf '%s\n' "$out" | grep -c '^ok ')
    f=$(printf '%s\n' "$out" | grep -c '^not ok ')
    printf '%s\n' "$out" | grep -i '^# skipped\|: skipped (' | sed "s|^# *||; s|^|$name: |" >> "$rdir/$label.skipped"
}
for t in "$tdir"/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1)
    rc=$?
    name=$(basename "$t")
    tally
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        # crashed or died before reporting: count it as one failure
        f=1
    fi
    pass=$((pass + p)) fail=$((fail + f))
    if [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" | grep -v '^ok ' | sed "s|^|[$label] $name: |"
    fi
    printf '[%s] %-28s %4d passed %4d failed\n' "$label" "$name" "$p" "$f"
done
# command-line tests; the exports; the event store through the command line (PostgreSQL
# too when SITREP_TEST_PG is set): kill -9, merging whatever the order and
# the number of writers, the store under faults
for script in cli.sh export.sh serve.sh store.sh store_race.sh store_faults.sh queue.sh; do
    out=$(sh "tests/$script" "$bin" 2>&1)
    name=$script
    tally
    printf '%s\n' "$out" | grep '^not ok' | sed "s|^|[$label] $script: |"
    pass=$((pass + p)) fail=$((fail + f))
    printf '[%s] %-28s %4d passed %4d failed\n' "$label" "$script" "$p" "$f"
done
# hostile inputs: no crash, no hang, bounded memory, clear messages
limit=400
[ "$label" = asan ] && limit=1500
out=$(sh tests/hostile.sh "$bin" "$limit" 2>&1)
name=hostile.sh
tally
printf '%s\n' "$out" | grep '^not ok' | sed "s|^|[$label] hostile: |"
pass=$((pass + p)) fail=$((fail + f))
printf '[%s] %-28s %4d passed %4d failed\n' "$label" "hostile.sh" "$p" "$f"
# accuracy on the shared gold sets (only where they are present)
if [ "$label" = plain ]; then
    out=$(sh tests/gold_eval.sh "$bin" 2>&1)
    name=gold_eval.sh
    tally
    printf '%s\n' "$out" | grep -v '^ok' | sed "s|^|[$label] gold: |"
    pass=$((pass + p)) fail=$((fail + f))
    printf '[%s] %-28s %4d passed %4d failed\n' "$label" "gold_eval.sh" "$p" "$f"
fi
# the Debian package, installed and removed (SITREP_TEST_DEB=1: CI)
if [ "$label" = plain ]; then
    out=$(sh tests/deb.sh 2>&1)
    name=deb.sh
    tally
    printf '%s\n' "$out" | grep '^not ok\|^# ' | sed "s|^|[$label] deb: |"
    pass=$((pass + p)) fail=$((fail + f))
    printf '[%s] %-28s %4d passed %4d failed\n' "$label" "deb.sh" "$p" "$f"
fi
echo "$pass $fail" > "$rdir/$label"
[ "$fail" -eq 0 ]
