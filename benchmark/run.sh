#!/usr/bin/env bash
# The whole benchmark suite in one command: builds the programs and runs every measurement side
# by side with its reference, then writes one Markdown table per target.
#
#   benchmark/run.sh [--install-deps] [--quick] [--out DIR] [--build DIR] [--only "codec memory throughput bulk compile"]
#
#   --install-deps  apt-get install the benchmark-only packages first (Debian 12, as root)
#   --quick         short runs (a smoke test of the suite: figures are not worth quoting)
#   --out DIR       where results.md and the raw outputs go (default: build/bench/results)
#   --build DIR     the CMake build directory (default: build/bench)
#   --only LIST     run only these parts
#
# Parts (see benchmark/RESULTS.md for the targets and the latest figures):
#   codec       erpsync_bench_codec: our codec against Boost.JSON DOM, nlohmann::json and RapidJSON
#   memory      erpsync_bench_memory against nginx: allocations per call, resident memory in flight
#   throughput  throughput.sh: erpsync_bench_load against wrk, on nginx and on the sandbox process
#   bulk        bulk.sh: erpsync resync-bulk through the sandbox process: keys/s for 1M keys, peak
#               RSS of a 10M-key streamed run, keys/s beside wrk sending the same requests
#               (bulk_resync.lua), adaptive against fixed concurrency at a capacity
#   compile     one translation unit with the umbrella header and one call, against a plain Beast +
#               Boost.JSON client doing the same call (benchmark/compile/)
# Servers listen on 127.0.0.1 only and are stopped on exit.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=""
build=$root/build/bench
only="codec memory throughput bulk compile"
quick=0
install=0
while [[ $# -gt 0 ]]; do
    case $1 in
    --install-deps) install=1; shift ;;
    --quick) quick=1; shift ;;
    --out) out=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
    esac
done
[[ -n $out ]] || out=$build/results
mkdir -p "$out"
out=$(cd "$out" && pwd)

packages=(g++ cmake ninja-build libbenchmark-dev nlohmann-json3-dev rapidjson-dev wrk nginx-light time)
if ((install)); then
    "$root/.ci/install-deps"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
fi
for tool in wrk /usr/sbin/nginx /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: run with --install-deps (apt-get install ${packages[*]})" >&2; exit 2; }
done

if ((quick)); then
    codec_args=(--benchmark_min_time=0.05 --benchmark_repetitions=3)
    tp_args=(--duration 1 --reps 1)
    bulk_args=(--keys 20000 --reps 1 --rss-keys 200000 --capacity-keys 2000)
    mem_calls=2000 compile_runs=1
else
    codec_args=(--benchmark_min_time=0.5 --benchmark_repetitions=7)
    # 9 alternating repetitions per row: on the shared 2-core builder one repetition's ratio to wrk
    # moves between 0.6 and 1.9 (RESULTS.md, 2026-12-03), and a median of 5 can still miss a row
    tp_args=(--duration 5 --reps 9)
    bulk_args=(--keys 1000000 --reps 3 --rss-keys 10000000 --capacity-keys 20000)
    mem_calls=20000 compile_runs=3
fi

want() { [[ " $only " == *" $1 "* ]]; }
# shellcheck source=benchmark/lib.sh
source "$here/lib.sh"

echo "== build ($build)" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSO_ERPSYNC_BUILD_BENCHMARKS=ON \
    -DSO_ERPSYNC_BUILD_TESTS=OFF -DSO_ERPSYNC_BUILD_EXAMPLES=ON >"$out/cmake.log"
cmake --build "$build" -j "$(nproc)" --target erpsync_bench_codec erpsync_bench_load erpsync_bench_memory \
    erpsync_sandbox erpsync >>"$out/cmake.log"
bin=$build/benchmark

report=$out/results.md
{
    echo "# Benchmark results"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
        "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1), $(${CXX:-g++} --version | head -n1)," \
        "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$( ((quick)) && echo ', --quick: smoke test only')"
    echo
} >"$report"

