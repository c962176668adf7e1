// The proxy settings, sans-io: the `no_proxy` rule, the environment's settings, the proxy URL's
// validation and the route (the CONNECT request) prepared from a client's configuration.
#include <superoffice/erpsync/detail/prepared_config.hpp>
#include <superoffice/erpsync/proxy.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;
using list = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(test_proxy_settings)

BOOST_AUTO_TEST_CASE(no_proxy_names_and_domains) {
    list const l{"example.com", ".corp.local", " Intranet "};
    BOOST_TEST(erp::bypasses_proxy("example.com", l));
    BOOST_TEST(erp::bypasses_proxy("api.example.com", l)); // a name covers its subdomains
    BOOST_TEST(erp::bypasses_proxy("a.b.EXAMPLE.com", l)); // case-insensitive
    BOOST_TEST(erp::bypasses_proxy("example.com.", l));    // a trailing dot
    BOOST_TEST(!erp::bypasses_proxy("badexample.com", l)); // not a suffix on a label boundary
    BOOST_TEST(!erp::bypasses_proxy("example.com.evil.net", l));
    BOOST_TEST(erp::bypasses_proxy("crm.corp.local", l));
    BOOST_TEST(!erp::bypasses_proxy("corp.local", l)); // a leading dot: subdomains only
    BOOST_TEST(erp::bypasses_proxy("intranet", l));    // blanks around an entry
    BOOST_TEST(!erp::bypasses_proxy("sod.superoffice.com", l));
    BOOST_TEST(!erp::bypasses_proxy("example.com", list{}));
}

BOOST_AUTO_TEST_CASE(no_proxy_wildcard_ports_and_empty_entries) {
    BOOST_TEST(erp::bypasses_proxy("anything.example", list{"*"}));
    BOOST_TEST(erp::bypasses_proxy("10.0.0.1", list{" * "}));
    BOOST_TEST(!erp::bypasses_proxy("example.com", list{"", " ", "."}));
    BOOST_TEST(!erp::bypasses_proxy("example.com", list{"*.example.com"}));   // not a glob
    BOOST_TEST(erp::bypasses_proxy("example.com", list{"example.com:8443"})); // the port is ignored
    BOOST_TEST(erp::bypasses_proxy("api.example.com", list{".example.com:443"}));
}

BOOST_AUTO_TEST_CASE(no_proxy_ip_literals) {
    list const l{"127.0.0.1", "::1", "[fd00::10]:8080"};
    BOOST_TEST(erp::bypasses_proxy("127.0.0.1", l));
    BOOST_TEST(!erp::bypasses_proxy("127.0.0.2", l));
    BOOST_TEST(erp::bypasses_proxy("::1", l));
    BOOST_TEST(erp::bypasses_proxy("[::1]", l));    // a bracketed host
    BOOST_TEST(erp::bypasses_proxy("0:0::1", l));   // compared as addresses
    BOOST_TEST(erp::bypasses_proxy("fd00::10", l)); // a bracketed entry with a port
    BOOST_TEST(!erp::bypasses_proxy("fd00::11", l));
    BOOST_TEST(!erp::bypasses_proxy("10.1.2.3", list{"10.0.0.1"}));
    // a name never matches an address and the other way round
    BOOST_TEST(!erp::bypasses_proxy("localhost", l));
    BOOST_TEST(!erp::bypasses_proxy("1.2.3.4", list{"4"}));
    BOOST_TEST(!erp::bypasses_proxy("3.4", list{"1.2.3.4"}));
}

BOOST_AUTO_TEST_CASE(no_proxy_cidr_ranges) {
    list const l{"10.0.0.0/8", "192.168.1.128/25", "fd00:ab::/32", "0.0.0.0/0"};
    list const v4_only{"10.0.0.0/8", "192.168.1.128/25", "172.16.0.0/12"};
    BOOST_TEST(erp::bypasses_proxy("10.1.2.3", v4_only));
    BOOST_TEST(!erp::bypasses_proxy("11.0.0.1", v4_only));
    BOOST_TEST(erp::bypasses_proxy("192.168.1.200", v4_only));
    BOOST_TEST(!erp::bypasses_proxy("192.168.1.127", v4_only)); // a prefix that is not whole bytes
    BOOST_TEST(erp::bypasses_proxy("172.31.255.255", v4_only));
    BOOST_TEST(!erp::bypasses_proxy("172.32.0.0", v4_only));
    BOOST_TEST(!erp::bypasses_proxy("::1", v4_only)); // another family
    BOOST_TEST(erp::bypasses_proxy("fd00:ab:1::5", l));
    BOOST_TEST(erp::bypasses_proxy("[fd00:ab::1]", l));
    BOOST_TEST(!erp::bypasses_proxy("fd00:ac::1", list{"fd00:ab::/32"}));
    BOOST_TEST(erp::bypasses_proxy("8.8.8.8", l));          // /0: every IPv4 address
    BOOST_TEST(!erp::bypasses_proxy("ten.example.com", l)); // a name is not resolved
    BOOST_TEST(!erp::bypasses_proxy("10.0.0.1", list{"10.0.0.0/33", "10.0.0.0/x", "10.0.0.0/", "ten/8"}));
    BOOST_TEST(!erp::bypasses_proxy("::1", list{"::/129"}));
    BOOST_TEST(erp::bypasses_proxy("::1", list{"::/0"}));
}

