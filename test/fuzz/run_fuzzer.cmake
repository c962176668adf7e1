# cmake -D fuzzer=... -D work=... -D seeds=... -D regressions=... -D seconds=... -D runs=... -P run_fuzzer.cmake
#
# One bounded libFuzzer run for CTest: new inputs go to a fresh work directory (the seed corpus
# and the regression inputs in git are only read), crashes are written there too and fail the
# test with libFuzzer's report.
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}/corpus")
set(dirs "${work}/corpus" "${seeds}")
if(EXISTS "${regressions}")
    list(APPEND dirs "${regressions}")
endif()
execute_process(
    COMMAND "${fuzzer}" -max_total_time=${seconds} -runs=${runs} -timeout=30 -rss_limit_mb=2560
            -print_final_stats=1 "-artifact_prefix=${work}/" ${dirs}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE out)
string(REGEX MATCHALL "#[0-9]+[ \t]+DONE[^\n]*" done "${out}")
string(REGEX MATCHALL "stat::number_of_executed_units: [0-9]+" execs "${out}")
message("${done} ${execs}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${fuzzer} failed (exit ${rc}); inputs in ${work}:\n${out}")
endif()
