# Install rules for superoffice-erpsync: the headers and the CMake package with its components.
# Included (by path) from the top-level CMakeLists.txt when SO_ERPSYNC_INSTALL is ON.
#
# The package (find_package(superoffice_erpsync 0.1 [COMPONENTS soap sandbox])) has one export set
# per component, so that a consumer loads, and finds the dependencies of, only what it asks for:
#   superoffice_erpsyncTargets.cmake          superoffice::erpsync, always (Boost, OpenSSL, Threads)
#   superoffice_erpsync_soapTargets.cmake     superoffice::erpsync_soap, COMPONENTS soap (pugixml;
#                                             only in a package built with SO_ERPSYNC_SOAP)
#   superoffice_erpsync_sandboxTargets.cmake  superoffice::erpsync_sandbox, COMPONENTS sandbox
#                                             (pugixml when built with SO_ERPSYNC_SOAP: its SOAP
#                                             endpoint is compiled in)
# A REST-only consumer therefore never looks for pugixml (cmake/superoffice_erpsyncConfig.cmake.in).

include_guard(GLOBAL)

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The sandbox is a compiled library: the package config is architecture dependent and goes to
# the library directory (lib/cmake/...).
set(SO_ERPSYNC_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/superoffice_erpsync"
    CACHE STRING "Install directory for the superoffice_erpsync CMake package files")
mark_as_advanced(SO_ERPSYNC_INSTALL_CMAKEDIR)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
    COMPONENT superoffice_erpsync_Development)

install(TARGETS superoffice_erpsync
    EXPORT superoffice_erpsyncTargets)
install(EXPORT superoffice_erpsyncTargets
    FILE superoffice_erpsyncTargets.cmake
    NAMESPACE superoffice::
    DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}"
    COMPONENT superoffice_erpsync_Development)

if(SO_ERPSYNC_SOAP)
    install(TARGETS superoffice_erpsync_soap
        EXPORT superoffice_erpsync_soapTargets)
    install(EXPORT superoffice_erpsync_soapTargets
        FILE superoffice_erpsync_soapTargets.cmake
        NAMESPACE superoffice::
        DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}"
        COMPONENT superoffice_erpsync_Development)
endif()

install(TARGETS superoffice_erpsync_sandbox
    EXPORT superoffice_erpsync_sandboxTargets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    COMPONENT superoffice_erpsync_Development)
install(EXPORT superoffice_erpsync_sandboxTargets
    FILE superoffice_erpsync_sandboxTargets.cmake
    NAMESPACE superoffice::
    DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}"
    COMPONENT superoffice_erpsync_Development)

configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/superoffice_erpsyncConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfig.cmake"
    INSTALL_DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}")

# While the major version is 0, a minor version may break the API: 0.1 accepts 0.1.x only.
if(PROJECT_VERSION_MAJOR EQUAL 0)
    set(so_erpsync_compatibility SameMinorVersion)
else()
    set(so_erpsync_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfigVersion.cmake"
    VERSION "${PROJECT_VERSION}"
    COMPATIBILITY ${so_erpsync_compatibility})

install(FILES
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfig.cmake"
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfigVersion.cmake"
    DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}"
    COMPONENT superoffice_erpsync_Development)
