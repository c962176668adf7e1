//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_CONCURRENCY_CONTROLLER_HPP
#define SO_ERPSYNC_DETAIL_CONCURRENCY_CONTROLLER_HPP

// The adaptive concurrency limit's controller (sans-io): fed the outcome of each call with the
// time, it answers how many calls may be in flight. The policy is described at
// `adaptive_concurrency`.

#include <superoffice/erpsync/adaptive_concurrency.hpp>
#include <superoffice/erpsync/detail/config.hpp>

#include <chrono>
#include <cstddef>
#include <optional>

namespace superoffice::erpsync::detail {

/// AIMD over the number of calls in flight. No I/O and no clock of its own: every event carries
/// its time. Not thread-safe: the caller serialises the calls (e.g. under the lock that guards its
/// count of calls in flight).
class concurrency_controller {
public:
    using clock = std::chrono::steady_clock;

    /// @throws std::invalid_argument when `settings.problem()` names a bad setting.
    /// `maximum` (at least 1 is used) is never exceeded; disabled settings keep the limit there.
    SO_ERPSYNC_DECL concurrency_controller(adaptive_concurrency const& settings, std::size_t maximum);

    /// How many calls may be in flight now: in [min_limit, maximum].
    std::size_t limit() const noexcept { return limit_now_; }

    /// A call succeeded after `latency` (from sending to the answer), finishing at `now`.
    SO_ERPSYNC_DECL void on_success(clock::duration latency, clock::time_point now);

    /// A call met a 429 or 503 (retried or not) at `now`; without the call's latency, overloads
    /// within `max(cooldown, smoothed latency)` of the last decrease are the same burst.
    SO_ERPSYNC_DECL void on_overload(clock::time_point now);

    /// As above, for a call sent `latency` before `now`: ignored also when sent before the last
    /// decrease (it was sent under the old limit).
    SO_ERPSYNC_DECL void on_overload(clock::duration latency, clock::time_point now);

    /// Decreases so far (overload and latency), for reports and tests.
    std::size_t decreases() const noexcept { return decreases_; }
    /// Of those, the ones caused by latency.
    std::size_t latency_decreases() const noexcept { return latency_decreases_; }
    /// The baseline latency (the windowed minimum); nullopt before the first success.
    SO_ERPSYNC_DECL std::optional<clock::duration> baseline() const noexcept;
    /// The smoothed latency (EWMA, weight 1/8 per success); zero before the first success.
    clock::duration smoothed_latency() const noexcept { return srtt_; }

private:
    SO_ERPSYNC_DECL void decrease(clock::time_point now, bool by_latency);
    SO_ERPSYNC_DECL void set_limit(double l);
    SO_ERPSYNC_DECL bool cooling(clock::time_point now) const;
    SO_ERPSYNC_DECL void reset_round();

    adaptive_concurrency cfg_;
    double max_;
    double min_;
    double limit_;
    std::size_t limit_now_;
    // round: successes of calls sent since the last decrease, and their latency sum
    std::size_t round_successes_ = 0;
    double round_latency_sum_ = 0; // in clock ticks
    std::size_t round_samples_ = 0;
    std::optional<clock::time_point> last_decrease_{};
    // baseline: the minimum latency in the current and the previous window
    std::optional<clock::time_point> window_start_{};
    std::optional<clock::duration> cur_min_{};
    std::optional<clock::duration> prev_min_{};
    clock::duration srtt_{};
    std::size_t decreases_ = 0;
    std::size_t latency_decreases_ = 0;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/concurrency_controller.ipp>
#endif

#endif
