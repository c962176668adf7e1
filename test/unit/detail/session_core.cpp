// The session's decisions, driven with scripted events and fake clocks.

#include <superoffice/erpsync/detail/session_core.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>

namespace erp = superoffice::erpsync;
namespace d = superoffice::erpsync::detail;
using namespace std::chrono_literals;

namespace {

using clock_t_ = d::session_core::clock;
using wall_t = d::session_core::wall_clock;

struct fixture {
    clock_t_::time_point now = clock_t_::time_point(1000h);
    wall_t::time_point wall = wall_t::time_point(std::chrono::sys_days(std::chrono::year(2026) / 3 / 1));

    void advance(clock_t_::duration by) {
        now += by;
        wall += std::chrono::duration_cast<wall_t::duration>(by);
    }

    erp::tenant_state state(char const* name, bool running, std::chrono::seconds valid_for,
                            char const* endpoint = "http://host1/Cust1") const {
        erp::tenant_state s;
        s.State = name;
        s.IsRunning = running;
        s.Endpoint = endpoint;
        s.ValidUntil = erp::timestamp::from_utc(
            std::chrono::time_point_cast<erp::timestamp::time_point::duration>(wall + valid_for));
        return s;
    }

    static d::session_core::settings located_system_user() {
        d::session_core::settings s;
        s.located = true;
        s.renewable = true;
        s.renew_after_idle = 5h;
        s.locator.context_identifier = "Cust1";
        s.locator.environment = "sod";
        return s;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(test_session_core)

BOOST_AUTO_TEST_CASE(replay_rules) {
    d::replay_facts f;
    f.renewable = true;
    f.located = true;
    f.status = 401;
    BOOST_TEST((d::replay_after(f) == d::replay_reason::renew_credentials));
    f.renewed = true; // at most once
    BOOST_TEST((d::replay_after(f) == d::replay_reason::none));
    f.renewed = false;
    f.renewable = false; // static credentials: a 401 is the answer
    BOOST_TEST((d::replay_after(f) == d::replay_reason::none));
    f.status = 421;
    BOOST_TEST((d::replay_after(f) == d::replay_reason::relocate_tenant));
    f.relocated = true;
    BOOST_TEST((d::replay_after(f) == d::replay_reason::none));
    f.relocated = false;
    f.located = false; // a fixed base URL: a 421 is the answer
    BOOST_TEST((d::replay_after(f) == d::replay_reason::none));
    f.located = true;
    f.status = 0;
    f.ec = erp::error::connect_failed;
    BOOST_TEST((d::replay_after(f) == d::replay_reason::relocate_tenant));
    f.ec = erp::error::resolve_failed;
    BOOST_TEST((d::replay_after(f) == d::replay_reason::relocate_tenant));
    f.ec = erp::error::timeout; // the host answered (or may have): not a move
    BOOST_TEST((d::replay_after(f) == d::replay_reason::none));
    f.ec = erp::error::tls_handshake_failed;
    BOOST_TEST((d::replay_after(f) == d::replay_reason::none));
    f.ec = {};
    for (unsigned s : {200u, 400u, 403u, 404u, 429u, 500u, 503u}) {
        f.status = s;
        BOOST_TEST((d::replay_after(f) == d::replay_reason::none), s);
    }
}

BOOST_FIXTURE_TEST_CASE(first_call_needs_everything_then_nothing, fixture) {
    d::session_core c(located_system_user());
    auto n = c.what_is_needed(now, wall);
    BOOST_TEST(n.tenant);
    BOOST_TEST(n.credentials);
    BOOST_TEST(!c.held_failure(now, wall, nullptr));
    c.tenant_resolved(state("Running", true, 600s), wall);
    c.credentials_obtained("7T:one", std::nullopt, now);
    n = c.what_is_needed(now, wall);
    BOOST_TEST(!n.any());
    BOOST_TEST(c.tenant_url() == "http://host1/Cust1");
    BOOST_TEST(c.secret() == "7T:one");
    BOOST_TEST(c.credentials_generation() == 1u);
    BOOST_TEST(c.tenant_generation() == 1u);
}

BOOST_FIXTURE_TEST_CASE(state_is_asked_again_at_valid_until_only, fixture) {
    d::session_core c(located_system_user());
    c.tenant_resolved(state("Running", true, 600s), wall);
    c.credentials_obtained("7T:one", std::nullopt, now);
    advance(599s);
    BOOST_TEST(!c.what_is_needed(now, wall).tenant);
    advance(1s);
    BOOST_TEST(c.what_is_needed(now, wall).tenant);
    // The same host again: the route is unchanged (no new connections).
    c.tenant_resolved(state("Running", true, 600s), wall);
    BOOST_TEST(c.tenant_generation() == 1u);
    BOOST_TEST(!c.what_is_needed(now, wall).tenant);
}

BOOST_FIXTURE_TEST_CASE(a_move_changes_the_route_once, fixture) {
    d::session_core c(located_system_user());
    c.tenant_resolved(state("Running", true, 600s), wall);
    c.credentials_obtained("7T:one", std::nullopt, now);
    auto const gen = c.tenant_generation();
    // 100 calls on the old host see 421: the first report asks again, later ones of the same
    // generation change nothing more.
    for (int i = 0; i < 100; ++i)
        c.tenant_moved(gen);
    BOOST_TEST(c.what_is_needed(now, wall).tenant);
    BOOST_TEST(!c.what_is_needed(now, wall).credentials); // the ticket is not the host's
    c.tenant_resolved(state("Running", true, 600s, "http://host2/Cust1"), wall);
    BOOST_TEST(c.tenant_generation() == gen + 1);
    BOOST_TEST(c.tenant_url() == "http://host2/Cust1");
    c.tenant_moved(gen); // a late report from a call on the old host
    BOOST_TEST(!c.what_is_needed(now, wall).tenant);
}

BOOST_FIXTURE_TEST_CASE(a_stopped_tenant_fails_calls_until_asked_again, fixture) {
    auto settings = located_system_user();
    settings.locator.unavailable_recheck = 30s;
    d::session_core c(settings);
    c.tenant_resolved(state("OfflineMaintenance", false, 3600s), wall);
    erp::diagnostics diag;
    BOOST_TEST((c.held_failure(now, wall, &diag) == erp::error::tenant_unavailable));
    BOOST_TEST(diag.tenant_state == "OfflineMaintenance");
    BOOST_TEST(!c.what_is_needed(now, wall).tenant);
    advance(29s);
    BOOST_TEST((c.held_failure(now, wall, nullptr) == erp::error::tenant_unavailable));
    advance(1s); // the recheck bound, not ValidUntil's hour
    BOOST_TEST(!c.held_failure(now, wall, nullptr));
    BOOST_TEST(c.what_is_needed(now, wall).tenant);
    c.tenant_resolved(state("Running", true, 600s), wall);
    BOOST_TEST(!c.held_failure(now, wall, nullptr));
    c.tenant_resolved(state("Deleted", false, 600s), wall);
    BOOST_TEST((c.held_failure(now, wall, &diag) == erp::error::tenant_deleted));
    BOOST_TEST(diag.tenant_state == "Deleted");
}

BOOST_FIXTURE_TEST_CASE(refusals_of_old_credentials_do_not_renew_again, fixture) {
    d::session_core c(located_system_user());
    c.tenant_resolved(state("Running", true, 600s), wall);
    c.credentials_obtained("7T:one", std::nullopt, now);
    auto const gen = c.credentials_generation();
    c.credentials_refused(gen);
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
    // The renewal: one flight, everyone else joins.
    BOOST_TEST(c.begin_flight());
    BOOST_TEST(!c.begin_flight());
    for (int i = 0; i < 99; ++i)
        c.credentials_refused(gen); // the other calls in flight with the old ticket
    c.credentials_obtained("7T:two", std::nullopt, now);
    c.end_flight();
    BOOST_TEST(c.credentials_generation() == gen + 1);
    BOOST_TEST(!c.what_is_needed(now, wall).credentials);
    c.credentials_refused(gen); // late
    BOOST_TEST(!c.what_is_needed(now, wall).credentials);
    c.credentials_refused(gen + 1); // the new one refused too: renew (the call does not replay twice)
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
}

BOOST_FIXTURE_TEST_CASE(idle_tickets_are_renewed_before_use, fixture) {
    d::session_core c(located_system_user()); // renew after 5 h idle
    c.tenant_resolved(state("Running", true, 3600s), wall);
    c.credentials_obtained("7T:one", std::nullopt, now);
    for (int i = 0; i < 10; ++i) { // used every 4 h: sliding, never renewed
        advance(4h);
        c.tenant_resolved(state("Running", true, 3600s), wall);
        BOOST_TEST(!c.what_is_needed(now, wall).credentials);
        c.used(now);
    }
    advance(5h);
    c.tenant_resolved(state("Running", true, 3600s), wall);
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
}

BOOST_FIXTURE_TEST_CASE(expiring_tokens_are_renewed_with_a_margin, fixture) {
    d::session_core::settings s;
    s.renewable = true;
    s.expiry_margin = 60s;
    d::session_core c(s);
    BOOST_TEST(!c.what_is_needed(now, wall).tenant); // no locator
    c.credentials_obtained("8A:a", 3600s, now);
    advance(3539s);
    BOOST_TEST(!c.what_is_needed(now, wall).credentials);
    advance(1s);
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
    // A lifetime shorter than twice the margin: renewed at half of it, never in a loop.
    c.credentials_obtained("8A:b", 60s, now);
    BOOST_TEST(!c.what_is_needed(now, wall).credentials);
    advance(29s);
    BOOST_TEST(!c.what_is_needed(now, wall).credentials);
    advance(1s);
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
    c.credentials_obtained("8A:c", 0s, now); // nonsense from a server: renewed on the next call
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
}

BOOST_FIXTURE_TEST_CASE(refused_exchanges_are_held_not_repeated, fixture) {
    auto settings = located_system_user();
    settings.refusal_hold = 30s;
    d::session_core c(settings);
    c.tenant_resolved(state("Running", true, 3600s), wall);
    erp::diagnostics why;
    why.client_message = "the system-user exchange was refused";
    why.server_message = "Revoked";
    c.credentials_failed(erp::error::auth_revoked, why, now);
    erp::diagnostics diag;
    BOOST_TEST((c.held_failure(now, wall, &diag) == erp::error::auth_revoked));
    BOOST_TEST(diag.server_message == "Revoked");
    BOOST_TEST(!c.what_is_needed(now, wall).credentials); // no new exchange while held
    advance(30s);
    BOOST_TEST(!c.held_failure(now, wall, nullptr));
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
    // The login host unreachable: not held, the next call asks again.
    c.credentials_failed(erp::error::connect_failed, why, now);
    BOOST_TEST(!c.held_failure(now, wall, nullptr));
    BOOST_TEST(c.what_is_needed(now, wall).credentials);
}

BOOST_FIXTURE_TEST_CASE(fresh_credentials_refused_again_are_held_not_renewed_per_call, fixture) {
    auto settings = located_system_user();
    settings.refusal_hold = 30s;
    d::session_core c(settings);
    c.tenant_resolved(state("Running", true, 3600s), wall);
    c.credentials_obtained("7T:one", std::nullopt, now);
    c.credentials_refused(1); // a 401: renew
    c.credentials_obtained("7T:two", std::nullopt, now);
    erp::diagnostics why;
    why.http_status = 401;
    c.credentials_refused_again(1, why, now); // an old generation: nothing held
    BOOST_TEST(!c.held_failure(now, wall, nullptr));
    c.credentials_refused_again(2, why, now); // the replay with the fresh ticket refused too
    erp::diagnostics diag;
    BOOST_TEST((c.held_failure(now, wall, &diag) == erp::error::http_unauthorized));
    BOOST_TEST(diag.client_message.find("refused again") != std::string::npos);
    BOOST_TEST(!c.what_is_needed(now, wall).credentials); // no exchange per call
    advance(30s);
    BOOST_TEST(!c.held_failure(now, wall, nullptr));
    c.credentials_refused(2);
    BOOST_TEST(c.what_is_needed(now, wall).credentials); // tried again after the hold
}

BOOST_AUTO_TEST_SUITE_END()
