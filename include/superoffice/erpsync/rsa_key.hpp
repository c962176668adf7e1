//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_RSA_KEY_HPP
#define SO_ERPSYNC_RSA_KEY_HPP

/// @file
/// `rsa_key`: an RSA key held by OpenSSL, read from the forms SuperOffice hands out (PEM, .NET
/// `<RSAKeyValue>` XML) or from a JWK, and the RSASSA-PKCS1-v1_5 SHA-256 signatures the
/// system-user flow and RS256 JWTs use.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <memory>
#include <string>
#include <string_view>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace superoffice::erpsync {

/// An RSA key, private (it can sign) or public only (it can verify).
///
/// Immutable once made; copies share the key. The private parts are never written to logs or
/// diagnostics; `private_pem()` and `private_xml()` exist to store a key made by `generate()`.
///
/// @par Thread safety
/// Distinct objects: safe. Shared objects: safe (every member is const).
class rsa_key {
public:
    /// An empty key (`empty()`); using it to sign or verify fails with `error::invalid_key`.
    rsa_key() = default;

    /// Reads a key in any of these forms, told apart by their text:
    /// - PEM `RSA PRIVATE KEY` (PKCS#1), `PRIVATE KEY` (PKCS#8, unencrypted), `PUBLIC KEY`
    ///   (SubjectPublicKeyInfo), `RSA PUBLIC KEY` (PKCS#1) or `CERTIFICATE` (its public key);
    /// - .NET `<RSAKeyValue>` XML: `Modulus` and `Exponent`, and for a private key `P`, `Q`, `DP`,
    ///   `DQ`, `InverseQ` and `D` (each Base64 of a big-endian integer), in any order, whitespace
    ///   around values ignored.
    /// Anything else, an encrypted PEM, a key that is not RSA, a modulus outside 1024 to 16384
    /// bits, an invalid public key or an inconsistent private key (OpenSSL's pairwise check), or a
    /// text over 1 MiB gives `error::invalid_key` (the reason in `diag->client_message`, never the
    /// key's text). Never prompts for a pass phrase.
    static SO_ERPSYNC_DECL rsa_key parse(std::string_view text, error_code& ec, diagnostics* diag = nullptr);

    /// A public key from a JWK's `n` and `e` (base64url, unpadded or padded): `error::invalid_key`
    /// when they are not base64url or not a usable RSA key (the checks of `parse`).
    static SO_ERPSYNC_DECL rsa_key from_jwk(std::string_view n, std::string_view e, error_code& ec);

    /// A new private key of `bits` bits with exponent 65537 (for the sandbox and tests). Throws
    /// `std::runtime_error` when OpenSSL fails.
    static SO_ERPSYNC_DECL rsa_key generate(unsigned bits = 2048);

    /// Whether it holds no key (default-constructed or moved from).
    bool empty() const noexcept { return !key_; }
    /// Holds the private parts (it can sign).
    SO_ERPSYNC_DECL bool has_private() const noexcept;
    /// The modulus size in bits (0 when empty).
    SO_ERPSYNC_DECL unsigned bits() const noexcept;

    /// The public key as PEM `PUBLIC KEY` (SubjectPublicKeyInfo); empty when the key is empty.
    /// The writers below throw `std::runtime_error` when OpenSSL fails.
    SO_ERPSYNC_DECL std::string public_pem() const;
    /// The private key as unencrypted PKCS#8 PEM (`PRIVATE KEY`); empty for a public key.
    SO_ERPSYNC_DECL std::string private_pem() const;
    /// The private key as PKCS#1 PEM (`RSA PRIVATE KEY`); empty for a public key.
    SO_ERPSYNC_DECL std::string private_pem_pkcs1() const;
    /// The key as .NET `<RSAKeyValue>` XML (with the private parts when it has them, `D` as long
    /// as the modulus and `P`, `Q`, `DP`, `DQ`, `InverseQ` half as long, as .NET requires).
    SO_ERPSYNC_DECL std::string private_xml() const;
    /// JWK `n` and `e`, base64url without padding.
    SO_ERPSYNC_DECL std::string jwk_n() const;
    SO_ERPSYNC_DECL std::string jwk_e() const; ///< JWK `e` (see `jwk_n`).
    /// The upper-case hex SHA-1 of the DER SubjectPublicKeyInfo (a `kid` for a JWKS).
    SO_ERPSYNC_DECL std::string thumbprint() const;

    /// The RSASSA-PKCS1-v1_5 SHA-256 signature of `data` (raw bytes). `error::invalid_key` when
    /// the key is empty or public only (or OpenSSL fails to sign with it).
    SO_ERPSYNC_DECL std::string sign_sha256(std::string_view data, error_code& ec) const;
    /// Whether `signature` (raw bytes) is the RSASSA-PKCS1-v1_5 SHA-256 signature of `data`
    /// (false for an empty key).
    SO_ERPSYNC_DECL bool verify_sha256(std::string_view data, std::string_view signature) const noexcept;

    /// OpenSSL's `EVP_PKEY*` (not owned), null when empty.
    evp_pkey_st* native_handle() const noexcept { return key_.get(); }

private:
    explicit rsa_key(std::shared_ptr<evp_pkey_st> k) noexcept : key_(std::move(k)) {}
    std::shared_ptr<evp_pkey_st> key_{};
};

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/rsa_key.ipp>
#endif

#endif
