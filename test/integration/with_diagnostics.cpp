// `with_diagnostics(token)` and the default token: a failed call awaited or waited for through a
// throwing token throws `error_with_diagnostics` with the call's own diagnostics (HTTP status,
// server error body, field path, attempts, configuration errors), `as_tuple` and callbacks still
// get the plain `error_code`, and cancellation passes through the adapter. Against the sandbox
// and canned replies on 127.0.0.1.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/error_with_diagnostics.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#include <superoffice/erpsync/with_diagnostics.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <test_common/canned_server.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
namespace sandbox = superoffice::erpsync::sandbox;
using namespace std::chrono_literals;

namespace {

sandbox::options quiet() {
    sandbox::options o;
    o.engine_timer = false;
    return o;
}

erp::client_config config_for(sandbox::server const& sb, std::string password = "sandbox") {
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", password);
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

/// Runs `body` as a coroutine on `io` to completion; rethrows what escaped it.
template <class F>
void run_coro(asio::io_context& io, F body) {
    std::exception_ptr escaped;
    bool done = false;
    asio::co_spawn(io, std::move(body), [&](std::exception_ptr e) {
        escaped = e;
        done = true;
    });
    io.restart();
    io.run();
    BOOST_TEST_REQUIRE(done);
    if (escaped)
        std::rethrow_exception(escaped);
}

/// What `f()` threw as `error_with_diagnostics` (nothing when it threw nothing).
template <class F>
std::optional<erp::error_with_diagnostics> caught(F&& f) {
    try {
        f();
    } catch (erp::error_with_diagnostics const& e) {
        return e;
    }
    return std::nullopt;
}

std::string error_body(int status) {
    return R"({"Error":true,"ErrorType":"Type)" + std::to_string(status) + R"(","ErrorMessage":"message )" +
           std::to_string(status) + R"(","ErrorSource":"test"})";
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_with_diagnostics)

BOOST_AUTO_TEST_CASE(use_awaitable_throws_the_status_and_the_server_error_of_a_401) {
    sandbox::server sb(quiet());
    asio::io_context io;
    erp::client c(io, config_for(sb, "wrong"));
    std::optional<erp::error_with_diagnostics> e;
    run_coro(io, [&]() -> asio::awaitable<void> {
        try {
            co_await c.async_get_engine_status(erp::with_diagnostics(asio::use_awaitable));
        } catch (erp::error_with_diagnostics const& x) {
            e = x;
        }
    });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST((e->code() == erp::error::http_unauthorized));
    auto const& d = e->get_diagnostics();
    BOOST_TEST(d.http_status == 401u);
    BOOST_TEST_REQUIRE(d.server.has_value());
    BOOST_TEST(d.server->ErrorType == "SoAuthenticationException");
    BOOST_TEST(d.attempts == 1u);
    BOOST_TEST(std::string(e->what()).find("401") != std::string::npos, e->what());
}

BOOST_AUTO_TEST_CASE(the_default_token_awaited_throws_error_with_diagnostics) {
    sandbox::server sb(quiet());
    asio::io_context io;
    erp::client c(io, config_for(sb, "wrong"));
    std::optional<erp::error_with_diagnostics> e;
    run_coro(io, [&]() -> asio::awaitable<void> {
        try {
            co_await c.async_force_resync(resync_one()); // the one-liner
        } catch (erp::error_with_diagnostics const& x) {
            e = x;
        }
    });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST((e->code() == erp::error::http_unauthorized));
    BOOST_TEST(e->get_diagnostics().http_status == 401u);
    BOOST_TEST(e->get_diagnostics().server.has_value());
    // and a success returns the value
    erp::client ok(io, config_for(sb));
    erp::erp_sync_engine_status st;
    run_coro(io, [&]() -> asio::awaitable<void> { st = co_await ok.async_get_engine_status(); });
    BOOST_TEST(!st.StatusMessage.empty());
}

BOOST_AUTO_TEST_CASE(a_decode_failure_carries_its_field_path) {
    erp::test::canned_server srv(
        {{erp::test::http_reply(200, "OK", R"({"IsOk":true,"ErrorCode":"x","Changes":[]})"), true}});
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = srv.url();
    erp::client c(io, cfg);
    std::optional<erp::error_with_diagnostics> e;
    run_coro(io, [&]() -> asio::awaitable<void> {
        try {
            co_await c.async_force_resync(resync_one());
        } catch (erp::error_with_diagnostics const& x) {
            e = x;
        }
    });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST((e->code() == erp::error::type_mismatch));
    BOOST_TEST(e->get_diagnostics().field_path == "Changes");
    BOOST_TEST(e->get_diagnostics().http_status == 200u);
}

