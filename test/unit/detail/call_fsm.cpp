// The call state machine driven by scripted events and a fake clock: no socket, no timer, no
// randomness. Every transport decision of a call is checked here: the gate, the rate limit, the
// replay of a request a stale keep-alive connection swallowed, retries and their waits
// (backoff, Retry-After in every form), the deadline during every wait and I/O step,
// cancellation at every step, permanent TLS failures, the keep-alive decision.
#include <superoffice/erpsync/detail/call_fsm.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include <openssl/err.h>
#include <openssl/ssl.h>

// Boost.Test prints the library's codes in failed assertions.
namespace superoffice::erpsync {
std::ostream& boost_test_print_type(std::ostream& os, error e) {
    return os << make_error_code(e).message();
}
} // namespace superoffice::erpsync

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;
using namespace std::chrono;
using namespace std::chrono_literals;
using type = detail::call_action_type;
using steady = steady_clock;

namespace {

char const* name(type t) {
    switch (t) {
    case type::enter_gate:
        return "enter_gate";
    case type::wait_gate:
        return "wait_gate";
    case type::wait:
        return "wait";
    case type::begin_attempt:
        return "begin_attempt";
    case type::take_connection:
        return "take_connection";
    case type::resolve:
        return "resolve";
    case type::connect:
        return "connect";
    case type::proxy_connect:
        return "proxy_connect";
    case type::tls_handshake:
        return "tls_handshake";
    case type::write:
        return "write";
    case type::parse:
        return "parse";
    case type::read:
        return "read";
    case type::read_eof:
        return "read_eof";
    case type::release:
        return "release";
    case type::close_connection:
        return "close_connection";
    case type::done:
        return "done";
    }
    return "?";
}

} // namespace

namespace superoffice::erpsync::detail {
std::ostream& boost_test_print_type(std::ostream& os, call_action_type t) {
    return os << name(t);
}
} // namespace superoffice::erpsync::detail

namespace {

erp::error_code ssl_error(int reason) {
    return {static_cast<int>(ERR_PACK(ERR_LIB_SSL, 0, reason)), asio::error::get_ssl_category()};
}

// The clocks and the backoff's random draw, all under the test's control.
struct fake_env {
    steady::time_point now = steady::time_point(1000s);
    system_clock::time_point wall = sys_days(year(1994) / November / 6) + 8h + 49min + 30s;
    steady::duration backoff = 20ms;
    std::vector<unsigned> backoff_asked; // the attempts a backoff was drawn for

    detail::call_fsm_env get() {
        detail::call_fsm_env e;
        e.ctx = this;
        e.backoff = [](void* c, unsigned attempt) {
            auto* self = static_cast<fake_env*>(c);
            self->backoff_asked.push_back(attempt);
            return self->backoff;
        };
        e.wall_clock = [](void* c) { return static_cast<fake_env*>(c)->wall; };
        return e;
    }
};

// A successful response as the parser reports it.
detail::call_event response(unsigned status = 200, std::string_view retry_after = {}) {
    detail::call_event ev;
    ev.complete = ev.got_some = ev.header_done = ev.keep_alive = true;
    ev.status = status;
    ev.retry_after = retry_after;
    return ev;
}

// One call: the machine, its environment, and a trace of the actions it asked for.
struct call {
    erp::retry_policy policy;
    std::optional<detail::limiter> limits;
    fake_env env;
    detail::call_fsm fsm;
    detail::call_action last;
    std::vector<std::string> trace;
    bool reused = false;         // what `take_connection` finds in the pool
    unsigned status = 200;       // what a response carries
    bool proxy = false;          // new connections open a tunnel (`start` takes it)
    unsigned proxy_status = 200; // what the proxy answers to CONNECT
    std::string retry_after;

    explicit call(bool retry_safe = true, bool tls = false, steady::duration timeout = 10s,
                  erp::error_code build_error = {}) {
        policy.initial_backoff = 100ms;
        start(retry_safe, tls, timeout, build_error);
    }

    void start(bool retry_safe, bool tls, steady::duration timeout, erp::error_code build_error = {}) {
        detail::call_fsm::setup s;
        s.policy = &policy;
        s.limits = limits ? &*limits : nullptr;
        s.env = env.get();
        s.retry_safe = retry_safe;
        s.tls = tls;
        s.proxy = proxy;
        s.deadline = env.now + timeout;
        s.build_error = build_error;
        fsm.start(s);
        trace.clear();
        resume({});
    }

    detail::call_action const& resume(detail::call_event const& ev) {
        last = fsm.resume(ev, env.now);
        std::string t = name(last.type);
        if (last.type == type::release)
            t += last.keep_alive ? "(keep)" : "(close)";
        trace.push_back(t);
        return last;
    }

    // The event that completes the pending action successfully (a wait: the time passes).
    detail::call_event success() {
        detail::call_event ev;
        switch (last.type) {
        case type::enter_gate:
        case type::wait_gate:
            ev.admitted = true;
            break;
        case type::wait:
            env.now = last.until;
            break;
        case type::take_connection:
            ev.reused = reused;
            break;
        case type::proxy_connect:
            ev.complete = true;
            ev.status = proxy_status;
            break;
        case type::parse:
        case type::read_eof:
            ev = response(status, retry_after);
            break;
        default:
            break;
        }
        return ev;
    }

    // Completes actions successfully until `t` (or the end); false when the call ended first.
    bool run_to(type t) {
        for (int i = 0; i < 100 && last.type != t; ++i) {
            if (last.type == type::done)
                return false;
            resume(success());
        }
        return last.type == t;
    }

    // Completes every action successfully until the call ends.
    detail::call_action const& finish() {
        run_to(type::done);
        return last;
    }

