// JWTs: issuing and verifying RS256 tokens, key selection by kid, every claims check (iss, aud,
// exp and nbf with clock skew, numbers or numeric strings), refusals of other algorithms and
// malformed tokens, JWKS documents and claim().
#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/jwt.hpp>
#include <superoffice/erpsync/rsa_key.hpp>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/system/error_code.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;
namespace json = boost::json;
namespace chr = std::chrono;
using namespace std::chrono_literals;

namespace {

/// One signing key for the whole file (generating one takes a noticeable time), and a second,
/// smaller one that is never trusted.
erp::rsa_key const& signing_key() {
    static erp::rsa_key const k = erp::rsa_key::generate(2048);
    return k;
}
erp::rsa_key const& other_key() {
    static erp::rsa_key const k = erp::rsa_key::generate(1024);
    return k;
}

constexpr std::int64_t t0 = 1'780'000'000; // 2026-05-28
chr::system_clock::time_point at(std::int64_t seconds) {
    return chr::system_clock::time_point(chr::seconds(seconds));
}

json::object claims() {
    return json::object{{"iss", "SuperOffice AS"},
                        {"aud", "spn:1234"},
                        {"exp", t0 + 3600},
                        {"nbf", t0 - 60},
                        {"iat", std::to_string(t0 - 60)},
                        {"http://schemes.superoffice.net/identity/serial", "1234"},
                        {"is_administrator", "False"},
                        {"count", 42},
                        {"ratio", 0.5},
                        {"flag", true}};
}

erp::jwk_set trusted(std::string kid = "KID1") {
    erp::jwk_set s;
    s.add(std::move(kid), signing_key());
    return s;
}

erp::jwt_expectations expectations() {
    erp::jwt_expectations e;
    e.issuer = "SuperOffice AS";
    e.audience = "spn:1234";
    return e;
}

erp::error_code verify(std::string_view token, erp::jwk_set const& keys = trusted(),
                       erp::jwt_expectations const& e = expectations(), std::int64_t now = t0) {
    erp::error_code ec;
    erp::diagnostics d;
    auto v = erp::verify_jwt(token, keys, e, at(now), ec, &d);
    if (ec) {
        BOOST_TEST(v.claims.empty());
        BOOST_TEST(!d.client_message.empty());
        auto dot = token.rfind('.');
        if (dot != std::string_view::npos && token.size() - dot > 20) // never quotes the signature
            BOOST_TEST(d.client_message.find(token.substr(dot + 1, 20)) == std::string::npos);
    }
    return ec;
}

std::string token(json::object const& c, std::string_view kid = "KID1") {
    return erp::make_jwt(c, signing_key(), kid);
}

/// A token from raw header and payload text, signed with `key`.
std::string raw_token(std::string_view header, std::string_view payload,
                      erp::rsa_key const& key = signing_key()) {
    auto data = detail::base64url(header) + "." + detail::base64url(payload);
    erp::error_code ec;
    auto sig = key.sign_sha256(data, ec);
    BOOST_TEST_REQUIRE(!ec);
    return data + "." + detail::base64url(sig);
}

/// A NumericDate written as a string, as SuperOffice writes claims.
json::value text(std::int64_t seconds) {
    return json::string(std::to_string(seconds));
}

std::string with(json::object c, std::string_view name, json::value v) {
    c[name] = std::move(v);
    return token(c);
}

std::string without(json::object c, std::string_view name) {
    c.erase(name);
    return token(c);
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_jwt)

BOOST_AUTO_TEST_CASE(make_and_verify) {
    auto t = token(claims());
    erp::error_code ec;
    auto v = erp::verify_jwt(t, trusted(), expectations(), at(t0), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(json::serialize(v.header) == R"({"alg":"RS256","typ":"JWT","kid":"KID1"})");
    BOOST_TEST(v.claims == claims());
    BOOST_TEST(v.has_expiry);
    BOOST_TEST((v.expires == at(t0 + 3600)));
    // no kid in the header when empty
    auto nokid = erp::make_jwt(claims(), signing_key(), "");
    BOOST_TEST(json::serialize(erp::decode_jwt_unverified(nokid, ec).header) ==
               R"({"alg":"RS256","typ":"JWT"})");
    BOOST_TEST(!ec);
    // only what is needed
    erp::jwt_expectations loose;
    loose.require_expiry = false;
    BOOST_TEST(!verify(token(json::object{}), trusted(), loose));
}

BOOST_AUTO_TEST_CASE(make_jwt_needs_a_private_key) {
    erp::error_code ec;
    auto pub = erp::rsa_key::parse(signing_key().public_pem(), ec);
    BOOST_TEST_REQUIRE(!ec);
    BOOST_CHECK_THROW(erp::make_jwt(claims(), pub, "k"), std::invalid_argument);
    BOOST_CHECK_THROW(erp::make_jwt(claims(), erp::rsa_key(), "k"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(tampered) {
    auto t = token(claims());
    auto d1 = t.find('.'), d2 = t.rfind('.');
    auto c = claims();
    c["aud"] = "spn:9999";
    auto swapped = t.substr(0, d1 + 1) + detail::base64url(json::serialize(c)) + t.substr(d2);
    BOOST_TEST(verify(swapped) == erp::make_error_code(erp::error::jwt_bad_signature));
    auto flipped = t;
    flipped[d2 + 5] = flipped[d2 + 5] == 'A' ? 'B' : 'A';
    BOOST_TEST(verify(flipped) == erp::make_error_code(erp::error::jwt_bad_signature));
    BOOST_TEST(verify(t.substr(0, d2 + 1)) ==
               erp::make_error_code(erp::error::jwt_bad_signature)); // no signature
    // signed by a key that is not trusted, under a trusted kid
    BOOST_TEST(verify(raw_token(R"({"alg":"RS256","kid":"KID1"})", json::serialize(claims()), other_key())) ==
               erp::make_error_code(erp::error::jwt_bad_signature));
}

BOOST_AUTO_TEST_CASE(other_algorithms) {
    auto payload = json::serialize(claims());
    auto none = detail::base64url(R"({"alg":"none","typ":"JWT"})") + "." + detail::base64url(payload) + ".";
    BOOST_TEST(verify(none) == erp::make_error_code(erp::error::jwt_unsupported_algorithm));
    BOOST_TEST(verify(raw_token(R"({"alg":"HS256","kid":"KID1"})", payload)) ==
               erp::make_error_code(erp::error::jwt_unsupported_algorithm));
    BOOST_TEST(verify(raw_token(R"({"alg":"RS512","kid":"KID1"})", payload)) ==
               erp::make_error_code(erp::error::jwt_unsupported_algorithm));
    BOOST_TEST(verify(raw_token(R"({"alg":"rs256","kid":"KID1"})", payload)) ==
               erp::make_error_code(erp::error::jwt_unsupported_algorithm));
    BOOST_TEST(verify(raw_token(R"({"kid":"KID1"})", payload)) ==
               erp::make_error_code(erp::error::jwt_unsupported_algorithm));
    BOOST_TEST(verify(raw_token(R"({"alg":["RS256"],"kid":"KID1"})", payload)) ==
               erp::make_error_code(erp::error::jwt_unsupported_algorithm));
    BOOST_TEST(verify(raw_token(R"({"alg":"RS256","kid":"KID1","crit":["exp"]})", payload)) ==
               erp::make_error_code(erp::error::jwt_malformed));
}

BOOST_AUTO_TEST_CASE(key_selection) {
    auto t = token(claims(), "KID1");
    BOOST_TEST(verify(t, trusted("KID2")) == erp::make_error_code(erp::error::jwt_unknown_key));
    BOOST_TEST(verify(token(claims(), ""), trusted("KID2")) ==
               erp::make_error_code(erp::error::jwt_unknown_key));
    BOOST_TEST(verify(t, erp::jwk_set{}) == erp::make_error_code(erp::error::jwt_unknown_key));
    // a pinned key (empty kid) is tried for a token with an unknown kid or no kid
    BOOST_TEST(!verify(t, trusted("")));
    BOOST_TEST(!verify(token(claims(), ""), trusted("")));
    // the matching kid among several; a kid that matches is not mixed with the pinned keys
    erp::jwk_set several;
    several.add("A", other_key());
    several.add("KID1", signing_key());
    several.add("B", other_key());
    BOOST_TEST(!verify(t, several));
    erp::jwk_set wrong_match;
    wrong_match.add("KID1", other_key());
    wrong_match.add("", signing_key());
    BOOST_TEST(verify(t, wrong_match) == erp::make_error_code(erp::error::jwt_bad_signature));
    // two pinned keys: either verifies
    erp::jwk_set pinned;
    pinned.add("", other_key());
    pinned.add("", signing_key());
    BOOST_TEST(!verify(t, pinned));
}

BOOST_AUTO_TEST_CASE(issuer_and_audience) {
    BOOST_TEST(verify(with(claims(), "iss", "Someone else")) ==
               erp::make_error_code(erp::error::jwt_wrong_issuer));
    BOOST_TEST(verify(without(claims(), "iss")) == erp::make_error_code(erp::error::jwt_wrong_issuer));
    BOOST_TEST(verify(with(claims(), "iss", 1)) == erp::make_error_code(erp::error::jwt_wrong_issuer));
    BOOST_TEST(verify(with(claims(), "aud", "spn:9999")) ==
               erp::make_error_code(erp::error::jwt_wrong_audience));
    BOOST_TEST(verify(without(claims(), "aud")) == erp::make_error_code(erp::error::jwt_wrong_audience));
    BOOST_TEST(!verify(with(claims(), "aud", json::array{"other", "spn:1234"})));
    BOOST_TEST(verify(with(claims(), "aud", json::array{"other", 1234})) ==
               erp::make_error_code(erp::error::jwt_wrong_audience));
    BOOST_TEST(verify(with(claims(), "aud", json::array{})) ==
               erp::make_error_code(erp::error::jwt_wrong_audience));
    // not checked when not expected
    auto c = claims();
    c.erase("aud");
    c["iss"] = "x";
    BOOST_TEST(!verify(token(c), trusted(), erp::jwt_expectations{}));
}

BOOST_AUTO_TEST_CASE(expiry_and_not_before) {
    auto e = expectations(); // 300 s skew
    auto exp_at = [&](json::value exp, std::int64_t now) {
        return verify(with(claims(), "exp", exp), trusted(), e, now);
    };
    BOOST_TEST(!exp_at(t0 + 10, t0));
    BOOST_TEST(!exp_at(t0 - 299, t0)); // expired, within the skew
    BOOST_TEST(exp_at(t0 - 300, t0) == erp::make_error_code(erp::error::jwt_expired));
    BOOST_TEST(exp_at(t0 - 3600, t0) == erp::make_error_code(erp::error::jwt_expired));
    // numeric strings, as SuperOffice writes claims
    BOOST_TEST(!exp_at(text(t0 + 10), t0));
    BOOST_TEST(!exp_at(json::string(std::to_string(t0 + 10) + ".5"), t0));
    BOOST_TEST(exp_at(text(t0 - 3600), t0) == erp::make_error_code(erp::error::jwt_expired));
    BOOST_TEST(!exp_at(static_cast<double>(t0 + 10), t0));
    BOOST_TEST(!exp_at(static_cast<std::uint64_t>(t0 + 10), t0));
    BOOST_TEST(!exp_at(1e300, t0)); // far future: clamped, not overflowed
    for (json::value bad : {json::value("soon"), json::value(""), json::value("-5"), json::value("1e9"),
                            json::value(-5), json::value(true), json::value(json::array{t0})})
        BOOST_TEST(exp_at(bad, t0) == erp::make_error_code(erp::error::jwt_malformed), json::serialize(bad));
    // no exp
    BOOST_TEST(verify(without(claims(), "exp"), trusted(), e) ==
               erp::make_error_code(erp::error::jwt_expired));
    auto optional = e;
    optional.require_expiry = false;
    BOOST_TEST(!verify(without(claims(), "exp"), trusted(), optional));
    // nbf
    BOOST_TEST(!verify(with(claims(), "nbf", t0 + 300), trusted(), e)); // within the skew
    BOOST_TEST(verify(with(claims(), "nbf", t0 + 301), trusted(), e) ==
               erp::make_error_code(erp::error::jwt_not_yet_valid));
    BOOST_TEST(verify(with(claims(), "nbf", text(t0 + 3000)), trusted(), e) ==
               erp::make_error_code(erp::error::jwt_not_yet_valid));
    BOOST_TEST(verify(with(claims(), "nbf", "later"), trusted(), e) ==
               erp::make_error_code(erp::error::jwt_malformed));
    // zero skew
    auto strict = e;
    strict.clock_skew = 0s;
    BOOST_TEST(verify(with(claims(), "exp", t0), trusted(), strict) ==
               erp::make_error_code(erp::error::jwt_expired));
    BOOST_TEST(!verify(with(claims(), "exp", t0 + 1), trusted(), strict));
    BOOST_TEST(verify(with(claims(), "nbf", t0 + 1), trusted(), strict) ==
               erp::make_error_code(erp::error::jwt_not_yet_valid));
    // checked in the documented order: issuer before expiry
    auto c = claims();
    c["exp"] = t0 - 9999;
    c["iss"] = "x";
    BOOST_TEST(verify(token(c)) == erp::make_error_code(erp::error::jwt_wrong_issuer));
}

BOOST_AUTO_TEST_CASE(malformed) {
    auto t = token(claims());
    auto d1 = t.find('.'), d2 = t.rfind('.');
    std::string const cases[] = {
        "",
        "abc",
        t.substr(0, d2),                          // 2 parts
        t + ".x",                                 // 4 parts
        "*" + t.substr(1),                        // not base64url
        t.substr(0, d1) + ".a+b/" + t.substr(d2), // standard alphabet in the payload
        t.substr(0, d2) + ".sig+with/slash",
        detail::base64url("[1,2]") + t.substr(d1), // header not an object
        t.substr(0, d1 + 1) + detail::base64url("\"text\"") + t.substr(d2),
        t.substr(0, d1 + 1) + detail::base64url("{\"iss\":") + t.substr(d2), // not JSON
        t.substr(0, d1 + 1) + detail::base64url("{} trailing") + t.substr(d2),
        t.substr(0, d1 + 1) + std::string(70 * 1024, 'A') + t.substr(d2), // longer than 64 KiB
    };
    for (auto const& c : cases) {
        BOOST_TEST(verify(c) == erp::make_error_code(erp::error::jwt_malformed), c.substr(0, 60));
        erp::error_code ec;
        erp::decode_jwt_unverified(c, ec);
        BOOST_TEST(ec == erp::make_error_code(erp::error::jwt_malformed));
    }
    // deep nesting is refused by the parser's depth limit
    std::string deep(100, '[');
    BOOST_TEST(verify(raw_token(R"({"alg":"RS256"})", "{\"a\":" + deep + std::string(100, ']') + "}"),
                      trusted("")) == erp::make_error_code(erp::error::jwt_malformed));
}

BOOST_AUTO_TEST_CASE(decode_unverified) {
    // reads the serial needed to verify, from a token signed by anyone
    auto t = raw_token(R"({"alg":"RS256"})", json::serialize(claims()), other_key());
    erp::error_code ec;
    auto v = erp::decode_jwt_unverified(t, ec);
    BOOST_TEST_REQUIRE(!ec);
    BOOST_TEST(v.claim("http://schemes.superoffice.net/identity/serial") == "1234");
    BOOST_TEST(v.has_expiry);
    // but verification refuses it
    BOOST_TEST(verify(t, trusted("")) == erp::make_error_code(erp::error::jwt_bad_signature));
}

BOOST_AUTO_TEST_CASE(claims_as_text) {
    erp::error_code ec;
    auto v = erp::verify_jwt(token(claims()), trusted(), expectations(), at(t0), ec);
    BOOST_TEST_REQUIRE(!ec);
    BOOST_TEST(v.claim("iss") == "SuperOffice AS");
    BOOST_TEST(v.claim("iat") == std::to_string(t0 - 60));
    BOOST_TEST(v.claim("exp") == std::to_string(t0 + 3600));
    BOOST_TEST(v.claim("is_administrator") == "False");
    BOOST_TEST(v.claim("count") == "42");
    BOOST_TEST(v.claim("flag") == "true");
    BOOST_TEST(v.claim("ratio") == "5E-1"); // Boost.JSON's shortest form of a double
    BOOST_TEST(v.claim("missing") == "");
    auto arr = erp::decode_jwt_unverified(with(claims(), "aud", json::array{"a", "b"}), ec);
    BOOST_TEST(arr.claim("aud") == R"(["a","b"])");
}

BOOST_AUTO_TEST_CASE(jwks) {
    auto const& k = signing_key();
    json::object doc{
        {"keys",
         json::array{
             json::object{{"kty", "EC"}, {"kid", "ec"}, {"crv", "P-256"}, {"x", "AA"}, {"y", "AA"}},
             json::object{{"kty", "RSA"}, {"use", "enc"}, {"kid", "enc"}, {"n", k.jwk_n()}, {"e", "AQAB"}},
             json::object{{"kty", "RSA"}, {"alg", "RS512"}, {"kid", "512"}, {"n", k.jwk_n()}, {"e", "AQAB"}},
             json::object{{"kty", "RSA"}, {"kid", "bad-n"}, {"n", "***"}, {"e", "AQAB"}},
             json::object{{"kty", "RSA"}, {"kid", 5}, {"n", k.jwk_n()}, {"e", "AQAB"}},
             "not an object",
             json::object{{"kty", "RSA"},
                          {"use", "sig"},
                          {"alg", "RS256"},
                          {"kid", "K1"},
                          {"n", k.jwk_n()},
                          {"e", k.jwk_e()},
                          {"x5t", "ignored"}},
             json::object{{"kty", "RSA"}, {"n", other_key().jwk_n()}, {"e", "AQAB"}},
         }}};
    erp::error_code ec;
    erp::diagnostics d;
    auto set = erp::jwk_set::parse(json::serialize(doc), ec, &d);
    BOOST_TEST_REQUIRE(!ec, d.client_message);
    BOOST_TEST_REQUIRE(set.size() == 2u);
    BOOST_TEST(set.keys()[0].first == "K1");
    BOOST_TEST(set.keys()[0].second.thumbprint() == k.thumbprint());
    BOOST_TEST(set.keys()[1].first == "");
    BOOST_TEST(!verify(token(claims(), "K1"), set));
    // round trip
    auto again = erp::jwk_set::parse(set.to_json(), ec);
    BOOST_TEST_REQUIRE(!ec);
    BOOST_TEST(again.to_json() == set.to_json());
    BOOST_TEST(again.keys()[1].second.thumbprint() == other_key().thumbprint());
    auto j = json::parse(set.to_json());
    BOOST_TEST(j.at("keys").at(0).at("kty") == "RSA");
    BOOST_TEST(j.at("keys").at(0).at("use") == "sig");
    BOOST_TEST(j.at("keys").at(0).at("alg") == "RS256");
    BOOST_TEST(j.at("keys").at(0).at("kid") == "K1");
    BOOST_TEST(j.at("keys").at(0).at("e") == "AQAB");
    BOOST_TEST(erp::jwk_set{}.to_json() == R"({"keys":[]})");
}

BOOST_AUTO_TEST_CASE(jwks_refused) {
    auto const& k = signing_key();
    auto one = json::serialize(
        json::object{{"keys", json::array{json::object{{"kty", "RSA"}, {"n", k.jwk_n()}, {"e", "AQAB"}}}}});
    std::string padding(1024 * 1024, ' ');
    for (std::string const& bad :
         {std::string("not json"), std::string("[]"), std::string("{}"), std::string(R"({"keys":{}})"),
          std::string(R"({"keys":[]})"), std::string(R"({"keys":[{"kty":"EC"}]})"), padding + one}) {
        erp::error_code ec;
        erp::diagnostics d;
        auto s = erp::jwk_set::parse(bad, ec, &d);
        BOOST_TEST(ec == erp::make_error_code(erp::error::jwt_unknown_key), bad.substr(0, 40));
        BOOST_TEST(s.empty());
        BOOST_TEST(d.client_message.starts_with("JWKS: "));
    }
    erp::error_code ec;
    BOOST_TEST(erp::jwk_set::parse(one, ec).size() == 1u); // the same key, without the padding
    BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_SUITE_END()