# ---- codec --------------------------------------------------------------------------------------
if want codec; then
    echo "== codec" >&2
    "$bin/erpsync_bench_codec" "${codec_args[@]}" --benchmark_report_aggregates_only=true \
        --benchmark_format=csv >"$out/codec.csv" 2>"$out/codec.log"
    {
        echo "## Codec (CPU ns per operation, medians of the repetitions; target: ours at least 2x faster than Boost.JSON DOM and not slower than RapidJSON)"
        echo
        echo "| case | ours | Boost.JSON DOM | nlohmann | RapidJSON | DOM / ours | RapidJSON / ours | met |"
        echo "|---|---|---|---|---|---|---|---|"
        # rows: "name/impl[/arg]_median",iterations,real_time,cpu_time,...
        awk -F, '
            $1 ~ /_median"?$/ {
                name = $1; gsub(/"/, "", name); sub(/_median$/, "", name)
                n = split(name, p, "/"); impl = p[2]; key = p[1] (n > 2 ? "/" p[3] : "")
                t[key, impl] = $4; if (!(key in seen)) { seen[key] = 1; order[++k] = key }
            }
            END {
                for (i = 1; i <= k; i++) {
                    c = order[i]; o = t[c, "ours"]; d = t[c, "boost_json_dom"]; r = t[c, "rapidjson"]
                    met = (o > 0 && d / o >= 2 && r / o >= 1) ? "yes" : "no"
                    printf "| %s | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %s |\n", c, o, d, t[c, "nlohmann"], r, d / o, r / o, met
                }
            }' "$out/codec.csv"
        echo
    } >>"$report"
fi

# ---- servers for memory (nginx) -----------------------------------------------------------------
conf_in=$here/nginx.conf.in
nginx=${NGINX:-/usr/sbin/nginx}
bench_setup bench

# ---- memory -------------------------------------------------------------------------------------
if want memory; then
    echo "== memory" >&2
    start_nginx
    url=http://127.0.0.1:$port$base
    "$bin/erpsync_bench_memory" --url "$url" --calls "$mem_calls" --in-flight 10000 >"$out/memory.jsonl"
    "$bin/erpsync_bench_memory" --url "$url" --calls "$mem_calls" --in-flight 10000 --cap 64 | grep in_flight >>"$out/memory.jsonl"
    stop_server
    get() { sed -n "s/.*\"$2\":\"\{0,1\}\([^,\"}]*\).*/\1/p" <<<"$1"; }
    {
        echo "## Allocations and memory (ForceResyncNoBlankValues, 100 ids, against nginx; targets: at most 8 allocations per call, under 100 MB for 10000 in flight)"
        echo
        echo "| measure | figure | target | met |"
        echo "|---|---|---|---|"
        while IFS= read -r line; do
            case $line in
            *steady_state*)
                a=$(get "$line" allocs_per_call) b=$(get "$line" bytes_per_call)
                printf '| steady state, keep-alive, completion by %s | %s allocations, %s bytes per call | ≤ 8 | %s |\n' \
                    "$(get "$line" completion)" "$a" "$b" "$(awk -v a="$a" 'BEGIN { print (a <= 8) ? "yes" : "no" }')" ;;
            *in_flight*)
                kb=$(get "$line" peak_rss_kb) cap=$(get "$line" cap)
                printf '| 10000 calls in flight, %s (%s connections) | peak RSS %.1f MB (%.1f MB above the idle process) | < 100 MB | %s |\n' \
                    "$( ((cap == 0)) && echo "no cap" || echo "max_in_flight $cap")" "$(get "$line" connections)" \
                    "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "$(awk -v k="$(get "$line" peak_minus_before_kb)" 'BEGIN { print k / 1024 }')" \
                    "$(awk -v k="$kb" 'BEGIN { print (k / 1024 < 100) ? "yes" : "no" }')" ;;
            esac
        done <"$out/memory.jsonl"
        echo
    } >>"$report"
