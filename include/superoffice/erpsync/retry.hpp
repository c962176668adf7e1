//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_RETRY_HPP
#define SO_ERPSYNC_RETRY_HPP

/// @file
/// `retry_policy`: when and how `client` tries a failed call again. For compatibility this header
/// also provides `rate_limit` (`rate_limit.hpp`) and the logging hook (`logger.hpp`), which it
/// used to hold.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/logger.hpp>
#include <superoffice/erpsync/rate_limit.hpp>

#include <chrono>

namespace superoffice::erpsync {

/// When and how a failed call is tried again.
///
/// @par What is retried
/// - Failures before the request was sent (the host could not be resolved, no connection, the TLS
///   handshake failed): for every operation, since the server cannot have acted.
/// - 429 Too Many Requests and 503 Service Unavailable (the server is overloaded), a connection
///   closed or reset while the answer was awaited, an incomplete answer: only for operations
///   marked safe to retry (`Op::retry_safe`, listed in the README), unless `retry_unsafe` widens
///   it to all.
/// - 500 Internal Server Error, 502 Bad Gateway and 504 Gateway Timeout (transient server errors,
///   retried for idempotent calls by the Azure, AWS and Google client libraries too): likewise
///   only for operations safe to retry unless `retry_unsafe` is set, and only while
///   `retry_server_errors` is on (the default).
/// - Never: other HTTP statuses (e.g. 501 Not Implemented, 505, any 4xx but 429), decoding
///   failures, the agent's error object, a cancelled call, a TLS handshake that failed for good
///   (the server's certificate failed verification, no TLS version in common, not TLS at all).
/// When the attempts run out, the last answer is the call's result (e.g. `http_server_error`).
///
/// @par When
/// Before attempt n+1 (n >= 1) the client waits a random time in [0, min(max_backoff,
/// initial_backoff * multiplier^(n-1))] ("full jitter"). A `Retry-After` header on any answer
/// retried (429, 503, 500, 502, 504), in seconds or as an HTTP date, sets the wait instead;
/// longer than `max_retry_after`, the answer is returned as it is. The call's timeout covers every
/// attempt and wait: a wait that would end after it is not started, and the last failure is
/// returned.
///
/// `diagnostics::attempts` tells how many attempts a call made and `diagnostics::overloaded` how
/// many 429 and 503 answers it met, for successful calls too.
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
    /// Retry 500, 502 and 504 answers (operations safe to retry, or all with `retry_unsafe`);
    /// false: only 429 and 503 among the statuses.
    bool retry_server_errors = true;

    /// No retries at all.
    static retry_policy none() {
        retry_policy p;
        p.max_attempts = 1;
        return p;
    }
};

} // namespace superoffice::erpsync

#endif
