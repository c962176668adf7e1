//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_JWT_IPP
#define SO_ERPSYNC_IMPL_JWT_IPP

// JWT decoding, verification and issuing, and JWKS documents, out of line: included by `jwt.hpp`
// in header-only builds, compiled once by `superoffice/erpsync/src.hpp` with
// SO_ERPSYNC_SEPARATE_COMPILATION. JSON is parsed with Boost.JSON's non-throwing `parse`.

#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/jwt.hpp>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace superoffice::erpsync::detail::jwt {

/// The largest token and key set read (bounds the work an untrusted input can cause).
inline constexpr std::size_t max_token_size = 64 * 1024;
inline constexpr std::size_t max_jwks_size = 1024 * 1024;

/// The latest NumericDate kept: the latest second the system clock can hold (year 2262 with its
/// nanoseconds); later ones are clamped to it, so that converting never overflows.
inline constexpr std::int64_t max_numeric_date =
    std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::duration::max()).count();

/// `text` parsed as a JSON object, empty when it is not one.
inline std::optional<boost::json::object> parse_object(std::string_view text) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec);
    if (ec || !v.is_object())
        return std::nullopt;
    return std::move(v.get_object());
}

/// The string member `name` of `o`, null when absent or not a string.
inline boost::json::string const* string_member(boost::json::object const& o, std::string_view name) {
    auto const* v = o.if_contains(boost::json::string_view(name.data(), name.size()));
    return v ? v->if_string() : nullptr;
}

inline bool equals(boost::json::string const* s, std::string_view expected) {
    return s && std::string_view(s->data(), s->size()) == expected;
}

enum class date_result { absent, ok, invalid };

/// A NumericDate (seconds since the epoch): a JSON number, or a string of digits with an optional
/// fraction (SuperOffice writes claims as strings). Fractions are dropped; negative values and
/// other text are invalid; values past the system clock's range are clamped.
inline date_result numeric_date(boost::json::object const& claims, std::string_view name, std::int64_t& out) {
    auto const* v = claims.if_contains(boost::json::string_view(name.data(), name.size()));
    if (!v)
        return date_result::absent;
    if (auto const* i = v->if_int64()) {
        if (*i < 0)
            return date_result::invalid;
        out = std::min(*i, max_numeric_date);
        return date_result::ok;
    }
    if (auto const* u = v->if_uint64()) {
        out = static_cast<std::int64_t>(std::min<std::uint64_t>(*u, max_numeric_date));
        return date_result::ok;
    }
    if (auto const* d = v->if_double()) {
        if (!std::isfinite(*d) || *d < 0)
            return date_result::invalid;
        out = *d >= static_cast<double>(max_numeric_date) ? max_numeric_date : static_cast<std::int64_t>(*d);
        return date_result::ok;
    }
    if (auto const* s = v->if_string()) {
        std::string_view t(s->data(), s->size());
        auto dot = t.find('.');
        std::string_view whole = t.substr(0, dot);
        std::string_view frac = dot == std::string_view::npos ? std::string_view() : t.substr(dot + 1);
        if (whole.empty() || (dot != std::string_view::npos && frac.empty()))
            return date_result::invalid;
        for (char c : frac)
            if (c < '0' || c > '9')
                return date_result::invalid;
        std::int64_t acc = 0;
        for (char c : whole) {
            if (c < '0' || c > '9')
                return date_result::invalid;
            acc = std::min<std::int64_t>(acc * 10 + (c - '0'), max_numeric_date);
        }
        out = acc;
        return date_result::ok;
    }
    return date_result::invalid;
}

inline std::chrono::system_clock::time_point to_time_point(std::int64_t seconds) {
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::seconds(seconds)));
}

} // namespace superoffice::erpsync::detail::jwt

