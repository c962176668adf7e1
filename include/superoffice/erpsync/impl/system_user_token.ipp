//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_SYSTEM_USER_TOKEN_IPP
#define SO_ERPSYNC_IMPL_SYSTEM_USER_TOKEN_IPP

// The signed system-user token, out of line: included by `system_user_token.hpp` in header-only
// builds, compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/system_user_token.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail::sut {

/// The longest signed token checked (a 16384-bit signature and a long token fit easily).
inline constexpr std::size_t max_signed_size = 64 * 1024;

/// `t` as `yyyyMMddHHmm` in UTC (minutes truncated toward the past, 24-hour clock).
inline std::string format_minute(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss<minutes> hms{floor<minutes>(t - day)};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u%02d%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
    return buf;
}

/// Reads `yyyyMMddHHmm` (exactly 12 digits, a real date and time) as a UTC minute.
inline bool parse_minute(std::string_view s, std::chrono::system_clock::time_point& out) {
    using namespace std::chrono;
    if (s.size() != 12)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    auto num = [&](std::size_t pos, std::size_t n) {
        int v = 0;
        for (std::size_t i = pos; i < pos + n; ++i)
            v = v * 10 + (s[i] - '0');
        return v;
    };
    year_month_day ymd{year(num(0, 4)), month(static_cast<unsigned>(num(4, 2))),
                       day(static_cast<unsigned>(num(6, 2)))};
    int h = num(8, 2), m = num(10, 2);
    if (!ymd.ok() || h > 23 || m > 59)
        return false;
    // system_clock counts nanoseconds on some platforms: years past 2262 do not fit
    if (ymd.year() < year(1678) || ymd.year() > year(2261))
        return false;
    out = sys_days(ymd) + hours(h) + minutes(m);
    return true;
}

} // namespace superoffice::erpsync::detail::sut

SO_ERPSYNC_DECL std::string
superoffice::erpsync::sign_system_user_token(std::string_view system_user_token, rsa_key const& key,
                                             std::chrono::system_clock::time_point now, error_code& ec) {
    std::string data = std::string(system_user_token) + "." + detail::sut::format_minute(now);
    std::string signature = key.sign_sha256(data, ec);
    if (ec)
        return {};
    return data + "." + detail::base64(signature);
}

SO_ERPSYNC_DECL superoffice::erpsync::signed_system_user_token
superoffice::erpsync::check_signed_system_user_token(std::string_view signed_token, rsa_key const& public_key,
                                                     std::chrono::system_clock::time_point now,
                                                     std::chrono::seconds window, error_code& ec) {
    ec = {};
    if (public_key.empty()) {
        ec = error::invalid_key;
        return {};
    }
    // token "." timestamp "." signature; the token itself may hold dots
    auto bad_shape = [&] {
        ec = error::auth_invalid_signature;
        return signed_system_user_token{};
    };
    if (signed_token.size() > detail::sut::max_signed_size)
        return bad_shape();
    auto sig_dot = signed_token.rfind('.');
    if (sig_dot == std::string_view::npos || sig_dot == 0)
        return bad_shape();
    auto ts_dot = signed_token.rfind('.', sig_dot - 1);
    if (ts_dot == std::string_view::npos || ts_dot == 0)
        return bad_shape();
    std::string_view token = signed_token.substr(0, ts_dot);
    std::string_view stamp = signed_token.substr(ts_dot + 1, sig_dot - ts_dot - 1);
    auto signature = detail::base64_decode(signed_token.substr(sig_dot + 1));
    signed_system_user_token out;
    if (!detail::sut::parse_minute(stamp, out.signed_at) || !signature || signature->empty())
        return bad_shape();

    // `now` within `window` of the minute the timestamp names ([signed_at, signed_at + 1 min))
    auto minute_end = out.signed_at + std::chrono::minutes(1);
    if (now + window < out.signed_at || now - window >= minute_end) {
        ec = error::auth_invalid_timestamp;
        return {};
    }
    if (!public_key.verify_sha256(signed_token.substr(0, sig_dot), *signature)) {
        ec = error::auth_invalid_signature;
        return {};
    }
    out.token = std::string(token);
    return out;
}

#endif
