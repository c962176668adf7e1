// Compile-time benchmark, the reference: what a user would write by hand with Beast and Boost.JSON
// for the same call — a coroutine that connects (plain TCP or TLS), sends ForceResyncNoBlankValues
// with a JSON body, reads the response and extracts the PluginResponse fields. Like the library
// it supports http and https, a timeout and a body limit; it has no pool, retries or typed errors.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;

struct plugin_response {
    bool IsOk = false;
    std::string UserExplanation, TechExplanation, ErrorCode;
};

plugin_response to_plugin_response(json::value const& v) {
    plugin_response r;
    auto const& o = v.as_object();
    if (auto p = o.if_contains("IsOk"))
        r.IsOk = p->as_bool();
    auto str = [&](char const* k, std::string& out) {
        if (auto p = o.if_contains(k); p && p->is_string())
            out = p->as_string().c_str();
    };
    str("UserExplanation", r.UserExplanation);
    str("TechExplanation", r.TechExplanation);
    str("ErrorCode", r.ErrorCode);
    return r;
}

template <class Stream>
asio::awaitable<plugin_response> round_trip(Stream& s, http::request<http::string_body> const& req) {
    co_await http::async_write(s, req, asio::use_awaitable);
    beast::flat_buffer buf;
    http::response_parser<http::string_body> p;
    p.body_limit(16 * 1024 * 1024);
    co_await http::async_read(s, buf, p, asio::use_awaitable);
    if (p.get().result() != http::status::ok)
        throw std::runtime_error("HTTP " + std::to_string(p.get().result_int()));
    co_return to_plugin_response(json::parse(p.get().body()));
}

asio::awaitable<void> run(std::string url) {
    auto u = boost::urls::parse_uri(url).value();
    bool const tls = u.scheme() == "https";
    std::string const host = u.host(), port = u.has_port() ? std::string(u.port()) : tls ? "443" : "80";
    auto ex = co_await asio::this_coro::executor;
    asio::ip::tcp::resolver res(ex);
    auto eps = co_await res.async_resolve(host, port, asio::use_awaitable);

    json::object body;
    body["ErpConnectionId"] = 1;
    body["InternalKeyIds"] = json::array{1, 2, 3};
    http::request<http::string_body> req(
        http::verb::post, std::string(u.encoded_path()) + "/api/v1/Agents/ErpSync/ForceResyncNoBlankValues",
        11);
    req.set(http::field::host, host);
    req.set(http::field::accept, "application/json");
    req.set(http::field::authorization, "Basic dXNlcjpwYXNzd29yZA==");
    req.set(http::field::content_type, "application/json; charset=utf-8");
    req.body() = json::serialize(body);
    req.prepare_payload();

    plugin_response r;
    if (tls) {
        asio::ssl::context ctx(asio::ssl::context::tls_client);
        ctx.set_default_verify_paths();
        ctx.set_verify_mode(asio::ssl::verify_peer);
        beast::ssl_stream<beast::tcp_stream> s(ex, ctx);
        s.set_verify_callback(asio::ssl::host_name_verification(host));
        SSL_set_tlsext_host_name(s.native_handle(), host.c_str());
        beast::get_lowest_layer(s).expires_after(std::chrono::seconds(30));
        co_await beast::get_lowest_layer(s).async_connect(eps, asio::use_awaitable);
        co_await s.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
        r = co_await round_trip(s, req);
    } else {
        beast::tcp_stream s(ex);
        s.expires_after(std::chrono::seconds(30));
        co_await s.async_connect(eps, asio::use_awaitable);
        r = co_await round_trip(s, req);
    }
    std::cout << (r.IsOk ? "ok" : r.TechExplanation) << '\n';
}

int main(int argc, char** argv) {
    asio::io_context io;
    asio::co_spawn(io, run(argc > 1 ? argv[1] : "http://127.0.0.1:8080/Cust1"), [](std::exception_ptr e) {
        if (e)
            std::rethrow_exception(e);
    });
    io.run();
}
