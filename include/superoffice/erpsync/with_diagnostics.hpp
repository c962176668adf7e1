//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_WITH_DIAGNOSTICS_HPP
#define SO_ERPSYNC_WITH_DIAGNOSTICS_HPP

/// @file
/// `with_diagnostics(token)`: a completion token adapter that puts a failed call's `diagnostics`
/// into the exception a throwing token raises.

#include <boost/asio/use_awaitable.hpp>

#include <type_traits>
#include <utility>

namespace superoffice::erpsync {

/// Wraps another completion token (see `with_diagnostics`).
template <class CompletionToken>
class with_diagnostics_t {
public:
    /// Wraps a default-constructed token (e.g. `with_diagnostics_t<boost::asio::use_awaitable_t<>>{}`).
    constexpr with_diagnostics_t() requires std::is_default_constructible_v<CompletionToken>
    = default;

    /// Wraps `token`.
    template <class T>
    requires(!std::is_same_v<std::remove_cvref_t<T>,
                             with_diagnostics_t>) constexpr explicit with_diagnostics_t(T&& token)
        : token_(std::forward<T>(token)) {}

    /// The wrapped token.
    CompletionToken token_;
};

/// Adapts `token` for the calls of `client` (`async_call` and the named `async_*` members): the
/// completion signature `void(error_code, R)` becomes `void(std::exception_ptr, R)` (and
/// `void(error_code)` becomes `void(std::exception_ptr)`), the exception being an
/// `error_with_diagnostics` that carries the call's `diagnostics` (HTTP status, the server's
/// error body and excerpt, the field path of a decode failure, the attempts made); on success
/// the pointer is null. Throwing tokens (`use_awaitable`, `use_future`, `deferred` awaited in a
/// coroutine) then throw `error_with_diagnostics` instead of a bare `system_error`.
///
/// Each call gets its own diagnostics: `call_options::diag` when set (it is still filled), else
/// one allocated for the call (with the handler's associated allocator), so concurrent calls never
/// share them. The handler's associated executor, allocator and cancellation slot pass through:
/// cancellation works as without the adapter.
///
/// `use_awaitable` wrapped this way is the calls' default token (`default_token_t`), so
/// `co_await c.async_x(request)` throws `error_with_diagnostics`.
///
/// With Boost 1.81, `co_await` on `with_diagnostics(deferred)` does not compile for
/// `void(std::exception_ptr, T)` (Asio's `awaitable_async_op_handler::resume` tests the wrong
/// member); in coroutines use `with_diagnostics(use_awaitable)`, the default.
///
/// Only for this library's calls: other asynchronous functions do not accept it (a compile-time
/// error). The wrapped token must not change the signature first (`with_diagnostics(as_tuple(x))`
/// does not compile; `as_tuple(x)` alone gives the plain `error_code`).
template <class CompletionToken>
constexpr with_diagnostics_t<std::decay_t<CompletionToken>> with_diagnostics(CompletionToken&& token) {
    return with_diagnostics_t<std::decay_t<CompletionToken>>(std::forward<CompletionToken>(token));
}

/// The completion token of every call when none is given: `with_diagnostics(use_awaitable)`.
///
/// So `co_await c.async_x(request)` in a coroutine (`boost::asio::awaitable<T>` on
/// `any_io_executor`) gives the result and throws `error_with_diagnostics` on failure, and the call
/// starts when awaited (its timeout counts from there). Not `with_diagnostics(deferred)` as in
/// Boost.MySQL: with Boost 1.81, awaiting a deferred operation whose signature is
/// `void(std::exception_ptr, T)` does not compile (`awaitable_async_op_handler::resume` tests the
/// wrong member), and plain `deferred` would throw a `system_error` without the diagnostics.
/// Outside a coroutine, or for a deferred operation, pass a token (`as_tuple(deferred)`, a
/// callback, `with_diagnostics(use_future)`); coroutines on another executor type pass
/// `with_diagnostics(use_awaitable_t<Executor>{})`.
using default_token_t = with_diagnostics_t<boost::asio::use_awaitable_t<>>;

} // namespace superoffice::erpsync

#include <superoffice/erpsync/impl/with_diagnostics.hpp>

#endif
