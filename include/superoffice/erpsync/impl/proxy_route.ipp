//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_PROXY_ROUTE_IPP
#define SO_ERPSYNC_IMPL_PROXY_ROUTE_IPP

// Proxy URL parsing, out of line: included by `detail/proxy_route.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/proxy_route.hpp>

#include <boost/url/parse.hpp>

#include <string>
#include <string_view>

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::parse_proxy_url(std::string_view url, std::string& host, std::string& port,
                                              bool& host_is_ipv6, diagnostics* diag) {
    auto fail = [&](char const* msg) -> error_code {
        if (diag)
            diag->client_message = std::string("invalid proxy URL (client_config::proxy): ") + msg;
        return error::invalid_base_url;
    };
    auto r = boost::urls::parse_uri(url);
    if (!r)
        return fail("not an absolute http:// URL");
    auto const& u = *r;
    if (u.scheme_id() == boost::urls::scheme::https)
        return fail("https:// proxies (TLS to the proxy) are not supported; use http://");
    if (u.scheme_id() != boost::urls::scheme::http)
        return fail("the scheme must be http");
    if (u.has_userinfo())
        return fail("user info in the proxy URL is not supported; use proxy_settings::user and password");
    if (u.has_query() || u.has_fragment() || (!u.encoded_path().empty() && u.encoded_path() != "/"))
        return fail("a proxy URL has no path, query or fragment");
    if (u.encoded_host().empty())
        return fail("the URL has no host");
    if (u.has_port() && !u.port().empty()) {
        // checked here: `port_number()` wraps a number above 65535
        unsigned long n = 0;
        for (char c : u.port())
            n = n > 65535 ? n : n * 10 + static_cast<unsigned long>(c - '0');
        if (n == 0 || n > 65535)
            return fail("the port is not a number between 1 and 65535");
    }
    host_is_ipv6 = false;
    switch (u.host_type()) {
    case boost::urls::host_type::ipv6:
        host = u.host_ipv6_address().to_string();
        host_is_ipv6 = true;
        break;
    case boost::urls::host_type::ipv4:
        host = u.host_ipv4_address().to_string();
        break;
    case boost::urls::host_type::name:
        host = u.host();
        break;
    default:
        return fail("unsupported host form");
    }
    port = u.has_port() && !u.port().empty() ? std::string(u.port()) : std::string("80");
    return {};
}

#endif
