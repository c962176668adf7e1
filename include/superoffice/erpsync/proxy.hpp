//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_PROXY_HPP
#define SO_ERPSYNC_PROXY_HPP

/// @file
/// `proxy_settings` (`client_config::proxy`): calls through an HTTP proxy, the `no_proxy` rule
/// (`bypasses_proxy`) and the conventional environment variables (`proxy_from_environment`).
///
/// How a call goes through the proxy: the client connects to the proxy (its host name is resolved,
/// not the target's), sends `CONNECT host:port HTTP/1.1` with `Host: host:port` (an IPv6 literal
/// in brackets) and, with credentials, `Proxy-Authorization: Basic ...`, and reads the proxy's
/// reply head (at most 8 KiB). A 2xx reply opens a tunnel: for an `https` base URL the TLS
/// handshake then runs through it, with SNI and certificate verification against the *target*
/// host, never the proxy; the request follows as on a direct connection. Any other status ends
/// the call with `error::proxy_failed`, its status in `diagnostics::http_status` and an
/// explanation in `diagnostics::client_message` (407: the proxy wants other credentials). Such a
/// refusal is final: it is not retried like a server's 503. A proxy that cannot be reached
/// (connection refused, name not found) is retried as `error::connect_failed` and
/// `error::resolve_failed` are; a connection to the proxy lost during `CONNECT` as
/// `proxy_failed` with no status, before anything reached the target, so for every operation.
///
/// Plain `http` base URLs are tunnelled with `CONNECT` too, rather than sent to the proxy as
/// absolute-form requests (`GET http://host/path`): one code path for both schemes, the request
/// on the wire is byte for byte the one a direct connection carries (no per-call rewriting of the
/// recycled request), and keep-alive connections in the pool are tunnels to the one target, as
/// for `https`. The cost: a proxy that allows `CONNECT` only to port 443 (Squid's default
/// `SSL_ports` rule) refuses plain-HTTP targets on other ports with 403, reported as
/// `error::proxy_failed`.
///
/// Connections kept alive are the tunnels themselves: a call that reuses one sends no `CONNECT`.
/// The client resolves the host it actually connects to, the proxy, and caches that.
///
/// `https://` proxy URLs (TLS to the proxy itself) are not supported: the client reports
/// `error::invalid_base_url` with a `client_message` naming `client_config::proxy` (as for any
/// other malformed proxy URL, see `client::config_error`). The proxy password never appears in
/// logs, diagnostics or the request descriptions of debug logging.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/error.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace superoffice::erpsync {

/// An HTTP proxy for a client's calls (`client_config::proxy`). The default (empty `url`): no
/// proxy, calls connect directly.
struct proxy_settings {
    /// `http://host:port` (the port defaults to 80; a trailing `/` is allowed, no other path,
    /// query, fragment or user info: credentials go in `user` and `password`). Empty: no proxy.
    std::string url{};
    /// Basic proxy credentials: with a non-empty `user`, every `CONNECT` carries
    /// `Proxy-Authorization: Basic base64(user:password)`. `user` cannot contain `:`.
    std::string user{};
    /// Never logged, never in diagnostics.
    std::string password{};
    /// Targets reached directly, without the proxy: see `bypasses_proxy` for the forms of an entry.
    std::vector<std::string> no_proxy{};

    /// True when a proxy is configured.
    bool enabled() const noexcept { return !url.empty(); }
};

/// True when a call to `host` bypasses the proxy under the `no_proxy` list (pure: no lookup, no
/// environment). `host` is the target's host as in the base URL: a name, an IPv4 literal or an
/// IPv6 literal (with or without brackets). Names are compared ASCII case-insensitively, a trailing
/// dot ignored. An entry (surrounding blanks ignored, empty entries skipped) is:
/// - `*`: every host bypasses the proxy;
/// - a name, `example.com`: that host and every subdomain (`api.example.com`), not
///   `badexample.com`;
/// - a name with a leading dot, `.example.com`: subdomains only (`api.example.com`), not
///   `example.com` itself (the rule of Go's `net/http`);
/// - an IP literal, `10.1.2.3`, `::1` or `[::1]`: that address (compared as addresses, so `::1`
///   matches `0:0::1`);
/// - a CIDR range, `10.0.0.0/8` or `fd00::/8`: addresses of the host given as an IP literal within
///   it (a host name is not resolved to be matched);
/// - a name or an address followed by `:port` (`example.com:8443`, `[::1]:443`): the port is ignored.
/// An entry that is none of these (a malformed range, a glob such as `*.example.com`) matches
/// nothing.
SO_ERPSYNC_DECL bool bypasses_proxy(std::string_view host, std::vector<std::string> const& no_proxy);

/// The values of the proxy environment variables, as the caller read them (an empty view: unset
/// or empty). The library itself never reads the environment.
struct proxy_environment {
    std::string_view https_proxy{};       ///< `https_proxy`
    std::string_view https_proxy_upper{}; ///< `HTTPS_PROXY`
    std::string_view http_proxy{};        ///< `http_proxy`
    std::string_view http_proxy_upper{};  ///< `HTTP_PROXY`
    std::string_view no_proxy{};          ///< `no_proxy`
    std::string_view no_proxy_upper{};    ///< `NO_PROXY`
};

/// Builds the proxy settings for a target of scheme `https` (`https_target`) or `http` from the
/// environment's values `env` (pure: `env` holds the values, nothing is read here), into `out`.
/// - The proxy: for an `https` target `https_proxy`, else `HTTPS_PROXY`; for an `http` target
///   `http_proxy`, else `HTTP_PROXY` (the lower-case name first, as curl does). None set: `out` has
///   no proxy (`url` empty), and `no_proxy` is still filled.
/// - A value without a scheme (`proxy.corp:3128`) means `http://`. `user:password@` in it becomes
///   `user` and `password`, percent-decoded (`p%40ss` is `p@ss`), and is removed from `url`; so is
///   a trailing `/`.
/// - `no_proxy`, else `NO_PROXY`: entries separated by commas (blanks around them ignored), for
///   `bypasses_proxy`.
/// Returns `error::invalid_base_url` (and leaves `out` unchanged) for a value that is not an
/// `http://host[:port]` URL, including an `https://` proxy; the error never quotes the value,
/// which may hold a password.
SO_ERPSYNC_DECL error_code proxy_from_environment(proxy_environment const& env, bool https_target,
                                                  proxy_settings& out);

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/proxy.ipp>
#endif

#endif