BOOST_AUTO_TEST_CASE(the_attempts_after_retries_and_a_user_diag_still_filled) {
    sandbox::options o = quiet();
    o.faults.status_500 = 1.0;
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = config_for(sb);
    cfg.retry.max_attempts = 3;
    erp::client c(io, cfg);
    erp::diagnostics mine;
    mine.client_message = "stale"; // cleared by the call
    erp::call_options opt;
    opt.diag = &mine;
    std::optional<erp::error_with_diagnostics> e;
    run_coro(io, [&]() -> asio::awaitable<void> {
        try {
            co_await c.async_get_engine_status(opt, erp::with_diagnostics(asio::use_awaitable));
        } catch (erp::error_with_diagnostics const& x) {
            e = x;
        }
    });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST((e->code() == erp::error::http_server_error));
    BOOST_TEST(e->get_diagnostics().attempts == 3u);
    BOOST_TEST(e->get_diagnostics().http_status == 500u);
    BOOST_TEST(mine.attempts == 3u); // the user's diagnostics: filled as without the adapter
    BOOST_TEST(mine.http_status == 500u);
    BOOST_TEST(mine.to_string() == e->get_diagnostics().to_string());
}

BOOST_AUTO_TEST_CASE(as_tuple_and_callbacks_still_get_the_error_code) {
    sandbox::server sb(quiet());
    asio::io_context io;
    erp::client c(io, config_for(sb, "wrong"));
    erp::diagnostics d;
    erp::call_options opt;
    opt.diag = &d;
    erp::error_code got;
    run_coro(io, [&]() -> asio::awaitable<void> {
        auto [ec, st] = co_await c.async_get_engine_status(opt, asio::as_tuple(asio::deferred));
        got = ec;
        BOOST_TEST(st.StatusMessage.empty());
    });
    BOOST_TEST((got == erp::error::http_unauthorized));
    BOOST_TEST(d.http_status == 401u);
    got = {};
    d.clear();
    c.async_get_engine_status(opt, [&](erp::error_code ec, erp::erp_sync_engine_status) { got = ec; });
    io.restart();
    io.run();
    BOOST_TEST((got == erp::error::http_unauthorized));
    BOOST_TEST(d.http_status == 401u);
}

BOOST_AUTO_TEST_CASE(use_future_and_204_operations) {
    sandbox::server sb(quiet());
    asio::io_context io;
    erp::client c(io, config_for(sb, "wrong"));
    auto work = asio::make_work_guard(io);
    std::thread t([&] { io.run(); });
    auto f = c.async_get_engine_status(erp::with_diagnostics(asio::use_future));
    auto e = caught([&] { f.get(); });
    // an operation without a result: void(std::exception_ptr)
    erp::engine_interval_request req;
    auto g = c.async_change_engine_interval(req, erp::with_diagnostics(asio::use_future));
    auto e2 = caught([&] { g.get(); });
    work.reset();
    t.join();
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->get_diagnostics().http_status == 401u);
    BOOST_TEST_REQUIRE(e2.has_value());
    BOOST_TEST((e2->code() == erp::error::http_unauthorized));
    BOOST_TEST(e2->get_diagnostics().http_status == 401u);
}

BOOST_AUTO_TEST_CASE(concurrent_calls_each_get_their_own_diagnostics) {
    std::vector<int> const statuses{400, 403, 404, 409, 410, 422};
    std::vector<erp::test::canned_reply> replies;
    for (int s : statuses)
        replies.push_back({erp::test::http_reply(s, "Failed", error_body(s)), true});
    erp::test::canned_server srv(replies);
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = srv.url();
    cfg.retry = erp::retry_policy::none();
    erp::client c(io, cfg);
    std::vector<std::optional<erp::error_with_diagnostics>> got(statuses.size());
    std::size_t done = 0;
    for (std::size_t i = 0; i < statuses.size(); ++i)
        asio::co_spawn(
            io,
            [&, i]() -> asio::awaitable<void> {
                try {
                    co_await c.async_get_engine_status(); // all in flight at once
                } catch (erp::error_with_diagnostics const& x) {
                    got[i] = x;
                }
                ++done;
            },
            asio::detached);
    io.run();
    BOOST_TEST_REQUIRE(done == statuses.size());
    std::set<unsigned> seen;
    for (auto const& e : got) {
        BOOST_TEST_REQUIRE(e.has_value());
        auto const& d = e->get_diagnostics();
        seen.insert(d.http_status);
        BOOST_TEST_REQUIRE(d.server.has_value());
        // each exception holds the body of its own reply
        BOOST_TEST(d.server->ErrorType == "Type" + std::to_string(d.http_status));
        BOOST_TEST(d.server->ErrorMessage == "message " + std::to_string(d.http_status));
    }
    BOOST_TEST(seen.size() == statuses.size());
}

