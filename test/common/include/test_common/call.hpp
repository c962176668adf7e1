//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TEST_CALL_HPP
#define SO_ERPSYNC_TEST_CALL_HPP

// Runs one client call to completion with a callback token, for tests.

#include <superoffice/erpsync/client.hpp>

#include <boost/asio/io_context.hpp>

#include <optional>

namespace superoffice::erpsync::test {

template <class Op>
struct outcome {
    error_code ec;
    std::conditional_t<std::is_void_v<response_t<Op>>, char, response_t<Op>> value{};
    diagnostics diag;
};

template <class Op>
outcome<Op> call(client& c, boost::asio::io_context& io, request_t<Op> const& req, call_options opt = {}) {
    outcome<Op> out;
    opt.diag = &out.diag;
    bool done = false;
    if constexpr (std::is_void_v<response_t<Op>>)
        c.async_call<Op>(req, opt, [&](error_code ec) {
            out.ec = ec;
            done = true;
        });
    else
        c.async_call<Op>(req, opt, [&](error_code ec, response_t<Op> r) {
            out.ec = ec;
            out.value = std::move(r);
            done = true;
        });
    io.restart();
    io.run();
    if (!done)
        throw std::logic_error("the call did not complete");
    return out;
}

} // namespace superoffice::erpsync::test

#endif
