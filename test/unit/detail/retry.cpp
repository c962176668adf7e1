// The sans-io pieces of retries and rate limits: which statuses are retried, Retry-After in its
// three forms, full-jitter backoff bounds, the token bucket's schedule and the in-flight gate's
// queue.
#include <superoffice/erpsync/detail/limiter.hpp>
#include <superoffice/erpsync/detail/retry.hpp>

#include <boost/test/unit_test.hpp>

#include <random>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;
using namespace std::chrono;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(test_detail_retry)

BOOST_AUTO_TEST_CASE(which_statuses_are_retried_for_which_operations) {
    using kind = detail::status_retry_kind;
    BOOST_TEST((detail::status_retry(429) == kind::overload));
    BOOST_TEST((detail::status_retry(503) == kind::overload));
    for (unsigned st : {500u, 502u, 504u})
        BOOST_TEST((detail::status_retry(st) == kind::server_error), st);
    for (unsigned st : {0u, 100u, 200u, 204u, 301u, 400u, 401u, 403u, 404u, 409u, 421u, 501u, 505u, 599u})
        BOOST_TEST((detail::status_retry(st) == kind::never), st);

    struct row {
        bool safe, retry_unsafe, server_errors;
        bool overload, server_error; // 429/503 retried, 500/502/504 retried
    } const rows[] = {
        // the defaults: safe operations, server errors on
        {true, false, true, true, true},   {false, false, true, false, false}, // an unsafe operation: nothing
        {false, true, true, true, true},                                       // widened to every operation
        {true, false, false, true, false}, // server errors off: overload only
        {false, true, false, true, false}, {false, false, false, false, false},
    };
    for (auto const& r : rows) {
        BOOST_TEST_CONTEXT("safe " << r.safe << ", retry_unsafe " << r.retry_unsafe
                                   << ", retry_server_errors " << r.server_errors) {
            erp::retry_policy p;
            p.retry_unsafe = r.retry_unsafe;
            p.retry_server_errors = r.server_errors;
            for (unsigned st : {429u, 503u})
                BOOST_TEST(detail::may_retry_status(p, st, r.safe) == r.overload, st);
            for (unsigned st : {500u, 502u, 504u})
                BOOST_TEST(detail::may_retry_status(p, st, r.safe) == r.server_error, st);
            for (unsigned st : {200u, 400u, 404u, 501u, 505u})
                BOOST_TEST(!detail::may_retry_status(p, st, r.safe), st);
        }
    }
    BOOST_TEST(erp::retry_policy{}.retry_server_errors); // on by default
}

BOOST_AUTO_TEST_CASE(retry_after_seconds_and_dates) {
    sys_seconds const now = sys_days(year(1994) / November / 6) + 8h + 49min + 30s;
    auto ra = [&](std::string_view v) { return detail::parse_retry_after(v, now); };
    BOOST_TEST((ra("120") == seconds(120)));
    BOOST_TEST((ra(" 0 ") == seconds(0)));
    BOOST_TEST((ra("99999999999999") == seconds(999999999)));         // capped by the caller
    BOOST_TEST((ra("Sun, 06 Nov 1994 08:49:37 GMT") == seconds(7)));  // IMF-fixdate
    BOOST_TEST((ra("Sunday, 06-Nov-94 08:49:37 GMT") == seconds(7))); // RFC 850
    BOOST_TEST((ra("Sun Nov  6 08:49:37 1994") == seconds(7)));       // asctime
    BOOST_TEST((ra("Sun, 06 Nov 1994 08:00:00 GMT") == seconds(0)));  // in the past
    BOOST_TEST((ra("Mon, 07 Nov 1994 08:49:30 GMT") == seconds(86400)));
    BOOST_TEST(!ra(""));
    BOOST_TEST(!ra("soon"));
    BOOST_TEST(!ra("-5"));
    BOOST_TEST(!ra("1.5"));
    BOOST_TEST(!ra("Sun, 31 Feb 1994 08:49:37 GMT")); // no such day
    BOOST_TEST(!ra("Sun, 06 Nov 1994 25:49:37 GMT"));
    BOOST_TEST(!ra("Sun, 06 Nov 1994 GMT"));
}

// Found by the fuzz target time_parsers: a date after 2262 overflowed the system clock's
// nanoseconds (undefined behaviour). Seconds to a far date are exact; a fraction of `now` is not
// counted as a whole second.
BOOST_AUTO_TEST_CASE(retry_after_dates_up_to_year_9999) {
    sys_seconds const now = sys_days(year(1994) / November / 6) + 8h + 49min + 30s;
    auto const far = sys_days(year(9994) / November / 6) + 8h + 49min + 37s;
    BOOST_TEST((detail::parse_retry_after("Sun, 06 Nov 9994 08:49:37 GMT", now) == far - now));
    BOOST_TEST((detail::parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now) ==
                sys_days(year(9999) / December / 31) + 86399s - now));
    BOOST_TEST((detail::parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + 500ms) == seconds(6)));
}

