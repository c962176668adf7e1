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

#include <chrono>
#include <map>
#include <string>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace sandbox = superoffice::erpsync::sandbox;
using namespace std::chrono_literals;

namespace {

// The default seed plus `n` linked Customer actors K-0 ... on connection 1.
sandbox::seed many_linked(std::size_t n) {
    auto s = sandbox::default_seed();
    auto& conn = s.Connections.at(0);
    for (std::size_t i = 0; i < n; ++i) {
        std::string key = "K-" + std::to_string(i);
        auto const id = static_cast<std::int32_t>(100000 + i);
        conn.Actors.push_back({erp::erp_actor_type::Customer, key, {{"name", "Customer " + key}}});
        s.CrmRecords.push_back({erp::crm_actor_type::Contact, id, {{"name", "Customer " + key}}});
        s.Links.push_back({conn.Id, erp::crm_actor_type::Contact, id, erp::erp_actor_type::Customer, key});
    }
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

BOOST_AUTO_TEST_CASE(one_hundred_thousand_keys_through_mixed_faults) {
    constexpr std::size_t n = 100000;
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
    erp::client cl(io, config(sb));
    erp::bulk_options bo;
    bo.batch_size = 100;
    bo.concurrency = 8;
    std::size_t reports = 0, last_done = 0;
    bool monotonic = true;
    bo.progress = [&](erp::bulk_progress const& p) {
        ++reports;
        monotonic &= p.done > last_done && p.done == p.succeeded + p.failed && p.keys == n;
        last_done = p.done;
    };
    erp::error_code ec = erp::error::timeout;
    erp::bulk_result res;
    auto const t0 = std::chrono::steady_clock::now();
    erp::async_resync_bulk(cl, 1, erp::erp_actor_type::Customer, keys(n), bo,
                           [&](erp::error_code e, erp::bulk_result r) {
                               ec = e;
                               res = std::move(r);
                           });
    io.run();
    auto const took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    BOOST_TEST(!ec);
    BOOST_TEST(!res.cancelled);
    // every key has exactly one outcome
    BOOST_TEST_REQUIRE(res.outcomes.size() == n);
    BOOST_TEST(res.succeeded + res.failed == n);
    BOOST_TEST(res.not_attempted == 0u);
    BOOST_TEST(res.batches_sent == n / 100);
    BOOST_TEST(reports == n / 100);
    BOOST_TEST(monotonic);
    BOOST_TEST(last_done == n);
    std::map<std::string, std::size_t> by_error;
    std::size_t ok = 0;
    for (auto const& k : res.outcomes)
        k.ec ? ++by_error[k.ec.message()] : ++ok;
    BOOST_TEST(ok == res.succeeded);

    // the sandbox agrees: every resynced key was applied, and the applied count is exactly what
    // the requests that reached the emulator carried (100 keys each)
    auto const f = sb.faults_injected();
    std::size_t const applied_requests =
        sb.requests_served() - f.status_429 - f.status_503 - f.status_500 - f.stall;
    std::size_t applied_keys = 0, ok_not_applied = 0;
    sb.with_state([&](sandbox::emulator& e) {
        for (std::size_t i = 0; i < n; ++i) {
            auto const c = e.resync_count(1, erp::erp_actor_type::Customer, "K-" + std::to_string(i));
            applied_keys += c;
            if (!res.outcomes[i].ec && c == 0)
                ++ok_not_applied;
        }
        return 0;
    });
    BOOST_TEST(ok_not_applied == 0u);
    BOOST_TEST(applied_keys == applied_requests * 100);
    // about 10% of the requests were faulted, most of them retried away
    BOOST_TEST(f.total() > sb.requests_served() / 20);
    BOOST_TEST(f.total() < sb.requests_served() / 5);
    BOOST_TEST(res.succeeded > n * 9 / 10);

    std::string mix;
    for (auto const& [what, count] : by_error)
        mix += "; " + what + ": " + std::to_string(count);
    BOOST_TEST_MESSAGE("bulk: " << n << " keys in " << took << " s, " << sb.requests_served()
                                << " requests, faults " << f.total() << " (429 " << f.status_429 << ", 503 "
                                << f.status_503 << ", 500 " << f.status_500 << ", stall " << f.stall
                                << ", reset " << f.reset_mid_response << ", truncated " << f.truncated_body
                                << "); ok " << res.succeeded << ", failed " << res.failed << mix);
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

BOOST_AUTO_TEST_CASE(internal_ids_and_refusals_per_batch) {
    sandbox::options o;
    o.engine_timer = false;
    sandbox::server sb(o);
    asio::io_context io;
    erp::client cl(io, config(sb));
    erp::bulk_options bo;
    bo.batch_size = 2;
    bo.no_blank_values = true;
    std::vector<std::string> ops_seen;
    // ids 1 and 2 exist in the default seed; 999 does not: its batch is refused by the agent
    erp::bulk_result res;
    erp::async_resync_bulk(cl, 1, {1, 2, 999, 1}, bo,
                           [&](erp::error_code, erp::bulk_result r) { res = std::move(r); });
    io.run();
    BOOST_TEST_REQUIRE(res.outcomes.size() == 4u);
    BOOST_TEST(!res.outcomes[0].ec);
    BOOST_TEST(!res.outcomes[1].ec);
    BOOST_TEST((res.outcomes[2].ec == erp::error::plugin_failed));
    BOOST_TEST((res.outcomes[3].ec == erp::error::plugin_failed)); // same batch as 999
    BOOST_TEST(res.outcomes[2].message.find("999") != std::string::npos, res.outcomes[2].message);
    BOOST_TEST(res.succeeded == 2u);
    BOOST_TEST(res.failed == 2u);
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

BOOST_AUTO_TEST_SUITE_END()
