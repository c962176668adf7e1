// async_resync_bulk: 100000 keys through a sandbox that faults about 10% of the requests in mixed
// ways, every key accounted for and the sandbox's counts matching; cancellation in the middle;
// the agent's refusals per batch. Loopback only, bounded.
#include <superoffice/erpsync/bulk.hpp>
#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <string>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace sandbox = superoffice::erpsync::sandbox;
using namespace std::chrono_literals;

namespace {

// The default seed plus `n` linked Customer actors K-0 ... on connection 1.
sandbox::seed many_linked(std::size_t n) {
    auto s = sandbox::default_seed();
    sandbox::add_linked_customers(s, n);
    return s;
}

std::vector<std::string> keys(std::size_t n) {
    std::vector<std::string> k;
    k.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        k.push_back("K-" + std::to_string(i));
    return k;
}

erp::client_config config(sandbox::server const& sb) {
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    cfg.timeout = 5s;
    cfg.retry.initial_backoff = 1ms;
    cfg.retry.max_backoff = 5ms;
    return cfg;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_bulk)

BOOST_AUTO_TEST_CASE(one_hundred_thousand_keys_one_percent_unknown_through_mixed_faults) {
    // 100000 keys streamed from a source (never a vector), 1% of them unknown to the agent and
    // scattered; about 10% of the requests faulted in mixed ways (429, 503, 500, stalls, resets,
    // truncated bodies). Every known key is resynced, every unknown key refused alone, none lost,
    // none reported twice; the sandbox agrees.
    constexpr std::size_t n = 100000;
    std::vector<bool> unknown(n);
    std::mt19937 rng(14);
    std::size_t unknown_count = 0;
    for (std::size_t i = 0; i < n; ++i)
        unknown_count += unknown[i] = rng() % 100 == 0;
    sandbox::options o;
    o.engine_timer = false;
    o.max_body_size = 64 * 1024 * 1024;
    o.faults.status_503 = 0.02;
    o.faults.status_429 = 0.02;
    o.faults.status_500 = 0.02;
    o.faults.reset_mid_response = 0.015;
    o.faults.truncated_body = 0.015;
    o.faults.stall = 0.01;
    o.faults.stall_for = 50ms;
    o.faults.retry_after = 0s;
    o.faults.seed = 7;
    sandbox::server sb(o, many_linked(n));
    asio::io_context io;
    auto cfg = config(sb);
    cfg.retry.max_attempts = 10; // 10% faults: a call fails all its attempts with odds 1e-10
    erp::client cl(io, cfg);
    erp::bulk_options bo;
    bo.batch_size = 100;
    bo.concurrency = 8;
    bo.expected_keys = n;
    std::size_t reports = 0;
    std::uint64_t last_done = 0;
    bool monotonic = true;
    bo.progress = [&](erp::bulk_progress const& p) {
        ++reports;
        monotonic &= p.done > last_done && p.done == p.succeeded + p.failed && p.keys == n;
        last_done = p.done;
    };
    auto name = [&](std::size_t i) { return (unknown[i] ? "NO-SUCH-" : "K-") + std::to_string(i); };
    std::size_t next = 0;
    auto source = [&](erp::error_code&) -> std::optional<std::string> {
        if (next == n)
            return std::nullopt;
        return name(next++);
    };
    std::vector<unsigned char> seen(n);
    std::size_t wrong = 0, known_ok = 0, unknown_alone = 0, max_calls = 0;
    std::map<std::string, std::size_t> by_error;
    auto sink = [&](std::uint64_t pos, std::string const& key, erp::key_outcome const& out) {
        ++seen[pos];
        wrong += key != name(pos);
        max_calls = std::max<std::size_t>(max_calls, out.calls);
        if (!unknown[pos] && out.status == erp::key_status::succeeded)
            ++known_ok;
        else if (unknown[pos] && out.status == erp::key_status::refused &&
                 out.message == "Unknown ExternalKeys: " + key)
            ++unknown_alone;
        else
            ++by_error[key + ": " + out.ec.message() + " " + out.message];
    };
    erp::error_code ec = erp::error::timeout;
    erp::bulk_summary res;
    auto const t0 = std::chrono::steady_clock::now();
    erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, source, sink, bo,
                           [&](erp::error_code e, erp::bulk_summary r) {
                               ec = e;
                               res = std::move(r);
                           });
    io.run();
    auto const took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    BOOST_TEST(!ec);
    BOOST_TEST(!res.cancelled);
    std::size_t lost = 0, twice = 0;
    for (auto c : seen) {
        lost += c == 0;
        twice += c > 1;
    }
    BOOST_TEST(lost == 0u);
    BOOST_TEST(twice == 0u);
    BOOST_TEST(wrong == 0u);
    BOOST_TEST(known_ok == n - unknown_count);
    BOOST_TEST(unknown_alone == unknown_count);
    BOOST_TEST(by_error.empty(), by_error.size() << " keys otherwise, e.g. " << by_error.begin()->first);
    BOOST_TEST(res.succeeded == n - unknown_count);
    BOOST_TEST(res.refused == unknown_count);
    BOOST_TEST(res.failed == unknown_count);
    BOOST_TEST(res.not_attempted == 0u);
    BOOST_TEST(res.max_keys_held <= bo.concurrency * bo.batch_size);
    BOOST_TEST(monotonic);
    BOOST_TEST(last_done == n);
    BOOST_TEST(reports <= res.batches_sent);

