//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_SESSION_CALL_OP_HPP
#define SO_ERPSYNC_IMPL_SESSION_CALL_OP_HPP

// The composed operation of a call through a session (renewable credentials, a located tenant):
// take the session's route (waiting for a renewal when one is needed), run the call on it as
// `call_op` does, and replay it once after a 401 (new credentials) and once after a 421 or an
// unreachable host (the state service asked again); `replay_after` decides.

#include <superoffice/erpsync/detail/session.hpp>
#include <superoffice/erpsync/impl/call_op.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <type_traits>
#include <variant>

namespace superoffice::erpsync::detail {

template <class Op>
class session_call_op {
    struct acquired_t {};
    struct replay_t {};

    /// What outlives each step (shared with the exchange's completion).
    struct state {
        request_t<Op> request;
        call_options options;
        session::route_ptr route{};
        bool renewed = false;
        bool relocated = false;
        unsigned attempts_so_far = 0;   // of its exchanges, those replayed included
        unsigned overloaded_so_far = 0; // their 429 and 503 answers
        std::mutex m;                   // guards the two below (the cancellation slot may fire on any thread)
        std::weak_ptr<exchange> running{};
        std::uint64_t waiting = 0; // the session's waiter id while waiting for a renewal
        bool cancelled = false;
        std::chrono::steady_clock::time_point deadline{};
    };

public:
    session_call_op(std::shared_ptr<session> s, request_t<Op> const& request, call_options const& options)
        : s_(std::move(s)), st_(std::make_shared<state>()) {
        st_->request = request;
        st_->options = options;
    }

    /// Sets the call's diagnostics target (before the call starts).
    void set_diagnostics(diagnostics* diag) {
        if (diag && diag != st_->options.diag)
            diag->clear();
        st_->options.diag = diag;
    }

    /// Starts the call.
    template <class Self>
    void operator()(Self& self) {
        self.reset_cancellation_state(boost::asio::enable_total_cancellation());
        auto slot = self.get_cancellation_state().slot();
        if (slot.is_connected())
            slot.assign([w = std::weak_ptr<state>(st_),
                         ws = std::weak_ptr<session>(s_)](boost::asio::cancellation_type t) {
                if ((t & (boost::asio::cancellation_type::terminal |
                          boost::asio::cancellation_type::total)) == boost::asio::cancellation_type::none)
                    return;
                if (auto st = w.lock()) {
                    std::shared_ptr<exchange> x;
                    std::uint64_t waiting = 0;
                    {
                        std::lock_guard lock(st->m);
                        st->cancelled = true;
                        x = st->running.lock();
                        waiting = st->waiting;
                    }
                    if (x)
                        x->cancel();
                    if (auto s = ws.lock(); s && waiting) // waiting for a renewal: end the wait now
                        s->cancel_wait(waiting);
                }
            });
        st_->deadline =
            std::chrono::steady_clock::now() + st_->options.timeout.value_or(s_->config().timeout);
        acquire(self);
    }

    /// The session answered.
    template <class Self>
    void operator()(Self& self, acquired_t, error_code ec, session::route_ptr r, diagnostics d) {
        if (!ec && cancelled())
            ec = boost::asio::error::operation_aborted;
        if (ec) {
            if (st_->options.diag)
                *st_->options.diag = std::move(d);
            fail(self, ec);
            return;
        }
        run(self, std::move(r));
    }

    /// The call is sent again.
    template <class Self>
    void operator()(Self& self, replay_t) {
        acquire(self);
    }

    /// The completion, on the handler's executor.
    template <class Self, class... R>
    void operator()(Self& self, error_code ec, R&&... r) {
        self.complete(ec, std::forward<R>(r)...);
    }

private:
    bool cancelled() const {
        std::lock_guard lock(st_->m);
        return st_->cancelled;
    }

    /// Completes with `ec` (posted: this may run inside the initiating function).
    template <class Self>
    void fail(Self& self, error_code ec) {
        if constexpr (std::is_void_v<response_t<Op>>)
            boost::asio::post(boost::asio::append(std::move(self), ec));
        else
            boost::asio::post(boost::asio::append(std::move(self), ec, response_t<Op>{}));
    }

