//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_DEADLINE_WATCH_IPP
#define SO_ERPSYNC_IMPL_DEADLINE_WATCH_IPP

// `deadline_watch`, out of line: included by `detail/deadline_watch.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/deadline_watch.hpp>

#include <boost/system/error_code.hpp>

#include <utility>
#include <vector>

SO_ERPSYNC_DECL void superoffice::erpsync::detail::deadline_watch::add(entry& e) {
    std::lock_guard lock(m_);
    if (e.linked_)
        return;
    e.linked_ = true;
    e.next_ = nullptr;
    e.prev_ = tail_;
    (tail_ ? tail_->next_ : head_) = &e;
    tail_ = &e;
    size_.fetch_add(1, std::memory_order_relaxed);
    // Calls of one client mostly share a timeout, so a new deadline is mostly the latest: the
    // timer is set again only for an earlier one.
    if (!armed_ || e.deadline < armed_for_)
        arm(e.deadline);
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::deadline_watch::remove(entry& e) {
    std::lock_guard lock(m_);
    if (!e.linked_)
        return;
    e.linked_ = false;
    (e.prev_ ? e.prev_->next_ : head_) = e.next_;
    (e.next_ ? e.next_->prev_ : tail_) = e.prev_;
    e.prev_ = e.next_ = nullptr;
    if (size_.fetch_sub(1, std::memory_order_relaxed) == 1 && armed_) {
        armed_ = false;
        ++generation_;
        timer_.cancel();
    }
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::deadline_watch::armed() const {
    std::lock_guard lock(m_);
    return armed_;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::deadline_watch::arm(clock::time_point t) {
    armed_ = true;
    armed_for_ = t;
    auto const generation = ++generation_;
    timer_.expires_at(t); // a wait in progress ends (operation_aborted) and is ignored
    timer_.async_wait([w = weak_from_this(), generation](boost::system::error_code) {
        if (auto self = w.lock())
            self->on_timer(generation);
    });
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::deadline_watch::on_timer(std::uint64_t generation) {
    std::vector<std::pair<std::shared_ptr<void>, void (*)(std::shared_ptr<void> const&)>> expired;
    {
        std::lock_guard lock(m_);
        if (generation != generation_ || !armed_)
            return; // superseded, or cancelled since
        armed_ = false;
        auto const now = clock::now();
        bool any = false;
        clock::time_point next{};
        for (entry* e = head_; e;) {
            entry* const following = e->next_;
            if (e->deadline <= now) {
                e->linked_ = false;
                (e->prev_ ? e->prev_->next_ : head_) = e->next_;
                (e->next_ ? e->next_->prev_ : tail_) = e->prev_;
                e->prev_ = e->next_ = nullptr;
                size_.fetch_sub(1, std::memory_order_relaxed);
                // null when the call is being destroyed: it is past caring
                if (auto owner = e->owner.lock())
                    expired.emplace_back(std::move(owner), e->expire);
            } else if (!any || e->deadline < next) {
                any = true;
                next = e->deadline;
            }
            e = following;
        }
        if (any)
            arm(next);
    }
    for (auto const& [owner, expire] : expired)
        expire(owner);
}

#endif