    // the sandbox agrees: every known key applied (a reset or truncated answer applied it and the
    // retry again), no unknown key applied
    std::size_t known_not_applied = 0, unknown_applied = 0;
    sb.with_state([&](sandbox::emulator& e) {
        for (std::size_t i = 0; i < n; ++i) {
            auto const c = e.resync_count(1, erp::erp_actor_type::Customer, name(i));
            known_not_applied += !unknown[i] && c == 0;
            unknown_applied += unknown[i] && c != 0;
        }
        return 0;
    });
    BOOST_TEST(known_not_applied == 0u);
    BOOST_TEST(unknown_applied == 0u);
    auto const f = sb.faults_injected();
    BOOST_TEST(f.total() > sb.requests_served() / 20);
    BOOST_TEST(f.total() < sb.requests_served() / 5);
    BOOST_TEST(f.status_500 > 0u);
    BOOST_TEST_MESSAGE("bulk: " << n << " keys (" << unknown_count << " unknown) in " << took << " s, "
                                << res.batches_sent << " calls (" << res.isolation_calls << " to isolate, "
                                << "a key in at most " << max_calls << "), " << res.attempts << " attempts, "
                                << sb.requests_served() << " requests, faults " << f.total() << " (429 "
                                << f.status_429 << ", 503 " << f.status_503 << ", 500 " << f.status_500
                                << ", stall " << f.stall << ", reset " << f.reset_mid_response
                                << ", truncated " << f.truncated_body << "); ok " << res.succeeded
                                << ", refused " << res.refused << ", most keys held " << res.max_keys_held);
}

