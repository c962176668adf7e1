//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_PREPARED_CONFIG_HPP
#define SO_ERPSYNC_DETAIL_PREPARED_CONFIG_HPP

// What a client prepares once from its configuration (sans-io): the base URL parsed into an
// endpoint, the client-level headers validated (no CR, LF or NUL: header injection) and rendered,
// the route through a proxy (`proxy_route`) decided and its `CONNECT` request rendered.

#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/detail/base64.hpp> // base64(), for the Basic authorization header
#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/proxy_route.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace superoffice::erpsync::detail {

/// The parts of a base URL the client needs.
struct endpoint_info {
    bool tls = false;
    std::string host;        // for resolve and TLS verification (IPv6 without brackets)
    std::string port;        // numeric string
    std::string host_header; // Host header value
    std::string path_prefix; // e.g. "/Cust12345", no trailing slash
    bool host_is_ip = false; // no SNI for IP literals
};

/// Parses a base URL (`http` or `https`, no user info, query or fragment) into `out`.
SO_ERPSYNC_DECL error_code parse_base_url(std::string_view text, endpoint_info& out, diagnostics* diag);

/// True when `v` can be sent as a header value: no CR, LF or NUL (header injection).
SO_ERPSYNC_DECL bool valid_header_value(std::string_view v) noexcept;

/// True when `n` is an RFC 9110 token.
SO_ERPSYNC_DECL bool valid_header_name(std::string_view n) noexcept;

using header_list = std::vector<std::pair<std::string, std::string>>;

/// A header added after validation; the message names the header, never its value (secrets).
SO_ERPSYNC_DECL error_code add_header(header_list& h, std::string name, std::string value, diagnostics* diag);

/// Everything of a client that does not change from call to call, validated once.
struct prepared_config {
    endpoint_info endpoint;
    header_list headers; // rendered, validated client-level headers (incl. Authorization)
    std::string accept_language, so_language, so_culture, so_time_zone;
    proxy_route proxy; // through an HTTP proxy (`enabled`), or direct
    error_code error;  // a configuration error every call reports
    diagnostics error_diag;
};

/// The route through `s` to `target` (`out.enabled` false when `s` has no proxy or `target` is in
/// its `no_proxy`): the proxy's address and the `CONNECT` request, with `User-Agent: user_agent`.
SO_ERPSYNC_DECL error_code prepare_proxy_route(proxy_settings const& s, endpoint_info const& target,
                                               std::string_view user_agent, proxy_route& out,
                                               diagnostics* diag);

/// Validates `cfg` and renders its headers; a failure is kept in `prepared_config::error`.
SO_ERPSYNC_DECL prepared_config prepare_config(client_config const& cfg);

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/prepared_config.ipp>
#endif

#endif
