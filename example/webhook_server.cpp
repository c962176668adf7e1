//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// webhook_server: the client embedded in an async HTTP server. Each POST /webhook with a body
// such as {"connection": 1, "actorType": "Customer", "keys": ["C-1001", "C-1002"]} resyncs those
// ERP keys through one shared client (retries, rate limit and in-flight cap as configured) and
// answers with the outcome per key. The io_context runs on several threads: the client is safe
// to share between the sessions.
//
//   webhook_server [--port N] [--target BASE_URL]     serve until SIGINT/SIGTERM
//   webhook_server --self-test                        start an embedded sandbox, serve, send two
//                                                     webhooks to itself, check, exit (CTest)
//
// Without --target the embedded sandbox (127.0.0.1) is the ErpSync agent.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/bulk.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace erp = superoffice::erpsync;

namespace {

using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

response reply(request const& req, http::status status, boost::json::value const& body) {
    response res(status, req.version());
    res.set(http::field::content_type, "application/json");
    res.keep_alive(req.keep_alive());
    res.body() = boost::json::serialize(body);
    res.prepare_payload();
    return res;
}

response bad_request(request const& req, std::string why) {
    return reply(req, http::status::bad_request, boost::json::object{{"error", std::move(why)}});
}

// One webhook: validate, resync through the shared client, report per key.
asio::awaitable<response> handle(erp::client& client, request const& req) {
    if (req.target() != "/webhook")
        co_return reply(req, http::status::not_found, boost::json::object{{"error", "POST /webhook"}});
    if (req.method() != http::verb::post)
        co_return reply(req, http::status::method_not_allowed,
                        boost::json::object{{"error", "POST /webhook"}});
    boost::system::error_code ec;
    boost::json::value body = boost::json::parse(req.body(), ec);
    if (ec || !body.is_object())
        co_return bad_request(req, "the body must be a JSON object");
    auto const& o = body.as_object();
    auto const* conn = o.if_contains("connection");
    auto const* type = o.if_contains("actorType");
    auto const* keys = o.if_contains("keys");
    if (!conn || !conn->is_int64() || !type || !type->is_string() || !keys || !keys->is_array())
        co_return bad_request(req,
                              "expected {\"connection\": int, \"actorType\": string, \"keys\": [string]}");
    auto actor = erp::open_enum<erp::erp_actor_type>::from_name(std::string_view(type->as_string()));
    if (actor.is_unknown())
        co_return bad_request(req, "unknown actorType");
    std::vector<std::string> key_list;
    for (auto const& k : keys->as_array()) {
        if (!k.is_string())
            co_return bad_request(req, "keys must be strings");
        key_list.emplace_back(k.as_string());
    }
    if (key_list.size() > 10000)
        co_return bad_request(req, "at most 10000 keys per webhook");

    erp::bulk_options bo;
    bo.batch_size = 100;
    bo.concurrency = 2;
    auto const conn_id = static_cast<std::int32_t>(conn->as_int64());
    auto [bec, result] = co_await erp::async_resync_bulk(client, conn_id, actor.value(), key_list, bo,
                                                         asio::as_tuple(asio::use_awaitable));
    boost::json::array outcomes;
    for (std::size_t i = 0; i < key_list.size(); ++i) {
        auto const& out = result.outcomes[i];
        boost::json::object item{{"key", key_list[i]}, {"ok", !out.ec}};
        if (out.ec)
            item["error"] = out.ec.message();
        outcomes.push_back(std::move(item));
    }
    co_return reply(req, bec ? http::status::service_unavailable : http::status::ok,
                    boost::json::object{{"succeeded", result.succeeded},
                                        {"failed", result.failed},
                                        {"outcomes", std::move(outcomes)}});
}

asio::awaitable<void> session(erp::client& client, asio::ip::tcp::socket sock) {
    boost::beast::tcp_stream stream(std::move(sock));
    boost::beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(1024 * 1024);
        stream.expires_after(std::chrono::seconds(30));
        auto [ec, n] = co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        (void)n;
        if (ec)
            co_return;
        request req = parser.release();
        response res = co_await handle(client, req);
        stream.expires_after(std::chrono::seconds(30));
        auto [wec, wn] = co_await http::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
        (void)wn;
        if (wec || !res.keep_alive())
            co_return;
    }
}

asio::awaitable<void> listen(erp::client& client, asio::ip::tcp::acceptor& acceptor, asio::io_context& io) {
    for (;;) {
        // each session on its own strand: sessions run in parallel on the pool's threads
        auto [ec, sock] =
            co_await acceptor.async_accept(asio::make_strand(io), asio::as_tuple(asio::use_awaitable));
        if (ec)
            co_return; // closed: shutting down
        auto const ex = sock.get_executor();
        asio::co_spawn(ex, session(client, std::move(sock)), asio::detached);
    }
}

