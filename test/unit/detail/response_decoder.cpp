// Response interpretation: status classes, error bodies, 204 and null, the agents' error object.
#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>

#include <boost/test/unit_test.hpp>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;

BOOST_AUTO_TEST_SUITE(test_response_decoder)

BOOST_AUTO_TEST_CASE(status_classes) {
    BOOST_TEST((detail::status_error(400) == erp::error::http_bad_request));
    BOOST_TEST((detail::status_error(401) == erp::error::http_unauthorized));
    BOOST_TEST((detail::status_error(403) == erp::error::http_forbidden));
    BOOST_TEST((detail::status_error(404) == erp::error::http_not_found));
    BOOST_TEST((detail::status_error(409) == erp::error::http_client_error));
    BOOST_TEST((detail::status_error(429) == erp::error::http_too_many_requests));
    BOOST_TEST((detail::status_error(500) == erp::error::http_server_error));
    BOOST_TEST((detail::status_error(503) == erp::error::http_service_unavailable));
    BOOST_TEST((detail::status_error(302) == erp::error::http_unexpected_status));
}

BOOST_AUTO_TEST_CASE(webapi_error_body_is_decoded) {
    erp::plugin_response r;
    erp::diagnostics d;
    auto ec = detail::decode_response(
        404,
        R"({"Error":true,"ErrorType":"SoNotFoundException","ErrorMessage":"Contact 5 not found","ErrorSource":"NetServer"})",
        &r, &d);
    BOOST_TEST((ec == erp::error::http_not_found));
    BOOST_TEST(d.http_status == 404u);
    BOOST_TEST_REQUIRE(d.server.has_value());
    BOOST_TEST(d.server->ErrorType == "SoNotFoundException");
    BOOST_TEST(d.server->ErrorMessage == "Contact 5 not found");
    BOOST_TEST(d.server->ErrorSource == "NetServer");
}

BOOST_AUTO_TEST_CASE(non_json_error_bodies_keep_a_bounded_excerpt) {
    erp::plugin_response r;
    erp::diagnostics d;
    std::string html = "<html>" + std::string(10000, 'x') + "</html>";
    BOOST_TEST((detail::decode_response(502, html, &r, &d) == erp::error::http_server_error));
    BOOST_TEST(!d.server.has_value());
    BOOST_TEST(d.server_message.size() == erp::diagnostics::max_excerpt);
    BOOST_TEST(d.server_message.substr(0, 6) == "<html>");
}

BOOST_AUTO_TEST_CASE(agent_error_object_in_a_200) {
    erp::plugin_response r;
    erp::diagnostics d;
    auto ec = detail::decode_response(
        200, R"({"Message":"The request is invalid.","MessageDetail":"ErpKey is empty"})", &r, &d);
    BOOST_TEST((ec == erp::error::agent_error));
    BOOST_TEST_REQUIRE(d.server.has_value());
    BOOST_TEST(d.server->MessageDetail == "ErpKey is empty");
    erp::diagnostics d2;
    BOOST_TEST((detail::decode_response<void>(200, R"({"Message":"bad"})", nullptr, &d2) ==
                erp::error::agent_error));
    erp::plugin_response ok;
    BOOST_TEST(!detail::decode_response(200, "{}", &ok, nullptr));
}

BOOST_AUTO_TEST_CASE(no_content_accepts_empty_and_null) {
    BOOST_TEST(!detail::decode_response<void>(204, "", nullptr, nullptr));
    BOOST_TEST(!detail::decode_response<void>(204, "null", nullptr, nullptr));
    BOOST_TEST(!detail::decode_response<void>(200, " null\r\n", nullptr, nullptr));
}

BOOST_AUTO_TEST_CASE(null_or_empty_where_a_result_is_expected) {
    erp::plugin_response r;
    erp::diagnostics d;
    BOOST_TEST((detail::decode_response(200, "null", &r, &d) == erp::error::null_response));
    BOOST_TEST((detail::decode_response(200, "", &r, &d) == erp::error::null_response));
    BOOST_TEST((detail::decode_response(204, "", &r, &d) == erp::error::null_response));
}

BOOST_AUTO_TEST_CASE(malformed_json_in_a_200) {
    erp::plugin_response r;
    erp::diagnostics d;
    auto ec = detail::decode_response(200, R"({"IsOk":tr)", &r, &d);
    BOOST_TEST((ec == erp::condition::decode_failed));
    BOOST_TEST(d.server_message == R"({"IsOk":tr)");
    erp::diagnostics d2;
    BOOST_TEST((detail::decode_response(200, R"({"IsOk":1})", &r, &d2) == erp::error::type_mismatch));
    BOOST_TEST(d2.field_path == "IsOk");
}

BOOST_AUTO_TEST_SUITE_END()
