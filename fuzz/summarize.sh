#!/bin/sh
# fuzz/summarize.sh [FUZZ_DIR]: one Markdown table row a harness from the
# logs of fuzz/run.sh (default build/fuzz): runs, seconds, speed, edges
# covered, corpus, crashes kept.
fd=${1:-build/fuzz}
echo "| harness | runs | seconds | runs/s | edges covered | features | corpus (units) | crashes |"
echo "|---|---|---|---|---|---|---|---|"
for log in "$fd"/logs/*.log; do
    h=$(basename "$log" .log)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    crashes=$(ls "$fd/artifacts/$h" 2>/dev/null | grep -c -E '^(crash|leak|timeout|oom)-')
    echo "| $h | ${runs:-running} | ${secs:--} | ${rate:--} | ${cov:--} | ${ft:--} | ${corp:--} | $crashes |"
done
