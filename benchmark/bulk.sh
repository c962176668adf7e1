#!/usr/bin/env bash
# Bulk resync at volume: `erpsync resync-bulk` against the sandbox as its own process, on loopback.
#
#   benchmark/bulk.sh CLI SANDBOX [--keys N] [--batches "100 1000"] [--concurrency C] [--reps R]
#                     [--rss-keys M] [--capacity-keys K] [--wrk-duration S|auto]
#                     [--parts "throughput memory wrk capacity"] [--out FILE]
#
#   CLI      the erpsync executable (example/erpsync/, docs/cli.md)
#   SANDBOX  the erpsync_sandbox executable (example/sandbox_main.cpp)
#
# 1. Throughput: the sandbox seeded with min(N, 1000000) linked customers (--linked-customers);
#    a key file of N ERP keys K-<i mod that>; for each batch size, R runs of
#    `erpsync resync-bulk --actor-type Customer --concurrency C` (default N = 1000000, C = 4, R = 3).
#    keys/s = keys resynced / wall time of the whole command (start-up and reading the file included).
# 2. Memory: one streamed run of M keys (default 10000000: the 1000000 keys ten times over) with
#    batches of 1000; its peak RSS (/usr/bin/time %M) beside the 1M-key runs' shows that memory
#    does not grow with the number of keys. --rss-keys 0 skips it.
# 3. Adaptive against fixed concurrency: the sandbox serving 4 requests at a time, 5 ms each
#    (--capacity 4 --service-time-us 5000: at most 800 calls/s), answering 429 above that, once with
#    `Retry-After: 1` (as a real server) and once without; K keys (default 20000) in batches of 10
#    at --concurrency 16, fixed or --adaptive, alternating, R runs each: keys/s, the 429 answers
#    (from the summary's attempts), the calls that met one (overloaded_calls) and the keys failed
#    (a call out of retries: the CLI's default retry policy, 3 attempts). --capacity-keys 0 skips it.
# 4. Beside wrk (part "wrk"): on the sandbox of 1, for each batch size, one unmeasured run of the
#    CLI over the key file (every key resynced once before anything is measured, and its elapsed
#    time), then R reps of the CLI and of wrk (-t1, -c C: the CLI's --concurrency) alternating
#    (ours first in odd reps, wrk first in even ones). wrk sends the same requests pre-rendered
#    (bulk_resync.lua: ForceResyncExternal, connection 1, Customer, the key file's keys in the same
#    batches, cycling). Ours = the summary's keys_per_second (keys settled / the run's elapsed time:
#    from the start of async_resync_bulk to its completion, reading the key file and connecting
#    included; process start-up not included); wrk = keys answered 200 with IsOk true / its -d
#    duration (connecting included), -d S (default auto: the warm-up run's elapsed time rounded to
#    whole seconds, at least 1). Every wrk run must have every answer 200 and IsOk true, and no
#    socket error. With few keys (a run of ours well under a second) ours' start and ramp-up weigh
#    on a short window while wrk runs at least 1 s: compare at the default 1000000 keys.
# --parts chooses among throughput (1), memory (2), wrk (4) and capacity (3); default all four.
#
# Every run of 1, 2 and 4 must resync every key (exit status 0, failed 0), every run of 3 account
# for every key (resynced or failed); the script stops otherwise.
# Output: Markdown tables on stdout and in --out FILE; every run's summary line goes to stderr and,
# with --out, to FILE.jsonl. Needs /usr/bin/time (Debian package time) and, for part 4, wrk.
# Only 127.0.0.1.
set -euo pipefail
usage() {
    sed -n '2,9p' "$0" >&2
    exit 2
}
[[ $# -ge 2 ]] || usage
cli=$1
sandbox=$2
shift 2
keys=1000000
batches="100 1000"
concurrency=4
reps=3
rss_keys=10000000
capacity_keys=20000
wrk_duration=auto
parts="throughput memory wrk capacity"
out=""
while [[ $# -gt 0 ]]; do
    case $1 in
    --keys) keys=$2; shift 2 ;;
    --batches) batches=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --rss-keys) rss_keys=$2; shift 2 ;;
    --capacity-keys) capacity_keys=$2; shift 2 ;;
    --wrk-duration) wrk_duration=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) usage ;;
    esac
done
for v in keys concurrency reps rss_keys capacity_keys; do
    [[ ${!v} =~ ^[0-9]+$ ]] || { echo "--${v//_/-} must be a whole number" >&2; exit 2; }
