//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_JWT_HPP
#define SO_ERPSYNC_JWT_HPP

/// @file
/// JSON Web Tokens as SuperOffice issues them: RS256 only, verified with a key set (JWKS) or a
/// pinned key, and the claims checks of the documented validation parameters (issuer, audience,
/// `exp`/`nbf` with clock skew). Also `make_jwt`, which the sandbox uses to issue tokens.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/rsa_key.hpp>

#include <boost/json/object.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace superoffice::erpsync {

/// Trusted signing keys, by `kid`.
class jwk_set {
public:
    /// Reads a JWKS document `{"keys":[{"kty":"RSA","kid":...,"n":...,"e":...}, ...]}`. Keys that
    /// are not RSA signing keys (`kty` other than `RSA`, `use` other than `sig`, `alg` other than
    /// `RS256`) are skipped; a key without `kid` is kept with an empty one. Malformed JSON, no
    /// `keys` array or no usable key: `error::jwt_unknown_key` with the reason in `diag`.
    static SO_ERPSYNC_DECL jwk_set parse(std::string_view json, error_code& ec, diagnostics* diag = nullptr);

    /// Adds a key (a pinned key has an empty `kid`: it is tried for every token).
    void add(std::string kid, rsa_key key) { keys_.emplace_back(std::move(kid), std::move(key)); }
    /// How many keys it holds.
    std::size_t size() const noexcept { return keys_.size(); }
    /// Whether it holds no key.
    bool empty() const noexcept { return keys_.empty(); }
    /// The keys and their `kid`s, in the order added.
    std::vector<std::pair<std::string, rsa_key>> const& keys() const noexcept { return keys_; }

    /// The document `{"keys":[...]}` with each key's `kty`, `use`, `alg`, `kid`, `n`, `e` (for the
    /// sandbox).
    SO_ERPSYNC_DECL std::string to_json() const;

private:
    std::vector<std::pair<std::string, rsa_key>> keys_;
};

/// What a token must satisfy besides its signature.
struct jwt_expectations {
    /// `iss` must equal this; empty: not checked.
    std::string issuer{};
    /// `aud` (a string, or an array holding it) must equal this; empty: not checked.
    std::string audience{};
    /// Allowed clock difference for `exp` and `nbf`.
    std::chrono::seconds clock_skew{300};
    /// A token without `exp` is refused (`error::jwt_expired`).
    bool require_expiry = true;
};

/// A token whose signature and claims were checked.
struct verified_jwt {
    /// The token's header.
    boost::json::object header{};
    /// The token's claims.
    boost::json::object claims{};
    /// `exp`, when present.
    std::chrono::system_clock::time_point expires{};
    /// Whether the token has an `exp` claim.
    bool has_expiry = false;

    /// A claim as text: strings as they are, numbers and booleans written out; empty when absent.
    /// (SuperOffice writes most claim values as strings, `iat` and `is_administrator` included.)
    SO_ERPSYNC_DECL std::string claim(std::string_view name) const;
};

/// Decodes `token` without verifying it (`error::jwt_malformed` when it is not three base64url
/// parts of JSON objects). For reading a claim needed to verify (the system user's `serial`).
SO_ERPSYNC_DECL verified_jwt decode_jwt_unverified(std::string_view token, error_code& ec,
                                                   diagnostics* diag = nullptr);

/// Verifies `token`: `alg` must be `RS256` (`jwt_unsupported_algorithm`); the key is the one
/// whose `kid` matches, or, when the token has no `kid` or no key matches it, each key with an
/// empty `kid` (`jwt_unknown_key` when none is left); the signature (`jwt_bad_signature`); then
/// `iss` (`jwt_wrong_issuer`), `aud` (`jwt_wrong_audience`), `exp` (`jwt_expired`) and `nbf`
/// (`jwt_not_yet_valid`) against `now` with the clock skew. `exp`/`nbf` may be numbers or
/// numeric strings. The token's text is never copied into `diag`.
SO_ERPSYNC_DECL verified_jwt verify_jwt(std::string_view token, jwk_set const& keys,
                                        jwt_expectations const& expect,
                                        std::chrono::system_clock::time_point now, error_code& ec,
                                        diagnostics* diag = nullptr);

/// Issues an RS256 token with header `{"alg":"RS256","typ":"JWT","kid":kid}` (no `kid` when
/// empty) and `claims` as the payload (for the sandbox and tests). Throws `std::invalid_argument`
/// when `key` cannot sign.
SO_ERPSYNC_DECL std::string make_jwt(boost::json::object const& claims, rsa_key const& key,
                                     std::string_view kid);

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/jwt.ipp>
#endif

#endif
