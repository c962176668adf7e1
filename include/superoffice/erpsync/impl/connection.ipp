//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_CONNECTION_IPP
#define SO_ERPSYNC_IMPL_CONNECTION_IPP

// `connection`, out of line: included by `detail/connection.hpp` in header-only builds, compiled
// once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/connection.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/socket_base.hpp>

#include <cerrno>
#include <chrono>

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::connection::alive() {
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

SO_ERPSYNC_DECL void superoffice::erpsync::detail::connection::close() noexcept {
    boost::system::error_code ignored;
    socket().shutdown(socket_type::shutdown_both, ignored);
    socket().close(ignored);
}

#endif
