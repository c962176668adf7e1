//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SYSTEM_USER_TOKEN_HPP
#define SO_ERPSYNC_SYSTEM_USER_TOKEN_HPP

/// @file
/// The signed system-user token of SuperOffice Online's PartnerSystemUser exchange:
/// `token + "." + yyyyMMddHHmm (UTC) + "." + Base64(RSASSA-PKCS1-v1_5(SHA-256, key, token + "." + time))`,
/// standard Base64 with padding. Signing for clients; checking for the sandbox.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/rsa_key.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace superoffice::erpsync {

/// Signs `system_user_token` at `now` (UTC minutes, 24-hour clock). `error::invalid_key` when
/// `key` cannot sign. Sign right before each exchange; never reuse a signed token.
SO_ERPSYNC_DECL std::string sign_system_user_token(std::string_view system_user_token, rsa_key const& key,
                                                   std::chrono::system_clock::time_point now, error_code& ec);

/// What `check_signed_system_user_token` found.
struct signed_system_user_token {
    std::string token{}; ///< the system user token (before the timestamp)
    /// When it was signed.
    std::chrono::system_clock::time_point signed_at{};
};

/// Checks a signed token against `public_key` (the sandbox's side of the exchange): it must split
/// into token, a 12-digit valid UTC timestamp and a Base64 signature (`auth_invalid_signature`
/// when it does not), the minute the timestamp names must be within `window` of `now` either way
/// (`auth_invalid_timestamp`; `now` inside that minute is distance 0, since the timestamp drops
/// the seconds), and the signature must verify (`auth_invalid_signature`). `error::invalid_key`
/// when `public_key` is empty. The token may itself contain dots (the last two separate the rest).
SO_ERPSYNC_DECL signed_system_user_token check_signed_system_user_token(
    std::string_view signed_token, rsa_key const& public_key, std::chrono::system_clock::time_point now,
    std::chrono::seconds window, error_code& ec);

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/system_user_token.ipp>
#endif

#endif
