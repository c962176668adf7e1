#!/usr/bin/env bash
# The long fuzz run recorded in benchmark/RESULTS.md: each target one after another at nice 10,
# up to RUNS executions or SECONDS seconds, on a work corpus seeded from the build's seed corpus.
#
#   test/fuzz/long_run.sh <build dir> [RUNS] [SECONDS] [targets...]
#
# The build dir is configured with SO_ERPSYNC_FUZZ=ON and, for coverage of the whole library,
# -fsanitize=fuzzer-no-link in CMAKE_CXX_FLAGS (see test/fuzz/README.md). Prints libFuzzer's
# last status line and final stats per target; logs and corpora stay in <build>/test/fuzz/long/.
set -euo pipefail
build="$1"
runs="${2:-10000000}"
seconds="${3:-3600}"
shift $(( $# < 3 ? $# : 3 ))
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(time_parsers login_messages json_codec http_response soap_codec sandbox_requests)
fi
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fuzz="$build/test/fuzz"
"$fuzz/erpsync_fuzz_seeds" "$src/../data" "$fuzz/seeds" >/dev/null
for t in "${targets[@]}"; do
    work="$fuzz/long/$t"
    rm -rf "$work"
    mkdir -p "$work/corpus"
    dirs=("$work/corpus" "$fuzz/seeds/$t")
    [ -d "$src/corpus/$t" ] && dirs+=("$src/corpus/$t")
    start=$(date -u +%FT%TZ)
    rc=0
    nice -n 10 "$fuzz/erpsync_fuzz_$t" -runs="$runs" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$work/" "${dirs[@]}" >"$work/log" 2>&1 || rc=$?
    echo "== $t (started $start, exit $rc)"
    grep -E '^#[0-9]+' "$work/log" | tail -n 1
    grep -E '^stat::' "$work/log" || true
    ls "$work" | grep -E '^(crash|leak|timeout|oom)-' || true
done
