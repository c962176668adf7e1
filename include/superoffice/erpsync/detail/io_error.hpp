//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_IO_ERROR_HPP
#define SO_ERPSYNC_DETAIL_IO_ERROR_HPP

// How a transport failure (Asio, Beast, OpenSSL) maps to the library's `error`.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/error.hpp>

namespace superoffice::erpsync::detail {

/// Maps a transport failure to the library's code, keeping the cause.
SO_ERPSYNC_DECL error_code classify_io_error(error_code const& ec, error fallback, bool deadline_passed);

/// True for a TLS handshake failure that another attempt cannot cure: the peer's certificate
/// failed verification (or the peer refused ours), or no protocol version is shared.
SO_ERPSYNC_DECL bool is_permanent_tls_failure(error_code const& ec);

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/io_error.ipp>
#endif

#endif