// --self-test: two webhooks sent to ourselves with a plain Beast client.
asio::awaitable<int> self_test(asio::ip::tcp::endpoint ep) {
    auto ex = co_await asio::this_coro::executor;
    boost::beast::tcp_stream stream(ex);
    stream.expires_after(std::chrono::seconds(30));
    co_await stream.async_connect(ep, asio::use_awaitable);
    auto post = [&](std::string body) -> asio::awaitable<response> {
        request req(http::verb::post, "/webhook", 11);
        req.set(http::field::host, "127.0.0.1");
        req.set(http::field::content_type, "application/json");
        req.body() = std::move(body);
        req.prepare_payload();
        co_await http::async_write(stream, req, asio::use_awaitable);
        boost::beast::flat_buffer buf;
        response res;
        co_await http::async_read(stream, buf, res, asio::use_awaitable);
        co_return res;
    };
    auto ok = co_await post(R"({"connection": 1, "actorType": "Customer", "keys": ["C-1001", "C-1002"]})");
    std::cout << ok.result_int() << ' ' << ok.body() << '\n';
    // an unknown key: the agent refuses its batch, reported per key
    auto refused = co_await post(R"({"connection": 1, "actorType": "Customer", "keys": ["X-9"]})");
    std::cout << refused.result_int() << ' ' << refused.body() << '\n';
    auto bad = co_await post(R"({"connection": "one"})");
    std::cout << bad.result_int() << ' ' << bad.body() << '\n';
    auto v = boost::json::parse(ok.body());
    auto w = boost::json::parse(refused.body());
    bool const good = ok.result_int() == 200 && v.at("succeeded").to_number<int>() == 2 &&
                      v.at("failed").to_number<int>() == 0 && w.at("failed").to_number<int>() == 1 &&
                      bad.result_int() == 400;
    co_return good ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    unsigned short port = 0;
    std::string target;
    bool test = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--port" && i + 1 < argc)
            port = static_cast<unsigned short>(std::atoi(argv[++i]));
        else if (a == "--target" && i + 1 < argc)
            target = argv[++i];
        else if (a == "--self-test")
            test = true;
        else {
            std::cerr << "usage: webhook_server [--port N] [--target BASE_URL] [--self-test]\n";
            return 2;
        }
    }
    std::optional<erp::sandbox::server> sandbox;
    erp::client_config cfg;
    if (target.empty()) {
        // The sandbox as SuperOffice Online: the tenant is located through the state service and
        // the client authenticates as the app's system user (a key made here, registered with the
        // sandbox), exactly as against production, where only the values differ.
        auto const app_key = erp::rsa_key::generate(2048);
        erp::sandbox::options so;
        so.online.enabled = true;
        so.online.system_user_key = app_key;
        sandbox.emplace(so);
        cfg.tenant.context_identifier = sandbox->context_identifier();
        cfg.tenant.environment = sandbox->environment_url();
        erp::credentials::system_user su;
        su.system_user_token = so.online.system_user_token;
        su.private_key = app_key.private_pem(); // in production: read from the app's key file
        su.application_token = so.online.application_token;
        su.context_identifier = sandbox->context_identifier();
        su.environment = sandbox->environment_url();
        cfg.auth = std::move(su);
    } else {
        cfg.base_url = target;
        if (char const* t = std::getenv("ERPSYNC_TICKET"))
            cfg.auth = erp::credentials::so_ticket(t);
    }
    cfg.limit.requests_per_second = 50; // be kind to the agent
    cfg.limit.max_in_flight = 8;

    asio::io_context io;
    erp::client client(io, cfg); // shared by every session, on every thread
    // The acceptor lives on a strand: it is not thread-safe, and shutting down closes it from
    // whichever thread the signal or the self-test finished on.
    auto const accept_strand = asio::make_strand(io);
    asio::ip::tcp::acceptor acceptor(accept_strand, {asio::ip::make_address("127.0.0.1"), port});
    std::cout << "webhook server on http://127.0.0.1:" << acceptor.local_endpoint().port() << "/webhook"
              << std::endl;
    asio::co_spawn(accept_strand, listen(client, acceptor, io), asio::detached);

    int status = 0;
    auto shutdown = [&] {
        asio::post(accept_strand, [&] {
            boost::system::error_code ignored;
            acceptor.close(ignored);
            io.stop();
        });
    };
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (!ec) // operation_aborted: the self-test cancelled the wait and shuts down itself
            shutdown();
    });
    if (test)
        asio::co_spawn(io, self_test(acceptor.local_endpoint()), [&](std::exception_ptr e, int r) {
            status = e ? 1 : r;
            signals.cancel();
            shutdown();
        });
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&] { io.run(); });
    io.run();
    for (auto& t : threads)
        t.join();
    if (sandbox) { // one ticket served every session on every thread
        auto const n = sandbox->online_counters();
        std::cout << "system-user exchanges: " << n.exchanges << ", state look-ups: " << n.state_lookups
                  << std::endl;
        if (test && (n.exchanges != 1 || n.state_lookups != 1))
            status = 1;
    }
    return status;
}
