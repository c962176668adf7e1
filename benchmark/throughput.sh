#!/usr/bin/env bash
# Throughput of the client against wrk, side by side, on loopback.
#
#   benchmark/throughput.sh LOAD SANDBOX [--duration S] [--reps R] [--connections "1 8 64"]
#                           [--servers "nginx sandbox"] [--warmup S] [--out FILE]
#
#   LOAD     the erpsync_bench_load executable (benchmark/load.cpp)
#   SANDBOX  the erpsync-sandbox executable (example/sandbox_main.cpp, target erpsync_sandbox)
#
# For each server (nginx answering a fixed PluginResponse, the sandbox as its own process) and
# each connection count: start the server on a free 127.0.0.1 port, wait until it answers, warm it
# with one unmeasured 1 s wrk run, then R repetitions of wrk (-t1, one thread like the client) and
# erpsync_bench_load, alternating (wrk first in odd repetitions, ours first in even ones), same
# server instance, same measured duration; stop the server. The table gives the medians, and the
# two ratios both ways: the ratio of the two tools' medians, and the median of the ratios of each
# repetition (the two runs of a repetition follow each other, so a machine slowing down during the
# series moves both of them; on a shared machine this is the steadier figure).
#
# Both send ForceResyncNoBlankValues with 100 ids (force_resync.lua builds the client's request:
# same method, target, headers and body), with Basic credentials sandbox/sandbox (nginx ignores them).
# wrk's duration includes opening its connections; ours opens them in its --warmup (default 0.5 s,
# not measured). Nothing is pinned: server, wrk and our driver share the machine's cores (2 on the
# project's builder), so the server's own CPU use is part of what is measured, equally for both.
#
# The table also gives each load generator's own CPU time per request (user + system): the machine
# is shared and noisy, and this is the figure that says how much work the client does per call.
#
# Output: a Markdown table on stdout and in --out FILE; the raw JSON lines of every run go to
# stderr and, with --out, to FILE.jsonl. Exits non-zero when any run reports errors.
set -euo pipefail

usage() {
    sed -n '2,8p' "$0" >&2
    exit 2
}

