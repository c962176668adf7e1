# so_erpsync_set_warnings(<target>)
#
# Adds the project's warning flags to <target> (tests, examples, benchmarks).
# The header-only interface target itself never carries warning flags, so
# consumers are not affected. -Werror is added when SO_ERPSYNC_WERROR is ON.

include_guard(GLOBAL)

if(NOT DEFINED CACHE{SO_ERPSYNC_WERROR})
    option(SO_ERPSYNC_WERROR "Treat compiler warnings as errors in tests/examples" OFF)
endif()

function(so_erpsync_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "^(GNU|Clang|AppleClang)$")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
        if(SO_ERPSYNC_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()
