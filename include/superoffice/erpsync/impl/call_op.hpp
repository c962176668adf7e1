//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_CALL_OP_HPP
#define SO_ERPSYNC_IMPL_CALL_OP_HPP

// The composed operation behind every call: take or open a connection (resolve, connect, TLS),
// write the prepared request, read the response, return the connection to the pool, decode.
// The transport (`exchange`) is one non-template class shared by all operations; only the
// decoding is per operation, which keeps a translation unit calling many operations small.
// A reused keep-alive connection that fails before any response byte arrives is replaced once,
// transparently: for every operation when the write failed or the server closed the connection
// cleanly without answering; after a reset, for retry-safe operations only.

#include <superoffice/erpsync/detail/connection.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/protocol_codec.hpp>

#include <boost/asio/compose.hpp>
#include <boost/asio/coroutine.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace superoffice::erpsync::detail {

/// The completion signature of `Op`.
template <class R>
struct signature_of {
    using type = void(error_code, R);
};
template <>
struct signature_of<void> {
    using type = void(error_code);
};

/// Maps a transport failure to the library's code, keeping the cause.
inline error_code classify_io_error(error_code const& ec, error fallback, bool deadline_passed) {
    namespace http = boost::beast::http;
    if (ec == boost::asio::error::operation_aborted && !deadline_passed)
        return ec;
    if (ec == boost::beast::error::timeout ||
        (ec == boost::asio::error::operation_aborted && deadline_passed))
        return error::timeout;
    if (ec == http::error::body_limit)
        return error::body_too_large;
    if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
        ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset ||
        ec == boost::asio::error::broken_pipe || ec == boost::asio::ssl::error::stream_truncated)
        return error::connection_closed;
    if (ec.category() == boost::beast::http::make_error_code(http::error::bad_version).category())
        return error::malformed_response;
    return fallback;
}

/// Everything one HTTP exchange needs and produces. Not specific to an operation.
struct exchange_data {
    http_request req;
    std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser;
    std::unique_ptr<connection> conn;
    std::shared_ptr<boost::asio::ip::tcp::resolver> resolver;
    std::shared_ptr<boost::asio::steady_timer> resolve_timer;
    std::chrono::steady_clock::duration timeout{};
    std::chrono::steady_clock::time_point deadline; // set when the operation starts
    error_code build_error;
    diagnostics* diag = nullptr;
    bool retry_safe = false;
    bool retried = false;
    unsigned status = 0; // the response, once read
    std::string body;
    std::shared_ptr<protocol_codec const> protocol; // null: REST
};

/// A move-only, type-erased `void(error_code, exchange_data&)` callback: the operation-specific
/// part (decoding, completing the caller's handler) behind the shared transport.
class exchange_completion {
    struct base {
        virtual ~base() = default;
        virtual void call(error_code, exchange_data&) = 0;
    };
    template <class F>
    struct impl final : base {
        explicit impl(F&& f) : f(std::move(f)) {}
        void call(error_code ec, exchange_data& d) override { f(ec, d); }
        F f;
    };
    std::unique_ptr<base> p_;

public:
    exchange_completion() = default;
    template <class F>
    explicit exchange_completion(F f) : p_(std::make_unique<impl<F>>(std::move(f))) {}
    void operator()(error_code ec, exchange_data& d) {
        auto p = std::move(p_); // once
        p->call(ec, d);
    }
};

/// The transport of every call: take or open a connection (resolve, connect, TLS), write the
/// prepared request, read the response, return the connection to the pool. One class for all
/// operations, so that the state machine is compiled once, not once per operation.
class exchange : public std::enable_shared_from_this<exchange> {
public:
    explicit exchange(std::shared_ptr<client_state> st) : st_(std::move(st)) {}

    /// The request and settings, filled before `start`.
    exchange_data& data() noexcept { return d_; }

