//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_TIME_IPP
#define SO_ERPSYNC_IMPL_TIME_IPP

// `timestamp` and `time_span` parsing and formatting, out of line: included by `time.hpp` in
// header-only builds, compiled once by `superoffice/erpsync/src.hpp` with
// SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/time.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

inline constexpr std::int64_t ticks_per_second = 10'000'000;
inline constexpr std::int64_t ticks_per_minute = 60 * ticks_per_second;
inline constexpr std::int64_t ticks_per_hour = 60 * ticks_per_minute;
inline constexpr std::int64_t ticks_per_day = 24 * ticks_per_hour;
inline constexpr int max_offset_minutes = 14 * 60;
inline constexpr int max_fraction_digits = 7;
inline constexpr std::size_t max_number_digits = 20;

static_assert(std::chrono::sys_days(std::chrono::year(1) / 1 / 1).time_since_epoch().count() *
                  ticks_per_day ==
              min_date_ticks);
static_assert(std::chrono::sys_days(std::chrono::year(10000) / 1 / 1).time_since_epoch().count() *
                      ticks_per_day -
                  1 ==
              max_date_ticks);

/// Reads ASCII text left to right.
class text_cursor {
public:
    explicit text_cursor(std::string_view s) noexcept : s_(s) {}

    bool at_end() const noexcept { return i_ == s_.size(); }
    char peek() const noexcept { return i_ < s_.size() ? s_[i_] : '\0'; }
    bool eat(char c) noexcept {
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    /// Exactly `n` digits.
    bool fixed(int n, int& out) noexcept {
        if (s_.size() - i_ < static_cast<std::size_t>(n))
            return false;
        int v = 0;
        for (int k = 0; k < n; ++k) {
            char c = s_[i_ + static_cast<std::size_t>(k)];
            if (c < '0' || c > '9')
                return false;
            v = v * 10 + (c - '0');
        }
        i_ += static_cast<std::size_t>(n);
        out = v;
        return true;
    }
    /// The run of digits here (possibly empty), consumed.
    std::string_view digits() noexcept {
        std::size_t j = i_;
        while (j < s_.size() && s_[j] >= '0' && s_[j] <= '9')
            ++j;
        std::string_view r = s_.substr(i_, j - i_);
        i_ = j;
        return r;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
};

/// A run of decimal digits as a number: nullptr on success, else the reason.
inline char const* to_number(std::string_view digits, std::uint64_t& out) noexcept {
    if (digits.empty())
        return "expected a number";
    if (digits.size() > max_number_digits)
        return "a number has too many digits";
    std::uint64_t v = 0;
    for (char c : digits) {
        auto const d = static_cast<std::uint64_t>(c - '0');
        if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
            return "a number is out of range";
        v = v * 10 + d;
    }
    out = v;
    return nullptr;
}

/// The fractional digits after the decimal sign as ticks: nullptr on success, else the reason.
inline char const* to_fraction(std::string_view digits, std::int64_t& out) noexcept {
    if (digits.empty())
        return "a decimal sign must be followed by digits";
    if (digits.size() > static_cast<std::size_t>(max_fraction_digits))
        return "more than 7 fractional digits: .NET keeps time in 100 ns ticks";
    std::int64_t v = 0;
    for (std::size_t k = 0; k < static_cast<std::size_t>(max_fraction_digits); ++k)
        v = v * 10 + (k < digits.size() ? digits[k] - '0' : 0);
    out = v;
    return nullptr;
}

/// `acc += v * unit`, false (and `acc` unchanged) when the result would exceed `limit`.
constexpr bool add_scaled(std::uint64_t& acc, std::uint64_t v, std::uint64_t unit,
                          std::uint64_t limit) noexcept {
    if (acc > limit || (v != 0 && v > (limit - acc) / unit))
        return false;
    acc += v * unit;
    return true;
}

/// Appends `v` in decimal, zero-padded to at least `width` digits.
inline void append_number(std::string& out, std::uint64_t v, int width = 1) {
    char buf[24];
    char* p = buf + sizeof buf;
    do {
        *--p = static_cast<char>('0' + v % 10);
        v /= 10;
        --width;
    } while (v != 0 || width > 0);
    out.append(p, buf + sizeof buf);
}

/// Appends a tick fraction (0 < frac < 10^7) as 7 digits, or trimmed of trailing zeros.
inline void append_fraction(std::string& out, std::int64_t frac, bool trim) {
    char buf[max_fraction_digits];
    for (int k = max_fraction_digits - 1; k >= 0; --k) {
        buf[k] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    int n = max_fraction_digits;
    while (trim && n > 1 && buf[n - 1] == '0')
        --n;
    out += '.';
    out.append(buf, static_cast<std::size_t>(n));
}

constexpr bool in_date_range(std::int64_t t) noexcept {
    return t >= min_date_ticks && t <= max_date_ticks;
}

/// `DateTimeOffset`'s rules: the offset within ±14:00, the instant and its wall clock in range.
constexpr bool valid_timestamp(std::int64_t utc, std::int64_t offset_minutes) noexcept {
    return offset_minutes >= -max_offset_minutes && offset_minutes <= max_offset_minutes &&
           in_date_range(utc) && in_date_range(utc + offset_minutes * ticks_per_minute);
}

} // namespace superoffice::erpsync::detail

[[noreturn]] SO_ERPSYNC_DECL void superoffice::erpsync::detail::throw_timestamp_out_of_range() {
    throw std::out_of_range("superoffice::erpsync::timestamp: the time is outside 0001-01-01 to 9999-12-31 "
                            "or the offset exceeds 14 hours");
}

SO_ERPSYNC_DECL superoffice::erpsync::timestamp
superoffice::erpsync::timestamp::make(time_point instant, std::chrono::minutes offset, timestamp_kind kind) {
    if (!detail::valid_timestamp(instant.time_since_epoch().count(), offset.count()))
        detail::throw_timestamp_out_of_range();
    timestamp t;
    t.utc_ = instant;
    t.offset_ = offset;
    t.kind_ = kind;
    return t;
}

SO_ERPSYNC_DECL superoffice::erpsync::timestamp
superoffice::erpsync::timestamp::from_utc(time_point instant) {
    return make(instant, std::chrono::minutes(0), timestamp_kind::utc);
}

SO_ERPSYNC_DECL superoffice::erpsync::timestamp
superoffice::erpsync::timestamp::from_utc(time_point instant, std::chrono::minutes offset) {
    return make(instant, offset, timestamp_kind::offset);
}

SO_ERPSYNC_DECL superoffice::erpsync::timestamp
superoffice::erpsync::timestamp::from_local(local_time_point wall, std::chrono::minutes offset) {
    // checked before the subtraction, which could overflow otherwise
    if (offset.count() < -detail::max_offset_minutes || offset.count() > detail::max_offset_minutes ||
        !detail::in_date_range(wall.time_since_epoch().count()))
        detail::throw_timestamp_out_of_range();
    return make(time_point(wall.time_since_epoch() - offset), offset, timestamp_kind::offset);
}

SO_ERPSYNC_DECL superoffice::erpsync::timestamp
superoffice::erpsync::timestamp::from_unspecified(local_time_point wall) {
    return make(time_point(wall.time_since_epoch()), std::chrono::minutes(0), timestamp_kind::unspecified);
}

SO_ERPSYNC_DECL std::optional<superoffice::erpsync::timestamp>
superoffice::erpsync::timestamp::parse(std::string_view text, std::string* error) {
    using namespace detail;
    auto fail = [error](char const* why) -> std::optional<timestamp> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (text.empty())
        return fail("the text is empty");

    std::int64_t utc = 0;
    int offset = 0;
    timestamp_kind kind = timestamp_kind::unspecified;

    if (text.starts_with("/Date(")) {
        // /Date(ms)/ or /Date(ms+hhmm)/: milliseconds since 1970 UTC, then the offset if any
        constexpr char const* form = "expected /Date(milliseconds)/ or /Date(milliseconds+hhmm)/";
        if (!text.ends_with(")/") || text.size() < 8)
            return fail(form);
        text_cursor c(text.substr(6, text.size() - 8));
        bool const negative = c.eat('-');
        std::uint64_t ms = 0;
        if (char const* why = to_number(c.digits(), ms))
            return fail(why);
        constexpr std::uint64_t min_ms = static_cast<std::uint64_t>(-(min_date_ticks / 10'000));
        constexpr std::uint64_t max_ms = static_cast<std::uint64_t>(max_date_ticks / 10'000);
        if (ms > (negative ? min_ms : max_ms))
            return fail("the date is outside 0001-01-01 to 9999-12-31");
        utc = (negative ? -static_cast<std::int64_t>(ms) : static_cast<std::int64_t>(ms)) * 10'000;
        kind = timestamp_kind::utc;
        if (!c.at_end()) {
            bool const west = c.peek() == '-';
            int hhmm = 0;
            if (!(c.eat('+') || c.eat('-')) || !c.fixed(4, hhmm) || !c.at_end())
                return fail(form);
            if (hhmm % 100 > 59)
                return fail("the offset minutes must be 00 to 59");
            offset = hhmm / 100 * 60 + hhmm % 100;
            if (offset > max_offset_minutes)
                return fail("the offset must be within -14:00 to +14:00");
            if (west)
                offset = -offset;
            kind = timestamp_kind::offset;
        }
    } else {
        text_cursor c(text);
        int y = 0, mo = 0, d = 0;
        if (!c.fixed(4, y) || !c.eat('-') || !c.fixed(2, mo) || !c.eat('-') || !c.fixed(2, d))
            return fail("expected a date as YYYY-MM-DD");
        if (y < 1)
            return fail("the year must be 0001 to 9999");
        if (mo < 1 || mo > 12)
            return fail("the month must be 01 to 12");
        std::chrono::year_month_day const ymd{std::chrono::year(y),
                                              std::chrono::month(static_cast<unsigned>(mo)),
                                              std::chrono::day(static_cast<unsigned>(d))};
        if (!ymd.ok())
            return fail("the day does not exist in that month");
        std::int64_t wall = std::chrono::sys_days(ymd).time_since_epoch().count() * ticks_per_day;
        if (!c.at_end()) {
            if (!(c.eat('T') || c.eat('t') || c.eat(' ')))
                return fail("expected T or a space between the date and the time");
            int h = 0, mi = 0, s = 0;
            std::int64_t frac = 0;
            if (!c.fixed(2, h) || !c.eat(':') || !c.fixed(2, mi))
                return fail("expected a time as hh:mm:ss");
            if (c.eat(':')) {
                if (!c.fixed(2, s))
                    return fail("expected a time as hh:mm:ss");
                if (c.eat('.'))
                    if (char const* why = to_fraction(c.digits(), frac))
                        return fail(why);
            }
            if (h > 23)
                return fail("the hour must be 00 to 23");
            if (mi > 59)
                return fail("the minute must be 00 to 59");
            if (s > 59)
                return fail("the second must be 00 to 59");
            wall += h * ticks_per_hour + mi * ticks_per_minute + s * ticks_per_second + frac;
            if (c.eat('Z') || c.eat('z')) {
                kind = timestamp_kind::utc;
            } else if (c.peek() == '+' || c.peek() == '-') {
                bool const west = c.eat('-');
                c.eat('+');
                int oh = 0, om = 0;
                if (!c.fixed(2, oh) || (c.eat(':'), !c.fixed(2, om)))
                    return fail("expected an offset as +hh:mm or -hh:mm");
                if (om > 59)
                    return fail("the offset minutes must be 00 to 59");
                offset = oh * 60 + om;
                if (offset > max_offset_minutes)
                    return fail("the offset must be within -14:00 to +14:00");
                if (west)
                    offset = -offset;
                kind = timestamp_kind::offset;
            }
            if (!c.at_end())
                return fail("unexpected text after the time");
        }
        utc = wall - offset * ticks_per_minute;
    }
    if (!valid_timestamp(utc, offset))
        return fail("the instant in UTC is outside 0001-01-01 to 9999-12-31");
    timestamp t;
    t.utc_ = time_point(ticks(utc));
    t.offset_ = std::chrono::minutes(offset);
    t.kind_ = kind;
    return t;
}

SO_ERPSYNC_DECL void superoffice::erpsync::timestamp::append_to(std::string& out) const {
    using namespace detail;
    std::int64_t const wall = local().time_since_epoch().count(); // >= min_date_ticks
    std::int64_t days = wall / ticks_per_day;
    std::int64_t tod = wall % ticks_per_day;
    if (tod < 0) {
        --days;
        tod += ticks_per_day;
    }
    std::chrono::year_month_day const ymd{std::chrono::sys_days(std::chrono::days(days))};
    append_number(out, static_cast<std::uint64_t>(static_cast<int>(ymd.year())), 4);
    out += '-';
    append_number(out, static_cast<unsigned>(ymd.month()), 2);
    out += '-';
    append_number(out, static_cast<unsigned>(ymd.day()), 2);
    out += 'T';
    append_number(out, static_cast<std::uint64_t>(tod / ticks_per_hour), 2);
    out += ':';
    append_number(out, static_cast<std::uint64_t>(tod / ticks_per_minute % 60), 2);
    out += ':';
    append_number(out, static_cast<std::uint64_t>(tod / ticks_per_second % 60), 2);
    if (std::int64_t const frac = tod % ticks_per_second)
        append_fraction(out, frac, true);
    switch (kind_) {
    case timestamp_kind::unspecified:
        break;
    case timestamp_kind::utc:
        out += 'Z';
        break;
    case timestamp_kind::offset: {
        auto const m = offset_.count();
        out += m < 0 ? '-' : '+';
        auto const a = static_cast<std::uint64_t>(m < 0 ? -m : m);
        append_number(out, a / 60, 2);
        out += ':';
        append_number(out, a % 60, 2);
        break;
    }
    }
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::timestamp::to_string() const {
    std::string s;
    append_to(s);
    return s;
}

// ----------------------------------------------------------------------------------------
// time_span

namespace superoffice::erpsync::detail {

/// `[d.]hh:mm[:ss[.fffffff]]` after the sign: the magnitude in ticks, nullptr on success.
inline char const* parse_dotnet_span(text_cursor& c, std::uint64_t limit, std::uint64_t& out) noexcept {
    constexpr char const* form = "expected [-][d.]hh:mm:ss[.fffffff]";
    std::uint64_t days = 0, h = 0, m = 0, s = 0;
    std::int64_t frac = 0;
    std::string_view first = c.digits();
    if (first.empty())
        return form;
    std::string_view hours = first;
    if (c.eat('.')) {
        if (char const* why = to_number(first, days))
            return why;
        hours = c.digits();
    }
    if (!c.eat(':'))
        return form;
    std::string_view minutes = c.digits(), seconds;
    bool const has_seconds = c.eat(':');
    if (has_seconds) {
        seconds = c.digits();
        if (c.eat('.'))
            if (char const* why = to_fraction(c.digits(), frac))
                return why;
    }
    if (!c.at_end())
        return form;
    auto bad = [](std::string_view d) { return d.empty() || d.size() > 2; };
    if (bad(hours) || bad(minutes) || (has_seconds && bad(seconds)))
        return "hours, minutes and seconds have one or two digits";
    to_number(hours, h);
    to_number(minutes, m);
    if (has_seconds)
        to_number(seconds, s);
    if (h > 23)
        return "the hours must be 0 to 23 (use days: 1.00:00:00)";
    if (m > 59)
        return "the minutes must be 0 to 59";
    if (s > 59)
        return "the seconds must be 0 to 59";
    std::uint64_t acc = 0;
    if (!add_scaled(acc, days, ticks_per_day, limit) || !add_scaled(acc, h, ticks_per_hour, limit) ||
        !add_scaled(acc, m, ticks_per_minute, limit) || !add_scaled(acc, s, ticks_per_second, limit) ||
        !add_scaled(acc, static_cast<std::uint64_t>(frac), 1, limit))
        return "the time span is out of range";
    out = acc;
    return nullptr;
}

/// `P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]` after the sign: the magnitude in ticks, nullptr on success.
inline char const* parse_iso_span(text_cursor& c, std::uint64_t limit, std::uint64_t& out) noexcept {
    // component order: Y M W D | H M S
    constexpr std::uint64_t unit[] = {
        0, 0, 7 * ticks_per_day, ticks_per_day, ticks_per_hour, ticks_per_minute, ticks_per_second};
    if (!c.eat('P'))
        return "expected an ISO 8601 duration starting with P";
    std::uint64_t acc = 0;
    bool in_time = false, any = false;
    int last = -1;
    while (!c.at_end()) {
        if (c.eat('T')) {
            if (in_time)
                return "T appears twice";
            if (c.at_end())
                return "T must be followed by hours, minutes or seconds";
            in_time = true;
            continue;
        }
        std::uint64_t v = 0;
        if (char const* why = to_number(c.digits(), v))
            return why;
        std::int64_t frac = 0;
        bool const has_frac = c.eat('.') || c.eat(',');
        if (has_frac)
            if (char const* why = to_fraction(c.digits(), frac))
                return why;
        int idx = -1;
        switch (c.peek()) {
        case 'Y':
            idx = in_time ? -1 : 0;
            break;
        case 'M':
            idx = in_time ? 5 : 1;
            break;
        case 'W':
            idx = in_time ? -1 : 2;
            break;
        case 'D':
            idx = in_time ? -1 : 3;
            break;
        case 'H':
            idx = in_time ? 4 : -1;
            break;
        case 'S':
            idx = in_time ? 6 : -1;
            break;
        default:
            break;
        }
        if (idx < 0)
            return "expected a unit: Y, M, W or D before T; H, M or S after it";
        c.eat(c.peek());
        if (idx <= last)
            return "the components must come in the order Y, M, W, D, T, H, M, S, each at most once";
        if (has_frac && idx != 6)
            return "only the seconds may have a fraction";
        if (idx <= 1) {
            if (v != 0)
                return "years and months have no fixed length: give days or hours (P30D, PT36H)";
        } else if (!add_scaled(acc, v, unit[idx], limit) ||
                   !add_scaled(acc, static_cast<std::uint64_t>(frac), 1, limit)) {
            return "the duration is out of range";
        }
        last = idx;
        any = true;
    }
    if (!any)
        return "expected at least one component, such as PT5M or P1D";
    out = acc;
    return nullptr;
}

} // namespace superoffice::erpsync::detail

SO_ERPSYNC_DECL std::optional<superoffice::erpsync::time_span>
superoffice::erpsync::time_span::parse(std::string_view text, std::string* error) {
    if (text.empty()) {
        if (error)
            *error = "the text is empty";
        return std::nullopt;
    }
    detail::text_cursor c(text);
    bool const negative = c.eat('-');
    bool const iso = c.peek() == 'P';
    // the magnitude may reach 2^63 only for a negative value (TimeSpan.MinValue)
    std::uint64_t const limit =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
    std::uint64_t mag = 0;
    char const* why = iso ? detail::parse_iso_span(c, limit, mag) : detail::parse_dotnet_span(c, limit, mag);
    if (why) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    time_span r;
    // two's complement negation of the magnitude, well defined for 2^63 too
    r.ticks_ = ticks(negative ? static_cast<std::int64_t>(0 - mag) : static_cast<std::int64_t>(mag));
    r.style_ = iso ? time_span_style::iso8601 : time_span_style::dotnet;
    return r;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::time_span::to_dotnet_string() const {
    using namespace detail;
    std::string out;
    std::int64_t const t = ticks_.count();
    std::uint64_t const mag = t < 0 ? 0 - static_cast<std::uint64_t>(t) : static_cast<std::uint64_t>(t);
    std::uint64_t const days = mag / ticks_per_day;
    std::uint64_t const rem = mag % ticks_per_day;
    if (t < 0)
        out += '-';
    if (days != 0) {
        append_number(out, days);
        out += '.';
    }
    append_number(out, rem / ticks_per_hour, 2);
    out += ':';
    append_number(out, rem / ticks_per_minute % 60, 2);
    out += ':';
    append_number(out, rem / ticks_per_second % 60, 2);
    if (std::uint64_t const frac = rem % ticks_per_second)
        append_fraction(out, static_cast<std::int64_t>(frac), false);
    return out;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::time_span::to_iso8601_string() const {
    using namespace detail;
    std::string out;
    std::int64_t const t = ticks_.count();
    std::uint64_t const mag = t < 0 ? 0 - static_cast<std::uint64_t>(t) : static_cast<std::uint64_t>(t);
    std::uint64_t const days = mag / ticks_per_day;
    std::uint64_t const rem = mag % ticks_per_day;
    std::uint64_t const h = rem / ticks_per_hour, m = rem / ticks_per_minute % 60,
                        s = rem / ticks_per_second % 60, frac = rem % ticks_per_second;
    if (t < 0)
        out += '-';
    out += 'P';
    if (days != 0) {
        append_number(out, days);
        out += 'D';
    }
    if (rem != 0 || days == 0) {
        out += 'T';
        if (h != 0) {
            append_number(out, h);
            out += 'H';
        }
        if (m != 0) {
            append_number(out, m);
            out += 'M';
        }
        if (s != 0 || frac != 0 || rem == 0) {
            append_number(out, s);
            if (frac != 0)
                append_fraction(out, static_cast<std::int64_t>(frac), true);
            out += 'S';
        }
    }
    return out;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::time_span::to_string() const {
    return style_ == time_span_style::iso8601 ? to_iso8601_string() : to_dotnet_string();
}

SO_ERPSYNC_DECL void superoffice::erpsync::time_span::append_to(std::string& out) const {
    out += to_string();
}

#endif
