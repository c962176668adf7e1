// The sandbox's request handling without sockets (`sandbox::request_handler`): raw request bytes
// in, the bytes the server would write out. The same code serves `sandbox::server`'s requests
// (test/integration/sandbox_server.cpp covers it over sockets).
#include <superoffice/erpsync/sandbox/request_handler.hpp>

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

namespace sandbox = superoffice::erpsync::sandbox;

namespace {

std::string const auth = "Authorization: Basic c2FuZGJveDpzYW5kYm94\r\n";

std::string post(std::string const& op, std::string const& body, std::string const& headers = auth) {
    return "POST /Cust12345/api/v1/Agents/ErpSync/" + op + " HTTP/1.1\r\n" + headers +
           "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
           body;
}

std::size_t count(std::string const& s, std::string const& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1))
        ++n;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_request_handler)

BOOST_AUTO_TEST_CASE(answers_an_operation_as_the_server_does) {
    sandbox::request_handler h;
    std::string const out = h.handle(post("GetEngineStatus", ""));
    BOOST_TEST(out.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, out);
    BOOST_TEST(out.find("\"IsRunning\":true") != std::string::npos, out);
    BOOST_TEST(out.find("\r\nContent-Length: ") != std::string::npos, out);
    BOOST_TEST(h.requests_served() == 1u);
}

BOOST_AUTO_TEST_CASE(pipelined_requests_are_answered_in_order_and_state_is_kept) {
    sandbox::request_handler h;
    std::string const out =
        h.handle(post("ChangeEngineStatus", R"({"Run":false})") + post("GetEngineStatus", ""));
    BOOST_TEST(h.requests_served() == 2u);
    BOOST_TEST(count(out, "HTTP/1.1 200 OK\r\n") == 2u, out);
    BOOST_TEST(h.with_state([](sandbox::emulator& e) { return e.engine_state().IsRunning; }) == false);
}

BOOST_AUTO_TEST_CASE(refusals_carry_the_webapi_error_bodies) {
    sandbox::request_handler h;
    BOOST_TEST(h.handle(post("GetEngineStatus", "", "")).rfind("HTTP/1.1 401", 0) == 0);
    BOOST_TEST(h.handle(post("NoSuchOperation", "")).rfind("HTTP/1.1 404", 0) == 0);
    BOOST_TEST(h.handle(post("GetConnection", "{")).rfind("HTTP/1.1 400", 0) == 0);
}

BOOST_AUTO_TEST_CASE(an_incomplete_or_malformed_request_gets_no_answer_and_stops_the_connection) {
    sandbox::request_handler h;
    std::string const whole = post("GetConnection", R"({"ConnectionId":1})");
    BOOST_TEST(h.handle(whole.substr(0, whole.size() - 3)).empty());
    BOOST_TEST(h.handle("NOT HTTP\r\n\r\n" + whole).empty());
    BOOST_TEST(h.requests_served() == 0u);
}

BOOST_AUTO_TEST_CASE(a_body_over_the_limit_is_answered_413_and_closes) {
    sandbox::options o;
    o.max_body_size = 10;
    sandbox::request_handler h(o);
    std::string const out =
        h.handle(post("GetConnection", R"({"ConnectionId":1})") + post("GetEngineStatus", ""));
    BOOST_TEST(out.rfind("HTTP/1.1 413", 0) == 0, out);
    BOOST_TEST(count(out, "HTTP/1.1 ") == 1u);
}

BOOST_AUTO_TEST_CASE(faults_apply_as_on_a_server) {
    sandbox::options o;
    o.faults.status_503 = 1;
    o.faults.retry_after = std::chrono::seconds(7);
    sandbox::request_handler h(o);
    std::string const out = h.handle(post("GetEngineStatus", ""));
    BOOST_TEST(out.rfind("HTTP/1.1 503", 0) == 0, out);
    BOOST_TEST(out.find("Retry-After: 7\r\n") != std::string::npos, out);

    sandbox::options t;
    t.faults.truncated_body = 1;
    sandbox::request_handler cut(t);
    std::string const part = cut.handle(post("GetEngineStatus", "") + post("GetEngineStatus", ""));
    auto const head_end = part.find("\r\n\r\n");
    BOOST_TEST_REQUIRE(head_end != std::string::npos);
    auto const length_at = part.find("Content-Length: ");
    BOOST_TEST_REQUIRE(length_at != std::string::npos);
    std::size_t const length = std::stoul(part.substr(length_at + 16));
    BOOST_TEST(part.size() - head_end - 4 == length / 2); // half the body, then the connection breaks
    BOOST_TEST(cut.requests_served() == 1u);
}

BOOST_AUTO_TEST_CASE(the_environment_host_needs_the_online_emulation) {
    sandbox::request_handler off;
    BOOST_CHECK_THROW(off.handle_environment("GET /api/state/Cust12345 HTTP/1.1\r\n\r\n"), std::logic_error);
    sandbox::options o;
    o.online.enabled = true;
    sandbox::request_handler on(o);
    std::string const out = on.handle_environment("GET /api/state/Cust12345 HTTP/1.1\r\n\r\n");
    BOOST_TEST(out.rfind("HTTP/1.1 200", 0) == 0, out);
    BOOST_TEST(out.find("\"State\":\"Running\"") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
