//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_EXCHANGE_IPP
#define SO_ERPSYNC_IMPL_EXCHANGE_IPP

// The transport state machine of every call (`detail::exchange`), out of line: included by
// `call_op.hpp` in header-only builds, compiled once by `superoffice/erpsync/src.hpp` when
// SO_ERPSYNC_SEPARATE_COMPILATION is defined.

#include <superoffice/erpsync/impl/call_op.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>

namespace superoffice::erpsync::detail {

SO_ERPSYNC_DECL void exchange::start(exchange_completion done) {
    done_ = std::move(done);
    d_.started = std::chrono::steady_clock::now(); // deferred operations start late
    d_.deadline = d_.started + d_.timeout;
    // Dispatched: on a free strand the call starts at once (saving a trip through the scheduler
    // per call); whatever would complete it before its first asynchronous step is posted (see
    // `finish`), so the handler never runs inside the initiating function.
    boost::asio::dispatch(strand_, [self = shared_from_this()] {
        self->starting_ = true;
        self->step({});
        self->starting_ = false;
    });
}

SO_ERPSYNC_DECL void exchange::arm_deadline() {
    if (deadline_armed_)
        return;
    deadline_armed_ = true;
    deadline_timer_.expires_at(d_.deadline);
    deadline_timer_.async_wait(boost::asio::bind_executor(strand_, [self = shared_from_this()](error_code e) {
        if (e || self->finished_)
            return; // cancelled by `finish`
        // The pending step completes with an error, which `io_error` reports as the timeout.
        self->timed_out_ = true;
        if (self->d_.resolver)
            self->d_.resolver->cancel();
        if (self->d_.conn)
            self->d_.conn->close();
    }));
}

SO_ERPSYNC_DECL void exchange::cancel() {
    boost::asio::post(strand_, [self = shared_from_this()] { self->do_cancel(); });
}

SO_ERPSYNC_DECL void exchange::do_cancel() {
    if (cancelled_ || finished_)
        return;
    cancelled_ = true;
    if (timer_)
        timer_->cancel(); // also the wait at the gate, which then finds `cancelled_`
    if (d_.resolver)
        d_.resolver->cancel();
    if (d_.conn)
        d_.conn->close(); // the pending read or write completes with an error
}

SO_ERPSYNC_DECL std::string exchange::describe_request() const {
    std::string out(d_.req.method_string());
    out += ' ';
    out += d_.req.target();
    d_.req.for_each_header([&](std::string_view n, std::string_view v) {
        out += "\n";
        out += n;
        out += ": ";
        bool const secret = iequals(n, "Authorization") || iequals(n, "SO-AppToken") ||
                            iequals(n, "X-XSRF-TOKEN") || iequals(n, "Cookie");
        out += secret ? std::string_view("[redacted]") : v;
    });
    return out;
}

SO_ERPSYNC_DECL void exchange::make_gate_waiter() {
    gate_waiter_ = std::make_shared<limiter::waiter>();
    gate_waiter_->go = [w = weak_from_this(), strand = strand_] {
        boost::asio::post(strand, [w] {
            if (auto self = w.lock()) {
                self->admitted_ = true;
                if (self->timer_)
                    self->timer_->cancel();
            }
        });
    };
}

SO_ERPSYNC_DECL void exchange::drop_connection() {
    if (d_.conn) {
        d_.conn->close();
        d_.conn.reset();
    }
}

SO_ERPSYNC_DECL void exchange::note(error_code cause, char const* what) {
    if (d_.diag) {
        d_.diag->client_message = what;
        d_.diag->underlying = cause;
    }
}

SO_ERPSYNC_DECL bool exchange::may_retry(error_code ec, clock::duration& wait) {
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

SO_ERPSYNC_DECL bool exchange::may_retry_status(clock::duration& wait) {
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

SO_ERPSYNC_DECL void exchange::finish(error_code ec) {
    if (finished_)
        return;
    if (starting_) { // still inside the initiating function: complete from the strand instead
        boost::asio::post(strand_, [self = shared_from_this(), ec] { self->finish(ec); });
        return;
    }
    finished_ = true;
    if (deadline_armed_ && !timed_out_)
        deadline_timer_.cancel();
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
    done(ec, d_); // decodes the body, then hands the result to the caller's executor
    // the strings go back to the client for the next call, capacity and all
    d_.req.swap_storage(buffers_.head, buffers_.body);
    d_.body.swap(buffers_.response);
    st->give_buffers(std::move(buffers_));
}

SO_ERPSYNC_DECL bool exchange::parse_buffered(error_code& ec) {
    auto& b = d_.conn->buffer;
    while (b.size() != 0) {
        auto const used = d_.parser->put(b.data(), ec);
        b.consume(used);
        if (ec == boost::beast::http::error::need_more) {
            ec = {};
            return false;
        }
        if (ec || d_.parser->is_done())
            return true;
        if (used == 0)
            return false; // nothing parsed without an error: more bytes are needed
    }
    return false;
}

SO_ERPSYNC_DECL void exchange::read_some() {
    read_bytes_ = 0;
    auto const buf = d_.conn->buffer.prepare(boost::beast::read_size(d_.conn->buffer, 65536));
    d_.conn->visit([&](auto& s) {
        s.async_read_some(buf, boost::asio::bind_executor(
                                   strand_, [self = shared_from_this()](error_code e, std::size_t n) {
                                       self->read_bytes_ = n;
                                       self->step(e);
                                   }));
    });
}

SO_ERPSYNC_DECL void exchange::step(error_code ec) {
    namespace http = boost::beast::http;
    namespace asio = boost::asio;
    auto& d = d_;
    if (finished_)
        return;
    BOOST_ASIO_CORO_REENTER(coro_) {
        if (d.build_error)
            return finish(d.build_error);
        // The in-flight gate. A waiting call waits on its timer (until its deadline), so that
        // it stays a pending operation of its io_context; `go` (posted, holding no reference)
        // marks it admitted and wakes it. A call that gives up takes its waiter out of the
        // queue; if it was let in meanwhile, it gives the place back.
        // (No waiter is made when there is room: the common case allocates nothing.)
        if (st_->limits.try_enter()) {
            admitted_ = true;
        } else if (make_gate_waiter(), st_->limits.enter(gate_waiter_)) {
            admitted_ = true;
        } else {
            while (!admitted_ && !cancelled_ && !deadline_passed()) {
                wait_timer().expires_at(d.deadline);
                BOOST_ASIO_CORO_YIELD timer_->async_wait(resume());
            }
            if (!admitted_) {
                if (!st_->limits.cancel(gate_waiter_))
                    in_gate_ = true; // let in just now: give the place back in finish
                gate_waiter_.reset();
                if (cancelled_)
                    return finish(asio::error::operation_aborted);
                note({}, "no place among the calls in flight (rate_limit::max_in_flight) before the timeout");
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
                wait_timer().expires_after(wait_);
                BOOST_ASIO_CORO_YIELD timer_->async_wait(resume());
                if (cancelled_)
                    return finish(asio::error::operation_aborted);
            }
            if (st_->cfg.log.enabled(log_level::debug))
                log(log_level::debug, "attempt", {}, describe_request());
            arm_deadline();

            for (;;) { // one attempt: a stale keep-alive connection is replaced once
                d.sent = false;
                if (deadline_passed()) {
                    attempt_ec_ = error::timeout;
                    note({}, "the call's timeout passed before the request was sent");
                    goto attempt_failed;
                }
                // A reused connection was made on another call's strand; our handlers are
                // bound to ours, so its completions run here.
                d.conn = st_->take_idle();
                if (!d.conn) {
                    d.conn = st_->make_connection(strand_);
                    if (!st_->load_endpoints(endpoints_)) {
                        // the deadline timer cancels the lookup
                        d.resolver = std::make_shared<asio::ip::tcp::resolver>(strand_);
                        BOOST_ASIO_CORO_YIELD d.resolver->async_resolve(
                            st_->pc.endpoint.host, st_->pc.endpoint.port,
                            asio::bind_executor(strand_,
                                                [self = shared_from_this()](
                                                    error_code e, asio::ip::tcp::resolver::results_type r) {
                                                    if (!e) {
                                                        self->st_->set_endpoints(r);
                                                        self->endpoints_ = std::move(r);
                                                    }
                                                    self->step(e);
                                                }));
                        d.resolver.reset();
                        if (ec) {
                            attempt_ec_ = io_error(ec, error::resolve_failed);
                            note(ec, "could not resolve the host name");
                            goto attempt_failed;
                        }
                    }
                    BOOST_ASIO_CORO_YIELD asio::async_connect(d.conn->socket(), endpoints_, resume());
                    if (ec) {
                        st_->set_endpoints(std::nullopt);
                        attempt_ec_ = io_error(ec, error::connect_failed);
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
                        BOOST_ASIO_CORO_YIELD d.conn->tls->async_handshake(asio::ssl::stream_base::client,
                                                                           resume());
                        if (ec) {
                            attempt_ec_ = io_error(ec, error::tls_handshake_failed);
                            note(ec, "the TLS handshake failed");
                            goto attempt_failed;
                        }
                    } else {
                        // a plain connection is written without waiting first (below)
                        error_code ignored;
                        d.conn->plain->non_blocking(true, ignored);
                    }
                }
                // A plain connection takes the request at once when the socket buffer has room
                // (the common case): no trip through the scheduler; the rest, if any, is waited for.
                ec = {};
                written_ = d.conn->plain && d.conn->plain->non_blocking()
                               ? d.conn->write_now(d.req.buffers(), ec)
                               : 0;
                if (ec == asio::error::would_block || ec == asio::error::try_again)
                    ec = {};
                if (!ec && written_ < asio::buffer_size(d.req.buffers())) {
                    BOOST_ASIO_CORO_YIELD d.conn->visit([&](auto& s) {
                        auto rest = d.req.buffers();
                        std::size_t skip = written_;
                        for (auto& b : rest) {
                            std::size_t const n = (std::min)(skip, b.size());
                            b += n;
                            skip -= n;
                        }
                        asio::async_write(s, rest, resume());
                    });
                }
                if (ec) {
                    if (d.conn->reused && !d.retried && !cancelled_ && ec != asio::error::operation_aborted &&
                        !deadline_passed()) {
                        d.retried = true; // the server never got the whole request: safe to send again
                        drop_connection();
                        continue;
                    }
                    attempt_ec_ = io_error(ec, error::transport_failed);
                    note(ec, "could not send the request");
                    goto attempt_failed;
                }
                d.sent = true;
                d.parser.emplace(d.body, d.retry_after);
                d.parser->header_limit(64 * 1024);
                d.parser->body_limit(st_->cfg.max_body_size);
                d.parser->eager(true); // the body is parsed with the header when it came with it
                // The response, read and parsed here rather than by `http::async_read`: the same
                // rules (Beast's parser, its end-of-stream handling) without two layers of
                // composed operations around every read.
                ec = {};
                while (!parse_buffered(ec)) {
                    BOOST_ASIO_CORO_YIELD read_some();
                    d.conn->buffer.commit(read_bytes_);
                    if (timed_out_) {
                        // the deadline closed the connection; on an io_context run by several
                        // threads the read may still report the end of the stream, which must not
                        // end a body delimited by it
                        ec = asio::error::operation_aborted;
                        break;
                    }
                    if (ec == asio::error::eof) {
                        if (d.parser->got_some()) { // a body delimited by the end of the stream
                            ec = {};
                            d.parser->put_eof(ec);
                        } else {
                            ec = http::error::end_of_stream;
                        }
                        break;
                    }
                    if (ec)
                        break;
                }
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
                    d.status = d.parser->is_header_done() ? d.parser->status() : 0;
                    attempt_ec_ = io_error(ec, error::transport_failed);
                    note(ec, "could not read the response");
                    goto attempt_failed;
                }
                break;
            }
            {
                // A 1xx/204/304 has no body by definition; if its headers announce one anyway
                // (the documented `204` + `null`), those bytes would poison the next response.
                unsigned const st = d.parser->status();
                bool const stray_body =
                    (st / 100 == 1 || st == 204 || st == 304) && d.parser->announces_body();
                d.status = st;
                if (d.parser->keep_alive() && !stray_body && !timed_out_) {
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
            wait_timer().expires_after(wait_);
            BOOST_ASIO_CORO_YIELD timer_->async_wait(resume());
            if (cancelled_)
                return finish(asio::error::operation_aborted);
        }
    }
}

} // namespace superoffice::erpsync::detail

#endif
