// The adaptive concurrency controller, driven by scripted events on a fake clock: linear growth per
// round, one halving per burst of overloads, the bounds, the latency signal, recovery, and a
// simulated capacity-limited server comparing adaptive with fixed concurrency.
#include <superoffice/erpsync/detail/concurrency_controller.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;
using namespace std::chrono_literals;
using clock_type = detail::concurrency_controller::clock;

namespace {

erp::adaptive_concurrency enabled(std::size_t initial = 1) {
    erp::adaptive_concurrency s;
    s.enabled = true;
    s.initial_limit = initial;
    s.decrease_factor = 0.5; // halving: the expected limits are easy to follow
    return s;
}

// One round trip at the current limit: `limit` calls sent at `t` all succeed after `rtt`.
void round_trip(detail::concurrency_controller& c, clock_type::time_point& t, clock_type::duration rtt) {
    std::size_t const n = c.limit();
    t += rtt;
    for (std::size_t i = 0; i < n; ++i)
        c.on_success(rtt, t);
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_detail_concurrency_controller)

BOOST_AUTO_TEST_CASE(disabled_keeps_the_maximum) {
    detail::concurrency_controller c(erp::adaptive_concurrency{}, 8);
    BOOST_TEST(c.limit() == 8u);
    auto t = clock_type::time_point{} + 1h;
    c.on_overload(t);
    c.on_overload(5ms, t);
    for (int i = 0; i < 100; ++i)
        c.on_success(1s, t += 1ms);
    BOOST_TEST(c.limit() == 8u);
    BOOST_TEST(c.decreases() == 0u);
    BOOST_TEST((detail::concurrency_controller(erp::adaptive_concurrency{}, 0).limit() == 1u));
}

BOOST_AUTO_TEST_CASE(bad_settings_are_refused_with_a_reason) {
    auto s = enabled();
    s.decrease_factor = 1.0;
    BOOST_TEST(s.problem() != nullptr);
    BOOST_CHECK_THROW(detail::concurrency_controller(s, 4), std::invalid_argument);
    s = enabled();
    s.latency_ratio = 0.5;
    BOOST_CHECK_THROW(detail::concurrency_controller(s, 4), std::invalid_argument);
    s = enabled();
    s.min_limit = 0;
    BOOST_CHECK_THROW(detail::concurrency_controller(s, 4), std::invalid_argument);
    s = enabled();
    s.additive_increase = 0;
    BOOST_CHECK_THROW(detail::concurrency_controller(s, 4), std::invalid_argument);
    s = enabled();
    s.baseline_window = 0ms;
    BOOST_CHECK_THROW(detail::concurrency_controller(s, 4), std::invalid_argument);
    try {
        s = enabled();
        s.decrease_factor = 0;
        detail::concurrency_controller c(s, 4);
        BOOST_FAIL("accepted decrease_factor 0");
    } catch (std::invalid_argument const& e) {
        BOOST_TEST(std::string(e.what()).find("decrease_factor") != std::string::npos);
    }
    s.enabled = false; // disabled settings are never used
    BOOST_TEST(s.problem() == nullptr);
    BOOST_TEST(enabled().problem() == nullptr);
}

BOOST_AUTO_TEST_CASE(grows_by_one_per_round_trip_up_to_the_maximum) {
    detail::concurrency_controller c(enabled(1), 10);
    auto t = clock_type::time_point{} + 1h;
    BOOST_TEST(c.limit() == 1u);
    for (std::size_t round = 1; round <= 20; ++round) {
        round_trip(c, t, 10ms);
        BOOST_TEST(c.limit() == std::min<std::size_t>(10, 1 + round)); // linear, capped
    }
    BOOST_TEST(c.decreases() == 0u);
    // fewer than `limit` successes make no round
    c = detail::concurrency_controller(enabled(4), 10);
    for (int i = 0; i < 3; ++i)
        c.on_success(10ms, t += 1ms);
    BOOST_TEST(c.limit() == 4u);
    c.on_success(10ms, t += 1ms);
    BOOST_TEST(c.limit() == 5u);
    // a larger step
    auto s = enabled(2);
    s.additive_increase = 3;
    c = detail::concurrency_controller(s, 10);
    round_trip(c, t, 10ms);
    BOOST_TEST(c.limit() == 5u);
    round_trip(c, t, 10ms);
    BOOST_TEST(c.limit() == 8u);
    round_trip(c, t, 10ms);
    BOOST_TEST(c.limit() == 10u);
}

BOOST_AUTO_TEST_CASE(a_burst_of_overloads_halves_once) {
    detail::concurrency_controller c(enabled(16), 16);
    auto t = clock_type::time_point{} + 1h;
    round_trip(c, t, 20ms); // a smoothed latency of 20 ms: the round trip
    BOOST_TEST(c.limit() == 16u);
    // 12 of 16 calls refused within a few milliseconds: one decrease
    for (int i = 0; i < 12; ++i)
        c.on_overload(t += 1ms);
    BOOST_TEST(c.limit() == 8u);
    BOOST_TEST(c.decreases() == 1u);
    // the next burst, a round trip later, halves again
    t += 25ms;
    for (int i = 0; i < 5; ++i)
        c.on_overload(t += 1ms);
    BOOST_TEST(c.limit() == 4u);
    BOOST_TEST(c.decreases() == 2u);
    // with the call's latency: calls sent before the decrease are the old burst, even late
    auto const decreased_at = t - 4ms;
    t += 100ms;
    c.on_overload(t - decreased_at + 1ms, t); // sent 1 ms before the decrease
    BOOST_TEST(c.limit() == 4u);
    c.on_overload(5ms, t); // sent after it
    BOOST_TEST(c.limit() == 2u);
    BOOST_TEST(c.decreases() == 3u);
    BOOST_TEST(c.latency_decreases() == 0u);
}

BOOST_AUTO_TEST_CASE(the_cooldown_setting_spaces_decreases) {
    auto s = enabled(16);
    s.cooldown = 500ms;
    detail::concurrency_controller c(s, 16);
    auto t = clock_type::time_point{} + 1h;
    round_trip(c, t, 10ms);
    c.on_overload(t);
    BOOST_TEST(c.limit() == 8u);
    c.on_overload(t + 100ms); // a round trip later, but within the cool-down
    c.on_overload(20ms, t + 200ms);
    BOOST_TEST(c.limit() == 8u);
    c.on_overload(t + 500ms);
    BOOST_TEST(c.limit() == 4u);
}

BOOST_AUTO_TEST_CASE(never_below_the_minimum_nor_above_the_maximum) {
    auto s = enabled(100); // clamped to the maximum
    s.min_limit = 3;
    detail::concurrency_controller c(s, 12);
    BOOST_TEST(c.limit() == 12u);
    auto t = clock_type::time_point{} + 1h;
    for (int burst = 0; burst < 20; ++burst) {
        c.on_overload(t += 1s);
        BOOST_TEST(c.limit() >= 3u);
    }
    BOOST_TEST(c.limit() == 3u);
    for (int round = 0; round < 50; ++round) {
        round_trip(c, t, 10ms);
        BOOST_TEST(c.limit() <= 12u);
    }
    BOOST_TEST(c.limit() == 12u);
    // a minimum above the maximum: the maximum
    s.min_limit = 20;
    BOOST_TEST((detail::concurrency_controller(s, 5).limit() == 5u));
}

BOOST_AUTO_TEST_CASE(the_limit_is_used_rounded_down) {
    detail::concurrency_controller c(enabled(3), 10);
    auto t = clock_type::time_point{} + 1h;
    round_trip(c, t, 10ms); // 4
    c.on_overload(t);       // 2
    BOOST_TEST(c.limit() == 2u);
    t += 20ms;
    c.on_overload(t); // 1
    BOOST_TEST(c.limit() == 1u);
    auto s = enabled(5);
    s.decrease_factor = 0.7;
    c = detail::concurrency_controller(s, 10);
    c.on_overload(t); // 3.5
    BOOST_TEST(c.limit() == 3u);
    t += 1s;
    round_trip(c, t, 10ms); // 4.5
    BOOST_TEST(c.limit() == 4u);
}

BOOST_AUTO_TEST_CASE(successes_of_calls_sent_before_a_decrease_do_not_count) {
    detail::concurrency_controller c(enabled(8), 16);
    auto t = clock_type::time_point{} + 1h;
    c.on_overload(t); // 4, with 8 calls in flight sent before
    for (int i = 0; i < 8; ++i)
        c.on_success(30ms, t + 10ms);
    BOOST_TEST(c.limit() == 4u); // no round: they were sent under the old limit
    t += 20ms;
    round_trip(c, t, 10ms); // 4 sent after the decrease
    BOOST_TEST(c.limit() == 5u);
}

BOOST_AUTO_TEST_CASE(rising_latency_decreases_and_recovery_grows_again) {
    auto s = enabled(8);
    s.latency_ratio = 2.0;
    detail::concurrency_controller c(s, 16);
    auto t = clock_type::time_point{} + 1h;
    round_trip(c, t, 10ms); // baseline 10 ms
    BOOST_TEST(c.limit() == 9u);
    BOOST_TEST((c.baseline() == clock_type::duration(10ms)));
    round_trip(c, t, 19ms); // below twice the baseline: still growing
    BOOST_TEST(c.limit() == 10u);
    round_trip(c, t, 25ms); // above: the server queues
    BOOST_TEST(c.limit() == 5u);
    BOOST_TEST(c.latency_decreases() == 1u);
    round_trip(c, t, 40ms); // still above after the cool-down: again
    BOOST_TEST(c.limit() == 2u);
    BOOST_TEST(c.latency_decreases() == 2u);
    for (int i = 0; i < 5; ++i)
        round_trip(c, t, 11ms); // the queue drained: grows again
    BOOST_TEST(c.limit() == 7u);
    BOOST_TEST(c.decreases() == 2u);
    // latency off: only overloads count
    s.latency_ratio = 0;
    c = detail::concurrency_controller(s, 16);
    round_trip(c, t, 10ms);
    round_trip(c, t, 500ms);
    BOOST_TEST(c.limit() == 10u);
    BOOST_TEST(c.decreases() == 0u);
}

BOOST_AUTO_TEST_CASE(the_baseline_forgets_old_minima) {
    auto s = enabled(1);
    s.baseline_window = 1000ms;
    s.latency_ratio = 0; // only the baseline is watched here
    detail::concurrency_controller c(s, 4);
    BOOST_TEST(!c.baseline());
    auto t = clock_type::time_point{} + 1h;
    c.on_success(5ms, t);
    c.on_success(50ms, t += 900ms);
    BOOST_TEST((c.baseline() == clock_type::duration(5ms)));
    c.on_success(50ms, t += 200ms); // a new window: the previous one still counts
    BOOST_TEST((c.baseline() == clock_type::duration(5ms)));
    c.on_success(60ms, t += 1000ms); // two windows on: 5 ms is forgotten
    BOOST_TEST((c.baseline() == clock_type::duration(50ms)));
    c.on_success(70ms, t += 5000ms); // after a long gap, only the new sample
    BOOST_TEST((c.baseline() == clock_type::duration(70ms)));
}

namespace {

// A server that serves `capacity` requests at a time in `service` each and refuses (429) any
// request above that, the refusal reaching the client 1 ms later. The client keeps `limit`
// requests outstanding, sending a new one (or the refused one again) as soon as one ends. Time
// advances in steps of 1 ms.
struct sim_result {
    std::size_t served = 0;
    std::size_t refused = 0;
};

sim_result simulate(detail::concurrency_controller& c, std::size_t capacity, clock_type::duration service,
                    clock_type::duration span) {
    auto t = clock_type::time_point{} + 1h;
    auto const end = t + span;
    std::vector<clock_type::time_point> in_service; // finish times
    std::size_t refusals_on_the_way = 0;            // refused last step, reaching the client now
    sim_result r;
    while (t < end) {
        for (auto it = in_service.begin(); it != in_service.end();) {
            if (*it <= t) {
                c.on_success(service, t);
                ++r.served;
                it = in_service.erase(it);
            } else {
                ++it;
            }
        }
        for (; refusals_on_the_way > 0; --refusals_on_the_way)
            c.on_overload(1ms, t);
        std::size_t refused_now = 0;
        while (in_service.size() + refused_now < c.limit()) {
            if (in_service.size() < capacity) {
                in_service.push_back(t + service);
            } else {
                ++refused_now;
                ++r.refused;
            }
        }
        refusals_on_the_way = refused_now;
        t += 1ms;
    }
    return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(against_a_capacity_limited_server_adaptive_refuses_less_at_the_same_throughput) {
    std::size_t const capacity = 4, maximum = 16;
    clock_type::duration const service = 20ms, span = 20s;
    detail::concurrency_controller fixed(erp::adaptive_concurrency{}, maximum);
    auto const f = simulate(fixed, capacity, service, span);
    // the capacity is 4 / 20 ms = 200 per second; the fixed client keeps it busy by retrying
    std::size_t const ideal = capacity * static_cast<std::size_t>(span / service);
    BOOST_TEST(f.served * 100 >= ideal * 95);
    BOOST_TEST_MESSAGE("fixed " << maximum << ": served " << f.served << ", refused " << f.refused);

    auto run = [&](double decrease_factor) {
        auto s = enabled(1);
        s.decrease_factor = decrease_factor;
        detail::concurrency_controller adaptive(s, maximum);
        auto const a = simulate(adaptive, capacity, service, span);
        BOOST_TEST_MESSAGE("adaptive (decrease x"
                           << decrease_factor << "): served " << a.served << ", refused " << a.refused
                           << ", decreases " << adaptive.decreases() << ", final limit " << adaptive.limit());
        // the fixed client is refused on every retry it can make; the adaptive one once per
        // sawtooth (a tooth is 2 to 4 rounds here: a refusal per 8 to 16 calls served)
        BOOST_TEST(a.refused * 100 < f.refused);
        BOOST_TEST(a.refused * 100 < a.served * 15);
        BOOST_TEST(adaptive.limit() <= maximum);
        return a;
    };
    // halving (TCP Reno): the sawtooth dips to half the capacity, most of the throughput stays
    auto const halving = run(0.5);
    BOOST_TEST(halving.served * 100 >= ideal * 60);
    // the default (x0.7): the limit stays near the capacity, about the fixed client's throughput
    auto const by_default = run(erp::adaptive_concurrency{}.decrease_factor);
    BOOST_TEST(by_default.served * 100 >= f.served * 85);
    BOOST_TEST(by_default.served > halving.served);
}

BOOST_AUTO_TEST_SUITE_END()