done
((keys >= 1 && reps >= 1 && concurrency >= 1)) || { echo "--keys, --reps and --concurrency must be at least 1" >&2; exit 2; }
[[ -x $cli ]] || { echo "not executable: $cli" >&2; exit 2; }
[[ -x $sandbox ]] || { echo "not executable: $sandbox" >&2; exit 2; }
time_cmd=/usr/bin/time
[[ -x $time_cmd ]] || { echo "/usr/bin/time is needed (Debian package time)" >&2; exit 2; }
for p in $parts; do
    [[ $p == throughput || $p == memory || $p == wrk || $p == capacity ]] ||
        { echo "unknown part $p (--parts: throughput memory wrk capacity)" >&2; exit 2; }
done
want() { [[ " $parts " == *" $1 "* ]]; }
want memory || rss_keys=0
want capacity || capacity_keys=0
[[ $wrk_duration == auto || ($wrk_duration =~ ^[0-9]+$ && $wrk_duration -ge 1 && $wrk_duration -le 100) ]] ||
    { echo "--wrk-duration must be auto or whole seconds, 1..100 (wrk's -d)" >&2; exit 2; }
if want wrk; then
    command -v wrk >/dev/null || { echo "wrk is not installed (needed by part wrk; --parts without it)" >&2; exit 2; }
fi

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=benchmark/lib.sh
source "$here/lib.sh"
bench_setup bulk

raw=/dev/null
[[ -n $out ]] && raw=$out.jsonl && : >"$raw"

# A key file of $2 keys K-<i mod $3>.
key_file() { # path count distinct
    awk -v n="$2" -v m="$3" 'BEGIN { for (i = 0; i < n; i++) print "K-" (i % m) }' >"$1"
}

# One resync-bulk run; sets run_line (its summary), run_wall (s), run_rss (KiB), run_kps (keys
# resynced per second), run_failed. Stops the script unless every key is resynced, or, with
# may_fail=1 (the capacity runs: a client that runs out of retries fails keys), unless every key
# is accounted for (resynced or failed).
may_fail=0
run_bulk() { # label keyfile expected_keys erpsync-options...
    local label=$1 file=$2 expect=$3 rc=0
    shift 3
    ERPSYNC_USER=$user ERPSYNC_PASSWORD=$password \
        "$time_cmd" -f '%e %M' -o "$tmp/time" \
        "$cli" resync-bulk --url "http://127.0.0.1:$port$base" --connection 1 --actor-type Customer \
        --keys-file "$file" --no-progress "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    run_line=$(tail -n1 "$tmp/out")
    read -r run_wall run_rss < <(tail -n 1 "$tmp/time") # after "Command exited with non-zero status"
    local ok
    ok=$(field "$run_line" succeeded)
    run_failed=$(field "$run_line" failed)
    local accounted=$((${ok:-0} + ${run_failed:-0}))
    if ! [[ ($rc -eq 0 && $ok == "$expect") || ($may_fail -eq 1 && $rc -eq 1 && $accounted -eq $expect) ]]; then
        echo "$label: exit $rc, succeeded ${ok:-?} of $expect, failed ${run_failed:-?}" >&2
        head -c 2000 "$tmp/err" >&2
        head -c 2000 <<<"$run_line" >&2
        exit 1
    fi
    run_kps=$(awk -v k="$ok" -v s="$run_wall" 'BEGIN { printf "%.0f", (s > 0 ? k / s : 0) }')
    local summary
    # shellcheck disable=SC2001 # a regular expression
    summary=$(sed 's/,"failures":\[.*\]//' <<<"$run_line")
    echo "$label: ${run_wall} s, ${run_kps} keys/s, peak RSS ${run_rss} KiB: $summary" >&2
    echo "{\"run\":\"$label\",\"wall_s\":$run_wall,\"max_rss_kib\":$run_rss,\"keys_per_s\":$run_kps,\"summary\":$run_line}" >>"$raw"
}

seeded=$((keys < 1000000 ? keys : 1000000))
output=""

