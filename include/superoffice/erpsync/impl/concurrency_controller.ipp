//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_CONCURRENCY_CONTROLLER_IPP
#define SO_ERPSYNC_IMPL_CONCURRENCY_CONTROLLER_IPP

// The adaptive concurrency controller, out of line: included by `detail/concurrency_controller.hpp`
// in header-only builds, compiled once by `superoffice/erpsync/src.hpp` with
// SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/concurrency_controller.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <stdexcept>

SO_ERPSYNC_DECL
superoffice::erpsync::detail::concurrency_controller::concurrency_controller(
    adaptive_concurrency const& settings, std::size_t maximum)
    : cfg_(settings), max_(static_cast<double>(std::max<std::size_t>(1, maximum))), min_(max_), limit_(max_),
      limit_now_(std::max<std::size_t>(1, maximum)) {
    if (char const* p = cfg_.problem())
        throw std::invalid_argument(p);
    if (!cfg_.enabled)
        return;
    min_ = std::min(max_, static_cast<double>(cfg_.min_limit));
    set_limit(static_cast<double>(cfg_.initial_limit));
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::concurrency_controller::set_limit(double l) {
    limit_ = std::clamp(l, min_, max_);
    limit_now_ = static_cast<std::size_t>(std::floor(limit_));
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::concurrency_controller::reset_round() {
    round_successes_ = 0;
    round_latency_sum_ = 0;
    round_samples_ = 0;
}

SO_ERPSYNC_DECL bool
superoffice::erpsync::detail::concurrency_controller::cooling(clock::time_point now) const {
    if (!last_decrease_)
        return false;
    clock::duration const quiet = std::max<clock::duration>(cfg_.cooldown, srtt_);
    return now < *last_decrease_ + quiet;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::concurrency_controller::decrease(clock::time_point now,
                                                                                    bool by_latency) {
    set_limit(limit_ * cfg_.decrease_factor);
    last_decrease_ = now;
    reset_round();
    ++decreases_;
    if (by_latency)
        ++latency_decreases_;
}

SO_ERPSYNC_DECL std::optional<superoffice::erpsync::detail::concurrency_controller::clock::duration>
superoffice::erpsync::detail::concurrency_controller::baseline() const noexcept {
    if (cur_min_ && prev_min_)
        return std::min(*cur_min_, *prev_min_);
    return cur_min_ ? cur_min_ : prev_min_;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::concurrency_controller::on_success(clock::duration latency,
                                                                                      clock::time_point now) {
    if (!cfg_.enabled)
        return;
    latency = std::max(latency, clock::duration::zero());
    // the baseline: the minimum over the current window and the one before it
    if (!window_start_) {
        window_start_ = now;
        cur_min_ = latency;
    } else if (now - *window_start_ >= cfg_.baseline_window) {
        prev_min_ = now - *window_start_ < 2 * cfg_.baseline_window ? cur_min_ : std::nullopt;
        cur_min_ = latency;
        window_start_ = now;
    } else {
        cur_min_ = std::min(*cur_min_, latency);
    }
    srtt_ = srtt_ == clock::duration::zero() ? latency : srtt_ + (latency - srtt_) / 8;

    if (last_decrease_ && now - latency < *last_decrease_)
        return; // sent under the limit before the last decrease
    ++round_successes_;
    ++round_samples_;
    round_latency_sum_ += static_cast<double>(latency.count());
    if (round_successes_ < limit_now_)
        return;
    // a round of `limit` successes: grow, unless latency says the server is queueing
    double const mean = round_latency_sum_ / static_cast<double>(round_samples_);
    auto const base = baseline();
    bool const congested =
        cfg_.latency_ratio > 0 && base && mean > cfg_.latency_ratio * static_cast<double>(base->count());
    if (!congested) {
        set_limit(limit_ + static_cast<double>(cfg_.additive_increase));
    } else if (!cooling(now)) {
        decrease(now, true); // starts a new round
        return;
    }
    reset_round();
}

SO_ERPSYNC_DECL void
superoffice::erpsync::detail::concurrency_controller::on_overload(clock::time_point now) {
    if (!cfg_.enabled || cooling(now))
        return;
    decrease(now, false);
}

SO_ERPSYNC_DECL void
superoffice::erpsync::detail::concurrency_controller::on_overload(clock::duration latency,
                                                                  clock::time_point now) {
    if (!cfg_.enabled)
        return;
    if (last_decrease_ && (now - std::max(latency, clock::duration::zero()) < *last_decrease_ ||
                           now < *last_decrease_ + clock::duration(cfg_.cooldown)))
        return; // sent before the last decrease, or within the cool-down
    decrease(now, false);
}

#endif
