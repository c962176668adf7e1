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

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/url/parse.hpp>

#include <array>
#include <charconv>
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

/// An HTTP/1.1 request, rendered as it is built: the head (request line and header lines) in one
/// string, the body in another, written to the connection as two buffers. A call keeps its
/// request for retries, and the client recycles it, so a steady stream of calls allocates nothing
/// here. Values are validated by the builders before they get here (no CR/LF reaches `set`).
class http_request {
public:
    /// Starts a new request: clears everything, writes `method` and a space. The target follows
    /// through `target()`, then `end_target()`.
    void begin(std::string_view method) {
        head_.clear();
        body_.clear();
        finished_ = false;
        head_ += method;
        head_ += ' ';
        target_begin_ = head_.size();
    }
    /// The string the target is appended to, between `begin` and `end_target`.
    std::string& target_buffer() noexcept { return head_; }
    void end_target() {
        target_end_ = head_.size();
        head_ += " HTTP/1.1\r\n";
    }
    /// Appends a header line.
    void set(std::string_view name, std::string_view value) {
        head_ += name;
        head_ += ": ";
        head_ += value;
        head_ += "\r\n";
    }
    void set(boost::beast::http::field name, std::string_view value) { set(to_string(name), value); }
    /// The body, filled by the encoder.
    std::string& body() noexcept { return body_; }
    std::string const& body() const noexcept { return body_; }
    /// Adds `Content-Length` and ends the head.
    void finish() {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, body_.size());
        head_ += "Content-Length: ";
        head_.append(buf, r.ptr);
        head_ += "\r\n\r\n";
        finished_ = true;
    }
    bool finished() const noexcept { return finished_; }

    /// What goes on the wire.
    std::array<boost::asio::const_buffer, 2> buffers() const noexcept {
        return {boost::asio::buffer(head_), boost::asio::buffer(body_)};
    }
    std::string_view head() const noexcept { return head_; }

    /// Exchanges the storage with `head` and `body` (recycling: capacity kept, nothing allocated).
    void swap_storage(std::string& head, std::string& body) noexcept {
        head_.swap(head);
        body_.swap(body);
    }

    // Reading back, for logging and tests.
    std::string_view method_string() const noexcept {
        return std::string_view(head_).substr(0, target_begin_ ? target_begin_ - 1 : 0);
    }
    std::string_view target() const noexcept {
        return std::string_view(head_).substr(target_begin_, target_end_ - target_begin_);
    }
    /// Calls `f(name, value)` for every header line, in order.
    template <class F>
    void for_each_header(F&& f) const {
        std::string_view rest(head_);
        auto eol = rest.find("\r\n");
        if (eol == std::string_view::npos)
            return;
        rest.remove_prefix(eol + 2); // the request line
        while ((eol = rest.find("\r\n")) != std::string_view::npos && eol > 0) {
            auto line = rest.substr(0, eol);
            auto colon = line.find(':');
            auto value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ')
                value.remove_prefix(1);
            f(line.substr(0, colon), value);
            rest.remove_prefix(eol + 2);
        }
    }
    /// The value of the first header named `name` (ASCII case-insensitive), or empty.
    std::string_view operator[](std::string_view name) const {
        std::string_view found;
        bool seen = false;
        for_each_header([&](std::string_view n, std::string_view v) {
            if (!seen && iequals_ascii(n, name)) {
                found = v;
                seen = true;
            }
        });
        return found;
    }
    std::string_view operator[](boost::beast::http::field name) const { return (*this)[to_string(name)]; }
    /// How many header lines are named `name`.
    std::size_t count(std::string_view name) const {
        std::size_t n = 0;
        for_each_header([&](std::string_view h, std::string_view) { n += iequals_ascii(h, name); });
        return n;
    }
    std::size_t count(boost::beast::http::field name) const { return count(to_string(name)); }

private:
    static bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
            if (lower(a[i]) != lower(b[i]))
                return false;
        }
        return true;
    }

    std::string head_;
    std::string body_;
    std::size_t target_begin_ = 0;
    std::size_t target_end_ = 0;
    bool finished_ = false;
};

/// Builds the HTTP request of one call of `Op`. On failure nothing may be sent.
inline error_code add_call_headers(prepared_config const& pc, call_options const& opt, http_request& req,
                                   diagnostics* diag, bool time_zone_header = true);

template <class Op>
error_code build_request(prepared_config const& pc, request_t<Op> const& body, call_options const& opt,
                         http_request& req, diagnostics* diag) {
    namespace http = boost::beast::http;
    if (pc.error) {
        if (diag)
            *diag = pc.error_diag;
        return pc.error;
    }
    req.begin("POST");
    std::string& target = req.target_buffer();
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
    req.end_target();
    req.set(http::field::host, pc.endpoint.host_header);
    req.set(http::field::accept, "application/json");
    for (auto const& [n, v] : pc.headers)
        req.set(n, v);
    if (auto e = add_call_headers(pc, opt, req, diag))
        return e;
    if constexpr (Op::has_body) {
        req.set(http::field::content_type, "application/json; charset=utf-8");
        if (auto e = to_json(body, req.body(), diag))
            return e;
    }
    req.finish();
    return {};
}

/// Adds the per-call headers (language, culture, time zone, `call_options::headers`), validated:
/// nothing is added when one is refused.
inline error_code add_call_headers(prepared_config const& pc, call_options const& opt, http_request& req,
                                   diagnostics* diag, bool time_zone_header) {
    auto pick = [](std::string const& call_v, std::string const& client_v) -> std::string const& {
        return call_v.empty() ? client_v : call_v;
    };
    std::pair<char const*, std::string const*> const lang[] = {
        {"Accept-Language", &pick(opt.accept_language, pc.accept_language)},
        {"SO-Language", &pick(opt.so_language, pc.so_language)},
        {"SO-Culture", &pick(opt.so_culture, pc.so_culture)},
        {"SO-TimeZone", &pick(opt.so_time_zone, pc.so_time_zone)},
    };
    // everything is checked before anything is added
    for (auto const& [n, v] : lang)
        if (!v->empty() && !valid_header_value(*v)) {
            header_list scratch;
            return add_header(scratch, n, *v, diag);
        }
    for (auto const& [n, v] : opt.headers)
        if (!valid_header_name(n) || !valid_header_value(v)) {
            header_list scratch;
            return add_header(scratch, n, v, diag);
        }
    for (auto const& [n, v] : lang)
        if (!v->empty() && (time_zone_header || std::string_view(n) != "SO-TimeZone"))
            req.set(n, *v);
    for (auto const& [n, v] : opt.headers)
        req.set(n, v);
    return {};
}

} // namespace superoffice::erpsync::detail

#endif
