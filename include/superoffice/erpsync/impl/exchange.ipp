//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_EXCHANGE_IPP
#define SO_ERPSYNC_IMPL_EXCHANGE_IPP

// The executor of every call's actions (`detail::exchange`), out of line: included by
// `detail/exchange.hpp` in header-only builds, compiled once by `superoffice/erpsync/src.hpp` when
// SO_ERPSYNC_SEPARATE_COMPILATION is defined. No decision here: `call_fsm` makes them all.

#include <superoffice/erpsync/detail/exchange.hpp>
#include <superoffice/erpsync/detail/read_size.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace superoffice::erpsync::detail {

SO_ERPSYNC_DECL void exchange::start(exchange_completion done) {
    done_ = std::move(done);
    d_.started = std::chrono::steady_clock::now(); // deferred operations start late
    d_.deadline = d_.started + d_.timeout;
    call_fsm::setup s;
    s.policy = &st_->cfg.retry;
    s.limits = &st_->limits;
    s.env.backoff = [](void* ctx, unsigned attempt) {
        return static_cast<client_state*>(ctx)->backoff(attempt);
    };
    s.env.wall_clock = [](void*) { return std::chrono::system_clock::now(); };
    s.env.ctx = st_.get();
    s.retry_safe = d_.retry_safe;
    s.tls = st_->pc.endpoint.tls;
    s.proxy = st_->pc.proxy.enabled;
    s.deadline = d_.deadline;
    s.build_error = d_.build_error;
    fsm_.start(s);
    // Dispatched: on a free strand the call starts at once (saving a trip through the scheduler
    // per call); whatever would complete it before its first asynchronous step is posted (see
    // `finish`), so the handler never runs inside the initiating function.
    boost::asio::dispatch(strand_, [self = shared_from_this()] {
        self->starting_ = true;
        self->run({});
        self->starting_ = false;
    });
}

SO_ERPSYNC_DECL void exchange::arm_deadline() {
    if (deadline_armed_)
        return;
    deadline_armed_ = true;
    deadline_.deadline = d_.deadline;
    deadline_.owner = weak_from_this();
    deadline_.expire = [](std::shared_ptr<void> const& owner) {
        auto self = std::static_pointer_cast<exchange>(owner);
        auto& x = *self;
        boost::asio::post(x.strand_, [self = std::move(self)] { self->deadline_passed(); });
    };
    st_->deadlines->add(deadline_);
}

SO_ERPSYNC_DECL void exchange::deadline_passed() {
    if (finished_)
        return;
    // The pending step completes with an error, which the state machine reports as the timeout
    // (it learns of the expiry from the next event).
    timed_out_ = true;
    if (d_.resolver)
        d_.resolver->cancel();
    if (d_.conn)
        d_.conn->close();
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
                            iequals(n, "X-XSRF-TOKEN") || iequals(n, "Cookie") ||
                            iequals(n, "Proxy-Authorization");
        out += secret ? std::string_view("[redacted]") : v;
    });
    return out;
}

SO_ERPSYNC_DECL bool exchange::enter_gate() {
    // No waiter is made when there is room: the common case allocates nothing.
    if (st_->limits.try_enter()) {
        in_gate_ = true;
        return true;
    }
    // A queued call waits on its timer (`wait_gate`), so that it stays a pending operation of its
    // io_context; `go` (posted, holding no reference) marks it admitted and wakes it. A call that
    // ends while queued takes its waiter out of the queue in `finish`.
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
    if (st_->limits.enter(gate_waiter_)) {
        gate_waiter_.reset();
        in_gate_ = true;
        return true;
    }
    return false;
}

SO_ERPSYNC_DECL void exchange::drop_connection() {
    if (d_.conn) {
        d_.conn->close();
        d_.conn.reset();
    }
}

