# Install rules for superoffice-erpsync: the header-only library and the sandbox library.
# Included from the top-level CMakeLists.txt when SO_ERPSYNC_INSTALL is ON.

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
install(TARGETS superoffice_erpsync_sandbox
    EXPORT superoffice_erpsyncTargets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    COMPONENT superoffice_erpsync_Development)
if(SO_ERPSYNC_SOAP)
    install(TARGETS superoffice_erpsync_soap
        EXPORT superoffice_erpsyncTargets)
endif()

install(EXPORT superoffice_erpsyncTargets
    FILE superoffice_erpsyncTargets.cmake
    NAMESPACE superoffice::
    DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}"
    COMPONENT superoffice_erpsync_Development)

configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/superoffice_erpsyncConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfig.cmake"
    INSTALL_DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}")

write_basic_package_version_file(
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfigVersion.cmake"
    VERSION "${PROJECT_VERSION}"
    COMPATIBILITY SameMajorVersion)

install(FILES
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfig.cmake"
    "${PROJECT_BINARY_DIR}/superoffice_erpsyncConfigVersion.cmake"
    DESTINATION "${SO_ERPSYNC_INSTALL_CMAKEDIR}"
    COMPONENT superoffice_erpsync_Development)
