//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DIAGNOSTICS_HPP
#define SO_ERPSYNC_DIAGNOSTICS_HPP

/// @file
/// `diagnostics`: what the library knows about a failure beyond its `error_code`.

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/describe/class.hpp>
#include <boost/system/error_code.hpp>

#include <optional>
#include <string>

namespace superoffice::erpsync {

/// The error bodies the WebAPI is documented to send, merged into one carrier.
///
/// REST failures: `{"Error": true, "ErrorType": "...", "ErrorMessage": "...", "ErrorSource": "..."}`.
/// Agents with invalid parameters (200 OK): `{"Message": "...", "MessageDetail": "..."}`.
/// All text here comes from the server and is untrusted.
struct server_error {
    /// A short error, when the server sends one.
    bool Error = false;
    /// The error type (a .NET exception name).
    std::string ErrorType{};
    /// The error message (some 4xx and 5xx bodies).
    std::string ErrorMessage{};
    /// Where the error arose.
    std::string ErrorSource{};
    /// The message (agents refusing invalid parameters with 200 OK).
    std::string Message{};
    /// The detail of `Message`.
    std::string MessageDetail{};
};
BOOST_DESCRIBE_STRUCT(server_error, (), (Error, ErrorType, ErrorMessage, ErrorSource, Message, MessageDetail))

/// Details of a failed call, filled next to its `error_code`.
///
/// Pass a pointer to one in `call_options::diag` (or to the codec functions) to receive them.
/// `client_message` is written by this library; everything under "server" comes from the server
/// and must be treated as untrusted text.
struct diagnostics {
    /// The HTTP status of the response, 0 when no response arrived. With `error::proxy_failed`, the
    /// status of the proxy's reply to `CONNECT` (e.g. 407), 0 when it gave none.
    unsigned http_status = 0;
    /// For decode failures: where in the document, e.g. `Changes.UpdatedRecords[3].RecordId`.
    std::string field_path{};
    /// A library-made, human-readable explanation.
    std::string client_message{};
    /// A bounded excerpt (at most `max_excerpt` bytes) of the server's response body.
    std::string server_message{};
    /// The server's error body, when it had one of the documented shapes.
    std::optional<server_error> server{};
    /// For `plugin_failed`: the `ErrorCode` of the `plugin_response`.
    std::string plugin_error_code{};
    /// For transport errors: the Asio, Beast or OpenSSL code that caused it.
    boost::system::error_code underlying{};
    /// How many attempts the call made (see `retry_policy`), a failed connection attempt included;
    /// 0 when the call ended before its first attempt (a configuration error, the in-flight gate).
    /// Filled for successful calls too; a call sent again after renewed credentials or a new
    /// tenant location counts the attempts of both.
    unsigned attempts = 0;
    /// How many of the call's answers were 429 Too Many Requests or 503 Service Unavailable (the
    /// server is overloaded), whether retried or not, the last answer included: filled for
    /// successful and failed calls alike, e.g. to adapt the concurrency (`adaptive_concurrency`).
    unsigned overloaded = 0;
    /// For `tenant_unavailable` and `tenant_deleted`: the tenant's `State` as the state service
    /// named it (e.g. `OfflineMaintenance`, `Deleted`).
    std::string tenant_state{};

    /// How many bytes of a response body `server_message` keeps at most.
    static constexpr std::size_t max_excerpt = 1024;

    /// Resets every member.
    void clear() { *this = diagnostics{}; }

    /// One line describing everything known, for logs and exception messages. Never contains
    /// credentials: requests are not recorded here.
    SO_ERPSYNC_DECL std::string to_string() const;
};

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/diagnostics.ipp>
#endif

#endif
