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

#include <boost/asio/append.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/coroutine.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
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
    std::chrono::steady_clock::time_point started;  // when the operation starts
    std::chrono::steady_clock::time_point deadline; // started + timeout
    error_code build_error;
    diagnostics* diag = nullptr;
    std::string_view operation; // the wire name, for the logger
    bool retry_safe = false;
    bool retried = false; // the stale keep-alive replay of this attempt was used
    bool sent = false;    // the request of this attempt was written completely
    unsigned attempt = 0; // 1 for the first
    unsigned status = 0;  // the response, once read
    std::string retry_after;
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

/// The transport of every call: wait for the in-flight gate, then per attempt take a token of the
/// rate limit, take or open a connection (resolve, connect, TLS), write the prepared request, read
/// the response, return the connection to the pool; retry per `retry_policy`. One class for all
/// operations, so that the state machine is compiled once, not once per operation. Runs on its
/// own strand, so that a call is safe on an `io_context` run by several threads and a
/// cancellation can arrive from anywhere.
class exchange : public std::enable_shared_from_this<exchange> {
public:
    explicit exchange(std::shared_ptr<client_state> st)
        : st_(std::move(st)), strand_(boost::asio::make_strand(st_->ex)), timer_(strand_) {}

    /// The request and settings, filled before `start`.
    exchange_data& data() noexcept { return d_; }

    void start(exchange_completion done) {
        done_ = std::move(done);
        d_.started = std::chrono::steady_clock::now(); // deferred operations start late
        d_.deadline = d_.started + d_.timeout;
        // posted: nothing of the call runs, let alone completes, inside the initiating function
        boost::asio::post(strand_, [self = shared_from_this()] { self->step({}); });
    }

    /// Ends the call with `operation_aborted` (from any thread): the connection in use is closed,
    /// waits end, the call leaves the in-flight gate. Posted: never completes inside `emit()`.
    void cancel() {
        boost::asio::post(strand_, [self = shared_from_this()] { self->do_cancel(); });
    }

    /// A call destroyed unfinished (its io_context went away) gives back its place.
    ~exchange() {
        if (finished_ || !st_)
            return;
        if (gate_waiter_ && !st_->limits.cancel(gate_waiter_) && !admitted_)
            in_gate_ = true; // let in meanwhile: the place is ours to give back
        if (in_gate_)
            st_->limits.leave();
    }

private:
    using clock = std::chrono::steady_clock;

    auto resume() {
        return boost::asio::bind_executor(
            strand_, [self = shared_from_this()](error_code ec, auto&&...) { self->step(ec); });
    }

    bool deadline_passed() const { return clock::now() >= d_.deadline; }

    void do_cancel() {
        if (cancelled_ || finished_)
            return;
        cancelled_ = true;
        timer_.cancel(); // also the wait at the gate, which then finds `cancelled_`
        if (d_.resolver)
            d_.resolver->cancel();
        if (d_.conn)
            d_.conn->close(); // the pending read or write completes with an error
    }

    void log(log_level level, std::string_view event, error_code ec, std::string_view message = {},
             clock::duration wait = {}) {
        auto const& lg = st_->cfg.log;
        if (!lg.enabled(level))
            return;
        log_record r;
        r.level = level;
        r.operation = d_.operation;
        r.event = event;
        r.attempt = d_.attempt;
        r.ec = ec;
        r.http_status = d_.status;
        r.latency = clock::now() - d_.started;
        r.wait = wait;
        r.message = message;
        lg.sink(r);
    }

    /// The request line and headers, secrets replaced.
    std::string describe_request() const {
        std::string out(d_.req.method_string());
        out += ' ';
        out += d_.req.target();
        for (auto const& f : d_.req) {
            out += "\n";
            out += f.name_string();
            out += ": ";
            auto n = f.name_string();
            bool const secret = iequals(n, "Authorization") || iequals(n, "SO-AppToken") ||
                                iequals(n, "X-XSRF-TOKEN") || iequals(n, "Cookie");
            out += secret ? std::string_view("[redacted]") : std::string_view(f.value());
        }
        return out;
    }

    /// Closes the connection of a failed attempt.
    void drop_connection() {
        if (d_.conn) {
            d_.conn->close();
            d_.conn.reset();
        }
    }

    void note(error_code cause, char const* what) {
        if (d_.diag) {
            d_.diag->client_message = what;
            d_.diag->underlying = cause;
        }
    }