BOOST_AUTO_TEST_CASE(one_hundred_thousand_keys_as_a_system_user_across_ticket_expiries) {
    // As in production on SuperOffice Online: the tenant located through the state service, a
    // system user's ticket, and tickets that die on the server during the run (after every 10000
    // keys, as a 6-hour expiry or a revocation would): each expiry costs one exchange, no key is
    // lost. (Counted in keys, not time: a fast machine finishes in a fraction of a second.)
    constexpr std::size_t n = 100000;
    auto const key = erp::rsa_key::generate(2048);
    sandbox::options o;
    o.engine_timer = false;
    o.max_body_size = 64 * 1024 * 1024;
    o.online.enabled = true;
    o.online.system_user_key = key;
    o.online.state_valid_for = 1s;
    sandbox::server sb(o, many_linked(n));
    asio::io_context io;
    erp::client_config cfg;
    cfg.timeout = 5s;
    cfg.tenant.context_identifier = sb.context_identifier();
    cfg.tenant.environment = sb.environment_url();
    cfg.tenant.min_valid_for = 1s;
    erp::credentials::system_user su;
    su.system_user_token = o.online.system_user_token;
    su.private_key = key.private_pem();
    su.application_token = o.online.application_token;
    su.context_identifier = sb.context_identifier();
    su.environment = sb.environment_url();
    cfg.auth = su;
    erp::client cl(io, cfg);
    erp::bulk_options bo;
    bo.batch_size = 100;
    bo.concurrency = 8;
    std::size_t expiries = 0;
    bo.progress = [&](erp::bulk_progress const& p) {
        if (p.done % 10000 == 0 && p.done < n) {
            sb.expire_tickets();
            ++expiries;
        }
    };
    erp::error_code ec = erp::error::timeout;
    erp::bulk_result res;
    erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, keys(n), bo,
                           [&](erp::error_code e, erp::bulk_result r) {
                               ec = e;
                               res = std::move(r);
                           });
    io.run();
    BOOST_TEST(!ec);
    BOOST_TEST_REQUIRE(res.outcomes.size() == n);
    BOOST_TEST(res.succeeded == n); // 0 lost, 0 failed
    BOOST_TEST(res.failed == 0u);
    std::size_t applied_once = 0;
    sb.with_state([&](sandbox::emulator& e) {
        for (std::size_t i = 0; i < n; ++i)
            applied_once += e.resync_count(1, erp::erp_actor_type::Customer, "K-" + std::to_string(i)) == 1;
        return 0;
    });
    BOOST_TEST(applied_once == n); // refused calls were not applied; replays applied them once
    auto const c = sb.online_counters();
    BOOST_TEST(expiries == 9u);
    BOOST_TEST(c.exchanges >= 3u);           // several renewals during the run
    BOOST_TEST(c.exchanges <= expiries + 1); // one per expiry at most, however many calls saw it
    BOOST_TEST(cl.session_statistics().replays_after_401 == c.unauthorized);
    BOOST_TEST_MESSAGE("bulk as a system user: " << n << " keys, " << expiries << " expiries, " << c.exchanges
                                                 << " exchanges, " << c.unauthorized
                                                 << " calls refused and replayed, " << c.state_lookups
                                                 << " state look-ups");
}

BOOST_AUTO_TEST_CASE(cancelled_in_the_middle_with_partial_results) {
    constexpr std::size_t n = 20000;
    sandbox::options o;
    o.engine_timer = false;
    o.response_delay = 5ms;
    sandbox::server sb(o, many_linked(n));
    asio::io_context io;
    erp::client cl(io, config(sb));
    erp::bulk_options bo;
    bo.batch_size = 50;
    bo.concurrency = 2;
    asio::cancellation_signal sig;
    erp::error_code ec;
    erp::bulk_result res;
    erp::async_resync_bulk(
        cl, 1, erp::erp_actor_type::Customer, keys(n), bo,
        asio::bind_cancellation_slot(sig.slot(), [&](erp::error_code e, erp::bulk_result r) {
            ec = e;
            res = std::move(r);
        }));
    asio::steady_timer t(io, 150ms);
    t.async_wait([&](erp::error_code) { sig.emit(asio::cancellation_type::terminal); });
    io.run();
    BOOST_TEST((ec == asio::error::operation_aborted));
    BOOST_TEST(res.cancelled);
    BOOST_TEST_REQUIRE(res.outcomes.size() == n);
    BOOST_TEST(res.succeeded + res.failed + res.not_attempted == n);
    BOOST_TEST(res.succeeded > 0u);
    BOOST_TEST(res.not_attempted > n / 2);
    std::size_t mismatches = 0;
    sb.with_state([&](sandbox::emulator& e) {
        for (std::size_t i = 0; i < n; ++i) {
            auto const c = e.resync_count(1, erp::erp_actor_type::Customer, "K-" + std::to_string(i));
            bool const aborted = res.outcomes[i].ec == asio::error::operation_aborted;
            mismatches += (aborted && c != 0) || (!res.outcomes[i].ec && c != 1);
        }
        return 0;
    });
    BOOST_TEST(mismatches == 0u); // sent and answered: applied once; never sent: never applied
}

