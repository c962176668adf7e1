//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_WITH_DIAGNOSTICS_HPP
#define SO_ERPSYNC_IMPL_WITH_DIAGNOSTICS_HPP

// How `with_diagnostics` works: the calls' initiation takes the call's diagnostics target as its
// one argument (`call_options::diag`, null when unset). The adapter's initiation replaces a null
// target with diagnostics of its own, shared with the handler it wraps; that handler turns a
// failed `error_code` into an `exception_ptr` to an `error_with_diagnostics` made from them.

#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/error_with_diagnostics.hpp>
#include <superoffice/erpsync/with_diagnostics.hpp>

#include <boost/asio/associated_allocator.hpp>
#include <boost/asio/associator.hpp>
#include <boost/asio/async_result.hpp>

#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace superoffice::erpsync::detail {

/// The handler behind `with_diagnostics`: `void(error_code, R...)` to `void(exception_ptr, R...)`.
template <class Handler>
class with_diagnostics_handler {
public:
    with_diagnostics_handler(Handler h, std::shared_ptr<diagnostics> owned, diagnostics const* diag)
        : handler_(std::move(h)), owned_(std::move(owned)), diag_(diag) {}

    template <class... R>
    void operator()(error_code ec, R&&... r) {
        std::exception_ptr ep;
        if (ec) {
            if (owned_) // ours: moved into the exception
                ep = std::make_exception_ptr(error_with_diagnostics(ec, std::move(*owned_)));
            else // the user's call_options::diag: left filled
                ep = std::make_exception_ptr(error_with_diagnostics(ec, *diag_));
        }
        owned_.reset(); // freed before the handler runs (it may start the next call)
        std::move(handler_)(std::move(ep), std::forward<R>(r)...);
    }

    Handler handler_;

private:
    std::shared_ptr<diagnostics> owned_; // when the call had no call_options::diag
    diagnostics const* diag_;
};

/// The initiation behind `with_diagnostics`: gives the call a diagnostics target and wraps the
/// handler.
template <class Initiation>
class with_diagnostics_initiation {
public:
    explicit with_diagnostics_initiation(Initiation init) : init_(std::move(init)) {}

    template <class Handler>
    void operator()(Handler&& handler, diagnostics* diag) {
        using H = std::decay_t<Handler>;
        std::shared_ptr<diagnostics> owned;
        if (!diag) {
            owned = std::allocate_shared<diagnostics>(boost::asio::get_associated_allocator(handler));
            diag = owned.get();
        }
        std::move(init_)(with_diagnostics_handler<H>(std::forward<Handler>(handler), std::move(owned), diag),
                         diag);
    }

    template <class Handler, class... A>
    void operator()(Handler&&, A&&...) {
        static_assert(sizeof(Handler) == 0,
                      "with_diagnostics: only for the calls of superoffice::erpsync::client");
    }

private:
    Initiation init_;
};

template <class Signature>
struct with_diagnostics_signature {
    static_assert(sizeof(Signature) == 0,
                  "with_diagnostics: the completion signature must be void(error_code, R...) (did you "
                  "wrap a token that changes it, such as as_tuple?)");
};
template <class... R>
struct with_diagnostics_signature<void(error_code, R...)> {
    using type = void(std::exception_ptr, R...);
};

} // namespace superoffice::erpsync::detail

namespace boost::asio {

template <class CompletionToken, class Signature>
struct async_result<superoffice::erpsync::with_diagnostics_t<CompletionToken>, Signature>
    : async_result<CompletionToken,
                   typename superoffice::erpsync::detail::with_diagnostics_signature<Signature>::type> {
    using base =
        async_result<CompletionToken,
                     typename superoffice::erpsync::detail::with_diagnostics_signature<Signature>::type>;

    template <class Initiation, class RawToken, class... Args>
    static auto initiate(Initiation&& init, RawToken&& token, Args&&... args) {
        using wrapped = superoffice::erpsync::detail::with_diagnostics_initiation<std::decay_t<Initiation>>;
        return boost::asio::async_initiate<
            CompletionToken,
            typename superoffice::erpsync::detail::with_diagnostics_signature<Signature>::type>(
            wrapped(std::forward<Initiation>(init)), token.token_, std::forward<Args>(args)...);
    }
};

template <template <class, class> class Associator, class Handler, class DefaultCandidate>
struct associator<Associator, superoffice::erpsync::detail::with_diagnostics_handler<Handler>,
                  DefaultCandidate> : Associator<Handler, DefaultCandidate> {
    static typename Associator<Handler, DefaultCandidate>::type
    get(superoffice::erpsync::detail::with_diagnostics_handler<Handler> const& h) noexcept {
        return Associator<Handler, DefaultCandidate>::get(h.handler_);
    }
    static auto get(superoffice::erpsync::detail::with_diagnostics_handler<Handler> const& h,
                    DefaultCandidate const& c) noexcept
        -> decltype(Associator<Handler, DefaultCandidate>::get(h.handler_, c)) {
        return Associator<Handler, DefaultCandidate>::get(h.handler_, c);
    }
};

} // namespace boost::asio

#endif
