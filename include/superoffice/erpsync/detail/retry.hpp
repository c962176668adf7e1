//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_RETRY_HPP
#define SO_ERPSYNC_DETAIL_RETRY_HPP

// Sans-io pieces of the retry policy: `Retry-After` parsing and full-jitter backoff. The rate
// limit's limiter is in `detail/limiter.hpp`.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/retry.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <random>
#include <string_view>

namespace superoffice::erpsync::detail {

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