BOOST_AUTO_TEST_CASE(internal_ids_and_refused_ids_isolated) {
    sandbox::options o;
    o.engine_timer = false;
    sandbox::server sb(o);
    asio::io_context io;
    erp::client cl(io, config(sb));
    erp::bulk_options bo;
    bo.batch_size = 2;
    bo.no_blank_values = true;
    // ids 1 and 2 exist in the default seed; 999 does not: its batch is refused by the agent,
    // naming 999, which is then sent alone (refused) and 1 alone (resynced)
    erp::bulk_result res;
    erp::async_resync_bulk(cl, 1, {1, 2, 999, 1}, bo,
                           [&](erp::error_code, erp::bulk_result r) { res = std::move(r); });
    io.run();
    BOOST_TEST_REQUIRE(res.outcomes.size() == 4u);
    BOOST_TEST(!res.outcomes[0].ec);
    BOOST_TEST(!res.outcomes[1].ec);
    BOOST_TEST((res.outcomes[2].ec == erp::error::plugin_failed));
    BOOST_TEST((res.outcomes[2].status == erp::key_status::refused));
    BOOST_TEST(res.outcomes[2].calls == 2u);
    BOOST_TEST(res.outcomes[2].attempts == 1u);
    BOOST_TEST(!res.outcomes[3].ec); // was in 999's batch, proven alone
    BOOST_TEST(res.outcomes[3].calls == 2u);
    BOOST_TEST(res.outcomes[2].message.find("999") != std::string::npos, res.outcomes[2].message);
    BOOST_TEST(res.succeeded == 3u);
    BOOST_TEST(res.failed == 1u);
    BOOST_TEST(res.refused == 1u);
    BOOST_TEST(res.batches_sent == 4u);
    BOOST_TEST(res.isolation_calls == 2u);
    // without isolation: the batch's keys are refused together, as before
    bo.isolate_refused = false;
    erp::bulk_result whole;
    erp::async_resync_bulk(cl, 1, {1, 2, 999, 1}, bo,
                           [&](erp::error_code, erp::bulk_result r) { whole = std::move(r); });
    io.restart();
    io.run();
    BOOST_TEST(whole.failed == 2u);
    BOOST_TEST((whole.outcomes[3].ec == erp::error::plugin_failed));
    BOOST_TEST(whole.batches_sent == 2u);
    // nothing to do: completes at once with an empty result
    erp::bulk_result empty;
    bool called = false;
    erp::async_resync_bulk(cl, 1, {}, bo, [&](erp::error_code e, erp::bulk_result r) {
        called = !e;
        empty = std::move(r);
    });
    io.restart();
    io.run();
    BOOST_TEST(called);
    BOOST_TEST(empty.outcomes.empty());
}

BOOST_AUTO_TEST_CASE(a_batch_of_100_with_one_unknown_key_gives_99_ok_and_1_failed) {
    sandbox::options o;
    o.engine_timer = false;
    sandbox::server sb(o, many_linked(99));
    asio::io_context io;
    erp::client cl(io, config(sb));
    auto k = keys(99);
    k.insert(k.begin() + 50, "NO-SUCH-KEY");
    erp::bulk_options bo; // batches of 100
    erp::bulk_result res;
    erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, k, bo,
                           [&](erp::error_code, erp::bulk_result r) { res = std::move(r); });
    io.run();
    BOOST_TEST_REQUIRE(res.outcomes.size() == 100u);
    BOOST_TEST(res.succeeded == 99u);
    BOOST_TEST(res.failed == 1u);
    BOOST_TEST((res.outcomes[50].status == erp::key_status::refused));
    BOOST_TEST(res.outcomes[50].message == "Unknown ExternalKeys: NO-SUCH-KEY");
    // the agent named the key: it went alone, the 99 others together: 3 calls
    BOOST_TEST(res.batches_sent == 3u);
    std::size_t applied_once = 0;
    sb.with_state([&](sandbox::emulator& e) {
        for (std::size_t i = 0; i < 99; ++i)
            applied_once += e.resync_count(1, erp::erp_actor_type::Customer, "K-" + std::to_string(i)) == 1;
        return 0;
    });
    BOOST_TEST(applied_once == 99u); // the refused batch applied nothing
    BOOST_TEST_MESSAGE("a batch of 100 with 1 unknown key: " << res.batches_sent << " calls, "
                                                             << res.succeeded << " ok, " << res.failed
                                                             << " failed");
}

