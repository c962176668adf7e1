//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_INITIATE_CALL_HPP
#define SO_ERPSYNC_IMPL_INITIATE_CALL_HPP

// The initiation of `client::async_call`: the call's composed operation, prepared by the
// initiating function, started with the handler. Its one argument is the call's diagnostics
// target (`call_options::diag`), so that `with_diagnostics` can supply one (impl/with_diagnostics.hpp).

#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/impl/session_call_op.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/compose.hpp>

#include <utility>

namespace superoffice::erpsync::detail {

/// A completion token that hands over a handler by moving it (`async_compose` passes its token
/// on as an lvalue, which would copy the handler, and not every handler can be copied).
template <class Handler>
struct moving_token {
    Handler* handler;
};

/// The initiation of a call of `Op`.
template <class Op>
class initiate_call {
public:
    initiate_call(client_call_op<Op> op, boost::asio::any_io_executor ex)
        : op_(std::move(op)), ex_(std::move(ex)) {}

    template <class Handler>
    void operator()(Handler&& handler, diagnostics* diag) {
        using H = std::decay_t<Handler>;
        op_.set_diagnostics(diag);
        H h(std::forward<Handler>(handler));
        moving_token<H> token{&h};
        boost::asio::async_compose<moving_token<H>, typename signature_of<response_t<Op>>::type>(
            std::move(op_), token, ex_);
    }

private:
    client_call_op<Op> op_;
    boost::asio::any_io_executor ex_;
};

} // namespace superoffice::erpsync::detail

namespace boost::asio {

template <class Handler, class Signature>
struct async_result<superoffice::erpsync::detail::moving_token<Handler>, Signature> {
    using return_type = void;

    template <class Initiation, class RawToken, class... Args>
    static void initiate(Initiation&& init, RawToken&& token, Args&&... args) {
        std::forward<Initiation>(init)(std::move(*token.handler), std::forward<Args>(args)...);
    }
};

} // namespace boost::asio

#endif
