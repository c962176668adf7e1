//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_BASE64_HPP
#define SO_ERPSYNC_DETAIL_BASE64_HPP

// Base64 and base64url (RFC 4648 §4 and §5): the Basic authorization header, signed system-user
// tokens, RSA keys in .NET XML, JWTs and JWKs.

#include <superoffice/erpsync/detail/config.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

/// `in` in standard Base64 (alphabet `A-Z a-z 0-9 + /`, padded with `=`). Thread-safe.
SO_ERPSYNC_DECL std::string base64(std::string_view in);

/// `in` in base64url (alphabet `A-Z a-z 0-9 - _`), without padding (as JWTs and JWKs write it).
SO_ERPSYNC_DECL std::string base64url(std::string_view in);

/// Decodes standard Base64, strictly: only the standard alphabet, no whitespace, the `=` padding
/// required (the length a multiple of 4) and the unused bits of the last character zero. Empty
/// when `in` is not such text (an empty `in` decodes to an empty string).
SO_ERPSYNC_DECL std::optional<std::string> base64_decode(std::string_view in);

/// Decodes base64url, strictly as `base64_decode` but with the URL-safe alphabet and the padding
/// optional (when present it must be correct).
SO_ERPSYNC_DECL std::optional<std::string> base64url_decode(std::string_view in);

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/base64.ipp>
#endif

#endif
