#include <superoffice/erpsync/detail/login_messages.hpp>
#include <superoffice/erpsync/tenant.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>

namespace erp = superoffice::erpsync;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(test_tenant)

BOOST_AUTO_TEST_CASE(environment_names_and_urls) {
    BOOST_TEST(erp::environment_url("online") == "https://online.superoffice.com");
    BOOST_TEST(erp::environment_url("SOD") == "https://sod.superoffice.com");
    BOOST_TEST(erp::environment_url("qaonline") == "https://qaonline.superoffice.com");
    BOOST_TEST(erp::environment_url("http://127.0.0.1:8080/") == "http://127.0.0.1:8080");
    BOOST_TEST(erp::environment_url("https://sod.superoffice.com") == "https://sod.superoffice.com");
    BOOST_TEST(erp::environment_url("").empty());
}

BOOST_AUTO_TEST_CASE(permanent_states) {
    for (auto s : {"Deleted", "deleting", "DeleteFailed", "3", "10", "11"})
        BOOST_TEST(erp::tenant_state_is_permanent(s), s);
    for (auto s : {"Running", "OfflineMaintenance", "Suspended", "MigrationPending", "Unknown", "6", ""})
        BOOST_TEST(!erp::tenant_state_is_permanent(s), s);
}

BOOST_AUTO_TEST_CASE(base_url_from_endpoint_or_api) {
    erp::tenant_state s;
    s.Endpoint = "https://online2.superoffice.com/Cust12345/";
    s.Api = "https://other/Cust12345/api";
    BOOST_TEST(erp::tenant_base_url(s) == "https://online2.superoffice.com/Cust12345");
    s.Endpoint.clear();
    BOOST_TEST(erp::tenant_base_url(s) == "https://other/Cust12345");
    s.Api = "https://other/Cust12345/api/";
    BOOST_TEST(erp::tenant_base_url(s) == "https://other/Cust12345");
    s.Api = "https://other/Cust12345/v1";
    BOOST_TEST(erp::tenant_base_url(s).empty());
}

BOOST_AUTO_TEST_CASE(valid_until_is_clamped) {
    erp::tenant_locator loc;
    loc.min_valid_for = 60s;
    loc.max_valid_for = 3600s;
    loc.unavailable_recheck = 30s;
    auto const now =
        std::chrono::system_clock::time_point(std::chrono::sys_days(std::chrono::year(2026) / 3 / 1));
    erp::tenant_state s;
    s.IsRunning = true;
    s.ValidUntil = erp::timestamp::from_utc(
        std::chrono::time_point_cast<erp::timestamp::time_point::duration>(now + 600s));
    BOOST_TEST((erp::tenant_state_valid_until(s, loc, now) == now + 600s));
    s.ValidUntil = erp::timestamp::from_utc(
        std::chrono::time_point_cast<erp::timestamp::time_point::duration>(now + 5s));
    BOOST_TEST((erp::tenant_state_valid_until(s, loc, now) == now + 60s));
    s.ValidUntil = erp::timestamp::from_utc(
        std::chrono::time_point_cast<erp::timestamp::time_point::duration>(now + 24h));
    BOOST_TEST((erp::tenant_state_valid_until(s, loc, now) == now + 3600s));
    s.ValidUntil = erp::timestamp(); // missing: year 1, far before the system clock's range
    BOOST_TEST((erp::tenant_state_valid_until(s, loc, now) == now + 60s));
    s.IsRunning = false; // not running: asked again soon, whatever ValidUntil says
    s.ValidUntil = erp::timestamp::from_utc(
        std::chrono::time_point_cast<erp::timestamp::time_point::duration>(now + 24h));
    BOOST_TEST((erp::tenant_state_valid_until(s, loc, now) == now + 30s));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(test_login_messages)

namespace d = superoffice::erpsync::detail;

BOOST_AUTO_TEST_CASE(exchange_body_has_the_documented_names) {
    auto b = d::system_user_exchange_body("tok.202601010000.c2ln", "secret\"x", "Cust1");
    BOOST_TEST(b == R"({"SignedSystemToken":"tok.202601010000.c2ln","ApplicationToken":"secret\"x",)"
                    R"("ContextIdentifier":"Cust1","ReturnTokenType":"JWT"})");
}

