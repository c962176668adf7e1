//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_LOGIN_MESSAGES_HPP
#define SO_ERPSYNC_DETAIL_LOGIN_MESSAGES_HPP

// The messages of SuperOffice Online's login and state services (sans-io): the bodies the client
// sends to the PartnerSystemUser exchange and the OAuth token endpoint, and the readers of their
// replies, of the OpenID metadata and of the tenant state service. Facts and their certainty:
// spec/auth-and-tenants.md §1.3, §2.1, §2.2, §3.1. Replies are untrusted; secrets in them (the
// JWT, tokens) never reach the diagnostics.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/tenant.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

/// The JSON body of `POST {env}/Login/api/PartnerSystemUser/Authenticate`.
SO_ERPSYNC_DECL std::string system_user_exchange_body(std::string_view signed_token,
                                                      std::string_view application_token,
                                                      std::string_view context_identifier);

/// The error a refusal message names: `Revoked`, `Expired`, `Denied`, `NeedsReapproval`,
/// `InvalidTimestamp`, `InvalidSignature` (as a word, case-insensitively, or their numbers 1, 3-7
/// alone), else `auth_refused`.
SO_ERPSYNC_DECL error refusal_error(std::string_view message) noexcept;

/// Reads the exchange's reply: `{"IsSuccessful":true,"Token":"<JWT>"}` with a 2xx status gives the
/// JWT in `jwt`; `IsSuccessful: false` (whatever the status) or a non-2xx status gives the error
/// `refusal_error(ErrorMessage)` with the message in `diag->server_message`; a reply of another
/// shape gives `auth_refused`.
SO_ERPSYNC_DECL error_code read_system_user_reply(unsigned status, std::string_view body, std::string& jwt,
                                                  diagnostics* diag);

/// The form body of a `refresh_token` grant (`application/x-www-form-urlencoded`).
SO_ERPSYNC_DECL std::string oauth_refresh_body(std::string_view client_id, std::string_view client_secret,
                                               std::string_view refresh_token);

/// The token endpoint's answer.
struct oauth_reply {
    std::string access_token;
    std::string token_type;
    std::string refresh_token; // empty when the server sent none (keep the old one)
    std::optional<std::chrono::seconds> expires_in;
};

/// Reads the token endpoint's reply: a 2xx JSON object with `access_token` (and `expires_in` as a
/// number or numeric string). RFC 6749 errors `{"error":...,"error_description":...}`:
/// `invalid_grant` gives `oauth_invalid_grant`, others `oauth_refused`, with `error` and
/// `error_description` in `diag->client_message` / `server_message`.
SO_ERPSYNC_DECL error_code read_oauth_reply(unsigned status, std::string_view body, oauth_reply& out,
                                            diagnostics* diag);

/// Reads `jwks_uri` from the OpenID metadata (`jwt_unknown_key` when absent).
SO_ERPSYNC_DECL error_code read_jwks_uri(unsigned status, std::string_view body, std::string& uri,
                                         diagnostics* diag);

/// Reads the state service's reply (`tenant_lookup_failed` for a non-2xx status or a reply that is
/// not a state object). `State` may be a name or a number (kept as its digits).
SO_ERPSYNC_DECL error_code read_tenant_state(unsigned status, std::string_view body, tenant_state& out,
                                             diagnostics* diag);

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/login_messages.ipp>
#endif

#endif