BOOST_AUTO_TEST_CASE(configuration_errors_reach_the_exception) {
    asio::io_context io;
    { // a fixed host: the error found when the request is built, before the call starts
        erp::client_config cfg;
        cfg.base_url = "http://127.0.0.1:9/crm";
        cfg.headers = {{"X-Bad", "a\r\nb"}};
        erp::client c(io, cfg);
        erp::diagnostics expected;
        auto const ec = c.config_error(&expected);
        BOOST_TEST_REQUIRE(ec.failed());
        auto op = c.async_get_engine_status(); // built now, awaited below
        std::optional<erp::error_with_diagnostics> e;
        run_coro(io, [&]() -> asio::awaitable<void> {
            try {
                co_await std::move(op);
            } catch (erp::error_with_diagnostics const& x) {
                e = x;
            }
        });
        BOOST_TEST_REQUIRE(e.has_value());
        BOOST_TEST((e->code() == ec));
        BOOST_TEST(!expected.client_message.empty());
        BOOST_TEST(e->get_diagnostics().client_message == expected.client_message);
    }
    { // a session (renewed credentials): its configuration error
        erp::client_config cfg;
        cfg.tenant.context_identifier = "Cust1";
        cfg.tenant.environment = "http://127.0.0.1:9";
        erp::credentials::system_user su;
        su.system_user_token = "token";
        su.private_key = "not a key";
        su.application_token = "app";
        su.context_identifier = "Cust1";
        su.environment = "http://127.0.0.1:9";
        cfg.auth = su;
        erp::client c(io, cfg);
        erp::diagnostics expected;
        auto const ec = c.config_error(&expected);
        BOOST_TEST_REQUIRE(ec.failed());
        std::optional<erp::error_with_diagnostics> e;
        run_coro(io, [&]() -> asio::awaitable<void> {
            try {
                co_await c.async_get_engine_status(erp::with_diagnostics(asio::use_awaitable));
            } catch (erp::error_with_diagnostics const& x) {
                e = x;
            }
        });
        BOOST_TEST_REQUIRE(e.has_value());
        BOOST_TEST((e->code() == ec));
        BOOST_TEST(!e->get_diagnostics().client_message.empty());
    }
}

BOOST_AUTO_TEST_CASE(cancellation_passes_through_the_adapter) {
    sandbox::options o = quiet();
    o.faults.stall = 1.0;
    o.faults.stall_for = 3000ms;
    auto left = std::make_shared<std::atomic<int>>(2);
    o.faults.applies_to = [left](std::string_view) { return left->fetch_sub(1) > 0; };
    sandbox::server sb(o);
    asio::io_context io;
    erp::client c(io, config_for(sb));
    auto const t0 = std::chrono::steady_clock::now();
    // the slot bound inside the adapter (forwarded by its handler) ...
    asio::cancellation_signal inner;
    std::optional<erp::error_with_diagnostics> e1;
    bool done1 = false;
    c.async_get_engine_status(erp::with_diagnostics(
        asio::bind_cancellation_slot(inner.slot(), [&](std::exception_ptr ep, erp::erp_sync_engine_status) {
            done1 = true;
            e1 = caught([&] { std::rethrow_exception(ep); });
        })));
    // ... and outside it
    asio::cancellation_signal outer;
    std::optional<erp::error_with_diagnostics> e2;
    bool done2 = false;
    c.async_get_engine_status(
        asio::bind_cancellation_slot(outer.slot(), erp::with_diagnostics([&](std::exception_ptr ep, auto) {
                                         done2 = true;
                                         e2 = caught([&] { std::rethrow_exception(ep); });
                                     })));
    asio::steady_timer t(io, 200ms);
    t.async_wait([&](erp::error_code) {
        inner.emit(asio::cancellation_type::terminal);
        outer.emit(asio::cancellation_type::terminal);
    });
    io.run();
    BOOST_TEST(done1);
    BOOST_TEST(done2);
    BOOST_TEST_REQUIRE(e1.has_value());
    BOOST_TEST_REQUIRE(e2.has_value());
    BOOST_TEST((e1->code() == asio::error::operation_aborted));
    BOOST_TEST((e2->code() == asio::error::operation_aborted));
    BOOST_TEST((std::chrono::steady_clock::now() - t0 < 2s));
}

BOOST_AUTO_TEST_CASE(the_handlers_executor_passes_through_the_adapter) {
    sandbox::server sb(quiet());
    asio::io_context io;
    erp::client c(io, config_for(sb, "wrong"));
    auto strand = asio::make_strand(io);
    bool on_strand = false;
    bool failed = false;
    c.async_get_engine_status(erp::with_diagnostics(
        asio::bind_executor(strand, [&](std::exception_ptr ep, erp::erp_sync_engine_status) {
            on_strand = strand.running_in_this_thread();
            failed = ep != nullptr;
        })));
    io.run();
    BOOST_TEST(on_strand);
    BOOST_TEST(failed);
}

BOOST_AUTO_TEST_CASE(the_default_token_starts_the_call_when_awaited) {
    sandbox::server sb(quiet());
    asio::io_context io;
    erp::client c(io, config_for(sb));
    erp::call_options o;
    o.timeout = 300ms;
    auto op = c.async_get_engine_status(o);
    std::this_thread::sleep_for(400ms); // longer than the timeout
    std::exception_ptr escaped;
    bool done = false;
    asio::co_spawn(io, std::move(op), [&](std::exception_ptr e, erp::erp_sync_engine_status) {
        escaped = e;
        done = true;
    });
    io.run();
    BOOST_TEST(done);
    BOOST_TEST(!escaped);
}

BOOST_AUTO_TEST_SUITE_END()
