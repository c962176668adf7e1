//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_ONLINE_HPP
#define SO_ERPSYNC_SANDBOX_ONLINE_HPP

/// @file
/// SuperOffice Online's login, token and tenant-state services, as the sandbox emulates them
/// (`options::online`, off by default). See the specification `auth-and-tenants.md` §6.
///
/// With `online_options::enabled`, `sandbox::server` listens on one more loopback port, the
/// **environment host** (`server::environment_url()`, the emulation of `sod.superoffice.com`),
/// and serves the tenant API on one of several **tenant hosts** (`server::tenant_host_url(i)`,
/// the emulation of `sod2`, `sod3`, ...; host 0 is the server's usual port). All listeners share
/// one state. Hosts are told apart by the port a request arrives on, not by its `Host` header.
///
/// @par The environment host
/// Paths are matched case-insensitively (IIS does).
/// - `GET /login/.well-known/openid-configuration`: the OpenID Connect metadata (§2.1) with the
///   environment URL as host. `token_endpoint_auth_methods_supported` is `["client_secret_post"]`
///   only: the sandbox reads the client's credentials from parameters, not from Basic.
/// - `GET /login/.well-known/jwks`: `{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid",
///   "n","e"}]}`, the server's signing key, made when the server starts (`rsa_key::generate`);
///   `kid` is its `rsa_key::thumbprint()`. No certificate (`x5c`, `x5t`).
/// - `POST /Login/api/PartnerSystemUser/Authenticate`: the system-user exchange (§1.3). The body
///   is JSON `{"SignedSystemToken","ApplicationToken","ContextIdentifier","ReturnTokenType"}`
///   (400 when it is not a JSON object). Checked in this order, the first failure answering
///   `{"IsSuccessful":false,"Token":null,"ErrorMessage":"<Name>: <text>"}` with the
///   `AuthorizeErrorCode` name:
///   1. the signed token against `system_user_key` and `timestamp_window`
///      (`check_signed_system_user_token`): `InvalidSignature` or `InvalidTimestamp`;
///   2. `ContextIdentifier`, `ApplicationToken` and the token's system user token against the
///      options: `Denied` (the sandbox's choice: no code names these cases);
///   3. `refuse_exchange`: `Revoked`, `Expired`, `Denied` or `NeedsReapproval`.
///   Refusals are 200 by default (`refusal_http_status` makes them 401 for `InvalidSignature` and
///   `InvalidTimestamp`, 403 for the others, with the same body). Success is
///   `{"IsSuccessful":true,"Token":"<JWT>","ErrorMessage":null}`: an RS256 JWT with `iss`
///   `SuperOffice AS`, `aud` `spn:<serial>`, `iat`, `nbf` (iat - 60 s), `exp` (iat +
///   `jwt_lifetime`) and, under `http://schemes.superoffice.net/identity/`, the string claims
///   `ticket` (a new `7T:<Base64>`), `ctx`, `serial`, `system_token`, `webapi_url` and
///   `netserver_url`. As in production, the URL claims name the environment host, not the
///   tenant's current host: the state service is the routing truth.
/// - `POST /login/common/oauth/tokens`: the OAuth token endpoint (§2.2), grant `refresh_token`
///   only. Parameters are read from the query string and from an
///   `application/x-www-form-urlencoded` body (both percent-decoded; the body wins). Success:
///   `{"access_token":"8A:<ctx>.<random>","token_type":"Bearer","expires_in":N,"id_token":"<JWT>"}`
///   (plus `refresh_token` with `rotate_refresh_tokens`); the id_token has `iss` the environment
///   URL and `aud` the client id. Errors are RFC 6749 `{"error","error_description"}`:
///   `invalid_request` (a parameter missing, 400), `unsupported_grant_type` (400),
///   `invalid_client` (401), `invalid_grant` (unknown refresh token, 400).
/// - `GET /api/state/{ctx}`: the tenant state (§3.1), `{"ContextIdentifier","Endpoint","State",
///   "IsRunning","ValidUntil","Api","Version"}`, `Endpoint` the current tenant host's URL with the
///   tenant path, `Api` that plus `/api`, `ValidUntil` now + `state_valid_for` in ISO 8601 UTC
///   with 7 fraction digits. For a context identifier that is not the sandbox's (compared
///   case-insensitively) the answer is 200 with `"State":"Unknown","IsRunning":false` and
///   `Endpoint`, `Api` and `Version` null: the sandbox's choice, production's answer is not
///   documented.
/// - Any request for the tenant path (`base_path`) there answers 421, as on a tenant host the
///   tenant does not live on; anything else 404.
///
/// @par The tenant hosts
/// A request for the tenant path (REST or SOAP) on a tenant host other than the current one
/// (`server::move_tenant`) answers **421** with the WebAPI error body, `ErrorMessage` "Wrong
/// subdomain used to access tenant". On the current host, while the state is not running
/// (`is_running`), it answers **503** with `ErrorType` `ServiceUnavailableException` and no
/// `Retry-After` (the sandbox's choice; production's answer is not documented). Then the
/// credentials are checked: those of `options` as before, and in addition
/// - `Authorization: SOTicket <t>` with a ticket issued by the exchange that has not been idle
///   longer than `ticket_lifetime` (sliding: every accepted use starts the window again), with
///   `SO-AppToken` equal to `application_token` (for SOAP: the `Credentials/Ticket` and
///   `ApplicationToken` headers, or `SO-AppToken`);
/// - `Authorization: Bearer <t>` with an access token issued by the token endpoint, less than
///   `access_token_lifetime` old.
/// Anything else answers 401 as before.

