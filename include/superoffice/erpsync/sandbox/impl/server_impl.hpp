//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_SERVER_IMPL_HPP
#define SO_ERPSYNC_SANDBOX_IMPL_SERVER_IMPL_HPP

/// @file
/// Internal to the sandbox library: the server's implementation (Beast sessions on coroutines,
/// the REST dispatch built from `ops::all`, fault injection) and the interface of the SOAP
/// endpoint. Included by `sandbox/impl/server.ipp` and `sandbox/impl/soap.ipp` only.

#include <superoffice/erpsync/detail/json_writer.hpp>
#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/detail/request_builder.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/sandbox/carrier_rights.hpp>
#include <superoffice/erpsync/sandbox/emulator.hpp>
#include <superoffice/erpsync/sandbox/impl/online_service.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

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
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace superoffice::erpsync::sandbox {

/// The SOAP endpoint of the sandbox, plugged in through `options::soap` (declared in
/// `sandbox/server.hpp`; the SOAP service in `sandbox/impl/soap.ipp` implements it).
class soap_handler {
public:
    virtual ~soap_handler() = default;
    /// Answers one request to `{base_path}/Remote/Services88/ErpSync.svc`.
    virtual boost::beast::http::response<boost::beast::http::string_body>
    handle(server::impl& srv,
           boost::beast::http::request<boost::beast::http::string_body> const& req) const = 0;
    /// The operation a request names, for `fault_options::applies_to`; empty when it names none.
    virtual std::string operation(boost::beast::http::request<boost::beast::http::string_body> const&) const {
        return {};
    }
};

class server::impl {
public:
    /// How the implementation serves: on sockets with a thread of its own (`server`), or only
    /// through `handle_bytes` (`request_handler`: no socket, no thread, no engine timer).
    enum class mode { network, sans_io };

    impl(options opt, seed const& data, mode m = mode::network)
        : opt_(std::move(opt)), emu_(data), acceptor_(io_) {
        namespace asio = boost::asio;
        opt_.faults.validate();
        if (opt_.service_time.count() < 0 ||
            (opt_.capacity_retry_after && opt_.capacity_retry_after->count() < 0) ||
            opt_.response_delay.count() < 0)
            throw std::invalid_argument("sandbox options: service_time, capacity_retry_after and "
                                        "response_delay must not be negative");
        connection_rng_ = opt_.faults.seed ^ 0x636f6e6e65637473ull; // "connects"
        request_rng_ = opt_.faults.seed ^ 0x7265717565737473ull;    // "requests"
        build_dispatch();
        if (!opt_.user.empty())
            basic_ = detail::base64(opt_.user + ":" + opt_.password);
        if (opt_.online.enabled)
            online_ = std::make_unique<online_service>(opt_.online, opt_.base_path);
        if (m == mode::sans_io) {
            // no listener: the hosts are named with the ports of `options` (0: port 0)
            if (online_)
                online_->set_hosts(root_url(opt_.online.environment_port),
                                   std::vector<std::string>(opt_.online.tenant_hosts, root_url(opt_.port)));
            return;
        }
        if (!opt_.tls_cert_pem.empty()) {
            tls_.emplace(asio::ssl::context::tls_server);
            tls_->use_certificate_chain(asio::buffer(opt_.tls_cert_pem));
            tls_->use_private_key(asio::buffer(opt_.tls_key_pem), asio::ssl::context::pem);
        }
        port_ = listen(acceptor_, opt_.port);
        asio::co_spawn(io_, accept_loop(acceptor_, 0), asio::detached);
        if (online_) {
            std::vector<std::string> roots{root_url(port_)};
            for (std::size_t i = 1; i < opt_.online.tenant_hosts; ++i) {
                auto& acc = *more_hosts_.emplace_back(std::make_unique<asio::ip::tcp::acceptor>(io_));
                roots.push_back(root_url(listen(acc, 0)));
                asio::co_spawn(io_, accept_loop(acc, i), asio::detached);
            }
            environment_port_ = listen(environment_, opt_.online.environment_port);
            asio::co_spawn(io_, accept_loop(environment_, environment_listener), asio::detached);
            online_->set_hosts(root_url(environment_port_), std::move(roots));
        }
        if (opt_.engine_timer)
            asio::co_spawn(io_, engine_loop(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }

    impl(impl const&) = delete;
    impl& operator=(impl const&) = delete;
    ~impl() { stop(); }

    /// Stops serving at once, a `fault_options::stall` in progress too; idempotent. Open
    /// connections are closed when the server is destroyed.
    void stop() {
        if (!thread_.joinable())
            return;
        io_.stop();
        thread_.join();
    }

    /// The listener id of the environment host (tenant hosts are 0, 1, ...).
    static constexpr std::size_t environment_listener = static_cast<std::size_t>(-1);

    /// Opens, binds and listens on `opt_.address`:`port`; returns the port bound.
    std::uint16_t listen(boost::asio::ip::tcp::acceptor& acc, std::uint16_t port) {
        namespace asio = boost::asio;
        asio::ip::tcp::endpoint ep(asio::ip::make_address(opt_.address), port);
        acc.open(ep.protocol());
        acc.set_option(asio::socket_base::reuse_address(true));
        acc.bind(ep);
        acc.listen();
        return acc.local_endpoint().port();
    }

    std::uint16_t port() const noexcept { return port_; }
    /// `scheme://address:port`, e.g. `http://127.0.0.1:41234`.
    std::string root_url(std::uint16_t port) const {
        std::string host =
            opt_.address.find(':') != std::string::npos ? "[" + opt_.address + "]" : opt_.address;
        return std::string(tls_ ? "https://" : "http://") + host + ":" + std::to_string(port);
    }
    /// The base URL to give a client, e.g. `http://127.0.0.1:41234/Cust12345`.
    std::string base_url() const { return root_url(port_) + opt_.base_path; }
    /// Connections accepted, those closed by `fault_options::refuse_connection` included.
    std::size_t connections_accepted() const noexcept { return accepted_; }
    /// Requests read (complete requests received), whether answered, faulted or stalled.
    std::size_t requests_served() const noexcept { return requests_; }
    /// The faults injected so far (`options::faults`), per kind. A kind that applies the
    /// operation (`reset_mid_response`, `truncated_body`) is counted once the operation ran.
    fault_counts faults_injected() const noexcept {
        fault_counts c;
        c.refuse_connection = injected(fault_kind::refuse_connection);
        c.status_429 = injected(fault_kind::status_429);
        c.status_503 = injected(fault_kind::status_503);
        c.status_500 = injected(fault_kind::status_500);
        c.status_502 = injected(fault_kind::status_502);
        c.status_504 = injected(fault_kind::status_504);
        c.stall = injected(fault_kind::stall);
        c.reset_mid_response = injected(fault_kind::reset_mid_response);
        c.truncated_body = injected(fault_kind::truncated_body);
        return c;
    }

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
        using value_type = run_result_t<Op>;
        std::conditional_t<std::is_void_v<value_type>, bool, value_type> value{};
    };

    /// Runs `Op` on the emulator under the state lock (every front end: REST and SOAP); every
    /// carrier of the answer then gets its `TableRight` and `FieldProperties` (carrier_rights.hpp).
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
        if constexpr (!std::is_void_v<response_t<Op>>)
            if (!r.fault)
                add_carrier_rights(r.value);
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

    // --- faults -------------------------------------------------------------------------

    /// SplitMix64: a tiny generator, the same on every platform (the standard distributions
    /// are not), good enough for drawing faults.
    static std::uint64_t splitmix(std::uint64_t& state) noexcept {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /// A uniform number in [0, 1).
    double draw(std::uint64_t& rng) {
        std::lock_guard lock(fault_mutex_);
        return static_cast<double>(splitmix(rng) >> 11) * 0x1.0p-53;
    }

    std::size_t injected(fault_kind k) const noexcept { return injected_[static_cast<std::size_t>(k)]; }
    void count(fault_kind k) noexcept { ++injected_[static_cast<std::size_t>(k)]; }

    /// Whether an accepted connection is to be refused.
    bool refuse_connection() {
        auto const& f = opt_.faults;
        return f.refuse_connection > 0 && draw(connection_rng_) < f.refuse_connection;
    }

    /// The fault for a request read (`none` for most).
    fault_kind request_fault(request const& req) {
        auto const& f = opt_.faults;
        if (!f.enabled())
            return fault_kind::none;
        double const u = draw(request_rng_);
        double edge = 0;
        fault_kind kind = fault_kind::none;
        for (auto [k, rate] :
             {std::pair{fault_kind::status_429, f.status_429},
              std::pair{fault_kind::status_503, f.status_503},
              std::pair{fault_kind::status_500, f.status_500},
              std::pair{fault_kind::status_502, f.status_502},
              std::pair{fault_kind::status_504, f.status_504}, std::pair{fault_kind::stall, f.stall},
              std::pair{fault_kind::reset_mid_response, f.reset_mid_response},
              std::pair{fault_kind::truncated_body, f.truncated_body}}) {
            edge += rate;
            if (rate > 0 && u < edge) {
                kind = k;
                break;
            }
        }
        if (kind != fault_kind::none && f.applies_to && !f.applies_to(operation_of(req)))
            return fault_kind::none;
        return kind;
    }

    /// The wire name of the operation a request names, or empty.
    std::string operation_of(request const& req) const {
        std::string_view target = req.target();
        target = target.substr(0, target.find('?'));
        if (erpsync::detail::iequals(target, opt_.base_path + "/Remote/Services88/ErpSync.svc"))
            return opt_.soap ? opt_.soap->operation(req) : std::string();
        std::string prefix = opt_.base_path + "/api/v1/Agents/ErpSync/";
        if (target.substr(0, prefix.size()) != prefix)
            return {};
        return std::string(target.substr(prefix.size()));
    }

    /// The answer of a fault that does not apply the operation (429, 503, 500, 502, 504).
    response fault_response(request const& req, fault_kind kind) const {
        auto const& f = opt_.faults;
        if (kind == fault_kind::status_500)
            return error_response(req, 500, "SoException",
                                  "An injected server error (sandbox fault_options::status_500)");
        if (kind == fault_kind::status_502 || kind == fault_kind::status_504) {
            // as a gateway in front of the server answers: its own HTML page, not the WebAPI's body
            bool const bad_gateway = kind == fault_kind::status_502;
            response res(bad_gateway ? boost::beast::http::status::bad_gateway
                                     : boost::beast::http::status::gateway_timeout,
                         req.version());
            res.set(boost::beast::http::field::content_type, "text/html");
            char const* title = bad_gateway ? "502 Bad Gateway" : "504 Gateway Time-out";
            res.body() = std::string("<html><head><title>") + title + "</title></head><body><h1>" + title +
                         "</h1></body></html>\r\n";
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            return res;
        }
        bool const busy = kind == fault_kind::status_429;
        auto const wait = std::to_string(f.retry_after.count());
        auto res = busy ? error_response(req, 429, "TooManyRequestsException",
                                         "Too many requests: retry after " + wait + " second(s)")
                        : error_response(req, 503, "ServiceUnavailableException",
                                         "The service is unavailable: retry after " + wait + " second(s)");
        res.set(boost::beast::http::field::retry_after,
                f.retry_after_http_date ? http_date(std::chrono::system_clock::now() + f.retry_after) : wait);
        return res;
    }

    /// Closes a socket with a TCP reset. Explicitly: Asio's destructor would clear the linger option.
    static void reset(boost::asio::ip::tcp::socket& sock) {
        boost::system::error_code ignored;
        sock.set_option(boost::asio::socket_base::linger(true, 0), ignored);
        sock.close(ignored);
    }

    /// The bytes of `res` as the server writes them.
    static std::string wire(response const& res) {
        std::ostringstream os;
        os << res;
        return std::move(os).str();
    }

    /// The part of `res` a broken answer sends: the status line and half the headers
    /// (`reset_mid_response`), or the headers and half the body (`truncated_body`).
    static std::string broken_wire(response const& res, fault_kind kind) {
        std::string w = wire(res);
        auto const header_end = w.find("\r\n\r\n");
        auto const status_end = w.find("\r\n");
        std::size_t const cut = kind == fault_kind::reset_mid_response
                                    ? status_end + 2 + (header_end - status_end - 2) / 2
                                    : header_end + 4 + res.body().size() / 2;
        w.resize(cut);
        return w;
    }

    /// Sets up the parser of a request as every connection does.
    void prepare(boost::beast::http::request_parser<boost::beast::http::string_body>& p) const {
        p.body_limit(opt_.max_body_size);
    }

    /// The answer to a request that could not be read, before the connection is closed: 413 for
    /// a body over `options::max_body_size`; nothing for the other errors.
    static std::optional<response> read_failure(boost::system::error_code ec) {
        if (ec != boost::beast::http::error::body_limit)
            return std::nullopt;
        request dummy;
        auto res = error_response(dummy, 413, "RequestTooLargeException", "The request body is too large");
        res.keep_alive(false);
        return res;
    }

    /// What the server does with a request it read: the fault drawn for it and the answer
    /// (none for a `stall`). Counts the request and the fault.
    struct reply {
        fault_kind fault = fault_kind::none;
        response res{};
    };
    reply respond(request const& req, std::size_t listener) {
        ++requests_;
        reply r;
        r.fault = request_fault(req);
        if (r.fault == fault_kind::stall) {
            count(r.fault);
            return r;
        }
        bool const applied = r.fault == fault_kind::none || r.fault == fault_kind::reset_mid_response ||
                             r.fault == fault_kind::truncated_body;
        r.res = applied ? handle(req, listener) : fault_response(req, r.fault);
        if (r.fault != fault_kind::none)
            count(r.fault);
        return r;
    }

    /// The sans-io connection (`request_handler`): the requests in `bytes`, read one after
    /// another as `session` reads them from a socket, and the bytes of the answers, until a
    /// request is incomplete or malformed, a fault breaks the connection or an answer closes it.
    std::string handle_bytes(std::string_view bytes, std::size_t listener) {
        namespace http = boost::beast::http;
        std::string out;
        while (!bytes.empty()) {
            http::request_parser<http::string_body> parser;
            prepare(parser);
            parser.eager(true);
            boost::system::error_code ec;
            while (!parser.is_done()) {
                auto const used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
                bytes.remove_prefix(used);
                if (ec == http::error::need_more || (!ec && used == 0))
                    return out; // the connection waits for the rest
                if (ec)
                    break;
            }
            if (ec) {
                if (auto res = read_failure(ec))
                    out += wire(*res);
                return out;
            }
            reply r = respond(parser.release(), listener);
            if (r.fault == fault_kind::stall)
                return out;
            if (r.fault == fault_kind::reset_mid_response || r.fault == fault_kind::truncated_body) {
                out += broken_wire(r.res, r.fault);
                return out;
            }
            out += wire(r.res);
            if (!r.res.keep_alive() || opt_.close_after_response)
                return out;
        }
        return out;
    }

    /// Sends the start of `res` and breaks the connection: part of the headers then a reset
    /// (`reset_mid_response`), or the headers and half the body then a clean close
    /// (`truncated_body`, done by the caller when this returns).
    template <class Stream>
    boost::asio::awaitable<void> send_broken(Stream& stream, response const& res, fault_kind kind) {
        namespace asio = boost::asio;
        std::string const wire = broken_wire(res, kind);
        auto& sock = boost::beast::get_lowest_layer(stream).socket();
        boost::system::error_code ignored;
        sock.set_option(asio::ip::tcp::no_delay(true), ignored);
        boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
        auto [ec, n] =
            co_await asio::async_write(stream, asio::buffer(wire), asio::as_tuple(asio::use_awaitable));
        (void)n;
        if (kind == fault_kind::reset_mid_response) {
            if (!ec) { // let the bytes reach the peer: a reset drops what is still unsent
                asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::milliseconds(10));
                co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
            }
            reset(sock);
        }
    }

    /// The static credentials of `options` (with `options::app_token`), or a ticket or access
    /// token issued by the Online emulation.
    bool authorized(request const& req) const {
        if ((opt_.app_token.empty() || req["SO-AppToken"] == opt_.app_token) && credentials_ok(req))
            return true;
        return online_ && online_->credentials_ok(req);
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

    /// Answers a request read on `listener` (a tenant host's index or `environment_listener`).
    response handle(request const& req, std::size_t listener) {
        namespace http = boost::beast::http;
        if (listener == environment_listener)
            return online_->handle_environment(req);
        std::string_view target = req.target();
        std::string_view query;
        if (auto q = target.find('?'); q != std::string_view::npos) {
            query = target.substr(q + 1);
            target = target.substr(0, q);
        }
        if (online_ && is_tenant_path(target))
            if (auto refused = online_->gate_tenant_request(req, listener))
                return std::move(*refused);
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
            if (online_)
                online_->count_unauthorized(req);
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

    /// `target` (without query) is the tenant's path or under it, compared case-insensitively.
    bool is_tenant_path(std::string_view target) const {
        auto const& base = opt_.base_path;
        return target.size() >= base.size() &&
               erpsync::detail::iequals(target.substr(0, base.size()), base) &&
               (target.size() == base.size() || target[base.size()] == '/');
    }

    /// A request in flight, from being admitted until its answer is written or its connection
    /// ends (the server's one thread runs every session: no lock needed for the peak).
    struct in_flight_guard {
        impl& s;
        explicit in_flight_guard(impl& i) : s(i) {
            std::size_t const now = ++s.in_flight_;
            if (now > s.peak_in_flight_)
                s.peak_in_flight_ = now;
        }
        in_flight_guard(in_flight_guard const&) = delete;
        in_flight_guard& operator=(in_flight_guard const&) = delete;
        ~in_flight_guard() { --s.in_flight_; }
    };

    template <class Stream>
    boost::asio::awaitable<void> session(Stream& stream, std::size_t listener) {
        namespace http = boost::beast::http;
        namespace asio = boost::asio;
        boost::beast::flat_buffer buffer;
        // room for a typical request in one read (`http::async_read` offers the buffer's free
        // capacity, at least 512 bytes: a request of 100 keys would take two)
        buffer.reserve(8 * 1024);
        for (;;) {
            http::request_parser<http::string_body> parser;
            prepare(parser);
            boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
            auto [ec, n] =
                co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            (void)n;
            if (ec) {
                if (auto failed = read_failure(ec))
                    co_await http::async_write(stream, *failed, asio::as_tuple(asio::use_awaitable));
                co_return;
            }
            request req = parser.release();
            if (opt_.capacity > 0 && in_flight_ >= opt_.capacity) {
                // saturated: refused at once, before anything else (faults included)
                ++requests_;
                ++capacity_refusals_;
                auto const& after = opt_.capacity_retry_after;
                auto res = error_response(req, 429, "TooManyRequestsException",
                                          "The server is at capacity (" + std::to_string(opt_.capacity) +
                                              " requests in flight): retry later");
                if (after)
                    res.set(http::field::retry_after, std::to_string(after->count()));
                bool const keep = res.keep_alive();
                boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
                auto [wec, wn] = co_await http::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
                (void)wn;
                if (wec || !keep || opt_.close_after_response)
                    co_return;
                continue;
            }
            in_flight_guard admitted(*this); // until the answer is written (or the connection ends)
            if (opt_.service_time.count() > 0) {
                asio::steady_timer t(co_await asio::this_coro::executor, opt_.service_time);
                co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
            }
            reply r = respond(req, listener);
            fault_kind const fault = r.fault;
            response& res = r.res;
            if (fault == fault_kind::stall) {
                asio::steady_timer t(co_await asio::this_coro::executor, opt_.faults.stall_for);
                co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
                co_return; // closed without an answer
            }
            if (opt_.response_delay.count() > 0) {
                asio::steady_timer t(co_await asio::this_coro::executor, opt_.response_delay);
                co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
            }
            if (fault == fault_kind::reset_mid_response || fault == fault_kind::truncated_body) {
                co_await send_broken(stream, res, fault);
                co_return;
            }
            bool keep = res.keep_alive();
            boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
            auto [wec, wn] = co_await http::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
            (void)wn;
            if (wec || !keep || opt_.close_after_response)
                co_return;
        }
    }

    boost::asio::awaitable<void> serve_connection(boost::asio::ip::tcp::socket sock, std::size_t listener) {
        namespace asio = boost::asio;
        if (tls_) {
            boost::beast::ssl_stream<boost::beast::tcp_stream> stream(std::move(sock), *tls_);
            boost::beast::get_lowest_layer(stream).expires_after(opt_.idle_timeout);
            auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server,
                                                        asio::as_tuple(asio::use_awaitable));
            if (!ec)
                co_await session(stream, listener);
            boost::system::error_code ignored;
            boost::beast::get_lowest_layer(stream).socket().shutdown(asio::ip::tcp::socket::shutdown_both,
                                                                     ignored);
        } else {
            boost::beast::tcp_stream stream(std::move(sock));
            co_await session(stream, listener);
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

    /// Accepts connections on `acc`, whose requests are handled as arriving on `listener`.
    boost::asio::awaitable<void> accept_loop(boost::asio::ip::tcp::acceptor& acc, std::size_t listener) {
        namespace asio = boost::asio;
        for (;;) {
            auto [ec, sock] = co_await acc.async_accept(asio::as_tuple(asio::use_awaitable));
            if (ec) {
                if (ec == asio::error::operation_aborted || !acc.is_open())
                    co_return;
                // e.g. out of file descriptors: back off instead of spinning
                asio::steady_timer pause(io_, std::chrono::milliseconds(50));
                co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
                continue;
            }
            ++accepted_;
            if (refuse_connection()) {
                count(fault_kind::refuse_connection);
                reset(sock);
                continue;
            }
            asio::co_spawn(io_, serve_connection(std::move(sock), listener), asio::detached);
        }
    }

    options opt_;
    emulator emu_;
    std::mutex mutex_;
    std::unordered_map<std::string, handler> dispatch_;
    std::string basic_;
    std::optional<boost::asio::ssl::context> tls_;
    std::mutex fault_mutex_; // the generators
    std::uint64_t connection_rng_ = 0;
    std::uint64_t request_rng_ = 0;
    std::array<std::atomic<std::size_t>, 10> injected_{}; // by fault_kind
    boost::asio::io_context io_{1};
    boost::asio::ip::tcp::acceptor acceptor_; // tenant host 0
    std::uint16_t port_ = 0;
    std::unique_ptr<online_service> online_; // null unless options::online.enabled
    std::vector<std::unique_ptr<boost::asio::ip::tcp::acceptor>> more_hosts_; // tenant hosts 1, 2, ...
    boost::asio::ip::tcp::acceptor environment_{io_};
    std::uint16_t environment_port_ = 0;
    std::atomic<std::size_t> accepted_{0};
    std::atomic<std::size_t> requests_{0};
    std::atomic<std::size_t> capacity_refusals_{0};
    std::atomic<std::size_t> in_flight_{0};
    std::atomic<std::size_t> peak_in_flight_{0};
    std::thread thread_;
};

} // namespace superoffice::erpsync::sandbox

#endif
