#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/error_with_diagnostics.hpp>

#include <boost/test/unit_test.hpp>

namespace erp = superoffice::erpsync;

BOOST_AUTO_TEST_SUITE(test_error)

BOOST_AUTO_TEST_CASE(codes_have_messages_and_conditions) {
    erp::error_code ec = erp::error::http_unauthorized;
    BOOST_TEST(ec.message() == "HTTP 401 Unauthorized");
    BOOST_TEST(std::string(ec.category().name()) == "superoffice.erpsync");
    BOOST_TEST((ec == erp::condition::http_status));
    BOOST_TEST((ec != erp::condition::transport_failed));
    BOOST_TEST((erp::error_code(erp::error::timeout) == erp::condition::transport_failed));
    BOOST_TEST((erp::error_code(erp::error::type_mismatch) == erp::condition::decode_failed));
    BOOST_TEST((erp::error_code(erp::error::invalid_value) == erp::condition::decode_failed));
    BOOST_TEST(erp::error_code(erp::error::invalid_value).message() ==
               "a text in the response is not a valid value for the target field");
    BOOST_TEST((erp::error_code(erp::error::invalid_xml) == erp::condition::decode_failed));
    BOOST_TEST((erp::error_code(erp::error::soap_fault) == erp::condition::agent_failed));
    BOOST_TEST(erp::error_code(erp::error::soap_fault).message() == "the server answered with a SOAP fault");
    BOOST_TEST((erp::error_code(erp::error::plugin_failed) == erp::condition::agent_failed));
    BOOST_TEST((erp::error_code(erp::error::invalid_header_value) == erp::condition::invalid_request));
}

BOOST_AUTO_TEST_CASE(plugin_response_check_and_throw) {
    erp::plugin_response r;
    r.IsOk = false;
    r.ErrorCode = "ErrorNotFound";
    r.TechExplanation = "Unknown ExternalKeys: X";
    erp::diagnostics d;
    BOOST_TEST((erp::check(r, d) == erp::error::plugin_failed));
    BOOST_TEST(d.plugin_error_code == "ErrorNotFound");
    BOOST_TEST(d.to_string().find("Unknown ExternalKeys: X") != std::string::npos);
    BOOST_CHECK_EXCEPTION(erp::value_or_throw(r), erp::error_with_diagnostics, [](auto const& e) {
        return e.code() == erp::error::plugin_failed &&
               e.get_diagnostics().plugin_error_code == "ErrorNotFound";
    });
    r.IsOk = true;
    BOOST_TEST(!erp::check(r, d));
    BOOST_TEST(erp::value_or_throw(r).IsOk);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(test_error_online)

BOOST_AUTO_TEST_CASE(credential_and_tenant_codes_have_their_conditions) {
    for (auto e :
         {erp::error::invalid_key, erp::error::auth_revoked, erp::error::auth_expired,
          erp::error::auth_denied, erp::error::auth_needs_reapproval, erp::error::auth_invalid_timestamp,
          erp::error::auth_invalid_signature, erp::error::auth_refused, erp::error::oauth_invalid_grant,
          erp::error::oauth_refused, erp::error::jwt_malformed, erp::error::jwt_unsupported_algorithm,
          erp::error::jwt_unknown_key, erp::error::jwt_bad_signature, erp::error::jwt_wrong_issuer,
          erp::error::jwt_wrong_audience, erp::error::jwt_expired, erp::error::jwt_not_yet_valid}) {
        erp::error_code ec = e;
        BOOST_TEST((ec == erp::condition::authentication_failed), ec.message());
        BOOST_TEST((ec != erp::condition::tenant_unavailable));
        BOOST_TEST((ec != erp::condition::http_status));
        BOOST_TEST(ec.message() != "unknown superoffice::erpsync error");
    }
    for (auto e :
         {erp::error::tenant_unavailable, erp::error::tenant_deleted, erp::error::tenant_lookup_failed}) {
        erp::error_code ec = e;
        BOOST_TEST((ec == erp::condition::tenant_unavailable), ec.message());
        BOOST_TEST((ec != erp::condition::authentication_failed));
    }
    BOOST_TEST((erp::error_code(erp::error::proxy_failed) == erp::condition::transport_failed));
    BOOST_TEST((erp::error_code(erp::error::soap_fault) != erp::condition::authentication_failed));
    BOOST_TEST((erp::error_code(erp::error::http_unauthorized) != erp::condition::authentication_failed));
    erp::diagnostics d;
    d.tenant_state = "OfflineMaintenance";
    BOOST_TEST(d.to_string().find("tenant state OfflineMaintenance") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
