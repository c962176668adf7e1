// The client against the sandbox's SuperOffice Online emulation: system-user tickets and OAuth
// tokens obtained, validated, cached and renewed (single flight, one replay), the tenant located
// through the state service (ValidUntil, maintenance, a move to another host), and secrets kept
// out of logs and diagnostics. Everything runs on 127.0.0.1 and is bounded in time.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <test_common/call.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
namespace sandbox = superoffice::erpsync::sandbox;
using namespace std::chrono_literals;

namespace {

erp::rsa_key const& app_key() {
    static erp::rsa_key const k = erp::rsa_key::generate(2048);
    return k;
}

sandbox::options online() {
    sandbox::options o;
    o.engine_timer = false;
    o.online.enabled = true;
    o.online.system_user_key = app_key();
    return o;
}

erp::credentials::system_user system_user(sandbox::server const& sb) {
    erp::credentials::system_user su;
    su.system_user_token = sandbox::online_options{}.system_user_token;
    su.private_key = app_key().private_pem();
    su.application_token = sandbox::online_options{}.application_token;
    su.context_identifier = sb.context_identifier();
    su.environment = sb.environment_url();
    return su;
}

/// A located tenant with system-user credentials: nothing but what a production user gives.
erp::client_config system_user_config(sandbox::server const& sb) {
    erp::client_config cfg;
    cfg.tenant.context_identifier = sb.context_identifier();
    cfg.tenant.environment = sb.environment_url();
    cfg.auth = system_user(sb);
    return cfg;
}

erp::test::outcome<ops::get_engine_status> engine_status(erp::client& c, asio::io_context& io) {
    return erp::test::call<ops::get_engine_status>(c, io, {});
}

/// Starts `n` calls at once and runs them to completion; returns how many succeeded.
std::size_t concurrent_calls(erp::client& c, asio::io_context& io, std::size_t n,
                             std::vector<erp::error_code>* errors = nullptr) {
    std::size_t ok = 0, done = 0;
    for (std::size_t i = 0; i < n; ++i)
        c.async_get_engine_status([&](erp::error_code ec, erp::erp_sync_engine_status) {
            ++done;
            if (!ec)
                ++ok;
            else if (errors)
                errors->push_back(ec);
        });
    io.restart();
    io.run();
    BOOST_TEST(done == n);
    return ok;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_online_client)

BOOST_AUTO_TEST_CASE(system_user_located_tenant_first_call_and_cache) {
    sandbox::server sb(online());
    asio::io_context io;
    erp::client c(io, system_user_config(sb));
    auto r = engine_status(c, io);
    BOOST_TEST(!r.ec, r.ec.message() << ": " << r.diag.to_string());
    auto n = sb.online_counters();
    BOOST_TEST(n.exchanges == 1u);
    BOOST_TEST(n.state_lookups == 1u);
    BOOST_TEST(n.metadata_fetches == 1u);
    BOOST_TEST(n.jwks_fetches == 1u);
    for (int i = 0; i < 20; ++i)
        BOOST_TEST(!engine_status(c, io).ec);
    auto m = sb.online_counters();
    BOOST_TEST(m.exchanges == 1u);     // cached ticket
    BOOST_TEST(m.state_lookups == 1u); // cached state (ValidUntil 300 s)
    auto s = c.session_statistics();
    BOOST_TEST(s.renewals == 1u);
    BOOST_TEST(s.state_lookups == 1u);
    BOOST_TEST(s.replays_after_401 == 0u);
}

BOOST_AUTO_TEST_CASE(fixed_base_url_with_a_system_user) {
    sandbox::server sb(online());
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = system_user(sb);
    erp::client c(io, cfg);
    auto r = engine_status(c, io);
    BOOST_TEST(!r.ec, r.diag.to_string());
    BOOST_TEST(sb.online_counters().state_lookups == 0u);
    BOOST_TEST(sb.online_counters().exchanges == 1u);
}

BOOST_AUTO_TEST_CASE(a_signature_with_the_wrong_key_is_refused_once) {
    sandbox::server sb(online());
    asio::io_context io;
    auto cfg = system_user_config(sb);
    auto su = system_user(sb);
    su.private_key = erp::rsa_key::generate(2048).private_xml(); // another key, in .NET XML form
    cfg.auth = su;
    erp::client c(io, cfg);
    auto r = engine_status(c, io);
    BOOST_TEST((r.ec == erp::error::auth_invalid_signature), r.ec.message());
    BOOST_TEST((r.ec == erp::condition::authentication_failed));
    BOOST_TEST(r.diag.server_message.find("InvalidSignature") != std::string::npos);
    // Held: more calls fail at once without asking again (no loop of exchanges).
    for (int i = 0; i < 5; ++i)
        BOOST_TEST((engine_status(c, io).ec == erp::error::auth_invalid_signature));
    std::vector<erp::error_code> errors;
    BOOST_TEST(concurrent_calls(c, io, 50, &errors) == 0u);
    for (auto const& e : errors)
        BOOST_TEST((e == erp::error::auth_invalid_signature));
    BOOST_TEST(sb.online_counters().exchanges_refused == 1u);
    BOOST_TEST(sb.online_counters().exchanges == 0u);
    BOOST_TEST(c.session_statistics().failed_renewals == 1u);
}

BOOST_AUTO_TEST_CASE(a_stale_timestamp_is_refused) {
    auto o = online();
    o.online.clock_offset = 10min; // the server's clock is 10 minutes ahead: a window of 5 is passed
    sandbox::server sb(o);
    asio::io_context io;
    erp::client c(io, system_user_config(sb));
    auto r = engine_status(c, io);
    BOOST_TEST((r.ec == erp::error::auth_invalid_timestamp), r.ec.message());
    BOOST_TEST(r.diag.client_message.find("refused") != std::string::npos);
    BOOST_TEST(sb.online_counters().exchanges_refused == 1u);
    BOOST_TEST((engine_status(c, io).ec == erp::error::auth_invalid_timestamp)); // held, not asked again
    BOOST_TEST(sb.online_counters().exchanges_refused == 1u);
}

BOOST_AUTO_TEST_CASE(each_refusal_has_its_own_error) {
    struct row {
        sandbox::exchange_refusal refusal;
        erp::error expected;
    };
    for (bool http_status : {false, true})
        for (auto [refusal, expected] :
             {row{sandbox::exchange_refusal::revoked, erp::error::auth_revoked},
              row{sandbox::exchange_refusal::expired, erp::error::auth_expired},
              row{sandbox::exchange_refusal::denied, erp::error::auth_denied},
              row{sandbox::exchange_refusal::needs_reapproval, erp::error::auth_needs_reapproval}}) {
            auto o = online();
            o.online.refuse_exchange = refusal;
            o.online.refusal_http_status = http_status;
            sandbox::server sb(o);
            asio::io_context io;
            erp::client c(io, system_user_config(sb));
            auto r = engine_status(c, io);
            BOOST_TEST((r.ec == expected), r.ec.message() << " (HTTP status " << http_status << ")");
            BOOST_TEST((engine_status(c, io).ec == expected)); // held
            BOOST_TEST(sb.online_counters().exchanges_refused == 1u);
        }
}

BOOST_AUTO_TEST_CASE(jwt_defects_are_refused) {
    struct row {
        sandbox::jwt_fault_kind fault;
        erp::error expected;
    };
    for (auto [fault, expected] :
         {row{sandbox::jwt_fault_kind::bad_signature, erp::error::jwt_bad_signature},
          row{sandbox::jwt_fault_kind::wrong_issuer, erp::error::jwt_wrong_issuer},
          row{sandbox::jwt_fault_kind::wrong_audience, erp::error::jwt_wrong_audience},
          row{sandbox::jwt_fault_kind::expired, erp::error::jwt_expired}}) {
        auto o = online();
        o.online.jwt_fault = fault;
        sandbox::server sb(o);
        asio::io_context io;
        erp::client c(io, system_user_config(sb));
        auto r = engine_status(c, io);
        BOOST_TEST((r.ec == expected), r.ec.message());
        BOOST_TEST(sb.online_counters().unauthorized == 0u); // the ticket was never used
    }
}

BOOST_AUTO_TEST_CASE(a_pinned_key_replaces_the_published_ones) {
    sandbox::server sb(online());
    asio::io_context io;
    auto cfg = system_user_config(sb);
    auto su = system_user(sb);
    su.jwt_key = erp::rsa_key::generate(2048).public_pem(); // not the environment's key
    cfg.auth = su;
    erp::client c(io, cfg);
    auto r = engine_status(c, io);
    BOOST_TEST((r.ec == erp::error::jwt_bad_signature), r.ec.message());
    BOOST_TEST(sb.online_counters().jwks_fetches == 0u);
}

BOOST_AUTO_TEST_CASE(hundred_calls_across_a_ticket_expiry_make_one_exchange) {
    sandbox::server sb(online());
    asio::io_context io;
    erp::client c(io, system_user_config(sb));
    BOOST_TEST(!engine_status(c, io).ec);
    BOOST_TEST(sb.online_counters().exchanges == 1u);
    sb.expire_tickets();
    BOOST_TEST(concurrent_calls(c, io, 100) == 100u);
    auto n = sb.online_counters();
    BOOST_TEST(n.exchanges == 2u);
    BOOST_TEST(n.unauthorized >= 1u);
    BOOST_TEST(n.unauthorized <= 100u);
    BOOST_TEST(c.session_statistics().renewals == 2u);
    BOOST_TEST(c.session_statistics().replays_after_401 == n.unauthorized);
    // The same again, calls on several threads.
    sb.expire_tickets();
    asio::io_context io2;
    erp::client c2(io2, system_user_config(sb));
    std::atomic<std::size_t> ok{0};
    for (int i = 0; i < 100; ++i)
        c2.async_get_engine_status([&](erp::error_code ec, erp::erp_sync_engine_status) {
            if (!ec)
                ++ok;
        });
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] { io2.run(); });
    for (auto& t : threads)
        t.join();
    BOOST_TEST(ok.load() == 100u);
    BOOST_TEST(sb.online_counters().exchanges == 3u);
}

