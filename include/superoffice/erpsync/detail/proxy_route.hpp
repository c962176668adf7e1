//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_PROXY_ROUTE_HPP
#define SO_ERPSYNC_DETAIL_PROXY_ROUTE_HPP

// The route of a client's connections through an HTTP proxy (sans-io), prepared once from
// `client_config::proxy` by `prepare_config`: the proxy's host and port (what is resolved and
// connected to) and the `CONNECT` request every new connection sends (see `proxy.hpp`).

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

/// Where new connections go when a proxy is used.
struct proxy_route {
    /// Calls go through the proxy: one is configured and the target is not in its `no_proxy`.
    bool enabled = false;
    std::string host;      // the proxy's host, resolved instead of the target's (IPv6 without brackets)
    std::string port;      // numeric string
    std::string authority; // the proxy as `host:port` (IPv6 in brackets), for logs
    /// The whole `CONNECT` request head (request line, `Host`, `User-Agent`, and
    /// `Proxy-Authorization` with credentials), rendered once. Holds a secret: never logged.
    std::string connect_request;
};

/// The largest `CONNECT` reply head read from a proxy.
inline constexpr std::size_t max_proxy_reply_head = 8 * 1024;

/// Parses a proxy URL (`http://host[:port][/]`: no user info, other path, query or fragment;
/// `https` is refused) into `host` (IPv6 without brackets) and `port` (80 by default). On failure
/// `error::invalid_base_url` with a `client_message` that never quotes the URL (it may hold a
/// secret).
SO_ERPSYNC_DECL error_code parse_proxy_url(std::string_view url, std::string& host, std::string& port,
                                           bool& host_is_ipv6, diagnostics* diag);

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/proxy_route.ipp>
#endif

#endif
