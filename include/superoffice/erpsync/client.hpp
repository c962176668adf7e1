//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CLIENT_HPP
#define SO_ERPSYNC_CLIENT_HPP

/// @file
/// `client`: calls the ErpSync agent of one SuperOffice installation over HTTP or HTTPS.

#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/impl/call_op.hpp>
#include <superoffice/erpsync/impl/initiate_call.hpp>
#include <superoffice/erpsync/impl/session_call_op.hpp>
#include <superoffice/erpsync/operation_members.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/with_diagnostics.hpp>

#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/execution_context.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace superoffice::erpsync {

/// The completion signature of operation `Op`: `void(error_code, R)`, or `void(error_code)` for
/// operations answering 204 No Content.
template <class Op>
using signature_t = typename detail::signature_of<response_t<Op>>::type;

/// A client of the ErpSync agent at one base URL.
///
/// Every operation has a named member (`async_force_resync`, `async_get_engine_status`, ...: see
/// `operation_members`, generated from `ops::all`, and `docs/operations.md`) and there is one generic
/// entry, `async_call<ops::X>(request, options, token)`. Each takes any Asio completion token; the
/// default is `default_token_t`, `with_diagnostics(use_awaitable)`, so that `co_await c.async_x(...)`
/// works and a failure throws `error_with_diagnostics`.
///
/// Calls keep idle keep-alive connections for reuse (up to `client_config::max_idle_connections`)
/// and open new ones as needed, so many calls may be in flight at once. A reused connection the
/// server has closed is replaced transparently.
///
/// @par Completion
/// `void(error_code, R)`; `void(error_code)` for 204 operations. On failure `R` is
/// default-constructed and `call_options::diag`, when set, holds the details (HTTP status, the
/// server's error body, the field path of a decode failure, the transport cause, the attempts).
/// A `plugin_response` with `IsOk == false` is a success: call `check()` to make it an error.
/// Through `with_diagnostics(token)` (and so with the default token) the signature is
/// `void(std::exception_ptr, R)` / `void(std::exception_ptr)`.
///
/// @par Errors
/// The library throws nothing itself. How a failure arrives depends on the token:
/// - the default token, awaited (`co_await c.async_x(...)`), and `with_diagnostics(use_awaitable)`
///   or `with_diagnostics(use_future)`: an `error_with_diagnostics` exception (a
///   `boost::system::system_error` that carries the call's `diagnostics`);
/// - `as_tuple(deferred)`, `as_tuple(use_awaitable)`, callbacks: the plain `error_code`, the
///   details in `call_options::diag` when set;
/// - `use_awaitable` or `use_future` without the adapter: Asio's `boost::system::system_error`,
///   without the details.
/// Each call has its own diagnostics, also when many run at once.
///
/// @par Thread safety
/// Distinct objects: safe. Shared object: safe for calls: any number of calls may be started
/// from any threads at once, also on an `io_context` run by several threads (each call runs on
/// one of the client's 16 strands, handed out in turn; the connection pool, the endpoint cache and
/// the limiter are guarded). With `client_config::threading = call_threading::single_threaded`
/// (for an executor that runs one handler at a time) the strands are left out: calls may still be
/// started and cancelled from any thread, unless the `io_context` has an unsafe concurrency hint.
/// Constructing, moving and destroying the client object itself are not thread-safe.
/// Completion handlers run as Asio's rules say: on the handler's associated executor (the
/// client's executor when it has none).
///
/// @par Timeouts, retries, limits
/// A call ends at its timeout at the latest (`client_config::timeout`, `call_options::timeout`),
/// counted from when the operation starts (for the default token and `deferred`, from the `co_await`), every
/// attempt and wait included. Failed attempts are retried per `client_config::retry` (see `retry_policy`:
/// only operations marked safe to retry, unless widened); `diagnostics::attempts` says how many were made.
/// `client_config::limit` caps requests per second and calls in flight. One limit: a DNS lookup already
/// handed to the system resolver cannot be interrupted, so a hanging resolver can overrun the timeout by its
/// own (IP literals and the client's cached endpoints need no lookup).
///
/// @par Per-operation cancellation
/// Through the completion token's cancellation slot (`bind_cancellation_slot`, awaitable
/// operators, `parallel_group`): `terminal` and `total` cancellation end the call with
/// `boost::asio::error::operation_aborted` at once, whatever it was doing (waiting at the
/// in-flight gate or for the rate limit, resolving, connecting, writing, reading, waiting to
/// retry; a DNS lookup in the system resolver ends when the resolver returns); the connection it
/// used is closed, other calls and the client are unaffected. The request may or may not have
/// reached the server. `partial` cancellation is not supported (ignored). Completion handlers
/// never run inside the initiating function or inside the cancellation signal's `emit()`.
///
/// @par Object lifetimes
/// The request and options are copied when the call is made; the client may be destroyed
/// while calls are in flight (they keep the shared state alive).
class client : public operation_members<client> {
public:
    /// The executor the client's calls start on.
    using executor_type = boost::asio::any_io_executor;