#include <superoffice/erpsync/rsa_key.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace superoffice::erpsync::sandbox {

/// A tenant's state as the state service reports it (`State`, §3.1), with its documented number.
enum class tenant_state : int {
    unknown = 0,             ///< `Unknown`: tenant unknown or an environment problem
    provisioning = 1,        ///< `Provisioning`
    running = 2,             ///< `Running`: the API is available
    deleted = 3,             ///< `Deleted`
    suspended = 4,           ///< `Suspended`
    online_maintenance = 5,  ///< `OnlineMaintenance`: the API is available
    offline_maintenance = 6, ///< `OfflineMaintenance`
    provisioning_failed = 8, ///< `ProvisioningFailed`
    deleting = 10,           ///< `Deleting`
    delete_failed = 11,      ///< `DeleteFailed`
    migration_pending = 12,  ///< `MigrationPending`
};

/// The wire name of a state, e.g. `"OfflineMaintenance"`.
inline char const* to_string(tenant_state s) noexcept {
    switch (s) {
    case tenant_state::unknown:
        return "Unknown";
    case tenant_state::provisioning:
        return "Provisioning";
    case tenant_state::running:
        return "Running";
    case tenant_state::deleted:
        return "Deleted";
    case tenant_state::suspended:
        return "Suspended";
    case tenant_state::online_maintenance:
        return "OnlineMaintenance";
    case tenant_state::offline_maintenance:
        return "OfflineMaintenance";
    case tenant_state::provisioning_failed:
        return "ProvisioningFailed";
    case tenant_state::deleting:
        return "Deleting";
    case tenant_state::delete_failed:
        return "DeleteFailed";
    case tenant_state::migration_pending:
        return "MigrationPending";
    }
    return "Unknown";
}

/// `IsRunning`: true for `Running` and `OnlineMaintenance` only.
constexpr bool is_running(tenant_state s) noexcept {
    return s == tenant_state::running || s == tenant_state::online_maintenance;
}

/// A refusal of the system-user exchange scripted by a test (`online_options::refuse_exchange`):
/// the `AuthorizeErrorCode` the exchange answers once the signature and identity checks passed.
enum class exchange_refusal {
    none,             ///< the exchange succeeds
    revoked,          ///< `Revoked` (1)
    expired,          ///< `Expired` (3)
    denied,           ///< `Denied` (4)
    needs_reapproval, ///< `NeedsReapproval` (5)
};

/// A defect the server builds into every JWT it issues (exchange token and id_token), to test a
/// client's validation end to end (`online_options::jwt_fault`).
enum class jwt_fault_kind {
    none,           ///< valid tokens
    bad_signature,  ///< the signature does not verify (one byte of it changed)
    wrong_issuer,   ///< `iss` is not the documented one
    wrong_audience, ///< `aud` is not the documented one
    expired,        ///< `exp` one hour ago (beyond any usual clock skew)
};