BOOST_AUTO_TEST_CASE(environment_picks_the_variable_for_the_scheme) {
    erp::proxy_environment env;
    env.https_proxy_upper = "http://secure-proxy:3128";
    env.http_proxy = "http://plain-proxy:8080";
    erp::proxy_settings s;
    BOOST_TEST(!erp::proxy_from_environment(env, true, s));
    BOOST_TEST(s.url == "http://secure-proxy:3128");
    BOOST_TEST(!erp::proxy_from_environment(env, false, s));
    BOOST_TEST(s.url == "http://plain-proxy:8080");
    // the lower-case name first
    env.https_proxy = "http://lower:1";
    BOOST_TEST(!erp::proxy_from_environment(env, true, s));
    BOOST_TEST(s.url == "http://lower:1");
    // none for the scheme: no proxy
    erp::proxy_environment only_http;
    only_http.http_proxy_upper = "http://p:1";
    s.url = "http://stale:1";
    BOOST_TEST(!erp::proxy_from_environment(only_http, true, s));
    BOOST_TEST(!s.enabled());
    BOOST_TEST(s.user.empty());
}

BOOST_AUTO_TEST_CASE(environment_credentials_are_percent_decoded_and_removed_from_the_url) {
    erp::proxy_environment env;
    env.https_proxy = "http://dom%5Cjane:p%40ss%3Aw0rd@proxy.corp:3128/";
    erp::proxy_settings s;
    BOOST_TEST_REQUIRE(!erp::proxy_from_environment(env, true, s));
    BOOST_TEST(s.url == "http://proxy.corp:3128");
    BOOST_TEST(s.user == "dom\\jane");
    BOOST_TEST(s.password == "p@ss:w0rd");
    BOOST_TEST(s.url.find("w0rd") == std::string::npos);
    // a user without a password
    env.https_proxy = "http://jane@proxy.corp:3128";
    BOOST_TEST_REQUIRE(!erp::proxy_from_environment(env, true, s));
    BOOST_TEST(s.user == "jane");
    BOOST_TEST(s.password.empty());
}

BOOST_AUTO_TEST_CASE(environment_without_a_scheme_means_http) {
    erp::proxy_environment env;
    env.http_proxy = " proxy.corp:3128\n";
    erp::proxy_settings s;
    BOOST_TEST_REQUIRE(!erp::proxy_from_environment(env, false, s));
    BOOST_TEST(s.url == "http://proxy.corp:3128");
    env.http_proxy = "[fd00::1]:3128";
    BOOST_TEST_REQUIRE(!erp::proxy_from_environment(env, false, s));
    BOOST_TEST(s.url == "http://[fd00::1]:3128");
}

BOOST_AUTO_TEST_CASE(environment_no_proxy_list) {
    erp::proxy_environment env;
    env.no_proxy_upper = "localhost, .corp.local,,127.0.0.1 ,";
    erp::proxy_settings s;
    BOOST_TEST_REQUIRE(!erp::proxy_from_environment(env, true, s));
    BOOST_TEST(!s.enabled());
    BOOST_TEST((s.no_proxy == list{"localhost", ".corp.local", "127.0.0.1"}));
    env.no_proxy = "*";
    BOOST_TEST_REQUIRE(!erp::proxy_from_environment(env, true, s));
    BOOST_TEST((s.no_proxy == list{"*"}));
    BOOST_TEST(erp::bypasses_proxy("sod.superoffice.com", s.no_proxy));
}

BOOST_AUTO_TEST_CASE(environment_errors_leave_the_settings_unchanged) {
    for (char const* bad : {"https://proxy:3128", "socks5://proxy:1080", "http://proxy:3128/path",
                            "http://proxy:99999", "http://u:p@ss@proxy:1", "http://"}) {
        BOOST_TEST_CONTEXT(bad) {
            erp::proxy_environment env;
            env.https_proxy = bad;
            erp::proxy_settings s;
            s.url = "http://kept:1";
            BOOST_TEST((erp::proxy_from_environment(env, true, s) == erp::error::invalid_base_url));
            BOOST_TEST(s.url == "http://kept:1");
        }
    }
}

