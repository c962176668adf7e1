//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_LIMITER_IPP
#define SO_ERPSYNC_IMPL_LIMITER_IPP

// The limiter, out of line: included by `detail/limiter.hpp` in header-only builds, compiled once
// by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/limiter.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

SO_ERPSYNC_DECL superoffice::erpsync::detail::limiter::limiter(rate_limit cfg) : cfg_(cfg) {
    if (cfg_.requests_per_second > 0)
        interval_ = std::chrono::duration_cast<clock::duration>(
            std::chrono::duration<double>(1.0 / cfg_.requests_per_second));
    burst_ = cfg_.burst ? cfg_.burst
                        : static_cast<std::size_t>(std::max(1.0, std::floor(cfg_.requests_per_second)));
}

SO_ERPSYNC_DECL std::optional<superoffice::erpsync::detail::limiter::clock::duration>
superoffice::erpsync::detail::limiter::reserve(clock::time_point now, clock::duration max_wait) {
    if (interval_ == clock::duration::zero())
        return clock::duration::zero();
    std::lock_guard lock(m_);
    // GCRA: `tat_` is when the bucket would be full again
    auto const tat = std::max(tat_, now);
    auto const allowed_at = tat - interval_ * static_cast<long long>(burst_ - 1);
    auto const wait = allowed_at > now ? clock::duration(allowed_at - now) : clock::duration::zero();
    if (wait > max_wait)
        return std::nullopt;
    tat_ = tat + interval_;
    return wait;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::limiter::try_enter() {
    if (cfg_.max_in_flight == 0)
        return true;
    std::lock_guard lock(m_);
    if (in_flight_ < cfg_.max_in_flight) {
        ++in_flight_;
        return true;
    }
    return false;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::limiter::enter(std::shared_ptr<waiter> const& w) {
    if (cfg_.max_in_flight == 0)
        return true;
    std::lock_guard lock(m_);
    if (in_flight_ < cfg_.max_in_flight) {
        ++in_flight_;
        return true;
    }
    queue_.push_back(w);
    return false;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::limiter::leave() {
    if (cfg_.max_in_flight == 0)
        return;
    std::shared_ptr<waiter> next;
    {
        std::lock_guard lock(m_);
        while (!queue_.empty()) {
            auto w = std::move(queue_.front());
            queue_.pop_front();
            if (!w->cancelled) {
                next = std::move(w);
                break;
            }
        }
        if (!next)
            --in_flight_;
    }
    if (next)
        next->go(); // the slot passes on (`go` must not complete anything inline)
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::limiter::cancel(std::shared_ptr<waiter> const& w) {
    std::lock_guard lock(m_);
    auto it = std::find(queue_.begin(), queue_.end(), w);
    if (it == queue_.end())
        return false;
    queue_.erase(it);
    w->cancelled = true;
    return true;
}

SO_ERPSYNC_DECL std::size_t superoffice::erpsync::detail::limiter::in_flight() const {
    std::lock_guard lock(m_);
    return in_flight_;
}

SO_ERPSYNC_DECL std::size_t superoffice::erpsync::detail::limiter::waiting() const {
    std::lock_guard lock(m_);
    return queue_.size();
}

#endif