/// The emulation of SuperOffice Online (`options::online`). Every secret has a sandbox default so
/// that `enabled = true` plus `system_user_key` is enough to start.
struct online_options {
    /// Off by default: then none of this is served and nothing else changes.
    bool enabled = false;
    /// The port of the environment host; 0: an ephemeral port.
    std::uint16_t environment_port = 0;
    /// How many tenant hosts listen (at least 1): host 0 is the server's usual port
    /// (`options::port`), the others ephemeral ports.
    std::size_t tenant_hosts = 2;
    /// The tenant's context identifier; empty: `options::base_path` without its leading `/`.
    std::string context_identifier{};
    /// The system user token the exchange accepts (signed by the client, §1.2).
    std::string system_user_token = "ErpSync Sandbox-5aNdB0xSysT0k3n";
    /// The application token: the exchange's `ApplicationToken` and the `SO-AppToken` that must
    /// accompany a `SOTicket` issued by the exchange. (The static `options::app_token` is
    /// separate and applies to the static credentials only.)
    std::string application_token = "sandbox-application-token";
    /// The public key registered for the system user; the exchange verifies signatures with it.
    /// Empty: every exchange answers `InvalidSignature`.
    rsa_key system_user_key{};
    /// How far the signed token's timestamp may be from the server's clock, either way.
    std::chrono::seconds timestamp_window{std::chrono::minutes(5)};
    /// How far the exchange's clock is ahead of the machine's (negative: behind), to emulate a
    /// client whose clock is off: a signed token's timestamp is checked against now + this.
    std::chrono::seconds clock_offset{0};
    /// The OAuth client (token endpoint). An empty `client_secret` means `application_token`
    /// (the client secret is the application token in production).
    std::string client_id = "sandbox-client-id";
    /// The application's client secret (never logged).
    std::string client_secret{};
    /// Refresh tokens the token endpoint accepts.
    std::vector<std::string> refresh_tokens{"sandbox-refresh-token"};
    /// When set, every successful refresh answers a new `refresh_token` and retires the one used
    /// (a client that does not store the new one gets `invalid_grant` next time). Off: the reply
    /// has no `refresh_token` and the one used stays valid, as production documents.
    bool rotate_refresh_tokens = false;
    /// How long a ticket from the exchange may stay unused (sliding: each accepted use resets
    /// it). Production: 6 hours.
    std::chrono::milliseconds ticket_lifetime{std::chrono::hours(6)};
    /// `expires_in` of access tokens; a Bearer token is refused once this old.
    std::chrono::seconds access_token_lifetime{3600};
    /// `exp - iat` of the JWTs issued (exchange token and id_token).
    std::chrono::seconds jwt_lifetime{300};
    /// The database serial: the `serial` claim and the exchange token's `aud` `spn:<serial>`.
    std::string serial = "1801550193";
    /// The state service's `Version`.
    std::string version = "Release_11.10_2026.02.24-02";
    /// The state when the server starts (`server::set_tenant_state` changes it).
    tenant_state initial_state = tenant_state::running;
    /// `ValidUntil` of the state service is now + this.
    std::chrono::seconds state_valid_for{300};
    /// A refusal scripted for every exchange that passes the other checks.
    exchange_refusal refuse_exchange = exchange_refusal::none;
    /// Refusals of the exchange answer 401 (`InvalidSignature`, `InvalidTimestamp`) or 403 (the
    /// others) instead of 200; the body is the same.
    bool refusal_http_status = false;
    /// A defect in every JWT issued, for tests of a client's validation.
    jwt_fault_kind jwt_fault = jwt_fault_kind::none;
};

/// What the Online emulation served (`server::online_counters()`); all 0 when it is off.
struct online_counts {
    std::size_t exchanges = 0;               ///< successful system-user exchanges (tickets issued)
    std::size_t exchanges_refused = 0;       ///< exchanges answered `IsSuccessful: false` (or 400)
    std::size_t token_refreshes = 0;         ///< successful refresh grants (access tokens issued)
    std::size_t token_refreshes_refused = 0; ///< token requests answered with an OAuth error
    std::size_t state_lookups = 0;           ///< `GET /api/state/{ctx}`, any ctx
    std::size_t metadata_fetches = 0;        ///< `GET /login/.well-known/openid-configuration`
    std::size_t jwks_fetches = 0;            ///< `GET /login/.well-known/jwks`
    /// 401s answered on the tenant API for a `SOTicket` or `Bearer` that is unknown, expired or
    /// lacks its `SO-AppToken`.
    std::size_t unauthorized = 0;
    std::size_t misdirected = 0; ///< 421s (tenant path on a host the tenant does not live on)
    std::size_t unavailable = 0; ///< 503s because the tenant is not running
    /// Equal when every count is.
    bool operator==(online_counts const&) const = default;
};

} // namespace superoffice::erpsync::sandbox

#endif
