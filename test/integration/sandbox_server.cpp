// The sandbox server as an HTTP peer: its answers to raw requests (status codes and the WebAPI
// error bodies), seeds loaded from JSON, and the shell program's seed format.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/test/unit_test.hpp>

#include <test_common/call.hpp>

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace erp = superoffice::erpsync;

namespace {

struct raw_reply {
    unsigned status = 0;
    std::string body;
    std::string www_authenticate;
};

// One synchronous HTTP/1.1 exchange with the sandbox.
raw_reply exchange(erp::sandbox::server const& sb, http::verb method, std::string target,
                   std::string content_type, std::string body,
                   std::string auth = "Basic " + erp::detail::base64("sandbox:sandbox")) {
    asio::io_context io;
    asio::ip::tcp::socket sock(io);
    sock.connect({asio::ip::make_address("127.0.0.1"), sb.port()});
    http::request<http::string_body> req(method, "/Cust12345/api/v1/Agents/ErpSync/" + target, 11);
    req.set(http::field::host, "127.0.0.1");
    if (!auth.empty())
        req.set(http::field::authorization, auth);
    if (!content_type.empty())
        req.set(http::field::content_type, content_type);
    req.body() = std::move(body);
    req.prepare_payload();
    http::write(sock, req);
    boost::beast::flat_buffer buf;
    http::response_parser<http::string_body> p;
    p.body_limit(1 << 20);
    http::read(sock, buf, p);
    auto& res = p.get();
    return {res.result_int(), res.body(), std::string(res[http::field::www_authenticate])};
}

erp::server_error error_body(std::string const& body) {
    erp::server_error e;
    erp::diagnostics d;
    BOOST_TEST(!erp::from_json(body, e, &d), d.to_string());
    return e;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_server)

BOOST_AUTO_TEST_CASE(valid_raw_request) {
    erp::sandbox::server sb;
    auto r = exchange(sb, http::verb::post, "ForceResyncExternal", "application/json; charset=utf-8",
                      R"({"ErpConnectionId":1,"ErpActorType":"Customer","ExternalKeys":["C-1001"]})");
    BOOST_TEST(r.status == 200u);
    auto pr = erp::from_json<erp::plugin_response>(r.body);
    BOOST_TEST_REQUIRE(pr.has_value());
    BOOST_TEST(pr->IsOk);
    // text/json is accepted too, and GetEngineStatus needs no body or Content-Type
    BOOST_TEST(
        exchange(sb, http::verb::post, "ForceResync", "text/json", R"({"ErpConnectionId":0})").status ==
        200u);
    BOOST_TEST(exchange(sb, http::verb::post, "GetEngineStatus", "", "").status == 200u);
}

BOOST_AUTO_TEST_CASE(wrong_content_type_is_415_with_the_error_body) {
    erp::sandbox::server sb;
    auto r = exchange(sb, http::verb::post, "ForceResync", "text/plain", R"({"ErpConnectionId":1})");
    BOOST_TEST(r.status == 415u);
    auto e = error_body(r.body);
    BOOST_TEST(e.Error);
    BOOST_TEST(e.ErrorType == "UnsupportedMediaTypeException");
    BOOST_TEST(exchange(sb, http::verb::post, "ForceResync", "", R"({})").status == 415u);
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400_with_the_error_body) {
    erp::sandbox::server sb;
    for (std::string bad : {R"({"ErpConnectionId":1,)", "", "[1,2]", R"({"ErpConnectionId":"one"})",
                            R"({"InternalKeyIds":[1,"x"]})"}) {
        auto r = exchange(sb, http::verb::post, "ForceResync", "application/json", bad);
        BOOST_TEST(r.status == 400u, bad);
        auto e = error_body(r.body);
        BOOST_TEST(e.ErrorType == "JsonReaderException");
        BOOST_TEST(!e.ErrorMessage.empty());
    }
    auto r =
        exchange(sb, http::verb::post, "ForceResync", "application/json", R"({"InternalKeyIds":[1,"x"]})");
    BOOST_TEST(error_body(r.body).ErrorMessage.find("InternalKeyIds[1]") != std::string::npos);
    BOOST_TEST(sb.with_state([](auto& e) { return e.engine_state().IsRunning; })); // still serving
}

BOOST_AUTO_TEST_CASE(auth_method_and_path_errors) {
    erp::sandbox::server sb;
    auto noauth = exchange(sb, http::verb::post, "GetEngineStatus", "", "", "");
    BOOST_TEST(noauth.status == 401u);
    BOOST_TEST(error_body(noauth.body).ErrorType == "SoAuthenticationException");
    BOOST_TEST(!noauth.www_authenticate.empty());
    BOOST_TEST(exchange(sb, http::verb::post, "GetEngineStatus", "", "", "Basic garbage").status == 401u);
    BOOST_TEST(exchange(sb, http::verb::post, "GetEngineStatus", "", "", "Negotiate abc").status == 401u);
    auto unknown = exchange(sb, http::verb::post, "NoSuchOperation", "application/json", "{}");
    BOOST_TEST(unknown.status == 404u);
    BOOST_TEST(error_body(unknown.body).ErrorType == "SoNotFoundException");
    BOOST_TEST(exchange(sb, http::verb::get, "GetEngineStatus", "", "").status == 405u);
}

BOOST_AUTO_TEST_CASE(oversized_bodies_are_refused) {
    erp::sandbox::options o;
    o.max_body_size = 1024;
    erp::sandbox::server sb(o);
    std::string big = R"({"ExternalKeys":[")" + std::string(4096, 'k') + R"("]})";
    BOOST_TEST(exchange(sb, http::verb::post, "ForceResyncExternal", "application/json", big).status == 413u);
}

BOOST_AUTO_TEST_CASE(select_nulls_out_unlisted_properties) {
    erp::sandbox::server sb;
    auto r = exchange(sb, http::verb::post, "GetEngineStatus?$select=isrunning,%20Interval/x", "", "");
    BOOST_TEST(r.status == 200u);
    BOOST_TEST(r.body == R"({"IsRunning":true,"StatusMessage":"","Interval":"00:05:00"})");
}

BOOST_AUTO_TEST_SUITE_END()