fi

# A part run by its own script (which writes a Markdown table to --out): its section of the report.
script_part() { # name title script args...
    local name=$1 title=$2
    shift 2
    echo "== $name" >&2
    "$@" --out "$out/$name.md" 2>"$out/$name.log" >/dev/null || echo "$name: some runs failed or reported errors (see $out/$name.log)" >&2
    {
        echo "## $title"
        echo
        cat "$out/$name.md" 2>/dev/null
        echo
    } >>"$report"
}

# ---- throughput ---------------------------------------------------------------------------------
want throughput && script_part throughput \
    "Throughput (ForceResyncNoBlankValues, 100 ids; target: ours at least 0.9x wrk's requests per second)" \
    "$here/throughput.sh" "$bin/erpsync_bench_load" "$build/example/erpsync_sandbox" "${tp_args[@]}"

# ---- bulk resync --------------------------------------------------------------------------------
want bulk && script_part bulk \
    "Bulk resync (erpsync resync-bulk through the sandbox process, beside wrk sending the same requests; target: peak RSS of the 10M-key streamed run under 100 MB)" \
    "$here/bulk.sh" "$build/example/erpsync" "$build/example/erpsync_sandbox" "${bulk_args[@]}"

# ---- compile time -------------------------------------------------------------------------------
if want compile; then
    echo "== compile" >&2
    cxx=${CXX:-g++}
    flags=(-std=gnu++20 -O2 -DNDEBUG)
    declare -A wall cpu mem
    # plain: the reference; ours: header-only; ours_separate: the same file with
    # SO_ERPSYNC_SEPARATE_COMPILATION; src_once: src.hpp, compiled once per program in that mode
    variants=(plain ours ours_separate src_once)
    printf '#include <superoffice/erpsync/src.hpp>\n' >"$tmp/src_once.cpp"
    for ((r = 1; r <= compile_runs; r++)); do
        for v in "${variants[@]}"; do
            case $v in
            plain | ours) src=$here/compile/$v.cpp extra=() ;;
            ours_separate) src=$here/compile/ours.cpp extra=(-DSO_ERPSYNC_SEPARATE_COMPILATION) ;;
            src_once) src=$tmp/src_once.cpp extra=(-DSO_ERPSYNC_SEPARATE_COMPILATION) ;;
            esac
            /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$cxx" "${flags[@]}" "${extra[@]}" -I "$root/include" \
                -c "$src" -o "$tmp/$v.o"
            read -r e u s m <"$tmp/time"
            wall[$v]+="$e " cpu[$v]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') " mem[$v]+="$m "
        done
    done
    {
        echo "## Compile time (one translation unit, $cxx ${flags[*]}, medians of $compile_runs; target: at most 1.3x the plain Beast + Boost.JSON client)"
        echo
        echo "| translation unit | wall (s) | cpu (s) | peak memory (MiB) | cpu ratio to plain | met |"
        echo "|---|---|---|---|---|---|"
        # shellcheck disable=SC2086 # word splitting of the lists is meant
        pc=$(median ${cpu[plain]})
        for v in "${variants[@]}"; do
            # shellcheck disable=SC2086
            c=$(median ${cpu[$v]}) w=$(median ${wall[$v]}) m=$(median ${mem[$v]})
            printf '| %s | %.1f | %.1f | %.0f | %.2f | %s |\n' "$v" "$w" "$c" "$(awk -v m="$m" 'BEGIN { print m / 1024 }')" \
                "$(awk -v a="$c" -v b="$pc" 'BEGIN { print a / b }')" \
                "$(awk -v a="$c" -v b="$pc" -v v="$v" 'BEGIN { print (v == "plain" || v == "src_once") ? "-" : (a / b <= 1.3 ? "yes" : "no") }')"
        done
        echo
    } >>"$report"
fi

cat "$report"
echo "written: $report" >&2
