// Every operation over SOAP (1.1 and 1.2) against the sandbox's SOAP endpoint, side by side with
// REST on a twin sandbox: the request must arrive as sent and the result must equal REST's.
// Then authentication, the agent's refusals, faults and hostile messages sent to the endpoint.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/jwt.hpp>
#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>
#include <superoffice/erpsync/system_user_token.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include <test_common/call.hpp>
#include <test_common/sample_values.hpp>

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;

namespace {

struct seen {
    std::string request;
    unsigned status = 0;
};

// A sandbox with both endpoints that records what each operation received.
struct recorded_sandbox {
    std::mutex m;
    std::map<std::string, seen, std::less<>> log;
    erp::sandbox::server sb;

    recorded_sandbox() : sb(make_options()) {}

    erp::sandbox::options make_options() {
        erp::sandbox::options o;
        o.engine_timer = false;
        o.soap = erp::sandbox::soap_endpoint();
        o.observer = [this](std::string_view op, std::string_view req, unsigned status, std::string_view) {
            std::lock_guard lock(m);
            log[std::string(op)] = seen{std::string(req), status};
        };
        return o;
    }

    seen last(std::string_view op) {
        std::lock_guard lock(m);
        auto it = log.find(op);
        return it == log.end() ? seen{} : it->second;
    }
};

erp::client_config soap_config(erp::sandbox::server const& sb, erp::soap::version v) {
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::so_ticket("7T:sandbox-ticket");
    cfg.protocol = erp::soap::protocol(v);
    return cfg;
}

// SOAP reads a duration into the default (.NET) style, REST keeps the style it read: compare
// values in one style. The twins stamp `LastSync` with their own clocks: `drop_times` blanks
// timestamps in results and states.
template <class T>
void normalize(T& v, bool drop_times) {
    using namespace erp::detail;
    if constexpr (std::is_same_v<T, erp::time_span>) {
        v.set_style(erp::time_span_style::dotnet);
    } else if constexpr (std::is_same_v<T, erp::timestamp>) {
        if (drop_times)
            v = erp::timestamp{};
    } else if constexpr (is_optional_v<T>) {
        if (v)
            normalize(*v, drop_times);
    } else if constexpr (is_vector_v<T>) {
        for (auto& e : v)
            normalize(e, drop_times);
    } else if constexpr (is_string_map_v<T>) {
        for (auto& [k, e] : v)
            normalize(e, drop_times);
    } else if constexpr (is_described_struct_v<T>) {
        boost::mp11::mp_for_each<members_t<T>>([&](auto D) { normalize(v.*D.pointer, drop_times); });
    }
}

template <class T>
std::string json_of(T v, bool drop_times = false) {
    normalize(v, drop_times);
    return erp::to_json(v).value();
}

struct raw_reply {
    unsigned status = 0;
    std::string body;
};

// One HTTP exchange with the SOAP endpoint.
raw_reply post_soap(erp::sandbox::server const& sb, std::string body,
                    std::string content_type = "text/xml; charset=utf-8", std::string action = {}) {
    asio::io_context io;
    asio::ip::tcp::socket sock(io);
    sock.connect({asio::ip::make_address("127.0.0.1"), sb.port()});
    http::request<http::string_body> req(http::verb::post, "/Cust12345/Remote/Services88/ErpSync.svc", 11);
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, content_type);
    if (!action.empty())
        req.set("SOAPAction", action);
    req.body() = std::move(body);
    req.prepare_payload();
    boost::system::error_code ec;
    http::write(sock, req, ec); // a server refusing a large body may close before reading it all
    boost::beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(sock, buf, res, ec);
    if (ec)
        return {0, ec.message()};
    return {res.result_int(), res.body()};
}

std::string envelope(std::string_view inner, std::string_view ticket = "7T:sandbox-ticket") {
    return std::string("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                       "xmlns:e=\"http://www.superoffice.net/ws/crm/NetServer/Services88\"><s:Header>"
                       "<e:Credentials><e:Ticket>") +
           std::string(ticket) + "</e:Ticket></e:Credentials></s:Header><s:Body>" + std::string(inner) +
           "</s:Body></s:Envelope>";
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_soap)