    bool done_with(erp::error_code ec) const { return last.type == type::done && last.ec == ec; }
};

using trace_t = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(test_detail_call_fsm)

BOOST_AUTO_TEST_CASE(a_new_connection_goes_through_every_step) {
    call c(true, true);
    c.finish();
    BOOST_TEST((c.trace == trace_t{"enter_gate", "begin_attempt", "take_connection", "resolve", "connect",
                                   "tls_handshake", "write", "parse", "release(keep)", "done"}));
    BOOST_TEST(!c.last.ec);
    BOOST_TEST(c.fsm.attempt() == 1u);
    BOOST_TEST(c.fsm.status() == 200u);
    BOOST_TEST(!c.fsm.message());
    BOOST_TEST(c.fsm.finished());
}

BOOST_AUTO_TEST_CASE(a_reused_connection_is_written_at_once) {
    call c(true, true);
    c.reused = true;
    c.finish();
    BOOST_TEST((c.trace == trace_t{"enter_gate", "begin_attempt", "take_connection", "write", "parse",
                                   "release(keep)", "done"}));
}

BOOST_AUTO_TEST_CASE(a_plain_connection_skips_tls) {
    call c(true, false);
    c.finish();
    BOOST_TEST((c.trace == trace_t{"enter_gate", "begin_attempt", "take_connection", "resolve", "connect",
                                   "write", "parse", "release(keep)", "done"}));
}

BOOST_AUTO_TEST_CASE(a_request_that_could_not_be_built_ends_before_the_gate) {
    call c(true, false, 10s, erp::error::invalid_value);
    BOOST_TEST(c.done_with(erp::error::invalid_value));
    BOOST_TEST((c.trace == trace_t{"done"}));
    BOOST_TEST(c.fsm.attempt() == 0u);
}

BOOST_AUTO_TEST_CASE(the_response_is_read_until_complete_and_may_end_with_the_stream) {
    call c;
    BOOST_REQUIRE(c.run_to(type::parse));
    c.resume({}); // nothing buffered yet
    BOOST_TEST((c.last.type == type::read));
    c.resume({}); // some bytes
    BOOST_TEST((c.last.type == type::parse));
    detail::call_event partial;
    partial.got_some = partial.header_done = true;
    partial.status = 200;
    c.resume(partial);
    BOOST_TEST((c.last.type == type::read));
    partial.ec = asio::error::eof; // a body delimited by the end of the stream
    c.resume(partial);
    BOOST_TEST((c.last.type == type::read_eof));
    auto r = response();
    r.keep_alive = false;
    c.resume(r);
    BOOST_TEST((c.last.type == type::release));
    BOOST_TEST(!c.last.keep_alive);
    c.resume({});
    BOOST_TEST(c.done_with({}));

    // the end of the stream in the middle of a declared body (an unsafe operation: not retried)
    call d(false);
    BOOST_REQUIRE(d.run_to(type::parse));
    d.resume({});
    partial.ec = asio::error::eof;
    d.resume(partial);
    detail::call_event truncated = partial;
    truncated.ec = http::error::partial_message;
    d.resume(truncated);
    BOOST_TEST((d.last.type == type::close_connection));
    d.resume({});
    BOOST_TEST(d.done_with(erp::error::connection_closed));
    BOOST_TEST(!d.fsm.replayed()); // a byte had arrived
    BOOST_TEST(d.fsm.attempt() == 1u);
}

BOOST_AUTO_TEST_CASE(keep_alive_on_release) {
    struct row {
        char const* what;
        unsigned status;
        bool parser_keep_alive;
        bool announces_body;
        bool deadline_fired;
        bool keep;
    } const rows[] = {
        {"200", 200, true, true, false, true},
        {"parser says close", 200, false, false, false, false},
        {"204 announcing a body", 204, true, true, false, false},
        {"204 without a body", 204, true, false, false, true},
        {"304 announcing a body", 304, true, true, false, false},
        {"101 announcing a body", 101, true, true, false, false},
        {"the deadline fired", 200, true, false, true, false},
    };
    for (auto const& r : rows) {
        BOOST_TEST_CONTEXT(r.what) {
            call c;
            BOOST_REQUIRE(c.run_to(type::parse));
            auto ev = response(r.status);
            ev.keep_alive = r.parser_keep_alive;
            ev.announces_body = r.announces_body;
            ev.deadline_fired = r.deadline_fired;
            c.resume(ev);
            BOOST_TEST((c.last.type == type::release));
            BOOST_TEST(c.last.keep_alive == r.keep);
        }
    }
}

// Beast's fail_count idea: fail the nth I/O action of a call, for n = 0, 1, 2, ... until the
// script runs through without meeting the failure; check each outcome.
BOOST_AUTO_TEST_CASE(a_failure_at_every_step_in_turn) {
    auto failure_of = [](type t) -> erp::error_code {
        switch (t) {
        case type::resolve:
            return asio::error::host_not_found;
        case type::connect:
            return asio::error::connection_refused;
        case type::tls_handshake:
            return ssl_error(SSL_R_UNEXPECTED_EOF_WHILE_READING);
        case type::write:
            return asio::error::broken_pipe;
        case type::parse:
            return http::error::bad_version;
        case type::read:
            return asio::error::connection_reset;
        default:
            return {};
        }
    };
    struct variant {
        char const* what;
        bool retry_safe;
        unsigned max_attempts;
    } const variants[] = {
        {"safe, 3 attempts", true, 3}, {"unsafe, 3 attempts", false, 3}, {"safe, 1 attempt", true, 1}};
    for (auto const& v : variants) {
        BOOST_TEST_CONTEXT(v.what) {
            bool ran_through = false;
            for (int n = 0; n < 20 && !ran_through; ++n) {
                BOOST_TEST_CONTEXT("fail I/O step " << n) {
                    call c(v.retry_safe, true);
                    c.policy.max_attempts = v.max_attempts;
                    int io = 0;
                    type failed_step = type::done;
                    bool read_once = false;
                    for (int i = 0; i < 100 && c.last.type != type::done; ++i) {
                        auto const t = c.last.type;
                        bool const is_io = failure_of(t) && (t != type::parse || !read_once);
                        if (is_io && failed_step == type::done && io++ == n) {
                            failed_step = t;
                            detail::call_event ev;
                            ev.ec = failure_of(t);
                            c.resume(ev);
                            continue;
                        }
                        if (t == type::parse && !read_once) { // one read before the response
                            read_once = true;
                            c.resume({});
                            continue;
                        }
                        c.resume(c.success());
                    }
                    BOOST_REQUIRE(c.last.type == type::done);
                    if (failed_step == type::done) {
                        ran_through = true;
                        BOOST_TEST(!c.last.ec);
                        BOOST_TEST(c.fsm.attempt() == 1u);
                        continue;
                    }
                    BOOST_TEST_INFO("failed " << name(failed_step));
                    erp::error_code expected;
                    bool retried = false;
                    switch (failed_step) {
                    case type::resolve:
                        expected = erp::error::resolve_failed, retried = true;
                        break;
                    case type::connect:
                        expected = erp::error::connect_failed, retried = true;
                        break;
                    case type::tls_handshake:
                        expected = erp::error::tls_handshake_failed, retried = true;
                        break;
                    case type::write:
                    case type::read:
                        expected = erp::error::connection_closed, retried = v.retry_safe;
                        break;
                    case type::parse:
                        expected = erp::error::malformed_response, retried = false;
                        break;
                    default:
                        BOOST_FAIL("unexpected step");
                    }
                    if (v.max_attempts == 1)
                        retried = false;
                    if (retried) {
                        BOOST_TEST(!c.last.ec);
                        BOOST_TEST(c.fsm.attempt() == 2u);
                        BOOST_TEST((c.env.backoff_asked == std::vector<unsigned>{1}));
                    } else {
                        BOOST_TEST(c.last.ec == expected);
                        BOOST_TEST(c.fsm.attempt() == 1u);
                        BOOST_TEST(c.fsm.cause() == failure_of(failed_step));
                        BOOST_TEST((c.fsm.message() != nullptr));
                    }
                }
            }
            BOOST_TEST(ran_through);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_diagnostics_name_the_failed_step) {
    struct row {
        type step;
        erp::error_code ec;
        std::string_view message;
    } const rows[] = {
        {type::resolve, asio::error::host_not_found, "could not resolve the host name"},
        {type::connect, asio::error::connection_refused, "could not connect"},
        {type::tls_handshake, ssl_error(SSL_R_UNEXPECTED_EOF_WHILE_READING), "the TLS handshake failed"},
        {type::write, asio::error::broken_pipe, "could not send the request"},
        {type::read, asio::error::connection_reset, "could not read the response"},
    };
    for (auto const& r : rows) {
        BOOST_TEST_CONTEXT(name(r.step)) {
            call c(false, true);
            c.policy.max_attempts = 1;
            if (r.step == type::read) {
                BOOST_REQUIRE(c.run_to(type::parse));
                c.resume({});
            }
            BOOST_REQUIRE(c.run_to(r.step));
            detail::call_event ev;
            ev.ec = r.ec;
            c.resume(ev);
            BOOST_TEST((c.last.type == type::close_connection)); // the failed attempt's connection
            c.resume({});
            BOOST_REQUIRE(c.last.type == type::done);
            BOOST_TEST(c.fsm.message() == r.message);
            BOOST_TEST(c.fsm.cause() == r.ec);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_retry_waits_a_backoff_and_starts_afresh) {
    call c(true);
    c.env.backoff = 70ms;
    BOOST_REQUIRE(c.run_to(type::connect));
    detail::call_event ev;
    ev.ec = asio::error::connection_refused;
    c.resume(ev);
    c.resume({}); // close_connection
    BOOST_REQUIRE(c.last.type == type::wait);
    BOOST_TEST(c.last.retry);
    BOOST_TEST(c.last.ec == erp::error::connect_failed);
    BOOST_TEST(c.last.note == "could not connect");
    BOOST_TEST((c.last.wait == 70ms));
    BOOST_TEST((c.last.until == c.env.now + 70ms));
    BOOST_TEST(!c.fsm.message()); // the next attempt starts afresh
    BOOST_TEST(!c.fsm.cause());
    c.env.now += 70ms;
    c.resume({});
    BOOST_TEST((c.last.type == type::begin_attempt));
    BOOST_TEST(c.fsm.attempt() == 2u);
}

BOOST_AUTO_TEST_CASE(attempts_stop_at_max_attempts) {
    for (unsigned max : {1u, 2u, 3u, 5u}) {
        BOOST_TEST_CONTEXT("max_attempts " << max) {
            call c(false);
            c.policy.max_attempts = max;
            for (int i = 0; i < 100 && c.last.type != type::done; ++i) {
                if (c.last.type == type::connect) {
                    detail::call_event ev;
                    ev.ec = asio::error::connection_refused;
                    c.resume(ev);
                } else {
                    c.resume(c.success());
                }
            }
            BOOST_TEST(c.done_with(erp::error::connect_failed));
            BOOST_TEST(c.fsm.attempt() == max);
            BOOST_TEST(c.env.backoff_asked.size() == max - 1);
            for (unsigned i = 0; i < c.env.backoff_asked.size(); ++i)
                BOOST_TEST(c.env.backoff_asked[i] == i + 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_unsafe_operation_is_not_retried_after_sending_unless_widened) {
    for (bool widened : {false, true}) {
        BOOST_TEST_CONTEXT("retry_unsafe " << widened) {
            call c(false);
            c.policy.retry_unsafe = widened;
            BOOST_REQUIRE(c.run_to(type::parse));
            c.resume({});
            detail::call_event ev;
            ev.ec = asio::error::connection_reset;
            c.resume(ev);
            c.resume({});
            if (widened) {
                BOOST_TEST((c.last.type == type::wait));
                c.finish();
                BOOST_TEST(!c.last.ec);
                BOOST_TEST(c.fsm.attempt() == 2u);
            } else {
                BOOST_TEST(c.done_with(erp::error::connection_closed));
                BOOST_TEST(c.fsm.attempt() == 1u);
                BOOST_TEST(c.fsm.sent());
            }
        }
    }
}

// --- the replay of a request a stale keep-alive connection swallowed ---

namespace {
// Runs a call on a reused connection to its first read and fails it with `ec` (and `got_some`).
void fail_read_on_reused(call& c, erp::error_code ec, bool got_some = false) {
    c.reused = true;
    BOOST_REQUIRE(c.run_to(type::parse));
    c.resume({}); // nothing buffered: read
    BOOST_REQUIRE(c.last.type == type::read);
    detail::call_event ev;
    ev.ec = ec;
    ev.got_some = got_some;
    c.resume(ev);
}
} // namespace

BOOST_AUTO_TEST_CASE(a_write_failing_on_a_reused_connection_is_sent_again_for_every_operation) {
    for (bool safe : {true, false}) {
        BOOST_TEST_CONTEXT("retry_safe " << safe) {
            call c(safe);
            c.reused = true;
            BOOST_REQUIRE(c.run_to(type::write));
            detail::call_event ev;
            ev.ec = asio::error::broken_pipe;
            c.resume(ev);
            BOOST_TEST((c.last.type == type::close_connection));
            c.resume({});
            BOOST_TEST((c.last.type == type::take_connection)); // the same attempt, at once
            BOOST_TEST(c.fsm.replayed());
            c.reused = false;
            c.finish();
            BOOST_TEST(!c.last.ec);
            BOOST_TEST(c.fsm.attempt() == 1u);
            BOOST_TEST(c.env.backoff_asked.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(the_end_of_the_stream_before_any_byte_on_a_reused_connection_is_sent_again) {
    for (bool safe : {true, false}) {
        BOOST_TEST_CONTEXT("retry_safe " << safe) {
            call c(safe);
            fail_read_on_reused(c, asio::error::eof);
            BOOST_TEST((c.last.type == type::close_connection));
            c.resume({});
            BOOST_TEST((c.last.type == type::take_connection));
            c.reused = false;
            c.finish();
            BOOST_TEST(!c.last.ec);
            BOOST_TEST(c.fsm.attempt() == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_reset_before_any_byte_on_a_reused_connection_is_sent_again_only_when_safe) {
    for (auto ec : {erp::error_code(asio::error::connection_reset), erp::error_code(asio::error::broken_pipe),
                    erp::error_code(asio::ssl::error::stream_truncated)}) {
        BOOST_TEST_CONTEXT(ec.message()) {
            call safe(true);
            fail_read_on_reused(safe, ec);
            safe.resume({});
            BOOST_TEST((safe.last.type == type::take_connection));
            BOOST_TEST(safe.fsm.attempt() == 1u);

            call unsafe(false);
            fail_read_on_reused(unsafe, ec);
            unsafe.resume({});
            BOOST_TEST(unsafe.done_with(erp::error::connection_closed));
            BOOST_TEST(unsafe.fsm.attempt() == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_failure_after_a_byte_arrived_is_not_replayed) {
    for (bool safe : {true, false}) {
        BOOST_TEST_CONTEXT("retry_safe " << safe) {
            call c(safe);
            c.reused = true;
            BOOST_REQUIRE(c.run_to(type::parse));
            c.resume({});
            detail::call_event ev;
            ev.ec = asio::error::connection_reset;
            ev.got_some = true;
            ev.header_done = true;
            ev.status = 200;
            c.resume(ev);
            BOOST_TEST((c.last.type == type::close_connection));
            BOOST_TEST(!c.fsm.replayed());
            BOOST_TEST(c.fsm.status() == 200u); // the header had arrived
            c.resume({});
            if (safe) { // an ordinary retry, after a backoff
                BOOST_TEST((c.last.type == type::wait));
                BOOST_TEST(c.last.ec == erp::error::connection_closed);
            } else {
                BOOST_TEST(c.done_with(erp::error::connection_closed));
            }
        }
    }
    // the end of the stream in the middle of a body, on a reused connection
    call c(true);
    c.reused = true;
    BOOST_REQUIRE(c.run_to(type::parse));
    c.resume({});
    detail::call_event ev;
    ev.ec = asio::error::eof;
    ev.got_some = ev.header_done = true;
    c.resume(ev);
    BOOST_REQUIRE(c.last.type == type::read_eof);
    ev.ec = http::error::partial_message;
    c.resume(ev);
    BOOST_TEST(!c.fsm.replayed());
    c.resume({});
    BOOST_TEST((c.last.type == type::wait));
}

BOOST_AUTO_TEST_CASE(a_failure_on_a_fresh_connection_is_not_replayed) {
    for (auto ec : {erp::error_code(asio::error::eof), erp::error_code(asio::error::broken_pipe)}) {
        for (type step : {type::write, type::read}) {
            BOOST_TEST_CONTEXT(name(step) << " " << ec.message()) {
                call c(false);
                BOOST_REQUIRE(c.run_to(type::parse));
                c.start(false, false, 10s);
                if (step == type::read) {
                    BOOST_REQUIRE(c.run_to(type::parse));
                    c.resume({});
                } else {
                    BOOST_REQUIRE(c.run_to(type::write));
                }
                detail::call_event e;
                e.ec = ec;
                c.resume(e);
                c.resume({});
                BOOST_TEST(c.done_with(erp::error::connection_closed));
                BOOST_TEST(!c.fsm.replayed());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_replay_is_used_once_per_attempt) {
    for (bool safe : {true, false}) {
        BOOST_TEST_CONTEXT("retry_safe " << safe) {
            call c(safe);
            fail_read_on_reused(c, asio::error::eof);
            c.resume({}); // close
            BOOST_REQUIRE(c.last.type == type::take_connection);
            // the next idle connection is stale too
            BOOST_REQUIRE(c.run_to(type::parse));
            c.resume({});
            detail::call_event ev;
            ev.ec = asio::error::eof;
            c.resume(ev);
            BOOST_TEST((c.last.type == type::close_connection));
            c.resume({});
            if (safe) { // a retry, with its backoff, and a new replay allowance
                BOOST_TEST((c.last.type == type::wait));
                BOOST_TEST(c.last.retry);
                BOOST_TEST(c.last.ec == erp::error::connection_closed);
                c.resume(c.success());
                BOOST_TEST(!c.fsm.replayed());
                BOOST_TEST(c.fsm.attempt() == 2u);
            } else {
                BOOST_TEST(c.done_with(erp::error::connection_closed));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(no_replay_after_the_deadline_or_a_cancellation) {
    {
        call c(true, false, 1s);
        fail_read_on_reused(c, asio::error::eof);
        BOOST_REQUIRE(c.last.type == type::close_connection); // replay chosen...
    }
    {
        call c(true, false, 1s);
        c.reused = true;
        BOOST_REQUIRE(c.run_to(type::parse));
        c.resume({});
        c.env.now += 2s; // ...but not once the deadline passed
        detail::call_event ev;
        ev.ec = asio::error::eof;
        c.resume(ev);
        c.resume({});
        BOOST_TEST(c.done_with(erp::error::connection_closed));
        BOOST_TEST(!c.fsm.replayed());
    }
    {
        call c(true);
        c.reused = true;
        BOOST_REQUIRE(c.run_to(type::write));
        detail::call_event ev;
        ev.ec = asio::error::operation_aborted;
        c.resume(ev);
        c.resume({});
        BOOST_TEST(!c.fsm.replayed());
        BOOST_TEST(c.done_with(asio::error::operation_aborted));
    }
}

// --- 429 and 503 ---

namespace {
// A call answered first with `status` and `retry_after`; the action after the answer.
detail::call_action const& answered(call& c, unsigned status, std::string retry_after) {
    c.status = status;
    c.retry_after = std::move(retry_after);
    BOOST_REQUIRE(c.run_to(type::release));
    c.status = 200;
    c.retry_after.clear();
    return c.resume({});
}
} // namespace

BOOST_AUTO_TEST_CASE(retry_after_in_every_form) {
    struct row {
        char const* value;
        steady::duration wait;
        std::string_view note;
    } const rows[] = {
        {"2", 2s, "Retry-After honoured"},
        {"Sun, 06 Nov 1994 08:49:37 GMT", 7s, "Retry-After honoured"},  // IMF-fixdate
        {"Sunday, 06-Nov-94 08:49:37 GMT", 7s, "Retry-After honoured"}, // RFC 850
        {"Sun Nov  6 08:49:37 1994", 7s, "Retry-After honoured"},       // asctime
        {"Sun, 06 Nov 1994 08:00:00 GMT", 0s, "Retry-After honoured"},  // in the past: at once
        {"soon", 20ms, "Retry-After honoured"},                         // unreadable: the backoff
        {"", 20ms, "no Retry-After"},
    };
    for (unsigned status : {429u, 503u}) {
        for (auto const& r : rows) {
            BOOST_TEST_CONTEXT(status << " Retry-After: " << r.value) {
                call c(true);
                auto const& a = answered(c, status, r.value);
                BOOST_REQUIRE(a.type == type::wait);
                BOOST_TEST(a.retry);
                BOOST_TEST((a.wait == r.wait));
                BOOST_TEST((a.until == c.env.now + r.wait));
                BOOST_TEST(a.note == r.note);
                BOOST_TEST(a.ec == (status == 429 ? erp::error::http_too_many_requests
                                                  : erp::error::http_service_unavailable));
                BOOST_TEST(c.env.backoff_asked.size() == (r.wait == 20ms ? 1u : 0u));
                c.finish();
                BOOST_TEST(!c.last.ec);
                BOOST_TEST(c.fsm.attempt() == 2u);
                BOOST_TEST(c.fsm.status() == 200u);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_retry_after_beyond_max_retry_after_returns_the_answer_at_once) {
    for (char const* v : {"61", "Mon, 07 Nov 1994 08:49:30 GMT", "99999999999999"}) {
        BOOST_TEST_CONTEXT(v) {
            call c(true, false, 1h);
            c.policy.max_retry_after = 60s;
            auto const& a = answered(c, 503, v);
            BOOST_TEST(c.done_with({})); // the answer is the result, decoded by the caller
            BOOST_TEST(a.type == type::done);
            BOOST_TEST(c.fsm.status() == 503u);
            BOOST_TEST(c.fsm.attempt() == 1u);
        }
    }
    call c(true, false, 1h);
    c.policy.max_retry_after = 60s;
    answered(c, 503, "60"); // the limit itself is honoured
    BOOST_TEST((c.last.type == type::wait));
    BOOST_TEST((c.last.wait == 60s));
}

BOOST_AUTO_TEST_CASE(a_status_wait_past_the_deadline_returns_the_answer) {
    call c(true, false, 5s);
    answered(c, 429, "5");
    BOOST_TEST(c.done_with({}));
    BOOST_TEST(c.fsm.status() == 429u);
    call d(true, false, 5s);
    answered(d, 429, "4");
    BOOST_TEST((d.last.type == type::wait));
    call e(true, false, 50ms);
    e.env.backoff = 60ms; // the backoff too
    answered(e, 503, "");
    BOOST_TEST(e.done_with({}));
}

BOOST_AUTO_TEST_CASE(which_statuses_are_retried) {
    for (unsigned st : {200u, 204u, 400u, 401u, 404u, 501u, 505u}) {
        BOOST_TEST_CONTEXT(st) {
            call c(true);
            answered(c, st, "1");
            BOOST_TEST(c.done_with({}));
            BOOST_TEST(c.fsm.status() == st);
        }
    }
    // transient server errors: retried for safe operations with the backoff, or Retry-After
    for (unsigned st : {500u, 502u, 504u}) {
        BOOST_TEST_CONTEXT(st) {
            call c(true);
            auto const& a = answered(c, st, "");
            BOOST_REQUIRE(a.type == type::wait);
            BOOST_TEST(a.retry);
            BOOST_TEST(a.ec == erp::error::http_server_error);
            BOOST_TEST(a.note == "transient server error");
            BOOST_TEST((a.wait == 20ms)); // the backoff
            BOOST_TEST((c.env.backoff_asked == std::vector<unsigned>{1}));
            c.finish();
            BOOST_TEST(c.done_with({}));
            BOOST_TEST(c.fsm.attempt() == 2u);
            BOOST_TEST(c.fsm.overloaded() == 0u); // not an overload
            call r(true);
            answered(r, st, "3");
            BOOST_TEST((r.last.wait == 3s));
            BOOST_TEST(r.last.note == "Retry-After honoured");
            call u(false); // not safe to retry: the answer is the result
            answered(u, st, "");
            BOOST_TEST(u.done_with({}));
            BOOST_TEST(u.fsm.status() == st);
            call w(false);
            w.policy.retry_unsafe = true;
            answered(w, st, "");
            BOOST_TEST((w.last.type == type::wait));
            call off(true);
            off.policy.retry_server_errors = false;
            answered(off, st, "");
            BOOST_TEST(off.done_with({}));
            BOOST_TEST(off.fsm.attempt() == 1u);
        }
    }
    {
        call c(true);
        c.policy.max_attempts = 3;
        c.status = 502;
        c.finish();
        BOOST_TEST(c.done_with({})); // the last answer is the result
        BOOST_TEST(c.fsm.attempt() == 3u);
        BOOST_TEST(c.fsm.status() == 502u);
    }
    for (bool widened : {false, true}) {
        BOOST_TEST_CONTEXT("unsafe, retry_unsafe " << widened) {
            call c(false);
            c.policy.retry_unsafe = widened;
            answered(c, 503, "1");
            BOOST_TEST((c.last.type == (widened ? type::wait : type::done)));
        }
    }
    call c(true);
    c.policy.max_attempts = 4;
    c.status = 503;
    c.finish();
    BOOST_TEST(c.done_with({}));
    BOOST_TEST(c.fsm.attempt() == 4u);
    BOOST_TEST(c.fsm.status() == 503u);
}

BOOST_AUTO_TEST_CASE(overloaded_answers_are_counted_retried_or_not) {
    call c(true);
    BOOST_TEST(c.fsm.overloaded() == 0u);
    answered(c, 429, "0");
    BOOST_REQUIRE((c.last.type == type::wait));
    c.status = 503;
    BOOST_REQUIRE(c.run_to(type::release));
    c.status = 200;
    c.finish();
    BOOST_TEST(c.done_with({}));
    BOOST_TEST(c.fsm.attempt() == 3u);
    BOOST_TEST(c.fsm.overloaded() == 2u);
    // not retried: the answer is the result, and counted
    call u(false);
    answered(u, 429, "0");
    BOOST_TEST(u.done_with({}));
    BOOST_TEST(u.fsm.attempt() == 1u);
    BOOST_TEST(u.fsm.overloaded() == 1u);
    // other statuses are not overload; a new call starts from zero
    call o(true);
    answered(o, 404, "");
    BOOST_TEST(o.fsm.overloaded() == 0u);
    c.start(true, false, 10s);
    BOOST_TEST(c.fsm.overloaded() == 0u);
}

// --- the deadline ---

BOOST_AUTO_TEST_CASE(the_deadline_at_the_gate) {
    call c(true, false, 1s);
    BOOST_REQUIRE(c.last.type == type::enter_gate);
    c.resume({}); // queued
    BOOST_REQUIRE(c.last.type == type::wait_gate);
    BOOST_TEST((c.last.until == c.env.now + 1s));
    c.env.now += 300ms; // woken early, not admitted (a spurious wake-up): wait on
    c.resume({});
    BOOST_TEST((c.last.type == type::wait_gate));
    c.env.now += 700ms;
    c.resume({});
    BOOST_TEST(c.done_with(erp::error::timeout));
    BOOST_TEST(c.fsm.attempt() == 0u);
    BOOST_TEST(std::string_view(c.fsm.message()) ==
               "no place among the calls in flight (rate_limit::max_in_flight) before the timeout");
    // queued with no time left: no wait at all
    call late(true, false, 1s);
    late.env.now += 1s;
    late.resume({});
    BOOST_TEST(late.done_with(erp::error::timeout));
    // admitted while waiting
    call d(true, false, 1s);
    d.resume({});
    detail::call_event ev;
    ev.admitted = true;
    d.resume(ev);
    BOOST_TEST((d.last.type == type::begin_attempt));
}

BOOST_AUTO_TEST_CASE(the_deadline_and_the_rate_limit) {
    erp::rate_limit rl;
    rl.requests_per_second = 2; // a token every 500 ms
    rl.burst = 1;
    call c(true, false, 10s);
    c.limits.emplace(rl);
    c.start(true, false, 10s);
    c.finish(); // the first token is free
    BOOST_TEST((c.trace[1] == "begin_attempt"));
    c.start(true, false, 10s);
    c.resume(c.success()); // admitted
    BOOST_REQUIRE(c.last.type == type::wait);
    BOOST_TEST(!c.last.retry);
    BOOST_TEST((c.last.until == c.env.now + 500ms));
    c.resume(c.success());
    BOOST_TEST((c.last.type == type::begin_attempt));
    c.finish();
    // a wait that would end after the deadline is not started: the timeout, no token taken
    c.start(true, false, 400ms);
    c.resume(c.success());
    BOOST_TEST(c.done_with(erp::error::timeout));
    BOOST_TEST(std::string_view(c.fsm.message()) ==
               "the rate limit would delay the request past the call's timeout");
    BOOST_TEST(c.fsm.attempt() == 1u);
    c.start(true, false, 600ms); // the token was not taken: the next waits only 500 ms
    c.resume(c.success());
    BOOST_TEST((c.last.type == type::wait));
    BOOST_TEST((c.last.until == c.env.now + 500ms));
}

BOOST_AUTO_TEST_CASE(a_rate_limit_past_the_deadline_on_a_retry_returns_the_last_failure) {
    erp::rate_limit rl;
    rl.requests_per_second = 1;
    rl.burst = 1;
    call c(true, false, 800ms);
    c.limits.emplace(rl);
    c.start(true, false, 800ms);
    BOOST_REQUIRE(c.run_to(type::connect));
    detail::call_event ev;
    ev.ec = asio::error::connection_refused;
    c.resume(ev);
    c.resume({});
    BOOST_REQUIRE(c.last.type == type::wait); // backoff 20 ms
    c.resume(c.success());
    BOOST_TEST(c.done_with(erp::error::connect_failed)); // the next token is 1 s away
    BOOST_TEST(c.fsm.attempt() == 2u);
}

BOOST_AUTO_TEST_CASE(the_deadline_and_the_backoff) {
    // a backoff that would end after the deadline: the last failure at once
    call c(true, false, 100ms);
    c.env.backoff = 100ms;
    BOOST_REQUIRE(c.run_to(type::connect));
    detail::call_event ev;
    ev.ec = asio::error::connection_refused;
    c.resume(ev);
    c.resume({});
    BOOST_TEST(c.done_with(erp::error::connect_failed));
    BOOST_TEST(c.fsm.attempt() == 1u);
    // a backoff that ends late (the timer ran behind): the next attempt finds the deadline passed
    call d(true, false, 100ms);
    BOOST_REQUIRE(d.run_to(type::connect));
    d.resume(ev);
    d.resume({});
    BOOST_REQUIRE(d.last.type == type::wait);
    d.env.now += 200ms;
    d.resume({});
    BOOST_TEST((d.last.type == type::begin_attempt));
    d.resume({});
    BOOST_TEST((d.last.type == type::close_connection));
    d.resume({});
    BOOST_TEST(d.done_with(erp::error::timeout));
    BOOST_TEST(std::string_view(d.fsm.message()) == "the call's timeout passed before the request was sent");
    BOOST_TEST(d.fsm.attempt() == 2u);
}

BOOST_AUTO_TEST_CASE(the_deadline_during_each_io_step) {
    for (type step : {type::resolve, type::connect, type::tls_handshake, type::write, type::read}) {
        BOOST_TEST_CONTEXT(name(step)) {
            call c(true, true, 1s);
            if (step == type::read) {
                BOOST_REQUIRE(c.run_to(type::parse));
                c.resume({});
            }
            BOOST_REQUIRE(c.run_to(step));
            c.env.now += 1s;
            detail::call_event ev;
            ev.deadline_fired = true; // the timer closed the socket or cancelled the lookup
            ev.ec = step == type::resolve ? erp::error_code(asio::error::operation_aborted)
                                          : erp::error_code(asio::error::bad_descriptor);
            c.resume(ev);
            c.resume({});
            BOOST_TEST(c.done_with(erp::error::timeout));
            BOOST_TEST(c.fsm.attempt() == 1u);
            BOOST_TEST(c.env.backoff_asked.empty());
        }
    }
    // the end of the stream after the deadline does not end a body delimited by it
    call c(true, false, 1s);
    BOOST_REQUIRE(c.run_to(type::parse));
    c.resume({});
    detail::call_event ev;
    ev.ec = asio::error::eof;
    ev.got_some = ev.header_done = true;
    ev.deadline_fired = true;
    c.resume(ev);
    c.resume({});
    BOOST_TEST(c.done_with(erp::error::timeout));
    // a malformed response parsed after the deadline keeps its code
    call m(true, false, 1s);
    BOOST_REQUIRE(m.run_to(type::parse));
    detail::call_event bad;
    bad.ec = http::error::bad_version;
    bad.deadline_fired = true;
    m.resume(bad);
    m.resume({});
    BOOST_TEST(m.done_with(erp::error::malformed_response));
    // so does an oversized one
    call o(true, false, 1s);
    BOOST_REQUIRE(o.run_to(type::parse));
    bad.ec = http::error::body_limit;
    o.resume(bad);
    o.resume({});
    BOOST_TEST(o.done_with(erp::error::body_too_large));
}

// --- cancellation ---

BOOST_AUTO_TEST_CASE(cancellation_at_every_step) {
    for (int n = 0;; ++n) {
        call c(true, true);
        // a script that visits every kind of step: the gate queue, a rate wait, a retry
        erp::rate_limit rl;
        rl.requests_per_second = 1;
        rl.burst = 1;
        c.limits.emplace(rl);
        c.limits->reserve(c.env.now); // the next token is 1 s away
        c.start(true, true, 10s);
        int step = 0;
        bool cancelled = false;
        bool failed_once = false;
        std::string at;
        for (int i = 0; i < 100 && c.last.type != type::done; ++i) {
            if (step++ == n) {
                at = name(c.last.type);
                detail::call_event ev;
                ev.cancelled = true;
                ev.ec = asio::error::operation_aborted;
                c.resume(ev);
                cancelled = true;
                break;
            }
            if (c.last.type == type::enter_gate) {
                c.resume({}); // queued
                continue;
            }
            if (c.last.type == type::connect && !failed_once) {
                failed_once = true;
                detail::call_event ev;
                ev.ec = asio::error::connection_refused;
                c.resume(ev);
                continue;
            }
            c.resume(c.success());
        }
        if (!cancelled) {
            BOOST_TEST(!c.last.ec);
            BOOST_TEST(n > 10); // every step was visited
            break;
        }
        BOOST_TEST_CONTEXT("cancelled at " << at) {
            BOOST_TEST(c.done_with(asio::error::operation_aborted));
            // and a machine that ended stays ended
            BOOST_TEST(c.fsm.finished());
        }
    }
    // cancelled while the I/O succeeded anyway: the call still ends
    call c(true);
    BOOST_REQUIRE(c.run_to(type::parse));
    auto ev = response();
    ev.cancelled = true;
    c.resume(ev);
    BOOST_TEST(c.done_with(asio::error::operation_aborted));
}

// --- permanent failures ---

BOOST_AUTO_TEST_CASE(a_certificate_that_fails_verification_is_final_at_once) {
    for (int reason :
         {SSL_R_CERTIFICATE_VERIFY_FAILED, SSL_R_TLSV1_ALERT_UNKNOWN_CA, SSL_R_SSLV3_ALERT_BAD_CERTIFICATE,
          SSL_R_UNSUPPORTED_PROTOCOL, SSL_R_WRONG_VERSION_NUMBER, SSL_R_NO_PROTOCOLS_AVAILABLE}) {
        BOOST_TEST_CONTEXT("reason " << reason) {
            call c(true, true);
            BOOST_REQUIRE(c.run_to(type::tls_handshake));
            detail::call_event ev;
            ev.ec = ssl_error(reason);
            c.resume(ev);
            c.resume({});
            BOOST_TEST(c.done_with(erp::error::tls_handshake_failed));
            BOOST_TEST(c.fsm.attempt() == 1u);
            BOOST_TEST(c.fsm.cause() == ev.ec);
            BOOST_TEST(std::string_view(c.fsm.message()) == "the TLS handshake failed");
            BOOST_TEST(c.env.backoff_asked.empty());
        }
    }
    // a transient handshake failure is retried, for every operation (nothing was sent)
    call c(false, true);
    BOOST_REQUIRE(c.run_to(type::tls_handshake));
    detail::call_event ev;
    ev.ec = ssl_error(SSL_R_UNEXPECTED_EOF_WHILE_READING);
    c.resume(ev);
    c.resume({});
    BOOST_TEST((c.last.type == type::wait));
    BOOST_TEST(c.last.ec == erp::error::tls_handshake_failed);
}

BOOST_AUTO_TEST_CASE(which_tls_failures_are_permanent) {
    BOOST_TEST(detail::is_permanent_tls_failure(ssl_error(SSL_R_CERTIFICATE_VERIFY_FAILED)));
    BOOST_TEST(!detail::is_permanent_tls_failure(ssl_error(SSL_R_UNEXPECTED_EOF_WHILE_READING)));
    BOOST_TEST(!detail::is_permanent_tls_failure(asio::ssl::error::stream_truncated));
    BOOST_TEST(!detail::is_permanent_tls_failure(asio::error::connection_reset));
    // the same reason number from another OpenSSL library is not ours
    BOOST_TEST(!detail::is_permanent_tls_failure(
        erp::error_code(static_cast<int>(ERR_PACK(ERR_LIB_X509, 0, SSL_R_CERTIFICATE_VERIFY_FAILED)),
                        asio::error::get_ssl_category())));
}

BOOST_AUTO_TEST_CASE(a_tls_setup_failure_is_final) {
    call c(true, true);
    BOOST_REQUIRE(c.run_to(type::tls_handshake));
    detail::call_event ev;
    ev.setup_failed = true;
    ev.ec = ssl_error(SSL_R_SSL3_EXT_INVALID_SERVERNAME);
    c.resume(ev);
    BOOST_TEST(c.done_with(erp::error::tls_handshake_failed));
    BOOST_TEST(std::string_view(c.fsm.message()) == "could not set the TLS server name (SNI)");
    BOOST_TEST(c.fsm.cause() == ev.ec);
    BOOST_TEST(c.fsm.attempt() == 1u);
}

BOOST_AUTO_TEST_CASE(classify_io_error_maps_transport_failures) {
    using detail::classify_io_error;
    auto const fb = erp::error::transport_failed;
    BOOST_TEST(classify_io_error(asio::error::operation_aborted, fb, false) ==
               asio::error::operation_aborted);
    BOOST_TEST(classify_io_error(asio::error::operation_aborted, fb, true) == erp::error::timeout);
    BOOST_TEST(classify_io_error(http::error::body_limit, fb, false) == erp::error::body_too_large);
    BOOST_TEST(classify_io_error(http::error::end_of_stream, fb, false) == erp::error::connection_closed);
    BOOST_TEST(classify_io_error(asio::error::connection_reset, fb, false) == erp::error::connection_closed);
    BOOST_TEST(classify_io_error(http::error::bad_version, fb, false) == erp::error::malformed_response);
    BOOST_TEST(classify_io_error(asio::error::host_not_found, erp::error::resolve_failed, false) ==
               erp::error::resolve_failed);
}

// --- the tunnel through a proxy ---

BOOST_AUTO_TEST_CASE(a_tunnel_opened_leads_to_the_tls_handshake) {
    call c(true, true);
    c.proxy = true;
    c.start(true, true, 10s);
    c.finish();
    BOOST_TEST(
        (c.trace == trace_t{"enter_gate", "begin_attempt", "take_connection", "resolve", "connect",
                            "proxy_connect", "tls_handshake", "write", "parse", "release(keep)", "done"}));
    BOOST_TEST(!c.last.ec);
    BOOST_TEST(c.fsm.status() == 200u); // the server's, not the proxy's
    // any 2xx opens it
    c.proxy_status = 204;
    c.start(true, true, 10s);
    c.finish();
    BOOST_TEST(!c.last.ec);
    BOOST_TEST(c.trace.at(6) == "tls_handshake");
}

BOOST_AUTO_TEST_CASE(a_plain_target_is_tunnelled_too_and_a_kept_tunnel_is_reused) {
    call c(true, false);
    c.proxy = true;
    c.start(true, false, 10s);
    c.finish();
    BOOST_TEST((c.trace == trace_t{"enter_gate", "begin_attempt", "take_connection", "resolve", "connect",
                                   "proxy_connect", "write", "parse", "release(keep)", "done"}));
    // a connection from the pool is a tunnel already: no second CONNECT
    c.reused = true;
    c.start(true, true, 10s);
    c.finish();
    BOOST_TEST((c.trace == trace_t{"enter_gate", "begin_attempt", "take_connection", "write", "parse",
                                   "release(keep)", "done"}));
}

BOOST_AUTO_TEST_CASE(a_proxy_refusal_is_final) {
    for (unsigned st : {407u, 403u, 502u, 503u, 101u, 301u}) {
        for (bool safe : {true, false}) {
            BOOST_TEST_CONTEXT("status " << st << (safe ? ", safe" : ", unsafe")) {
                call c(safe, true);
                c.proxy = true;
                c.proxy_status = st;
                c.policy.retry_unsafe = true;
                c.start(safe, true, 10s);
                c.finish();
                BOOST_TEST(c.done_with(erp::error::proxy_failed));
                BOOST_TEST((c.trace == trace_t{"enter_gate", "begin_attempt", "take_connection", "resolve",
                                               "connect", "proxy_connect", "close_connection", "done"}));
                BOOST_TEST(c.fsm.attempt() == 1u); // not retried, not even a 503
                BOOST_TEST(c.env.backoff_asked.empty());
                BOOST_TEST(c.fsm.status() == st); // for diagnostics::http_status
                BOOST_TEST(!c.fsm.sent());
                BOOST_REQUIRE(c.fsm.message());
                BOOST_TEST((std::string(c.fsm.message()).find("407") != std::string::npos) == (st == 407));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_proxy_that_cannot_be_reached_is_retried_as_a_failed_connect) {
    for (bool safe : {true, false}) {
        BOOST_TEST_CONTEXT((safe ? "safe" : "unsafe")) {
            call c(safe, true);
            c.proxy = true;
            c.start(safe, true, 10s);
            BOOST_REQUIRE(c.run_to(type::connect));
            detail::call_event ev;
            ev.ec = asio::error::connection_refused;
            c.resume(ev);
            c.finish();
            BOOST_TEST(!c.last.ec);
            BOOST_TEST(c.fsm.attempt() == 2u);
            BOOST_TEST((c.env.backoff_asked == std::vector<unsigned>{1}));
            // the second attempt opened its tunnel
            BOOST_TEST(std::count(c.trace.begin(), c.trace.end(), "proxy_connect") == 1);
        }
    }
    // the last attempt: connect_failed, naming the proxy
    call c(true, true);
    c.proxy = true;
    c.policy.max_attempts = 1;
    c.start(true, true, 10s);
    BOOST_REQUIRE(c.run_to(type::connect));
    detail::call_event ev;
    ev.ec = asio::error::connection_refused;
    c.resume(ev);
    c.resume({});
    BOOST_TEST(c.done_with(erp::error::connect_failed));
    BOOST_TEST(c.fsm.message() == std::string_view("could not connect to the proxy"));
    BOOST_TEST(c.fsm.cause() == erp::error_code(asio::error::connection_refused));
}

BOOST_AUTO_TEST_CASE(a_connection_lost_during_connect_is_retried_for_every_operation) {
    for (erp::error_code lost :
         {erp::error_code(asio::error::eof), erp::error_code(asio::error::connection_reset)}) {
        BOOST_TEST_CONTEXT(lost.message()) {
            call c(false, true); // nothing reached the target: even an unsafe operation
            c.proxy = true;
            c.start(false, true, 10s);
            BOOST_REQUIRE(c.run_to(type::proxy_connect));
            detail::call_event ev;
            ev.ec = lost;
            c.resume(ev);
            c.finish();
            BOOST_TEST(!c.last.ec);
            BOOST_TEST(c.fsm.attempt() == 2u);
            // when it is the last attempt: proxy_failed, no status
            call f(false, true);
            f.proxy = true;
            f.policy.max_attempts = 1;
            f.start(false, true, 10s);
            BOOST_REQUIRE(f.run_to(type::proxy_connect));
            f.resume(ev);
            f.resume({});
            BOOST_TEST(f.done_with(erp::error::proxy_failed));
            BOOST_TEST(f.fsm.status() == 0u);
            BOOST_TEST(f.fsm.cause() == lost);
            BOOST_TEST(f.fsm.message() ==
                       std::string_view("the connection to the proxy failed during CONNECT"));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_malformed_or_oversized_proxy_reply_is_final) {
    for (erp::error_code bad :
         {erp::error_code(http::error::bad_version), erp::error_code(http::error::header_limit)}) {
        BOOST_TEST_CONTEXT(bad.message()) {
            call c(true, true);
            c.proxy = true;
            c.start(true, true, 10s);
            BOOST_REQUIRE(c.run_to(type::proxy_connect));
            detail::call_event ev;
            ev.ec = bad;
            c.resume(ev);
            c.finish();
            BOOST_TEST(c.done_with(erp::error::proxy_failed));
            BOOST_TEST(c.fsm.attempt() == 1u);
            BOOST_TEST(c.fsm.cause() == bad);
        }
    }
    // bytes after a 2xx head: not a tunnel to a server that waits for the request
    call c(true, false);
    c.proxy = true;
    c.start(true, false, 10s);
    BOOST_REQUIRE(c.run_to(type::proxy_connect));
    detail::call_event ev;
    ev.complete = true;
    ev.status = 200;
    ev.early_bytes = true;
    c.resume(ev);
    c.finish();
    BOOST_TEST(c.done_with(erp::error::proxy_failed));
    BOOST_TEST(c.fsm.attempt() == 1u);
}

BOOST_AUTO_TEST_CASE(the_deadline_and_cancellation_during_the_tunnel) {
    {
        call c(true, true, 1s);
        c.proxy = true;
        c.start(true, true, 1s);
        BOOST_REQUIRE(c.run_to(type::proxy_connect));
        c.env.now += 1s;
        detail::call_event ev;
        ev.deadline_fired = true; // the timer closed the socket
        ev.ec = asio::error::bad_descriptor;
        c.resume(ev);
        BOOST_TEST((c.last.type == type::close_connection));
        c.resume({});
        BOOST_TEST(c.done_with(erp::error::timeout));
        BOOST_TEST(c.fsm.attempt() == 1u);
        BOOST_TEST(c.env.backoff_asked.empty());
    }
    {
        // the deadline fired while a malformed head was parsed: the head's error is kept
        call c(true, true, 1s);
        c.proxy = true;
        c.start(true, true, 1s);
        BOOST_REQUIRE(c.run_to(type::proxy_connect));
        detail::call_event ev;
        ev.deadline_fired = true;
        ev.ec = http::error::bad_version;
        c.resume(ev);
        c.resume({});
        BOOST_TEST(c.done_with(erp::error::proxy_failed));
    }
    {
        call c(true, true);
        c.proxy = true;
        c.start(true, true, 10s);
        BOOST_REQUIRE(c.run_to(type::proxy_connect));
        detail::call_event ev;
        ev.cancelled = true;
        ev.ec = asio::error::operation_aborted;
        c.resume(ev);
        BOOST_TEST(c.done_with(asio::error::operation_aborted));
        BOOST_TEST(c.fsm.finished());
    }
    {
        // cancelled while the proxy said yes anyway: the call still ends
        call c(true, true);
        c.proxy = true;
        c.start(true, true, 10s);
        BOOST_REQUIRE(c.run_to(type::proxy_connect));
        auto ev = c.success();
        ev.cancelled = true;
        c.resume(ev);
        BOOST_TEST(c.done_with(asio::error::operation_aborted));
    }
}

BOOST_AUTO_TEST_SUITE_END()
