//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_RETRY_HPP
#define SO_ERPSYNC_DETAIL_RETRY_HPP

// Sans-io pieces of the retry policy and the rate limit: `Retry-After` parsing, full-jitter
// backoff, and the limiter (token bucket for request starts, a gate for calls in flight).

#include <superoffice/erpsync/retry.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string_view>

namespace superoffice::erpsync::detail {

/// Reads a `Retry-After` value: delta seconds (`120`) or an HTTP date in the IMF-fixdate form
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), also the obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
/// and asctime (`Sun Nov  6 08:49:37 1994`) forms. A date in the past means 0. Nullopt when the
/// value is none of these.
inline std::optional<std::chrono::seconds> parse_retry_after(std::string_view v,
                                                             std::chrono::system_clock::time_point now) {
    auto ws = [](char c) { return c == ' ' || c == '\t'; };
    while (!v.empty() && ws(v.front()))
        v.remove_prefix(1);
    while (!v.empty() && ws(v.back()))
        v.remove_suffix(1);
    if (v.empty())
        return std::nullopt;
    if (v.find_first_not_of("0123456789") == std::string_view::npos) {
        if (v.size() > 9)
            return std::chrono::seconds(999999999); // absurdly long: the caller caps it
        long long s = 0;
        for (char c : v)
            s = s * 10 + (c - '0');
        return std::chrono::seconds(s);
    }
    // An HTTP date: pick out day, month name, year, hh:mm:ss whatever the form.
    static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int day = -1, month = -1, year = -1, hh = -1, mm = -1, ss = -1;
    std::size_t i = 0;
    auto number = [&](int& out, std::size_t max_digits) {
        std::size_t n = 0;
        int value = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && n < max_digits) {
            value = value * 10 + (v[i] - '0');
            ++i, ++n;
        }
        if (n == 0)
            return false;
        out = value;
        return true;
    };
    while (i < v.size()) {
        char const c = v[i];
        if (c >= '0' && c <= '9') {
            std::size_t const start = i;
            int value = 0;
            if (!number(value, 4))
                return std::nullopt;
            if (i < v.size() && v[i] == ':') { // hh:mm:ss
                hh = value;
                ++i;
                if (!number(mm, 2) || i >= v.size() || v[i] != ':')
                    return std::nullopt;
                ++i;
                if (!number(ss, 2))
                    return std::nullopt;
            } else if (i - start == 4 || (day >= 0 && month >= 0 && year < 0 && i - start == 2 && hh < 0 &&
                                          v.find('-') != std::string_view::npos)) {
                year = i - start == 2 ? (value < 70 ? 2000 + value : 1900 + value) : value;
            } else if (day < 0) {
                day = value;
            } else if (year < 0) {
                year = value < 70 ? 2000 + value : (value < 100 ? 1900 + value : value);
            } else {
                return std::nullopt;
            }
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            std::size_t const start = i;
            while (i < v.size() && ((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= 'a' && v[i] <= 'z')))
                ++i;
            std::string_view word = v.substr(start, i - start);
            for (int m = 0; m < 12; ++m)
                if (word == months[m])
                    month = m + 1;
        } else {
            ++i;
        }
    }
    if (day < 1 || day > 31 || month < 1 || year < 1970 || year > 9999 || hh < 0 || hh > 23 || mm < 0 ||
        mm > 59 || ss < 0 || ss > 60)
        return std::nullopt;
    using namespace std::chrono;
    year_month_day const ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                             std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok())
        return std::nullopt;
    auto const when = sys_days(ymd) + hours(hh) + minutes(mm) + seconds(ss);
    auto const delta = duration_cast<seconds>(when - now);
    return delta.count() > 0 ? delta : seconds(0);
}

/// The full-jitter backoff before attempt `attempt + 1` (attempt >= 1): uniform in
/// [0, min(max_backoff, initial * multiplier^(attempt-1))].
template <class Rng>
std::chrono::steady_clock::duration backoff_delay(retry_policy const& p, unsigned attempt, Rng& rng) {
    double const ceiling_ms =
        std::min(static_cast<double>(p.max_backoff.count()),
                 static_cast<double>(p.initial_backoff.count()) *
                     std::pow(std::max(1.0, p.multiplier), static_cast<double>(attempt - 1)));
    if (!(ceiling_ms > 0))
        return {};
    std::uniform_real_distribution<double> dist(0.0, ceiling_ms);
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double, std::milli>(dist(rng)));
}

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

    explicit limiter(rate_limit cfg) : cfg_(cfg) {
        if (cfg_.requests_per_second > 0)
            interval_ = std::chrono::duration_cast<clock::duration>(
                std::chrono::duration<double>(1.0 / cfg_.requests_per_second));
        burst_ = cfg_.burst ? cfg_.burst
                            : static_cast<std::size_t>(std::max(1.0, std::floor(cfg_.requests_per_second)));
    }

    /// Takes a token for one request: how long to wait before sending it (zero: now). Nullopt,
    /// taking nothing, when the wait would be longer than `max_wait`.
    std::optional<clock::duration> reserve(clock::time_point now = clock::now(),
                                           clock::duration max_wait = clock::duration::max()) {
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

    /// Enters the gate if there is room now, queuing nothing.
    bool try_enter() {
        if (cfg_.max_in_flight == 0)
            return true;
        std::lock_guard lock(m_);
        if (in_flight_ < cfg_.max_in_flight) {
            ++in_flight_;
            return true;
        }
        return false;
    }

    /// Enters the gate now (true) or queues `w` (false); `w->go` is then called on release.
    bool enter(std::shared_ptr<waiter> const& w) {
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

    /// Leaves the gate: the next caller still waiting enters.
    void leave() {
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

    /// Marks a queued waiter as gone; true when it was still queued (it never entered).
    bool cancel(std::shared_ptr<waiter> const& w) {
        std::lock_guard lock(m_);
        auto it = std::find(queue_.begin(), queue_.end(), w);
        if (it == queue_.end())
            return false;
        queue_.erase(it);
        w->cancelled = true;
        return true;
    }

    std::size_t in_flight() const {
        std::lock_guard lock(m_);
        return in_flight_;
    }
    std::size_t waiting() const {
        std::lock_guard lock(m_);
        return queue_.size();
    }

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

#endif
