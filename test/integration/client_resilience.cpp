// The client under faults: retries (which failures, which operations, Retry-After in both forms,
// the deadline), per-call cancellation through cancellation slots, the rate limit and the
// in-flight cap, the logging hook, and many calls from several threads on one client.
// Faults come from the sandbox's fault mode; everything runs on 127.0.0.1 and is bounded.
// CTest runs these suites twice: as they are (each call on a strand of the client's), and with
// SO_ERPSYNC_TEST_CALL_THREADING=single_threaded, which makes every client here (except the one
// run by a thread pool) use no strands: the same behaviour is asked of both.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/detail/connection_pool.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include <test_common/call.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
namespace sandbox = superoffice::erpsync::sandbox;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

// A sandbox without its engine timer (nothing changes behind the test's back).
sandbox::options quiet() {
    sandbox::options o;
    o.engine_timer = false;
    return o;
}

// Faults of one kind for the first `n` requests of the operations `op` (all when empty).
sandbox::options first_requests_fail(double sandbox::fault_options::*kind, int n, std::string op = {}) {
    sandbox::options o = quiet();
    o.faults.*kind = 1.0;
    auto left = std::make_shared<std::atomic<int>>(n);
    o.faults.applies_to = [left, op](std::string_view name) {
        if (!op.empty() && name != op)
            return false;
        return left->fetch_sub(1) > 0;
    };
    return o;
}

// The threading the tests' clients use: `automatic` (their io_contexts have no hint: strands),
// or what SO_ERPSYNC_TEST_CALL_THREADING says (`single_threaded`: their io_contexts are run by one
// thread; `strands`).
erp::call_threading test_threading() {
    char const* v = std::getenv("SO_ERPSYNC_TEST_CALL_THREADING");
    if (!v || std::string_view(v).empty())
        return erp::call_threading::automatic;
    if (std::string_view(v) == "single_threaded")
        return erp::call_threading::single_threaded;
    if (std::string_view(v) == "strands")
        return erp::call_threading::strands;
    throw std::invalid_argument("SO_ERPSYNC_TEST_CALL_THREADING: single_threaded or strands");
}

erp::client_config config(sandbox::server const& sb) {
    erp::client_config cfg;
    cfg.threading = test_threading();
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    cfg.timeout = 10s;
    cfg.retry.initial_backoff = 10ms;
    cfg.retry.max_backoff = 50ms;
    return cfg;
}

erp::force_resync_request resync_one() {
    erp::force_resync_request r;
    r.ErpConnectionId = 1;
    r.InternalKeyIds = {1};
    return r;
}

struct log_capture {
    std::mutex m;
    std::vector<erp::log_record> records;
    std::vector<std::string> messages;