SO_ERPSYNC_DECL superoffice::erpsync::jwk_set
superoffice::erpsync::jwk_set::parse(std::string_view json, error_code& ec, diagnostics* diag) {
    namespace j = detail::jwt;
    ec = {};
    auto fail = [&](char const* why) {
        ec = error::jwt_unknown_key;
        if (diag)
            diag->client_message = std::string("JWKS: ") + why;
        return jwk_set{};
    };
    if (json.size() > j::max_jwks_size)
        return fail("the document is larger than 1 MiB");
    auto doc = j::parse_object(json);
    if (!doc)
        return fail("the document is not a JSON object");
    auto const* keys = doc->if_contains("keys");
    if (!keys || !keys->is_array())
        return fail("the document has no \"keys\" array");
    jwk_set set;
    for (auto const& entry : keys->get_array()) {
        auto const* k = entry.if_object();
        if (!k || !j::equals(j::string_member(*k, "kty"), "RSA"))
            continue;
        if (k->contains("use") && !j::equals(j::string_member(*k, "use"), "sig"))
            continue;
        if (k->contains("alg") && !j::equals(j::string_member(*k, "alg"), "RS256"))
            continue;
        auto const* n = j::string_member(*k, "n");
        auto const* e = j::string_member(*k, "e");
        if (!n || !e)
            continue;
        std::string kid;
        if (k->contains("kid")) {
            auto const* s = j::string_member(*k, "kid");
            if (!s)
                continue;
            kid.assign(s->data(), s->size());
        }
        error_code kec;
        auto key = rsa_key::from_jwk(std::string_view(n->data(), n->size()),
                                     std::string_view(e->data(), e->size()), kec);
        if (kec)
            continue;
        set.add(std::move(kid), std::move(key));
    }
    if (set.empty())
        return fail("no usable RSA signing key (kty RSA, use sig, alg RS256, valid n and e)");
    return set;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::jwk_set::to_json() const {
    boost::json::array arr;
    for (auto const& [kid, key] : keys_) {
        boost::json::object o;
        o["kty"] = "RSA";
        o["use"] = "sig";
        o["alg"] = "RS256";
        o["kid"] = kid;
        o["n"] = key.jwk_n();
        o["e"] = key.jwk_e();
        arr.emplace_back(std::move(o));
    }
    boost::json::object doc;
    doc["keys"] = std::move(arr);
    return boost::json::serialize(doc);
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::verified_jwt::claim(std::string_view name) const {
    auto const* v = claims.if_contains(boost::json::string_view(name.data(), name.size()));
    if (!v || v->is_null())
        return {};
    if (auto const* s = v->if_string())
        return std::string(s->data(), s->size());
    if (auto const* b = v->if_bool())
        return *b ? "true" : "false";
    if (auto const* i = v->if_int64())
        return std::to_string(*i);
    if (auto const* u = v->if_uint64())
        return std::to_string(*u);
    return boost::json::serialize(*v); // a double, an array or an object: its JSON text
}

SO_ERPSYNC_DECL superoffice::erpsync::verified_jwt
superoffice::erpsync::decode_jwt_unverified(std::string_view token, error_code& ec, diagnostics* diag) {
    namespace j = detail::jwt;
    ec = {};
    auto fail = [&](char const* why) {
        ec = error::jwt_malformed;
        if (diag)
            diag->client_message = std::string("JWT: ") + why;
        return verified_jwt{};
    };
    if (token.size() > j::max_token_size)
        return fail("the token is longer than 64 KiB");
    auto d1 = token.find('.');
    auto d2 = d1 == std::string_view::npos ? d1 : token.find('.', d1 + 1);
    if (d2 == std::string_view::npos || token.find('.', d2 + 1) != std::string_view::npos)
        return fail("the token is not three dot-separated parts");
    auto header_text = detail::base64url_decode(token.substr(0, d1));
    auto claims_text = detail::base64url_decode(token.substr(d1 + 1, d2 - d1 - 1));
    if (!header_text || !claims_text || !detail::base64url_decode(token.substr(d2 + 1)))
        return fail("a part of the token is not base64url");
    auto header = j::parse_object(*header_text);
    if (!header)
        return fail("the header is not a JSON object");
    auto claims = j::parse_object(*claims_text);
    if (!claims)
        return fail("the payload is not a JSON object");
    verified_jwt out;
    out.header = std::move(*header);
    out.claims = std::move(*claims);
    std::int64_t exp = 0;
    if (j::numeric_date(out.claims, "exp", exp) == j::date_result::ok) {
        out.expires = j::to_time_point(exp);
        out.has_expiry = true;
    }
    return out;
}

SO_ERPSYNC_DECL superoffice::erpsync::verified_jwt
superoffice::erpsync::verify_jwt(std::string_view token, jwk_set const& keys, jwt_expectations const& expect,
                                 std::chrono::system_clock::time_point now, error_code& ec,
                                 diagnostics* diag) {
    namespace j = detail::jwt;
    auto fail = [&](error code, std::string why) {
        ec = code;
        if (diag)
            diag->client_message = "JWT: " + why;
        return verified_jwt{};
    };
    verified_jwt t = decode_jwt_unverified(token, ec, diag);
    if (ec)
        return {};

    // the algorithm and the key
    if (!j::equals(j::string_member(t.header, "alg"), "RS256"))
        return fail(error::jwt_unsupported_algorithm, "alg is not RS256");
    if (t.header.contains("crit"))
        return fail(error::jwt_malformed, "the header lists critical extensions (crit), none is supported");
    std::string_view kid;
    if (auto const* s = j::string_member(t.header, "kid"))
        kid = std::string_view(s->data(), s->size());
    std::vector<rsa_key const*> candidates;
    if (!kid.empty())
        for (auto const& [k, key] : keys.keys())
            if (k == kid)
                candidates.push_back(&key);
    if (candidates.empty())
        for (auto const& [k, key] : keys.keys())
            if (k.empty())
                candidates.push_back(&key);
    if (candidates.empty())
        return fail(error::jwt_unknown_key, kid.empty()
                                                ? "the token has no kid and no key without a kid is trusted"
                                                : "no trusted key has the token's kid");

    // the signature, over the first two parts as they are written
    auto last_dot = token.rfind('.');
    auto signature = detail::base64url_decode(token.substr(last_dot + 1));
    bool verified = false;
    for (auto const* key : candidates)
        if (key->verify_sha256(token.substr(0, last_dot), *signature)) {
            verified = true;
            break;
        }
    if (!verified)
        return fail(error::jwt_bad_signature, "the signature does not verify with the trusted key(s)");

    // the claims
    if (!expect.issuer.empty() && !j::equals(j::string_member(t.claims, "iss"), expect.issuer))
        return fail(error::jwt_wrong_issuer, "iss is not the expected issuer \"" + expect.issuer + "\"");
    if (!expect.audience.empty()) {
        bool found = false;
        if (auto const* aud = t.claims.if_contains("aud")) {
            if (auto const* s = aud->if_string())
                found = std::string_view(s->data(), s->size()) == expect.audience;
            else if (auto const* arr = aud->if_array())
                for (auto const& a : *arr)
                    found = found || j::equals(a.if_string(), expect.audience);
        }
        if (!found)
            return fail(error::jwt_wrong_audience,
                        "aud does not name the expected audience \"" + expect.audience + "\"");
    }
    auto now_s = std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count();
    auto skew = expect.clock_skew.count();
    std::int64_t exp = 0, nbf = 0;
    switch (j::numeric_date(t.claims, "exp", exp)) {
    case j::date_result::invalid:
        return fail(error::jwt_malformed, "exp is not a NumericDate");
    case j::date_result::absent:
        if (expect.require_expiry)
            return fail(error::jwt_expired, "the token has no exp");
        break;
    case j::date_result::ok:
        if (now_s - skew >= exp)
            return fail(error::jwt_expired,
                        "the token expired (exp, with " + std::to_string(skew) + " s of clock skew allowed)");
        break;
    }
    switch (j::numeric_date(t.claims, "nbf", nbf)) {
    case j::date_result::invalid:
        return fail(error::jwt_malformed, "nbf is not a NumericDate");
    case j::date_result::absent:
        break;
    case j::date_result::ok:
        if (now_s + skew < nbf)
            return fail(error::jwt_not_yet_valid, "the token is not valid yet (nbf, with " +
                                                      std::to_string(skew) + " s of clock skew allowed)");
        break;
    }
    return t;
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::make_jwt(boost::json::object const& claims,
                                                           rsa_key const& key, std::string_view kid) {
    boost::json::object header;
    header["alg"] = "RS256";
    header["typ"] = "JWT";
    if (!kid.empty())
        header["kid"] = boost::json::string_view(kid.data(), kid.size());
    std::string data = detail::base64url(boost::json::serialize(header)) + "." +
                       detail::base64url(boost::json::serialize(claims));
    error_code ec;
    std::string sig = key.sign_sha256(data, ec);
    if (ec)
        throw std::invalid_argument("make_jwt: the key cannot sign (empty or public only)");
    return data + "." + detail::base64url(sig);
}

#endif
