// The sandbox's emulation of SuperOffice Online (sandbox::options::online): the environment host's
// metadata, JWKS, system-user exchange, token endpoint and state service, the tickets and access
// tokens on the tenant API, tenant hosts (421) and states (503), and the counters. Plain HTTP
// requests, as a client of any language would send them.
#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/jwt.hpp>
#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/sandbox/online.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#include <superoffice/erpsync/system_user_token.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
namespace erp = superoffice::erpsync;
namespace sb = superoffice::erpsync::sandbox;
using namespace std::chrono_literals;

namespace {

struct reply {
    unsigned status = 0;
    std::string body;
    http::fields headers;

    json::object object() const {
        boost::system::error_code ec;
        auto v = json::parse(body, ec);
        BOOST_TEST_REQUIRE(!ec, "not JSON: " << body);
        BOOST_TEST_REQUIRE(v.is_object(), "not a JSON object: " << body);
        return v.as_object();
    }
};

// One synchronous HTTP/1.1 exchange with a port of the sandbox.
reply send(std::uint16_t port, http::verb method, std::string const& target, std::string body = {},
           std::string const& content_type = {},
           std::vector<std::pair<std::string, std::string>> const& headers = {}) {
    asio::io_context io;
    asio::ip::tcp::socket sock(io);
    sock.connect({asio::ip::make_address("127.0.0.1"), port});
    http::request<http::string_body> req(method, target, 11);
    req.set(http::field::host, "127.0.0.1");
    if (!content_type.empty())
        req.set(http::field::content_type, content_type);
    for (auto const& [k, v] : headers)
        req.set(k, v);
    req.body() = std::move(body);
    req.prepare_payload();
    http::write(sock, req);
    boost::beast::flat_buffer buf;
    http::response_parser<http::string_body> p;
    p.body_limit(1 << 20);
    http::read(sock, buf, p);
    auto res = p.release();
    reply r;
    r.status = res.result_int();
    r.body = res.body();
    for (auto const& f : res)
        r.headers.insert(f.name_string(), f.value());
    return r;
}

std::string text(json::object const& o, char const* name) {
    auto const* v = o.if_contains(name);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The system user's key pair: made once (RSA key generation takes a moment).
erp::rsa_key const& user_key() {
    static erp::rsa_key const key = erp::rsa_key::generate(2048);
    return key;
}

erp::rsa_key public_only(erp::rsa_key const& k) {
    erp::error_code ec;
    auto pub = erp::rsa_key::parse(k.public_pem(), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    return pub;
}

sb::options online_options() {
    sb::options opt;
    opt.engine_timer = false;
    opt.online.enabled = true;
    opt.online.system_user_key = public_only(user_key());
    return opt;
}

std::string const claim = "http://schemes.superoffice.net/identity/";

// The JSON body of the exchange, signed with `key` at `when`.
std::string exchange_body(sb::options const& opt, erp::rsa_key const& key,
                          std::chrono::system_clock::time_point when = std::chrono::system_clock::now(),
                          std::string app_token = {}, std::string ctx = "Cust12345") {
    erp::error_code ec;
    auto signed_token = erp::sign_system_user_token(opt.online.system_user_token, key, when, ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    json::object o;
    o["SignedSystemToken"] = signed_token;
    o["ApplicationToken"] = app_token.empty() ? opt.online.application_token : app_token;
    o["ContextIdentifier"] = ctx;
    o["ReturnTokenType"] = "JWT";
    return json::serialize(o);
}

reply authenticate(sb::server const& srv, std::string body) {
    return send(srv.environment_port(), http::verb::post, "/Login/api/PartnerSystemUser/Authenticate",
                std::move(body), "application/json");
}

// A successful exchange's JWT.
std::string exchange_jwt(sb::server const& srv, sb::options const& opt) {
    auto r = authenticate(srv, exchange_body(opt, user_key()));
    BOOST_TEST_REQUIRE(r.status == 200u);
    auto o = r.object();
    BOOST_TEST_REQUIRE(o.at("IsSuccessful").as_bool(), r.body);
    BOOST_TEST(o.at("ErrorMessage").is_null());
    return text(o, "Token");
}

erp::jwk_set served_keys(sb::server const& srv) {
    auto r = send(srv.environment_port(), http::verb::get, "/login/.well-known/jwks");
    BOOST_TEST_REQUIRE(r.status == 200u);
    erp::error_code ec;
    erp::diagnostics d;
    auto keys = erp::jwk_set::parse(r.body, ec, &d);
    BOOST_TEST_REQUIRE(!ec, d.to_string());
    return keys;
}

// The ticket of a successful exchange, read without verification (verification is tested apart).
std::string exchange_ticket(sb::server const& srv, sb::options const& opt) {
    erp::error_code ec;
    auto jwt = erp::decode_jwt_unverified(exchange_jwt(srv, opt), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    return jwt.claim(claim + "ticket");
}

// GetEngineStatus on tenant host `host` with the given headers.
unsigned call_api(sb::server const& srv, std::size_t host,
                  std::vector<std::pair<std::string, std::string>> const& headers) {
    return send(srv.tenant_host_port(host), http::verb::post,
                "/Cust12345/api/v1/Agents/ErpSync/GetEngineStatus", {}, {}, headers)
        .status;
}

std::vector<std::pair<std::string, std::string>> with_ticket(std::string const& ticket,
                                                             sb::options const& opt) {
    return {{"Authorization", "SOTicket " + ticket}, {"SO-AppToken", opt.online.application_token}};
}

std::vector<std::pair<std::string, std::string>> basic_auth() {
    return {{"Authorization", "Basic " + erp::detail::base64("sandbox:sandbox")}};
}

// UTC `yyyy-mm-ddThh:mm:ss` of `t`, to compare with ValidUntil's prefix.
std::string utc_seconds(std::chrono::system_clock::time_point t) {
    std::time_t const tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    return buf;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_online)

BOOST_AUTO_TEST_CASE(off_by_default) {
    sb::options opt;
    opt.engine_timer = false;
    sb::server srv(opt);
    BOOST_TEST(!srv.online_enabled());
    BOOST_CHECK_THROW(srv.environment_url(), std::logic_error);
    BOOST_CHECK_THROW(srv.online_counters(), std::logic_error);
    BOOST_CHECK_THROW(srv.move_tenant(1), std::logic_error);
    // the static credentials work as before
    BOOST_TEST(send(srv.port(), http::verb::post, "/Cust12345/api/v1/Agents/ErpSync/GetEngineStatus", {}, {},
                    basic_auth())
                   .status == 200u);
}

BOOST_AUTO_TEST_CASE(metadata_jwks_and_a_verifiable_exchange_token) {
    auto opt = online_options();
    sb::server srv(opt);
    BOOST_TEST_REQUIRE(srv.online_enabled());
    auto const env = srv.environment_url();
    BOOST_TEST(env == "http://127.0.0.1:" + std::to_string(srv.environment_port()));
    BOOST_TEST(srv.context_identifier() == "Cust12345");
    BOOST_TEST(srv.tenant_host_count() == 2u);
    BOOST_TEST(srv.tenant_host_url(0) == srv.base_url());
    BOOST_TEST(srv.tenant_host_url(1) ==
               "http://127.0.0.1:" + std::to_string(srv.tenant_host_port(1)) + "/Cust12345");
    BOOST_TEST(srv.tenant_host_port(1) != srv.port());
    BOOST_CHECK_THROW(srv.tenant_host_url(2), std::out_of_range);

    auto meta = send(srv.environment_port(), http::verb::get, "/login/.well-known/openid-configuration");
    BOOST_TEST_REQUIRE(meta.status == 200u);
    auto m = meta.object();
    BOOST_TEST(text(m, "issuer") == env);
    BOOST_TEST(text(m, "jwks_uri") == env + "/login/.well-known/jwks");
    BOOST_TEST(text(m, "token_endpoint") == env + "/login/common/oauth/tokens");
    BOOST_TEST(json::serialize(m.at("id_token_signing_alg_values_supported")) == R"(["RS256"])");

    // the JWKS (path matched case-insensitively): one RS256 key, kid its upper-case hex thumbprint
    auto raw = send(srv.environment_port(), http::verb::get, "/LOGIN/.well-known/JWKS");
    BOOST_TEST_REQUIRE(raw.status == 200u);
    auto const jwks_doc = raw.object();
    auto const& key = jwks_doc.at("keys").as_array().at(0).as_object();
    BOOST_TEST(text(key, "kty") == "RSA");
    BOOST_TEST(text(key, "alg") == "RS256");
    BOOST_TEST(std::regex_match(text(key, "kid"), std::regex("[0-9A-F]{40}")));
    auto keys = served_keys(srv);
    BOOST_TEST(keys.size() == 1u);

    auto token = exchange_jwt(srv, opt);
    erp::jwt_expectations expect;
    expect.issuer = "SuperOffice AS";
    expect.audience = "spn:" + opt.online.serial;
    erp::error_code ec;
    erp::diagnostics d;
    auto jwt = erp::verify_jwt(token, keys, expect, std::chrono::system_clock::now(), ec, &d);
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << d.to_string());
    BOOST_TEST(jwt.has_expiry);
    BOOST_TEST(jwt.claim("aud") == "spn:1801550193");
    BOOST_TEST(jwt.claim(claim + "ticket").substr(0, 3) == "7T:");
    BOOST_TEST(jwt.claim(claim + "ticket").size() > 20u);
    BOOST_TEST(jwt.claim(claim + "ctx") == "Cust12345");
    BOOST_TEST(jwt.claim(claim + "serial") == "1801550193");
    BOOST_TEST(jwt.claim(claim + "system_token") == opt.online.system_user_token);
    BOOST_TEST(jwt.claim(claim + "webapi_url") == env + "/Cust12345/api/");
    BOOST_TEST(jwt.claim(claim + "netserver_url") == env + "/Cust12345/Remote/Services88/");
    BOOST_TEST(jwt.claims.at(claim + "ctx").is_string());
    // each exchange issues a new ticket
    BOOST_TEST(exchange_ticket(srv, opt) != jwt.claim(claim + "ticket"));

    auto c = srv.online_counters();
    BOOST_TEST(c.metadata_fetches == 1u);
    BOOST_TEST(c.jwks_fetches == 2u);
    BOOST_TEST(c.exchanges == 2u);
    BOOST_TEST(c.exchanges_refused == 0u);
    // wrong method, unknown path
    BOOST_TEST(send(srv.environment_port(), http::verb::post, "/login/.well-known/jwks").status == 405u);
    BOOST_TEST(send(srv.environment_port(), http::verb::get, "/nothing/here").status == 404u);
}

BOOST_AUTO_TEST_CASE(exchange_refusals) {
    auto opt = online_options();
    sb::server srv(opt);
    auto expect_refusal = [&](reply const& r, std::string const& name) {
        BOOST_TEST(r.status == 200u);
        auto o = r.object();
        BOOST_TEST(!o.at("IsSuccessful").as_bool());
        BOOST_TEST(o.at("Token").is_null());
        auto message = text(o, "ErrorMessage");
        BOOST_TEST(message.substr(0, name.size() + 1) == name + ":", message);
    };
    auto other_key = erp::rsa_key::generate(2048);
    expect_refusal(authenticate(srv, exchange_body(opt, other_key)), "InvalidSignature");
    expect_refusal(
        authenticate(srv, exchange_body(opt, user_key(), std::chrono::system_clock::now() - 10min)),
        "InvalidTimestamp");
    expect_refusal(
        authenticate(srv, exchange_body(opt, user_key(), std::chrono::system_clock::now(), "wrong")),
        "Denied");
    expect_refusal(
        authenticate(srv, exchange_body(opt, user_key(), std::chrono::system_clock::now(), {}, "Cust99999")),
        "Denied");
    // a signature over something else than what the token says
    json::object tampered = json::parse(exchange_body(opt, user_key())).as_object();
    std::string s(tampered["SignedSystemToken"].as_string());
    s[0] = s[0] == 'X' ? 'Y' : 'X';
    tampered["SignedSystemToken"] = s;
    expect_refusal(authenticate(srv, json::serialize(tampered)), "InvalidSignature");
    // the context identifier is compared case-insensitively
    BOOST_TEST(
        authenticate(srv, exchange_body(opt, user_key(), std::chrono::system_clock::now(), {}, "cust12345"))
            .object()
            .at("IsSuccessful")
            .as_bool());
    BOOST_TEST(authenticate(srv, "{not json").status == 400u);
    BOOST_TEST(
        send(srv.environment_port(), http::verb::get, "/Login/api/PartnerSystemUser/Authenticate").status ==
        405u);
    auto c = srv.online_counters();
    BOOST_TEST(c.exchanges_refused == 6u);
    BOOST_TEST(c.exchanges == 1u);
}

BOOST_AUTO_TEST_CASE(scripted_refusals) {
    std::pair<sb::exchange_refusal, std::string> const cases[] = {
        {sb::exchange_refusal::revoked, "Revoked"},
        {sb::exchange_refusal::expired, "Expired"},
        {sb::exchange_refusal::denied, "Denied"},
        {sb::exchange_refusal::needs_reapproval, "NeedsReapproval"}};
    bool as_status = false;
    for (auto const& [refusal, name] : cases) {
        auto opt = online_options();
        opt.online.refuse_exchange = refusal;
        opt.online.refusal_http_status = as_status; // every other one as 403
        sb::server srv(opt);
        auto r = authenticate(srv, exchange_body(opt, user_key()));
        BOOST_TEST(r.status == (as_status ? 403u : 200u), name);
        auto o = r.object();
        BOOST_TEST(!o.at("IsSuccessful").as_bool());
        BOOST_TEST(text(o, "ErrorMessage").substr(0, name.size() + 1) == name + ":");
        if (as_status) // a bad signature is then a 401
            BOOST_TEST(authenticate(srv, exchange_body(opt, erp::rsa_key::generate(1024))).status == 401u);
        BOOST_TEST(srv.online_counters().exchanges == 0u);
        as_status = !as_status;
    }
}

BOOST_AUTO_TEST_CASE(ticket_on_the_tenant_api) {
    auto opt = online_options();
    sb::server srv(opt);
    auto const ticket = exchange_ticket(srv, opt);
    BOOST_TEST(call_api(srv, 0, with_ticket(ticket, opt)) == 200u);
    // scheme case-insensitive
    BOOST_TEST(call_api(srv, 0,
                        {{"Authorization", "SOTICKET " + ticket},
                         {"SO-AppToken", opt.online.application_token}}) == 200u);
    // SO-AppToken is required with an issued ticket
    BOOST_TEST(call_api(srv, 0, {{"Authorization", "SOTicket " + ticket}}) == 401u);
    BOOST_TEST(call_api(srv, 0, {{"Authorization", "SOTicket " + ticket}, {"SO-AppToken", "wrong"}}) == 401u);
    BOOST_TEST(call_api(srv, 0, with_ticket("7T:bm90IGlzc3VlZA==", opt)) == 401u);
    auto unknown = send(srv.port(), http::verb::post, "/Cust12345/api/v1/Agents/ErpSync/GetEngineStatus", {},
                        {}, {{"Authorization", "Bearer 8A:Cust12345.unknown"}});
    BOOST_TEST(unknown.status == 401u);
    BOOST_TEST(text(unknown.object(), "ErrorType") == "SoAuthenticationException");
    // the static credentials keep working
    BOOST_TEST(call_api(srv, 0, basic_auth()) == 200u);
    BOOST_TEST(call_api(srv, 0, {{"Authorization", "SOTicket 7T:sandbox-ticket"}}) == 200u);
    // forgotten at once by expire_tickets
    srv.expire_tickets();
    BOOST_TEST(call_api(srv, 0, with_ticket(ticket, opt)) == 401u);
    BOOST_TEST(srv.online_counters().unauthorized == 5u);
}

BOOST_AUTO_TEST_CASE(ticket_lifetime_slides) {
    auto opt = online_options();
    opt.online.ticket_lifetime = 1000ms;
    sb::server srv(opt);
    auto const ticket = exchange_ticket(srv, opt);
    auto const start = std::chrono::steady_clock::now();
    // used every 0.5 s, it stays valid well beyond its 1 s lifetime
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(call_api(srv, 0, with_ticket(ticket, opt)) == 200u, "use " << i);
        std::this_thread::sleep_for(500ms);
    }
    BOOST_TEST((std::chrono::steady_clock::now() - start > 2s));
    BOOST_TEST(call_api(srv, 0, with_ticket(ticket, opt)) == 200u);
    // idle longer than the lifetime: gone
    std::this_thread::sleep_for(1300ms);
    BOOST_TEST(call_api(srv, 0, with_ticket(ticket, opt)) == 401u);
    BOOST_TEST(srv.online_counters().unauthorized == 1u);
}

BOOST_AUTO_TEST_CASE(bearer_from_a_refresh_grant) {
    auto opt = online_options();
    opt.online.access_token_lifetime = 1s;
    opt.online.refresh_tokens = {"rt+/=&x"}; // needs percent-encoding
    sb::server srv(opt);
    auto const env = srv.environment_url();
    std::string const secret = opt.online.application_token; // client_secret empty: the application token
    std::string const params = "grant_type=refresh_token&client_id=sandbox-client-id&client_secret=" +
                               erp::detail::encode_query_value(secret) +
                               "&refresh_token=" + erp::detail::encode_query_value("rt+/=&x");
    // parameters in the query string
    auto r = send(srv.environment_port(), http::verb::post, "/login/common/oauth/tokens?" + params);
    BOOST_TEST_REQUIRE(r.status == 200u, r.body);
    auto o = r.object();
    auto const access = text(o, "access_token");
    BOOST_TEST(access.substr(0, 13) == "8A:Cust12345.");
    BOOST_TEST(access.size() > 20u);
    BOOST_TEST(text(o, "token_type") == "Bearer");
    BOOST_TEST(o.at("expires_in").to_number<std::int64_t>() == 1);
    BOOST_TEST(!o.contains("refresh_token"));
    // the id_token: iss the environment, aud the client id
    erp::jwt_expectations expect;
    expect.issuer = env;
    expect.audience = "sandbox-client-id";
    erp::error_code ec;
    auto id =
        erp::verify_jwt(text(o, "id_token"), served_keys(srv), expect, std::chrono::system_clock::now(), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(id.claim(claim + "ctx") == "Cust12345");
    BOOST_TEST(id.claim(claim + "system_token") == opt.online.system_user_token);

    std::vector<std::pair<std::string, std::string>> const bearer{{"Authorization", "Bearer " + access}};
    BOOST_TEST(call_api(srv, 0, bearer) == 200u);

    // the same as a form body; the refresh token was not used up
    auto f = send(srv.environment_port(), http::verb::post, "/login/common/oauth/tokens", params,
                  "application/x-www-form-urlencoded; charset=utf-8");
    BOOST_TEST_REQUIRE(f.status == 200u, f.body);
    BOOST_TEST(text(f.object(), "access_token") != access);

    // expired after expires_in
    std::this_thread::sleep_for(1100ms);
    BOOST_TEST(call_api(srv, 0, bearer) == 401u);

    auto error_of = [&](std::string const& query, unsigned status) {
        auto e = send(srv.environment_port(), http::verb::post, "/login/common/oauth/tokens?" + query);
        BOOST_TEST(e.status == status, query);
        return text(e.object(), "error");
    };
    BOOST_TEST(error_of("grant_type=refresh_token&client_id=sandbox-client-id&client_secret=" +
                            erp::detail::encode_query_value(secret) + "&refresh_token=revoked",
                        400) == "invalid_grant");
    BOOST_TEST(
        error_of("grant_type=refresh_token&client_id=sandbox-client-id&client_secret=wrong&refresh_token=x",
                 401) == "invalid_client");
    BOOST_TEST(error_of("grant_type=authorization_code&code=abc", 400) == "unsupported_grant_type");
    BOOST_TEST(error_of("grant_type=refresh_token&client_id=sandbox-client-id", 400) == "invalid_request");
    BOOST_TEST(error_of("", 400) == "invalid_request");

    auto c = srv.online_counters();
    BOOST_TEST(c.token_refreshes == 2u);
    BOOST_TEST(c.token_refreshes_refused == 5u);
    BOOST_TEST(c.unauthorized == 1u);
}

BOOST_AUTO_TEST_CASE(refresh_token_rotation) {
    auto opt = online_options();
    opt.online.rotate_refresh_tokens = true;
    opt.online.client_secret = "a-client-secret";
    sb::server srv(opt);
    auto refresh = [&](std::string const& rt) {
        return send(srv.environment_port(), http::verb::post, "/login/common/oauth/tokens",
                    "grant_type=refresh_token&client_id=sandbox-client-id&client_secret=a-client-secret"
                    "&refresh_token=" +
                        erp::detail::encode_query_value(rt),
                    "application/x-www-form-urlencoded");
    };
    auto first = refresh("sandbox-refresh-token");
    BOOST_TEST_REQUIRE(first.status == 200u, first.body);
    auto const next = text(first.object(), "refresh_token");
    BOOST_TEST(!next.empty());
    BOOST_TEST(next != "sandbox-refresh-token");
    // the old one is retired, the new one works (once)
    BOOST_TEST(text(refresh("sandbox-refresh-token").object(), "error") == "invalid_grant");
    auto second = refresh(next);
    BOOST_TEST(second.status == 200u);
    BOOST_TEST(text(second.object(), "refresh_token") != next);
    BOOST_TEST(refresh(next).status == 400u);
}

BOOST_AUTO_TEST_CASE(tenant_state_transitions) {
    auto opt = online_options();
    opt.online.state_valid_for = 120s;
    sb::server srv(opt);
    auto state = [&](std::string const& ctx = "Cust12345") {
        auto r = send(srv.environment_port(), http::verb::get, "/api/state/" + ctx, {}, {},
                      {{"Accept", "application/json"}});
        BOOST_TEST_REQUIRE(r.status == 200u);
        return r.object();
    };
    auto const before = std::chrono::system_clock::now();
    auto s = state();
    auto const after = std::chrono::system_clock::now();
    BOOST_TEST(text(s, "ContextIdentifier") == "Cust12345");
    BOOST_TEST(text(s, "Endpoint") == srv.tenant_host_url(0));
    BOOST_TEST(text(s, "Api") == srv.tenant_host_url(0) + "/api");
    BOOST_TEST(text(s, "State") == "Running");
    BOOST_TEST(s.at("IsRunning").as_bool());
    BOOST_TEST(!text(s, "Version").empty());
    auto const valid_until = text(s, "ValidUntil");
    BOOST_TEST(std::regex_match(valid_until, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z)")),
               valid_until);
    BOOST_TEST(valid_until.substr(0, 19) >= utc_seconds(before + 120s));
    BOOST_TEST(valid_until.substr(0, 19) <= utc_seconds(after + 120s));
    BOOST_TEST(call_api(srv, 0, basic_auth()) == 200u);

    struct step {
        sb::tenant_state state;
        char const* name;
        bool running;
    };
    for (auto [st, name, running] : {step{sb::tenant_state::offline_maintenance, "OfflineMaintenance", false},
                                     step{sb::tenant_state::online_maintenance, "OnlineMaintenance", true},
                                     step{sb::tenant_state::deleted, "Deleted", false},
                                     step{sb::tenant_state::migration_pending, "MigrationPending", false},
                                     step{sb::tenant_state::running, "Running", true}}) {
        srv.set_tenant_state(st);
        BOOST_TEST((srv.current_tenant_state() == st));
        auto o = state();
        BOOST_TEST(text(o, "State") == name);
        BOOST_TEST(o.at("IsRunning").as_bool() == running, name);
        BOOST_TEST(sb::is_running(st) == running);
        // not running: the tenant API answers 503, whatever the credentials
        BOOST_TEST(call_api(srv, 0, basic_auth()) == (running ? 200u : 503u), name);
    }
    // an unknown tenant: Unknown, not running (the sandbox's choice)
    auto u = state("Cust00000");
    BOOST_TEST(text(u, "State") == "Unknown");
    BOOST_TEST(!u.at("IsRunning").as_bool());
    BOOST_TEST(u.at("Endpoint").is_null());
    // the context identifier is matched case-insensitively
    BOOST_TEST(text(state("cust12345"), "State") == "Running");
    auto c = srv.online_counters();
    BOOST_TEST(c.state_lookups == 8u);
    BOOST_TEST(c.unavailable == 3u);
}

BOOST_AUTO_TEST_CASE(moved_tenant_answers_421_on_its_old_host) {
    auto opt = online_options();
    opt.online.tenant_hosts = 3;
    sb::server srv(opt);
    auto const ticket = exchange_ticket(srv, opt);
    BOOST_TEST(call_api(srv, 0, with_ticket(ticket, opt)) == 200u);
    BOOST_TEST(call_api(srv, 1, with_ticket(ticket, opt)) == 421u);
    srv.move_tenant(2);
    BOOST_TEST(srv.current_tenant_host() == 2u);
    auto s = send(srv.environment_port(), http::verb::get, "/api/state/Cust12345").object();
    BOOST_TEST(text(s, "Endpoint") == srv.tenant_host_url(2));
    BOOST_TEST(text(s, "Api") == srv.tenant_host_url(2) + "/api");
    auto old = send(srv.port(), http::verb::post, "/Cust12345/api/v1/Agents/ErpSync/GetEngineStatus", {}, {},
                    with_ticket(ticket, opt));
    BOOST_TEST(old.status == 421u);
    BOOST_TEST(old.body.find("Wrong subdomain used to access tenant") != std::string::npos, old.body);
    // on the new host the same ticket works: tickets are the environment's, not a host's
    BOOST_TEST(call_api(srv, 2, with_ticket(ticket, opt)) == 200u);
    // the environment host is no tenant host either (as a webapi_url claim would lead there)
    BOOST_TEST(send(srv.environment_port(), http::verb::post,
                    "/Cust12345/api/v1/Agents/ErpSync/GetEngineStatus", {}, {}, with_ticket(ticket, opt))
                   .status == 421u);
    BOOST_CHECK_THROW(srv.move_tenant(3), std::out_of_range);
    srv.move_tenant(0);
    BOOST_TEST(call_api(srv, 0, basic_auth()) == 200u);
    BOOST_TEST(call_api(srv, 2, basic_auth()) == 421u);
    auto c = srv.online_counters();
    BOOST_TEST(c.misdirected == 4u);
    BOOST_TEST(c.exchanges == 1u);
    BOOST_TEST(c.state_lookups == 1u);
}

BOOST_AUTO_TEST_CASE(jwt_faults_fail_validation) {
    std::pair<sb::jwt_fault_kind, erp::error> const cases[] = {
        {sb::jwt_fault_kind::bad_signature, erp::error::jwt_bad_signature},
        {sb::jwt_fault_kind::wrong_issuer, erp::error::jwt_wrong_issuer},
        {sb::jwt_fault_kind::wrong_audience, erp::error::jwt_wrong_audience},
        {sb::jwt_fault_kind::expired, erp::error::jwt_expired}};
    for (auto const& [fault, expected] : cases) {
        auto opt = online_options();
        opt.online.jwt_fault = fault;
        sb::server srv(opt);
        erp::jwt_expectations expect;
        expect.issuer = "SuperOffice AS";
        expect.audience = "spn:" + opt.online.serial;
        erp::error_code ec;
        erp::verify_jwt(exchange_jwt(srv, opt), served_keys(srv), expect, std::chrono::system_clock::now(),
                        ec);
        BOOST_TEST(ec == erp::make_error_code(expected), ec.message());
    }
}

BOOST_AUTO_TEST_SUITE_END()