BOOST_AUTO_TEST_CASE(full_jitter_backoff_stays_under_its_ceiling) {
    erp::retry_policy p;
    p.initial_backoff = 100ms;
    p.max_backoff = 1000ms;
    p.multiplier = 2;
    std::minstd_rand rng(42);
    for (unsigned attempt = 1; attempt <= 8; ++attempt) {
        auto const ceiling = std::min(1000ms, 100ms * (1 << (attempt - 1)));
        steady_clock::duration most{};
        for (int i = 0; i < 200; ++i) {
            auto d = detail::backoff_delay(p, attempt, rng);
            BOOST_TEST((d >= steady_clock::duration::zero()));
            BOOST_TEST((d <= ceiling));
            most = std::max(most, d);
        }
        BOOST_TEST((most > ceiling / 2)); // spread over the range, not a constant
    }
    p.initial_backoff = 0ms;
    BOOST_TEST((detail::backoff_delay(p, 3, rng) == steady_clock::duration::zero()));
}

BOOST_AUTO_TEST_CASE(the_token_bucket_allows_a_burst_then_the_rate) {
    erp::rate_limit cfg;
    cfg.requests_per_second = 10;
    cfg.burst = 3;
    detail::limiter l(cfg);
    auto const t0 = steady_clock::now();
    // three at once, then one every 100 ms
    BOOST_TEST((l.reserve(t0) == steady_clock::duration::zero()));
    BOOST_TEST((l.reserve(t0) == steady_clock::duration::zero()));
    BOOST_TEST((l.reserve(t0) == steady_clock::duration::zero()));
    BOOST_TEST((l.reserve(t0) == steady_clock::duration(100ms)));
    BOOST_TEST((l.reserve(t0) == steady_clock::duration(200ms)));
    // after a quiet second the burst is back
    auto const t1 = t0 + 2s;
    BOOST_TEST((l.reserve(t1) == steady_clock::duration::zero()));
    BOOST_TEST((l.reserve(t1) == steady_clock::duration::zero()));
    BOOST_TEST((l.reserve(t1) == steady_clock::duration::zero()));
    BOOST_TEST((l.reserve(t1) > steady_clock::duration::zero()));
    // a caller that will not wait that long takes no token
    auto const t2 = t1 + 10s;
    for (int i = 0; i < 3; ++i)
        BOOST_TEST((l.reserve(t2) == steady_clock::duration::zero()));
    for (int i = 0; i < 50; ++i)
        BOOST_TEST(!l.reserve(t2, 50ms));
    BOOST_TEST((l.reserve(t2, 1s) == steady_clock::duration(100ms))); // as if nobody had asked
    // no rate: never a wait
    detail::limiter free{erp::rate_limit{}};
    for (int i = 0; i < 100; ++i)
        BOOST_TEST((free.reserve(t0) == steady_clock::duration::zero()));
}

BOOST_AUTO_TEST_CASE(the_gate_lets_in_up_to_its_cap_in_order) {
    erp::rate_limit cfg;
    cfg.max_in_flight = 2;
    detail::limiter l(cfg);
    std::vector<int> let_in;
    auto waiter = [&](int id) {
        auto w = std::make_shared<detail::limiter::waiter>();
        w->go = [&let_in, id] { let_in.push_back(id); };
        return w;
    };
    auto a = waiter(1), b = waiter(2), c = waiter(3), d = waiter(4), e = waiter(5);
    BOOST_TEST(l.enter(a));
    BOOST_TEST(l.enter(b));
    BOOST_TEST(!l.enter(c));
    BOOST_TEST(!l.enter(d));
    BOOST_TEST(!l.enter(e));
    BOOST_TEST(l.in_flight() == 2u);
    BOOST_TEST(l.waiting() == 3u);
    BOOST_TEST(l.cancel(d));  // leaves the queue
    BOOST_TEST(!l.cancel(d)); // once
    l.leave();                // 3 enters in 1's place
    l.leave();                // 5 (4 is gone)
    BOOST_TEST((let_in == std::vector<int>{3, 5}));
    BOOST_TEST(l.in_flight() == 2u);
    l.leave();
    l.leave();
    BOOST_TEST(l.in_flight() == 0u);
    BOOST_TEST(l.waiting() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
