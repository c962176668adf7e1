//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_CONNECTION_HPP
#define SO_ERPSYNC_DETAIL_CONNECTION_HPP

#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/detail/request_builder.hpp>
#include <superoffice/erpsync/detail/retry.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace superoffice::erpsync::detail {

/// One keep-alive connection, plain or TLS. The sockets carry no timeouts of their own: the
/// exchange using the connection keeps one deadline timer for the whole call and closes the
/// connection when it expires (a timer per read and write, as `beast::tcp_stream` arms, costs two
/// more trips through the scheduler per call).
struct connection {
    using socket_type = boost::asio::ip::tcp::socket;
    using tls_stream = boost::beast::ssl_stream<socket_type>;

    connection(boost::asio::any_io_executor const& ex, boost::asio::ssl::context* ctx) {
        if (ctx)
            tls.emplace(ex, *ctx);
        else
            plain.emplace(ex);
    }

    socket_type& socket() noexcept { return tls ? boost::beast::get_lowest_layer(*tls) : *plain; }

    template <class F>
    void visit(F&& f) {
        if (tls)
            f(*tls);
        else
            f(*plain);
    }

    /// Writes as much of `bufs` as the socket takes now, without waiting (a plain connection in
    /// non-blocking mode): the bytes written; `ec` is `would_block` when some are left.
    std::size_t write_now(std::array<boost::asio::const_buffer, 2> const& bufs,
                          boost::system::error_code& ec) {
        return boost::asio::write(*plain, bufs, ec);
    }

    /// True when an idle connection still looks usable: open, no unread bytes, and the peer has
    /// not closed it (a non-blocking peek would block).
    bool alive() {
        auto& sock = socket();
        if (!sock.is_open() || buffer.size() != 0)
            return false;
        // Idle for less than a second: no server closes that fast on purpose, and a connection
        // closed anyway is caught by the resend-once of a stale keep-alive connection. Saves a
        // syscall per call under load.
        if (std::chrono::steady_clock::now() - idle_since < std::chrono::seconds(1))
            return true;
        char b;
#if defined(MSG_DONTWAIT) && defined(MSG_PEEK)
        // one syscall: nothing to read and no FIN means the server still holds the connection
        auto const n = ::recv(sock.native_handle(), &b, 1, MSG_PEEK | MSG_DONTWAIT);
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
#else
        boost::system::error_code ec;
        bool const was_non_blocking = sock.non_blocking();
        sock.non_blocking(true, ec);
        if (ec)
            return false;
        sock.receive(boost::asio::buffer(&b, 1), boost::asio::socket_base::message_peek, ec);
        boost::system::error_code ignored;
        sock.non_blocking(was_non_blocking, ignored);
        return ec == boost::asio::error::would_block || ec == boost::asio::error::try_again;
#endif
    }

    void close() noexcept {
        boost::system::error_code ignored;
        socket().shutdown(socket_type::shutdown_both, ignored);
        socket().close(ignored);
    }

    std::optional<socket_type> plain;
    std::optional<tls_stream> tls;
    boost::beast::flat_buffer buffer;
    bool reused = false;
    std::chrono::steady_clock::time_point idle_since{}; // when it went back to the pool
};

/// State shared by a client and its calls in flight.
struct client_state {
    client_state(boost::asio::any_io_executor e, client_config c) : ex(std::move(e)), cfg(std::move(c)) {
        pc = prepare_config(cfg);
        for (auto& s : strands)
            s = make_call_strand(ex);
        if (!pc.error && pc.endpoint.tls)
            make_tls_context();
    }