    void start(exchange_completion done) {
        done_ = std::move(done);
        d_.deadline = std::chrono::steady_clock::now() + d_.timeout; // deferred ops start late
        step({});
    }

private:
    auto resume() {
        return [self = shared_from_this()](error_code ec, auto&&...) { self->step(ec); };
    }

    bool deadline_passed() const { return std::chrono::steady_clock::now() >= d_.deadline; }

    void fail(error_code ec, error_code cause, char const* what) {
        if (d_.conn) {
            d_.conn->close();
            d_.conn.reset();
        }
        if (d_.diag) {
            if (d_.diag->client_message.empty())
                d_.diag->client_message = what;
            if (cause != ec)
                d_.diag->underlying = cause;
        }
        finish(ec);
    }

    void finish(error_code ec) {
        auto st = std::move(st_);
        done_(ec, d_);
    }

    void step(error_code ec) {
        namespace http = boost::beast::http;
        namespace asio = boost::asio;
        auto& d = d_;
        BOOST_ASIO_CORO_REENTER(coro_) {
            if (d.build_error) {
                BOOST_ASIO_CORO_YIELD asio::post(st_->ex, [self = shared_from_this()] { self->step({}); });
                return finish(d.build_error);
            }
            for (;;) {
                d.conn = st_->take_idle();
                if (!d.conn) {
                    d.conn = st_->make_connection();
                    if (!st_->endpoints) {
                        d.resolver = std::make_shared<asio::ip::tcp::resolver>(st_->ex);
                        d.resolve_timer = std::make_shared<asio::steady_timer>(st_->ex, d.deadline);
                        d.resolve_timer->async_wait(
                            [r = std::weak_ptr(d.resolver), t = d.resolve_timer](error_code e) {
                                if (!e)
                                    if (auto p = r.lock())
                                        p->cancel();
                            });
                        BOOST_ASIO_CORO_YIELD d.resolver->async_resolve(
                            st_->pc.endpoint.host, st_->pc.endpoint.port,
                            [self = shared_from_this()](error_code e,
                                                        asio::ip::tcp::resolver::results_type r) {
                                if (self->d_.resolve_timer)
                                    self->d_.resolve_timer->cancel();
                                if (!e)
                                    self->st_->endpoints = std::move(r);
                                self->step(e);
                            });
                        if (ec)
                            return fail(classify_io_error(ec, error::resolve_failed, deadline_passed()), ec,
                                        "could not resolve the host name");
                    }
                    d.conn->tcp().expires_at(d.deadline);
                    BOOST_ASIO_CORO_YIELD d.conn->tcp().async_connect(*st_->endpoints, resume());
                    if (ec) {
                        st_->endpoints.reset();
                        return fail(classify_io_error(ec, error::connect_failed, deadline_passed()), ec,
                                    "could not connect");
                    }
                    if (d.conn->tls) {
                        if (st_->cfg.tls.verify) {
                            // also on a user-supplied context, which may default to verify_none
                            d.conn->tls->set_verify_mode(asio::ssl::verify_peer);
                            d.conn->tls->set_verify_callback(
                                asio::ssl::host_name_verification(st_->pc.endpoint.host));
                        }
                        if (!st_->pc.endpoint.host_is_ip &&
                            !SSL_set_tlsext_host_name(d.conn->tls->native_handle(),
                                                      st_->pc.endpoint.host.c_str()))
                            return fail(error::tls_handshake_failed,
                                        error_code(static_cast<int>(::ERR_get_error()),
                                                   asio::error::get_ssl_category()),
                                        "could not set the TLS server name (SNI)");
                        d.conn->tcp().expires_at(d.deadline);
                        BOOST_ASIO_CORO_YIELD d.conn->tls->async_handshake(asio::ssl::stream_base::client,
                                                                           resume());
                        if (ec)
                            return fail(classify_io_error(ec, error::tls_handshake_failed, deadline_passed()),
                                        ec, "the TLS handshake failed");
                    }
                }
                d.conn->tcp().expires_at(d.deadline);
                BOOST_ASIO_CORO_YIELD d.conn->visit([&](auto& s) { http::async_write(s, d.req, resume()); });
                if (ec) {
                    if (d.conn->reused && !d.retried && ec != asio::error::operation_aborted &&
                        ec != boost::beast::error::timeout && !deadline_passed()) {
                        d.retried = true; // the server never got the whole request: safe to send again
                        d.conn->close();
                        continue;
                    }
                    return fail(classify_io_error(ec, error::transport_failed, deadline_passed()), ec,
                                "could not send the request");
                }
                d.parser.emplace();
                d.parser->header_limit(64 * 1024);
                d.parser->body_limit(st_->cfg.max_body_size);
                BOOST_ASIO_CORO_YIELD d.conn->visit(
                    [&](auto& s) { http::async_read(s, d.conn->buffer, *d.parser, resume()); });
                if (ec) {
                    // A reused connection that ends before any byte of the response: the server closed
                    // it while idle, racing our request. A clean close (FIN, no byte read) means it
                    // never took the request, so every operation is sent again once (the policy of
                    // Go's net/http and browsers); after a reset only retry-safe operations are.
                    if (d.conn->reused && !d.retried && !d.parser->got_some() && !deadline_passed() &&
                        (ec == http::error::end_of_stream ||
                         (d.retry_safe && classify_io_error(ec, error::transport_failed, false) ==
                                              error::connection_closed))) {
                        d.retried = true;
                        d.conn->close();
                        continue;
                    }
                    if (d.diag)
                        d.diag->http_status = d.parser->is_header_done() ? d.parser->get().result_int() : 0;
                    return fail(classify_io_error(ec, error::transport_failed, deadline_passed()), ec,
                                "could not read the response");
                }
                break;
            }
            {
                auto& res = d.parser->get();
                // A 1xx/204/304 has no body by definition; if its headers announce one anyway (the
                // documented `204` + `null`), those bytes would poison the next response.
                unsigned const st = res.result_int();
                bool const stray_body =
                    (st / 100 == 1 || st == 204 || st == 304) &&
                    ((res.count(http::field::content_length) && res[http::field::content_length] != "0") ||
                     res.count(http::field::transfer_encoding));
                if (res.keep_alive() && !stray_body) {
                    d.conn->reused = false;
                    st_->put_idle(std::move(d.conn));
                } else {
                    d.conn->close();
                    d.conn.reset();
                }
                d.status = st;
                d.body = std::move(res.body());
                return finish({});
            }
        }
    }