BOOST_AUTO_TEST_CASE(every_operation_over_soap_equals_rest) {
    recorded_sandbox rest_sb, soap11_sb, soap12_sb; // three twins: the same seed, the same calls
    asio::io_context io;
    erp::client_config rest_cfg;
    rest_cfg.base_url = rest_sb.sb.base_url();
    rest_cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    erp::client rest(io, rest_cfg);
    erp::client soap11(io, soap_config(soap11_sb.sb, erp::soap::version::v1_1));
    erp::client soap12(io, soap_config(soap12_sb.sb, erp::soap::version::v1_2));

    std::size_t n = 0, answered = 0, refused = 0, empty = 0;
    boost::mp11::mp_for_each<ops::all>([&](auto op) {
        using Op = decltype(op);
        using R = erp::response_t<Op>;
        BOOST_TEST_CONTEXT(Op::name) {
            auto const req = erp::test::sample_value<erp::request_t<Op>>();
            auto const r = erp::test::call<Op>(rest, io, req);
            for (auto* pair : {&soap11_sb, &soap12_sb}) {
                erp::client& c = pair == &soap11_sb ? soap11 : soap12;
                BOOST_TEST_CONTEXT((pair == &soap11_sb ? "SOAP 1.1" : "SOAP 1.2")) {
                    auto const s = erp::test::call<Op>(c, io, req);
                    seen const got = pair->last(Op::name);
                    BOOST_TEST_REQUIRE(!got.request.empty(), "the SOAP endpoint never saw the call");
                    // the parameters arrived as sent
                    BOOST_TEST(json_of(erp::from_json<erp::request_t<Op>>(got.request).value()) ==
                               json_of(req));
                    // the same outcome as REST
                    BOOST_TEST(s.ec == r.ec, s.diag.to_string());
                    if (r.ec == erp::error::agent_error) {
                        BOOST_TEST_REQUIRE(s.diag.server.has_value());
                        BOOST_TEST(s.diag.server->Message == r.diag.server->Message);
                        BOOST_TEST(s.diag.server->MessageDetail == r.diag.server->MessageDetail);
                    }
                    if constexpr (!std::is_void_v<R>)
                        if (!r.ec)
                            BOOST_TEST(json_of(s.value, true) == json_of(r.value, true));
                }
            }
            ++n;
            if (r.ec == erp::error::agent_error)
                ++refused;
            else if (r.ec == erp::error::null_response)
                ++empty;
            else if (!r.ec)
                ++answered;
        }
    });
    BOOST_TEST(n == boost::mp11::mp_size<ops::all>::value);
    BOOST_TEST(soap11_sb.sb.requests_served() == n);
    BOOST_TEST(soap12_sb.sb.requests_served() == n);
    BOOST_TEST_MESSAGE("answered " << answered << ", refused " << refused << ", null " << empty);
    BOOST_TEST(answered >= 25u);
    BOOST_TEST(refused >= 1u);
    BOOST_TEST(empty >= 1u);
    // the twins went through the same changes
    auto state = [](erp::sandbox::server& s) {
        return s.with_state([](erp::sandbox::emulator& e) { return json_of(e.snapshot(), true); });
    };
    BOOST_TEST(state(soap11_sb.sb) == state(rest_sb.sb));
    BOOST_TEST(state(soap12_sb.sb) == state(rest_sb.sb));
}

BOOST_AUTO_TEST_CASE(credentials_and_application_token) {
    erp::sandbox::options o;
    o.engine_timer = false;
    o.soap = erp::sandbox::soap_endpoint();
    o.app_token = "app-secret";
    erp::sandbox::server sb(o);
    asio::io_context io;

    auto cfg = soap_config(sb, erp::soap::version::v1_1);
    cfg.app_token = "app-secret";
    {
        erp::client c(io, cfg);
        auto r = erp::test::call<ops::get_engine_status>(c, io, {});
        BOOST_TEST_REQUIRE(!r.ec, r.diag.to_string());
    }
    {
        auto bad = cfg;
        bad.auth = erp::credentials::so_ticket("7T:wrong");
        erp::client c(io, bad);
        auto r = erp::test::call<ops::get_engine_status>(c, io, {});
        BOOST_TEST((r.ec == erp::error::soap_fault));
        BOOST_TEST((r.ec == erp::condition::agent_failed));
        BOOST_TEST(r.diag.http_status == 500u);
        BOOST_TEST_REQUIRE(r.diag.server.has_value());
        BOOST_TEST(r.diag.server->ErrorType == "Client");
        BOOST_TEST(r.diag.server->ErrorMessage.find("Authentication failed") != std::string::npos);
        BOOST_TEST(r.diag.to_string().find("7T:wrong") == std::string::npos); // the sandbox never echoes it
    }
    {
        auto no_token = cfg;
        no_token.app_token.clear();
        erp::client c(io, no_token);
        auto r = erp::test::call<ops::get_engine_status>(c, io, {});
        BOOST_TEST((r.ec == erp::error::soap_fault));
    }
    {
        // Basic credentials travel in the Authorization header, the token in the envelope
        auto basic = cfg;
        basic.auth = erp::credentials::basic("sandbox", "sandbox");
        basic.protocol = erp::soap::protocol(erp::soap::version::v1_2);
        erp::client c(io, basic);
        auto r = erp::test::call<ops::get_engine_status>(c, io, {});
        BOOST_TEST(!r.ec, r.diag.to_string());
    }
}

