//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CALL_OPTIONS_HPP
#define SO_ERPSYNC_CALL_OPTIONS_HPP

/// @file
/// `call_options`: the settings of one call (timeout, `$select`, language headers, extra headers,
/// diagnostics, the overload hook).

#include <superoffice/erpsync/diagnostics.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace superoffice::erpsync {

/// Per-call settings. Every member is optional; strings are copied when the call starts.
struct call_options {
    /// Overrides `client_config::timeout` for this call.
    std::optional<std::chrono::steady_clock::duration> timeout{};
    /// `$select`: a comma separated property list (URL-encoded by the client).
    std::string select{};
    /// Override the client's language, culture and time zone headers when non-empty.
    std::string accept_language{};
    /// `SO-Language` (the language of texts in answers).
    std::string so_language{};
    /// `SO-Culture` (number and date formats).
    std::string so_culture{};
    /// `SO-TimeZone`.
    std::string so_time_zone{};
    /// Extra headers for this call.
    std::vector<std::pair<std::string, std::string>> headers{};
    /// Receives the details of a failure. Must stay valid until the call completes.
    diagnostics* diag = nullptr;
    /// Called each time one of the call's attempts is answered 429 Too Many Requests or 503
    /// Service Unavailable (the server's sign of overload), as the answer arrives: before the call
    /// waits to retry, or completes. `status` is the answer's; `latency` the time from sending
    /// that attempt to its answer. Runs on the thread completing the call's I/O (under the call's
    /// strand when it has one); must return quickly, must not throw, and must not wait for the
    /// call. Bulk runs use it to lower their adaptive concurrency at once, rather than when a
    /// call that keeps being refused finally completes.
    std::function<void(unsigned status, std::chrono::steady_clock::duration latency)> on_overload{};
};

} // namespace superoffice::erpsync

#endif