BOOST_AUTO_TEST_CASE(idle_tickets_expire_on_the_server_and_are_renewed_once) {
    auto o = online();
    o.online.ticket_lifetime = 400ms; // sliding
    sandbox::server sb(o);
    asio::io_context io;
    erp::client c(io, system_user_config(sb));
    for (int i = 0; i < 5; ++i) { // used every 100 ms: the same ticket throughout
        BOOST_TEST(!engine_status(c, io).ec);
        std::this_thread::sleep_for(100ms);
    }
    BOOST_TEST(sb.online_counters().exchanges == 1u);
    std::this_thread::sleep_for(600ms); // idle past its lifetime
    auto r = engine_status(c, io);      // refused (401), then sent again with a new ticket
    BOOST_TEST(!r.ec, r.diag.to_string());
    BOOST_TEST(r.diag.attempts == 2u); // the replay's attempt counts too
    BOOST_TEST(concurrent_calls(c, io, 20) == 20u);
    BOOST_TEST(sb.online_counters().exchanges == 2u);
}

BOOST_AUTO_TEST_CASE(a_refused_replay_is_not_replayed_again) {
    // Tickets that die at once: the call is replayed once with a new ticket, refused again,
    // and reported; no loop.
    auto o = online();
    o.online.ticket_lifetime = 0ms;
    sandbox::server sb(o);
    asio::io_context io;
    erp::client c(io, system_user_config(sb));
    auto r = engine_status(c, io);
    BOOST_TEST((r.ec == erp::error::http_unauthorized), r.ec.message());
    BOOST_TEST(r.diag.attempts == 2u);                // the first, and the replay
    BOOST_TEST(sb.online_counters().exchanges == 2u); // the first, and the renewal for the replay
    BOOST_TEST(sb.online_counters().unauthorized == 2u);
    // Held: the next calls fail at once, without an exchange each (every exchange makes a
    // credentials record on the server).
    for (int i = 0; i < 5; ++i)
        BOOST_TEST((engine_status(c, io).ec == erp::error::http_unauthorized));
    BOOST_TEST(sb.online_counters().exchanges == 2u);
    BOOST_TEST(sb.online_counters().unauthorized == 2u);
}

