#!/bin/sh
# fuzz/run.sh SECONDS HARNESS...
# Replays each harness's regression inputs (fuzz/regress/<harness>/: every
# crash ever found), then fuzzes it for SECONDS from a scratch copy of its
# seed corpus (fuzz/corpus/<harness>/), two harnesses at a time. New
# findings land in $FUZZ_DIR/artifacts/<harness>/ (default build/fuzz). Prints one "ok"/"not ok"
# line per harness and, with RESULTS=DIR, writes "passed failed" to DIR/fuzz.
secs=$1
shift
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
[ "$jobs" -gt 2 ] && jobs=2
export SITREP_DATA="$(pwd)/data"
[ -f build/gazetteer.idx ] && export SITREP_GAZETTEER="$(pwd)/build/gazetteer.idx"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# FUZZ_DIR: where the harness binaries are and runs are kept
fd=${FUZZ_DIR:-build/fuzz}
logdir=$fd/logs
mkdir -p "$logdir"

one() {
    h=$1
    work=$fd/work/$h art=$fd/artifacts/$h
    rm -rf "$work" && mkdir -p "$work" "$art"
    cp fuzz/corpus/$h/* "$work"/ 2>/dev/null
    log=$logdir/$h.log
    : > "$log"
    if [ -d fuzz/regress/$h ] && [ -n "$(ls fuzz/regress/$h)" ]; then
        if ! $fd/$h -runs=1 fuzz/regress/$h/* >> "$log" 2>&1; then
            echo "not ok $h: a regression input fails again (see $log)"
            return
        fi
    fi
    # whole articles through the pipeline are slow to mutate when huge
    maxlen=65536
    [ "$h" = fuzz_code ] && maxlen=16384
    $fd/$h "$work" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2560 \
        -max_len=$maxlen -artifact_prefix="$art/" -print_final_stats=1 >> "$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    if [ $rc -eq 0 ]; then
        echo "ok $h: ${execs:-?} runs in ${secs}s, coverage ${cov:-?} edges"
    else
        echo "not ok $h: exit $rc after ${execs:-?} runs; input kept in $art/ (see $log);"
        echo "   copy it into fuzz/regress/$h/ once fixed"
        grep -m3 'ERROR\|runtime error\|SUMMARY' "$log" | sed 's/^/   /'
    fi
}

out=$fd/results.txt
: > "$out"
set -- "$@"
while [ $# -gt 0 ]; do
    i=0
    while [ $i -lt "$jobs" ] && [ $# -gt 0 ]; do
        one "$1" >> "$out.$1" &
        i=$((i + 1))
        pending="$pending $1"
        shift
    done
    wait
    for h in $pending; do cat "$out.$h" >> "$out"; rm -f "$out.$h"; done
    pending=
done
cat "$out"
p=$(grep -c '^ok ' "$out")
f=$(grep -c '^not ok ' "$out")
[ -n "$RESULTS" ] && echo "$p $f" > "$RESULTS/fuzz"
echo "fuzz: $p passed, $f failed"
[ "$f" -eq 0 ]
