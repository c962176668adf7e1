// Calls through an HTTP proxy (CONNECT tunnels) to the sandbox, over TLS and plain HTTP, against
// the test proxy (test_common/test_proxy.hpp): the tunnel and its reuse, proxy credentials and
// refusals, the password kept out of logs and diagnostics, `no_proxy`, an unreachable proxy.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/detail/prepared_config.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/test/unit_test.hpp>

#include <mutex>
#include <string>
#include <vector>

#include <test_common/call.hpp>
#include <test_common/test_proxy.hpp>
#include <test_common/tls_certs.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
using erp::test::call;
using erp::test::test_proxy;

namespace {

// Every message logged, kept as text (the record's views die with the call).
struct captured_log {
    std::mutex m;
    std::vector<std::string> lines;

    erp::logger make() {
        erp::logger l;
        l.min_level = erp::log_level::debug;
        l.sink = [this](erp::log_record const& r) {
            std::lock_guard lock(m);
            lines.push_back(std::string(r.event) + ": " + std::string(r.message));
        };
        return l;
    }
    bool contains(std::string_view needle) {
        std::lock_guard lock(m);
        for (auto const& l : lines)
            if (l.find(needle) != std::string::npos)
                return true;
        return false;
    }
};

struct tls_fixture {
    erp::test::test_pki pki = erp::test::make_test_pki({"localhost"}, {});
    erp::sandbox::server sb{[this] {
        erp::sandbox::options o;
        o.tls_cert_pem = pki.server_cert_pem;
        o.tls_key_pem = pki.server_key_pem;
        return o;
    }()};
    asio::io_context io;

