//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_RETRY_HPP
#define SO_ERPSYNC_DETAIL_RETRY_HPP

// Sans-io pieces of the retry policy: which answers are tried again, `Retry-After` parsing and
// full-jitter backoff. The rate limit's limiter is in `detail/limiter.hpp`.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/retry.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <random>
#include <string_view>

namespace superoffice::erpsync::detail {

/// What an HTTP status says about trying again.
enum class status_retry_kind : unsigned char {
    never,        ///< final: the answer is the result
    overload,     ///< 429, 503: the server is overloaded
    server_error, ///< 500, 502, 504: a transient server error
};

/// The kind of `status` (see `status_retry_kind`).
SO_ERPSYNC_DECL status_retry_kind status_retry(unsigned status) noexcept;

/// Whether an answer with `status` may be tried again under `p`, for an operation that is
/// (`retry_safe`) or is not safe to retry. Attempts left and the deadline are the caller's
/// business.
SO_ERPSYNC_DECL bool may_retry_status(retry_policy const& p, unsigned status, bool retry_safe) noexcept;

/// Reads a `Retry-After` value: delta seconds (`120`) or an HTTP date in the IMF-fixdate form
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), also the obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
/// and asctime (`Sun Nov  6 08:49:37 1994`) forms. A date in the past means 0. Nullopt when the
/// value is none of these.
SO_ERPSYNC_DECL std::optional<std::chrono::seconds>
parse_retry_after(std::string_view v, std::chrono::system_clock::time_point now);

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

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/retry.ipp>
#endif

#endif
