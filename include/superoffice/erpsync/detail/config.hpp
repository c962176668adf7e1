//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_CONFIG_HPP
#define SO_ERPSYNC_DETAIL_CONFIG_HPP

#include <boost/config.hpp>

/// Library version as a string and as a number (major * 10000 + minor * 100 + patch).
#define SO_ERPSYNC_VERSION_STRING "0.1.0"
#define SO_ERPSYNC_VERSION 100

/// Separate compilation: define SO_ERPSYNC_SEPARATE_COMPILATION for every translation unit of the
/// program (e.g. with `target_compile_definitions`) and include `<superoffice/erpsync/src.hpp>` in
/// exactly one of them. The transport and the JSON parser driver are then compiled there once,
/// instead of in every translation unit that makes a call. Without the macro the library is
/// header-only.
#ifdef SO_ERPSYNC_SEPARATE_COMPILATION
#define SO_ERPSYNC_DECL
#else
#define SO_ERPSYNC_DECL inline
#endif

namespace boost::system {
class error_code;
}

namespace superoffice::erpsync {

/// The error code type used throughout the library.
using error_code = boost::system::error_code;

} // namespace superoffice::erpsync

#endif