    /// Creates a client. Configuration errors (bad base URL, CR/LF in a header, unreadable CA
    /// file, an unreadable private key) are reported by every call, with details in the call's
    /// diagnostics. Nothing is sent before the first call.
    client(executor_type ex, client_config cfg) : ex_(ex) {
        if (detail::session::needed(cfg))
            ses_ = std::make_shared<detail::session>(std::move(ex), std::move(cfg));
        else
            st_ = std::make_shared<detail::client_state>(std::move(ex), std::move(cfg));
    }

    /// Creates a client on an execution context such as `io_context`.
    template <class ExecutionContext>
    requires std::is_convertible_v<ExecutionContext&, boost::asio::execution_context&>
    client(ExecutionContext& ctx, client_config cfg)
        : client(executor_type(ctx.get_executor()), std::move(cfg)) {}

    /// The executor the client's calls start on.
    executor_type get_executor() const noexcept { return ex_; }

    /// The configuration error every call would report, or an empty code. (With a tenant locator
    /// the tenant's URL is checked when the state service has named it.)
    error_code config_error(diagnostics* diag = nullptr) const {
        if (ses_) {
            if (diag)
                diag->clear();
            return ses_->config_error(diag);
        }
        if (diag)
            *diag = st_->pc.error_diag;
        return st_->pc.error;
    }

    /// How many connections the client has opened so far (to the tenant's current host, with
    /// renewable credentials or a located tenant: a new host or new credentials start anew).
    std::size_t connections_opened() const noexcept {
        auto st = state();
        return st ? st->connections_opened.load() : 0;
    }
    /// How many idle connections are kept for reuse.
    std::size_t idle_connections() const {
        auto st = state();
        return st ? st->idle_count() : 0;
    }
    /// How many calls are inside the in-flight gate (`rate_limit::max_in_flight`; 0 without a cap).
    std::size_t calls_in_flight() const {
        return ses_ ? ses_->limits().in_flight() : st_->limits.in_flight();
    }
    /// How many calls wait at the in-flight gate.
    std::size_t calls_waiting() const { return ses_ ? ses_->limits().waiting() : st_->limits.waiting(); }
    /// Closes the idle connections. Calls in flight are not affected.
    void close_idle() {
        if (auto st = state())
            st->close_idle();
    }

    /// What the client did to obtain credentials and locate the tenant (all zero for a fixed base
    /// URL with static credentials).
    session_stats session_statistics() const { return ses_ ? ses_->stats() : session_stats{}; }

    /// Calls operation `Op`.
    template <class Op, class CompletionToken = default_token_t>
    auto async_call(request_t<Op> const& request, call_options const& options, CompletionToken&& token = {}) {
        if (ses_) {
            if (options.diag)
                options.diag->clear();
            return boost::asio::async_initiate<CompletionToken, signature_t<Op>>(
                detail::initiate_call<Op>(
                    detail::client_call_op<Op>(detail::session_call_op<Op>(ses_, request, options)), ex_),
                token, options.diag);
        }
        return boost::asio::async_initiate<CompletionToken, signature_t<Op>>(
            detail::initiate_call<Op>(detail::client_call_op<Op>(detail::call_op<Op>(
                                          detail::make_call_exchange<Op>(st_, request, options))),
                                      ex_),
            token, options.diag);
    }

    /// Calls operation `Op` with default options.
    template <class Op, class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>) auto async_call(
        request_t<Op> const& request, CompletionToken&& token = {}) {
        return async_call<Op>(request, call_options{}, std::forward<CompletionToken>(token));
    }

private:
    std::shared_ptr<detail::client_state> state() const { return ses_ ? ses_->current_state() : st_; }

    executor_type ex_;
    std::shared_ptr<detail::client_state> st_; // a fixed host with static credentials
    std::shared_ptr<detail::session> ses_;     // otherwise
};

} // namespace superoffice::erpsync

#endif
