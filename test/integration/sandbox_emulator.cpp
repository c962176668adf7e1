// The sandbox's emulation of the agent over the wire: what the client makes of its answers and
// what needs the server (the engine's timer). The behaviour itself, family by family, is tested
// on the emulator directly in test/unit/sandbox_emulator.cpp.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include <test_common/call.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
using erp::crm_actor_type;
using erp::erp_actor_type;
using erp::test::call;

namespace {

erp::sandbox::options quiet() {
    erp::sandbox::options o;
    o.engine_timer = false; // the engine runs when a test says so
    return o;
}

struct fixture {
    explicit fixture(erp::sandbox::seed const& s = erp::sandbox::default_seed(),
                     erp::sandbox::options o = quiet())
        : sb(std::move(o), s) {}
    erp::sandbox::server sb;
    asio::io_context io;
    erp::client c{io, [&] {
                      erp::client_config cfg;
                      cfg.base_url = sb.base_url();
                      cfg.auth = erp::credentials::basic("sandbox", "sandbox");
                      cfg.timeout = std::chrono::seconds(10);
                      return cfg;
                  }()};

    template <class Op>
    erp::response_t<Op> ok(erp::request_t<Op> const& req) {
        auto r = call<Op>(c, io, req);
        BOOST_TEST_REQUIRE(!r.ec, Op::name << ": " << r.diag.to_string());
        if constexpr (!std::is_void_v<erp::response_t<Op>>)
            return r.value;
    }
    template <class Op>
    erp::error_code fails(erp::request_t<Op> const& req) {
        return call<Op>(c, io, req).ec;
    }
    std::optional<std::string> erp_field(std::int32_t conn, erp_actor_type t, std::string const& key,
                                         std::string const& f) {
        return sb.with_state([&](auto& e) { return e.erp_field(conn, t, key, f); });
    }
    std::optional<std::string> crm_field(std::int32_t id, std::string const& f) {
        return sb.with_state([&](auto& e) { return e.crm_field(crm_actor_type::Contact, id, f); });
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_emulator)

// A 200 `{Message, MessageDetail}` is error::agent_error and `null` is error::null_response for the
// client (test/unit/sandbox_emulator.cpp relies on that mapping), a query operation, a 204
// operation, an interval in both of its forms, a call that changes the server's state.
BOOST_FIXTURE_TEST_CASE(answers_through_the_client, fixture) {
    BOOST_TEST(ok<ops::get_all_connectors>({}).size() == 3u);
    erp::get_connector_entity_request get;
    get.erpSyncConnectorEntityId = 1;
    BOOST_TEST(ok<ops::get_erp_sync_connector_entity>(get).DisplayName == "Demo ERP connector"); // query
    get.erpSyncConnectorEntityId = 99;
    BOOST_TEST((fails<ops::get_erp_sync_connector_entity>(get) == erp::error::null_response));
    erp::delete_connector_entity_request del;
    del.ErpSyncConnectorEntityId = 1; // in use: refused
    BOOST_TEST((fails<ops::delete_erp_sync_connector_entity>(del) == erp::error::agent_error));
    del.ErpSyncConnectorEntityId = 3;
    ok<ops::delete_erp_sync_connector_entity>(del); // 204
    BOOST_TEST(ok<ops::get_all_connectors>({}).size() == 2u);

    erp::engine_interval_request iv;
    iv.Interval = erp::time_span::parse("PT90S").value(); // ISO 8601: sent and kept as such
    ok<ops::change_engine_interval>(iv);
    auto after = ok<ops::get_engine_status>({});
    BOOST_TEST((after.Interval.duration() == std::chrono::seconds(90)));
    BOOST_TEST(after.Interval.to_string() == "PT1M30S");
    iv.Interval = erp::time_span::parse("01:00:00").value(); // .NET TimeSpan
    ok<ops::change_engine_interval>(iv);
    BOOST_TEST(ok<ops::get_engine_status>({}).Interval.to_string() == "01:00:00");

    erp::force_resync_request resync;
    resync.ErpConnectionId = 1;
    resync.InternalKeyIds = {1};
    BOOST_TEST(ok<ops::force_resync>(resync).IsOk);
    BOOST_TEST(sb.with_state([](auto& e) { return e.resync_count(1, 1); }) == 1u);
}

BOOST_AUTO_TEST_CASE(the_engine_runs_on_its_interval) {
    auto opt = quiet();
    opt.engine_timer = true;
    opt.min_engine_interval = std::chrono::milliseconds(10);
    auto seed = erp::sandbox::default_seed();
    seed.Connections[0].AutoSync = false; // only the queued resync can bring connection 1's phone
    fixture f(seed, opt);
    erp::engine_interval_request iv;
    iv.Interval = erp::time_span(std::chrono::milliseconds(100));
    f.ok<ops::change_engine_interval>(iv);
    auto ik = f.sb.with_state([](auto& e) { return *e.internal_key(crm_actor_type::Contact, 10); });
    erp::force_resync_request task;
    task.ErpConnectionId = 1;
    task.InternalKeyIds = {ik};
    f.ok<ops::force_resync_batch_task>(task);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (f.crm_field(10, "phone") != "+47 22 00 00 01" && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    BOOST_TEST(*f.crm_field(10, "phone") == "+47 22 00 00 01");
    BOOST_TEST(f.sb.with_state([](auto& e) { return e.engine_state().Queue.empty(); }));
    BOOST_TEST(f.sb.with_state([](auto& e) { return e.engine_state().Runs; }) >= 1);
}

BOOST_AUTO_TEST_SUITE_END()
