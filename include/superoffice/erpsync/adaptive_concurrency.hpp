//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_ADAPTIVE_CONCURRENCY_HPP
#define SO_ERPSYNC_ADAPTIVE_CONCURRENCY_HPP

/// @file
/// `adaptive_concurrency`: settings of a concurrency limit that follows what the server can take
/// (additive increase, multiplicative decrease), below a configured maximum.

#include <chrono>
#include <cstddef>

namespace superoffice::erpsync {

/// Settings of an adaptive concurrency limit: how many calls may be in flight at once, found
/// by additive increase and multiplicative decrease (AIMD, as TCP finds its window), never above
/// the maximum the caller configured (e.g. `bulk_options::concurrency`) and never below
/// `min_limit`.
///
/// @par How the limit moves
/// - **Increase**: each time `limit` calls have succeeded (about one round trip at the current
///   limit), the limit grows by `additive_increase`. Calls sent before the last decrease do not
///   count: they tell nothing about the new limit.
/// - **Decrease on overload**: a 429 Too Many Requests or 503 Service Unavailable multiplies the
///   limit by `decrease_factor` as the answer arrives (before the call retries: a call refused
///   again and again is heard at its first refusal, not when it finally completes), at most once
///   per round trip: overloads within `max(cooldown, smoothed latency)` of a decrease, or met by
///   calls sent before it (their retries included), belong to the same burst and change
///   nothing. A call that met one does not count as a success.
/// - **Decrease on latency**: at the end of each round of `limit` successes, when the mean latency
///   of that round's calls exceeds `latency_ratio` times the baseline (the smallest latency seen
///   within the last one to two `baseline_window`s), the limit decreases as on overload: queues
///   are growing somewhere, before anything is refused.
///
/// The limit is kept as a real number and used rounded down, so that a decrease by 0.5 from 3
/// gives 1 and growth from there takes whole rounds.
struct adaptive_concurrency {
    /// Adapt the limit; false (the default): the configured maximum is used as it is.
    bool enabled = false;
    /// The limit to start from (clamped to [`min_limit`, the maximum]).
    std::size_t initial_limit = 1;
    /// The smallest limit (at least 1).
    std::size_t min_limit = 1;
    /// Growth of the limit per round of `limit` successes (at least 1).
    std::size_t additive_increase = 1;
    /// The limit is multiplied by this on overload or high latency; in (0, 1). The default, 0.7
    /// (TCP CUBIC's), keeps the limit near a server's capacity: with 0.5 (TCP Reno's halving) the
    /// sawtooth spends half its time well below it (a simulated server serving 4 calls at a time,
    /// in the unit tests: 81 % of a fixed client's throughput with 0.5, 94 % with 0.7).
    double decrease_factor = 0.7;
    /// A round whose mean latency exceeds this times the baseline counts as congestion; 0: latency
    /// is not a signal (only 429 and 503 are). Otherwise greater than 1.
    double latency_ratio = 2.0;
    /// How far back the baseline latency (the minimum) looks: between one and two of these.
    std::chrono::milliseconds baseline_window{10000};
    /// The least time between two decreases; the smoothed latency (one round trip) when larger.
    std::chrono::milliseconds cooldown{0};

    /// Nullptr when the settings are usable, otherwise an English sentence naming the bad one.
    /// (Disabled settings are always usable.)
    constexpr char const* problem() const noexcept {
        if (!enabled)
            return nullptr;
        if (min_limit < 1)
            return "adaptive_concurrency: min_limit must be at least 1";
        if (additive_increase < 1)
            return "adaptive_concurrency: additive_increase must be at least 1";
        if (!(decrease_factor > 0 && decrease_factor < 1))
            return "adaptive_concurrency: decrease_factor must be greater than 0 and less than 1";
        if (!(latency_ratio == 0 || latency_ratio > 1))
            return "adaptive_concurrency: latency_ratio must be 0 (off) or greater than 1";
        if (baseline_window.count() <= 0)
            return "adaptive_concurrency: baseline_window must be positive";
        if (cooldown.count() < 0)
            return "adaptive_concurrency: cooldown must not be negative";
        return nullptr;
    }
};

} // namespace superoffice::erpsync

#endif
