//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Timeouts and cancellation: three ways a call ends before the server answers, against a sandbox
// that takes two seconds to answer anything.
//
//   1. a timeout for one call (`call_options::timeout`): the call ends with `error::timeout`;
//   2. a cancellation signal bound to the call's token (`bind_cancellation_slot`): the call ends
//      with `operation_aborted` when the signal is emitted;
//   3. a race with a timer (`awaitable_operators::operator||`): whichever completes first wins and
//      the other is cancelled.
//
// In every case the call's connection is closed, the client stays usable, and the request may or
// may not have reached the server (for operations that are not safe to retry, check before
// sending again). Exit status 0 when each call ended as described.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <iostream>
#include <variant>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
using namespace std::chrono_literals;

namespace {

using clock_type = std::chrono::steady_clock;

long long ms_since(clock_type::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start).count();
}

asio::awaitable<int> run(erp::client& c) {
    int failures = 0;

    // 1. A timeout for this call only (the client's default is client_config::timeout).
    {
        erp::diagnostics diag;
        erp::call_options opts;
        opts.timeout = 200ms;
        opts.diag = &diag;
        auto start = clock_type::now();
        auto [ec, status] = co_await c.async_get_engine_status(opts, asio::as_tuple(asio::deferred));
        std::cout << "1. timeout: " << ec.message() << " after " << ms_since(start) << " ms ("
                  << diag.to_string() << ")\n";
        failures += ec != erp::error::timeout;
    }

    // 2. A cancellation signal: emitted by a timer after 100 ms, it ends the call at once.
    {
        auto ex = co_await asio::this_coro::executor;
        asio::cancellation_signal stop;
        asio::steady_timer timer(ex, 100ms);
        timer.async_wait([&](erp::error_code) { stop.emit(asio::cancellation_type::terminal); });
        auto start = clock_type::now();
        auto [ec, status] = co_await c.async_get_engine_status(
            asio::bind_cancellation_slot(stop.slot(), asio::as_tuple(asio::use_awaitable)));
        std::cout << "2. cancellation signal: " << ec.message() << " after " << ms_since(start) << " ms\n";
        failures += ec != asio::error::operation_aborted;
    }

    // 3. A race: the call against a 150 ms timer; the loser is cancelled (the call, here).
    {
        using namespace asio::experimental::awaitable_operators;
        auto ex = co_await asio::this_coro::executor;
        asio::steady_timer timer(ex, 150ms);
        auto start = clock_type::now();
        std::variant<erp::erp_sync_engine_status, std::monostate> winner = co_await (
            c.async_get_engine_status(asio::use_awaitable) || timer.async_wait(asio::use_awaitable));
        std::cout << "3. race with a timer: " << (winner.index() == 1 ? "the timer won" : "the call won")
                  << " after " << ms_since(start) << " ms\n";
        failures += winner.index() != 1;
    }

    // The client is still usable: a call with enough time gets its answer.
    {
        erp::call_options opts;
        opts.timeout = 30s;
        auto [ec, status] = co_await c.async_get_engine_status(opts, asio::as_tuple(asio::deferred));
        std::cout << "then: " << (ec ? ec.message() : std::string("answered")) << "\n";
        failures += static_cast<bool>(ec);
    }
    co_return failures;
}

} // namespace

int main() {
    erp::sandbox::options so;
    so.response_delay = 2s; // a slow server
    erp::sandbox::server sandbox(so);

    erp::client_config cfg;
    cfg.base_url = sandbox.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");

    asio::io_context io;
    erp::client client(io, cfg);
    int failures = 1;
    asio::co_spawn(io, run(client), [&](std::exception_ptr e, int n) {
        if (e)
            std::rethrow_exception(e);
        failures = n;
    });
    io.run();
    std::cout << (failures == 0 ? "Every call ended as expected.\n" : "Some call did not end as expected.\n");
    return failures == 0 ? 0 : 1;
}