BOOST_AUTO_TEST_CASE(proxy_url_validation) {
    std::string host, port;
    bool v6 = false;
    BOOST_TEST(!detail::parse_proxy_url("http://proxy.corp", host, port, v6, nullptr));
    BOOST_TEST(host == "proxy.corp");
    BOOST_TEST(port == "80");
    BOOST_TEST(!v6);
    BOOST_TEST(!detail::parse_proxy_url("http://[::1]:3128/", host, port, v6, nullptr));
    BOOST_TEST(host == "::1");
    BOOST_TEST(port == "3128");
    BOOST_TEST(v6);
    erp::diagnostics d;
    BOOST_TEST(
        (detail::parse_proxy_url("https://proxy:3128", host, port, v6, &d) == erp::error::invalid_base_url));
    BOOST_TEST(d.client_message.find("https:// proxies") != std::string::npos);
    BOOST_TEST((detail::parse_proxy_url("http://jane:secret@proxy:3128", host, port, v6, &d) ==
                erp::error::invalid_base_url));
    BOOST_TEST(d.client_message.find("secret") == std::string::npos); // never quotes the URL
    BOOST_TEST(d.client_message.find("proxy_settings::user") != std::string::npos);
    BOOST_TEST((detail::parse_proxy_url("proxy:3128", host, port, v6, &d) == erp::error::invalid_base_url));
}

BOOST_AUTO_TEST_CASE(the_route_renders_the_connect_request_once) {
    erp::client_config cfg;
    cfg.base_url = "https://sod.superoffice.com/Cust12345";
    cfg.user_agent = "agent/1";
    cfg.proxy.url = "http://proxy.corp:3128";
    cfg.proxy.user = "jane";
    cfg.proxy.password = "s3cret";
    auto pc = detail::prepare_config(cfg);
    BOOST_TEST_REQUIRE(!pc.error);
    BOOST_TEST(pc.proxy.enabled);
    BOOST_TEST(pc.proxy.host == "proxy.corp");
    BOOST_TEST(pc.proxy.port == "3128");
    BOOST_TEST(pc.proxy.authority == "proxy.corp:3128");
    BOOST_TEST(pc.proxy.connect_request == "CONNECT sod.superoffice.com:443 HTTP/1.1\r\n"
                                           "Host: sod.superoffice.com:443\r\n"
                                           "User-Agent: agent/1\r\n"
                                           "Proxy-Authorization: Basic " +
                                               detail::base64("jane:s3cret") + "\r\n\r\n");
    // the target's own headers carry no proxy credentials
    for (auto const& [n, v] : pc.headers)
        BOOST_TEST(v.find(detail::base64("jane:s3cret")) == std::string::npos);

    // an IPv6 target in brackets, no credentials: no Proxy-Authorization
    cfg.base_url = "http://[::1]:8080/crm";
    cfg.proxy.user.clear();
    cfg.proxy.url = "http://[fd00::2]:3128";
    pc = detail::prepare_config(cfg);
    BOOST_TEST_REQUIRE(!pc.error);
    BOOST_TEST(pc.proxy.host == "fd00::2");
    BOOST_TEST(pc.proxy.authority == "[fd00::2]:3128");
    BOOST_TEST(pc.proxy.connect_request ==
               "CONNECT [::1]:8080 HTTP/1.1\r\nHost: [::1]:8080\r\nUser-Agent: agent/1\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(the_route_is_direct_without_a_proxy_or_in_no_proxy) {
    erp::client_config cfg;
    cfg.base_url = "https://crm.corp.local/Cust1";
    auto pc = detail::prepare_config(cfg);
    BOOST_TEST(!pc.error);
    BOOST_TEST(!pc.proxy.enabled);
    BOOST_TEST(pc.proxy.connect_request.empty());
    cfg.proxy.url = "http://proxy.corp:3128";
    cfg.proxy.no_proxy = {".corp.local"};
    pc = detail::prepare_config(cfg);
    BOOST_TEST(!pc.error);
    BOOST_TEST(!pc.proxy.enabled);
}

BOOST_AUTO_TEST_CASE(configuration_errors) {
    erp::client_config cfg;
    cfg.base_url = "https://sod.superoffice.com/Cust12345";
    cfg.proxy.url = "https://proxy.corp:3128";
    auto pc = detail::prepare_config(cfg);
    BOOST_TEST((pc.error == erp::error::invalid_base_url));
    BOOST_TEST(pc.error_diag.client_message.find("client_config::proxy") != std::string::npos);
    cfg.proxy.url = "http://proxy.corp:3128";
    cfg.proxy.user = "dom:jane";
    cfg.proxy.password = "s3cret";
    pc = detail::prepare_config(cfg);
    BOOST_TEST((pc.error == erp::error::invalid_header_value));
    BOOST_TEST(pc.error_diag.client_message.find("s3cret") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
