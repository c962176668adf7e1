//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_CALL_FSM_HPP
#define SO_ERPSYNC_DETAIL_CALL_FSM_HPP

// The sans-io state machine of one call: every transport decision (in-flight gate, rate limit,
// connection reuse, the `CONNECT` tunnel through a proxy, the replay of a request a stale keep-alive
// connection swallowed, retries and their backoff, Retry-After, the deadline, cancellation, keeping
// a connection) and no I/O.
// `resume(event, now)` takes the result of the last action and returns the next one; the exchange
// (`detail/exchange.hpp`) performs the actions with Asio. Time and randomness are injected.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/io_error.hpp>
#include <superoffice/erpsync/detail/limiter.hpp>
#include <superoffice/erpsync/detail/retry.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/retry.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace superoffice::erpsync::detail {

/// What the executor of a call does next.
enum class call_action_type : unsigned char {
    enter_gate,      ///< enter the in-flight gate, or queue at it: `call_event::admitted`
    wait_gate,       ///< wait until admitted, cancelled or `until` (the deadline): `admitted`
    wait,            ///< wait until `until` (rate limit, backoff, Retry-After)
    begin_attempt,   ///< an attempt starts: log it, arm the call's deadline timer
    take_connection, ///< take an idle connection from the pool or make a new one: `reused`
    resolve,         ///< resolve the host (the client's cache may answer): `ec`
    connect,         ///< connect the new connection (to the proxy when one is used): `ec`
    /// open the tunnel: write the proxy's `CONNECT` request, read its reply head (bounded): `ec`
    /// (transport, or Beast's parser for a malformed or oversized head), `complete`, `status`,
    /// `early_bytes`
    proxy_connect,
    tls_handshake,    ///< set up TLS (verification, SNI; `setup_failed`) and shake hands: `ec`
    write,            ///< write the request: `ec`
    parse,            ///< feed the buffered bytes to the parser: `ec`, the parser's state
    read,             ///< read more bytes into the connection's buffer: `ec`
    read_eof,         ///< tell the parser the stream ended (a body delimited by it): `ec`, the parser
    release,          ///< give the connection back to the pool (`keep_alive`) or close it
    close_connection, ///< close the connection of a failed attempt
    done,             ///< the call is over: `ec`; diagnostics in `call_fsm::message`, `cause`
};

/// The next action of a call.
struct call_action {
    call_action_type type = call_action_type::done;
    /// `wait`, `wait_gate`: when the wait ends.
    std::chrono::steady_clock::time_point until{};
    /// `done`: the call's result; `wait` with `retry`: the failure tried again.
    error_code ec{};
    /// `wait`: the wait before a retry (a `retry` log event), not a rate-limit wait.
    bool retry = false;
    /// `release`: the connection may serve another request.
    bool keep_alive = false;
    /// `wait` with `retry`: why (static text).
    std::string_view note{};
    /// `wait` with `retry`: how long.
    std::chrono::steady_clock::duration wait{};
};

/// The result of the last action, and what happened meanwhile.
struct call_event {
    /// The result of the I/O step (empty for a completed wait).
    error_code ec{};
    /// A cancellation was requested (set on every event after it).
    bool cancelled = false;
    /// The call's deadline timer expired and closed its I/O (set on every event after it).
    bool deadline_fired = false;
    /// `enter_gate`, `wait_gate`: the call is in the gate.
    bool admitted = false;
    /// `take_connection`: an idle connection from the pool (false: a new, unconnected one).
    bool reused = false;
    /// `tls_handshake`: TLS could not be set up before the handshake (SNI); `ec` is the cause.
    bool setup_failed = false;
    /// `proxy_connect`: bytes followed the proxy's reply head before the request was sent.
    bool early_bytes = false;
    // `parse`, `read`, `read_eof`: the parser after the step (`proxy_connect`: `complete`, `status`).
    bool complete = false;       ///< a whole response was parsed
    bool got_some = false;       ///< some byte of the response arrived
    bool header_done = false;    ///< its header was parsed
    bool keep_alive = false;     ///< the response allows another request on the connection
    bool announces_body = false; ///< its header announces a body
    unsigned status = 0;         ///< its status, once the header is parsed
    std::string_view retry_after{};
};

/// What the state machine needs from outside: the backoff's random draw and the wall clock (for
/// Retry-After dates). Plain function pointers and a context: no allocation per call.
struct call_fsm_env {
    /// The wait before attempt `attempt + 1` (attempt >= 1).
    std::chrono::steady_clock::duration (*backoff)(void* ctx, unsigned attempt) = nullptr;
    /// The current system time.
    std::chrono::system_clock::time_point (*wall_clock)(void* ctx) = nullptr;
    void* ctx = nullptr;
};

