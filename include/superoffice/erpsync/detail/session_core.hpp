//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_SESSION_CORE_HPP
#define SO_ERPSYNC_DETAIL_SESSION_CORE_HPP

// The decisions of a client's session (sans-io): when the tenant's state must be asked again
// (ValidUntil, a 421, a host that cannot be reached), when credentials must be renewed (none yet,
// refused with 401, expiring, idle too long), that renewals are single-flight (one look-up and one
// exchange for any number of calls; a refusal seen by a call that started before the last
// renewal does not renew again), which failures calls get without trying (a tenant that is not
// running, a refused exchange held for a while: never a loop of exchanges), and whether a finished
// call is replayed (once per reason). The I/O is `detail/session.hpp`'s; the clocks are the
// caller's.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/tenant.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace superoffice::erpsync::detail {

/// Why a finished call is sent again.
enum class replay_reason : unsigned char {
    none,              ///< the call's result stands
    renew_credentials, ///< 401 with renewable credentials: renew (if nobody did since), replay
    relocate_tenant,   ///< 421, or the tenant host could not be reached: ask the state, replay
};

/// The facts about a finished attempt that decide a replay.
struct replay_facts {
    unsigned status = 0;    ///< the HTTP status, 0 when none arrived
    error_code ec{};        ///< the transport's result (empty when a response arrived)
    bool renewable = false; ///< the credentials can be renewed
    bool located = false;   ///< the host comes from the state service
    bool renewed = false;   ///< this call was already replayed for its credentials
    bool relocated = false; ///< this call was already replayed for its host
};

/// Whether and why a finished call is replayed: at most once per reason, so never a loop.
SO_ERPSYNC_DECL replay_reason replay_after(replay_facts const& f) noexcept;

/// The state of a client's session; see the file comment. Not thread-safe: the session guards it.
class session_core {
public:
    using clock = std::chrono::steady_clock;
    using wall_clock = std::chrono::system_clock;

    struct settings {
        bool located = false;   ///< a tenant locator is configured
        bool renewable = false; ///< credentials are obtained by the client
        /// Credentials unused for this long are renewed first (0: never for idleness).
        clock::duration renew_after_idle{};
        /// Credentials are renewed this long before they expire.
        clock::duration expiry_margin{};
        /// A refused renewal (`condition::authentication_failed`) is reported to the calls that
        /// start within this time, without asking again.
        clock::duration refusal_hold = std::chrono::seconds(30);
        tenant_locator locator{};
    };

    explicit session_core(settings s) : s_(std::move(s)) {}

    /// What must be obtained before a call starting now can be sent.
    struct needs {
        bool tenant = false;
        bool credentials = false;
        bool any() const noexcept { return tenant || credentials; }
    };
    SO_ERPSYNC_DECL needs what_is_needed(clock::time_point now, wall_clock::time_point wall) const;

    /// The failure a call starting now gets without sending anything (a tenant that is not
    /// running, a refusal being held), or an empty code. Fills `diag` when given.
    SO_ERPSYNC_DECL error_code held_failure(clock::time_point now, wall_clock::time_point wall,
                                            diagnostics* diag) const;

    // --- single flight ---------------------------------------------------------------------
    /// True when the caller must run the renewal; false when one is already running (wait for it).
    bool begin_flight() noexcept {
        if (flying_)
            return false;
        flying_ = true;
        return true;
    }
    void end_flight() noexcept { flying_ = false; }
    bool flying() const noexcept { return flying_; }

    // --- outcomes of a renewal -----------------------------------------------------------------
    SO_ERPSYNC_DECL void tenant_resolved(tenant_state s, wall_clock::time_point wall);
    /// New credentials; `lifetime` when they expire by time (OAuth `expires_in`): they are renewed
    /// `expiry_margin` before, or at half their lifetime when that is shorter (never a renewal
    /// loop on short lifetimes).
    SO_ERPSYNC_DECL void credentials_obtained(std::string secret, std::optional<clock::duration> lifetime,
                                              clock::time_point now);
    SO_ERPSYNC_DECL void credentials_failed(error_code ec, diagnostics const& d, clock::time_point now);

    // --- what calls report -------------------------------------------------------------------
    /// A call was sent with the current credentials (sliding idle time).
    void used(clock::time_point now) noexcept { last_used_ = now; }
    /// A call sent with credentials of generation `gen` was refused (401): they are renewed unless
    /// a newer generation exists already.
    void credentials_refused(std::uint64_t gen) noexcept {
        if (gen == cred_gen_)
            cred_stale_ = true;
    }
    /// A call replayed with fresh credentials of generation `gen` was refused (401) again: they
    /// are not at fault (the access is revoked, not approved, or the app token is wrong), so
    /// renewing would only repeat the exchange for every call. The refusal is held like a refused
    /// exchange (`refusal_hold`): calls fail at once with `http_unauthorized`.
    SO_ERPSYNC_DECL void credentials_refused_again(std::uint64_t gen, diagnostics const& d,
                                                   clock::time_point now);
    /// A call sent to the host of generation `gen` was misdirected (421) or could not connect.
    void tenant_moved(std::uint64_t gen) noexcept {
        if (gen == tenant_gen_)
            tenant_stale_ = true;
    }

    // --- the current route -----------------------------------------------------------------
    std::string const& secret() const noexcept { return secret_; }
    std::uint64_t credentials_generation() const noexcept { return cred_gen_; }
    std::uint64_t tenant_generation() const noexcept { return tenant_gen_; }
    std::optional<tenant_state> const& tenant() const noexcept { return tenant_; }
    /// The tenant's root URL (empty without a locator or before the first answer).
    std::string const& tenant_url() const noexcept { return tenant_url_; }
    settings const& config() const noexcept { return s_; }

private:
    settings s_;
    bool flying_ = false;
    // tenant
    std::optional<tenant_state> tenant_{};
    std::string tenant_url_{};
    wall_clock::time_point tenant_until_{};
    bool tenant_stale_ = false;
    std::uint64_t tenant_gen_ = 0;
    // credentials
    std::string secret_{};
    bool has_secret_ = false;
    bool cred_stale_ = false;
    std::optional<clock::time_point> renew_at_{}; // expiry less the margin
    clock::time_point last_used_{};
    std::uint64_t cred_gen_ = 0;
    error_code cred_error_{};
    diagnostics cred_error_diag_{};
    clock::time_point cred_error_at_{};
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/session_core.ipp>
#endif

#endif
