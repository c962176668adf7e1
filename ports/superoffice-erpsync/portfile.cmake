# vcpkg overlay port of superoffice-erpsync, built from the source tree it lives in (two levels up),
# so that a checkout is the release: from a consumer's manifest or the command line,
#   vcpkg install superoffice-erpsync --overlay-ports=<checkout>/ports          (classic mode)
#   "vcpkg-configuration": {"overlay-ports": ["<checkout>/ports"]}              (manifest mode)
# Features: soap (default; pugixml; find_package(... COMPONENTS soap)) and tools (the erpsync
# command, SO_ERPSYNC_INSTALL_TOOLS; copied to tools/superoffice-erpsync).

# superoffice::erpsync_sandbox is a static library (the client itself is header-only).
vcpkg_check_linkage(ONLY_STATIC_LIBRARY)

get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
    FEATURES
        soap  SO_ERPSYNC_SOAP
        tools SO_ERPSYNC_INSTALL_TOOLS
        tools SO_ERPSYNC_BUILD_EXAMPLES # the erpsync command is one of the examples
)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        ${FEATURE_OPTIONS}
        -DSO_ERPSYNC_INSTALL=ON
        -DSO_ERPSYNC_BUILD_TESTS=OFF
        -DSO_ERPSYNC_BUILD_BENCHMARKS=OFF
        -DSO_ERPSYNC_FUZZ=OFF
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME superoffice_erpsync CONFIG_PATH lib/cmake/superoffice_erpsync)

if("tools" IN_LIST FEATURES)
    vcpkg_copy_tools(TOOL_NAMES erpsync AUTO_CLEAN)
endif()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share")

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