/// The decisions of one call (see the file comment). Lives inside its exchange; `start` makes it
/// ready for a new call.
class call_fsm {
public:
    using clock = std::chrono::steady_clock;

    struct setup {
        retry_policy const* policy = nullptr; ///< required
        limiter* limits = nullptr;            ///< the rate limit (token reservation); null: none
        call_fsm_env env{};
        bool retry_safe = false; ///< the operation may be sent twice
        bool tls = false;        ///< new connections shake hands for TLS
        bool proxy = false;      ///< new connections open a `CONNECT` tunnel through a proxy first
        clock::time_point deadline{};
        error_code build_error{}; ///< the request could not be built: the call ends at once
    };

    /// Prepares a call; the first `resume` (with an empty event) returns its first action.
    SO_ERPSYNC_DECL void start(setup const& s);

    /// The next action, given the result of the last one at the time `now`.
    SO_ERPSYNC_DECL call_action resume(call_event const& ev, clock::time_point now);

    /// Attempts so far (1 for the first; 0 when the call ended before its first).
    unsigned attempt() const noexcept { return attempt_; }
    /// The HTTP status of the last attempt's response, 0 when none.
    unsigned status() const noexcept { return status_; }
    /// Responses so far that were 429 Too Many Requests or 503 Service Unavailable (the server is
    /// overloaded), retried or not.
    unsigned overloaded() const noexcept { return overloaded_; }
    /// Why the last attempt failed (library text), null when it did not.
    char const* message() const noexcept { return message_; }
    /// The Asio, Beast or OpenSSL code behind `message`.
    error_code cause() const noexcept { return cause_; }
    /// The request of the current attempt was written completely.
    bool sent() const noexcept { return sent_; }
    /// The stale keep-alive replay of the current attempt was used.
    bool replayed() const noexcept { return replayed_; }
    /// The call ended.
    bool finished() const noexcept { return state_ == state::finished; }

private:
    enum class state : unsigned char {
        idle,
        enter_gate,
        wait_gate,
        wait_rate,
        begin_attempt,
        take_connection,
        resolve,
        connect,
        proxy_connect,
        tls_handshake,
        write,
        parse,
        read,
        read_eof,
        release,
        close_replay,
        close_failed,
        wait_retry,
        finished,
    };

    SO_ERPSYNC_DECL call_action next_attempt();
    SO_ERPSYNC_DECL call_action try_send();
    SO_ERPSYNC_DECL call_action fail(error_code ec, error_code cause, char const* what);
    SO_ERPSYNC_DECL call_action replay();
    SO_ERPSYNC_DECL call_action tunnel_done(call_event const& ev);
    SO_ERPSYNC_DECL call_action after_connect();
    SO_ERPSYNC_DECL call_action read_failed(error_code ec, call_event const& ev);
    SO_ERPSYNC_DECL call_action response_done(call_event const& ev);
    SO_ERPSYNC_DECL call_action after_failure();
    SO_ERPSYNC_DECL call_action after_response();
    SO_ERPSYNC_DECL call_action retry_wait(error_code why, std::string_view note, clock::duration wait);
    SO_ERPSYNC_DECL call_action done(error_code ec);
    SO_ERPSYNC_DECL error_code io_error(error_code const& ec, error fallback) const;

    call_action issue(state s, call_action_type t) {
        state_ = s;
        call_action a;
        a.type = t;
        return a;
    }
    bool deadline_passed() const noexcept { return timed_out_ || now_ >= deadline_; }
    void note(error_code cause, char const* what) noexcept {
        message_ = what;
        cause_ = cause;
    }

    setup s_{};
    clock::time_point deadline_{};
    clock::time_point now_{};
    state state_ = state::idle;
    unsigned attempt_ = 0;
    unsigned status_ = 0;
    unsigned overloaded_ = 0;
    char const* message_ = nullptr;
    error_code cause_{};
    error_code attempt_ec_{};
    std::optional<std::chrono::seconds> retry_after_{}; // of the last 429/503, when readable
    bool has_retry_after_ = false;                      // the header was present
    bool cancelled_ = false;
    bool timed_out_ = false;
    bool reused_ = false;
    bool replayed_ = false;
    bool sent_ = false;
    bool permanent_ = false; // the last failure cannot be cured by another attempt
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/call_fsm.ipp>
#endif

#endif