SO_ERPSYNC_DECL bool exchange::resolve() {
    namespace asio = boost::asio;
    if (st_->load_endpoints(endpoints_))
        return false;
    // the host connected to: the proxy's when calls go through one (the cache holds its endpoints)
    auto const& pc = st_->pc;
    // the deadline timer cancels the lookup
    d_.resolver = std::make_shared<asio::ip::tcp::resolver>(strand_);
    d_.resolver->async_resolve(
        pc.proxy.enabled ? pc.proxy.host : pc.endpoint.host,
        pc.proxy.enabled ? pc.proxy.port : pc.endpoint.port,
        asio::bind_executor(
            strand_, [self = shared_from_this()](error_code e, asio::ip::tcp::resolver::results_type r) {
                self->d_.resolver.reset();
                if (!e) {
                    self->st_->set_endpoints(r);
                    self->endpoints_ = std::move(r);
                }
                call_event next;
                next.ec = e;
                self->run(next);
            }));
    return true;
}

SO_ERPSYNC_DECL void exchange::proxy_connect() {
    namespace asio = boost::asio;
    auto const& route = st_->pc.proxy;
    if (st_->cfg.log.enabled(log_level::debug)) {
        // the request line only: the head holds the proxy's credentials
        auto const line = std::string_view(route.connect_request).substr(0, route.connect_request.find('\r'));
        log(log_level::debug, "proxy_connect", {}, std::string(line) + " via " + route.authority);
    }
    proxy_reply_ = std::make_unique<boost::beast::http::response_parser<boost::beast::http::empty_body>>();
    proxy_reply_->header_limit(static_cast<std::uint32_t>(max_proxy_reply_head));
    proxy_reply_->skip(true); // a reply to CONNECT has no body: the tunnel follows its head
    // the raw socket, also under a TLS stream: the handshake runs through the tunnel afterwards
    asio::async_write(d_.conn->socket(), asio::buffer(route.connect_request),
                      asio::bind_executor(strand_, [self = shared_from_this()](error_code e, std::size_t) {
                          if (!e)
                              return self->read_proxy_reply();
                          self->proxy_reply_.reset();
                          call_event ev;
                          ev.ec = e;
                          self->run(ev);
                      }));
}

SO_ERPSYNC_DECL void exchange::parse_proxy_reply(error_code& ec) {
    auto& b = d_.conn->buffer;
    while (b.size() != 0 && !proxy_reply_->is_done()) {
        auto const used = proxy_reply_->put(b.data(), ec);
        b.consume(used);
        if (ec == boost::beast::http::error::need_more) {
            ec = {};
            return;
        }
        if (ec || used == 0)
            return;
    }
}

SO_ERPSYNC_DECL void exchange::read_proxy_reply() {
    auto& b = d_.conn->buffer;
    // at most one head's worth at a time: the parser refuses a longer head
    auto const buf = b.prepare(max_proxy_reply_head);
    d_.conn->socket().async_read_some(
        buf, boost::asio::bind_executor(strand_, [self = shared_from_this()](error_code e, std::size_t n) {
            auto& x = *self;
            x.d_.conn->buffer.commit(n);
            call_event ev;
            x.parse_proxy_reply(ev.ec);
            if (!ev.ec && !x.proxy_reply_->is_done()) {
                if (!e)
                    return x.read_proxy_reply();
                ev.ec = e;
            }
            if (!ev.ec) {
                ev.complete = true;
                ev.status = x.proxy_reply_->get().result_int();
                ev.early_bytes = x.d_.conn->buffer.size() != 0;
            }
            x.proxy_reply_.reset();
            x.run(ev);
        }));
}

SO_ERPSYNC_DECL bool exchange::tls_handshake(call_event& ev) {
    namespace asio = boost::asio;
    auto& tls = *d_.conn->tls;
    if (st_->cfg.tls.verify) {
        // also on a user-supplied context, which may default to verify_none
        tls.set_verify_mode(asio::ssl::verify_peer);
        tls.set_verify_callback(asio::ssl::host_name_verification(st_->pc.endpoint.host));
    }
    if (!st_->pc.endpoint.host_is_ip &&
        !SSL_set_tlsext_host_name(tls.native_handle(), st_->pc.endpoint.host.c_str())) {
        ev.setup_failed = true;
        ev.ec = error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category());
        return false;
    }
    tls.async_handshake(asio::ssl::stream_base::client, resume());
    return true;
}

