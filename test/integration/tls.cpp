// HTTPS against the sandbox with a certificate made at test time.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include <test_common/call.hpp>
#include <test_common/tls_certs.hpp>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
using erp::test::call;

namespace {

struct tls_fixture {
    erp::test::test_pki pki = erp::test::make_test_pki({"localhost"}, {});
    erp::sandbox::server sb{[this] {
        erp::sandbox::options o;
        o.tls_cert_pem = pki.server_cert_pem;
        o.tls_key_pem = pki.server_key_pem;
        return o;
    }()};
    asio::io_context io;

    erp::client_config config(std::string host) {
        erp::client_config cfg;
        cfg.base_url = "https://" + host + ":" + std::to_string(sb.port()) + "/Cust12345";
        cfg.auth = erp::credentials::basic("sandbox", "sandbox");
        cfg.timeout = std::chrono::seconds(10);
        return cfg;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(test_tls)

BOOST_FIXTURE_TEST_CASE(accepted_with_its_ca, tls_fixture) {
    auto cfg = config("localhost");
    cfg.tls.ca_pem = pki.ca_cert_pem;
    erp::client c(io, cfg);
    for (int i = 0; i < 3; ++i) {
        auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
        BOOST_TEST_REQUIRE(!r.ec, r.ec.message() << " " << r.diag.to_string());
        BOOST_TEST(r.value.IsRunning);
    }
    BOOST_TEST(c.connections_opened() == 1u); // TLS sessions are kept alive too
}

BOOST_FIXTURE_TEST_CASE(accepted_with_a_ca_file, tls_fixture) {
    auto path = erp::test::write_temp_file("ca.pem", pki.ca_cert_pem);
    auto cfg = config("localhost");
    cfg.tls.ca_file = path;
    erp::client c(io, cfg);
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST(!r.ec, r.ec.message() << " " << r.diag.to_string());
    std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

BOOST_FIXTURE_TEST_CASE(refused_without_the_ca, tls_fixture) {
    erp::client c(io, config("localhost")); // system trust store only
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST((r.ec == erp::error::tls_handshake_failed), r.ec.message());
    BOOST_TEST((r.diag.underlying.category() == asio::error::get_ssl_category()));
    BOOST_TEST(sb.requests_served() == 0u);
    // a certificate that fails verification is final: no second handshake, no backoff
    BOOST_TEST(r.diag.attempts == 1u, r.diag.to_string());
    BOOST_TEST(c.connections_opened() == 1u);
}

BOOST_FIXTURE_TEST_CASE(own_context_is_still_verified, tls_fixture) {
    auto cfg = config("localhost");
    cfg.tls.context =
        std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client); // verify_none by default
    erp::client c(io, cfg);
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST((r.ec == erp::error::tls_handshake_failed), r.ec.message());
    cfg.tls.context->add_certificate_authority(asio::buffer(pki.ca_cert_pem));
    erp::client trusted(io, cfg);
    BOOST_TEST(!call<ops::get_engine_status>(trusted, io, erp::no_request{}).ec);
    auto wrong = config("127.0.0.1");
    wrong.tls.context = cfg.tls.context;
    erp::client wrong_host(io, wrong);
    BOOST_TEST((call<ops::get_engine_status>(wrong_host, io, erp::no_request{}).ec ==
                erp::error::tls_handshake_failed));
}

BOOST_FIXTURE_TEST_CASE(refused_for_a_wrong_host_name, tls_fixture) {
    auto cfg = config("127.0.0.1"); // the certificate names only localhost
    cfg.tls.ca_pem = pki.ca_cert_pem;
    erp::client c(io, cfg);
    auto r = call<ops::get_engine_status>(c, io, erp::no_request{});
    BOOST_TEST((r.ec == erp::error::tls_handshake_failed), r.ec.message());
    BOOST_TEST(sb.requests_served() == 0u);
    BOOST_TEST(r.diag.attempts == 1u, r.diag.to_string()); // final at once
}

BOOST_FIXTURE_TEST_CASE(unreadable_ca_file_is_a_configuration_error, tls_fixture) {
    auto cfg = config("localhost");
    cfg.tls.ca_file = "/nonexistent/ca.pem";
    erp::client c(io, cfg);
    erp::diagnostics d;
    BOOST_TEST((c.config_error(&d) == erp::error::tls_handshake_failed));
    BOOST_TEST(d.client_message.find("ca_file") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