BOOST_AUTO_TEST_CASE(oauth_tokens_are_refreshed_once_when_they_expire) {
    auto o = online();
    o.online.access_token_lifetime = 2s;
    sandbox::server sb(o);
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    erp::credentials::oauth oa;
    oa.client_id = sandbox::online_options{}.client_id;
    oa.client_secret = sandbox::online_options{}.application_token;
    oa.refresh_token = "sandbox-refresh-token";
    oa.environment = sb.environment_url();
    oa.expiry_margin = 1s;
    cfg.auth = oa;
    erp::client c(io, cfg);
    BOOST_TEST(!engine_status(c, io).ec);
    BOOST_TEST(sb.online_counters().token_refreshes == 1u);
    BOOST_TEST(concurrent_calls(c, io, 20) == 20u);
    BOOST_TEST(sb.online_counters().token_refreshes == 1u);
    std::this_thread::sleep_for(1200ms); // within the margin: renewed before it expires
    BOOST_TEST(concurrent_calls(c, io, 50) == 50u);
    BOOST_TEST(sb.online_counters().token_refreshes == 2u);
    BOOST_TEST(sb.online_counters().unauthorized == 0u);
    sb.expire_tickets(); // revoked behind the client's back: 401, one refresh, replay
    BOOST_TEST(concurrent_calls(c, io, 50) == 50u);
    BOOST_TEST(sb.online_counters().token_refreshes == 3u);
}

