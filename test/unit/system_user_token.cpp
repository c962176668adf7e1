// The signed system-user token: the timestamp's format, a known-answer signature, and the
// sandbox's check (signature, clock window, malformed shapes).
#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/system_user_token.hpp>

#include <boost/system/error_code.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace erp = superoffice::erpsync;
namespace chr = std::chrono;
using namespace std::chrono_literals;

namespace {

/// test/data/keys/rsa2048.pem, a fixed 2048-bit key (PKCS#8) made with
/// `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`.
erp::rsa_key const& fixed_key() {
    static erp::rsa_key const k = [] {
        std::ifstream f(std::string(SO_ERPSYNC_TEST_DATA_DIR) + "/keys/rsa2048.pem", std::ios::binary);
        std::ostringstream s;
        s << f.rdbuf();
        erp::error_code ec;
        auto key = erp::rsa_key::parse(s.str(), ec);
        if (ec)
            throw std::runtime_error("test/data/keys/rsa2048.pem: " + ec.message());
        return key;
    }();
    return k;
}

erp::rsa_key const& public_key() {
    static erp::rsa_key const k = [] {
        erp::error_code ec;
        auto key = erp::rsa_key::parse(fixed_key().public_pem(), ec);
        if (ec)
            throw std::runtime_error("public key: " + ec.message());
        return key;
    }();
    return k;
}

chr::system_clock::time_point utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
    return chr::sys_days(chr::year(y) / mo / d) + chr::hours(h) + chr::minutes(mi) + chr::seconds(s);
}

