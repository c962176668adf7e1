//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_BASE64_IPP
#define SO_ERPSYNC_IMPL_BASE64_IPP

// Base64 and base64url, out of line: included by `detail/base64.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/base64.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail::b64 {

inline constexpr char standard_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
inline constexpr char url_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

inline std::string encode(std::string_view in, char const* tab, bool pad) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(in[k])); };
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        std::uint32_t v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += tab[v >> 18 & 63], out += tab[v >> 12 & 63], out += tab[v >> 6 & 63], out += tab[v & 63];
    }
    if (i + 1 == in.size()) {
        std::uint32_t v = byte(i) << 16;
        out += tab[v >> 18 & 63], out += tab[v >> 12 & 63];
        if (pad)
            out += "==";
    } else if (i + 2 == in.size()) {
        std::uint32_t v = byte(i) << 16 | byte(i + 1) << 8;
        out += tab[v >> 18 & 63], out += tab[v >> 12 & 63], out += tab[v >> 6 & 63];
        if (pad)
            out += '=';
    }
    return out;
}

/// The 6-bit value of `c` in the alphabet (`url`: `-` and `_` instead of `+` and `/`), -1 if none.
constexpr int value_of(char c, bool url) noexcept {
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == (url ? '-' : '+'))
        return 62;
    if (c == (url ? '_' : '/'))
        return 63;
    return -1;
}

inline std::optional<std::string> decode(std::string_view in, bool url, bool padding_required) {
    // the padding: none, or what completes the last group of 4
    std::size_t pads = 0;
    while (pads < in.size() && pads < 2 && in[in.size() - 1 - pads] == '=')
        ++pads;
    if (pads > 0 || padding_required) {
        if (in.size() % 4 != 0)
            return std::nullopt;
    }
    std::string_view body = in.substr(0, in.size() - pads);
    std::size_t rest = body.size() % 4;
    if (rest == 1)
        return std::nullopt; // 6 bits cannot end a byte
    if (pads > 0 && pads != 4 - rest)
        return std::nullopt;
    std::string out;
    out.reserve(body.size() / 4 * 3 + 2);
    std::uint32_t acc = 0;
    int nbits = 0;
    for (char c : body) {
        int v = value_of(c, url);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6 | static_cast<std::uint32_t>(v)) & 0xFFFFFF;
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            out += static_cast<char>(acc >> nbits & 0xFF);
        }
    }
    if ((acc & ((1u << nbits) - 1)) != 0)
        return std::nullopt; // the unused bits of the last character must be zero (canonical form)
    return out;
}

} // namespace superoffice::erpsync::detail::b64

SO_ERPSYNC_DECL std::string superoffice::erpsync::detail::base64(std::string_view in) {
    return b64::encode(in, b64::standard_alphabet, true);
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::detail::base64url(std::string_view in) {
    return b64::encode(in, b64::url_alphabet, false);
}

SO_ERPSYNC_DECL std::optional<std::string> superoffice::erpsync::detail::base64_decode(std::string_view in) {
    return b64::decode(in, false, true);
}

SO_ERPSYNC_DECL std::optional<std::string>
superoffice::erpsync::detail::base64url_decode(std::string_view in) {
    return b64::decode(in, true, false);
}

#endif
