//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_SESSION_CORE_IPP
#define SO_ERPSYNC_IMPL_SESSION_CORE_IPP

#include <superoffice/erpsync/detail/session_core.hpp>

#include <algorithm>
#include <utility>

namespace superoffice::erpsync::detail {

SO_ERPSYNC_DECL replay_reason replay_after(replay_facts const& f) noexcept {
    if (f.status == 401 && f.renewable && !f.renewed)
        return replay_reason::renew_credentials;
    bool const unreachable =
        f.status == 0 && (f.ec == error::resolve_failed || f.ec == error::connect_failed);
    if ((f.status == 421 || unreachable) && f.located && !f.relocated)
        return replay_reason::relocate_tenant;
    return replay_reason::none;
}

SO_ERPSYNC_DECL session_core::needs session_core::what_is_needed(clock::time_point now,
                                                                 wall_clock::time_point wall) const {
    needs n;
    if (s_.located)
        n.tenant = !tenant_ || tenant_stale_ || wall >= tenant_until_;
    if (s_.renewable) {
        bool const held = cred_error_ && now - cred_error_at_ < s_.refusal_hold;
        bool const expiring = renew_at_ && now >= *renew_at_;
        bool const idle =
            s_.renew_after_idle > clock::duration::zero() && now - last_used_ >= s_.renew_after_idle;
        n.credentials = !held && (!has_secret_ || cred_stale_ || expiring || idle);
    }
    return n;
}

SO_ERPSYNC_DECL error_code session_core::held_failure(clock::time_point now, wall_clock::time_point wall,
                                                      diagnostics* diag) const {
    if (s_.located && tenant_ && !tenant_stale_ && wall < tenant_until_ && !tenant_->IsRunning) {
        bool const gone = tenant_state_is_permanent(tenant_->State);
        if (diag) {
            diag->clear();
            diag->tenant_state = tenant_->State;
            diag->client_message = gone ? "the tenant is deleted (state service)"
                                        : "the tenant is not running (state service); asked again after " +
                                              std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                                 tenant_until_ - wall)
                                                                 .count()) +
                                              " s";
        }
        return gone ? error::tenant_deleted : error::tenant_unavailable;
    }
    if (s_.renewable && cred_error_ && now - cred_error_at_ < s_.refusal_hold) {
        if (diag) {
            *diag = cred_error_diag_;
            if (!diag->client_message.empty())
                diag->client_message += " ";
            diag->client_message += "(held: not asked again for " +
                                    std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                       s_.refusal_hold - (now - cred_error_at_))
                                                       .count()) +
                                    " s)";
        }
        return cred_error_;
    }
    return {};
}

SO_ERPSYNC_DECL void session_core::tenant_resolved(tenant_state s, wall_clock::time_point wall) {
    tenant_until_ = tenant_state_valid_until(s, s_.locator, wall);
    std::string url = tenant_base_url(s);
    if (!url.empty() && url != tenant_url_) {
        tenant_url_ = std::move(url);
        ++tenant_gen_;
    }
    tenant_ = std::move(s);
    tenant_stale_ = false;
}

SO_ERPSYNC_DECL void session_core::credentials_obtained(std::string secret,
                                                        std::optional<clock::duration> lifetime,
                                                        clock::time_point now) {
    secret_ = std::move(secret);
    has_secret_ = true;
    cred_stale_ = false;
    renew_at_.reset();
    if (lifetime)
        renew_at_ = now + *lifetime - std::min(s_.expiry_margin, *lifetime / 2);
    last_used_ = now;
    ++cred_gen_;
    cred_error_ = {};
    cred_error_diag_ = {};
}

SO_ERPSYNC_DECL void session_core::credentials_refused_again(std::uint64_t gen, diagnostics const& d,
                                                             clock::time_point now) {
    if (gen != cred_gen_)
        return; // newer credentials exist: they may fare better
    cred_error_ = error::http_unauthorized;
    cred_error_diag_ = d;
    cred_error_diag_.client_message =
        "refused again with credentials obtained just before (revoked, not approved, or a wrong application "
        "token)";
    cred_error_at_ = now;
    cred_stale_ = false;
}

SO_ERPSYNC_DECL void session_core::credentials_failed(error_code ec, diagnostics const& d,
                                                      clock::time_point now) {
    if (ec != condition::authentication_failed)
        return; // the login host could not be reached: the next call asks again
    cred_error_ = ec;
    cred_error_diag_ = d;
    cred_error_at_ = now;
}

} // namespace superoffice::erpsync::detail

#endif