    std::shared_ptr<client_state> st_;
    exchange_data d_;
    exchange_completion done_;
    boost::asio::coroutine coro_;
};

/// The operation-specific part of a call, for `async_compose`: starts the shared exchange and
/// decodes its response into `response_t<Op>`.
template <class Op>
class call_op {
public:
    explicit call_op(std::shared_ptr<exchange> x) : x_(std::move(x)) {}

    template <class Self>
    void operator()(Self& self) {
        auto x = std::move(x_);
        x->start(exchange_completion([self = std::move(self)](error_code ec, exchange_data& d) mutable {
            using R = response_t<Op>;
            if constexpr (std::is_void_v<R>) {
                if (!ec)
                    ec = d.protocol
                             ? d.protocol->decode_response(op_index_v<Op>, d.status, d.body, nullptr, d.diag)
                             : decode_response<void>(d.status, d.body, nullptr, d.diag);
                self.complete(ec);
            } else {
                R r{};
                if (!ec)
                    ec = d.protocol
                             ? d.protocol->decode_response(op_index_v<Op>, d.status, d.body, &r, d.diag)
                             : decode_response(d.status, d.body, &r, d.diag);
                self.complete(ec, ec ? R{} : std::move(r)); // no half-filled results
            }
        }));
    }

private:
    std::shared_ptr<exchange> x_;
};

} // namespace superoffice::erpsync::detail

#endif
