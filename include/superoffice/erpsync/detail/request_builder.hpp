//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_REQUEST_BUILDER_HPP
#define SO_ERPSYNC_DETAIL_REQUEST_BUILDER_HPP

// Sans-io request construction: base URL parsing, header validation and rendering, and the
// HTTP request of one call. No I/O here, so all of it is unit tested directly.

#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/url/parse.hpp>

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

inline error_code parse_base_url(std::string_view text, endpoint_info& out, diagnostics* diag) {
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

/// True when `v` can be sent as a header value: no CR, LF or NUL (header injection).
inline bool valid_header_value(std::string_view v) noexcept {
    return v.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

/// True when `n` is an RFC 9110 token.
inline bool valid_header_name(std::string_view n) noexcept {
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

inline std::string base64(std::string_view in) {
    static constexpr char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(in[k])); };
    for (; i + 2 < in.size(); i += 3) {
        unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += tab[v >> 18 & 63], out += tab[v >> 12 & 63], out += tab[v >> 6 & 63], out += tab[v & 63];
    }
    if (i + 1 == in.size()) {
        unsigned v = byte(i) << 16;
        out += tab[v >> 18 & 63], out += tab[v >> 12 & 63], out += "==";
    } else if (i + 2 == in.size()) {
        unsigned v = byte(i) << 16 | byte(i + 1) << 8;
        out += tab[v >> 18 & 63], out += tab[v >> 12 & 63], out += tab[v >> 6 & 63], out += '=';
    }
    return out;
}

using header_list = std::vector<std::pair<std::string, std::string>>;

/// A header added after validation; the message names the header, never its value (secrets).
inline error_code add_header(header_list& h, std::string name, std::string value, diagnostics* diag) {
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

/// Everything of a client that does not change from call to call, validated once.
struct prepared_config {
    endpoint_info endpoint;
    header_list headers; // rendered, validated client-level headers (incl. Authorization)
    std::string accept_language, so_language, so_culture, so_time_zone;
    error_code error; // a configuration error every call reports
    diagnostics error_diag;
};

inline prepared_config prepare_config(client_config const& cfg) {
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

using http_request = boost::beast::http::request<boost::beast::http::string_body>;

/// Builds the HTTP request of one call of `Op`. On failure nothing may be sent.
inline error_code add_call_headers(prepared_config const& pc, call_options const& opt, http_request& req,
                                   diagnostics* diag);

template <class Op>
error_code build_request(prepared_config const& pc, request_t<Op> const& body, call_options const& opt,
                         http_request& req, diagnostics* diag) {
    namespace http = boost::beast::http;
    if (pc.error) {
        if (diag)
            *diag = pc.error_diag;
        return pc.error;
    }
    std::string target;
    target.reserve(pc.endpoint.path_prefix.size() + 40 + Op::name.size() + opt.select.size());
    target += pc.endpoint.path_prefix;
    target += "/api/v1/Agents/ErpSync/";
    target += Op::name;
    if constexpr (Op::request_travels == request_kind::query)
        if (auto e = append_query(body, target, diag))
            return e;
    if (!opt.select.empty()) {
        if (!valid_header_value(opt.select)) {
            if (diag)
                diag->client_message = "$select contains CR, LF or NUL; nothing was sent";
            return error::invalid_header_value;
        }
        target += Op::request_travels == request_kind::query ? "&$select=" : "?$select=";
        target += encode_query_value(opt.select);
    }
    req = http_request(http::verb::post, target, 11);
    req.set(http::field::host, pc.endpoint.host_header);
    req.set(http::field::accept, "application/json");
    for (auto const& [n, v] : pc.headers)
        req.insert(n, v);
    if (auto e = add_call_headers(pc, opt, req, diag))
        return e;
    if constexpr (Op::has_body) {
        req.set(http::field::content_type, "application/json; charset=utf-8");
        if (auto e = to_json(body, req.body(), diag))
            return e;
    }
    req.prepare_payload();
    return {};
}

/// Adds the per-call headers (language, culture, time zone, `call_options::headers`), validated:
/// nothing is added when one is refused.
inline error_code add_call_headers(prepared_config const& pc, call_options const& opt, http_request& req,
                                   diagnostics* diag) {
    header_list call_headers;
    error_code ec;
    auto lang = [&](char const* name, std::string const& call_v, std::string const& client_v) {
        std::string const& v = call_v.empty() ? client_v : call_v;
        if (!ec && !v.empty())
            ec = add_header(call_headers, name, v, diag);
    };
    lang("Accept-Language", opt.accept_language, pc.accept_language);
    lang("SO-Language", opt.so_language, pc.so_language);
    lang("SO-Culture", opt.so_culture, pc.so_culture);
    lang("SO-TimeZone", opt.so_time_zone, pc.so_time_zone);
    for (auto const& [n, v] : opt.headers)
        if (!ec)
            ec = add_header(call_headers, n, v, diag);
    if (ec)
        return ec;
    for (auto& [n, v] : call_headers)
        req.insert(n, v);
    return {};
}

} // namespace superoffice::erpsync::detail

#endif
