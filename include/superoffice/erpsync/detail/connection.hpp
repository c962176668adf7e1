//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_CONNECTION_HPP
#define SO_ERPSYNC_DETAIL_CONNECTION_HPP

// One keep-alive connection of the client's pool (`detail/connection_pool.hpp`).

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>

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
    SO_ERPSYNC_DECL bool alive();

    SO_ERPSYNC_DECL void close() noexcept;

    std::optional<socket_type> plain;
    std::optional<tls_stream> tls;
    boost::beast::flat_buffer buffer;
    bool reused = false;
    std::chrono::steady_clock::time_point idle_since{}; // when it went back to the pool
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/connection.ipp>
#endif

#endif
