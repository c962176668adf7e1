//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_VERSION_HPP
#define SO_ERPSYNC_VERSION_HPP

/// @file
/// The library's version: the one place it is written. CMake (`project(... VERSION)`), the Conan
/// recipe (`set_version`) and the vcpkg port read the three numbers below; the test
/// `packaging.version_agrees` (`test/packaging/check_version.cmake`) checks that the files which
/// must spell the version themselves (`vcpkg.json`, `ports/superoffice-erpsync/vcpkg.json`, the
/// README's `find_package` lines) agree with them. To release a new version, change the numbers
/// here and the files that test names.
///
/// Keep each number on its own `#define` line: the build tools parse them with a regular
/// expression.

/// Major version: on 0, any minor version may change the API (the CMake package is then
/// compatible with the same minor version only).
#define SO_ERPSYNC_VERSION_MAJOR 0
/// Minor version.
#define SO_ERPSYNC_VERSION_MINOR 1
/// Patch version.
#define SO_ERPSYNC_VERSION_PATCH 0

/// @cond SO_ERPSYNC_INTERNAL
#define SO_ERPSYNC_VERSION_DETAIL_STR(x) #x
#define SO_ERPSYNC_VERSION_DETAIL_XSTR(x) SO_ERPSYNC_VERSION_DETAIL_STR(x)
/// @endcond

/// The version as a string literal, "major.minor.patch" (it can be concatenated with literals:
/// the default User-Agent is `"superoffice-erpsync/" SO_ERPSYNC_VERSION_STRING`).
#define SO_ERPSYNC_VERSION_STRING                                                                            \
    SO_ERPSYNC_VERSION_DETAIL_XSTR(SO_ERPSYNC_VERSION_MAJOR)                                                 \
    "." SO_ERPSYNC_VERSION_DETAIL_XSTR(SO_ERPSYNC_VERSION_MINOR) "." SO_ERPSYNC_VERSION_DETAIL_XSTR(         \
        SO_ERPSYNC_VERSION_PATCH)

/// The version as a number, major * 10000 + minor * 100 + patch (usable in `#if`).
#define SO_ERPSYNC_VERSION                                                                                   \
    (SO_ERPSYNC_VERSION_MAJOR * 10000 + SO_ERPSYNC_VERSION_MINOR * 100 + SO_ERPSYNC_VERSION_PATCH)

#include <string_view>

namespace superoffice::erpsync {

/// The library's version as text, `SO_ERPSYNC_VERSION_STRING` (e.g. "0.1.0").
inline constexpr std::string_view version_string = SO_ERPSYNC_VERSION_STRING;

} // namespace superoffice::erpsync

#endif