    /// Whether the failed attempt `ec` (before any answer) may be tried again, and when.
    bool may_retry(error_code ec, clock::duration& wait) {
        auto const& p = st_->cfg.retry;
        if (cancelled_ || d_.attempt >= p.max_attempts || ec == error::timeout || deadline_passed())
            return false;
        bool const nothing_sent =
            ec == error::resolve_failed || ec == error::connect_failed || ec == error::tls_handshake_failed;
        bool const after_send = ec == error::connection_closed || ec == error::transport_failed;
        if (!nothing_sent && !(after_send && (d_.retry_safe || p.retry_unsafe)))
            return false;
        wait = st_->backoff(d_.attempt);
        return clock::now() + wait < d_.deadline;
    }

    /// Whether the answer (429 or 503) may be tried again, and when.
    bool may_retry_status(clock::duration& wait) {
        auto const& p = st_->cfg.retry;
        if ((d_.status != 429 && d_.status != 503) || cancelled_ || d_.attempt >= p.max_attempts ||
            !(d_.retry_safe || p.retry_unsafe))
            return false;
        if (!d_.retry_after.empty()) {
            auto ra = parse_retry_after(d_.retry_after, std::chrono::system_clock::now());
            if (ra && *ra > p.max_retry_after)
                return false; // the server asks for more patience than allowed: give up now
            wait = ra ? clock::duration(*ra) : st_->backoff(d_.attempt);
        } else {
            wait = st_->backoff(d_.attempt);
        }
        return clock::now() + wait < d_.deadline;
    }

    void finish(error_code ec) {
        if (finished_)
            return;
        finished_ = true;
        drop_connection();
        if (d_.diag) {
            d_.diag->attempts = d_.attempt;
            if (ec && ec != d_.build_error && d_.diag->http_status == 0)
                d_.diag->http_status = d_.status;
        }
        if (in_gate_) {
            in_gate_ = false;
            st_->limits.leave();
        }
        if (ec)
            log(log_level::error, "failed", ec);
        else
            log(log_level::info, "completed", ec);
        auto st = std::move(st_);
        auto done = std::move(done_);
        done(ec, d_);
    }