std::string sign(std::string_view token, chr::system_clock::time_point at) {
    erp::error_code ec;
    auto s = erp::sign_system_user_token(token, fixed_key(), at, ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_system_user_token)

BOOST_AUTO_TEST_CASE(known_answer) {
    // Computed once, independently of this library, with OpenSSL 3.0.19:
    //   printf '%s' 'SysUserTokenABC.202601020304' | openssl dgst -sha256 -sign rsa2048.pem | base64 -w0
    // (RSASSA-PKCS1-v1_5 is deterministic, so the signature never changes.)
    constexpr std::string_view expected_signature =
        "TWjx6Y7wApwbNnzFQjviy6sWMjOHHuOZEXQ10znqlOJD8k+gsxltr+"
        "ZKh2sUUeX4sDOlTuv58sj4spgAZVn3rMQd50rA29wPq2fnrNhe"
        "21wSM7KNPxPqx+DSs9utQ8Y6Gm7H76DVMTFmJy2QYl2uQPs474iIaIQuRIYakTaMgnprQTp6vcs+"
        "7I77qtSpkfj0JM5z483dXbZ1qaF"
        "wNyP1fHJQwzuy58Wsb4Wzt7ZIwIdDxQ00K2jq3uDrPeFhS/"
        "7yNoi8OtW2FPRPTmJaApOkJFB2WmGFxjogytD0MUHB8vvW5pgVaMvFdeQ"
        "pcHuCKVHQJZ1MPnbkMl/fqdG5h7KBvw==";
    auto at = utc(2026, 1, 2, 3, 4, 59) + 999ms; // seconds are dropped, not rounded
    BOOST_TEST(sign("SysUserTokenABC", at) ==
               "SysUserTokenABC.202601020304." + std::string(expected_signature));
}

BOOST_AUTO_TEST_CASE(timestamp_format) {
    auto stamp = [](chr::system_clock::time_point t) {
        auto s = sign("T", t);
        return s.substr(2, 12);
    };
    BOOST_TEST(stamp(utc(2026, 1, 2, 3, 4)) == "202601020304");
    BOOST_TEST(stamp(utc(2026, 12, 31, 23, 59, 59)) == "202612312359"); // 24-hour clock
    BOOST_TEST(stamp(utc(2026, 7, 15, 12, 0)) == "202607151200");
    BOOST_TEST(stamp(utc(2026, 7, 15, 0, 0)) == "202607150000");
    BOOST_TEST(stamp(utc(2028, 2, 29, 13, 7)) == "202802291307");
    BOOST_TEST(stamp(utc(1999, 3, 4, 5, 6)) == "199903040506");
}

BOOST_AUTO_TEST_CASE(signed_token_is_standard_padded_base64) {
    auto s = sign("Sys.Token.With.Dots", utc(2026, 1, 2, 3, 4));
    auto sig = s.substr(s.rfind('.') + 1);
    BOOST_TEST(sig.size() == 344u); // 256 bytes: 342 characters and "=="
    BOOST_TEST(sig.ends_with("=="));
    BOOST_TEST(superoffice::erpsync::detail::base64_decode(sig).has_value());
    erp::error_code ec;
    auto r = erp::check_signed_system_user_token(s, public_key(), utc(2026, 1, 2, 3, 4, 30), 60s, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(r.token == "Sys.Token.With.Dots");
}

BOOST_AUTO_TEST_CASE(cannot_sign_without_private_key) {
    erp::error_code ec;
    BOOST_TEST(erp::sign_system_user_token("T", public_key(), utc(2026, 1, 2, 3, 4), ec).empty());
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
    ec = {};
    BOOST_TEST(erp::sign_system_user_token("T", erp::rsa_key(), utc(2026, 1, 2, 3, 4), ec).empty());
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
}

BOOST_AUTO_TEST_CASE(check_ok) {
    auto at = utc(2026, 5, 6, 7, 8, 42);
    auto s = sign("SysToken", at);
    erp::error_code ec;
    auto r = erp::check_signed_system_user_token(s, public_key(), at, 5min, ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(r.token == "SysToken");
    BOOST_TEST((r.signed_at == utc(2026, 5, 6, 7, 8)));
    // the private key verifies too
    erp::check_signed_system_user_token(s, fixed_key(), at, 5min, ec);
    BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(check_wrong_key) {
    auto s = sign("SysToken", utc(2026, 5, 6, 7, 8));
    auto other = erp::rsa_key::generate(1024);
    erp::error_code ec;
    auto r = erp::check_signed_system_user_token(s, other, utc(2026, 5, 6, 7, 8), 5min, ec);
    BOOST_TEST(ec == erp::make_error_code(erp::error::auth_invalid_signature));
    BOOST_TEST(r.token.empty());
    // a signature of another token
    auto t = sign("OtherToken", utc(2026, 5, 6, 7, 8));
    auto forged = "SysToken" + t.substr(t.find('.'));
    erp::check_signed_system_user_token(forged, public_key(), utc(2026, 5, 6, 7, 8), 5min, ec);
    BOOST_TEST(ec == erp::make_error_code(erp::error::auth_invalid_signature));
    // another timestamp put on a valid signature
    auto moved = s;
    moved.replace(moved.find(".202605060708.") + 1, 12, "202605060709");
    erp::check_signed_system_user_token(moved, public_key(), utc(2026, 5, 6, 7, 9), 5min, ec);
    BOOST_TEST(ec == erp::make_error_code(erp::error::auth_invalid_signature));
    // no key at all
    erp::check_signed_system_user_token(s, erp::rsa_key(), utc(2026, 5, 6, 7, 8), 5min, ec);
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
}

BOOST_AUTO_TEST_CASE(check_clock_window) {
    auto at = utc(2026, 5, 6, 7, 8); // names the minute 07:08:00 to 07:08:59
    auto s = sign("SysToken", at);
    auto check = [&](chr::system_clock::time_point now) {
        erp::error_code ec;
        erp::check_signed_system_user_token(s, public_key(), now, 60s, ec);
        return ec;
    };
    BOOST_TEST(!check(at + 59s));        // inside the minute
    BOOST_TEST(!check(at + 1min + 59s)); // 59 s after the minute
    BOOST_TEST(!check(at - 60s));        // 60 s before
    BOOST_TEST(check(at + 2min + 1s) == erp::make_error_code(erp::error::auth_invalid_timestamp)); // stale
    BOOST_TEST(check(at + 24h) == erp::make_error_code(erp::error::auth_invalid_timestamp));
    BOOST_TEST(check(at - 61s) ==
               erp::make_error_code(erp::error::auth_invalid_timestamp)); // from the future
}

BOOST_AUTO_TEST_CASE(check_malformed_shapes) {
    auto at = utc(2026, 5, 6, 7, 8);
    auto s = sign("SysToken", at);
    auto sig = s.substr(s.rfind('.') + 1);
    std::vector<std::string> const cases = {std::string(""),
                                            std::string("SysToken"),
                                            "SysToken." + sig,
                                            "SysToken.202605060708",
                                            "SysToken.202605060708.",
                                            ".202605060708." + sig,
                                            "SysToken.20260506070." + sig,
                                            "SysToken.2026050607089." + sig,
                                            "SysToken.2026O5060708." + sig,
                                            "SysToken.202613060708." + sig,
                                            "SysToken.202602300708." + sig,
                                            "SysToken.202605062408." + sig,
                                            "SysToken.202605060760." + sig,
                                            "SysToken.202605060708." + sig.substr(0, sig.size() - 2),
                                            "SysToken.202605060708." + sig + "=",
                                            "SysToken.202605060708.*" + sig.substr(1),
                                            std::string(70000, 'x') + ".202605060708." + sig};
    for (auto const& bad : cases) {
        erp::error_code ec;
        auto r = erp::check_signed_system_user_token(bad, public_key(), at, 5min, ec);
        BOOST_TEST(ec == erp::make_error_code(erp::error::auth_invalid_signature),
                   "accepted or misjudged: " << bad.substr(0, 40));
        BOOST_TEST(r.token.empty());
    }
}

BOOST_AUTO_TEST_SUITE_END()