BOOST_AUTO_TEST_CASE(online_ticket_over_soap) {
    // a ticket from the Online emulation's exchange is accepted in Credentials/Ticket with the
    // ApplicationToken header, and the tenant's host rules apply to the SOAP path too
    auto key = erp::rsa_key::generate(2048);
    erp::sandbox::options o;
    o.engine_timer = false;
    o.soap = erp::sandbox::soap_endpoint();
    o.online.enabled = true;
    o.online.system_user_key = key;
    erp::sandbox::server sb(o);

    erp::error_code ec;
    boost::json::object body;
    body["SignedSystemToken"] =
        erp::sign_system_user_token(o.online.system_user_token, key, std::chrono::system_clock::now(), ec);
    BOOST_TEST_REQUIRE(!ec);
    body["ApplicationToken"] = o.online.application_token;
    body["ContextIdentifier"] = "Cust12345";
    body["ReturnTokenType"] = "JWT";
    asio::io_context io;
    asio::ip::tcp::socket sock(io);
    sock.connect({asio::ip::make_address("127.0.0.1"), sb.environment_port()});
    http::request<http::string_body> req(http::verb::post, "/Login/api/PartnerSystemUser/Authenticate", 11);
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    req.body() = boost::json::serialize(body);
    req.prepare_payload();
    http::write(sock, req);
    boost::beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(sock, buf, res);
    auto reply = boost::json::parse(res.body()).as_object();
    BOOST_TEST_REQUIRE(reply.at("IsSuccessful").as_bool(), res.body());
    auto jwt = erp::decode_jwt_unverified(std::string_view(reply.at("Token").as_string()), ec);
    BOOST_TEST_REQUIRE(!ec);
    auto const ticket = jwt.claim("http://schemes.superoffice.net/identity/ticket");

    auto cfg = soap_config(sb, erp::soap::version::v1_1);
    cfg.auth = erp::credentials::so_ticket(ticket);
    cfg.app_token = o.online.application_token;
    {
        erp::client c(io, cfg);
        auto r = erp::test::call<ops::get_engine_status>(c, io, {});
        BOOST_TEST(!r.ec, r.diag.to_string());
    }
    {
        auto no_token = cfg;
        no_token.app_token.clear();
        erp::client c(io, no_token);
        auto r = erp::test::call<ops::get_engine_status>(c, io, {});
        BOOST_TEST((r.ec == erp::error::soap_fault));
    }
    sb.move_tenant(1);
    {
        erp::client c(io, cfg); // still the old host
        auto r = erp::test::call<ops::get_engine_status>(c, io, {});
        BOOST_TEST(r.diag.http_status == 421u);
        auto moved = cfg;
        moved.base_url = sb.tenant_host_url(1);
        erp::client c2(io, moved);
        auto r2 = erp::test::call<ops::get_engine_status>(c2, io, {});
        BOOST_TEST(!r2.ec, r2.diag.to_string());
    }
    BOOST_TEST(sb.online_counters().misdirected == 1u);
}

BOOST_AUTO_TEST_CASE(agent_refusals_arrive_as_exception_info) {
    recorded_sandbox t;
    asio::io_context io;
    erp::client c(io, soap_config(t.sb, erp::soap::version::v1_1));
    erp::erp_connection_id_request req;
    req.ErpConnectionId = 999; // no such connection
    auto r = erp::test::call<ops::get_erp_connection_config_fields>(c, io, req);
    BOOST_TEST((r.ec == erp::error::agent_error));
    BOOST_TEST(r.diag.http_status == 200u);
    BOOST_TEST_REQUIRE(r.diag.server.has_value());
    BOOST_TEST(r.diag.server->ErrorType == "ArgumentException");
    BOOST_TEST(!r.diag.server->Message.empty());
    BOOST_TEST(!r.diag.server->MessageDetail.empty());
    BOOST_TEST(r.diag.server->ErrorSource == "SuperOffice.ErpSync.Sandbox");
    // and the client goes on working
    auto ok = erp::test::call<ops::get_engine_status>(c, io, {});
    BOOST_TEST(!ok.ec, ok.diag.to_string());
}

