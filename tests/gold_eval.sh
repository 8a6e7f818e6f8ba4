#!/bin/sh
# Scores the coder on the shared gold sets when they are present (they live
# outside the repository, in ../shared/eval). Prints TAP lines; says it
# skipped them when the gold sets are absent.
bin=$1
eval_dir=${SITREP_EVAL:-../shared/eval}
if [ ! -f "$eval_dir/score.py" ]; then
    echo "# skipped: the accuracy checks on the gold sets ($eval_dir/score.py not found)"
    exit 0
fi
n=0
for g in "$eval_dir"/*.gold.jsonl; do
    [ -f "$g" ] || continue
    name=$(basename "$g")
    out=$(python3 "$eval_dir/score.py" "$g" --json -- "$bin" code 2>/dev/null)
    if printf '%s' "$out" | python3 -c "
import json,sys
s=json.load(sys.stdin)
ok = s['f1'] >= 0.60 and (s['actor1_acc'] or 0) >= 0.75 and (s['sub_event_type_acc'] or 0) >= 0.75
print('  %s: F1 %.3f actor1 %.3f sub-type %.3f location %.3f' % ('$name', s['f1'], s['actor1_acc'] or 0, s['sub_event_type_acc'] or 0, s['location_acc'] or 0), file=sys.stderr)
sys.exit(0 if ok else 1)"; then
        n=$((n + 1)); echo "ok $n - $name: F1 >= 0.60, actor1 and sub-type accuracy >= 0.75"
    else
        n=$((n + 1)); echo "not ok $n - $name: below the acceptance thresholds"
    fi
done