[[ $# -ge 2 ]] || usage
load=$1
sandbox=$2
shift 2
duration=5
reps=3
connections="1 8 64"
servers="nginx sandbox"
warmup=0.5
out=""
while [[ $# -gt 0 ]]; do
    case $1 in
    --duration) duration=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) usage ;;
    esac
done
[[ -x $load ]] || { echo "not executable: $load" >&2; exit 2; }
[[ -x $sandbox ]] || { echo "not executable: $sandbox" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }
time_cmd=/usr/bin/time
[[ -x $time_cmd ]] || { echo "/usr/bin/time is needed (Debian package time)" >&2; exit 2; }
[[ $duration =~ ^[0-9]+$ && $duration -ge 1 && $duration -le 100 ]] ||
    { echo "--duration must be whole seconds, 1..100 (wrk's -d)" >&2; exit 2; }
[[ $reps =~ ^[0-9]+$ && $reps -ge 1 ]] || { echo "--reps must be a positive integer" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
lua=$here/force_resync.lua
conf_in=$here/nginx.conf.in
nginx=${NGINX:-/usr/sbin/nginx}
# shellcheck source=benchmark/lib.sh
source "$here/lib.sh"
bench_setup throughput

# Runs wrk once; prints its JSON line, then its CPU time per request (µs, user + system, from
# /usr/bin/time: wrk's whole run, which is its measured duration plus start-up).
run_wrk() { # port connections seconds
    local o line cpu
    o=$(ERPSYNC_USER=$user ERPSYNC_PASSWORD=$password ERPSYNC_CONNECTIONS=$2 ERPSYNC_IDS=100 \
        "$time_cmd" -f '%U %S' -o "$tmp/wrk.time" \
        wrk -t1 "-c$2" "-d$3s" --timeout 10s --latency -s "$lua" "http://127.0.0.1:$1$base") || {
        echo "wrk failed: $o" >&2
        return 1
    }
    line=$(grep '^{"tool":"wrk"' <<<"$o" | tail -n1)
    cpu=$(awk -v r="$(field "$line" requests)" 'END { if (r > 0) printf "%.1f", ($1 + $2) * 1e6 / r; else print "nan" }' "$tmp/wrk.time")
    printf '%s\n%s\n' "$line" "$cpu"
}

# Runs erpsync_bench_load once (also when it exits 1 for errors); prints its JSON line, then its
# CPU time per request (µs, user + system inside the measured window, which it reports on stderr).
run_ours() { # port connections seconds
    local o rc=0
    o=$("$load" --url "http://127.0.0.1:$1$base" --user "$user" --password "$password" \
        --connections "$2" --duration "$3" --warmup "$warmup" --ids 100 2>"$tmp/load.err") || rc=$?
    if [[ $rc -ne 0 && $rc -ne 1 ]]; then
        echo "erpsync_bench_load failed ($rc): $(cat "$tmp/load.err")" >&2
        return 1
    fi
    [[ $rc -eq 0 ]] || echo "erpsync_bench_load: $(cat "$tmp/load.err")" >&2
    grep '^{"tool":"erpsync"' <<<"$o" | tail -n1
    sed -n 's/.*cpu_us_per_request \([0-9.]*\).*/\1/p' "$tmp/load.err" | tail -n1
}

raw=/dev/null
[[ -n $out ]] && raw=$out.jsonl && : >"$raw"
table="| server | connections | wrk rps | ours rps | ours/wrk rps: medians / paired | wrk p50 / p99 (µs) | ours p50 / p99 (µs) | client CPU µs/request wrk / ours | CPU ours/wrk: medians / paired | errors wrk / ours |
|---|---|---|---|---|---|---|---|---|---|"
failed=0
for server in $servers; do
    for n in $connections; do
        case $server in
        nginx) start_nginx ;;
        sandbox) start_sandbox ;;
        *) echo "unknown server $server" >&2; exit 2 ;;
        esac
        echo "== $server (127.0.0.1:$port), $n connection(s), ${duration} s x $reps" >&2
        run_wrk "$port" "$n" 1 >/dev/null # warm the server, not measured
        declare -a w_rps=() w_p50=() w_p99=() w_cpu=() o_rps=() o_p50=() o_p99=() o_cpu=() pair_rps=() pair_cpu=()
        w_err=0 o_err=0
        for ((r = 1; r <= reps; r++)); do
            if ((r % 2)); then order="wrk ours"; else order="ours wrk"; fi
            for tool in $order; do
                if [[ $tool == wrk ]]; then res=$(run_wrk "$port" "$n" "$duration"); else res=$(run_ours "$port" "$n" "$duration"); fi
                line=$(sed -n 1p <<<"$res")
                cpu=$(sed -n 2p <<<"$res")
                [[ -n $line ]] || { echo "no result from $tool" >&2; exit 1; }
                echo "$server $line cpu_us_per_request=$cpu" >&2
                echo "{\"server\":\"$server\",\"rep\":$r,\"cpu_us_per_request\":${cpu:-null},\"result\":$line}" >>"$raw"
                if [[ $tool == wrk ]]; then
                    w_rps+=("$(field "$line" rps)") w_p50+=("$(field "$line" p50_us)") w_p99+=("$(field "$line" p99_us)") w_cpu+=("$cpu")
                    w_err=$((w_err + $(field "$line" errors)))
                else
                    o_rps+=("$(field "$line" rps)") o_p50+=("$(field "$line" p50_us)") o_p99+=("$(field "$line" p99_us)") o_cpu+=("$cpu")
                    o_err=$((o_err + $(field "$line" errors)))
                fi
            done
            pair_rps+=("$(ratio "${o_rps[-1]}" "${w_rps[-1]}")") pair_cpu+=("$(ratio "${o_cpu[-1]}" "${w_cpu[-1]}")")
        done
        stop_server
        wr=$(median "${w_rps[@]}") orps=$(median "${o_rps[@]}") wcpu=$(median "${w_cpu[@]}") ocpu=$(median "${o_cpu[@]}")
        row=$(printf '| %s | %s | %.0f | %.0f | %s / %.2f | %.0f / %.0f | %.0f / %.0f | %.1f / %.1f | %s / %.2f | %s / %s |' \
            "$server" "$n" "$wr" "$orps" "$(printf '%.2f' "$(ratio "$orps" "$wr")")" "$(median "${pair_rps[@]}")" \
            "$(median "${w_p50[@]}")" "$(median "${w_p99[@]}")" "$(median "${o_p50[@]}")" "$(median "${o_p99[@]}")" \
            "$wcpu" "$ocpu" "$(printf '%.2f' "$(ratio "$ocpu" "$wcpu")")" "$(median "${pair_cpu[@]}")" \
            "$w_err" "$o_err")
        table+=$'\n'"$row"
        echo "$row" >&2
        ((w_err + o_err == 0)) || failed=1
    done
done

note="Medians of $reps runs of ${duration} s each (wrk -t1 and erpsync_bench_load alternating, one thread each); server, wrk and the client share $(nproc) cores, nothing pinned. Ratios: 'medians' divides the two tools' medians; 'paired' is the median of the ratios within each repetition (its two runs back to back). Client CPU: user + system time of the load generator per request (wrk: whole run by /usr/bin/time; ours: getrusage over the measured window)."
printf '%s\n\n%s\n' "$table" "$note"
[[ -z $out ]] || printf '%s\n\n%s\n' "$table" "$note" >"$out"
exit $failed
