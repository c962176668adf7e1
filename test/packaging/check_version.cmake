# cmake -DSOURCE_DIR=<superoffice-erpsync source tree> -P test/packaging/check_version.cmake
#
# The version is written in one place, include/superoffice/erpsync/version.hpp (CMake and the Conan
# recipe read it). This checks that the files which must spell it themselves agree with it: the
# vcpkg manifests (vcpkg.json, ports/superoffice-erpsync/vcpkg.json: "version") and every
# find_package(superoffice_erpsync <major.minor>) of the README, the port's usage and the consumer
# tests; and that the Conan recipe writes no version of its own. Run by CTest
# (packaging.version_agrees) and by .ci/packaging. Fails with the list of disagreements.
cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_DIR)
    get_filename_component(SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
endif()

include("${SOURCE_DIR}/cmake/read_version.cmake")
so_erpsync_read_version("${SOURCE_DIR}/include/superoffice/erpsync/version.hpp" version)
string(REGEX MATCH "^[0-9]+\\.[0-9]+" major_minor "${version}")

set(errors "")

foreach(manifest IN ITEMS vcpkg.json ports/superoffice-erpsync/vcpkg.json)
    if(NOT EXISTS "${SOURCE_DIR}/${manifest}")
        string(APPEND errors "  ${manifest}: missing\n")
        continue()
    endif()
    file(READ "${SOURCE_DIR}/${manifest}" json)
    string(JSON spelled ERROR_VARIABLE json_error GET "${json}" version)
    if(json_error)
        string(APPEND errors "  ${manifest}: no \"version\" (${json_error})\n")
    elseif(NOT spelled STREQUAL version)
        string(APPEND errors "  ${manifest}: \"version\": \"${spelled}\", not ${version}\n")
    endif()
endforeach()

file(GLOB consumers RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/test/packaging/*/CMakeLists.txt")
foreach(file IN ITEMS README.md ports/superoffice-erpsync/usage ${consumers})
    file(STRINGS "${SOURCE_DIR}/${file}" lines REGEX "find_package\\(superoffice_erpsync [0-9]")
    foreach(line IN LISTS lines)
        string(REGEX MATCH "find_package\\(superoffice_erpsync ([0-9.]+)" _ "${line}")
        if(NOT CMAKE_MATCH_1 STREQUAL major_minor)
            string(APPEND errors "  ${file}: find_package(superoffice_erpsync ${CMAKE_MATCH_1} ...), not ${major_minor}\n")
        endif()
    endforeach()
endforeach()

file(STRINGS "${SOURCE_DIR}/conanfile.py" lines REGEX "^    version *=")
if(lines)
    string(APPEND errors "  conanfile.py: writes a version of its own ('${lines}'), instead of set_version() reading version.hpp\n")
endif()

if(NOT errors STREQUAL "")
    message(FATAL_ERROR "The version is ${version} (include/superoffice/erpsync/version.hpp), but:\n${errors}")
endif()
message(STATUS "version ${version}: vcpkg.json, the port's vcpkg.json and the find_package() lines agree")