BOOST_AUTO_TEST_CASE(refusals_are_recognised_by_name_or_number) {
    BOOST_TEST((d::refusal_error("Revoked: Application's access to the tenant has been revoked") ==
                erp::error::auth_revoked));
    BOOST_TEST((d::refusal_error("The application authorization on this tenant has Expired") ==
                erp::error::auth_expired));
    BOOST_TEST((d::refusal_error("denied") == erp::error::auth_denied));
    BOOST_TEST((d::refusal_error("NeedsReapproval") == erp::error::auth_needs_reapproval));
    BOOST_TEST((d::refusal_error("InvalidTimestamp: The supplied timestamp is invalid") ==
                erp::error::auth_invalid_timestamp));
    BOOST_TEST((d::refusal_error("Error: InvalidSignature") == erp::error::auth_invalid_signature));
    BOOST_TEST((d::refusal_error(" 7 ") == erp::error::auth_invalid_signature));
    BOOST_TEST((d::refusal_error("6") == erp::error::auth_invalid_timestamp));
    BOOST_TEST((d::refusal_error("1") == erp::error::auth_revoked));
    BOOST_TEST((d::refusal_error("Something else 7 times") == erp::error::auth_refused));
    BOOST_TEST((d::refusal_error("RevokedX") == erp::error::auth_refused)); // whole words only
    BOOST_TEST((d::refusal_error("") == erp::error::auth_refused));
}

BOOST_AUTO_TEST_CASE(exchange_replies) {
    std::string jwt;
    erp::diagnostics diag;
    BOOST_TEST(!d::read_system_user_reply(200, R"({"IsSuccessful":true,"Token":"a.b.c","ErrorMessage":null})",
                                          jwt, &diag));
    BOOST_TEST(jwt == "a.b.c");
    jwt.clear();
    auto ec = d::read_system_user_reply(200, R"({"IsSuccessful":false,"Token":null,"ErrorMessage":"Denied"})",
                                        jwt, &diag);
    BOOST_TEST((ec == erp::error::auth_denied));
    BOOST_TEST(diag.server_message == "Denied");
    BOOST_TEST(jwt.empty());
    // A 4xx with the same body: the message decides.
    ec = d::read_system_user_reply(401, R"({"IsSuccessful":false,"ErrorMessage":"InvalidSignature"})", jwt,
                                   &diag);
    BOOST_TEST((ec == erp::error::auth_invalid_signature));
    BOOST_TEST(diag.http_status == 401u);
    // A 2xx that says success with a non-2xx status is still a refusal.
    ec = d::read_system_user_reply(500, R"({"IsSuccessful":true,"Token":"a.b.c"})", jwt, &diag);
    BOOST_TEST((ec == erp::error::auth_refused));
    BOOST_TEST(jwt.empty());
    ec = d::read_system_user_reply(200, R"({"IsSuccessful":true,"Token":""})", jwt, &diag);
    BOOST_TEST((ec == erp::error::auth_refused));
    ec = d::read_system_user_reply(200, "<html>", jwt, &diag);
    BOOST_TEST((ec == erp::error::auth_refused));
    // An outage is not a refusal (it is not held as one).
    ec = d::read_system_user_reply(502, "Bad gateway", jwt, &diag);
    BOOST_TEST((ec == erp::error::http_server_error));
    BOOST_TEST((ec != erp::condition::authentication_failed));
    BOOST_TEST(diag.server_message == "Bad gateway");
    ec = d::read_system_user_reply(503, "{}", jwt, &diag);
    BOOST_TEST((ec == erp::error::http_service_unavailable));
    ec = d::read_system_user_reply(429, "", jwt, &diag);
    BOOST_TEST((ec == erp::error::http_too_many_requests));
    ec = d::read_system_user_reply(400, "Bad request", jwt, &diag);
    BOOST_TEST((ec == erp::error::auth_refused));
}

BOOST_AUTO_TEST_CASE(oauth_refresh_body_is_form_encoded) {
    BOOST_TEST(d::oauth_refresh_body("id", "s&=e cret", "r+t") ==
               "grant_type=refresh_token&client_id=id&client_secret=s%26%3De%20cret&refresh_token=r%2Bt");
}

