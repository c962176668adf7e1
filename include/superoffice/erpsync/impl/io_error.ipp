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

#include <openssl/err.h>
#include <openssl/ssl.h>

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

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::is_permanent_tls_failure(error_code const& ec) {
    if (ec.category() != boost::asio::error::get_ssl_category())
        return false;
    auto const code = static_cast<unsigned long>(static_cast<unsigned int>(ec.value()));
    if (ERR_GET_LIB(code) != ERR_LIB_SSL)
        return false;
    switch (ERR_GET_REASON(code)) {
    case SSL_R_CERTIFICATE_VERIFY_FAILED:   // our verification of the server's certificate
    case SSL_R_TLSV1_ALERT_UNKNOWN_CA:      // the peer does not trust a certificate
    case SSL_R_SSLV3_ALERT_BAD_CERTIFICATE: // the peer rejected a certificate
    case SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN:
    case SSL_R_NO_PROTOCOLS_AVAILABLE: // configuration: no TLS version enabled
    case SSL_R_UNSUPPORTED_PROTOCOL:   // no TLS version in common
    case SSL_R_TLSV1_ALERT_PROTOCOL_VERSION:
    case SSL_R_WRONG_VERSION_NUMBER: // not TLS at all (plain HTTP on the port)
        return true;
    default:
        return false;
    }
}

#endif