BOOST_AUTO_TEST_CASE(adaptive_concurrency_backs_off_on_overload_and_stays_under_the_maximum) {
    // the wiring of the adaptive controller into the run: 429s met by calls (retried away) cut the
    // limit, successes raise it again, never above bulk_options::concurrency
    constexpr std::size_t n = 20000;
    sandbox::options o;
    o.engine_timer = false;
    o.faults.status_429 = 0.05;
    o.faults.retry_after = 0s;
    o.faults.seed = 3;
    sandbox::server sb(o, many_linked(n));
    asio::io_context io;
    auto cfg = config(sb);
    cfg.retry.max_attempts = 10;
    erp::client cl(io, cfg);
    erp::bulk_options bo;
    bo.batch_size = 50;
    bo.concurrency = 8;
    bo.adaptive.enabled = true;
    bo.adaptive.initial_limit = 2;
    bo.adaptive.latency_ratio = 0; // 429 only: latency on a loaded test machine says nothing
    std::size_t above = 0;
    bo.progress = [&](erp::bulk_progress const& p) { above += p.concurrency > 8 || p.concurrency < 1; };
    erp::bulk_result res;
    erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, keys(n), bo,
                           [&](erp::error_code, erp::bulk_result r) { res = std::move(r); });
    io.run();
    BOOST_TEST(res.succeeded == n);
    BOOST_TEST(above == 0u);
    BOOST_TEST(res.overloaded_calls > 0u);
    BOOST_TEST(res.overloaded_calls <= sb.faults_injected().status_429); // a call may meet several
    BOOST_TEST(res.concurrency_decreases > 0u);
    BOOST_TEST(res.max_concurrency <= 8u);
    BOOST_TEST(res.max_concurrency > res.min_concurrency); // it moved both ways
    BOOST_TEST(res.max_keys_held <= 8 * 50u);
    BOOST_TEST_MESSAGE("adaptive: " << res.overloaded_calls << " calls met 429, " << res.concurrency_decreases
                                    << " decreases, limit " << res.min_concurrency << ".."
                                    << res.max_concurrency << ", final " << res.concurrency);
    // settings that cannot work end the run at once, nothing sent
    bo.adaptive.decrease_factor = 2;
    erp::error_code ec;
    erp::bulk_result bad;
    auto const served = sb.requests_served();
    erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, keys(10), bo,
                           [&](erp::error_code e, erp::bulk_result r) {
                               ec = e;
                               bad = std::move(r);
                           });
    io.restart();
    io.run();
    BOOST_TEST((ec == boost::system::errc::invalid_argument));
    BOOST_TEST(bad.message.find("decrease_factor") != std::string::npos, bad.message);
    BOOST_TEST(bad.not_attempted == 10u);
    BOOST_TEST(sb.requests_served() == served);
}

