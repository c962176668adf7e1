# Runs one erpsync command for CTest and checks its exit status and output.
#
#   cmake -DEXPECT_EXIT=2 [-DSTDOUT=regex] [-DSTDERR=regex] [-DNOT_OUTPUT=regex] [-DINPUT=file]
#         -P cli_test.cmake -- <command> <arguments...>
#
# STDOUT and STDERR must match their stream; NOT_OUTPUT must match neither (e.g. a secret).
# INPUT is given to the command as its standard input.
cmake_minimum_required(VERSION 3.25)

set(command)
set(after_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
    if(after_separator)
        list(APPEND command "${CMAKE_ARGV${i}}")
    elseif(CMAKE_ARGV${i} STREQUAL "--")
        set(after_separator TRUE)
    endif()
endforeach()
if(NOT command)
    message(FATAL_ERROR "usage: cmake [-D...] -P cli_test.cmake -- <command> [arguments...]")
endif()

set(input_args)
if(DEFINED INPUT)
    set(input_args INPUT_FILE "${INPUT}")
endif()
execute_process(COMMAND ${command} ${input_args}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 50)
message("exit status: ${status}\n--- stdout\n${out}--- stderr\n${err}---")

set(failures)
if(DEFINED EXPECT_EXIT AND NOT status STREQUAL EXPECT_EXIT)
    list(APPEND failures "exit status ${status}, expected ${EXPECT_EXIT}")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
    list(APPEND failures "stdout does not match '${STDOUT}'")
endif()
if(DEFINED STDERR AND NOT err MATCHES "${STDERR}")
    list(APPEND failures "stderr does not match '${STDERR}'")
endif()
if(DEFINED NOT_OUTPUT AND ("${out}${err}" MATCHES "${NOT_OUTPUT}"))
    list(APPEND failures "the output matches '${NOT_OUTPUT}'")
endif()
if(failures)
    list(JOIN failures "; " text)
    message(FATAL_ERROR "${text}")
endif()
