//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_PROXY_IPP
#define SO_ERPSYNC_IMPL_PROXY_IPP

// The `no_proxy` rule and the environment's proxy settings, out of line: included by `proxy.hpp`
// in header-only builds, compiled once by `superoffice/erpsync/src.hpp` with
// SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/proxy_route.hpp>
#include <superoffice/erpsync/proxy.hpp>

#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <string>
#include <string_view>
#include <utility>

SO_ERPSYNC_DECL bool superoffice::erpsync::bypasses_proxy(std::string_view host,
                                                          std::vector<std::string> const& no_proxy) {
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        return s;
    };
    auto iequals = [](std::string_view a, std::string_view b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            char x = a[i], y = b[i];
            if (x >= 'A' && x <= 'Z')
                x = static_cast<char>(x - 'A' + 'a');
            if (y >= 'A' && y <= 'Z')
                y = static_cast<char>(y - 'A' + 'a');
            if (x != y)
                return false;
        }
        return true;
    };
    std::string_view h = trim(host);
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']')
        h = h.substr(1, h.size() - 2);
    if (!h.empty() && h.back() == '.')
        h.remove_suffix(1);
    boost::system::error_code ec;
    auto const host_ip = boost::asio::ip::make_address(h, ec);
    bool const host_is_ip = !ec;
    for (auto const& entry : no_proxy) {
        std::string_view e = trim(entry);
        if (e == "*")
            return true;
        // a port is ignored: `[v6]:port`, `name:port`, `v4:port` (a bare IPv6 has several colons)
        if (!e.empty() && e.front() == '[') {
            auto const close = e.find(']');
            if (close == std::string_view::npos)
                continue;
            e = e.substr(1, close - 1);
        } else if (auto const c = e.find(':');
                   c != std::string_view::npos && e.find(':', c + 1) == std::string_view::npos) {
            e = e.substr(0, c);
        }
        if (e.empty())
            continue;
        if (auto const slash = e.find('/'); slash != std::string_view::npos) {
            // a CIDR range: an address of the host's family and a prefix length
            if (!host_is_ip)
                continue;
            ec = {};
            auto const net = boost::asio::ip::make_address(e.substr(0, slash), ec);
            auto const len = e.substr(slash + 1);
            if (ec || len.empty() || len.size() > 3 || net.is_v4() != host_ip.is_v4())
                continue;
            unsigned bits = 0;
            bool digits = true;
            for (char c : len) {
                digits = digits && c >= '0' && c <= '9';
                bits = bits * 10 + static_cast<unsigned>(c - '0');
            }
            auto within = [bits](auto const& x, auto const& y) {
                if (bits > x.size() * 8)
                    return false;
                std::size_t i = 0;
                unsigned left = bits;
                for (; left >= 8; left -= 8, ++i)
                    if (x[i] != y[i])
                        return false;
                if (left == 0)
                    return true;
                unsigned const mask = (0xffu << (8 - left)) & 0xffu;
                return (x[i] & mask) == (y[i] & mask);
            };
            if (digits && (net.is_v4() ? within(net.to_v4().to_bytes(), host_ip.to_v4().to_bytes())
                                       : within(net.to_v6().to_bytes(), host_ip.to_v6().to_bytes())))
                return true;
            continue;
        }
        ec = {};
        auto const ip = boost::asio::ip::make_address(e, ec);
        if (!ec) {
            if (host_is_ip && ip == host_ip)
                return true;
            continue;
        }
        if (host_is_ip)
            continue; // a name never matches an address
        bool const subdomains_only = e.front() == '.';
        if (subdomains_only)
            e.remove_prefix(1);
        if (!e.empty() && e.back() == '.')
            e.remove_suffix(1);
        if (e.empty())
            continue;
        if (!subdomains_only && iequals(h, e))
            return true;
        if (h.size() > e.size() && h[h.size() - e.size() - 1] == '.' &&
            iequals(h.substr(h.size() - e.size()), e))
            return true;
    }
    return false;
}

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::proxy_from_environment(proxy_environment const& env, bool https_target,
                                             proxy_settings& out) {
    auto trim = [](std::string_view s) {
        while (!s.empty() &&
               (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
            s.remove_suffix(1);
        return s;
    };
    auto first = [&](std::string_view lower, std::string_view upper) {
        return !trim(lower).empty() ? trim(lower) : trim(upper);
    };
    std::string_view const value = https_target ? first(env.https_proxy, env.https_proxy_upper)
                                                : first(env.http_proxy, env.http_proxy_upper);
    proxy_settings s;
    std::string_view list = first(env.no_proxy, env.no_proxy_upper);
    while (!list.empty()) {
        auto const comma = list.find(',');
        auto const item = trim(list.substr(0, comma));
        if (!item.empty())
            s.no_proxy.emplace_back(item);
        if (comma == std::string_view::npos)
            break;
        list.remove_prefix(comma + 1);
    }
    if (!value.empty()) {
        std::string text(value);
        if (text.find("://") == std::string::npos)
            text.insert(0, "http://");
        auto r = boost::urls::parse_uri(text);
        if (!r)
            return error::invalid_base_url;
        boost::urls::url u(*r);
        if (u.has_userinfo()) {
            s.user = u.user(); // percent-decoded
            s.password = u.password();
            u.remove_userinfo();
        }
        if (u.encoded_path() == "/")
            u.set_encoded_path("");
        s.url = std::string(u.buffer());
        std::string host, port;
        bool v6 = false;
        if (auto ec = detail::parse_proxy_url(s.url, host, port, v6, nullptr))
            return ec;
    }
    out = std::move(s);
    return {};
}

#endif
