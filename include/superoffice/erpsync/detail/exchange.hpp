//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_EXCHANGE_HPP
#define SO_ERPSYNC_DETAIL_EXCHANGE_HPP

// The transport of every call (`exchange`): it asks the call's state machine (`call_fsm`) for the
// next action, performs it with Asio (timers, resolver, socket, TLS stream, parser) and feeds the
// result back. Every decision is the state machine's; the exchange only does the I/O. Its body
// is in `impl/exchange.ipp`.

#include <superoffice/erpsync/detail/call_fsm.hpp>
#include <superoffice/erpsync/detail/connection.hpp>
#include <superoffice/erpsync/detail/connection_pool.hpp>
#include <superoffice/erpsync/detail/deadline_watch.hpp>
#include <superoffice/erpsync/detail/http_request.hpp>
#include <superoffice/erpsync/detail/protocol_codec.hpp>
#include <superoffice/erpsync/detail/response_reader.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

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
    /// `call_options::on_overload`.
    std::function<void(unsigned, std::chrono::steady_clock::duration)> on_overload;
    std::string_view operation; // the wire name, for the logger
    bool retry_safe = false;
    unsigned attempt = 0;    // 1 for the first
    unsigned overloaded = 0; // 429 and 503 answers met
    unsigned status = 0;     // the response, once read
    std::string retry_after;
    std::string body;
    std::shared_ptr<protocol_codec const> protocol; // null: REST
    /// What building the request reported when it failed and the call had no diagnostics target
    /// yet: handed to the target the initiation gives (`set_diagnostics`).
    std::unique_ptr<diagnostics> build_diag;

    /// Sets the call's diagnostics target (before `start`): `call_options::diag`, or one supplied
    /// by `with_diagnostics`.
    void set_diagnostics(diagnostics* target) {
        if (target == diag)
            return;
        diag = target;
        if (!diag)
            return;
        if (build_diag)
            *diag = std::move(*build_diag);
        else
            diag->clear();
        build_diag.reset();
    }
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

/// The transport of every call: performs the actions of its `call_fsm` (the in-flight gate, the
/// waits, taking or opening a connection, writing the prepared request, reading the response,
/// returning the connection to the pool) until the machine says the call is done. One class for
/// all operations, so that it is compiled once, not once per operation. Runs on its own strand,
/// so that a call is safe on an `io_context` run by several threads and a cancellation can
/// arrive from anywhere.
class exchange : public std::enable_shared_from_this<exchange> {
public:
    explicit exchange(std::shared_ptr<client_state> st)
        : st_(std::move(st)), strand_(st_->next_strand()), buffers_(st_->take_buffers()) {
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
        st_->deadlines->remove(deadline_);
        if (gate_waiter_ && !st_->limits.cancel(gate_waiter_) && !admitted_)
            in_gate_ = true; // let in meanwhile: the place is ours to give back
        if (in_gate_)
            st_->limits.leave();
    }

private:
    using clock = std::chrono::steady_clock;

    /// A completion handler on the strand that feeds the I/O result to `run`.
    auto resume() {
        return boost::asio::bind_executor(strand_, [self = shared_from_this()](error_code ec, auto&&...) {
            call_event ev;
            ev.ec = ec;
            self->run(ev);
        });
    }

    /// The timer of the waits, made by the first (most calls never wait).
    boost::asio::steady_timer& wait_timer() {
        if (!timer_)
            timer_.emplace(strand_);
        return *timer_;
    }

    /// Puts the call's deadline under the client's watch (once, before its first I/O).
    void arm_deadline();

    /// The deadline passed (on the strand): the pending step is made to fail.
    void deadline_passed();

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
        r.attempt = fsm_.attempt();
        r.ec = ec;
        r.http_status = fsm_.status();
        r.latency = clock::now() - d_.started;
        r.wait = wait;
        r.message = message;
        lg.sink(r);
    }

    /// The request line and headers, secrets replaced.
    std::string describe_request() const;

    /// Enters the in-flight gate now (true) or queues a waiter (false).
    bool enter_gate();

    /// Closes the connection in use, if any.
    void drop_connection();

    /// Resolves the host, or takes the client's cached endpoints (false: nothing to wait for).
    bool resolve();

    /// Writes the proxy's `CONNECT` request on the new connection, then reads its reply.
    void proxy_connect();

    /// Reads (more of) the proxy's reply to `CONNECT` until its head is parsed, then `run`.
    void read_proxy_reply();

    /// Feeds the connection's buffered bytes to the `CONNECT` reply's parser.
    void parse_proxy_reply(error_code& ec);

    /// Sets up TLS on the new connection and starts the handshake (false: the setup failed).
    bool tls_handshake(call_event& ev);

    /// Writes the request: false when the socket took all of it at once (nothing to wait for).
    bool write(call_event& ev);

    /// Copies what the parser knows into `ev`.
    void parser_facts(call_event& ev) const;

    void finish(error_code ec);

    /// Feeds the connection's buffered bytes to the parser, until it is done, fails (`ec`) or
    /// needs more bytes.
    void parse_buffered(error_code& ec);

    /// Reads what the connection has into its buffer (`next_read_size` decides how much it
    /// offers, at most 64 KiB), then `run`.
    void read_some();

    /// Asks the state machine for actions and performs them until one has to wait.
    void run(call_event ev);

    std::shared_ptr<client_state> st_;
    boost::asio::any_io_executor strand_; // one of the client's strands
    client_state::call_buffers buffers_;
    std::optional<boost::asio::steady_timer> timer_; // the in-flight gate, rate-limit and retry waits
    deadline_watch::entry deadline_;                 // the call's timeout, over all of its I/O
    boost::asio::ip::tcp::resolver::results_type endpoints_;
    std::shared_ptr<limiter::waiter> gate_waiter_;
    exchange_data d_;
    exchange_completion done_;
    // the proxy's reply to CONNECT while a tunnel is opened: made per tunnel, never without a proxy
    // (a pointer, so that the exchange of a call without one stays as small as it was)
    std::unique_ptr<boost::beast::http::response_parser<boost::beast::http::empty_body>> proxy_reply_;
    call_fsm fsm_;
    clock::time_point sent_{};      // when the attempt's request was written
    unsigned overloads_told_ = 0;   // 429 and 503 answers given to `on_overload`
    std::size_t written_ = 0;       // bytes of the request written without waiting
    std::size_t read_offer_ = 0;    // what the pending read of the response offers
    std::size_t response_read_ = 0; // the bytes of the response read so far
    bool read_filled_ = false;      // the last read got all it offered
    bool starting_ = false;         // `run` runs inside `start`: completions are posted
    bool deadline_armed_ = false;
    bool timed_out_ = false; // the deadline passed and the I/O was closed
    bool in_gate_ = false;
    bool admitted_ = false; // let in by the gate while waiting
    bool cancelled_ = false;
    bool finished_ = false;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/exchange.ipp>
#endif

#endif
