//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TEST_TEST_PROXY_HPP
#define SO_ERPSYNC_TEST_TEST_PROXY_HPP

// A small HTTP CONNECT proxy for tests, on 127.0.0.1 and an ephemeral port, run by its own thread
// and io_context. It reads a request head (at most 8 KiB), checks the Basic credentials when some
// are required (407 with `Proxy-Authenticate` otherwise), refuses every tunnel with a set status
// when asked (e.g. 403), opens tunnels only to loopback addresses (502 otherwise) and then
// splices bytes both ways until either side closes. Anything but CONNECT gets 405 (absolute-form
// requests are not used by the client). It counts what it saw and stops when destroyed.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace superoffice::erpsync::test {

class test_proxy {
public:
    struct options {
        /// With a non-empty `user`, a tunnel needs `Proxy-Authorization: Basic base64(user:password)`.
        std::string user{};
        std::string password{};
        /// Non-zero: every request is answered with this status (e.g. 403) and no tunnel.
        unsigned refuse_status = 0;
    };

    test_proxy() : test_proxy(options{}) {}
    explicit test_proxy(options o);
    ~test_proxy();
    test_proxy(test_proxy const&) = delete;
    test_proxy& operator=(test_proxy const&) = delete;

    unsigned short port() const;
    /// `http://127.0.0.1:<port>`
    std::string url() const;
    /// Request heads received (all of them, refused ones too).
    std::size_t requests() const;
    /// Tunnels opened (a 200 sent and the target connected).
    std::size_t tunnels() const;
    /// The request heads received, in order.
    std::vector<std::string> heads() const;

private:
    struct impl;
    std::shared_ptr<impl> p_;
};

} // namespace superoffice::erpsync::test

#endif