BOOST_AUTO_TEST_CASE(adaptive_concurrency_draws_fewer_429s_than_fixed_from_a_capacity_limited_server) {
    // A server that takes 4 requests at once (each held 5 ms) and refuses more with 429 (no
    // Retry-After: the client's own backoff spaces the retries). The same keys are resynced with a
    // fixed concurrency of 12 and with adaptive concurrency of at most 12: both finish every key;
    // the adaptive run backs off to the server's capacity and is refused far less. Counts are
    // compared, not timings (the throughput of both is logged).
    constexpr std::size_t n = 2000;
    sandbox::options o;
    o.engine_timer = false;
    o.capacity = 4;
    o.capacity_retry_after = std::nullopt;
    o.service_time = 5ms;
    sandbox::server sb(o, many_linked(n));
    asio::io_context io;
    auto cfg = config(sb);
    // Both runs finish every key: the difference is in the refusals. In the fixed run a refused
    // call retrying every few milliseconds loses each free slot to the other calls, whose next
    // requests follow their answers within microseconds, and may get in only when the others are
    // done (seen: 100 attempts in a run of 0.3 s); the adaptive run makes at most a few.
    cfg.retry.max_attempts = 1000;
    erp::client cl(io, cfg);
    auto run = [&](bool adaptive) {
        erp::bulk_options bo;
        bo.batch_size = 10;
        bo.concurrency = 12;
        bo.adaptive.enabled = adaptive;
        bo.adaptive.latency_ratio = 0; // 429 only: latency on a loaded test machine says nothing
        auto const refused_before = sb.capacity_refusals();
        erp::bulk_result res;
        auto const start = std::chrono::steady_clock::now();
        erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, keys(n), bo,
                               [&](erp::error_code, erp::bulk_result r) { res = std::move(r); });
        io.restart();
        io.run();
        std::chrono::duration<double> const took = std::chrono::steady_clock::now() - start;
        auto const refused = sb.capacity_refusals() - refused_before;
        unsigned most_attempts = 0;
        for (auto const& outcome : res.outcomes)
            most_attempts = std::max(most_attempts, outcome.attempts);
        BOOST_TEST(res.succeeded == n);
        BOOST_TEST(res.failed == 0u);
        BOOST_TEST_MESSAGE((adaptive ? "adaptive" : "fixed 12")
                           << ": " << refused << " refusals (429), " << res.batches_sent << " calls, at most "
                           << most_attempts << " attempts for one, " << static_cast<double>(n) / took.count()
                           << " keys/s, limit " << res.min_concurrency << ".." << res.max_concurrency);
        return refused;
    };
    auto const fixed = run(false);
    auto const adaptive = run(true);
    BOOST_TEST(fixed > 0u); // 12 at once against a capacity of 4
    BOOST_TEST(adaptive * 2 < fixed);
    BOOST_TEST(sb.peak_requests_in_flight() <= 4u);
}

BOOST_AUTO_TEST_CASE(a_journal_that_cannot_be_opened_ends_the_run_before_any_call) {
    sandbox::options o;
    o.engine_timer = false;
    sandbox::server sb(o, many_linked(10));
    asio::io_context io;
    erp::client cl(io, config(sb));
    erp::bulk_options bo;
    bo.journal = "/nonexistent-directory/journal.jsonl";
    erp::error_code ec;
    erp::bulk_result res;
    erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, keys(10), bo,
                           [&](erp::error_code e, erp::bulk_result r) {
                               ec = e;
                               res = std::move(r);
                           });
    io.run();
    BOOST_TEST(!!ec);
    BOOST_TEST(!res.cancelled);
    BOOST_TEST(res.not_attempted == 10u);
    BOOST_TEST(res.message.find("/nonexistent-directory/journal.jsonl") != std::string::npos, res.message);
    BOOST_TEST(sb.requests_served() == 0u);
}

BOOST_AUTO_TEST_CASE(a_source_error_ends_the_run_after_the_calls_in_flight) {
    sandbox::options o;
    o.engine_timer = false;
    sandbox::server sb(o, many_linked(1000));
    asio::io_context io;
    erp::client cl(io, config(sb));
    erp::bulk_options bo;
    bo.batch_size = 10;
    bo.concurrency = 2;
    std::size_t next = 0;
    auto source = [&](erp::error_code& ec) -> std::optional<std::string> {
        if (next == 55) { // a line that is not a key, say
            ec = boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
            return std::nullopt;
        }
        return "K-" + std::to_string(next++);
    };
    std::size_t outcomes = 0, ok = 0;
    erp::error_code ec;
    erp::bulk_summary sum;
    erp::async_resync_bulk(
        cl, 1, erp::erp_actor_type::Customer, source,
        [&](std::uint64_t, std::string const&, erp::key_outcome const& out) {
            ++outcomes;
            ok += out.status == erp::key_status::succeeded;
        },
        bo,
        [&](erp::error_code e, erp::bulk_summary s) {
            ec = e;
            sum = std::move(s);
        });
    io.run();
    BOOST_TEST((ec == boost::system::errc::invalid_argument));
    BOOST_TEST(!sum.cancelled);
    BOOST_TEST(outcomes == 55u); // every key taken has its outcome, the last 5 included
    BOOST_TEST(ok == 55u);
    BOOST_TEST(sum.succeeded == 55u);
    BOOST_TEST(sum.message.find("key source") != std::string::npos, sum.message);
}

BOOST_AUTO_TEST_SUITE_END()
