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

namespace boost::system {
class error_code;
}

namespace superoffice::erpsync {

/// The error code type used throughout the library.
using error_code = boost::system::error_code;

} // namespace superoffice::erpsync

#endif