BOOST_AUTO_TEST_CASE(oauth_rotated_refresh_tokens_reach_the_callback) {
    auto o = online();
    o.online.rotate_refresh_tokens = true;
    sandbox::server sb(o);
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    erp::credentials::oauth oa;
    oa.client_id = sandbox::online_options{}.client_id;
    oa.client_secret = sandbox::online_options{}.application_token;
    oa.refresh_token = "sandbox-refresh-token";
    oa.environment = sb.environment_url();
    std::vector<std::string> stored;
    oa.on_refresh_token = [&](std::string const& t) { stored.push_back(t); };
    cfg.auth = oa;
    erp::client c(io, cfg);
    BOOST_TEST(!engine_status(c, io).ec);
    sb.expire_tickets();
    BOOST_TEST(!engine_status(c, io).ec); // refreshed with the rotated token, not the first one
    BOOST_TEST(sb.online_counters().token_refreshes == 2u);
    BOOST_TEST(sb.online_counters().token_refreshes_refused == 0u);
    BOOST_TEST_REQUIRE(stored.size() == 2u);
    BOOST_TEST(stored[0] != stored[1]);
    BOOST_TEST(stored[0] != "sandbox-refresh-token");
}

BOOST_AUTO_TEST_CASE(oauth_invalid_grant) {
    sandbox::server sb(online());
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    erp::credentials::oauth oa;
    oa.client_id = sandbox::online_options{}.client_id;
    oa.client_secret = sandbox::online_options{}.application_token;
    oa.refresh_token = "revoked-long-ago";
    oa.environment = sb.environment_url();
    cfg.auth = oa;
    erp::client c(io, cfg);
    auto r = engine_status(c, io);
    BOOST_TEST((r.ec == erp::error::oauth_invalid_grant), r.ec.message());
    BOOST_TEST(r.diag.client_message.find("invalid_grant") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_tenant_moved_mid_run_is_found_again) {
    sandbox::server sb(online());
    asio::io_context io;
    erp::client c(io, system_user_config(sb));
    BOOST_TEST(concurrent_calls(c, io, 10) == 10u);
    sb.move_tenant(1);
    BOOST_TEST(concurrent_calls(c, io, 50) == 50u); // 421 on the old host, replayed on the new
    auto n = sb.online_counters();
    BOOST_TEST(n.misdirected >= 1u);
    BOOST_TEST(n.state_lookups == 2u);
    BOOST_TEST(n.exchanges == 1u); // the ticket is the tenant's, not the host's
    BOOST_TEST(c.session_statistics().replays_after_move == n.misdirected);
    BOOST_TEST(concurrent_calls(c, io, 10) == 10u);
    BOOST_TEST(sb.online_counters().misdirected == n.misdirected); // straight to the new host now
}

BOOST_AUTO_TEST_CASE(maintenance_fails_fast_and_recovers) {
    auto o = online();
    o.online.state_valid_for = 1s;
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = system_user_config(sb);
    cfg.tenant.min_valid_for = 1s;
    cfg.tenant.unavailable_recheck = 1s;
    erp::client c(io, cfg);
    BOOST_TEST(!engine_status(c, io).ec);
    sb.set_tenant_state(sandbox::tenant_state::offline_maintenance);
    std::this_thread::sleep_for(1100ms); // past ValidUntil
    auto r = engine_status(c, io);
    BOOST_TEST((r.ec == erp::error::tenant_unavailable), r.ec.message());
    BOOST_TEST(r.diag.tenant_state == "OfflineMaintenance");
    auto const unavailable = sb.online_counters().unavailable;
    auto const t0 = std::chrono::steady_clock::now();
    std::vector<erp::error_code> errors;
    BOOST_TEST(concurrent_calls(c, io, 50, &errors) == 0u); // fast: nothing is sent
    BOOST_TEST((std::chrono::steady_clock::now() - t0 < 500ms));
    for (auto const& e : errors)
        BOOST_TEST((e == erp::error::tenant_unavailable));
    BOOST_TEST(sb.online_counters().unavailable == unavailable);
    sb.set_tenant_state(sandbox::tenant_state::running);
    std::this_thread::sleep_for(1100ms); // the recheck
    BOOST_TEST(!engine_status(c, io).ec);
    sb.set_tenant_state(sandbox::tenant_state::deleted);
    std::this_thread::sleep_for(1100ms);
    auto d = engine_status(c, io);
    BOOST_TEST((d.ec == erp::error::tenant_deleted), d.ec.message());
    BOOST_TEST(d.diag.tenant_state == "Deleted");
}

BOOST_AUTO_TEST_CASE(state_lookups_stay_at_one_per_valid_until_under_load) {
    auto o = online();
    o.online.state_valid_for = 1s;
    sandbox::server sb(o);
    asio::io_context io;
    auto cfg = system_user_config(sb);
    cfg.tenant.min_valid_for = 1s;
    erp::client c(io, cfg);
    auto const t0 = std::chrono::steady_clock::now();
    std::size_t calls = 0;
    while (std::chrono::steady_clock::now() - t0 < 2500ms) { // NOLINT
        BOOST_TEST(concurrent_calls(c, io, 20) == 20u);
        calls += 20;
    }
    auto const lookups = sb.online_counters().state_lookups;
    BOOST_TEST_MESSAGE(calls << " calls, " << lookups << " state look-ups");
    BOOST_TEST(lookups >= 2u);
    BOOST_TEST(lookups <= 4u); // one per second (and the first)
    BOOST_TEST(calls > 100u);
}

BOOST_AUTO_TEST_CASE(a_call_waiting_for_a_renewal_can_be_cancelled) {
    auto o = online();
    o.response_delay = 200ms; // every answer, the login services' too: the renewal takes a while
    sandbox::server sb(o);
    asio::io_context io;
    erp::client c(io, system_user_config(sb));
    asio::cancellation_signal sig;
    erp::error_code got = erp::error::timeout;
    c.async_get_engine_status(asio::bind_cancellation_slot(
        sig.slot(), [&](erp::error_code ec, erp::erp_sync_engine_status) { got = ec; }));
    asio::steady_timer t(io, 50ms);
    t.async_wait([&](erp::error_code) { sig.emit(asio::cancellation_type::terminal); });
    auto const t0 = std::chrono::steady_clock::now();
    io.run_for(150ms); // the renewal needs several answers of 200 ms: only the cancellation ends the call
    BOOST_TEST((got == asio::error::operation_aborted), got.message());
    BOOST_TEST((std::chrono::steady_clock::now() - t0 < 150ms + 50ms));
    // The renewal went on for the others: the next call uses its ticket.
    io.restart();
    auto r = engine_status(c, io);
    BOOST_TEST(!r.ec, r.diag.to_string());
    BOOST_TEST(sb.online_counters().exchanges == 1u);
}

BOOST_AUTO_TEST_CASE(secrets_stay_out_of_logs_and_diagnostics) {
    auto o = online();
    o.online.rotate_refresh_tokens = true;
    sandbox::server sb(o);
    std::mutex m;
    std::string captured;
    auto capture = [&](erp::log_record const& r) {
        std::lock_guard lock(m);
        captured +=
            std::string(r.operation) + " " + std::string(r.event) + " " + std::string(r.message) + "\n";
    };
    asio::io_context io;
    auto cfg = system_user_config(sb);
    cfg.log = {.min_level = erp::log_level::debug, .sink = capture};
    {
        erp::client c(io, cfg);
        BOOST_TEST(!engine_status(c, io).ec);
        sb.expire_tickets();
        BOOST_TEST(!engine_status(c, io).ec);
        auto bad = cfg;
        auto su = system_user(sb);
        su.private_key = erp::rsa_key::generate(2048).private_pem();
        bad.auth = su;
        erp::client refused(io, bad);
        auto r = engine_status(refused, io);
        BOOST_TEST(!!r.ec);
        captured += r.diag.to_string() + "\n";
    }
    erp::client_config ocfg;
    ocfg.base_url = sb.base_url();
    ocfg.log = cfg.log;
    erp::credentials::oauth oa;
    oa.client_id = sandbox::online_options{}.client_id;
    oa.client_secret = sandbox::online_options{}.application_token;
    oa.refresh_token = "sandbox-refresh-token";
    oa.environment = sb.environment_url();
    std::string rotated;
    oa.on_refresh_token = [&](std::string const& t) { rotated = t; };
    ocfg.auth = oa;
    erp::client oc(io, ocfg);
    BOOST_TEST(!engine_status(oc, io).ec);
    BOOST_TEST(captured.find("attempt") != std::string::npos); // debug records were captured
    BOOST_TEST(captured.find("[redacted]") != std::string::npos);
    auto const key_pem = app_key().private_pem();
    auto const key_body = key_pem.substr(key_pem.find('\n') + 1, 40);
    for (std::string const& secret :
         {key_body, sandbox::online_options{}.application_token, sandbox::online_options{}.system_user_token,
          std::string("7T:"), std::string("8A:"), std::string("sandbox-refresh-token"), rotated,
          std::string("SignedSystemToken"), std::string("eyJ") /* any JWT */})
        BOOST_TEST(captured.find(secret) == std::string::npos, "found a secret: " << secret.substr(0, 8));
    BOOST_TEST(!rotated.empty());
}

BOOST_AUTO_TEST_CASE(configuration_errors_are_reported_by_every_call) {
    sandbox::server sb(online());
    asio::io_context io;
    auto cfg = system_user_config(sb);
    auto su = system_user(sb);
    su.private_key = "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n";
    cfg.auth = su;
    erp::client c(io, cfg);
    erp::diagnostics d;
    BOOST_TEST((c.config_error(&d) == erp::error::invalid_key));
    BOOST_TEST(d.client_message.find("not a key") == std::string::npos);
    BOOST_TEST((engine_status(c, io).ec == erp::error::invalid_key));
    auto both = system_user_config(sb);
    both.base_url = sb.base_url();
    erp::client c2(io, both);
    BOOST_TEST((c2.config_error() == erp::error::invalid_base_url));
    BOOST_TEST(sb.online_counters().exchanges == 0u);
    BOOST_TEST(sb.online_counters().exchanges_refused == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