SO_ERPSYNC_DECL bool exchange::write(call_event& ev) {
    namespace asio = boost::asio;
    d_.parser.emplace(d_.body, d_.retry_after);
    d_.parser->header_limit(64 * 1024);
    d_.parser->body_limit(st_->cfg.max_body_size);
    d_.parser->eager(true); // the body is parsed with the header when it came with it
    response_read_ = 0;
    read_filled_ = false;
    // A plain connection takes the request at once when the socket buffer has room (the common
    // case): no trip through the scheduler; the rest, if any, is waited for.
    error_code ec;
    written_ =
        d_.conn->plain && d_.conn->plain->non_blocking() ? d_.conn->write_now(d_.req.buffers(), ec) : 0;
    if (ec == asio::error::would_block || ec == asio::error::try_again)
        ec = {};
    if (ec || written_ == asio::buffer_size(d_.req.buffers())) {
        ev.ec = ec;
        return false;
    }
    d_.conn->visit([&](auto& s) {
        auto rest = d_.req.buffers();
        std::size_t skip = written_;
        for (auto& b : rest) {
            std::size_t const n = (std::min)(skip, b.size());
            b += n;
            skip -= n;
        }
        asio::async_write(s, rest, resume());
    });
    return true;
}

SO_ERPSYNC_DECL void exchange::parser_facts(call_event& ev) const {
    auto const& p = *d_.parser;
    ev.complete = p.is_done();
    ev.got_some = p.got_some();
    ev.header_done = p.is_header_done();
    if (ev.header_done) {
        ev.status = p.status();
        ev.announces_body = p.announces_body();
        ev.retry_after = d_.retry_after;
    }
    if (ev.complete)
        ev.keep_alive = p.keep_alive();
}

