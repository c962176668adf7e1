//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CREDENTIALS_HPP
#define SO_ERPSYNC_CREDENTIALS_HPP

/// @file
/// `credentials`: how a client authenticates. Static forms (Basic, SOTicket, Bearer) and the two
/// renewable forms of SuperOffice Online: a system user (a signed token exchanged for a ticket)
/// and OAuth (a refresh token exchanged for access tokens).

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace superoffice::erpsync {

/// How the client authenticates (the `Authorization` header, and for a system user `SO-AppToken`).
///
/// Secrets (passwords, tickets, tokens, private keys, client secrets) are kept in memory only to
/// authenticate; the library never logs them, and neither `diagnostics` nor log records contain
/// them.
class credentials {
public:
    /// The scheme of the `Authorization` header.
    enum class scheme {
        none,        ///< no header
        basic,       ///< `Basic base64(user:password)`
        so_ticket,   ///< `SOTicket <ticket>`
        bearer,      ///< `Bearer <token>`
        system_user, ///< `SOTicket <ticket>` + `SO-AppToken`, the ticket from a system-user exchange
        oauth,       ///< `Bearer <access token>`, refreshed with a refresh token
    };

    /// Server-to-server access to SuperOffice Online as the tenant's system user.
    ///
    /// Before its first call, and again whenever the ticket is refused (401) or has been idle for
    /// `renew_after_idle`, the client signs `system_user_token` with `private_key` (RSA-SHA256,
    /// PKCS#1 v1.5, UTC `yyyyMMddHHmm`), exchanges it at
    /// `POST {environment}/Login/api/PartnerSystemUser/Authenticate`, validates the JWT it gets
    /// back (RS256 with the environment's published keys, or `jwt_key`; issuer `SuperOffice AS`,
    /// audience `spn:{serial}`, `exp`/`nbf`) and calls with `Authorization: SOTicket <ticket>` and
    /// `SO-AppToken: <application_token>`. Renewal is single-flight: calls in flight share one
    /// exchange; a call refused with 401 is replayed once with the new ticket. Refusals are
    /// reported as `error::auth_revoked`, `auth_expired`, `auth_denied`, `auth_needs_reapproval`,
    /// `auth_invalid_timestamp`, `auth_invalid_signature` or `auth_refused`.
    struct system_user {
        /// The system user token (`http://schemes.superoffice.net/identity/system_token`), e.g.
        /// `My App-8k8Q7DmBgo`.
        std::string system_user_token{};
        /// The application's RSA private key: PEM (`RSA PRIVATE KEY` or `PRIVATE KEY`) or the
        /// .NET `<RSAKeyValue>` XML the developer portal hands out.
        std::string private_key{};
        /// The application token: the app's OAuth client secret. Sent in the exchange and as
        /// `SO-AppToken` with every call.
        std::string application_token{};
        /// The tenant, e.g. `Cust12345`.
        std::string context_identifier{};
        /// Where to authenticate: `online`, `sod`, `stage` or `qaonline` (for
        /// `https://{name}.superoffice.com`), or a base URL such as `https://sod.superoffice.com`
        /// or a sandbox's `http://127.0.0.1:PORT`. Never a numbered tenant host.
        std::string environment{};
        /// A PEM public key or certificate to verify the JWT with, instead of the keys the
        /// environment publishes (`/login/.well-known/openid-configuration` -> `jwks_uri`).
        /// Published keys are kept 15 minutes (the official client: 15 s), and fetched again at
        /// once when a token names a key that is not among them (a rolled key).
        std::string jwt_key{};
        /// Clock difference allowed when checking the JWT's `exp` and `nbf`.
        std::chrono::seconds clock_skew{300};
        /// A ticket unused for this long is renewed before the next call (tickets expire after
        /// 6 hours without use). Zero: only when refused.
        std::chrono::seconds renew_after_idle{std::chrono::hours(5)};
    };

    /// Interactive SuperOffice Online access with an OAuth refresh token (from an earlier
    /// authorization-code flow, which this library does not run).
    ///
    /// The client posts `grant_type=refresh_token` to the token endpoint before its first call,
    /// again `expiry_margin` before the access token's `expires_in` ends, and when a call is
    /// refused with 401 (replayed once); renewal is single-flight. A refresh token in the reply
    /// replaces the old one and is handed to `on_refresh_token` (store it: the old one may stop
    /// working). RFC 6749 error replies give `error::oauth_invalid_grant` (consent again) or
    /// `oauth_refused`, with `error` and `error_description` in the diagnostics.
    struct oauth {
        /// The application's client id.
        std::string client_id{};
        /// The application's client secret (never logged).
        std::string client_secret{};
        /// The refresh token (never logged).
        std::string refresh_token{};
        /// As `system_user::environment`; the token endpoint is
        /// `{environment}/login/common/oauth/tokens`.
        std::string environment{};
        /// A full token endpoint URL, used instead of the one derived from `environment`.
        std::string token_endpoint{};
        /// An access token is renewed this long before it expires.
        std::chrono::seconds expiry_margin{60};
        /// Called with each new refresh token the server sends (on a thread running the client's
        /// executor; keep it short, do not block).
        std::function<void(std::string const& refresh_token)> on_refresh_token{};
    };

    /// No `Authorization` header (e.g. an `X-XSRF-TOKEN` session).
    credentials() = default;
    /// A system user (see `system_user`).
    credentials(
        system_user s) // NOLINT: implicit, so that `cfg.auth = credentials::system_user{...}` reads well
        : kind_(scheme::system_user), system_user_(std::make_shared<system_user const>(std::move(s))) {}
    /// An OAuth refresh token (see `oauth`).
    credentials(oauth o) // NOLINT: implicit, as above
        : kind_(scheme::oauth), oauth_(std::make_shared<oauth const>(std::move(o))) {}

    /// `Authorization: Basic base64(user:password)` (onsite installations).
    static credentials basic(std::string user, std::string password) {
        return credentials(scheme::basic, std::move(user), std::move(password));
    }
    /// `Authorization: SOTicket <ticket>`, the ticket as-is (e.g. `7T:...`). Online system users
    /// also need `client_config::app_token`.
    static credentials so_ticket(std::string ticket) {
        return credentials(scheme::so_ticket, {}, std::move(ticket));
    }
    /// `Authorization: Bearer <access token>` (Online, interactive).
    static credentials bearer(std::string token) { return credentials(scheme::bearer, {}, std::move(token)); }

    /// Which scheme it is.
    scheme kind() const noexcept { return kind_; }
    /// `basic`: the user name.
    std::string const& user() const noexcept { return user_; }
    /// `basic`: the password; `so_ticket`: the ticket; `bearer`: the token.
    std::string const& secret() const noexcept { return secret_; }
    /// `system_user`: its settings; null otherwise.
    system_user const* system_user_settings() const noexcept { return system_user_.get(); }
    /// `oauth`: its settings; null otherwise.
    oauth const* oauth_settings() const noexcept { return oauth_.get(); }
    /// Whether the credentials are obtained and renewed by the client (`system_user`, `oauth`).
    bool renewable() const noexcept { return kind_ == scheme::system_user || kind_ == scheme::oauth; }

private:
    credentials(scheme k, std::string user, std::string secret)
        : kind_(k), user_(std::move(user)), secret_(std::move(secret)) {}
    scheme kind_ = scheme::none;
    std::string user_{};
    std::string secret_{};
    std::shared_ptr<system_user const> system_user_{};
    std::shared_ptr<oauth const> oauth_{};
};

} // namespace superoffice::erpsync

#endif
