# so_erpsync_read_version(<header> <out_var>)
#
# Sets <out_var> to "major.minor.patch" read from <header>
# (include/superoffice/erpsync/version.hpp, the one place the version is written: its
# SO_ERPSYNC_VERSION_MAJOR, _MINOR and _PATCH lines). Fails if a number is missing. Used before
# project() by the top-level CMakeLists.txt and by test/packaging/check_version.cmake (cmake -P).
include_guard(GLOBAL)

function(so_erpsync_read_version header out_var)
    file(STRINGS "${header}" lines REGEX "^#define SO_ERPSYNC_VERSION_(MAJOR|MINOR|PATCH) +[0-9]+ *$")
    set(version)
    foreach(part MAJOR MINOR PATCH)
        set(number)
        foreach(line IN LISTS lines)
            if(line MATCHES "^#define SO_ERPSYNC_VERSION_${part} +([0-9]+)")
                set(number "${CMAKE_MATCH_1}")
            endif()
        endforeach()
        if(number STREQUAL "")
            message(FATAL_ERROR "${header}: no '#define SO_ERPSYNC_VERSION_${part} <number>' line")
        endif()
        list(APPEND version "${number}")
    endforeach()
    list(JOIN version "." version)
    set(${out_var} "${version}" PARENT_SCOPE)
endfunction()
