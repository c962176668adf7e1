//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_VERSION_HPP
#define SO_ERPSYNC_VERSION_HPP

/// @file
/// The library's version: the macros `SO_ERPSYNC_VERSION_STRING` ("major.minor.patch") and
/// `SO_ERPSYNC_VERSION` (major * 10000 + minor * 100 + patch), and `version_string`.

#include <superoffice/erpsync/detail/config.hpp>

#include <string_view>

namespace superoffice::erpsync {

/// The library's version, "major.minor.patch" (as `SO_ERPSYNC_VERSION_STRING`).
inline constexpr std::string_view version_string = SO_ERPSYNC_VERSION_STRING;

} // namespace superoffice::erpsync

#endif
