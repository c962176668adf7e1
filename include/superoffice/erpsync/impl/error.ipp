//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_ERROR_IPP
#define SO_ERPSYNC_IMPL_ERROR_IPP

// The error categories, out of line: included by `error.hpp` in header-only builds, compiled once
// by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION. The category objects are
// function-local statics of these functions, hence one per program in either mode.

#include <superoffice/erpsync/error.hpp>

#include <boost/json/error.hpp>

namespace superoffice::erpsync {
namespace detail {

inline char const* error_message(error e) noexcept {
    switch (e) {
    case error::type_mismatch:
        return "a value in the response has a type the target field cannot hold";
    case error::value_out_of_range:
        return "a number in the response does not fit the target field";
    case error::invalid_value:
        return "a text in the response is not a valid value for the target field";
    case error::null_response:
        return "the server answered null where a result was expected";
    case error::unencodable_value:
        return "a value cannot be encoded for the wire";
    case error::invalid_base_url:
        return "the base URL is not an absolute http or https URL";
    case error::invalid_header_value:
        return "a header value contains CR, LF or NUL";
    case error::resolve_failed:
        return "the host name could not be resolved";
    case error::connect_failed:
        return "the TCP connection could not be established";
    case error::tls_handshake_failed:
        return "the TLS handshake failed";
    case error::connection_closed:
        return "the server closed the connection before the response was complete";
    case error::timeout:
        return "the call timed out";
    case error::body_too_large:
        return "the response body exceeds the size limit";
    case error::malformed_response:
        return "the response is not valid HTTP";
    case error::transport_failed:
        return "transport failure";
    case error::http_bad_request:
        return "HTTP 400 Bad Request";
    case error::http_unauthorized:
        return "HTTP 401 Unauthorized";
    case error::http_forbidden:
        return "HTTP 403 Forbidden";
    case error::http_not_found:
        return "HTTP 404 Not Found";
    case error::http_too_many_requests:
        return "HTTP 429 Too Many Requests";
    case error::http_client_error:
        return "HTTP client error (4xx)";
    case error::http_service_unavailable:
        return "HTTP 503 Service Unavailable";
    case error::http_server_error:
        return "HTTP server error (5xx)";
    case error::http_unexpected_status:
        return "unexpected HTTP status";
    case error::agent_error:
        return "the agent answered with an error object";
    case error::plugin_failed:
        return "the agent reported IsOk == false";
    case error::invalid_xml:
        return "the SOAP body is not well-formed XML, has a DTD, is nested too deeply or is not a SOAP "
               "envelope";
    case error::soap_fault:
        return "the server answered with a SOAP fault";
    case error::invalid_key:
        return "the key cannot be read or is not an RSA key of the kind needed";
    case error::auth_revoked:
        return "system-user exchange refused: the application's access to the tenant was revoked";
    case error::auth_expired:
        return "system-user exchange refused: the application's authorization on the tenant has expired";
    case error::auth_denied:
        return "system-user exchange refused: the application's access to the tenant was denied";
    case error::auth_needs_reapproval:
        return "system-user exchange refused: the authorization needs to be approved again";
    case error::auth_invalid_timestamp:
        return "system-user exchange refused: the signed token's timestamp is invalid (check the clock)";
    case error::auth_invalid_signature:
        return "system-user exchange refused: the signature does not match the registered key";
    case error::auth_refused:
        return "system-user exchange refused";
    case error::oauth_invalid_grant:
        return "OAuth refresh refused: the refresh token is invalid, expired or revoked (consent again)";
    case error::oauth_refused:
        return "OAuth token request refused";
    case error::jwt_malformed:
        return "the JWT is malformed or lacks a needed claim";
    case error::jwt_unsupported_algorithm:
        return "the JWT is not signed with RS256";
    case error::jwt_unknown_key:
        return "no trusted key matches the JWT";
    case error::jwt_bad_signature:
        return "the JWT's signature does not verify";
    case error::jwt_wrong_issuer:
        return "the JWT's issuer is not the expected one";
    case error::jwt_wrong_audience:
        return "the JWT's audience is not the expected one";
    case error::jwt_expired:
        return "the JWT has expired";
    case error::jwt_not_yet_valid:
        return "the JWT is not valid yet";
    case error::tenant_unavailable:
        return "the tenant is not running";
    case error::tenant_deleted:
        return "the tenant is deleted";
    case error::tenant_lookup_failed:
        return "the tenant's state could not be looked up";
    case error::proxy_failed:
        return "the HTTP proxy refused or failed the tunnel";
    }
    return "unknown superoffice::erpsync error";
}

inline bool in_condition(error e, condition c) noexcept {
    int const v = static_cast<int>(e);
    switch (c) {
    case condition::decode_failed:
        return e == error::type_mismatch || e == error::value_out_of_range || e == error::invalid_value ||
               e == error::null_response || e == error::invalid_xml;
    case condition::transport_failed:
        return (v >= static_cast<int>(error::resolve_failed) &&
                v <= static_cast<int>(error::transport_failed)) ||
               e == error::proxy_failed;
    case condition::http_status:
        return v >= static_cast<int>(error::http_bad_request) &&
               v <= static_cast<int>(error::http_unexpected_status);
    case condition::agent_failed:
        return e == error::agent_error || e == error::plugin_failed || e == error::soap_fault;
    case condition::invalid_request:
        return e == error::invalid_base_url || e == error::invalid_header_value ||
               e == error::unencodable_value;
    case condition::authentication_failed:
        return v >= static_cast<int>(error::invalid_key) && v <= static_cast<int>(error::jwt_not_yet_valid);
    case condition::tenant_unavailable:
        return v >= static_cast<int>(error::tenant_unavailable) &&
               v <= static_cast<int>(error::tenant_lookup_failed);
    }
    return false;
}

class error_category_impl final : public boost::system::error_category {
public:
    constexpr error_category_impl() noexcept : boost::system::error_category(0x5e7b1c0d2a4f9e31ULL) {}
    char const* name() const noexcept override { return "superoffice.erpsync"; }
    std::string message(int ev) const override { return error_message(static_cast<error>(ev)); }
    char const* message(int ev, char*, std::size_t) const noexcept override {
        return error_message(static_cast<error>(ev));
    }
    boost::system::error_condition default_error_condition(int ev) const noexcept override {
        for (int c = 1; c <= static_cast<int>(condition::tenant_unavailable); ++c)
            if (in_condition(static_cast<error>(ev), static_cast<condition>(c)))
                return make_error_condition(static_cast<condition>(c));
        return {ev, *this};
    }
};

class condition_category_impl final : public boost::system::error_category {
public:
    constexpr condition_category_impl() noexcept : boost::system::error_category(0x5e7b1c0d2a4f9e32ULL) {}
    char const* name() const noexcept override { return "superoffice.erpsync.condition"; }
    std::string message(int ev) const override {
        switch (static_cast<condition>(ev)) {
        case condition::decode_failed:
            return "the response could not be decoded";
        case condition::transport_failed:
            return "transport failure";
        case condition::http_status:
            return "the server answered with a non-2xx status";
        case condition::agent_failed:
            return "the agent reported a failure";
        case condition::invalid_request:
            return "the request was refused before it was sent";
        case condition::authentication_failed:
            return "credentials could not be obtained or were refused";
        case condition::tenant_unavailable:
            return "the tenant is not running or cannot be located";
        }
        return "unknown condition";
    }
    bool equivalent(boost::system::error_code const& code, int cv) const noexcept override {
        auto const c = static_cast<condition>(cv);
        if (code.category() == erpsync::error_category())
            return in_condition(static_cast<error>(code.value()), c);
        if (c == condition::decode_failed)
            return code.category() == boost::json::make_error_code(boost::json::error::syntax).category();
        return false;
    }
};

} // namespace detail
} // namespace superoffice::erpsync

SO_ERPSYNC_DECL boost::system::error_category const& superoffice::erpsync::error_category() noexcept {
    static constexpr detail::error_category_impl instance;
    return instance;
}

SO_ERPSYNC_DECL boost::system::error_category const& superoffice::erpsync::condition_category() noexcept {
    static constexpr detail::condition_category_impl instance;
    return instance;
}

#endif
