// The sandbox's capacity (`sandbox::options::capacity`, `service_time`): above N requests in
// flight it answers 429 at once and counts the refusals; the service time holds each request so
// that requests overlap as on a real server; a client retrying gets through. Loopback only,
// bounded in time.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include <test_common/call.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
namespace sandbox = superoffice::erpsync::sandbox;
using namespace std::chrono_literals;

namespace {

sandbox::options limited(std::size_t capacity, std::chrono::microseconds service_time) {
    sandbox::options o;
    o.engine_timer = false;
    o.capacity = capacity;
    o.service_time = service_time;
    return o;
}

erp::client_config config(sandbox::server const& sb, erp::retry_policy retry = erp::retry_policy::none()) {
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    cfg.timeout = 20s;
    cfg.retry = retry;
    return cfg;
}

struct call_result {
    erp::error_code ec;
    erp::diagnostics diag;
};

// Starts `n` calls at once (each on its own connection) and runs them all to completion.
std::vector<call_result> concurrent_calls(sandbox::server const& sb, std::size_t n,
                                          erp::retry_policy retry = erp::retry_policy::none(),
                                          erp::logger log = {}) {
    asio::io_context io;
    auto cfg = config(sb, retry);
    cfg.log = std::move(log);
    erp::client c(io, cfg);
    std::vector<call_result> out(n);
    std::size_t done = 0;
    for (std::size_t i = 0; i < n; ++i) {
        erp::call_options o;
        o.diag = &out[i].diag;
        c.async_call<ops::get_engine_status>(
            erp::no_request{}, o, [&out, &done, i](erp::error_code ec, erp::erp_sync_engine_status) {
                out[i].ec = ec;
                ++done;
            });
    }
    io.run();
    BOOST_TEST_REQUIRE(done == n);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_capacity)

BOOST_AUTO_TEST_CASE(above_the_capacity_requests_get_429_and_are_counted) {
    // 16 calls at once against 4 places, each request held 500 ms: the first four are served,
    // requests arriving while four are in flight are refused at once.
    sandbox::server sb(limited(4, 500ms));
    auto const results = concurrent_calls(sb, 16);
    std::size_t ok = 0, refused = 0;
    for (auto const& r : results) {
        if (!r.ec) {
            ++ok;
            BOOST_TEST(r.diag.overloaded == 0u);
        } else {
            BOOST_TEST((r.ec == erp::error::http_too_many_requests), r.ec.message()
                                                                         << "; " << r.diag.to_string());
            BOOST_TEST(r.diag.http_status == 429u);
            BOOST_TEST(r.diag.overloaded == 1u);
            BOOST_TEST(r.diag.attempts == 1u);
            BOOST_REQUIRE(r.diag.server.has_value());
            BOOST_TEST(r.diag.server->ErrorType == "TooManyRequestsException");
            ++refused;
        }
    }
    BOOST_TEST_MESSAGE("capacity 4, 16 calls at once: " << ok << " served, " << refused << " refused, peak "
                                                        << sb.peak_requests_in_flight() << " in flight");
    BOOST_TEST(ok + refused == 16u);
    BOOST_TEST(refused == sb.capacity_refusals()); // the server's count is the client's
    BOOST_TEST(refused >= 1u);
    BOOST_TEST(ok >= 4u);
    BOOST_TEST(sb.peak_requests_in_flight() <= 4u);
    BOOST_TEST(sb.peak_requests_in_flight() >= 1u);
    BOOST_TEST(sb.requests_served() == 16u);
    // the server lets a request go after writing its answer, which the client may read first
    auto const deadline = std::chrono::steady_clock::now() + 10s;
    while (sb.requests_in_flight() != 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(1ms);
    BOOST_TEST(sb.requests_in_flight() == 0u);
    BOOST_TEST(sb.faults_injected().total() == 0u); // a refusal for capacity is not a fault
}

BOOST_AUTO_TEST_CASE(a_client_that_retries_gets_through) {
    // Without Retry-After the client's backoff spaces its attempts; every call succeeds, and the
    // 429 answers the calls report are the server's refusals.
    auto o = limited(4, 20ms);
    o.capacity_retry_after.reset();
    sandbox::server sb(o);
    erp::retry_policy retry;
    retry.max_attempts = 30;
    retry.initial_backoff = 10ms;
    retry.max_backoff = 80ms;
    auto const results = concurrent_calls(sb, 16, retry);
    std::size_t ok = 0, overloaded = 0, attempts = 0;
    for (auto const& r : results) {
        ok += !r.ec;
        overloaded += r.diag.overloaded;
        attempts += r.diag.attempts;
    }
    BOOST_TEST_MESSAGE("capacity 4, 16 calls retrying: " << ok << " ok, " << overloaded << " 429 met, "
                                                         << attempts << " attempts");
    BOOST_TEST(ok == 16u);
    BOOST_TEST(overloaded == sb.capacity_refusals());
    BOOST_TEST(attempts == 16u + overloaded);
    BOOST_TEST(attempts == sb.requests_served());
    BOOST_TEST(sb.peak_requests_in_flight() <= 4u);
}

BOOST_AUTO_TEST_CASE(retry_after_is_sent_when_configured) {
    // capacity 1: the second of two calls at once is refused with Retry-After: 1, waits it, and
    // is served
    auto o = limited(1, 500ms);
    o.capacity_retry_after = 1s;
    sandbox::server sb(o);
    std::mutex m;
    std::vector<std::chrono::steady_clock::duration> waits;
    erp::logger log;
    log.min_level = erp::log_level::warning;
    log.sink = [&](erp::log_record const& r) {
        std::lock_guard lock(m);
        if (r.event == "retry")
            waits.push_back(r.wait);
    };
    auto const results = concurrent_calls(sb, 2, erp::retry_policy{}, log);
    for (auto const& r : results)
        BOOST_TEST(!r.ec, r.diag.to_string());
    BOOST_TEST(sb.capacity_refusals() == 1u);
    std::lock_guard lock(m);
    BOOST_TEST_REQUIRE(waits.size() == 1u);
    BOOST_TEST((waits[0] == 1s)); // the server's wait, not the backoff
}

BOOST_AUTO_TEST_CASE(the_service_time_holds_each_request_and_no_capacity_means_no_limit) {
    sandbox::server sb(limited(0, 100ms));
    auto const t0 = std::chrono::steady_clock::now();
    auto const results = concurrent_calls(sb, 16);
    auto const took = std::chrono::steady_clock::now() - t0;
    for (auto const& r : results)
        BOOST_TEST(!r.ec, r.diag.to_string());
    BOOST_TEST(sb.capacity_refusals() == 0u);
    BOOST_TEST((took >= 100ms)); // held (a lower bound only: a slow machine takes longer)
    BOOST_TEST(sb.peak_requests_in_flight() >= 1u);
    BOOST_TEST(sb.peak_requests_in_flight() <= 16u);
    // one after another, each waits its service time
    asio::io_context io;
    erp::client c(io, config(sb));
    auto const t1 = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(!erp::test::call<ops::get_engine_status>(c, io, {}).ec);
    BOOST_TEST((std::chrono::steady_clock::now() - t1 >= 300ms));
}

BOOST_AUTO_TEST_CASE(negative_durations_are_refused) {
    auto o = limited(4, -1us);
    BOOST_CHECK_THROW(sandbox::server{o}, std::invalid_argument);
    o = limited(4, 0us);
    o.capacity_retry_after = -1s;
    BOOST_CHECK_THROW(sandbox::server{o}, std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
