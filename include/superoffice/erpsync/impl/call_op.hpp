//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_CALL_OP_HPP
#define SO_ERPSYNC_IMPL_CALL_OP_HPP

// The composed operation behind every call: take or open a connection (resolve, connect, TLS),
// write the prepared request, read the response, return the connection to the pool, decode.
// A reused keep-alive connection that fails before any response byte arrives is replaced once,
// transparently: for every operation when the write failed or the server closed the connection
// cleanly without answering; after a reset, for retry-safe operations only.

#include <superoffice/erpsync/detail/connection.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>

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

template <class Op>
struct call_data {
    using R = response_t<Op>;
    http_request req;
    std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser;
    std::unique_ptr<connection> conn;
    std::shared_ptr<boost::asio::ip::tcp::resolver> resolver;
    std::shared_ptr<boost::asio::steady_timer> resolve_timer;
    std::chrono::steady_clock::duration timeout{};
    std::chrono::steady_clock::time_point deadline; // set when the operation starts
    error_code build_error;
    diagnostics* diag = nullptr;
    bool retried = false;
    std::conditional_t<std::is_void_v<R>, char, R> result{};
};

template <class Op>
class call_op {
public:
    call_op(std::shared_ptr<client_state> st, std::unique_ptr<call_data<Op>> d)
        : st_(std::move(st)), d_(std::move(d)) {}

    template <class Self>
    void operator()(Self& self, error_code ec = {}, std::size_t = 0) {
        step(self, ec);
    }
    template <class Self>
    void operator()(Self& self, error_code ec, boost::asio::ip::tcp::resolver::results_type r) {
        if (d_->resolve_timer)
            d_->resolve_timer->cancel();
        if (!ec)
            st_->endpoints = std::move(r);
        step(self, ec);
    }
    template <class Self>
    void operator()(Self& self, error_code ec, boost::asio::ip::tcp::endpoint) {
        step(self, ec);
    }

private:
    bool deadline_passed() const { return std::chrono::steady_clock::now() >= d_->deadline; }

    template <class Self>
    void fail(Self& self, error_code ec, error_code cause, char const* what) {
        if (d_->conn) {
            d_->conn->close();
            d_->conn.reset();
        }
        if (d_->diag) {
            if (d_->diag->client_message.empty())
                d_->diag->client_message = what;
            if (cause != ec)
                d_->diag->underlying = cause;
        }
        finish(self, ec);
    }

    template <class Self>
    void finish(Self& self, error_code ec) {
        auto d = std::move(d_);
        auto st = std::move(st_);
        if constexpr (std::is_void_v<response_t<Op>>)
            self.complete(ec);
        else
            self.complete(ec, ec ? response_t<Op>{} : std::move(d->result)); // no half-filled results
    }

    template <class Self>
    void step(Self& self, error_code ec) {
        namespace http = boost::beast::http;
        namespace asio = boost::asio;
        auto& d = *d_;
        BOOST_ASIO_CORO_REENTER(coro_) {
            d.deadline = std::chrono::steady_clock::now() + d.timeout; // deferred ops start late

            if (d.build_error) {
                BOOST_ASIO_CORO_YIELD asio::post(st_->ex, std::move(self));
                return finish(self, d.build_error);
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
                            st_->pc.endpoint.host, st_->pc.endpoint.port, std::move(self));
                        if (ec)
                            return fail(self, classify_io_error(ec, error::resolve_failed, deadline_passed()),
                                        ec, "could not resolve the host name");
                    }
                    d.conn->tcp().expires_at(d.deadline);
                    BOOST_ASIO_CORO_YIELD d.conn->tcp().async_connect(*st_->endpoints, std::move(self));
                    if (ec) {
                        st_->endpoints.reset();
                        return fail(self, classify_io_error(ec, error::connect_failed, deadline_passed()), ec,
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
                            return fail(self, error::tls_handshake_failed,
                                        error_code(static_cast<int>(::ERR_get_error()),
                                                   asio::error::get_ssl_category()),
                                        "could not set the TLS server name (SNI)");
                        d.conn->tcp().expires_at(d.deadline);
                        BOOST_ASIO_CORO_YIELD d.conn->tls->async_handshake(asio::ssl::stream_base::client,
                                                                           std::move(self));
                        if (ec)
                            return fail(self,
                                        classify_io_error(ec, error::tls_handshake_failed, deadline_passed()),
                                        ec, "the TLS handshake failed");
                    }
                }
                d.conn->tcp().expires_at(d.deadline);
                BOOST_ASIO_CORO_YIELD d.conn->visit(
                    [&](auto& s) { http::async_write(s, d.req, std::move(self)); });
                if (ec) {
                    if (d.conn->reused && !d.retried && ec != asio::error::operation_aborted &&
                        ec != boost::beast::error::timeout && !deadline_passed()) {
                        d.retried = true; // the server never got the whole request: safe to send again
                        d.conn->close();
                        continue;
                    }
                    return fail(self, classify_io_error(ec, error::transport_failed, deadline_passed()), ec,
                                "could not send the request");
                }
                d.parser.emplace();
                d.parser->header_limit(64 * 1024);
                d.parser->body_limit(st_->cfg.max_body_size);
                BOOST_ASIO_CORO_YIELD d.conn->visit(
                    [&](auto& s) { http::async_read(s, d.conn->buffer, *d.parser, std::move(self)); });
                if (ec) {
                    // A reused connection that ends before any byte of the response: the server closed
                    // it while idle, racing our request. A clean close (FIN, no byte read) means it
                    // never took the request, so every operation is sent again once (the policy of
                    // Go's net/http and browsers); after a reset only retry-safe operations are.
                    if (d.conn->reused && !d.retried && !d.parser->got_some() && !deadline_passed() &&
                        (ec == http::error::end_of_stream ||
                         (Op::retry_safe && classify_io_error(ec, error::transport_failed, false) ==
                                                error::connection_closed))) {
                        d.retried = true;
                        d.conn->close();
                        continue;
                    }
                    if (d.diag)
                        d.diag->http_status = d.parser->is_header_done() ? d.parser->get().result_int() : 0;
                    return fail(self, classify_io_error(ec, error::transport_failed, deadline_passed()), ec,
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
                error_code dec;
                if constexpr (std::is_void_v<response_t<Op>>)
                    dec = decode_response<void>(res.result_int(), res.body(), nullptr, d.diag);
                else
                    dec = decode_response(res.result_int(), res.body(), &d.result, d.diag);
                return finish(self, dec);
            }
        }
    }

    std::shared_ptr<client_state> st_;
    std::unique_ptr<call_data<Op>> d_;
    boost::asio::coroutine coro_;
};

} // namespace superoffice::erpsync::detail

#endif
