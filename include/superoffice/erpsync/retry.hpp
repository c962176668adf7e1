//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_RETRY_HPP
#define SO_ERPSYNC_RETRY_HPP

/// @file
/// `retry_policy`, `rate_limit` and the logging hook (`log_record`, `logger`) of `client_config`.

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string_view>

namespace superoffice::erpsync {

/// When and how a failed call is tried again.
///
/// @par What is retried
/// - Failures before the request was sent (the host could not be resolved, no connection, the TLS
///   handshake failed): for every operation, since the server cannot have acted.
/// - 429 Too Many Requests and 503 Service Unavailable, a connection closed or reset while the
///   answer was awaited, an incomplete answer: only for operations marked safe to retry
///   (`Op::retry_safe`, listed in the README), unless `retry_unsafe` widens it to all.
/// - Never: other HTTP statuses, decoding failures, the agent's error object, a cancelled call, a
///   TLS handshake that failed for good (the server's certificate failed verification, no TLS
///   version in common, not TLS at all).
///
/// @par When
/// Before attempt n+1 (n >= 1) the client waits a random time in [0, min(max_backoff,
/// initial_backoff * multiplier^(n-1))] ("full jitter"). A `Retry-After` header on a 429 or 503,
/// in seconds or as an HTTP date, sets the wait instead; longer than `max_retry_after`, the answer
/// is returned as it is. The call's timeout covers every attempt and wait: a wait that would end
/// after it is not started, and the last failure is returned.
struct retry_policy {
    /// Attempts in all, the first included: 1 means no retry.
    unsigned max_attempts = 3;
    /// The ceiling of the first wait.
    std::chrono::milliseconds initial_backoff{100};
    /// The largest ceiling of a wait.
    std::chrono::milliseconds max_backoff{5000};
    /// Growth of the ceiling per attempt.
    double multiplier = 2.0;
    /// The longest `Retry-After` honoured.
    std::chrono::seconds max_retry_after{60};
    /// Retry every operation, not only those marked safe to retry (a repeated request may then be
    /// carried out twice by the server).
    bool retry_unsafe = false;

    /// No retries at all.
    static retry_policy none() {
        retry_policy p;
        p.max_attempts = 1;
        return p;
    }
};

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

/// How much a log record matters.
enum class log_level {
    debug,   ///< every attempt's start and end, the request line and headers (secrets redacted)
    info,    ///< `completed`: an answer arrived (its HTTP status in the record; an error status or a
             ///< decoding failure is the call's result, not the record's `ec`)
    warning, ///< a retry is scheduled (cause and wait)
    error,   ///< `failed`: no usable answer (transport failure, timeout, cancellation)
};

/// One event of a call, for the logging hook. Strings are views valid during the sink's call only.
/// Never holds a secret: the `Authorization`, `SO-AppToken` and `X-XSRF-TOKEN` header values, tickets
/// and bodies are not logged (headers appear with `[redacted]` values).
struct log_record {
    log_level level = log_level::info;
    /// The operation's wire name.
    std::string_view operation{};
    /// `attempt`, `attempt_failed`, `retry`, `completed`, `failed`.
    std::string_view event{};
    /// 1 for the first attempt.
    unsigned attempt = 0;
    /// The outcome so far (empty for a success).
    boost::system::error_code ec{};
    /// The HTTP status of the last answer, 0 when none arrived.
    unsigned http_status = 0;
    /// Since the call started.
    std::chrono::steady_clock::duration latency{};
    /// For `retry`: how long the client waits.
    std::chrono::steady_clock::duration wait{};
    /// Free text: the request line and redacted headers (`attempt`, debug), a cause.
    std::string_view message{};
};

/// The logging hook: records at `min_level` and above go to `sink`.
///
/// The sink is called on the thread completing the call's I/O, possibly several at once when the
/// `io_context` runs on several threads: it must be thread-safe, and it must not block. It may
/// also be called inside the initiating function (a call starts at once when its strand is free,
/// and its first `attempt` record is written then): it must not take a lock the caller holds.
struct logger {
    log_level min_level = log_level::info;
    std::function<void(log_record const&)> sink{};

    bool enabled(log_level l) const noexcept { return sink && l >= min_level; }
};

/// A name for `l`: `debug`, `info`, `warning`, `error`.
inline constexpr std::string_view to_string(log_level l) noexcept {
    switch (l) {
    case log_level::debug:
        return "debug";
    case log_level::info:
        return "info";
    case log_level::warning:
        return "warning";
    case log_level::error:
        return "error";
    }
    return "?";
}

} // namespace superoffice::erpsync

#endif