    void step(error_code ec) {
        namespace http = boost::beast::http;
        namespace asio = boost::asio;
        auto& d = d_;
        if (finished_)
            return;
        BOOST_ASIO_CORO_REENTER(coro_) {
            if (d.build_error) {
                BOOST_ASIO_CORO_YIELD asio::post(strand_, [self = shared_from_this()] { self->step({}); });
                return finish(d.build_error);
            }
            // The in-flight gate. A waiting call waits on its timer (until its deadline), so that
            // it stays a pending operation of its io_context; `go` (posted, holding no reference)
            // marks it admitted and wakes it. A call that gives up takes its waiter out of the
            // queue; if it was let in meanwhile, it gives the place back.
            gate_waiter_ = std::make_shared<limiter::waiter>();
            gate_waiter_->go = [w = weak_from_this(), strand = strand_] {
                asio::post(strand, [w] {
                    if (auto self = w.lock()) {
                        self->admitted_ = true;
                        self->timer_.cancel();
                    }
                });
            };
            if (st_->limits.enter(gate_waiter_)) {
                admitted_ = true;
            } else {
                while (!admitted_ && !cancelled_ && !deadline_passed()) {
                    timer_.expires_at(d.deadline);
                    BOOST_ASIO_CORO_YIELD timer_.async_wait(resume());
                }
                if (!admitted_) {
                    if (!st_->limits.cancel(gate_waiter_))
                        in_gate_ = true; // let in just now: give the place back in finish
                    gate_waiter_.reset();
                    if (cancelled_)
                        return finish(asio::error::operation_aborted);
                    note({},
                         "no place among the calls in flight (rate_limit::max_in_flight) before the timeout");
                    return finish(error::timeout);
                }
            }
            gate_waiter_.reset();
            in_gate_ = true;
            if (cancelled_)
                return finish(asio::error::operation_aborted);

            for (;;) { // attempts
                ++d.attempt;
                d.retried = false;
                d.status = 0;
                d.retry_after.clear();
                // The rate limit: one token per request sent.
                if (auto w = st_->limits.reserve(clock::now(), d.deadline - clock::now()))
                    wait_ = *w;
                else { // no token taken
                    if (d.attempt > 1 && attempt_ec_)
                        return finish(attempt_ec_); // the last failure, as for a retry wait
                    note({}, "the rate limit would delay the request past the call's timeout");
                    return finish(error::timeout);
                }
                if (wait_ > clock::duration::zero()) {
                    timer_.expires_after(wait_);
                    BOOST_ASIO_CORO_YIELD timer_.async_wait(resume());
                    if (cancelled_)
                        return finish(asio::error::operation_aborted);
                }
                if (st_->cfg.log.enabled(log_level::debug))
                    log(log_level::debug, "attempt", {}, describe_request());

                for (;;) { // one attempt: a stale keep-alive connection is replaced once
                    d.sent = false;
                    // A reused connection was made on another call's strand; our handlers are
                    // bound to ours, so its completions run here.
                    d.conn = st_->take_idle();
                    if (!d.conn) {
                        d.conn = st_->make_connection(strand_);
                        if (!st_->load_endpoints(endpoints_)) {
                            d.resolver = std::make_shared<asio::ip::tcp::resolver>(strand_);
                            d.resolve_timer = std::make_shared<asio::steady_timer>(strand_, d.deadline);
                            d.resolve_timer->async_wait(asio::bind_executor(
                                strand_, [r = std::weak_ptr(d.resolver), t = d.resolve_timer](error_code e) {
                                    if (!e)
                                        if (auto p = r.lock())
                                            p->cancel();
                                }));
                            BOOST_ASIO_CORO_YIELD d.resolver->async_resolve(
                                st_->pc.endpoint.host, st_->pc.endpoint.port,
                                asio::bind_executor(
                                    strand_, [self = shared_from_this()](
                                                 error_code e, asio::ip::tcp::resolver::results_type r) {
                                        if (self->d_.resolve_timer)
                                            self->d_.resolve_timer->cancel();
                                        if (!e) {
                                            self->st_->set_endpoints(r);
                                            self->endpoints_ = std::move(r);
                                        }
                                        self->step(e);
                                    }));
                            d.resolver.reset();
                            if (ec) {
                                attempt_ec_ = classify_io_error(ec, error::resolve_failed, deadline_passed());
                                note(ec, "could not resolve the host name");
                                goto attempt_failed;
                            }
                        }
                        d.conn->tcp().expires_at(d.deadline);
                        BOOST_ASIO_CORO_YIELD d.conn->tcp().async_connect(endpoints_, resume());
                        if (ec) {
                            st_->set_endpoints(std::nullopt);
                            attempt_ec_ = classify_io_error(ec, error::connect_failed, deadline_passed());
                            note(ec, "could not connect");
                            goto attempt_failed;
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
                                                          st_->pc.endpoint.host.c_str())) {
                                note(error_code(static_cast<int>(::ERR_get_error()),
                                                asio::error::get_ssl_category()),
                                     "could not set the TLS server name (SNI)");
                                return finish(error::tls_handshake_failed);
                            }
                            d.conn->tcp().expires_at(d.deadline);
                            BOOST_ASIO_CORO_YIELD d.conn->tls->async_handshake(asio::ssl::stream_base::client,
                                                                               resume());
                            if (ec) {
                                attempt_ec_ =
                                    classify_io_error(ec, error::tls_handshake_failed, deadline_passed());
                                note(ec, "the TLS handshake failed");
                                goto attempt_failed;
                            }
                        }
                    }
                    d.conn->tcp().expires_at(d.deadline);
                    BOOST_ASIO_CORO_YIELD d.conn->visit(
                        [&](auto& s) { http::async_write(s, d.req, resume()); });
                    if (ec) {
                        if (d.conn->reused && !d.retried && !cancelled_ &&
                            ec != asio::error::operation_aborted && ec != boost::beast::error::timeout &&
                            !deadline_passed()) {
                            d.retried = true; // the server never got the whole request: safe to send again
                            drop_connection();
                            continue;
                        }
                        attempt_ec_ = classify_io_error(ec, error::transport_failed, deadline_passed());
                        note(ec, "could not send the request");
                        goto attempt_failed;
                    }
                    d.sent = true;
                    d.parser.emplace();
                    d.parser->header_limit(64 * 1024);
                    d.parser->body_limit(st_->cfg.max_body_size);
                    BOOST_ASIO_CORO_YIELD d.conn->visit(
                        [&](auto& s) { http::async_read(s, d.conn->buffer, *d.parser, resume()); });
                    if (ec) {
                        // A reused connection that ends before any byte of the response: the server
                        // closed it while idle, racing our request. A clean close (FIN, no byte read)
                        // means it never took the request, so every operation is sent again once (the
                        // policy of Go's net/http and browsers); after a reset only retry-safe ones are.
                        if (d.conn->reused && !d.retried && !cancelled_ && !d.parser->got_some() &&
                            !deadline_passed() &&
                            (ec == http::error::end_of_stream ||
                             (d.retry_safe && classify_io_error(ec, error::transport_failed, false) ==
                                                  error::connection_closed))) {
                            d.retried = true;
                            drop_connection();
                            continue;
                        }
                        d.status = d.parser->is_header_done() ? d.parser->get().result_int() : 0;
                        attempt_ec_ = classify_io_error(ec, error::transport_failed, deadline_passed());
                        note(ec, "could not read the response");
                        goto attempt_failed;
                    }
                    break;
                }
                {
                    auto& res = d.parser->get();
                    // A 1xx/204/304 has no body by definition; if its headers announce one anyway
                    // (the documented `204` + `null`), those bytes would poison the next response.
                    unsigned const st = res.result_int();
                    bool const stray_body = (st / 100 == 1 || st == 204 || st == 304) &&
                                            ((res.count(http::field::content_length) &&
                                              res[http::field::content_length] != "0") ||
                                             res.count(http::field::transfer_encoding));
                    d.status = st;
                    d.retry_after = std::string(res[http::field::retry_after]);
                    d.body = std::move(res.body());
                    if (res.keep_alive() && !stray_body) {
                        d.conn->reused = false;
                        st_->put_idle(std::move(d.conn));
                    } else {
                        drop_connection();
                    }
                }
                if (may_retry_status(wait_)) {
                    attempt_ec_ =
                        d.status == 429 ? error::http_too_many_requests : error::http_service_unavailable;
                    log(log_level::warning, "retry",
                        d.status == 429 ? error::http_too_many_requests : error::http_service_unavailable,
                        d.retry_after.empty() ? "no Retry-After" : "Retry-After honoured", wait_);
                    goto wait_and_retry;
                }
                return finish({});

            attempt_failed:
                drop_connection();
                if (cancelled_)
                    return finish(asio::error::operation_aborted);
                if (!may_retry(attempt_ec_, wait_)) {
                    if (d.diag)
                        d.diag->http_status = d.status;
                    return finish(attempt_ec_);
                }
                log(log_level::warning, "retry", attempt_ec_,
                    d.diag ? d.diag->client_message : std::string_view{}, wait_);

            wait_and_retry:
                if (d.diag) { // the next attempt starts afresh
                    d.diag->client_message.clear();
                    d.diag->underlying = {};
                }
                timer_.expires_after(wait_);
                BOOST_ASIO_CORO_YIELD timer_.async_wait(resume());
                if (cancelled_)
                    return finish(asio::error::operation_aborted);
            }
        }
    }

    std::shared_ptr<client_state> st_;
    boost::asio::strand<boost::asio::any_io_executor> strand_;
    boost::asio::steady_timer timer_; // rate-limit and retry waits
    boost::asio::ip::tcp::resolver::results_type endpoints_;
    std::shared_ptr<limiter::waiter> gate_waiter_;
    exchange_data d_;
    exchange_completion done_;
    boost::asio::coroutine coro_;
    error_code attempt_ec_;
    clock::duration wait_{};
    bool in_gate_ = false;
    bool admitted_ = false;
    bool cancelled_ = false;
    bool finished_ = false;
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
        // Terminal and total cancellation end the call (operation_aborted); partial is not
        // supported (the request may already be with the server).
        self.reset_cancellation_state(boost::asio::enable_total_cancellation());
        auto slot = self.get_cancellation_state().slot();
        if (slot.is_connected())
            slot.assign([w = std::weak_ptr<exchange>(x)](boost::asio::cancellation_type t) {
                if ((t & (boost::asio::cancellation_type::terminal |
                          boost::asio::cancellation_type::total)) != boost::asio::cancellation_type::none)
                    if (auto p = w.lock())
                        p->cancel();
            });
        x->start(exchange_completion([self = std::move(self)](error_code ec, exchange_data& d) mutable {
            using R = response_t<Op>;
            // Completed through the handler's associated executor (a user strand, a coroutine's
            // executor), never on the call's internal strand: `self` is invoked again below.
            if constexpr (std::is_void_v<R>) {
                if (!ec)
                    ec = d.protocol
                             ? d.protocol->decode_response(op_index_v<Op>, d.status, d.body, nullptr, d.diag)
                             : decode_response<void>(d.status, d.body, nullptr, d.diag);
                boost::asio::dispatch(boost::asio::append(std::move(self), ec));
            } else {
                R r{};
                if (!ec)
                    ec = d.protocol
                             ? d.protocol->decode_response(op_index_v<Op>, d.status, d.body, &r, d.diag)
                             : decode_response(d.status, d.body, &r, d.diag);
                if (ec)
                    r = R{}; // no half-filled results
                boost::asio::dispatch(boost::asio::append(std::move(self), ec, std::move(r)));
            }
        }));
    }

    /// The completion, now on the handler's executor.
    template <class Self, class... R>
    void operator()(Self& self, error_code ec, R&&... r) {
        self.complete(ec, std::forward<R>(r)...);
    }

private:
    std::shared_ptr<exchange> x_;
};

} // namespace superoffice::erpsync::detail

#endif
