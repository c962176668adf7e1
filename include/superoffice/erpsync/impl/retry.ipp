//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_RETRY_IPP
#define SO_ERPSYNC_IMPL_RETRY_IPP

// Which statuses are retried and `Retry-After` parsing, out of line: included by `detail/retry.hpp` in
// header-only builds, compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/retry.hpp>

#include <chrono>
#include <optional>
#include <string_view>

SO_ERPSYNC_DECL superoffice::erpsync::detail::status_retry_kind
superoffice::erpsync::detail::status_retry(unsigned status) noexcept {
    switch (status) {
    case 429:
    case 503:
        return status_retry_kind::overload;
    case 500:
    case 502:
    case 504:
        return status_retry_kind::server_error;
    default:
        return status_retry_kind::never;
    }
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::may_retry_status(retry_policy const& p, unsigned status,
                                                                    bool retry_safe) noexcept {
    if (!retry_safe && !p.retry_unsafe)
        return false;
    switch (status_retry(status)) {
    case status_retry_kind::overload:
        return true;
    case status_retry_kind::server_error:
        return p.retry_server_errors;
    default:
        return false;
    }
}

SO_ERPSYNC_DECL std::optional<std::chrono::seconds>
superoffice::erpsync::detail::parse_retry_after(std::string_view v,
                                                std::chrono::system_clock::time_point now) {
    auto ws = [](char c) { return c == ' ' || c == '\t'; };
    while (!v.empty() && ws(v.front()))
        v.remove_prefix(1);
    while (!v.empty() && ws(v.back()))
        v.remove_suffix(1);
    if (v.empty())
        return std::nullopt;
    if (v.find_first_not_of("0123456789") == std::string_view::npos) {
        if (v.size() > 9)
            return std::chrono::seconds(999999999); // absurdly long: the caller caps it
        long long s = 0;
        for (char c : v)
            s = s * 10 + (c - '0');
        return std::chrono::seconds(s);
    }
    // An HTTP date: pick out day, month name, year, hh:mm:ss whatever the form.
    static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int day = -1, month = -1, year = -1, hh = -1, mm = -1, ss = -1;
    std::size_t i = 0;
    auto number = [&](int& out, std::size_t max_digits) {
        std::size_t n = 0;
        int value = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && n < max_digits) {
            value = value * 10 + (v[i] - '0');
            ++i, ++n;
        }
        if (n == 0)
            return false;
        out = value;
        return true;
    };
    while (i < v.size()) {
        char const c = v[i];
        if (c >= '0' && c <= '9') {
            std::size_t const start = i;
            int value = 0;
            if (!number(value, 4))
                return std::nullopt;
            if (i < v.size() && v[i] == ':') { // hh:mm:ss
                hh = value;
                ++i;
                if (!number(mm, 2) || i >= v.size() || v[i] != ':')
                    return std::nullopt;
                ++i;
                if (!number(ss, 2))
                    return std::nullopt;
            } else if (i - start == 4 || (day >= 0 && month >= 0 && year < 0 && i - start == 2 && hh < 0 &&
                                          v.find('-') != std::string_view::npos)) {
                year = i - start == 2 ? (value < 70 ? 2000 + value : 1900 + value) : value;
            } else if (day < 0) {
                day = value;
            } else if (year < 0) {
                year = value < 70 ? 2000 + value : (value < 100 ? 1900 + value : value);
            } else {
                return std::nullopt;
            }
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            std::size_t const start = i;
            while (i < v.size() && ((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= 'a' && v[i] <= 'z')))
                ++i;
            std::string_view word = v.substr(start, i - start);
            for (int m = 0; m < 12; ++m)
                if (word == months[m])
                    month = m + 1;
        } else {
            ++i;
        }
    }
    if (day < 1 || day > 31 || month < 1 || year < 1970 || year > 9999 || hh < 0 || hh > 23 || mm < 0 ||
        mm > 59 || ss < 0 || ss > 60)
        return std::nullopt;
    using namespace std::chrono;
    year_month_day const ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                             std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok())
        return std::nullopt;
    auto const when = sys_days(ymd) + hours(hh) + minutes(mm) + seconds(ss);
    // in whole seconds: the system clock's nanoseconds end in 2262, a date may be up to 9999
    // (rounding `now` up: the whole seconds of `when - now`, as truncating it would give)
    auto const delta = when - ceil<seconds>(now);
    return delta.count() > 0 ? delta : seconds(0);
}

#endif
