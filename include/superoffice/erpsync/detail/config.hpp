//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_CONFIG_HPP
#define SO_ERPSYNC_DETAIL_CONFIG_HPP

#include <superoffice/erpsync/version.hpp> // SO_ERPSYNC_VERSION_STRING, SO_ERPSYNC_VERSION

#include <boost/config.hpp>

/// Separate compilation: define SO_ERPSYNC_SEPARATE_COMPILATION for every translation unit of the
/// program (e.g. with `target_compile_definitions`) and include `<superoffice/erpsync/src.hpp>` in
/// exactly one of them (and `<superoffice/erpsync/soap_src.hpp>` in one, if the program uses
/// SOAP). Every non-template function of the library (the transport, the JSON parser driver, time
/// parsing, URL and header preparation, the error categories, ...) is then compiled there once,
/// instead of in every translation unit that includes its header. Without the macro the library is
/// header-only.
///
/// `SO_ERPSYNC_DECL` marks those functions: `inline` in header-only builds, nothing in separate
/// builds. Their bodies live in `impl/*.ipp`, which each header includes at its end when
/// `SO_ERPSYNC_HEADER_ONLY` is defined (that is, when SO_ERPSYNC_SEPARATE_COMPILATION is not).
#ifdef SO_ERPSYNC_SEPARATE_COMPILATION
#define SO_ERPSYNC_DECL
#else
#define SO_ERPSYNC_DECL inline
#define SO_ERPSYNC_HEADER_ONLY
#endif

namespace boost::system {
class error_code;
}

namespace superoffice::erpsync {

/// The error code type used throughout the library.
using error_code = boost::system::error_code;

} // namespace superoffice::erpsync

#endif
