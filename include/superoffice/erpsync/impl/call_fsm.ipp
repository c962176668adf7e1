//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_CALL_FSM_IPP
#define SO_ERPSYNC_IMPL_CALL_FSM_IPP

// The decisions of a call (`detail::call_fsm`), out of line: included by `detail/call_fsm.hpp` in
// header-only builds, compiled once by `superoffice/erpsync/src.hpp` otherwise.

#include <superoffice/erpsync/detail/call_fsm.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

namespace superoffice::erpsync::detail {

SO_ERPSYNC_DECL void call_fsm::start(setup const& s) {
    s_ = s;
    deadline_ = s.deadline;
    now_ = {};
    state_ = state::idle;
    attempt_ = 0;
    status_ = 0;
    overloaded_ = 0;
    message_ = nullptr;
    cause_ = {};
    attempt_ec_ = {};
    retry_after_.reset();
    has_retry_after_ = false;
    cancelled_ = timed_out_ = reused_ = replayed_ = sent_ = permanent_ = false;
}

SO_ERPSYNC_DECL error_code call_fsm::io_error(error_code const& ec, error fallback) const {
    // after the deadline closed the I/O, any transport failure is the timeout; a malformed or
    // oversized response read before it keeps its own code
    if (timed_out_ &&
        ec.category() != boost::beast::http::make_error_code(boost::beast::http::error::need_more).category())
        return error::timeout;
    return classify_io_error(ec, fallback, deadline_passed());
}

SO_ERPSYNC_DECL call_action call_fsm::done(error_code ec) {
    state_ = state::finished;
    call_action a;
    a.type = call_action_type::done;
    a.ec = ec;
    return a;
}

SO_ERPSYNC_DECL call_action call_fsm::resume(call_event const& ev, clock::time_point now) {
    namespace asio = boost::asio;
    namespace http = boost::beast::http;
    now_ = now;
    cancelled_ = cancelled_ || ev.cancelled;
    timed_out_ = timed_out_ || ev.deadline_fired;
    if (state_ == state::finished)
        return done({}); // not reached by a correct executor
    // A cancelled call ends at its next step, whatever that step's result.
    if (cancelled_ && state_ != state::idle)
        return done(asio::error::operation_aborted);

    switch (state_) {
    case state::idle:
        if (s_.build_error)
            return done(s_.build_error);
        if (cancelled_)
            return done(asio::error::operation_aborted);
        return issue(state::enter_gate, call_action_type::enter_gate);

    case state::enter_gate:
    case state::wait_gate:
        if (ev.admitted)
            return next_attempt();
        if (deadline_passed()) {
            note({}, "no place among the calls in flight (rate_limit::max_in_flight) before the timeout");
            return done(error::timeout);
        }
        // A queued call waits until let in, cancelled, or its deadline.
        {
            auto a = issue(state::wait_gate, call_action_type::wait_gate);
            a.until = deadline_;
            return a;
        }

    case state::wait_rate:
        return issue(state::begin_attempt, call_action_type::begin_attempt);

    case state::begin_attempt:
        return try_send();

    case state::take_connection:
        reused_ = ev.reused;
        if (reused_)
            return issue(state::write, call_action_type::write);
        return issue(state::resolve, call_action_type::resolve);

    case state::resolve:
        if (ev.ec)
            return fail(io_error(ev.ec, error::resolve_failed), ev.ec, "could not resolve the host name");
        return issue(state::connect, call_action_type::connect);

    case state::connect:
        if (ev.ec)
            return fail(io_error(ev.ec, error::connect_failed), ev.ec,
                        s_.proxy ? "could not connect to the proxy" : "could not connect");
        if (s_.proxy)
            return issue(state::proxy_connect, call_action_type::proxy_connect);
        return after_connect();

    case state::proxy_connect:
        return tunnel_done(ev);

    case state::tls_handshake:
        if (ev.setup_failed) { // a configuration problem: no attempt can succeed
            note(ev.ec, "could not set the TLS server name (SNI)");
            return done(error::tls_handshake_failed);
        }
        if (ev.ec) {
            // a certificate that fails verification stays so: retrying only delays the error
            permanent_ = is_permanent_tls_failure(ev.ec);
            return fail(io_error(ev.ec, error::tls_handshake_failed), ev.ec, "the TLS handshake failed");
        }
        return issue(state::write, call_action_type::write);

    case state::write:
        if (ev.ec) {
            // A reused connection that fails the write: the server never got the whole request,
            // so it is sent again (once) on another connection, whatever the operation.
            if (reused_ && !replayed_ && ev.ec != asio::error::operation_aborted && !deadline_passed())
                return replay();
            return fail(io_error(ev.ec, error::transport_failed), ev.ec, "could not send the request");
        }
        sent_ = true;
        return issue(state::parse, call_action_type::parse);

    case state::parse:
        if (ev.ec) // a malformed or oversized response keeps its code, even after the deadline
            return read_failed(ev.ec, ev);
        if (ev.complete)
            return response_done(ev);
        return issue(state::read, call_action_type::read);

    case state::read: {
        error_code ec = ev.ec;
        if (timed_out_) {
            // the deadline closed the connection; on an io_context run by several threads the
            // read may still report the end of the stream, which must not end a body delimited by it
            ec = asio::error::operation_aborted;
        } else if (ec == asio::error::eof) {
            if (ev.got_some) // a body delimited by the end of the stream
                return issue(state::read_eof, call_action_type::read_eof);
            ec = http::error::end_of_stream;
        }
        if (!ec)
            return issue(state::parse, call_action_type::parse);
        return read_failed(ec, ev);
    }

    case state::read_eof:
        if (!ev.ec)
            return response_done(ev);
        return read_failed(ev.ec, ev);

    case state::release:
        return after_response();

    case state::close_replay:
        return try_send();

    case state::close_failed:
        return after_failure();

    case state::wait_retry:
        return next_attempt();

    case state::finished:
        break;
    }
    return done({});
}

SO_ERPSYNC_DECL call_action call_fsm::after_connect() {
    if (s_.tls)
        return issue(state::tls_handshake, call_action_type::tls_handshake);
    return issue(state::write, call_action_type::write);
}

SO_ERPSYNC_DECL call_action call_fsm::tunnel_done(call_event const& ev) {
    namespace http = boost::beast::http;
    if (ev.ec) {
        // A reply that is not HTTP, or a head over the limit, stays so: final. A connection lost
        // during CONNECT reached nothing beyond the proxy: retried as a failed connect is. After
        // the deadline it is the timeout.
        bool const malformed = ev.ec.category() == http::make_error_code(http::error::bad_version).category();
        error_code const ec = io_error(ev.ec, error::proxy_failed);
        permanent_ = malformed;
        if (ec == error::timeout || ec == boost::asio::error::operation_aborted)
            return fail(ec, ev.ec, "the proxy did not open the tunnel (CONNECT) in time");
        return fail(error::proxy_failed, ev.ec,
                    malformed ? "the proxy's reply to CONNECT is not HTTP or its head is too large"
                              : "the connection to the proxy failed during CONNECT");
    }
    if (!ev.complete) { // not reached by a correct executor: it reports a whole head or an error
        permanent_ = true;
        return fail(error::proxy_failed, {}, "the proxy's reply to CONNECT is incomplete");
    }
    if (ev.status / 100 != 2) {
        // the proxy's answer, not the server's: final, and no 503 retry either
        status_ = ev.status;
        permanent_ = true;
        return fail(error::proxy_failed, {},
                    ev.status == 407 ? "the proxy requires other credentials (407 Proxy Authentication "
                                       "Required): check client_config::proxy's user and password"
                                     : "the proxy refused the tunnel (CONNECT)");
    }
    if (ev.early_bytes) { // the target cannot have spoken before the request: not a tunnel
        permanent_ = true;
        return fail(error::proxy_failed, {}, "the proxy sent bytes after its reply to CONNECT");
    }
    return after_connect();
}

SO_ERPSYNC_DECL call_action call_fsm::next_attempt() {
    ++attempt_;
    replayed_ = false;
    status_ = 0;
    retry_after_.reset();
    has_retry_after_ = false;
    // The rate limit: one token per request sent, taken only when the wait ends before the deadline.
    clock::duration wait = clock::duration::zero();
    if (s_.limits) {
        auto const w = s_.limits->reserve(now_, deadline_ - now_);
        if (!w) {
            if (attempt_ > 1 && attempt_ec_)
                return done(attempt_ec_); // the last failure, as for a retry wait
            note({}, "the rate limit would delay the request past the call's timeout");
            return done(error::timeout);
        }
        wait = *w;
    }
    if (wait > clock::duration::zero()) {
        auto a = issue(state::wait_rate, call_action_type::wait);
        a.until = now_ + wait;
        return a;
    }
    return issue(state::begin_attempt, call_action_type::begin_attempt);
}

SO_ERPSYNC_DECL call_action call_fsm::try_send() {
    sent_ = false;
    if (deadline_passed()) {
        attempt_ec_ = error::timeout;
        permanent_ = false;
        note({}, "the call's timeout passed before the request was sent");
        return issue(state::close_failed, call_action_type::close_connection);
    }
    return issue(state::take_connection, call_action_type::take_connection);
}

SO_ERPSYNC_DECL call_action call_fsm::replay() {
    replayed_ = true;
    return issue(state::close_replay, call_action_type::close_connection);
}

SO_ERPSYNC_DECL call_action call_fsm::fail(error_code ec, error_code cause, char const* what) {
    attempt_ec_ = ec;
    note(cause, what);
    return issue(state::close_failed, call_action_type::close_connection);
}

SO_ERPSYNC_DECL call_action call_fsm::read_failed(error_code ec, call_event const& ev) {
    namespace http = boost::beast::http;
    // A reused connection that ends before any byte of the response: the server closed it while
    // idle, racing our request. A clean close (FIN, no byte read) means it never took the
    // request, so every operation is sent again once (the policy of Go's net/http and browsers);
    // after a reset only retry-safe ones are.
    if (reused_ && !replayed_ && !ev.got_some && !deadline_passed() &&
        (ec == http::error::end_of_stream ||
         (s_.retry_safe &&
          classify_io_error(ec, error::transport_failed, false) == error::connection_closed)))
        return replay();
    status_ = ev.header_done ? ev.status : 0;
    return fail(io_error(ec, error::transport_failed), ec, "could not read the response");
}

SO_ERPSYNC_DECL call_action call_fsm::response_done(call_event const& ev) {
    unsigned const st = ev.status;
    status_ = st;
    if (st == 429 || st == 503)
        ++overloaded_;
    // A 1xx/204/304 has no body by definition; if its headers announce one anyway (the
    // documented `204` + `null`), those bytes would poison the next response.
    bool const stray_body = (st / 100 == 1 || st == 204 || st == 304) && ev.announces_body;
    if (status_retry(st) != status_retry_kind::never && !ev.retry_after.empty()) {
        has_retry_after_ = true;
        auto const wall =
            s_.env.wall_clock ? s_.env.wall_clock(s_.env.ctx) : std::chrono::system_clock::now();
        retry_after_ = parse_retry_after(ev.retry_after, wall);
    }
    auto a = issue(state::release, call_action_type::release);
    a.keep_alive = ev.keep_alive && !stray_body && !timed_out_;
    return a;
}

SO_ERPSYNC_DECL call_action call_fsm::after_response() {
    auto const& p = *s_.policy;
    if (attempt_ >= p.max_attempts || !may_retry_status(p, status_, s_.retry_safe))
        return done({}); // the answer is the result (decoded by the caller)
    clock::duration wait{};
    if (has_retry_after_ && retry_after_) {
        if (*retry_after_ > p.max_retry_after)
            return done({}); // the server asks for more patience than allowed: give up now
        wait = *retry_after_;
    } else {
        wait = s_.env.backoff(s_.env.ctx, attempt_);
    }
    if (now_ + wait >= deadline_)
        return done({});
    bool const overload = status_retry(status_) == status_retry_kind::overload;
    attempt_ec_ = status_ == 429   ? error::http_too_many_requests
                  : status_ == 503 ? error::http_service_unavailable
                                   : error::http_server_error;
    return retry_wait(attempt_ec_,
                      has_retry_after_ ? "Retry-After honoured"
                                       : (overload ? "no Retry-After" : "transient server error"),
                      wait);
}

SO_ERPSYNC_DECL call_action call_fsm::after_failure() {
    auto const& p = *s_.policy;
    error_code const ec = attempt_ec_;
    // (a `proxy_failed` that is not permanent: the connection to the proxy was lost during CONNECT)
    bool const nothing_sent = ec == error::resolve_failed || ec == error::connect_failed ||
                              ec == error::tls_handshake_failed || ec == error::proxy_failed;
    bool const after_send = ec == error::connection_closed || ec == error::transport_failed;
    bool may = !permanent_ && attempt_ < p.max_attempts && ec != error::timeout && !deadline_passed() &&
               (nothing_sent || (after_send && (s_.retry_safe || p.retry_unsafe)));
    clock::duration wait{};
    if (may) {
        wait = s_.env.backoff(s_.env.ctx, attempt_);
        may = now_ + wait < deadline_;
    }
    if (!may)
        return done(ec);
    return retry_wait(ec, message_ ? std::string_view(message_) : std::string_view{}, wait);
}

SO_ERPSYNC_DECL call_action call_fsm::retry_wait(error_code why, std::string_view note,
                                                 clock::duration wait) {
    // the next attempt starts afresh
    message_ = nullptr;
    cause_ = {};
    permanent_ = false;
    auto a = issue(state::wait_retry, call_action_type::wait);
    a.until = now_ + wait;
    a.wait = wait;
    a.retry = true;
    a.ec = why;
    a.note = note;
    return a;
}

} // namespace superoffice::erpsync::detail

#endif
