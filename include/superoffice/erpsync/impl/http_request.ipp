//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_HTTP_REQUEST_IPP
#define SO_ERPSYNC_IMPL_HTTP_REQUEST_IPP

// `http_request`, out of line: included by `detail/http_request.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/http_request.hpp>

#include <charconv>
#include <cstddef>
#include <string_view>

SO_ERPSYNC_DECL void superoffice::erpsync::detail::http_request::begin(std::string_view method) {
    head_.clear();
    body_.clear();
    finished_ = false;
    head_ += method;
    head_ += ' ';
    target_begin_ = head_.size();
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::http_request::finish() {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, body_.size());
    head_ += "Content-Length: ";
    head_.append(buf, r.ptr);
    head_ += "\r\n\r\n";
    finished_ = true;
}

SO_ERPSYNC_DECL std::string_view
superoffice::erpsync::detail::http_request::operator[](std::string_view name) const {
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

SO_ERPSYNC_DECL std::size_t superoffice::erpsync::detail::http_request::count(std::string_view name) const {
    std::size_t n = 0;
    for_each_header([&](std::string_view h, std::string_view) { n += iequals_ascii(h, name); });
    return n;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::http_request::iequals_ascii(std::string_view a,
                                                                               std::string_view b) noexcept {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

#endif