# One wrk run of bulk_resync.lua: the requests of the CLI's run over $tmp/keys.txt in batches of
# $1, for $2 s; sets wrk_line (its JSON line) and wrk_kps. Stops the script unless every answer was
# 200 with IsOk true and there was no socket error.
run_wrk_bulk() { # label batch seconds
    local label=$1 o rc=0
    o=$(ERPSYNC_USER=$user ERPSYNC_PASSWORD=$password ERPSYNC_KEYS=$keys ERPSYNC_DISTINCT=$seeded \
        ERPSYNC_BATCH=$2 ERPSYNC_ERP_CONNECTION_ID=1 ERPSYNC_ACTOR_TYPE=Customer \
        ERPSYNC_CONNECTIONS=$concurrency \
        wrk -t1 "-c$concurrency" "-d$3s" --timeout 30s -s "$here/bulk_resync.lua" "http://127.0.0.1:$port$base" 2>&1) || rc=$?
    wrk_line=$(grep '^{"tool":"wrk"' <<<"$o" | tail -n1 || true)
    if [[ $rc -ne 0 || -z $wrk_line || $(field "$wrk_line" requests) == 0 || $(field "$wrk_line" not_ok) != 0 ||
        $(field "$wrk_line" refused) != 0 || $(field "$wrk_line" errors) != 0 ]]; then
        echo "$label: wrk exit $rc, not every answer 200 with IsOk true:" >&2
        head -c 2000 <<<"$o" >&2
        exit 1
    fi
    wrk_kps=$(field "$wrk_line" keys_per_second)
    echo "$label: $wrk_line" >&2
    echo "{\"run\":\"$label\",\"result\":$wrk_line}" >>"$raw"
}

# 1, 2 and 4: throughput, memory and beside wrk, on one sandbox
if want throughput || want memory || want wrk; then
    sandbox_args=(--linked-customers "$seeded")
    ready_seconds=120
    start_sandbox
    echo "== sandbox (127.0.0.1:$port) with $seeded linked customers" >&2
    key_file "$tmp/keys.txt" "$keys" "$seeded"
    table="| keys | batch size | concurrency | keys/s (median of $reps) | wall s | calls | peak RSS MiB |
|---|---|---|---|---|---|---|"
    if want throughput; then
        for b in $batches; do
            declare -a kps=() walls=() rss=()
            for ((r = 1; r <= reps; r++)); do
                run_bulk "throughput keys=$keys batch=$b rep=$r" "$tmp/keys.txt" "$keys" --batch-size "$b" --concurrency "$concurrency"
                kps+=("$run_kps") walls+=("$run_wall") rss+=("$run_rss")
            done
            table+=$'\n'"$(printf '| %s | %s | %s | %.0f | %.2f | %s | %.1f |' "$keys" "$b" "$concurrency" "$(median "${kps[@]}")" \
                "$(median "${walls[@]}")" "$(field "$run_line" calls)" "$(awk -v k="$(median "${rss[@]}")" 'BEGIN { print k / 1024 }')")"
        done
    fi
    if ((rss_keys > 0)); then
        key_file "$tmp/many.txt" "$rss_keys" "$seeded"
        run_bulk "memory keys=$rss_keys batch=1000" "$tmp/many.txt" "$rss_keys" --batch-size 1000 --concurrency "$concurrency"
        table+=$'\n'"$(printf '| %s (streamed) | 1000 | %s | %s | %.2f | %s | %.1f |' "$rss_keys" "$concurrency" "$run_kps" \
            "$run_wall" "$(field "$run_line" calls)" "$(awk -v k="$run_rss" 'BEGIN { print k / 1024 }')")"
        rm -f "$tmp/many.txt"
    fi
    if want throughput || want memory; then
        output+="$table"$'\n\n'"Keys/s: keys resynced / wall time of the whole erpsync command; peak RSS: /usr/bin/time %M of erpsync (the sandbox's is not counted). The sandbox holds $seeded linked customers; key i is K-<i mod $seeded>."$'\n'
    fi

    # 4: beside wrk sending the same requests
    if want wrk; then
        table="| batch | ours keys/s | wrk keys/s | ours/wrk |
