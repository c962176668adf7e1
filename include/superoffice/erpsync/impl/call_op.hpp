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

#include <superoffice/erpsync/detail/connection_pool.hpp>
#include <superoffice/erpsync/detail/http_request.hpp>
#include <superoffice/erpsync/detail/io_error.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/detail/response_reader.hpp>
#include <superoffice/erpsync/detail/retry.hpp>
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

/// Everything one HTTP exchange needs and produces. Not specific to an operation.
struct exchange_data {
    http_request req;
    std::optional<response_reader> parser;
    std::unique_ptr<connection> conn;
    std::shared_ptr<boost::asio::ip::tcp::resolver> resolver;
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
        : st_(std::move(st)), strand_(st_->next_strand()), buffers_(st_->take_buffers()),
          deadline_timer_(strand_) {
        d_.req.swap_storage(buffers_.head, buffers_.body);
        d_.body.swap(buffers_.response);
    }

    /// The request and settings, filled before `start`.
    exchange_data& data() noexcept { return d_; }

    void start(exchange_completion done);

    /// Ends the call with `operation_aborted` (from any thread): the connection in use is closed,
    /// waits end, the call leaves the in-flight gate. Posted: never completes inside `emit()`.
    void cancel();

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

    bool deadline_passed() const { return timed_out_ || clock::now() >= d_.deadline; }

    /// Maps the failure of an I/O step; after the deadline, any transport failure is the timeout.
    error_code io_error(error_code const& ec, error fallback) const {
        // a malformed or oversized response read before the deadline keeps its own code
        if (timed_out_ &&
            ec.category() !=
                boost::beast::http::make_error_code(boost::beast::http::error::need_more).category())
            return error::timeout;
        return classify_io_error(ec, fallback, deadline_passed());
    }

    /// The timer of the waits, made by the first (most calls never wait).
    boost::asio::steady_timer& wait_timer() {
        if (!timer_)
            timer_.emplace(strand_);
        return *timer_;
    }

    /// Starts the call's deadline timer (once, before its first I/O).
    void arm_deadline();

    void do_cancel();

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
    std::string describe_request() const;

    void make_gate_waiter();

    /// Closes the connection of a failed attempt.
    void drop_connection();

    void note(error_code cause, char const* what);

    /// Whether the failed attempt `ec` (before any answer) may be tried again, and when.
    bool may_retry(error_code ec, clock::duration& wait);

    /// Whether the answer (429 or 503) may be tried again, and when.
    bool may_retry_status(clock::duration& wait);

    void finish(error_code ec);

    /// Feeds the connection's buffered bytes to the parser: true when the response is complete
    /// or `ec` is set; false when more bytes are needed.
    bool parse_buffered(error_code& ec);

    /// Reads what the connection has into its buffer (at most 64 KiB), then `step`.
    void read_some();

    void step(error_code ec);

    std::shared_ptr<client_state> st_;
    boost::asio::any_io_executor strand_; // one of the client's strands
    client_state::call_buffers buffers_;
    std::optional<boost::asio::steady_timer> timer_; // the in-flight gate, rate-limit and retry waits
    boost::asio::steady_timer deadline_timer_;       // the call's timeout, over all of its I/O
    boost::asio::ip::tcp::resolver::results_type endpoints_;
    std::shared_ptr<limiter::waiter> gate_waiter_;
    exchange_data d_;
    exchange_completion done_;
    boost::asio::coroutine coro_;
    error_code attempt_ec_;
    clock::duration wait_{};
    std::size_t written_ = 0;    // bytes of the request written without waiting
    std::size_t read_bytes_ = 0; // by the last `read_some`
    bool starting_ = false;      // `step` runs inside `start`: completions are posted
    bool deadline_armed_ = false;
    bool timed_out_ = false; // the deadline timer expired and closed the I/O
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

#ifndef SO_ERPSYNC_SEPARATE_COMPILATION
#include <superoffice/erpsync/impl/exchange.ipp>
#endif

#endif
