//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_SERVER_HPP
#define SO_ERPSYNC_SANDBOX_SERVER_HPP

/// @file
/// `sandbox::server`: an in-process emulation of the ErpSync agent's REST endpoint on loopback.
///
/// A real Beast HTTP/1.1 server (optionally TLS) on its own thread, bound to 127.0.0.1 on an
/// ephemeral port by default, with the emulator's state, authentication (Basic, SOTicket, Bearer,
/// X-XSRF-TOKEN, optional SO-AppToken) and the WebAPI's error bodies:
/// - 401 `{Error, ErrorType, ErrorMessage, ErrorSource}` for missing or wrong credentials;
/// - 415 for a body that is not JSON by Content-Type, 400 for malformed JSON or wrong types;
/// - 404 for unknown operations, 405 for methods other than POST;
/// - 200 `{Message, MessageDetail}` for invalid parameters (the agents' documented form);
/// - 204 operations answer `null` or an empty body (`options::no_content`).
/// `$select` nulls out top-level properties not listed. The dispatch table is built from
/// `ops::all`: every described operation is served.
///
/// @par Thread safety
/// `with_state` and the counters may be used from any thread while the server runs.

#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/detail/request_builder.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/sandbox/emulator.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace superoffice::erpsync::sandbox {

/// How 204 operations answer.
enum class no_content_body {
    null,  ///< `Content-Type: application/json` and the body `null` (newer servers)
    empty, ///< no body (older servers)
};

class server;

/// The SOAP endpoint of the sandbox, plugged in through `options::soap`: `soap_endpoint()` from
/// `<superoffice/erpsync/sandbox/soap.hpp>`. A separate header so that REST-only tests do not
/// compile an XML parser.
class soap_handler {
public:
    virtual ~soap_handler() = default;
    /// Answers one request to `{base_path}/Remote/Services88/ErpSync.svc`.
    virtual boost::beast::http::response<boost::beast::http::string_body>
    handle(server& srv, boost::beast::http::request<boost::beast::http::string_body> const& req) const = 0;
};

/// Settings of the sandbox server.
struct options {
    /// The address to bind: loopback only is the point (127.0.0.1 or ::1).
    std::string address = "127.0.0.1";
    /// 0: an ephemeral port.
    std::uint16_t port = 0;
    /// The tenant path, as in `https://sod.superoffice.com/Cust12345`.
    std::string base_path = "/Cust12345";
    /// Accepted credentials. An empty value disables that scheme.
    std::string user = "sandbox";
    std::string password = "sandbox";
    std::string ticket = "7T:sandbox-ticket";
    std::string bearer = "8A:sandbox-token";
    std::string xsrf_token{};
    /// When non-empty, `SO-AppToken` must carry this value.
    std::string app_token{};
    no_content_body no_content = no_content_body::null;
    /// Close every connection after its response, without announcing it (a server whose
    /// keep-alive timeout is shorter than the client's idle time).
    bool close_after_response = false;
    /// Delay before every response.
    std::chrono::milliseconds response_delay{0};
    /// PEM certificate chain and key: when set the server speaks TLS only.
    std::string tls_cert_pem{};
    std::string tls_key_pem{};
    /// A connection idle (or stalled mid-request) for this long is closed.
    std::chrono::milliseconds idle_timeout{30000};
    /// Largest request body accepted.
    std::size_t max_body_size = 8 * 1024 * 1024;
    /// Run the sync engine (`emulator::run_engine`) every `Interval` of the engine state while it
    /// is running, as the agent's scheduler does. Off: the engine runs only when a test or tool
    /// calls `run_engine` through `with_state`.
    bool engine_timer = true;
    /// The shortest pause between two engine runs, whatever the Interval says.
    std::chrono::milliseconds min_engine_interval{50};
    /// Called after each operation with its wire name, the request as the sandbox decoded it
    /// (written back as JSON, for query operations too), the status and the response body.
    /// Runs on the server's thread under the state lock: keep it short, do not call the server.
    std::function<void(std::string_view operation, std::string_view request_json, unsigned status,
                       std::string_view response_body)>
        observer{};
    /// The SOAP endpoint `{base_path}/Remote/Services88/ErpSync.svc`, on the same state as REST:
    /// `sandbox::soap_endpoint()` (include `<superoffice/erpsync/sandbox/soap.hpp>`). Null: that
    /// path answers 404.
    std::shared_ptr<soap_handler const> soap{};
};

