//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_QUERY_PARAMS_IPP
#define SO_ERPSYNC_IMPL_QUERY_PARAMS_IPP

// Percent-encoding and -decoding, out of line: included by `detail/query_params.hpp` in
// header-only builds, compiled once by `superoffice/erpsync/src.hpp` with
// SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/query_params.hpp>

#include <string>
#include <string_view>

SO_ERPSYNC_DECL std::string superoffice::erpsync::detail::encode_query_value(std::string_view v) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(v.size());
    for (char ch : v) {
        auto c = static_cast<unsigned char>(ch);
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == '_' || c == '~' || c == ',' || c == '/';
        if (keep) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::detail::percent_decode(std::string_view s) {
    auto hexval = [](char c) -> int {
        return c >= '0' && c <= '9'   ? c - '0'
               : c >= 'a' && c <= 'f' ? c - 'a' + 10
               : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                      : -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out += static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

#endif
