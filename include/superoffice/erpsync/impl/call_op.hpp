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
// The transport's decisions are `call_fsm`'s (detail/call_fsm.hpp); `exchange` performs them.

#include <superoffice/erpsync/detail/exchange.hpp>
#include <superoffice/erpsync/detail/protocol_codec.hpp>
#include <superoffice/erpsync/detail/request_builder.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/detail/response_reader.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/dispatch.hpp>

#include <memory>
#include <type_traits>

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

/// A call of `Op` ready to start on `st`: the request built (or the reason it could not be), the
/// timeout, the retry safety and the diagnostics target set.
template <class Op>
std::shared_ptr<exchange> make_call_exchange(std::shared_ptr<client_state> const& st,
                                             request_t<Op> const& request, call_options const& options) {
    auto x = std::make_shared<exchange>(st);
    auto& d = x->data();
    d.diag = options.diag;
    if (d.diag)
        d.diag->clear();
    d.timeout = options.timeout.value_or(st->cfg.timeout);
    d.on_overload = options.on_overload;
    d.retry_safe = Op::retry_safe;
    d.operation = Op::name;
    // Without a target yet, what a failed build reports is kept for the one the initiation gives
    // (`exchange_data::set_diagnostics`).
    diagnostics local;
    diagnostics* bd = d.diag ? d.diag : &local;
    if (!st->cfg.protocol.is_rest() && !st->pc.error) {
        d.protocol = protocol_access::codec(st->cfg.protocol);
        d.build_error =
            d.protocol->build_request(op_index_v<Op>, &request, st->cfg, st->pc, options, d.req, bd);
    } else {
        d.build_error = build_request<Op>(st->pc, request, options, d.req, bd);
    }
    if (d.build_error && !d.diag)
        d.build_diag = std::make_unique<diagnostics>(std::move(local));
    return x;
}

/// Decodes the response of a finished exchange into `response_t<Op>` and completes `self` with
/// it, through the handler's associated executor.
template <class Op, class Self>
void complete_call(Self&& self, error_code ec, exchange_data& d) {
    using R = response_t<Op>;
    if constexpr (std::is_void_v<R>) {
        if (!ec)
            ec = d.protocol ? d.protocol->decode_response(op_index_v<Op>, d.status, d.body, nullptr, d.diag)
                            : decode_response<void>(d.status, d.body, nullptr, d.diag);
        boost::asio::dispatch(boost::asio::append(std::forward<Self>(self), ec));
    } else {
        R r{};
        if (!ec)
            ec = d.protocol ? d.protocol->decode_response(op_index_v<Op>, d.status, d.body, &r, d.diag)
                            : decode_response(d.status, d.body, &r, d.diag);
        if (ec)
            r = R{}; // no half-filled results
        boost::asio::dispatch(boost::asio::append(std::forward<Self>(self), ec, std::move(r)));
    }
}

/// The operation-specific part of a call, for `async_compose`: starts the shared exchange and
/// decodes its response into `response_t<Op>`.
template <class Op>
class call_op {
public:
    explicit call_op(std::shared_ptr<exchange> x) : x_(std::move(x)) {}

    /// Sets the call's diagnostics target (before the call starts).
    void set_diagnostics(diagnostics* diag) { x_->data().set_diagnostics(diag); }

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
            // Completed through the handler's associated executor (a user strand, a coroutine's
            // executor), never on the call's internal strand: `self` is invoked again.
            complete_call<Op>(std::move(self), ec, d);
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

#endif
