//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_CONNECTION_POOL_HPP
#define SO_ERPSYNC_DETAIL_CONNECTION_POOL_HPP

// The state a client shares with its calls in flight (`client_state`): the configuration prepared
// once, the pool of idle keep-alive connections, the endpoint cache, the TLS context, the call
// strands, recycled call buffers, the limiter, the deadline watch and the backoff's random source.

#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/connection.hpp>
#include <superoffice/erpsync/detail/deadline_watch.hpp>
#include <superoffice/erpsync/detail/limiter.hpp>
#include <superoffice/erpsync/detail/prepared_config.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace superoffice::erpsync::detail {

/// State shared by a client and its calls in flight.
struct client_state {
    /// `shared_limits`: the in-flight gate and rate limit to use (a session's states share one);
    /// null: a new one from `c.limit`.
    SO_ERPSYNC_DECL client_state(boost::asio::any_io_executor e, client_config c,
                                 std::shared_ptr<limiter> shared_limits = nullptr);

    SO_ERPSYNC_DECL void make_tls_context();

    // Everything below may be used by calls running on several threads at once: the pool, the
    // endpoint cache and the limiter are guarded; the configuration is immutable.

    /// An idle connection that still looks usable, or null.
    SO_ERPSYNC_DECL std::unique_ptr<connection> take_idle();

    /// A new, unconnected connection whose I/O completes on `io_ex` (the calling exchange's strand).
    SO_ERPSYNC_DECL std::unique_ptr<connection> make_connection(boost::asio::any_io_executor const& io_ex);

    SO_ERPSYNC_DECL void put_idle(std::unique_ptr<connection> c);

    SO_ERPSYNC_DECL std::size_t idle_count() const;

    SO_ERPSYNC_DECL void close_idle();

    /// Copies the cached endpoints to `out`; false when there are none. They are those of the host
    /// the client connects to: the target's, or the proxy's when calls go through one (a client
    /// takes one route for all of its calls, decided once by `prepare_config`).
    SO_ERPSYNC_DECL bool load_endpoints(boost::asio::ip::tcp::resolver::results_type& out) const;
    SO_ERPSYNC_DECL void set_endpoints(std::optional<boost::asio::ip::tcp::resolver::results_type> e);

    /// The strand a new call runs on: the client's strands are handed out in turn. Calls sharing
    /// one are serialized with each other, nothing more; a fixed set means no call allocates one.
    /// Without strands (`call_threading::single_threaded`), the client's executor itself.
    boost::asio::any_io_executor const& next_strand() noexcept {
        return strands[strand_turn.fetch_add(1, std::memory_order_relaxed) % strands.size()];
    }

    /// Strings a call needs (request head and body, response body), recycled from finished calls
    /// so that a steady stream of calls does not allocate them.
    struct call_buffers {
        std::string head, body, response;
    };
    SO_ERPSYNC_DECL call_buffers take_buffers();
    SO_ERPSYNC_DECL void give_buffers(call_buffers&& b);

    /// A strand for calls. On an `io_context` executor it is a `strand<io_context::executor_type>`,
    /// which fits in `any_io_executor`'s small buffer: copying it, as every asynchronous operation
    /// does, allocates nothing (a strand of a type-erased executor would, at every copy).
    SO_ERPSYNC_DECL static boost::asio::any_io_executor
    make_call_strand(boost::asio::any_io_executor const& ex);

    /// Whether `ex` runs one handler at a time by Asio's own rules: an `io_context`'s executor
    /// made with an unsafe (lock-free) concurrency hint. Not hint 1: Asio documents such an
    /// io_context as still thread-safe, and several threads may run it.
    SO_ERPSYNC_DECL static bool runs_on_one_thread(boost::asio::any_io_executor const& ex);

    /// Whether calls run on strands (decided once, from `cfg.threading` and the executor).
    bool on_strands() const noexcept { return on_strands_; }

    /// A random backoff before attempt `attempt + 1`.
    SO_ERPSYNC_DECL std::chrono::steady_clock::duration backoff(unsigned attempt);

    boost::asio::any_io_executor ex;
    client_config const cfg;
    prepared_config pc;
    std::shared_ptr<boost::asio::ssl::context> ssl_ctx;
    std::shared_ptr<limiter> limits_owner;
    limiter& limits;
    std::atomic<std::size_t> connections_opened{0};
    /// The deadlines of the calls in flight, under one timer.
    std::shared_ptr<deadline_watch> deadlines;

private:
    mutable std::mutex m;
    std::vector<std::unique_ptr<connection>> idle;
    std::optional<boost::asio::ip::tcp::resolver::results_type> endpoints;
    std::minstd_rand rng{std::random_device{}()};
    std::array<boost::asio::any_io_executor, 16> strands;
    std::atomic<std::size_t> strand_turn{0};
    bool on_strands_ = true;
    std::vector<call_buffers> spare;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/connection_pool.ipp>
#endif

#endif
