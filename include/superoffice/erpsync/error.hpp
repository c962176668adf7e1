//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_ERROR_HPP
#define SO_ERPSYNC_ERROR_HPP

/// @file
/// The library's error codes (`superoffice::erpsync::error`) and error conditions
/// (`superoffice::erpsync::condition`), usable with `boost::system::error_code`.

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/error_condition.hpp>

#include <string>
#include <type_traits>

namespace superoffice::erpsync {

/// Error codes produced by this library.
///
/// Transport failures keep the underlying Asio/OpenSSL code in `diagnostics::underlying`.
/// Boost.JSON syntax errors in a response body pass through unchanged.
enum class error : int {
    // --- decoding -------------------------------------------------------------------------
    /// A JSON or XML value had a type the target field cannot hold (see `diagnostics::field_path`).
    type_mismatch = 1,
    /// A number (JSON or XML) does not fit the target field's type.
    value_out_of_range,
    /// A text (JSON string or XML) does not hold a valid value of the target field's form (a malformed or
    /// out-of-range date, time or duration; see `diagnostics::client_message` for the reason).
    invalid_value,
    /// The server answered `null` (or nothing) where a result was expected: nothing was found.
    null_response,
    // --- encoding -------------------------------------------------------------------------
    /// A value cannot be written to the wire (e.g. an enum holding `unrecognized`, a NaN).
    unencodable_value,
    // --- configuration and request validation ---------------------------------------------
    /// The base URL is not an absolute `http` or `https` URL without query, fragment or user info.
    invalid_base_url,
    /// A header value (or `$select`) contains CR, LF or NUL; nothing was sent.
    invalid_header_value,
    // --- transport ------------------------------------------------------------------------
    /// The host name could not be resolved.
    resolve_failed,
    /// No TCP connection could be established.
    connect_failed,
    /// The TLS handshake failed (certificate not trusted, host name mismatch, protocol error).
    tls_handshake_failed,
    /// The server closed the connection before a complete response arrived.
    connection_closed,
    /// The call did not complete within its timeout.
    timeout,
    /// The response body exceeds the configured size limit.
    body_too_large,
    /// The response is not valid HTTP.
    malformed_response,
    /// Any other transport failure (see `diagnostics::underlying`).
    transport_failed,
    // --- HTTP status ----------------------------------------------------------------------
    /// 400 Bad Request.
    http_bad_request,
    /// 401 Unauthorized: missing or wrong credentials, ticket or XSRF token.
    http_unauthorized,
    /// 403 Forbidden: e.g. an expired access token or a restricted agent.
    http_forbidden,
    /// 404 Not Found.
    http_not_found,
    /// 429 Too Many Requests.
    http_too_many_requests,
    /// Any other 4xx status.
    http_client_error,
    /// 503 Service Unavailable.
    http_service_unavailable,
    /// Any other 5xx status.
    http_server_error,
    /// A status outside 2xx, 4xx and 5xx (e.g. a redirect, which is not followed).
    http_unexpected_status,
    // --- agent outcomes -------------------------------------------------------------------
    /// The agent answered 200 with its error object `{Message, MessageDetail}` (invalid parameters).
    agent_error,
    /// A `plugin_response` with `IsOk == false`, turned into an error by `check()`.
    plugin_failed,
    // --- SOAP (added after the above; values are stable) ------------------------------------
    /// A SOAP body is not well-formed XML, or is refused: a document type declaration (DTD,
    /// entities), nesting deeper than the limit, or not a SOAP envelope of the expected shape.
    invalid_xml,
    /// The server answered with a SOAP `Fault` (code and reason in the diagnostics' `server`).
    soap_fault,
    // --- credentials (SuperOffice Online; added after the above) -----------------------------
    /// A key (PEM or .NET `<RSAKeyValue>` XML) could not be read, or is not an RSA key of the
    /// kind needed (a private key to sign).
    invalid_key,
    /// The system-user exchange was refused: the application's access to the tenant was revoked
    /// (`AuthorizeErrorCode` 1, `Revoked`). The server's text is in the diagnostics.
    auth_revoked,
    /// Refused: the application's authorization on this tenant has expired (3, `Expired`).
    auth_expired,
    /// Refused: the application's access to this tenant was denied (4, `Denied`).
    auth_denied,
    /// Refused: the authorization must be approved again by an administrator (5, `NeedsReapproval`).
    auth_needs_reapproval,
    /// Refused: the signed token's timestamp is outside the server's window (6, `InvalidTimestamp`):
    /// check the machine's clock.
    auth_invalid_timestamp,
    /// Refused: the signature does not match the registered public key (7, `InvalidSignature`).
    auth_invalid_signature,
    /// Refused for another or an unstated reason (`IsSuccessful: false` with another message, a
    /// non-2xx answer, or no token).
    auth_refused,
    /// The OAuth token endpoint refused the refresh token (`invalid_grant`: revoked or expired;
    /// the user must consent again). The RFC 6749 `error` and `error_description` are in the
    /// diagnostics.
    oauth_invalid_grant,
    /// The OAuth token endpoint answered another RFC 6749 error (`invalid_client`,
    /// `unauthorized_client`, ...), or a non-2xx status, or a reply without `access_token`.
    oauth_refused,
    /// A JWT is not three base64url parts of JSON, or lacks a claim that is needed.
    jwt_malformed,
    /// A JWT is not signed with RS256 (`alg` is another, e.g. `none` or `HS256`).
    jwt_unsupported_algorithm,
    /// No key of the key set (JWKS) or the pinned key matches the JWT.
    jwt_unknown_key,
    /// A JWT's signature does not verify.
    jwt_bad_signature,
    /// A JWT's issuer (`iss`) is not the expected one.
    jwt_wrong_issuer,
    /// A JWT's audience (`aud`) is not the expected one.
    jwt_wrong_audience,
    /// A JWT has expired (`exp`, with the allowed clock skew), or has no `exp`.
    jwt_expired,
    /// A JWT is not valid yet (`nbf`, with the allowed clock skew).
    jwt_not_yet_valid,
    // --- tenant state -------------------------------------------------------------------------
    /// The tenant is not running (`IsRunning: false`): maintenance, provisioning, suspended,
    /// migration pending, unknown. Temporary; the state name is in `diagnostics::tenant_state`.
    tenant_unavailable,
    /// The tenant is deleted or being deleted (`Deleted`, `Deleting`, `DeleteFailed`): permanent.
    tenant_deleted,
    /// The state service (`{environment}/api/state/{ctx}`) could not be asked or gave an answer
    /// that is not a tenant state (see the diagnostics).
    tenant_lookup_failed,
    // --- proxy --------------------------------------------------------------------------------
    /// The HTTP proxy refused or failed the `CONNECT` tunnel (its status in the diagnostics).
    proxy_failed,
};

/// Broad classes of failure, to test an `error_code` against without listing codes.
enum class condition : int {
    /// The response could not be decoded into the result type (our codes, `invalid_xml` and
    /// Boost.JSON's).
    decode_failed = 1,
    /// Resolve, connect, TLS, read, write, closed connection, size limit or timeout.
    transport_failed,
    /// The server answered with a non-2xx HTTP status.
    http_status,
    /// The agent reported a failure (`agent_error`, `plugin_failed`, `soap_fault`).
    agent_failed,
    /// The request was refused before anything was sent (bad URL, header or value).
    invalid_request,
    /// Credentials could not be obtained or were refused: a system-user exchange or OAuth refresh
    /// refused, a key unreadable, a JWT that does not validate.
    authentication_failed,
    /// The tenant is not running or cannot be located (`tenant_unavailable`, `tenant_deleted`,
    /// `tenant_lookup_failed`).
    tenant_unavailable,
};

/// The category of `error`.
SO_ERPSYNC_DECL boost::system::error_category const& error_category() noexcept;
/// The category of `condition`.
SO_ERPSYNC_DECL boost::system::error_category const& condition_category() noexcept;

/// Makes an `error_code` from an `error`.
inline boost::system::error_code make_error_code(error e) noexcept {
    return {static_cast<int>(e), error_category()};
}

/// Makes an `error_condition` from a `condition`.
inline boost::system::error_condition make_error_condition(condition c) noexcept {
    return {static_cast<int>(c), condition_category()};
}

} // namespace superoffice::erpsync

/// @cond SO_ERPSYNC_INTERNAL
template <>
struct boost::system::is_error_code_enum<superoffice::erpsync::error> : std::true_type {};

template <>
struct boost::system::is_error_condition_enum<superoffice::erpsync::condition> : std::true_type {};
/// @endcond

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/error.ipp>
#endif

#endif
