//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_SESSION_HPP
#define SO_ERPSYNC_DETAIL_SESSION_HPP

// A client's session with SuperOffice Online: the current route of its calls (the tenant's host
// and the credentials to send), obtained and renewed through the environment's login, token and
// state services. The decisions are `session_core`'s; this class does the I/O (one renewal at a
// time, on its own strand) and hands calls a ready `client_state` for the tenant host with the
// current credentials. Used by `client` when the credentials are renewable or a tenant locator
// is configured; static configurations never make one.

#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/detail/connection_pool.hpp>
#include <superoffice/erpsync/detail/session_core.hpp>
#include <superoffice/erpsync/jwt.hpp>
#include <superoffice/erpsync/rsa_key.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace superoffice::erpsync {

/// What a client's session has done so far (see `client::session_stats`).
struct session_stats {
    /// State service look-ups (`GET {environment}/api/state/{ctx}`).
    std::size_t state_lookups = 0;
    /// Credentials obtained: system-user exchanges or OAuth refreshes that succeeded.
    std::size_t renewals = 0;
    /// Renewals that failed (refused, or the login host could not be reached).
    std::size_t failed_renewals = 0;
    /// Calls sent again after a 401 with new credentials.
    std::size_t replays_after_401 = 0;
    /// Calls sent again after a 421 or an unreachable tenant host, to the host the state service
    /// named.
    std::size_t replays_after_move = 0;
};

namespace detail {

class session : public std::enable_shared_from_this<session> {
public:
    /// The host and credentials of calls: a ready client state, and the generations it was made
    /// from (to report a refusal or a move against).
    struct route {
        std::shared_ptr<client_state> st;
        std::uint64_t credentials_generation = 0;
        std::uint64_t tenant_generation = 0;
    };
    using route_ptr = std::shared_ptr<route const>;

    /// A move-only `void(error_code, route_ptr, diagnostics const&)` callback.
    class waiter {
        struct base {
            virtual ~base() = default;
            virtual void call(error_code, route_ptr, diagnostics const&) = 0;
        };
        template <class F>
        struct impl final : base {
            explicit impl(F&& f) : f(std::move(f)) {}
            void call(error_code ec, route_ptr r, diagnostics const& d) override { f(ec, std::move(r), d); }
            F f;
        };
        std::unique_ptr<base> p_;

    public:
        template <class F>
        explicit waiter(F f) : p_(std::make_unique<impl<F>>(std::move(f))) {}
        void operator()(error_code ec, route_ptr r, diagnostics const& d) {
            auto p = std::move(p_);
            p->call(ec, std::move(r), d);
        }
    };

    /// Prepares the session (reads the keys; a configuration error is reported by every call).
    SO_ERPSYNC_DECL session(boost::asio::any_io_executor ex, client_config cfg);

    /// Whether a client with `cfg` needs a session.
    static bool needed(client_config const& cfg) noexcept {
        return cfg.auth.renewable() || cfg.tenant.enabled();
    }

    /// The route for a call starting now. Null with `ec` set: the call fails at once (`diag`
    /// filled). Null with `ec` empty: call `async_route`.
    SO_ERPSYNC_DECL route_ptr try_route(error_code& ec, diagnostics* diag);

    /// Waits for the renewal in progress, or starts one, then calls `w` (from the session's
    /// strand) with the route or the error. Returns an id for `cancel_wait`.
    SO_ERPSYNC_DECL std::uint64_t async_route(waiter w);

    /// Calls the waiter `id` at once with `operation_aborted` (from the calling thread), unless it
    /// was answered already.
    SO_ERPSYNC_DECL void cancel_wait(std::uint64_t id);

    /// A call sent on `r` was refused (401) or misdirected (421, unreachable host).
    SO_ERPSYNC_DECL void report(route const& r, replay_reason why);

    /// A call replayed with new credentials on `r` was refused (401) again (see
    /// `session_core::credentials_refused_again`).
    SO_ERPSYNC_DECL void report_refused_again(route const& r, diagnostics const& d);

    /// Whether calls are replayed after a 401 / a 421.
    bool renewable() const noexcept { return core_.config().renewable; }
    bool located() const noexcept { return core_.config().located; }

    /// The client state of the newest route (null before the first).
    SO_ERPSYNC_DECL std::shared_ptr<client_state> current_state() const;

    SO_ERPSYNC_DECL erpsync::session_stats stats() const;

    /// The configuration error every call reports (empty when none).
    error_code config_error(diagnostics* diag) const {
        if (diag && config_error_)
            *diag = config_diag_;
        return config_error_;
    }
    /// The gate and rate limit shared by every route.
    limiter& limits() const noexcept { return *limits_; }

    boost::asio::any_io_executor const& executor() const noexcept { return ex_; }
    client_config const& config() const noexcept { return cfg_; }

private:
    SO_ERPSYNC_DECL void start_flight();
    /// Ends a renewal: hands every waiter its result; true when another renewal must follow.
    SO_ERPSYNC_DECL bool finish_flight(error_code ec, diagnostics const& d, bool may_repeat);
    SO_ERPSYNC_DECL route_ptr make_route_locked();
    SO_ERPSYNC_DECL std::shared_ptr<client_state> make_state(client_config c,
                                                             std::shared_ptr<limiter> limits);
    SO_ERPSYNC_DECL void log(log_level level, std::string_view operation, std::string_view event,
                             error_code ec, std::string_view message);

    boost::asio::any_io_executor ex_;
    boost::asio::any_io_executor strand_;
    client_config cfg_;
    error_code config_error_{};
    diagnostics config_diag_{};
    std::string environment_;                  // base URL of the login/state host
    std::shared_ptr<client_state> env_;        // the environment host
    std::shared_ptr<client_state> token_host_; // the OAuth token endpoint's host
    std::string token_path_;                   // its path
    std::shared_ptr<limiter> limits_;          // shared by every route's client state
    std::shared_ptr<boost::asio::ssl::context> tls_context_;
    rsa_key private_key_{};
    jwk_set pinned_keys_{};
    // Everything below is guarded by m_.
    mutable std::mutex m_;
    session_core core_;
    route_ptr route_;
    std::vector<std::pair<std::uint64_t, waiter>> waiters_;
    std::uint64_t next_waiter_ = 0;
    jwk_set jwks_{};
    std::chrono::steady_clock::time_point jwks_at_{};
    std::string refresh_token_; // the newest OAuth refresh token
    erpsync::session_stats stats_{};

    friend struct session_flight;
};

} // namespace detail
} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/session.ipp>
#endif

#endif