BOOST_AUTO_TEST_CASE(the_endpoint_refuses_bad_messages_and_keeps_serving) {
    recorded_sandbox t;
    auto const& sb = t.sb;
    auto expect_fault = [&](raw_reply const& r, unsigned status, std::string_view words) {
        BOOST_TEST(r.status == status);
        BOOST_TEST(r.body.find("Fault") != std::string::npos, r.body);
        BOOST_TEST(r.body.find(words) != std::string::npos, r.body);
    };
    // not well-formed
    expect_fault(post_soap(sb, envelope("<e:GetEngineStatus>")), 400, "not well-formed");
    // entity expansion (billion laughs) and external entities: the DTD is refused
    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    laughs += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">";
    for (int i = 2; i <= 9; ++i)
        laughs += "<!ENTITY lol" + std::to_string(i) + " \"" + [&] {
            std::string s;
            for (int k = 0; k < 10; ++k)
                s += "&lol" + std::to_string(i - 1) + ";";
            return s;
        }() + "\">";
    laughs +=
        "]>" + envelope("<e:GetConnection><e:ErpConnectionId>&lol9;</e:ErpConnectionId></e:GetConnection>");
    expect_fault(post_soap(sb, laughs), 400, "DTD");
    expect_fault(
        post_soap(
            sb,
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" +
                envelope("<e:GetConnection><e:ErpConnectionId>&e;</e:ErpConnectionId></e:GetConnection>")),
        400, "DTD");
    // deep nesting: refused, no stack overflow
    std::string deep;
    for (int i = 0; i < 100000; ++i)
        deep += "<e:Mapping>";
    for (int i = 0; i < 100000; ++i)
        deep += "</e:Mapping>";
    expect_fault(post_soap(sb, envelope("<e:SaveActorTypeMapping>" + deep + "</e:SaveActorTypeMapping>")),
                 400, "deeper");
    // larger than the body limit: 413 before the XML is looked at (or the connection is closed
    // while the client still writes)
    auto large = post_soap(sb, envelope("<e:TestConnectorUrl><e:Url>" + std::string(9 * 1024 * 1024, 'x') +
                                        "</e:Url></e:TestConnectorUrl>"));
    BOOST_TEST((large.status == 413u || large.status == 0u), large.status << " " << large.body);
    // not an envelope, unknown operation, wrong action, wrong media type, wrong parameter type
    expect_fault(post_soap(sb, "<e:GetEngineStatus xmlns:e=\"urn:x\"/>"), 400, "envelope");
    expect_fault(post_soap(sb, envelope("<e:NoSuchOperation/>")), 500, "no operation");
    expect_fault(post_soap(sb, envelope("<e:GetEngineStatus/>"), "text/xml",
                           "\"http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SyncAll\""),
                 500, "does not match");
    expect_fault(post_soap(sb, envelope("<e:GetEngineStatus/>"), "application/soap+xml"), 415, "SOAP 1.1");
    expect_fault(
        post_soap(sb,
                  envelope("<e:GetConnection><e:ErpConnectionId>one</e:ErpConnectionId></e:GetConnection>")),
        500, "ErpConnectionId");
    // a well-formed call still works, prefixes chosen freely, ticket directly in the envelope
    auto ok = post_soap(sb,
                        "<x:Envelope xmlns:x=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        "<q:Credentials xmlns:q=\"http://www.superoffice.net/ws/crm/NetServer/Services88\">"
                        "<q:Ticket>7T:sandbox-ticket</q:Ticket></q:Credentials><x:Body>"
                        "<GetEngineStatus xmlns=\"http://www.superoffice.net/ws/crm/NetServer/Services88\"/>"
                        "</x:Body></x:Envelope>",
                        "text/xml",
                        "\"http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetEngineStatus\"");
    BOOST_TEST(ok.status == 200u);
    BOOST_TEST(ok.body.find("GetEngineStatusResponse") != std::string::npos, ok.body);
    BOOST_TEST(ok.body.find("<es:Succeeded xsi:type=\"xsd:boolean\">true</es:Succeeded>") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_sandbox_without_soap_answers_404) {
    erp::sandbox::options o;
    o.engine_timer = false;
    erp::sandbox::server sb(o);
    asio::io_context io;
    erp::client c(io, soap_config(sb, erp::soap::version::v1_1));
    auto r = erp::test::call<ops::get_engine_status>(c, io, {});
    BOOST_TEST((r.ec == erp::error::http_not_found));
    BOOST_TEST(r.diag.server_message.find("soap_endpoint") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