/// An in-process ErpSync agent on loopback. Starts in the constructor, stops in the destructor.
class server {
public:
    explicit server(options opt = {}, seed const& data = default_seed())
        : opt_(std::move(opt)), emu_(data), acceptor_(io_) {
        namespace asio = boost::asio;
        build_dispatch();
        if (!opt_.user.empty())
            basic_ = detail::base64(opt_.user + ":" + opt_.password);
        if (!opt_.tls_cert_pem.empty()) {
            tls_.emplace(asio::ssl::context::tls_server);
            tls_->use_certificate_chain(asio::buffer(opt_.tls_cert_pem));
            tls_->use_private_key(asio::buffer(opt_.tls_key_pem), asio::ssl::context::pem);
        }
        asio::ip::tcp::endpoint ep(asio::ip::make_address(opt_.address), opt_.port);
        acceptor_.open(ep.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(ep);
        acceptor_.listen();
        port_ = acceptor_.local_endpoint().port();
        asio::co_spawn(io_, accept_loop(), asio::detached);
        if (opt_.engine_timer)
            asio::co_spawn(io_, engine_loop(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }

    server(server const&) = delete;
    server& operator=(server const&) = delete;
    ~server() { stop(); }

    /// Stops serving; idempotent.
    void stop() {
        if (!thread_.joinable())
            return;
        io_.stop();
        thread_.join();
    }

    std::uint16_t port() const noexcept { return port_; }
    /// The base URL to give a client, e.g. `http://127.0.0.1:41234/Cust12345`.
    std::string base_url() const {
        std::string host =
            opt_.address.find(':') != std::string::npos ? "[" + opt_.address + "]" : opt_.address;
        return std::string(tls_ ? "https://" : "http://") + host + ":" + std::to_string(port_) +
               opt_.base_path;
    }
    std::size_t connections_accepted() const noexcept { return accepted_; }
    std::size_t requests_served() const noexcept { return requests_; }

    /// Runs `f(emulator&)` under the state lock and returns its result.
    template <class F>
    auto with_state(F&& f) {
        std::lock_guard lock(mutex_);
        return f(emu_);
    }

private:
    friend class soap_service;

    using request = boost::beast::http::request<boost::beast::http::string_body>;
    using response = boost::beast::http::response<boost::beast::http::string_body>;
    using handler = std::function<response(request const&, std::string_view select, std::string_view query)>;

    static response json_response(unsigned status, std::string body, unsigned version, bool keep_alive) {
        response res(static_cast<boost::beast::http::status>(status), version);
        res.set(boost::beast::http::field::server, "superoffice-erpsync-sandbox");
        res.set(boost::beast::http::field::content_type, "application/json; charset=utf-8");
        res.body() = std::move(body);
        res.keep_alive(keep_alive);
        res.prepare_payload();
        return res;
    }

    static response error_response(request const& req, unsigned status, std::string type,
                                   std::string message) {
        server_error e;
        e.Error = true;
        e.ErrorType = std::move(type);
        e.ErrorMessage = std::move(message);
        e.ErrorSource = "SuperOffice.ErpSync.Sandbox";
        std::string body;
        detail::json_writer w(body, nullptr);
        body += '{';
        body += "\"Error\":true,\"ErrorType\":";
        w.write_string(e.ErrorType);
        body += ",\"ErrorMessage\":";
        w.write_string(e.ErrorMessage);
        body += ",\"ErrorSource\":";
        w.write_string(e.ErrorSource);
        body += '}';
        return json_response(status, std::move(body), req.version(), req.keep_alive());
    }

    /// Sets members of `v` not named in `select` to their defaults (null on the wire); for arrays,
    /// in every element.
    template <class T>
    static void apply_select(T& v, std::string_view select) {
        if constexpr (erpsync::detail::is_optional_v<T>) {
            if (v)
                apply_select(*v, select);
        } else if constexpr (erpsync::detail::is_vector_v<T>) {
            for (auto& e : v)
                apply_select(e, select);
        } else if constexpr (erpsync::detail::is_described_struct_v<T>) {
            if (select.empty())
                return;
            boost::mp11::mp_for_each<erpsync::detail::members_t<T>>([&](auto D) {
                std::string_view rest = select;
                bool listed = false;
                while (!rest.empty()) {
                    auto comma = rest.find(',');
                    auto item = erpsync::detail::trim(rest.substr(0, comma));
                    item = item.substr(0, item.find('/'));
                    listed |= erpsync::detail::iequals(item, D.name);
                    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
                }
                if (!listed)
                    v.*D.pointer = std::remove_cvref_t<decltype(v.*D.pointer)>{};
            });
        }
    }

    /// What running an operation on the emulator gave: its result or the agent's fault.
    template <class Op>
    struct outcome {
        std::optional<agent_fault> fault{};
        /// What the emulator answered: `response_t<Op>`, or `std::optional` of it for single
        /// fetches (nothing found is `null`).
        using value_type =
            decltype(std::declval<emulator&>().run(Op{}, std::declval<request_t<Op> const&>()));
        std::conditional_t<std::is_void_v<value_type>, bool, value_type> value{};
    };

    /// Runs `Op` on the emulator under the state lock (every front end: REST and SOAP).
    template <class Op>
    outcome<Op> run_op(request_t<Op> const& in) {
        outcome<Op> r;
        try {
            std::lock_guard lock(mutex_);
            if constexpr (std::is_void_v<response_t<Op>>)
                emu_.run(Op{}, in);
            else
                r.value = emu_.run(Op{}, in);
        } catch (agent_fault const& f) {
            r.fault.emplace(f);
        }
        return r;
    }

    /// Reports a call to `options::observer`.
    template <class Op>
    void observe(request_t<Op> const& in, unsigned status, std::string_view body) {
        if (!opt_.observer)
            return;
        std::string json;
        if (to_json(in, json))
            json.clear();
        std::lock_guard lock(mutex_);
        opt_.observer(Op::name, json, status, body);
    }

    template <class Op>
    response serve(request const& req, std::string_view select, std::string_view query) {
        request_t<Op> in{};
        response res = serve_impl<Op>(req, select, query, in);
        observe<Op>(in, res.result_int(), res.body());
        return res;
    }

    template <class Op>
    response serve_impl(request const& req, std::string_view select, std::string_view query,
                        request_t<Op>& in) {
        if constexpr (Op::request_travels == request_kind::query) {
            std::string why;
            if (!erpsync::detail::read_query(query, in, why))
                return error_response(req, 400, "ArgumentException", why);
        }
        if constexpr (Op::has_body) {
            auto ct = req[boost::beast::http::field::content_type];
            auto media = erpsync::detail::trim(ct.substr(0, ct.find(';')));
            if (!erpsync::detail::iequals(media, "application/json") &&
                !erpsync::detail::iequals(media, "text/json"))
                return error_response(req, 415, "UnsupportedMediaTypeException",
                                      "The request body must be application/json, not '" +
                                          std::string(media) + "'");
            diagnostics d;
            if (erpsync::detail::trim(req.body()).empty() || from_json(std::string_view(req.body()), in, &d))
                return error_response(req, 400, "JsonReaderException",
                                      "The request body is not valid: " + (d.client_message.empty()
                                                                               ? std::string("empty body")
                                                                               : d.client_message));
        }
        auto out = run_op<Op>(in);
        if (out.fault) {
            std::string body = "{\"Message\":";
            detail::json_writer w(body, nullptr);
            w.write_string(out.fault->what());
            body += ",\"MessageDetail\":";
            w.write_string(out.fault->detail);
            body += '}';
            return json_response(200, std::move(body), req.version(), req.keep_alive());
        }
        if constexpr (std::is_void_v<response_t<Op>>) {
            response res(boost::beast::http::status::no_content, req.version());
            res.set(boost::beast::http::field::server, "superoffice-erpsync-sandbox");
            res.keep_alive(req.keep_alive());
            if (opt_.no_content == no_content_body::null) {
                // As the newer documentation shows it: a JSON `null` after a 204. HTTP says a
                // 204 has no body, so clients must not read it as the next response.
                res.set(boost::beast::http::field::content_type, "application/json; charset=utf-8");
                res.body() = "null";
                res.content_length(4);
            }
            return res;
        } else {
            apply_select(out.value, select);
            std::string body;
            if (to_json(out.value, body))
                return error_response(req, 500, "SoException", "could not encode the result");
            return json_response(200, std::move(body), req.version(), req.keep_alive());
        }
    }

    void build_dispatch() {
        boost::mp11::mp_for_each<ops::all>([this](auto op) {
            using Op = decltype(op);
            dispatch_.emplace(std::string(Op::name),
                              [this](request const& req, std::string_view select, std::string_view query) {
                                  return serve<Op>(req, select, query);
                              });
        });
    }

    bool authorized(request const& req) const {
        if (!opt_.app_token.empty() && req["SO-AppToken"] != opt_.app_token)
            return false;
        return credentials_ok(req);
    }

    /// The `Authorization` header (or the XSRF token) is valid.
    bool credentials_ok(request const& req) const {
        auto auth = req[boost::beast::http::field::authorization];
        if (auth.empty())
            return !opt_.xsrf_token.empty() && req["X-XSRF-TOKEN"] == opt_.xsrf_token;
        auto sp = auth.find(' ');
        if (sp == std::string_view::npos)
            return false;
        auto scheme = auth.substr(0, sp);
        auto value = erpsync::detail::trim(auth.substr(sp + 1));
        if (erpsync::detail::iequals(scheme, "Basic"))
            return !basic_.empty() && value == basic_;
        if (erpsync::detail::iequals(scheme, "SOTicket"))
            return !opt_.ticket.empty() && value == opt_.ticket;
        if (erpsync::detail::iequals(scheme, "Bearer"))
            return !opt_.bearer.empty() && value == opt_.bearer;
        return false;
    }

    response handle(request const& req) {
        namespace http = boost::beast::http;
        std::string_view target = req.target();
        std::string_view query;
        if (auto q = target.find('?'); q != std::string_view::npos) {
            query = target.substr(q + 1);
            target = target.substr(0, q);
        }
        if (erpsync::detail::iequals(target, opt_.base_path + "/Remote/Services88/ErpSync.svc")) {
            if (opt_.soap)
                return opt_.soap->handle(*this, req);
            return error_response(req, 404, "SoNotFoundException",
                                  "The SOAP endpoint is not enabled: set sandbox::options::soap = "
                                  "sandbox::soap_endpoint() (<superoffice/erpsync/sandbox/soap.hpp>)");
        }
        std::string prefix = opt_.base_path + "/api/v1/Agents/ErpSync/";
        if (target.substr(0, prefix.size()) != prefix)
            return error_response(req, 404, "SoNotFoundException", "No resource at " + std::string(target));
        auto it = dispatch_.find(std::string(target.substr(prefix.size())));
        if (it == dispatch_.end())
            return error_response(req, 404, "SoNotFoundException",
                                  "The ErpSync agent has no operation '" +
                                      std::string(target.substr(prefix.size())) + "'");
        if (!authorized(req)) {
            auto res = error_response(req, 401, "SoAuthenticationException",
                                      "Authentication failed: missing or invalid credentials");
            res.set(http::field::www_authenticate, "Basic realm=\"SuperOffice\"");
            return res;
        }
        if (req.method() != http::verb::post)
            return error_response(req, 405, "MethodNotAllowedException",
                                  "Agent operations are called with POST");
        std::string select;
        erpsync::detail::for_each_query_param(query, [&](std::string const& k, std::string const& v) {
            if (k == "$select")
                select = v;
        });
        return it->second(req, select, query);
    }

    template <class Stream>
    boost::asio::awaitable<void> session(Stream& stream) {
        namespace http = boost::beast::http;
        namespace asio = boost::asio;
        boost::beast::flat_buffer buffer;
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(opt_.max_body_size);
            boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
            auto [ec, n] =
                co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            (void)n;
            if (ec) {
                if (ec == http::error::body_limit) {
                    request dummy;
                    auto res = error_response(dummy, 413, "RequestTooLargeException",
                                              "The request body is too large");
                    res.keep_alive(false);
                    co_await http::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
                }
                co_return;
            }
            ++requests_;
            request req = parser.release();
            response res = handle(req);
            if (opt_.response_delay.count() > 0) {
                asio::steady_timer t(co_await asio::this_coro::executor, opt_.response_delay);
                co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
            }
            bool keep = res.keep_alive();
            boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
            auto [wec, wn] = co_await http::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
            (void)wn;
            if (wec || !keep || opt_.close_after_response)
                co_return;
        }
    }

    boost::asio::awaitable<void> serve_connection(boost::asio::ip::tcp::socket sock) {
        namespace asio = boost::asio;
        if (tls_) {
            boost::beast::ssl_stream<boost::beast::tcp_stream> stream(std::move(sock), *tls_);
            boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
            auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server,
                                                        asio::as_tuple(asio::use_awaitable));
            if (!ec)
                co_await session(stream);
            boost::system::error_code ignored;
            boost::beast::get_lowest_layer(stream).socket().shutdown(asio::ip::tcp::socket::shutdown_both,
                                                                     ignored);
        } else {
            boost::beast::tcp_stream stream(std::move(sock));
            co_await session(stream);
            boost::system::error_code ignored;
            stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        }
    }

    /// The agent's scheduler: one engine run per Interval while the engine runs. Wakes at least
    /// every 100 ms so that a new Interval takes effect at once.
    boost::asio::awaitable<void> engine_loop() {
        namespace asio = boost::asio;
        using clock = std::chrono::steady_clock;
        asio::steady_timer timer(co_await asio::this_coro::executor);
        auto last = clock::now();
        for (;;) {
            clock::duration interval;
            {
                std::lock_guard lock(mutex_);
                interval = std::max<clock::duration>(
                    std::chrono::duration_cast<clock::duration>(emu_.engine_state().Interval.duration()),
                    opt_.min_engine_interval);
            }
            auto due = last + interval;
            timer.expires_at(std::min(due, clock::now() + std::chrono::milliseconds(100)));
            auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
            if (ec)
                co_return;
            if (clock::now() < due)
                continue;
            last = clock::now();
            std::lock_guard lock(mutex_);
            emu_.run_engine();
        }
    }

    boost::asio::awaitable<void> accept_loop() {
        namespace asio = boost::asio;
        for (;;) {
            auto [ec, sock] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
            if (ec) {
                if (ec == asio::error::operation_aborted || !acceptor_.is_open())
                    co_return;
                // e.g. out of file descriptors: back off instead of spinning
                asio::steady_timer pause(io_, std::chrono::milliseconds(50));
                co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
                continue;
            }
            ++accepted_;
            asio::co_spawn(io_, serve_connection(std::move(sock)), asio::detached);
        }
    }

    options opt_;
    emulator emu_;
    std::mutex mutex_;
    std::unordered_map<std::string, handler> dispatch_;
    std::string basic_;
    std::optional<boost::asio::ssl::context> tls_;
    boost::asio::io_context io_{1};
    boost::asio::ip::tcp::acceptor acceptor_;
    std::uint16_t port_ = 0;
    std::atomic<std::size_t> accepted_{0};
    std::atomic<std::size_t> requests_{0};
    std::thread thread_;
};

} // namespace superoffice::erpsync::sandbox

#endif