BOOST_AUTO_TEST_CASE(oauth_replies) {
    d::oauth_reply r;
    erp::diagnostics diag;
    BOOST_TEST(!d::read_oauth_reply(
        200, R"({"access_token":"8A:Cust1.x","token_type":"Bearer","expires_in":3600,"id_token":"a.b.c"})", r,
        &diag));
    BOOST_TEST(r.access_token == "8A:Cust1.x");
    BOOST_TEST(r.refresh_token.empty());
    BOOST_TEST((r.expires_in == std::chrono::seconds(3600)));
    BOOST_TEST(!d::read_oauth_reply(200, R"({"access_token":"t","expires_in":"300","refresh_token":"n"})", r,
                                    &diag));
    BOOST_TEST((r.expires_in == std::chrono::seconds(300)));
    BOOST_TEST(r.refresh_token == "n");
    BOOST_TEST(!d::read_oauth_reply(200, R"({"access_token":"t","expires_in":"soon"})", r, &diag));
    BOOST_TEST(!r.expires_in.has_value());
    auto ec =
        d::read_oauth_reply(400, R"({"error":"invalid_grant","error_description":"revoked"})", r, &diag);
    BOOST_TEST((ec == erp::error::oauth_invalid_grant));
    BOOST_TEST(diag.client_message.find("invalid_grant") != std::string::npos);
    BOOST_TEST(diag.server_message == "revoked");
    ec = d::read_oauth_reply(401, R"({"error":"invalid_client"})", r, &diag);
    BOOST_TEST((ec == erp::error::oauth_refused));
    ec = d::read_oauth_reply(200, R"({"token_type":"Bearer"})", r, &diag);
    BOOST_TEST((ec == erp::error::oauth_refused));
    ec = d::read_oauth_reply(503, "busy", r, &diag); // an outage: not a refusal
    BOOST_TEST((ec == erp::error::http_service_unavailable));
    BOOST_TEST(diag.http_status == 503u);
    ec = d::read_oauth_reply(400, "no", r, &diag); // 400/401 without an RFC 6749 body: re-consent
    BOOST_TEST((ec == erp::error::oauth_invalid_grant));
    ec = d::read_oauth_reply(403, "{}", r, &diag);
    BOOST_TEST((ec == erp::error::oauth_refused));
    // expires_in: a fraction, and bounds
    BOOST_TEST(!d::read_oauth_reply(200, R"({"access_token":"t","expires_in":299.5})", r, &diag));
    BOOST_TEST((r.expires_in == std::chrono::seconds(299)));
    BOOST_TEST(!d::read_oauth_reply(200, R"({"access_token":"t","expires_in":0})", r, &diag));
    BOOST_TEST((r.expires_in == std::chrono::seconds(1)));
    BOOST_TEST(!d::read_oauth_reply(200, R"({"access_token":"t","expires_in":1e300})", r, &diag));
    BOOST_TEST((r.expires_in == std::chrono::seconds(86400)));
}

BOOST_AUTO_TEST_CASE(openid_metadata) {
    std::string uri;
    BOOST_TEST(!d::read_jwks_uri(
        200, R"({"issuer":"x","jwks_uri":"https://sod.superoffice.com/login/.well-known/jwks"})", uri,
        nullptr));
    BOOST_TEST(uri == "https://sod.superoffice.com/login/.well-known/jwks");
    BOOST_TEST((d::read_jwks_uri(200, R"({"issuer":"x"})", uri, nullptr) == erp::error::jwt_unknown_key));
    BOOST_TEST((d::read_jwks_uri(404, R"({"jwks_uri":"x"})", uri, nullptr) == erp::error::jwt_unknown_key));
}

BOOST_AUTO_TEST_CASE(tenant_state_replies) {
    erp::tenant_state s;
    erp::diagnostics diag;
    BOOST_TEST(!d::read_tenant_state(200, R"({"ContextIdentifier":"Cust12345",
        "Endpoint":"https://online2.superoffice.com:443/Cust12345","State":"Running","IsRunning":true,
        "ValidUntil":"2026-02-23T09:52:01.9342965Z","Api":"https://online2.superoffice.com/Cust12345/api",
        "Version":"Release_11.10_2026.02.24-02","NewField":{"x":1}})",
                                     s, &diag));
    BOOST_TEST(s.State == "Running");
    BOOST_TEST(s.IsRunning);
    BOOST_TEST(erp::tenant_base_url(s) == "https://online2.superoffice.com:443/Cust12345");
    BOOST_TEST(s.ValidUntil.to_string() == "2026-02-23T09:52:01.9342965Z");
    BOOST_TEST(s.Version == "Release_11.10_2026.02.24-02");
    // The state as a number, no Version, no ValidUntil.
    BOOST_TEST(!d::read_tenant_state(200, R"({"State":6,"IsRunning":false})", s, &diag));
    BOOST_TEST(s.State == "6");
    BOOST_TEST(!s.IsRunning);
    BOOST_TEST((d::read_tenant_state(404, "{}", s, &diag) == erp::error::tenant_lookup_failed));
    BOOST_TEST(diag.http_status == 404u);
    BOOST_TEST((d::read_tenant_state(200, "[]", s, &diag) == erp::error::tenant_lookup_failed));
    BOOST_TEST(
        (d::read_tenant_state(200, R"({"State":"Running"})", s, &diag) == erp::error::tenant_lookup_failed));
    BOOST_TEST((d::read_tenant_state(200, R"({"State":"Running","IsRunning":true})", s, &diag) ==
                erp::error::tenant_lookup_failed)); // running but nowhere to call
    BOOST_TEST((d::read_tenant_state(200, R"({"IsRunning":true,"Api":"x/api","ValidUntil":"tomorrow"})", s,
                                     &diag) == erp::error::tenant_lookup_failed));
}

BOOST_AUTO_TEST_SUITE_END()
