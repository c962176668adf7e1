// Request building: exact method, target, query, headers and body, and the refusals.
#include <superoffice/erpsync/detail/request_builder.hpp>

#include <boost/beast/http/write.hpp>
#include <boost/test/unit_test.hpp>


namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;

namespace {

template <class Op>
std::string build(erp::client_config const& cfg, erp::request_t<Op> const& req,
                  erp::call_options const& opt = {}, erp::error_code expected = {}) {
    auto pc = detail::prepare_config(cfg);
    detail::http_request out;
    erp::diagnostics d;
    auto ec = detail::build_request<Op>(pc, req, opt, out, &d);
    BOOST_TEST(ec == expected, ec.message() << " " << d.to_string());
    if (ec)
        return {};
    BOOST_TEST(out.finished());
    return std::string(out.head()) + out.body();
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_request_builder)

BOOST_AUTO_TEST_CASE(force_resync_no_blank_values_exact_bytes) {
    erp::client_config cfg;
    cfg.base_url = "https://sod.superoffice.com/Cust12345/";
    cfg.auth = erp::credentials::basic("tje0", "Tje0");
    cfg.accept_language = "fr";
    erp::force_resync_request req;
    req.ErpConnectionId = 538;
    req.InternalKeyIds = {668, 897};
    std::string expected = "POST /Cust12345/api/v1/Agents/ErpSync/ForceResyncNoBlankValues HTTP/1.1\r\n"
                           "Host: sod.superoffice.com\r\n"
                           "Accept: application/json\r\n"
                           "User-Agent: superoffice-erpsync/" SO_ERPSYNC_VERSION_STRING "\r\n"
                           "Authorization: Basic dGplMDpUamUw\r\n" // the documentation's sample header
                           "Accept-Language: fr\r\n"
                           "Content-Type: application/json; charset=utf-8\r\n"
                           "Content-Length: 50\r\n"
                           "\r\n"
                           R"({"ErpConnectionId":538,"InternalKeyIds":[668,897]})";
    BOOST_TEST(build<erp::ops::force_resync_no_blank_values>(cfg, req) == expected);
}

BOOST_AUTO_TEST_CASE(get_engine_status_has_no_body_and_select_is_encoded) {
    erp::client_config cfg;
    cfg.base_url = "http://host:8080/crm";
    cfg.auth = erp::credentials::so_ticket("7T:abc==");
    cfg.app_token = "app-secret";
    cfg.so_language = "no";
    cfg.so_time_zone = "US-NY, includeTZOffset";
    erp::call_options opt;
    opt.select = "IsRunning,Interval name/x y";
    opt.so_language = "sv"; // per call beats per client
    opt.so_culture = "sv";
    opt.headers = {{"X-Trace", "42"}};
    auto s = build<erp::ops::get_engine_status>(cfg, erp::no_request{}, opt);
    BOOST_TEST(
        s.find("POST /crm/api/v1/Agents/ErpSync/GetEngineStatus?$select=IsRunning,Interval%20name/x%20y "
               "HTTP/1.1\r\n") == 0u);
    BOOST_TEST(s.find("Host: host:8080\r\n") != std::string::npos);
    BOOST_TEST(s.find("Authorization: SOTicket 7T:abc==\r\n") != std::string::npos);
    BOOST_TEST(s.find("SO-AppToken: app-secret\r\n") != std::string::npos);
    BOOST_TEST(s.find("SO-Language: sv\r\n") != std::string::npos);
    BOOST_TEST(s.find("SO-Language: no") == std::string::npos);
    BOOST_TEST(s.find("SO-Culture: sv\r\n") != std::string::npos);
    BOOST_TEST(s.find("SO-TimeZone: US-NY, includeTZOffset\r\n") != std::string::npos);
    BOOST_TEST(s.find("X-Trace: 42\r\n") != std::string::npos);
    BOOST_TEST(s.find("Content-Type") == std::string::npos);
    BOOST_TEST(s.find("Content-Length: 0\r\n\r\n") != std::string::npos);
    BOOST_TEST(s.size() == s.find("\r\n\r\n") + 4);
}

BOOST_AUTO_TEST_CASE(bearer_xsrf_and_ipv6_hosts) {
    erp::client_config cfg;
    cfg.base_url = "https://[::1]:8443";
    cfg.auth = erp::credentials::bearer("8A:Cust12345.token");
    cfg.xsrf_token = "xsrf";
    cfg.user_agent = "my-app/2";
    auto s = build<erp::ops::get_engine_status>(cfg, erp::no_request{});
    BOOST_TEST(s.find("POST /api/v1/Agents/ErpSync/GetEngineStatus HTTP/1.1\r\n") == 0u);
    BOOST_TEST(s.find("Host: [::1]:8443\r\n") != std::string::npos);
    BOOST_TEST(s.find("Authorization: Bearer 8A:Cust12345.token\r\n") != std::string::npos);
    BOOST_TEST(s.find("X-XSRF-TOKEN: xsrf\r\n") != std::string::npos);
    BOOST_TEST(s.find("User-Agent: my-app/2\r\n") != std::string::npos);
    detail::endpoint_info e;
    BOOST_TEST(!detail::parse_base_url("https://[::1]:8443", e, nullptr));
    BOOST_TEST(e.host == "::1");
    BOOST_TEST(e.host_is_ip);
    BOOST_TEST(e.tls);
    BOOST_TEST(e.port == "8443");
    BOOST_TEST(!detail::parse_base_url("http://example.com", e, nullptr));
    BOOST_TEST(e.port == "80");
    BOOST_TEST(e.path_prefix.empty());
    BOOST_TEST(!e.host_is_ip);
}

BOOST_AUTO_TEST_CASE(bad_base_urls_are_refused) {
    for (auto url : {"", "sod.superoffice.com/Cust1", "ftp://host/x", "http://user:pw@host/",
                     "http://host/crm?x=1", "http://host/crm#f", "http://host:0/", "https://"}) {
        detail::endpoint_info e;
        erp::diagnostics d;
        BOOST_TEST((detail::parse_base_url(url, e, &d) == erp::error::invalid_base_url), url);
        BOOST_TEST(!d.client_message.empty());
    }
}

BOOST_AUTO_TEST_CASE(cr_lf_in_header_values_is_refused_before_sending) {
    erp::force_resync_request req;
    {
        erp::client_config cfg;
        cfg.base_url = "http://host/crm";
        cfg.auth = erp::credentials::so_ticket("7T:abc\r\nX-Evil: 1");
        auto pc = detail::prepare_config(cfg);
        BOOST_TEST((pc.error == erp::error::invalid_header_value));
        BOOST_TEST(pc.error_diag.client_message.find("Authorization") != std::string::npos);
        BOOST_TEST(pc.error_diag.client_message.find("abc") == std::string::npos); // never the secret
    }
    erp::client_config cfg;
    cfg.base_url = "http://host/crm";
    erp::call_options o1;
    o1.accept_language = "en\nX: y";
    build<erp::ops::force_resync>(cfg, req, o1, erp::error::invalid_header_value);
    erp::call_options o2;
    o2.headers = {{"X-A", std::string("a\0b", 3)}};
    build<erp::ops::force_resync>(cfg, req, o2, erp::error::invalid_header_value);
    erp::call_options o3;
    o3.headers = {{"Bad Name", "v"}};
    build<erp::ops::force_resync>(cfg, req, o3, erp::error::invalid_header_value);
    erp::call_options o4;
    o4.select = "a\r\nb";
    build<erp::ops::force_resync>(cfg, req, o4, erp::error::invalid_header_value);
    cfg.so_culture = "x\r";
    BOOST_TEST((detail::prepare_config(cfg).error == erp::error::invalid_header_value));
}

BOOST_AUTO_TEST_CASE(rendered_request_reads_back) {
    detail::http_request r;
    r.begin("POST");
    r.target_buffer() += "/a/b?x=1";
    r.end_target();
    r.set("Host", "h");
    r.set(boost::beast::http::field::authorization, "Basic x");
    r.set("X-Two", "1");
    r.set("x-two", "2");
    r.body() = "{}";
    r.finish();
    BOOST_TEST(r.method_string() == "POST");
    BOOST_TEST(r.target() == "/a/b?x=1");
    BOOST_TEST(r[boost::beast::http::field::host] == "h");
    BOOST_TEST(r["AUTHORIZATION"] == "Basic x");
    BOOST_TEST(r["x-TWO"] == "1");
    BOOST_TEST(r.count("X-Two") == 2u);
    BOOST_TEST(r.count("Missing") == 0u);
    BOOST_TEST(r["Content-Length"] == "2");
    BOOST_TEST(r.head().substr(r.head().size() - 4) == "\r\n\r\n");
    std::size_t bytes = 0;
    for (auto const& b : r.buffers())
        bytes += b.size();
    BOOST_TEST(bytes == r.head().size() + 2);
    // a new request starts afresh, keeping the storage
    r.begin("GET");
    r.end_target();
    r.finish();
    BOOST_TEST(r.head() == "GET  HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    BOOST_TEST(r.body().empty());
}

BOOST_AUTO_TEST_CASE(base64_matches_rfc4648) {
    BOOST_TEST(detail::base64("") == "");
    BOOST_TEST(detail::base64("f") == "Zg==");
    BOOST_TEST(detail::base64("fo") == "Zm8=");
    BOOST_TEST(detail::base64("foo") == "Zm9v");
    BOOST_TEST(detail::base64("foob") == "Zm9vYg==");
    BOOST_TEST(detail::base64("tje0:Tje0") == "dGplMDpUamUw");
}

BOOST_AUTO_TEST_SUITE_END()