|---|---|---|---|"
        durations=""
        for b in $batches; do
            run_bulk "beside-wrk warm-up keys=$keys batch=$b" "$tmp/keys.txt" "$keys" --batch-size "$b" --concurrency "$concurrency"
            if [[ $wrk_duration == auto ]]; then
                secs=$(awk -v e="$(field "$run_line" elapsed_seconds)" 'BEGIN { s = int(e + 0.5); print (s < 1 ? 1 : (s > 100 ? 100 : s)) }')
            else
                secs=$wrk_duration
            fi
            durations+="${durations:+, }batch $b: ${secs} s"
            declare -a o_kps=() w_kps=()
            for ((r = 1; r <= reps; r++)); do
                if ((r % 2)); then order="ours wrk"; else order="wrk ours"; fi
                for tool in $order; do
                    if [[ $tool == ours ]]; then
                        run_bulk "beside-wrk ours keys=$keys batch=$b rep=$r" "$tmp/keys.txt" "$keys" --batch-size "$b" --concurrency "$concurrency"
                        o_kps+=("$(field "$run_line" keys_per_second)")
                    else
                        run_wrk_bulk "beside-wrk wrk batch=$b rep=$r" "$b" "$secs"
                        w_kps+=("$wrk_kps")
                    fi
                done
            done
            ok=$(median "${o_kps[@]}") wk=$(median "${w_kps[@]}")
            row=$(printf '| %s | %.0f | %.0f | %s |' "$b" "$ok" "$wk" "$(awk -v a="$ok" -v b="$wk" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')")
            table+=$'\n'"$row"
            echo "$row" >&2
        done
        output+=$'\n'"$table"$'\n\n'"Medians of $reps runs each, alternating on the same sandbox ($seeded linked customers), concurrency $concurrency (wrk -t1 -c$concurrency), after one unmeasured run of ours over the keys. Ours: \`erpsync resync-bulk\` over $keys keys, its summary's keys_per_second (keys settled / the run's elapsed time, connecting included, process start-up not). wrk: benchmark/bulk_resync.lua, the same ForceResyncExternal requests (same keys in the same batches) pre-rendered and cycled, keys answered 200 with IsOk true / its -d ($durations; connecting included). Every run resynced every key (ours) or had every answer 200 with IsOk true (wrk)."$'\n'
    fi
    stop_server
fi

# 3: adaptive against fixed concurrency, against a capacity-limited sandbox
# The 429 answers of the last run: every HTTP attempt that did not succeed (the sandbox injects
# nothing else): attempts - (calls - calls failed), a failed call failing its 10 keys.
refusals() {
    awk -v a="$(field "$run_line" attempts)" -v c="$(field "$run_line" calls)" -v f="$run_failed" \
        'BEGIN { print a - (c - f / 10) }'
}
if ((capacity_keys > 0)); then
    key_file "$tmp/cap.txt" "$capacity_keys" "$capacity_keys"
    table="| Retry-After | mode | keys/s (median of $reps) | 429 answers (median) | calls that met a 429 | keys failed | concurrency min..max |
|---|---|---|---|---|---|---|"
    may_fail=1
    for ra in 1 none; do
        sandbox_args=(--linked-customers "$capacity_keys" --capacity 4 --service-time-us 5000 --capacity-retry-after "$ra")
        start_sandbox
        echo "== sandbox (127.0.0.1:$port): capacity 4, 5 ms per request, Retry-After $ra" >&2
        declare -a f_kps=() f_429=() f_fail=() f_ans=() a_kps=() a_429=() a_fail=() a_ans=()
        range=""
        for ((r = 1; r <= reps; r++)); do
            if ((r % 2)); then order="fixed adaptive"; else order="adaptive fixed"; fi
            for mode in $order; do
                if [[ $mode == fixed ]]; then
                    run_bulk "capacity retry-after=$ra fixed rep=$r" "$tmp/cap.txt" "$capacity_keys" --batch-size 10 --concurrency 16
                    f_kps+=("$run_kps") f_429+=("$(field "$run_line" overloaded_calls)") f_fail+=("$run_failed") f_ans+=("$(refusals)")
                else
                    run_bulk "capacity retry-after=$ra adaptive rep=$r" "$tmp/cap.txt" "$capacity_keys" --batch-size 10 --concurrency 16 --adaptive
                    a_kps+=("$run_kps") a_429+=("$(field "$run_line" overloaded_calls)") a_fail+=("$run_failed") a_ans+=("$(refusals)")
                    range="$(field "$run_line" min)..$(field "$run_line" max)"
                fi
            done
        done
        stop_server
        table+=$'\n'"$(printf '| %s | fixed 16 | %.0f | %s | %s | %s | 16..16 |' "$ra" "$(median "${f_kps[@]}")" "$(median "${f_ans[@]}")" "$(median "${f_429[@]}")" "$(median "${f_fail[@]}")")"
        table+=$'\n'"$(printf '| %s | adaptive, at most 16 | %.0f | %s | %s | %s | %s (last run) |' "$ra" "$(median "${a_kps[@]}")" "$(median "${a_ans[@]}")" "$(median "${a_429[@]}")" "$(median "${a_fail[@]}")" "$range")"
    done
    output+=$'\n'"$table"$'\n\n'"$capacity_keys keys in batches of 10 against \`erpsync_sandbox --capacity 4 --service-time-us 5000\` (at most 800 calls/s, 8000 keys/s); fixed and adaptive runs alternate on the same sandbox."$'\n'
fi

printf '%s' "$output"
[[ -z $out ]] || printf '%s' "$output" >"$out"
