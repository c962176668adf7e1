//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_TIME_HPP
#define SO_ERPSYNC_IMPL_TIME_HPP

// Template bodies of `time.hpp`; the non-template ones are in `impl/time.ipp`.

#include <superoffice/erpsync/time.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <ratio>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace superoffice::erpsync {
namespace detail {

/// `d` in ticks, rounded down (`round_down`) or toward zero; nullopt when it does not fit.
template <class Rep, class Period>
std::optional<std::int64_t> to_tick_count(std::chrono::duration<Rep, Period> d, bool round_down) noexcept {
    static_assert(std::is_arithmetic_v<Rep>, "superoffice::erpsync: durations need an arithmetic count");
    using factor = std::ratio_divide<Period, ticks::period>; // ticks per unit of d
    if constexpr (std::is_floating_point_v<Rep>) {
        long double t = static_cast<long double>(d.count()) * factor::num / factor::den;
        t = round_down ? std::floor(t) : std::trunc(t);
        if (!(t >= -0x1p63L && t < 0x1p63L)) // also refuses NaN
            return std::nullopt;
        return static_cast<std::int64_t>(t);
    } else {
        if (!std::in_range<std::int64_t>(d.count()))
            return std::nullopt;
        auto c = static_cast<std::int64_t>(d.count());
        if constexpr (factor::num != 1) {
            constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / factor::num;
            if (c > limit || c < -limit)
                return std::nullopt;
            c *= factor::num;
        }
        if constexpr (factor::den != 1) {
            std::int64_t q = c / factor::den;
            if (round_down && c % factor::den < 0)
                --q;
            c = q;
        }
        return c;
    }
}

} // namespace detail

template <class Duration>
timestamp::timestamp(std::chrono::sys_time<Duration> tp) {
    auto t = detail::to_tick_count(tp.time_since_epoch(), true);
    if (!t)
        detail::throw_timestamp_out_of_range();
    *this = from_utc(time_point(ticks(*t)));
}

template <class Rep, class Period>
time_span::time_span(std::chrono::duration<Rep, Period> d, time_span_style style) : style_(style) {
    auto t = detail::to_tick_count(d, false);
    if (!t)
        throw std::out_of_range("superoffice::erpsync::time_span: the duration does not fit 64-bit ticks");
    ticks_ = ticks(*t);
}

} // namespace superoffice::erpsync

#endif