SO_ERPSYNC_DECL void exchange::finish(error_code ec) {
    if (finished_)
        return;
    if (starting_) { // still inside the initiating function: complete from the strand instead
        boost::asio::post(strand_, [self = shared_from_this(), ec] { self->finish(ec); });
        return;
    }
    finished_ = true;
    if (deadline_armed_)
        st_->deadlines->remove(deadline_);
    drop_connection();
    d_.attempt = fsm_.attempt();
    d_.overloaded = fsm_.overloaded();
    d_.status = fsm_.status();
    if (d_.diag) {
        d_.diag->attempts = fsm_.attempt();
        d_.diag->overloaded = fsm_.overloaded();
        if (fsm_.message() || fsm_.attempt() > 0) {
            d_.diag->client_message = fsm_.message() ? fsm_.message() : "";
            d_.diag->underlying = fsm_.cause();
        }
        if (ec && ec != d_.build_error && d_.diag->http_status == 0)
            d_.diag->http_status = d_.status;
    }
    if (gate_waiter_) { // still queued at the gate: leave the queue, or the place if let in meanwhile
        if (!st_->limits.cancel(gate_waiter_))
            in_gate_ = true;
        gate_waiter_.reset();
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

SO_ERPSYNC_DECL void exchange::parse_buffered(error_code& ec) {
    auto& b = d_.conn->buffer;
    while (b.size() != 0) {
        auto const used = d_.parser->put(b.data(), ec);
        b.consume(used);
        if (ec == boost::beast::http::error::need_more) {
            ec = {};
            return;
        }
        if (ec || d_.parser->is_done() || used == 0) // used == 0: more bytes are needed
            return;
    }
}

SO_ERPSYNC_DECL void exchange::read_some() {
    auto& b = d_.conn->buffer;
    read_offer_ =
        next_read_size(b.capacity(), b.size(), response_read_, d_.parser->body_left(), read_filled_);
    auto const buf = b.prepare(read_offer_);
    d_.conn->visit([&](auto& s) {
        s.async_read_some(buf, boost::asio::bind_executor(
                                   strand_, [self = shared_from_this()](error_code e, std::size_t n) {
                                       self->response_read_ += n;
                                       self->read_filled_ = n == self->read_offer_;
                                       self->d_.conn->buffer.commit(n);
                                       call_event ev;
                                       ev.ec = e;
                                       self->parser_facts(ev);
                                       self->run(ev);
                                   }));
    });
}

SO_ERPSYNC_DECL void exchange::run(call_event ev) {
    namespace asio = boost::asio;
    using type = call_action_type;
    if (finished_)
        return;
    // One reading of the clock for the whole run of actions: they take microseconds.
    auto const now = clock::now();
    for (;;) {
        ev.cancelled = cancelled_;
        ev.deadline_fired = timed_out_;
        call_action const a = fsm_.resume(ev, now);
        ev = {};
        switch (a.type) {
        case type::enter_gate:
            ev.admitted = enter_gate();
            continue;
        case type::wait_gate:
            if (admitted_) { // let in before the wait began
                gate_waiter_.reset();
                in_gate_ = true;
                ev.admitted = true;
                continue;
            }
            wait_timer().expires_at(a.until);
            timer_->async_wait(asio::bind_executor(strand_, [self = shared_from_this()](error_code) {
                call_event next;
                if (self->admitted_) {
                    self->gate_waiter_.reset();
                    self->in_gate_ = true;
                    next.admitted = true;
                }
                self->run(next);
            }));
            return;
        case type::wait:
            if (a.retry)
                log(log_level::warning, "retry", a.ec, a.note, a.wait);
            wait_timer().expires_at(a.until);
            timer_->async_wait(resume());
            return;
        case type::begin_attempt:
            if (st_->cfg.log.enabled(log_level::debug))
                log(log_level::debug, "attempt", {}, describe_request());
            arm_deadline();
            continue;
        case type::take_connection:
            // A reused connection was made on another call's strand; our handlers are bound to
            // ours, so its completions run here.
            drop_connection();
            d_.conn = st_->take_idle();
            ev.reused = d_.conn != nullptr;
            if (!d_.conn)
                d_.conn = st_->make_connection(strand_);
            continue;
        case type::resolve:
            if (resolve())
                return;
            continue;
        case type::connect:
            asio::async_connect(
                d_.conn->socket(), endpoints_,
                asio::bind_executor(strand_, [self = shared_from_this()](error_code e, auto&&...) {
                    if (e)
                        self->st_->set_endpoints(std::nullopt); // look the name up again
                    else if (self->d_.conn->plain) {
                        // a plain connection is written without waiting first
                        error_code ignored;
                        self->d_.conn->plain->non_blocking(true, ignored);
                    }
                    call_event next;
                    next.ec = e;
                    self->run(next);
                }));
            return;
        case type::proxy_connect:
            proxy_connect();
            return;
        case type::tls_handshake:
            if (tls_handshake(ev))
                return;
            continue;
        case type::write:
            sent_ = now;
            if (write(ev))
                return;
            continue;
        case type::parse:
            // The response, read and parsed here rather than by `http::async_read`: the same
            // rules (Beast's parser, its end-of-stream handling) without two layers of composed
            // operations around every read.
            parse_buffered(ev.ec);
            parser_facts(ev);
            continue;
        case type::read:
            // With other calls in flight, the first read of a response starts after the handlers
            // already queued (those calls'): the requests of a batch of completions go out back to
            // back, before any of their reads. Measured (benchmark/RESULTS.md, issue 16): about 20%
            // less CPU per call at 8 and 64 connections, from fewer wake-ups of the server's thread
            // inside our writes; the receives that find nothing yet are as many as before. Alone,
            // or for the rest of a response, the read starts at once.
            if (!d_.parser->got_some() && d_.conn->buffer.size() == 0 && st_->deadlines->size() > 1) {
                asio::post(strand_, [self = shared_from_this()] {
                    if (!self->finished_)
                        self->read_some();
                });
                return;
            }
            read_some();
            return;
        case type::read_eof: {
            error_code ec;
            d_.parser->put_eof(ec);
            ev.ec = ec;
            parser_facts(ev);
            continue;
        }
        case type::release:
            if (fsm_.overloaded() != overloads_told_) { // this answer was a 429 or 503
                overloads_told_ = fsm_.overloaded();
                if (d_.on_overload)
                    d_.on_overload(fsm_.status(), now - sent_);
            }
            if (a.keep_alive) {
                d_.conn->reused = false;
                trim_idle_buffer(d_.conn->buffer);
                st_->put_idle(std::move(d_.conn));
            } else {
                drop_connection();
            }
            continue;
        case type::close_connection:
            drop_connection();
            continue;
        case type::done:
            return finish(a.ec);
        }
    }
}

} // namespace superoffice::erpsync::detail

#endif
