//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_IO_ERROR_IPP
#define SO_ERPSYNC_IMPL_IO_ERROR_IPP

// `classify_io_error`, out of line: included by `detail/io_error.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/io_error.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::classify_io_error(error_code const& ec, error fallback, bool deadline_passed) {
    namespace http = boost::beast::http;
    if (ec == boost::asio::error::operation_aborted && !deadline_passed)
        return ec;
    if (ec == boost::beast::error::timeout ||
        (ec == boost::asio::error::operation_aborted && deadline_passed))
        return error::timeout;
    if (ec == http::error::body_limit)
        return error::body_too_large;
    if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
        ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset ||
        ec == boost::asio::error::broken_pipe || ec == boost::asio::ssl::error::stream_truncated)
        return error::connection_closed;
    if (ec.category() == boost::beast::http::make_error_code(http::error::bad_version).category())
        return error::malformed_response;
    return fallback;
}

#endif