    erp::client_config config(std::string const& proxy_url, std::string host = "localhost") {
        erp::client_config cfg;
        cfg.base_url = "https://" + host + ":" + std::to_string(sb.port()) + "/Cust12345";
        cfg.auth = erp::credentials::basic("sandbox", "sandbox");
        cfg.tls.ca_pem = pki.ca_cert_pem;
        cfg.timeout = std::chrono::seconds(10);
        cfg.proxy.url = proxy_url;
        return cfg;
    }
};

std::string const password = "pr0xy-s3cret";

test_proxy::options with_credentials() {
    test_proxy::options o;
    o.user = "jane";
    o.password = password;
    return o;
}

// A loopback port nothing listens on.
unsigned short closed_port() {
    asio::io_context io;
    asio::ip::tcp::acceptor a(io, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    return a.local_endpoint().port(); // closed with the acceptor
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_proxy_calls)

BOOST_FIXTURE_TEST_CASE(tls_through_the_proxy_and_the_tunnel_kept_alive, tls_fixture) {
    test_proxy proxy;
    erp::client c(io, config(proxy.url()));
    for (int i = 0; i < 3; ++i) {
        auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
        BOOST_TEST_REQUIRE(!r.ec, r.ec.message() << " " << r.diag.to_string());
        BOOST_TEST(r.value.IsRunning);
    }
    BOOST_TEST(proxy.tunnels() == 1u); // one tunnel, kept alive for the next calls
    BOOST_TEST(proxy.requests() == 1u);
    BOOST_TEST(c.connections_opened() == 1u);
    BOOST_TEST(sb.requests_served() == 3u);
    auto const authority = "localhost:" + std::to_string(sb.port());
    BOOST_TEST(proxy.heads().at(0).rfind("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n",
                                         0) == 0u);
    BOOST_TEST(proxy.heads().at(0).find("Proxy-Authorization") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(the_certificate_is_verified_against_the_target_not_the_proxy, tls_fixture) {
    // the proxy is 127.0.0.1, the certificate names localhost only: a call to localhost works
    // (above); one to 127.0.0.1 through the same proxy fails verification, finally
    test_proxy proxy;
    erp::client c(io, config(proxy.url(), "127.0.0.1"));
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST((r.ec == erp::error::tls_handshake_failed), r.ec.message());
    BOOST_TEST(proxy.tunnels() == 1u);
    BOOST_TEST(r.diag.attempts == 1u);
    BOOST_TEST(sb.requests_served() == 0u);
}

BOOST_AUTO_TEST_CASE(plain_http_through_the_proxy) {
    erp::sandbox::server sb;
    test_proxy proxy;
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    cfg.proxy.url = proxy.url();
    erp::client c(io, cfg);
    for (int i = 0; i < 2; ++i) {
        auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
        BOOST_TEST_REQUIRE(!r.ec, r.ec.message() << " " << r.diag.to_string());
    }
    BOOST_TEST(proxy.tunnels() == 1u);
    BOOST_TEST(sb.requests_served() == 2u);
    BOOST_TEST(proxy.heads().at(0).rfind("CONNECT 127.0.0.1:" + std::to_string(sb.port()) + " HTTP/1.1\r\n",
                                         0) == 0u);
}

BOOST_FIXTURE_TEST_CASE(with_the_right_credentials, tls_fixture) {
    test_proxy proxy(with_credentials());
    captured_log log;
    auto cfg = config(proxy.url());
    cfg.proxy.user = "jane";
    cfg.proxy.password = password;
    cfg.log = log.make();
    erp::client c(io, cfg);
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST_REQUIRE(!r.ec, r.ec.message() << " " << r.diag.to_string());
    BOOST_TEST(proxy.tunnels() == 1u);
    auto const token = erp::detail::base64("jane:" + password);
    BOOST_TEST(proxy.heads().at(0).find("Proxy-Authorization: Basic " + token + "\r\n") != std::string::npos);
    // the tunnel is logged, the credentials are not
    BOOST_TEST(log.contains("proxy_connect: CONNECT localhost:"));
    BOOST_TEST(!log.contains(password));
    BOOST_TEST(!log.contains(token));
    BOOST_TEST(r.diag.to_string().find(password) == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(wrong_or_missing_credentials_fail_with_407, tls_fixture) {
    test_proxy proxy(with_credentials());
    for (std::string const& pw : {"wrong-" + password, std::string()}) {
        BOOST_TEST_CONTEXT((pw.empty() ? "missing" : "wrong")) {
            captured_log log;
            auto cfg = config(proxy.url());
            if (!pw.empty()) {
                cfg.proxy.user = "jane";
                cfg.proxy.password = pw;
            }
            cfg.log = log.make();
            erp::client c(io, cfg);
            auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
            BOOST_TEST((r.ec == erp::error::proxy_failed), r.ec.message());
            BOOST_TEST(r.diag.http_status == 407u);
            BOOST_TEST(r.diag.attempts == 1u); // not retried
            BOOST_TEST(r.diag.client_message.find("407") != std::string::npos);
            BOOST_TEST(r.ec.message().find("proxy") != std::string::npos);
            BOOST_TEST(c.connections_opened() == 1u);
            auto const text = r.diag.to_string();
            BOOST_TEST(text.find("407") != std::string::npos, text);
            if (!pw.empty()) {
                BOOST_TEST(text.find(pw) == std::string::npos);
                BOOST_TEST(!log.contains(pw));
                BOOST_TEST(!log.contains(erp::detail::base64("jane:" + pw)));
            }
            BOOST_TEST(log.contains("failed"));
        }
    }
    BOOST_TEST(proxy.tunnels() == 0u);
    BOOST_TEST(proxy.requests() == 2u);
    BOOST_TEST(sb.requests_served() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_refused_tunnel_is_proxy_failed_with_its_status, tls_fixture) {
    test_proxy::options o;
    o.refuse_status = 403;
    test_proxy proxy(o);
    erp::client c(io, config(proxy.url()));
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST((r.ec == erp::error::proxy_failed), r.ec.message());
    BOOST_TEST(r.diag.http_status == 403u);
    BOOST_TEST(r.diag.attempts == 1u);
    BOOST_TEST((r.ec == erp::condition::transport_failed));
    BOOST_TEST(proxy.requests() == 1u);
}

BOOST_FIXTURE_TEST_CASE(no_proxy_goes_direct, tls_fixture) {
    test_proxy proxy;
    for (std::string const& entry :
         {std::string("localhost"), std::string("*"), std::string(".example.com,localhost:1")}) {
        BOOST_TEST_CONTEXT(entry) {
            auto cfg = config(proxy.url());
            cfg.proxy.no_proxy = {entry};
            if (entry.find(',') != std::string::npos)
                cfg.proxy.no_proxy = {".example.com", "localhost:1"};
            erp::client c(io, cfg);
            auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
            BOOST_TEST(!r.ec, r.ec.message() << " " << r.diag.to_string());
        }
    }
    BOOST_TEST(proxy.requests() == 0u);
    BOOST_TEST(proxy.tunnels() == 0u);
    BOOST_TEST(sb.requests_served() == 3u);
}

BOOST_FIXTURE_TEST_CASE(an_unreachable_proxy_is_retried_as_connect_failed, tls_fixture) {
    auto cfg = config("http://127.0.0.1:" + std::to_string(closed_port()));
    cfg.retry.max_attempts = 2;
    cfg.retry.initial_backoff = std::chrono::milliseconds(1);
    erp::client c(io, cfg);
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST((r.ec == erp::error::connect_failed), r.ec.message());
    BOOST_TEST(r.diag.attempts == 2u);
    BOOST_TEST(r.diag.client_message == "could not connect to the proxy");
    BOOST_TEST(sb.requests_served() == 0u);
}

BOOST_FIXTURE_TEST_CASE(an_https_proxy_url_is_a_configuration_error, tls_fixture) {
    erp::client c(io, config("https://127.0.0.1:3128"));
    erp::diagnostics d;
    BOOST_TEST((c.config_error(&d) == erp::error::invalid_base_url));
    BOOST_TEST(d.client_message.find("https:// proxies") != std::string::npos);
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST((r.ec == erp::error::invalid_base_url));
    BOOST_TEST(sb.requests_served() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
