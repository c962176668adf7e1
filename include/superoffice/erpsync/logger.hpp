//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_LOGGER_HPP
#define SO_ERPSYNC_LOGGER_HPP

/// @file
/// The logging hook of `client_config`: `log_level`, `log_record` and `logger` (a level and a
/// sink function; no logging library needed).

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <functional>
#include <string_view>

namespace superoffice::erpsync {

/// How much a log record matters.
enum class log_level {
    debug,   ///< every attempt's start and end, the request line and headers (secrets redacted)
    info,    ///< `completed`: an answer arrived (its HTTP status in the record; an error status or a
             ///< decoding failure is the call's result, not the record's `ec`)
    warning, ///< a retry is scheduled (cause and wait)
    error,   ///< `failed`: no usable answer (transport failure, timeout, cancellation)
};

/// One event of a call, for the logging hook. Strings are views valid during the sink's call only.
/// Never holds a secret: the `Authorization`, `SO-AppToken`, `X-XSRF-TOKEN` and `Proxy-Authorization`
/// header values, tickets, the proxy password and bodies are not logged (headers appear with
/// `[redacted]` values).
struct log_record {
    /// How important the record is.
    log_level level = log_level::info;
    /// The operation's wire name.
    std::string_view operation{};
    /// `attempt`, `attempt_failed`, `retry`, `completed`, `failed`; `proxy_connect` (debug: a new
    /// connection opens a tunnel through the proxy; the message is the `CONNECT` request line and
    /// the proxy, without credentials).
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
    /// Records below it are not passed to `sink`.
    log_level min_level = log_level::info;
    /// Receives each record (on the thread running the call; keep it short). Empty: no logging.
    std::function<void(log_record const&)> sink{};

    /// Whether a record of level `l` would be passed to `sink`.
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