    void make_tls_context() {
        namespace ssl = boost::asio::ssl;
        if (cfg.tls.context) {
            ssl_ctx = cfg.tls.context;
            return;
        }
        ssl_ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
        boost::system::error_code ec;
        ssl_ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                                 ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1,
                             ec);
        if (!cfg.tls.verify) {
            ssl_ctx->set_verify_mode(ssl::verify_none, ec);
            return;
        }
        ssl_ctx->set_verify_mode(ssl::verify_peer, ec);
        auto fail = [&](char const* what) {
            pc.error = error::tls_handshake_failed;
            pc.error_diag.client_message = what;
            pc.error_diag.underlying = ec;
        };
        if (!cfg.tls.ca_file.empty() && ssl_ctx->load_verify_file(cfg.tls.ca_file, ec))
            return fail("could not load tls_options::ca_file");
        if (!cfg.tls.ca_path.empty() && ssl_ctx->add_verify_path(cfg.tls.ca_path, ec))
            return fail("could not use tls_options::ca_path");
        if (!cfg.tls.ca_pem.empty() &&
            ssl_ctx->add_certificate_authority(boost::asio::buffer(cfg.tls.ca_pem), ec))
            return fail("could not load tls_options::ca_pem");
        if (cfg.tls.ca_file.empty() && cfg.tls.ca_path.empty() && cfg.tls.ca_pem.empty() &&
            ssl_ctx->set_default_verify_paths(ec))
            return fail("could not load the system's trust store");
    }

    // Everything below may be used by calls running on several threads at once: the pool, the
    // endpoint cache and the limiter are guarded; the configuration is immutable.

    /// An idle connection that still looks usable, or null.
    std::unique_ptr<connection> take_idle() {
        std::unique_lock lock(m);
        while (!idle.empty()) {
            auto c = std::move(idle.back());
            idle.pop_back();
            if (c->alive()) {
                c->reused = true;
                return c;
            }
            c->close();
        }
        return nullptr;
    }

    /// A new, unconnected connection whose I/O completes on `io_ex` (the calling exchange's strand).
    std::unique_ptr<connection> make_connection(boost::asio::any_io_executor const& io_ex) {
        ++connections_opened;
        return std::make_unique<connection>(io_ex, pc.endpoint.tls ? ssl_ctx.get() : nullptr);
    }

    void put_idle(std::unique_ptr<connection> c) {
        std::unique_lock lock(m);
        if (idle.size() < cfg.max_idle_connections) {
            c->idle_since = std::chrono::steady_clock::now();
            idle.push_back(std::move(c));
        } else
            c->close();
    }

    std::size_t idle_count() const {
        std::unique_lock lock(m);
        return idle.size();
    }

    void close_idle() {
        std::unique_lock lock(m);
        for (auto& c : idle)
            c->close();
        idle.clear();
    }

    /// Copies the cached endpoints to `out`; false when there are none.
    bool load_endpoints(boost::asio::ip::tcp::resolver::results_type& out) const {
        std::unique_lock lock(m);
        if (!endpoints)
            return false;
        out = *endpoints;
        return true;
    }
    void set_endpoints(std::optional<boost::asio::ip::tcp::resolver::results_type> e) {
        std::unique_lock lock(m);
        endpoints = std::move(e);
    }

    /// The strand a new call runs on: the client's strands are handed out in turn. Calls sharing
    /// one are serialized with each other, nothing more; a fixed set means no call allocates one.
    boost::asio::any_io_executor const& next_strand() noexcept {
        return strands[strand_turn.fetch_add(1, std::memory_order_relaxed) % strands.size()];
    }

    /// Strings a call needs (request head and body, response body), recycled from finished calls
    /// so that a steady stream of calls does not allocate them.
    struct call_buffers {
        std::string head, body, response;
    };
    call_buffers take_buffers() {
        std::unique_lock lock(m);
        if (spare.empty())
            return {};
        auto b = std::move(spare.back());
        spare.pop_back();
        return b;
    }
    void give_buffers(call_buffers&& b) {
        constexpr std::size_t keep_below = 256 * 1024; // large ones are not hoarded
        if (b.head.capacity() > keep_below || b.body.capacity() > keep_below ||
            b.response.capacity() > keep_below)
            return;
        std::unique_lock lock(m);
        if (spare.size() < 64)
            spare.push_back(std::move(b));
    }

    /// A strand for calls. On an `io_context` executor it is a `strand<io_context::executor_type>`,
    /// which fits in `any_io_executor`'s small buffer: copying it, as every asynchronous operation
    /// does, allocates nothing (a strand of a type-erased executor would, at every copy).
    static boost::asio::any_io_executor make_call_strand(boost::asio::any_io_executor const& ex) {
        if (auto const* io = ex.target<boost::asio::io_context::executor_type>())
            return boost::asio::make_strand(*io);
        return boost::asio::make_strand(ex);
    }

    /// A random backoff before attempt `attempt + 1`.
    std::chrono::steady_clock::duration backoff(unsigned attempt) {
        std::unique_lock lock(m);
        return backoff_delay(cfg.retry, attempt, rng);
    }

    boost::asio::any_io_executor ex;
    client_config const cfg;
    prepared_config pc;
    std::shared_ptr<boost::asio::ssl::context> ssl_ctx;
    limiter limits{cfg.limit};
    std::atomic<std::size_t> connections_opened{0};

private:
    mutable std::mutex m;
    std::vector<std::unique_ptr<connection>> idle;
    std::optional<boost::asio::ip::tcp::resolver::results_type> endpoints;
    std::minstd_rand rng{std::random_device{}()};
    std::array<boost::asio::any_io_executor, 16> strands;
    std::atomic<std::size_t> strand_turn{0};
    std::vector<call_buffers> spare;
};

} // namespace superoffice::erpsync::detail

#endif
