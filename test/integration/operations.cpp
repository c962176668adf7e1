// Every operation description, round-tripped through the client and the sandbox: a request with
// every member set (generated from the descriptions) must arrive as sent, and the answer must
// decode to what the sandbox sent. Adding an operation to ops::all adds it here.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/test/unit_test.hpp>

#include <map>
#include <mutex>
#include <set>
#include <string>

#include <test_common/call.hpp>
#include <test_common/sample_values.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;

namespace {

struct seen {
    std::string request;
    unsigned status = 0;
    std::string body;
};

} // namespace

BOOST_AUTO_TEST_SUITE(test_operations)

BOOST_AUTO_TEST_CASE(the_list_is_the_specs_49_operations) {
    std::set<std::string_view> names;
    boost::mp11::mp_for_each<ops::all>([&](auto op) { names.insert(decltype(op)::name); });
    BOOST_TEST(names.size() == 49u);
    for (auto n : {"GetAllConnections", "GetAllConnectors", "TryConnectActor", "ValidateArchiveColumnConfig",
                   "GetErpSyncConnectorEntity", "DeleteErpSyncConnectorEntity", "SaveErpSyncConnectorEntity"})
        BOOST_TEST(names.count(n) == 1u, n);
}

BOOST_AUTO_TEST_CASE(every_operation_round_trips_through_client_and_sandbox) {
    std::mutex m;
    std::map<std::string, seen, std::less<>> log;
    erp::sandbox::options o;
    o.engine_timer = false;
    o.observer = [&](std::string_view op, std::string_view req, unsigned status, std::string_view body) {
        std::lock_guard lock(m);
        log[std::string(op)] = seen{std::string(req), status, std::string(body)};
    };
    erp::sandbox::server sb(o);
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    erp::client c(io, cfg);

    std::size_t n = 0, answered = 0, refused = 0, empty = 0;
    boost::mp11::mp_for_each<ops::all>([&](auto op) {
        using Op = decltype(op);
        using R = erp::response_t<Op>;
        BOOST_TEST_CONTEXT(Op::name) {
            auto const req = erp::test::sample_value<erp::request_t<Op>>();
            auto r = erp::test::call<Op>(c, io, req);
            ++n;
            seen s;
            {
                std::lock_guard lock(m);
                auto it = log.find(Op::name);
                BOOST_TEST_REQUIRE((it != log.end()), "the sandbox never saw the call");
                s = it->second;
            }
            // the request arrived as sent: body or query parameters alike
            BOOST_TEST(s.request == erp::to_json(req).value());
            BOOST_TEST(s.status == (std::is_void_v<R> && !r.ec ? 204u : 200u));
            if (r.ec == erp::error::agent_error) {
                // invalid parameters: the agents' error object, decoded into diagnostics
                ++refused;
                BOOST_TEST_REQUIRE(r.diag.server.has_value());
                BOOST_TEST(!r.diag.server->Message.empty());
                BOOST_TEST(s.body.find("MessageDetail") != std::string::npos);
            } else if (r.ec == erp::error::null_response) {
                ++empty; // nothing found: the documented `null`
                BOOST_TEST(s.body == "null");
            } else {
                BOOST_TEST_REQUIRE(!r.ec, r.diag.to_string());
                ++answered;
                if constexpr (!std::is_void_v<R>)
                    BOOST_TEST(erp::to_json(r.value).value() == s.body); // decoded as sent
            }
        }
    });
    BOOST_TEST(n == boost::mp11::mp_size<ops::all>::value);
    BOOST_TEST(sb.requests_served() == n);
    // the generated requests name connection 1 and field 1, which exist in the default seed:
    // most operations get a real answer, the rest the documented error shapes
    BOOST_TEST_MESSAGE("answered " << answered << ", refused " << refused << ", null " << empty);
    BOOST_TEST(answered >= 25u);
}

BOOST_AUTO_TEST_SUITE_END()
