//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_PREPARED_CONFIG_IPP
#define SO_ERPSYNC_IMPL_PREPARED_CONFIG_IPP

// Base URL parsing and header validation, out of line: included by `detail/prepared_config.hpp`
// in header-only builds, compiled once by `superoffice/erpsync/src.hpp` with
// SO_ERPSYNC_SEPARATE_COMPILATION. Boost.URL's parser is only needed here.

#include <superoffice/erpsync/detail/prepared_config.hpp>

#include <boost/url/parse.hpp>

#include <string>
#include <string_view>
#include <utility>

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::parse_base_url(std::string_view text, endpoint_info& out, diagnostics* diag) {
    auto fail = [&](std::string msg) -> error_code {
        if (diag)
            diag->client_message = "invalid base URL: " + msg;
        return error::invalid_base_url;
    };
    auto r = boost::urls::parse_uri(text);
    if (!r)
        return fail("not an absolute URL");
    auto const& u = *r;
    if (u.scheme_id() == boost::urls::scheme::https)
        out.tls = true;
    else if (u.scheme_id() == boost::urls::scheme::http)
        out.tls = false;
    else
        return fail("the scheme must be http or https");
    if (u.has_userinfo())
        return fail("user info in the URL is not supported; use client_config::auth");
    if (u.has_query() || u.has_fragment())
        return fail("a base URL has no query or fragment");
    if (u.encoded_host().empty())
        return fail("the URL has no host");
    std::string const default_port = out.tls ? "443" : "80";
    out.port = u.has_port() && !u.port().empty() ? std::string(u.port()) : default_port;
    if (u.has_port() && u.port_number() == 0)
        return fail("the port is not a number between 1 and 65535");
    switch (u.host_type()) {
    case boost::urls::host_type::ipv6:
        out.host = u.host_ipv6_address().to_string();
        out.host_is_ip = true;
        break;
    case boost::urls::host_type::ipv4:
        out.host = u.host_ipv4_address().to_string();
        out.host_is_ip = true;
        break;
    case boost::urls::host_type::name:
        out.host = u.host();
        out.host_is_ip = false;
        break;
    default:
        return fail("unsupported host form");
    }
    out.host_header = std::string(u.encoded_host_and_port());
    if (out.port == default_port && u.has_port())
        out.host_header = std::string(u.encoded_host());
    std::string path(u.encoded_path());
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    out.path_prefix = std::move(path);
    return {};
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::valid_header_value(std::string_view v) noexcept {
    return v.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::valid_header_name(std::string_view n) noexcept {
    if (n.empty())
        return false;
    for (char c : n) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
        if (!ok)
            return false;
    }
    return true;
}

SO_ERPSYNC_DECL superoffice::erpsync::error_code superoffice::erpsync::detail::add_header(header_list& h,
                                                                                          std::string name,
                                                                                          std::string value,
                                                                                          diagnostics* diag) {
    if (!valid_header_name(name) || !valid_header_value(value)) {
        if (diag)
            diag->client_message = "the value of header '" +
                                   (valid_header_value(name) ? name : std::string("(invalid name)")) +
                                   "' contains CR, LF or NUL, or its name is not a token; nothing was sent";
        return error::invalid_header_value;
    }
    h.emplace_back(std::move(name), std::move(value));
    return {};
}

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::prepare_proxy_route(proxy_settings const& s, endpoint_info const& target,
                                                  std::string_view user_agent, proxy_route& out,
                                                  diagnostics* diag) {
    out = proxy_route{};
    if (!s.enabled() || bypasses_proxy(target.host, s.no_proxy))
        return {};
    bool v6 = false;
    if (auto ec = parse_proxy_url(s.url, out.host, out.port, v6, diag))
        return ec;
    if (s.user.find(':') != std::string::npos) {
        if (diag)
            diag->client_message = "a Basic proxy user name (proxy_settings::user) cannot contain ':'";
        return error::invalid_header_value;
    }
    out.authority = (v6 ? "[" + out.host + "]" : out.host) + ":" + out.port;
    // the target as `host:port`, an IPv6 literal in brackets, the port always explicit
    bool const target_v6 = target.host.find(':') != std::string::npos;
    std::string const authority = (target_v6 ? "[" + target.host + "]" : target.host) + ":" + target.port;
    auto& r = out.connect_request;
    r = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    if (!user_agent.empty() && valid_header_value(user_agent)) {
        r += "User-Agent: ";
        r += user_agent;
        r += "\r\n";
    }
    if (!s.user.empty())
        r += "Proxy-Authorization: Basic " + base64(s.user + ":" + s.password) + "\r\n";
    r += "\r\n";
    out.enabled = true;
    return {};
}

SO_ERPSYNC_DECL superoffice::erpsync::detail::prepared_config
superoffice::erpsync::detail::prepare_config(client_config const& cfg) {
    prepared_config p;
    diagnostics* d = &p.error_diag;
    auto check = [&](error_code ec) {
        if (ec && !p.error)
            p.error = ec;
    };
    check(parse_base_url(cfg.base_url, p.endpoint, d));
    if (p.error)
        return p;
    std::string ua =
        cfg.user_agent.empty() ? "superoffice-erpsync/" SO_ERPSYNC_VERSION_STRING : cfg.user_agent;
    check(prepare_proxy_route(cfg.proxy, p.endpoint, ua, p.proxy, d));
    check(add_header(p.headers, "User-Agent", std::move(ua), d));
    switch (cfg.auth.kind()) {
    case credentials::scheme::none:
        break;
    case credentials::scheme::basic:
        check(add_header(p.headers, "Authorization",
                         "Basic " + base64(cfg.auth.user() + ":" + cfg.auth.secret()), d));
        if (cfg.auth.user().find(':') != std::string::npos && !p.error) {
            p.error = error::invalid_header_value;
            d->client_message = "a Basic user name cannot contain ':'";
        }
        break;
    case credentials::scheme::so_ticket:
        check(add_header(p.headers, "Authorization", "SOTicket " + cfg.auth.secret(), d));
        break;
    case credentials::scheme::bearer:
        check(add_header(p.headers, "Authorization", "Bearer " + cfg.auth.secret(), d));
        break;
    case credentials::scheme::system_user:
    case credentials::scheme::oauth:
        // A client's session turns these into `so_ticket` or `bearer` for each route; a
        // transport configured with them directly has nothing to send.
        break;
    }
    if (!cfg.app_token.empty())
        check(add_header(p.headers, "SO-AppToken", cfg.app_token, d));
    if (!cfg.xsrf_token.empty())
        check(add_header(p.headers, "X-XSRF-TOKEN", cfg.xsrf_token, d));
    for (auto const& [n, v] : cfg.headers)
        check(add_header(p.headers, n, v, d));
    header_list scratch;
    check(add_header(scratch, "Accept-Language", cfg.accept_language, d));
    check(add_header(scratch, "SO-Language", cfg.so_language, d));
    check(add_header(scratch, "SO-Culture", cfg.so_culture, d));
    check(add_header(scratch, "SO-TimeZone", cfg.so_time_zone, d));
    p.accept_language = cfg.accept_language;
    p.so_language = cfg.so_language;
    p.so_culture = cfg.so_culture;
    p.so_time_zone = cfg.so_time_zone;
    return p;
}

#endif
