//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_DEADLINE_WATCH_HPP
#define SO_ERPSYNC_DETAIL_DEADLINE_WATCH_HPP

// The deadlines of a client's calls in flight, watched by one timer (`deadline_watch`) instead of
// a timer per call: arming and cancelling a timer per call costs a timer-queue insertion and
// removal and a completion through the scheduler (the cancelled wait) for every call. Here a call
// links itself into a list when its first I/O starts and unlinks itself when it ends; the one
// timer is set for the earliest deadline in the list and, when it fires, tells every call past
// its deadline and is set again for the earliest left. It is cancelled when the list empties, so
// that an idle client leaves its io_context no work.

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

namespace superoffice::erpsync::detail {

class deadline_watch : public std::enable_shared_from_this<deadline_watch> {
public:
    using clock = std::chrono::steady_clock;

    /// One call's place in the watch, a member of the call. `expire` is called (outside the
    /// watch's lock, from the timer's handler) with the call, when it is still alive, once its
    /// deadline has passed; the entry is then unlinked already.
    struct entry {
        clock::time_point deadline{};
        std::weak_ptr<void> owner{};
        void (*expire)(std::shared_ptr<void> const& owner) = nullptr;

    private:
        friend class deadline_watch;
        entry* prev_ = nullptr;
        entry* next_ = nullptr;
        bool linked_ = false;
    };

    /// The timer runs on `ex` (the client's executor: its handler only looks at the list and
    /// hands each expired call to its own strand).
    explicit deadline_watch(boost::asio::any_io_executor const& ex) : timer_(ex) {}

    deadline_watch(deadline_watch const&) = delete;
    deadline_watch& operator=(deadline_watch const&) = delete;

    /// Links `e` (its `deadline`, `owner` and `expire` set). Thread-safe.
    SO_ERPSYNC_DECL void add(entry& e);

    /// Unlinks `e` if it is linked (its call ended, or it was destroyed unfinished). Thread-safe.
    SO_ERPSYNC_DECL void remove(entry& e);

    /// Calls linked now (read without the lock: a figure of the moment).
    std::size_t size() const noexcept { return size_.load(std::memory_order_relaxed); }

    /// Whether the timer is set (for the tests: an idle watch leaves no work).
    SO_ERPSYNC_DECL bool armed() const;

private:
    /// Sets the timer for `t` (the lock held).
    void arm(clock::time_point t);
    void on_timer(std::uint64_t generation);

    mutable std::mutex m_;
    entry* head_ = nullptr;
    entry* tail_ = nullptr;
    std::atomic<std::size_t> size_{0}; // written under the lock
    boost::asio::steady_timer timer_;
    bool armed_ = false;
    clock::time_point armed_for_{};
    std::uint64_t generation_ = 0; // of the wait in progress: a superseded wait's handler does nothing
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/deadline_watch.ipp>
#endif

#endif