    erp::logger make(erp::log_level level = erp::log_level::debug) {
        erp::logger l;
        l.min_level = level;
        l.sink = [this](erp::log_record const& r) {
            std::lock_guard lock(m);
            records.push_back(r);
            messages.emplace_back(r.message);
            records.back().message = {}; // the view dies with the call
            records.back().operation = {};
        };
        return l;
    }
    std::size_t count(std::string_view event) {
        std::lock_guard lock(m);
        std::size_t n = 0;
        for (auto const& r : records)
            n += r.event == event;
        return n;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(test_client_retries)

BOOST_AUTO_TEST_CASE(each_transient_fault_is_retried_for_a_retry_safe_operation) {
    struct fault_case {
        double sandbox::fault_options::*kind;
        char const* name;
    };
    for (auto c : {fault_case{&sandbox::fault_options::status_503, "503"},
                   fault_case{&sandbox::fault_options::status_429, "429"},
                   fault_case{&sandbox::fault_options::reset_mid_response, "reset mid-response"},
                   fault_case{&sandbox::fault_options::truncated_body, "truncated body"}}) {
        // (a refused connection: a_connection_never_made_is_retried_for_every_operation)
        BOOST_TEST_CONTEXT(c.name) {
            auto o = first_requests_fail(c.kind, 2);
            o.faults.retry_after = 0s;
            sandbox::server sb(o);
            asio::io_context io;
            log_capture logs;
            auto cfg = config(sb);
            cfg.log = logs.make(erp::log_level::warning);
            erp::client cl(io, cfg);
            auto r = erp::test::call<ops::force_resync>(cl, io, resync_one()); // retry-safe
            BOOST_TEST(!r.ec, r.diag.to_string());
            BOOST_TEST(r.diag.attempts == 3u); // filled on success too
            bool const overload = c.kind == &sandbox::fault_options::status_503 ||
                                  c.kind == &sandbox::fault_options::status_429;
            BOOST_TEST(r.diag.overloaded == (overload ? 2u : 0u));
            BOOST_TEST(logs.count("retry") == 2u);
            BOOST_TEST(sb.faults_injected().total() == 2u);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_unsafe_operation_is_not_retried_unless_widened) {
    {
        sandbox::server sb(first_requests_fail(&sandbox::fault_options::status_503, 1));
        asio::io_context io;
        erp::client cl(io, config(sb));
        auto r = erp::test::call<ops::create_actor_link>(cl, io, erp::create_actor_link_request{});
        BOOST_TEST((r.ec == erp::error::http_service_unavailable));
        BOOST_TEST(r.diag.attempts == 1u);
        BOOST_TEST(r.diag.overloaded == 1u); // on failure too
    }
    {
        sandbox::server sb(first_requests_fail(&sandbox::fault_options::status_503, 1));
        asio::io_context io;
        auto cfg = config(sb);
        cfg.retry.retry_unsafe = true;
        erp::client cl(io, cfg);
        auto r = erp::test::call<ops::create_actor_link>(cl, io, erp::create_actor_link_request{});
        BOOST_TEST((r.ec != erp::error::http_service_unavailable), r.diag.to_string());
        BOOST_TEST(r.diag.attempts == 2u);
    }
}

BOOST_AUTO_TEST_CASE(transient_server_errors_are_retried_for_safe_operations) {
    // About 3% of the requests answered 500, 502 or 504 (a seeded draw): every call of a
    // retry-safe operation succeeds, and the attempts the calls report add up to the requests the
    // server read.
    sandbox::options o = quiet();
    o.faults.status_500 = 0.01;
    o.faults.status_502 = 0.01;
    o.faults.status_504 = 0.01;
    o.faults.seed = 14;
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = config(sb);
    cfg.retry.initial_backoff = 1ms;
    cfg.retry.max_backoff = 5ms;
    cfg.retry.max_attempts = 4; // three faults in a row: 3%^3 per call
    erp::client cl(io, cfg);
    constexpr std::size_t n = 2000;
    std::size_t ok = 0, attempts = 0, retried = 0, overloaded = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto r = erp::test::call<ops::force_resync>(cl, io, resync_one());
        if (!r.ec)
            ++ok;
        else
            BOOST_TEST_MESSAGE("call " << i << ": " << r.diag.to_string());
        attempts += r.diag.attempts;
        retried += r.diag.attempts > 1;
        overloaded += r.diag.overloaded;
    }
    auto const f = sb.faults_injected();
    std::size_t const server_errors = f.status_500 + f.status_502 + f.status_504;
    BOOST_TEST_MESSAGE("transient server errors: " << n << " calls, " << sb.requests_served() << " requests, "
                                                   << server_errors << " faults (500 " << f.status_500
                                                   << ", 502 " << f.status_502 << ", 504 " << f.status_504
                                                   << "), " << retried << " calls retried, ok " << ok);
    BOOST_TEST(ok == n);
    BOOST_TEST(server_errors == f.total());
    BOOST_TEST(server_errors > n / 100); // about 3%
    BOOST_TEST(server_errors < n / 10);
    BOOST_TEST(f.status_500 > 0u);
    BOOST_TEST(f.status_502 > 0u);
    BOOST_TEST(f.status_504 > 0u);
    BOOST_TEST(attempts == sb.requests_served());
    BOOST_TEST(attempts == n + server_errors); // each fault cost one more attempt
    BOOST_TEST(retried > 0u);
    BOOST_TEST(overloaded == 0u); // 5xx other than 503 is not overload
    BOOST_TEST(sb.with_state([](auto& e) { return e.resync_count(1, 1); }) == n); // each applied once
}

BOOST_AUTO_TEST_CASE(server_errors_are_not_retried_for_unsafe_operations_or_when_turned_off) {
    for (auto kind : {&sandbox::fault_options::status_500, &sandbox::fault_options::status_502,
                      &sandbox::fault_options::status_504}) {
        {
            sandbox::options o = quiet();
            o.faults.*kind = 1.0;
            sandbox::server sb(o);
            asio::io_context io;
            erp::client cl(io, config(sb));
            auto r = erp::test::call<ops::create_actor_link>(cl, io, erp::create_actor_link_request{});
            BOOST_TEST((r.ec == erp::error::http_server_error));
            BOOST_TEST(r.diag.attempts == 1u);
            BOOST_TEST(sb.faults_injected().total() == 1u);
        }
        {
            sandbox::options o = quiet();
            o.faults.*kind = 1.0;
            sandbox::server sb(o);
            asio::io_context io;
            auto cfg = config(sb);
            cfg.retry.retry_unsafe = true; // widened: retried as for a safe operation
            erp::client cl(io, cfg);
            auto r = erp::test::call<ops::create_actor_link>(cl, io, erp::create_actor_link_request{});
            BOOST_TEST((r.ec == erp::error::http_server_error));
            BOOST_TEST(r.diag.attempts == 3u);
        }
        {
            sandbox::options o = quiet();
            o.faults.*kind = 1.0;
            sandbox::server sb(o);
            asio::io_context io;
            auto cfg = config(sb);
            cfg.retry.retry_server_errors = false;
            erp::client cl(io, cfg);
            auto r = erp::test::call<ops::force_resync>(cl, io, resync_one());
            BOOST_TEST((r.ec == erp::error::http_server_error));
            BOOST_TEST(r.diag.attempts == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_connection_never_made_is_retried_for_every_operation) {
    // nothing was sent, so an operation that is not safe to retry goes again too
    asio::io_context io;
    asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
    auto const port = probe.local_endpoint().port();
    probe.close(); // nothing listens there now
    erp::client_config cfg;
    cfg.base_url = "http://127.0.0.1:" + std::to_string(port) + "/Cust1";
    cfg.retry.initial_backoff = 10ms;
    log_capture logs;
    cfg.log = logs.make(erp::log_level::warning);
    erp::client cl(io, cfg);
    auto r = erp::test::call<ops::create_actor_link>(cl, io, erp::create_actor_link_request{});
    BOOST_TEST((r.ec == erp::error::connect_failed));
    BOOST_TEST(r.diag.attempts == 3u);
    BOOST_TEST(logs.count("retry") == 2u);
    BOOST_TEST(logs.count("failed") == 1u);
}

BOOST_AUTO_TEST_CASE(retry_after_is_honoured_in_seconds_and_as_a_date) {
    for (bool date : {false, true}) {
        BOOST_TEST_CONTEXT((date ? "HTTP-date" : "seconds")) {
            auto o = first_requests_fail(&sandbox::fault_options::status_429, 1);
            o.faults.retry_after = 1s;
            o.faults.retry_after_http_date = date;
            sandbox::server sb(o);
            asio::io_context io;
            log_capture logs;
            auto cfg = config(sb);
            cfg.log = logs.make(erp::log_level::warning);
            erp::client cl(io, cfg);
            auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
            BOOST_TEST(!r.ec, r.diag.to_string());
            BOOST_TEST(r.diag.attempts == 2u);
            std::lock_guard lock(logs.m);
            BOOST_TEST_REQUIRE(logs.records.size() >= 1u);
            BOOST_TEST(logs.records.front().event == "retry");
            // the wait was the server's, not the 10-50 ms backoff (a date has 1 s resolution); the
            // waits of every Retry-After form are checked on a fake clock in test/unit/detail/call_fsm.cpp
            if (date)
                BOOST_TEST((logs.records.front().wait <= 1s));
            else
                BOOST_TEST((logs.records.front().wait == 1s));
            BOOST_TEST((logs.records.front().ec == erp::error::http_too_many_requests));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_retry_after_beyond_the_limit_returns_the_answer) {
    auto o = first_requests_fail(&sandbox::fault_options::status_503, 1);
    o.faults.retry_after = 120s;
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = config(sb);
    cfg.retry.max_retry_after = 10s;
    log_capture logs;
    cfg.log = logs.make(erp::log_level::warning);
    erp::client cl(io, cfg);
    auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
    BOOST_TEST((r.ec == erp::error::http_service_unavailable));
    BOOST_TEST(r.diag.attempts == 1u);
    BOOST_TEST(logs.count("retry") == 0u); // no wait started (the decision: call_fsm's unit tests)
}

BOOST_AUTO_TEST_CASE(retries_stop_at_the_attempt_limit_and_the_deadline) {
    {
        sandbox::options o = quiet();
        o.faults.status_503 = 1.0;
        o.faults.retry_after = 0s;
        sandbox::server sb(o);
        asio::io_context io;
        auto cfg = config(sb);
        cfg.retry.max_attempts = 4;
        erp::client cl(io, cfg);
        auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
        BOOST_TEST((r.ec == erp::error::http_service_unavailable));
        BOOST_TEST(r.diag.attempts == 4u);
        BOOST_TEST(sb.faults_injected().status_503 == 4u);
    }
    {
        sandbox::options o = quiet();
        o.faults.status_500 = 1.0;
        sandbox::server sb(o);
        asio::io_context io;
        erp::client cl(io, config(sb));
        auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
        BOOST_TEST((r.ec == erp::error::http_server_error)); // the last answer
        BOOST_TEST(r.diag.attempts == 3u);
        BOOST_TEST(r.diag.http_status == 500u);
        BOOST_TEST(r.diag.overloaded == 0u);
        BOOST_TEST(sb.faults_injected().status_500 == 3u);
    }
    {
        // waits that would end after the call's timeout are not started
        sandbox::options o = quiet();
        o.faults.status_503 = 1.0;
        o.faults.retry_after = 2s;
        sandbox::server sb(o);
        asio::io_context io;
        auto cfg = config(sb);
        cfg.timeout = 1s;
        log_capture logs;
        cfg.log = logs.make(erp::log_level::warning);
        erp::client cl(io, cfg);
        auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
        BOOST_TEST((r.ec == erp::error::http_service_unavailable));
        BOOST_TEST(r.diag.attempts == 1u);
        BOOST_TEST(logs.count("retry") == 0u); // no wait started
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(test_client_cancellation)

BOOST_AUTO_TEST_CASE(terminal_cancellation_ends_a_stalled_call_and_the_client_goes_on) {
    sandbox::options o = quiet();
    o.faults.stall = 1.0;
    o.faults.stall_for = 3000ms;
    auto left = std::make_shared<std::atomic<int>>(1);
    o.faults.applies_to = [left](std::string_view) { return left->fetch_sub(1) > 0; };
    sandbox::server sb(o);
    asio::io_context io;
    erp::client cl(io, config(sb));
    asio::cancellation_signal sig;
    erp::error_code got;
    bool done = false;
    auto const t0 = clock_type::now();
    cl.async_get_engine_status(asio::bind_cancellation_slot(sig.slot(), [&](erp::error_code ec, auto) {
        got = ec;
        done = true;
    }));
    asio::steady_timer t(io, 200ms);
    t.async_wait([&](erp::error_code) { sig.emit(asio::cancellation_type::terminal); });
    io.run();
    BOOST_TEST(done);
    BOOST_TEST((got == asio::error::operation_aborted));
    BOOST_TEST((clock_type::now() - t0 < 2s));
    // the client still works, and so does a cancellation that never comes
    auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
    BOOST_TEST(!r.ec, r.diag.to_string());
}

BOOST_AUTO_TEST_CASE(cancellation_during_the_retry_wait_and_at_the_gate) {
    {
        auto o = first_requests_fail(&sandbox::fault_options::status_503, 1);
        o.faults.retry_after = 5s;
        sandbox::server sb(o);
        asio::io_context io;
        erp::client cl(io, config(sb));
        asio::cancellation_signal sig;
        erp::error_code got;
        cl.async_get_engine_status(
            asio::bind_cancellation_slot(sig.slot(), [&](erp::error_code ec, auto) { got = ec; }));
        asio::steady_timer t(io, 300ms);
        t.async_wait([&](erp::error_code) { sig.emit(asio::cancellation_type::total); });
        auto const t0 = clock_type::now();
        io.run();
        BOOST_TEST((got == asio::error::operation_aborted));
        BOOST_TEST((clock_type::now() - t0 < 3s));
    }
    {
        sandbox::options o = quiet();
        o.response_delay = 300ms;
        sandbox::server sb(o);
        asio::io_context io;
        auto cfg = config(sb);
        cfg.limit.max_in_flight = 1;
        erp::client cl(io, cfg);
        asio::cancellation_signal sig;
        erp::error_code first, second;
        int completed = 0;
        cl.async_get_engine_status([&](erp::error_code ec, auto) { first = ec, ++completed; });
        cl.async_get_engine_status(asio::bind_cancellation_slot(
            sig.slot(), [&](erp::error_code ec, auto) { second = ec, ++completed; }));
        asio::steady_timer t(io, 50ms);
        t.async_wait([&](erp::error_code) {
            BOOST_TEST(cl.calls_waiting() == 1u);
            sig.emit(asio::cancellation_type::terminal);
        });
        io.run();
        BOOST_TEST(completed == 2);
        BOOST_TEST(!first);
        BOOST_TEST((second == asio::error::operation_aborted));
        BOOST_TEST(cl.calls_in_flight() == 0u);
        BOOST_TEST(sb.requests_served() == 1u); // the cancelled call never sent anything
    }
}

BOOST_AUTO_TEST_CASE(timeouts_leave_the_pool_healthy) {
    // every other request stalls: those calls time out, the connections they used are dropped,
    // and the calls in between keep working on healthy connections
    sandbox::options o = quiet();
    o.faults.stall = 1.0;
    o.faults.stall_for = 2000ms;
    auto n = std::make_shared<std::atomic<int>>(0);
    auto on = std::make_shared<std::atomic<bool>>(true);
    o.faults.applies_to = [n, on](std::string_view) { return on->load() && n->fetch_add(1) % 2 == 0; };
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = config(sb);
    cfg.timeout = 200ms;
    cfg.retry = erp::retry_policy::none();
    erp::client cl(io, cfg);
    int timeouts = 0, ok = 0;
    for (int i = 0; i < 6; ++i) {
        auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
        if (r.ec == erp::error::timeout)
            ++timeouts;
        else if (!r.ec)
            ++ok;
        BOOST_TEST(cl.idle_connections() <= 1u);
    }
    BOOST_TEST(timeouts == 3);
    BOOST_TEST(ok == 3);
    // and without faults every call succeeds on the connections left
    on->store(false);
    for (int i = 0; i < 5; ++i) {
        auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
        BOOST_TEST(!r.ec, r.diag.to_string());
    }
    BOOST_TEST(cl.idle_connections() == 1u);
}

BOOST_AUTO_TEST_CASE(a_partial_cancellation_is_ignored) {
    sandbox::options o = quiet();
    o.response_delay = 200ms;
    sandbox::server sb(o);
    asio::io_context io;
    erp::client cl(io, config(sb));
    asio::cancellation_signal sig;
    erp::error_code got = erp::error::timeout;
    cl.async_get_engine_status(
        asio::bind_cancellation_slot(sig.slot(), [&](erp::error_code ec, auto) { got = ec; }));
    asio::steady_timer t(io, 50ms);
    t.async_wait([&](erp::error_code) { sig.emit(asio::cancellation_type::partial); });
    io.run();
    BOOST_TEST(!got);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(test_client_limits)

BOOST_AUTO_TEST_CASE(the_in_flight_cap_holds_and_every_call_completes) {
    sandbox::options o = quiet();
    o.response_delay = 20ms;
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = config(sb);
    cfg.limit.max_in_flight = 3;
    erp::client cl(io, cfg);
    int done = 0, failed = 0;
    std::size_t most = 0;
    for (int i = 0; i < 30; ++i)
        cl.async_get_engine_status([&](erp::error_code ec, auto) {
            ++done;
            failed += ec ? 1 : 0;
            most = std::max(most, cl.calls_in_flight());
        });
    BOOST_TEST(cl.calls_in_flight() <= 3u);
    io.run();
    BOOST_TEST(done == 30);
    BOOST_TEST(failed == 0);
    BOOST_TEST(most <= 3u);
    BOOST_TEST(cl.connections_opened() <= 3u); // never more sockets than calls allowed at once
    BOOST_TEST(cl.calls_in_flight() == 0u);
}

BOOST_AUTO_TEST_CASE(a_call_waiting_at_the_gate_keeps_its_timeout) {
    sandbox::options o = quiet();
    o.response_delay = 1000ms;
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = config(sb);
    cfg.limit.max_in_flight = 1;
    erp::client cl(io, cfg);
    erp::error_code first = erp::error::timeout, second;
    cl.async_get_engine_status([&](erp::error_code ec, auto) { first = ec; });
    erp::call_options short_wait;
    short_wait.timeout = 300ms;
    erp::diagnostics diag;
    short_wait.diag = &diag;
    cl.async_get_engine_status(short_wait, [&](erp::error_code ec, auto) { second = ec; });
    io.run();
    BOOST_TEST(!first);
    BOOST_TEST((second == erp::error::timeout));
    // it gave up at the gate, at its deadline: not let in after the first call's second
    BOOST_TEST(diag.client_message.find("max_in_flight") != std::string::npos, diag.to_string());
    BOOST_TEST(diag.attempts == 0u);
    BOOST_TEST(cl.calls_in_flight() == 0u);
    BOOST_TEST(sb.requests_served() == 1u);
}

BOOST_AUTO_TEST_CASE(handlers_run_on_their_own_executor_never_inline) {
    sandbox::server sb(quiet());
    asio::io_context io;
    auto cfg = config(sb);
    cfg.limit.requests_per_second = 1;
    cfg.limit.burst = 1;
    cfg.timeout = 200ms;
    erp::client cl(io, cfg);
    auto user_strand = asio::make_strand(io);
    bool on_strand = false, returned = false, inline_completion = false;
    int done = 0;
    asio::post(io, [&] {
        cl.async_get_engine_status(asio::bind_executor(user_strand, [&](erp::error_code, auto) {
            on_strand = user_strand.running_in_this_thread();
            ++done;
        }));
        // the rate limit refuses this one at once (its wait would outlast the timeout): still
        // completed later, not inside the initiating call
        cl.async_get_engine_status([&](erp::error_code ec, auto) {
            inline_completion = !returned;
            BOOST_TEST((ec == erp::error::timeout));
            ++done;
        });
        returned = true;
    });
    io.run();
    BOOST_TEST(done == 2);
    BOOST_TEST(on_strand);
    BOOST_TEST(!inline_completion);
}

BOOST_AUTO_TEST_CASE(the_rate_limit_spaces_requests) {
    sandbox::server sb(quiet());
    asio::io_context io;
    auto cfg = config(sb);
    cfg.limit.requests_per_second = 50;
    cfg.limit.burst = 5;
    erp::client cl(io, cfg);
    int done = 0;
    auto const t0 = clock_type::now();
    for (int i = 0; i < 30; ++i)
        cl.async_get_engine_status([&](erp::error_code ec, auto) { done += ec ? 0 : 1; });
    io.run();
    auto const took = clock_type::now() - t0;
    BOOST_TEST(done == 30);
    // 5 at once, then 25 more at 50 per second: at least ~0.5 s (a lower bound, not a speed target)
    BOOST_TEST((took >= 450ms));
}

BOOST_AUTO_TEST_CASE(a_rate_limit_wait_past_the_deadline_fails_fast) {
    sandbox::server sb(quiet());
    asio::io_context io;
    auto cfg = config(sb);
    cfg.limit.requests_per_second = 1;
    cfg.timeout = 500ms;
    erp::client cl(io, cfg);
    std::vector<erp::error_code> results;
    for (int i = 0; i < 3; ++i)
        cl.async_get_engine_status([&](erp::error_code ec, auto) { results.push_back(ec); });
    io.run();
    BOOST_TEST_REQUIRE(results.size() == 3u);
    BOOST_TEST(std::count(results.begin(), results.end(), erp::error_code{}) == 1);
    BOOST_TEST(std::count(results.begin(), results.end(), erp::error_code(erp::error::timeout)) == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(test_client_logging_and_threads)

BOOST_AUTO_TEST_CASE(the_logger_sees_attempts_latency_and_no_secret) {
    auto o = first_requests_fail(&sandbox::fault_options::status_503, 1);
    o.faults.retry_after = 0s;
    o.app_token = "app-secret-123";
    sandbox::server sb(o);
    asio::io_context io;
    log_capture logs;
    auto cfg = config(sb);
    cfg.auth = erp::credentials::so_ticket("7T:sandbox-ticket");
    cfg.app_token = "app-secret-123";
    cfg.log = logs.make(erp::log_level::debug);
    erp::client cl(io, cfg);
    auto r = erp::test::call<ops::get_engine_status>(cl, io, {});
    BOOST_TEST_REQUIRE(!r.ec, r.diag.to_string());
    std::lock_guard lock(logs.m);
    // attempt 1, retry, attempt 2, completed
    std::vector<std::string_view> events;
    for (auto const& rec : logs.records)
        events.push_back(rec.event);
    BOOST_TEST((events == std::vector<std::string_view>{"attempt", "retry", "attempt", "completed"}));
    BOOST_TEST(logs.records.back().attempt == 2u);
    BOOST_TEST((logs.records.back().level == erp::log_level::info));
    BOOST_TEST(logs.records.back().http_status == 200u);
    BOOST_TEST((logs.records.back().latency > clock_type::duration::zero()));
    for (auto const& m : logs.messages) {
        BOOST_TEST(m.find("sandbox-ticket") == std::string::npos, m);
        BOOST_TEST(m.find("app-secret") == std::string::npos, m);
    }
    BOOST_TEST(logs.messages.front().find("POST /Cust12345/api/v1/Agents/ErpSync/GetEngineStatus") == 0u,
               logs.messages.front());
    BOOST_TEST(logs.messages.front().find("Authorization: [redacted]") != std::string::npos);
    BOOST_TEST(logs.messages.front().find("SO-AppToken: [redacted]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(many_calls_from_many_threads_on_one_client) {
    sandbox::options o = quiet();
    sandbox::server sb(o);
    asio::thread_pool pool(4);
    auto cfg = config(sb);
    cfg.threading = erp::call_threading::automatic; // four threads run it: strands, whatever the run
    cfg.limit.max_in_flight = 16;
    erp::client cl(pool.get_executor(), cfg);
    constexpr int threads = 4, per_thread = 100;
    std::atomic<int> ok{0}, failed{0};
    std::vector<std::thread> starters;
    std::vector<std::promise<void>> all_done(threads * per_thread);
    for (int t = 0; t < threads; ++t)
        starters.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                auto& p = all_done[static_cast<std::size_t>(t * per_thread + i)];
                cl.async_force_resync(resync_one(), [&](erp::error_code ec, erp::plugin_response r) {
                    (!ec && r.IsOk ? ok : failed) += 1;
                    p.set_value();
                });
            }
        });
    for (auto& s : starters)
        s.join();
    for (auto& p : all_done)
        BOOST_TEST_REQUIRE((p.get_future().wait_for(30s) == std::future_status::ready));
    pool.join();
    BOOST_TEST(ok.load() == threads * per_thread);
    BOOST_TEST(failed.load() == 0);
    BOOST_TEST(cl.calls_in_flight() == 0u);
    BOOST_TEST(cl.idle_connections() <= cfg.max_idle_connections);
    BOOST_TEST(sb.with_state([](sandbox::emulator& e) { return e.resync_count(1, 1); }) ==
               static_cast<std::size_t>(threads * per_thread));
}

// The calls' deadlines are watched by one timer per client: once the calls are done it is not
// left set, and io_context::run returns (a timeout of minutes would otherwise hold it).
BOOST_AUTO_TEST_CASE(finished_calls_leave_the_io_context_no_work) {
    sandbox::server sb(quiet());
    asio::io_context io;
    auto cfg = config(sb);
    cfg.timeout = 10min;
    erp::client cl(io, cfg);
    int ok = 0;
    for (int i = 0; i < 8; ++i)
        cl.async_force_resync(resync_one(),
                              [&](erp::error_code ec, erp::plugin_response r) { ok += !ec && r.IsOk; });
    auto const t0 = clock_type::now();
    io.run();
    BOOST_TEST(ok == 8);
    BOOST_TEST((clock_type::now() - t0 < 60s));
    // and again, from idle
    cl.async_force_resync(resync_one(),
                          [&](erp::error_code ec, erp::plugin_response r) { ok += !ec && r.IsOk; });
    io.restart();
    io.run();
    BOOST_TEST(ok == 9);
    BOOST_TEST((clock_type::now() - t0 < 60s));
}

// `call_threading::automatic` leaves the strands out only where Asio itself requires one thread
// at a time (an unsafe concurrency hint); not for hint 1, which several threads may still run.
BOOST_AUTO_TEST_CASE(strands_are_left_out_only_for_a_single_threaded_executor) {
    using erp::detail::client_state;
    auto on_strands = [](asio::any_io_executor ex, erp::call_threading t) {
        erp::client_config cfg;
        cfg.base_url = "http://127.0.0.1:1/Cust1";
        cfg.threading = t;
        client_state st(std::move(ex), cfg);
        bool const strand = st.next_strand().target<asio::strand<asio::io_context::executor_type>>() ||
                            st.next_strand().target<asio::strand<asio::any_io_executor>>();
        BOOST_TEST(strand == st.on_strands());
        return st.on_strands();
    };
    using enum erp::call_threading;
    asio::io_context one(1), many, unsafe(BOOST_ASIO_CONCURRENCY_HINT_UNSAFE),
        unsafe_io(BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO), two(2);
    asio::thread_pool pool(1);
    BOOST_TEST(!on_strands(unsafe.get_executor(), automatic));
    BOOST_TEST(!on_strands(unsafe_io.get_executor(), automatic));
    BOOST_TEST(!on_strands(asio::prefer(unsafe_io.get_executor(), asio::execution::outstanding_work.tracked),
                           automatic));
    BOOST_TEST(on_strands(one.get_executor(), automatic)); // hint 1: still thread-safe in Asio
    BOOST_TEST(on_strands(many.get_executor(), automatic));
    BOOST_TEST(on_strands(two.get_executor(), automatic));
    BOOST_TEST(on_strands(pool.get_executor(), automatic)); // a thread pool may grow (attach)
    BOOST_TEST(on_strands(asio::make_strand(one), automatic));
    BOOST_TEST(on_strands(unsafe.get_executor(), strands));
    BOOST_TEST(!on_strands(one.get_executor(), single_threaded));
    BOOST_TEST(!on_strands(many.get_executor(), single_threaded));
    BOOST_TEST(!on_strands(pool.get_executor(), single_threaded));
    pool.join();
}

// Without strands, calls may still be started and cancelled from other threads while one
// thread runs the io_context (ThreadSanitizer runs this too).
BOOST_AUTO_TEST_CASE(calls_started_and_cancelled_from_other_threads_without_strands) {
    sandbox::server sb(quiet());
    asio::io_context io(1);
    auto cfg = config(sb);
    cfg.threading = erp::call_threading::single_threaded; // one thread runs it
    erp::client cl(io, cfg);
    auto work = asio::make_work_guard(io);
    std::thread runner([&] { io.run(); });
    constexpr int threads = 3, per_thread = 60;
    std::atomic<int> ok{0}, aborted{0}, other{0};
    std::vector<std::promise<void>> done(threads * per_thread);
    std::vector<std::unique_ptr<asio::cancellation_signal>> signals;
    for (int i = 0; i < threads * per_thread; ++i)
        signals.push_back(std::make_unique<asio::cancellation_signal>());
    std::vector<std::thread> starters;
    for (int t = 0; t < threads; ++t)
        starters.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                auto const k = static_cast<std::size_t>(t * per_thread + i);
                cl.async_force_resync(
                    resync_one(), asio::bind_cancellation_slot(
                                      signals[k]->slot(), [&, k](erp::error_code ec, erp::plugin_response r) {
                                          if (!ec && r.IsOk)
                                              ++ok;
                                          else if (ec == asio::error::operation_aborted)
                                              ++aborted;
                                          else
                                              ++other;
                                          done[k].set_value();
                                      }));
                // every third call is cancelled at once, from this thread: a signal is emitted
                // on the io_context's thread (it is not thread-safe itself)
                if (i % 3 == 0)
                    asio::post(io, [&, k] { signals[k]->emit(asio::cancellation_type::terminal); });
            }
        });
    for (auto& s : starters)
        s.join();
    for (auto& p : done)
        BOOST_TEST_REQUIRE((p.get_future().wait_for(30s) == std::future_status::ready));
    work.reset();
    runner.join();
    BOOST_TEST(ok.load() + aborted.load() == threads * per_thread);
    BOOST_TEST(other.load() == 0);
    BOOST_TEST(ok.load() >= threads * per_thread * 2 / 3); // those never cancelled all succeeded
    BOOST_TEST(cl.calls_in_flight() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
