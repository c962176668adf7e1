//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_LIMITER_HPP
#define SO_ERPSYNC_DETAIL_LIMITER_HPP

// The rate limit's limiter (sans-io): a token bucket for request starts and a gate for calls in
// flight.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/rate_limit.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace superoffice::erpsync::detail {

/// The client's limiter: a token bucket for request starts (reserve-then-wait, so waiting callers
/// keep their order) and a gate for calls in flight (callers wait in a queue). Thread-safe.
class limiter {
public:
    using clock = std::chrono::steady_clock;

    /// One caller waiting at the gate.
    struct waiter {
        std::function<void()> go; // called (once) when the caller may enter
        bool cancelled = false;
    };

    SO_ERPSYNC_DECL explicit limiter(rate_limit cfg);

    /// Takes a token for one request: how long to wait before sending it (zero: now). Nullopt,
    /// taking nothing, when the wait would be longer than `max_wait`.
    SO_ERPSYNC_DECL std::optional<clock::duration> reserve(clock::time_point now = clock::now(),
                                                           clock::duration max_wait = clock::duration::max());

    /// Enters the gate if there is room now, queuing nothing.
    SO_ERPSYNC_DECL bool try_enter();

    /// Enters the gate now (true) or queues `w` (false); `w->go` is then called on release.
    SO_ERPSYNC_DECL bool enter(std::shared_ptr<waiter> const& w);

    /// Leaves the gate: the next caller still waiting enters.
    SO_ERPSYNC_DECL void leave();

    /// Marks a queued waiter as gone; true when it was still queued (it never entered).
    SO_ERPSYNC_DECL bool cancel(std::shared_ptr<waiter> const& w);

    SO_ERPSYNC_DECL std::size_t in_flight() const;
    SO_ERPSYNC_DECL std::size_t waiting() const;

private:
    rate_limit cfg_;
    clock::duration interval_{};
    std::size_t burst_ = 1;
    mutable std::mutex m_;
    clock::time_point tat_{};
    std::size_t in_flight_ = 0;
    std::deque<std::shared_ptr<waiter>> queue_;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/limiter.ipp>
#endif

#endif
