//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_RATE_LIMIT_HPP
#define SO_ERPSYNC_RATE_LIMIT_HPP

/// @file
/// `rate_limit`: the client-side limit on request starts and calls in flight (`client_config::limit`).

#include <cstddef>

namespace superoffice::erpsync {

/// A client-side limit on how fast and how many requests are sent. Zero means no limit.
struct rate_limit {
    /// Requests started per second, on average (a token bucket refilled at this rate).
    double requests_per_second = 0;
    /// How many requests may start at once after a quiet period (the bucket's size); 0 means
    /// `max(1, requests_per_second)`.
    std::size_t burst = 0;
    /// Calls in flight at once (waiting calls queue in order); 0: no cap.
    std::size_t max_in_flight = 0;
};

} // namespace superoffice::erpsync

#endif