    template <class Self>
    void acquire(Self& self) {
        if (cancelled()) {
            fail(self, boost::asio::error::operation_aborted);
            return;
        }
        error_code ec;
        auto r = s_->try_route(ec, st_->options.diag);
        if (ec) {
            fail(self, ec);
            return;
        }
        if (r) {
            run(self, std::move(r));
            return;
        }
        auto s = s_; // `self` holds this object: nothing of it is used once `self` moved
        auto st = st_;
        std::lock_guard lock(st->m); // the id is stored before a cancellation can look for it
        st->waiting = s->async_route(
            session::waiter([self = std::move(self), st](error_code e, session::route_ptr route,
                                                         diagnostics const& d) mutable {
                {
                    std::lock_guard lock(st->m);
                    st->waiting = 0;
                }
                boost::asio::post(boost::asio::append(std::move(self), acquired_t{}, e, std::move(route), d));
            }));
    }

    template <class Self>
    void run(Self& self, session::route_ptr r) {
        // The call's timeout counts from its start: waiting for a renewal and earlier attempts
        // used part of it.
        auto const left = st_->deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) {
            if (st_->options.diag)
                st_->options.diag->client_message =
                    "the call's timeout passed while credentials were renewed";
            fail(self, error::timeout);
            return;
        }
        call_options opt = st_->options;
        opt.timeout = left;
        auto x = make_call_exchange<Op>(r->st, st_->request, opt);
        st_->route = std::move(r);
        bool cancelled = false;
        {
            std::lock_guard lock(st_->m);
            st_->running = x;
            cancelled = st_->cancelled; // a cancellation that came before `running` was set
        }
        if (cancelled) {
            fail(self, boost::asio::error::operation_aborted);
            return;
        }
        auto s = s_; // `self` holds this object: nothing of it is used once `self` moved
        auto st = st_;
        x->start(exchange_completion([self = std::move(self), s = std::move(s),
                                      st = std::move(st)](error_code ec, exchange_data& d) mutable {
            replay_facts f;
            f.status = ec ? 0 : d.status;
            f.ec = ec;
            f.renewable = s->renewable();
            f.located = s->located();
            f.renewed = st->renewed;
            f.relocated = st->relocated;
            auto const why = replay_after(f);
            if (f.status == 401 && f.renewable && f.renewed) // fresh credentials refused too
                s->report_refused_again(*st->route, d.diag ? *d.diag : diagnostics{});
            bool stop = false;
            {
                std::lock_guard lock(st->m);
                stop = st->cancelled;
            }
            st->attempts_so_far += d.attempt;
            st->overloaded_so_far += d.overloaded;
            if (why != replay_reason::none && !stop) {
                (why == replay_reason::renew_credentials ? st->renewed : st->relocated) = true;
                s->report(*st->route, why);
                boost::asio::post(boost::asio::append(std::move(self), replay_t{}));
                return;
            }
            if (d.diag) { // the call's attempts, those of the exchanges replayed included
                d.diag->attempts = st->attempts_so_far;
                d.diag->overloaded = st->overloaded_so_far;
            }
            complete_call<Op>(std::move(self), ec, d);
        }));
    }

    std::shared_ptr<session> s_;
    std::shared_ptr<state> st_;
};

/// The operation of `client::async_call`: one type for both kinds of client (a fixed host with
/// static credentials, or a session), so that the initiating function has one return type.
template <class Op>
class client_call_op {
public:
    explicit client_call_op(call_op<Op> op) : v_(std::in_place_index<0>, std::move(op)) {}
    explicit client_call_op(session_call_op<Op> op) : v_(std::in_place_index<1>, std::move(op)) {}

    /// Sets the call's diagnostics target (before the call starts).
    void set_diagnostics(diagnostics* diag) {
        if (v_.index() == 0)
            std::get<0>(v_).set_diagnostics(diag);
        else
            std::get<1>(v_).set_diagnostics(diag);
    }

    template <class Self, class... A>
    void operator()(Self& self, A&&... a) {
        if (v_.index() == 0)
            forward_to(std::get<0>(v_), self, std::forward<A>(a)...);
        else
            forward_to(std::get<1>(v_), self, std::forward<A>(a)...);
    }

private:
    // Each step's arguments fit only the operation that issued it (the other is never active).
    template <class O, class Self, class... A>
    static void forward_to(O& op, Self& self, A&&... a) {
        if constexpr (std::is_invocable_v<O&, Self&, A...>)
            op(self, std::forward<A>(a)...);
    }

    std::variant<call_op<Op>, session_call_op<Op>> v_;
};

} // namespace superoffice::erpsync::detail

#endif
