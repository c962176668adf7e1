// rsa_key: every key form read (PEM PKCS#1, PKCS#8, SubjectPublicKeyInfo, PKCS#1 public,
// certificate, .NET XML in any order), signatures made with one form verified with the others,
// the written forms, and the refusals (with a reason that never quotes the key).
#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/rsa_key.hpp>

#include <boost/system/error_code.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;

namespace {

/// One 2048-bit key for the whole file (generating one takes a noticeable time).
erp::rsa_key const& generated() {
    static erp::rsa_key const k = erp::rsa_key::generate(2048);
    return k;
}

std::string data_file(std::string const& name) {
    std::ifstream f(std::string(SO_ERPSYNC_TEST_DATA_DIR) + "/keys/" + name, std::ios::binary);
    BOOST_TEST_REQUIRE(f.good(), "cannot open test/data/keys/" << name);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

erp::rsa_key parse_ok(std::string_view text) {
    erp::error_code ec;
    erp::diagnostics d;
    auto k = erp::rsa_key::parse(text, ec, &d);
    BOOST_TEST_REQUIRE(!ec, "refused: " << ec.message() << ": " << d.client_message);
    BOOST_TEST_REQUIRE(!k.empty());
    return k;
}

/// The reason `text` is refused (fails the test when it is accepted or refused otherwise), checked
/// not to quote any 16-character piece of the key text.
std::string parse_error(std::string_view text) {
    erp::error_code ec;
    erp::diagnostics d;
    auto k = erp::rsa_key::parse(text, ec, &d);
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
    BOOST_TEST(k.empty());
    BOOST_TEST(!d.client_message.empty());
    bool quotes_key = false;
    for (std::size_t i = 0; i + 16 <= text.size() && !quotes_key; i += 8) {
        auto piece = text.substr(i, 16);
        if (piece.find_first_of("<>-/ \n") == std::string_view::npos) // key material, not markup
            quotes_key = d.client_message.find(piece) != std::string::npos;
    }
    BOOST_TEST(!quotes_key, "the diagnostic quotes the key: " << d.client_message);
    return d.client_message;
}

/// The text of element `name` in an `<RSAKeyValue>` document.
std::string xml_element(std::string const& xml, std::string const& name) {
    auto b = xml.find("<" + name + ">");
    auto e = xml.find("</" + name + ">");
    BOOST_TEST_REQUIRE((b != std::string::npos && e != std::string::npos));
    return xml.substr(b + name.size() + 2, e - b - name.size() - 2);
}

std::string sign(erp::rsa_key const& k, std::string_view data) {
    erp::error_code ec;
    auto sig = k.sign_sha256(data, ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    return sig;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_rsa_key)

BOOST_AUTO_TEST_CASE(generated_key) {
    auto const& k = generated();
    BOOST_TEST(!k.empty());
    BOOST_TEST(k.has_private());
    BOOST_TEST(k.bits() == 2048u);
    BOOST_TEST(k.native_handle() != nullptr);
    BOOST_TEST(k.private_pem_pkcs1().starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
    BOOST_TEST(k.private_pem().starts_with("-----BEGIN PRIVATE KEY-----\n"));
    BOOST_TEST(k.public_pem().starts_with("-----BEGIN PUBLIC KEY-----\n"));
    BOOST_TEST(k.private_xml().starts_with("<RSAKeyValue><Modulus>"));
    BOOST_TEST(k.jwk_e() == "AQAB"); // 65537
}

BOOST_AUTO_TEST_CASE(every_form_signs_and_verifies_with_every_other) {
    auto const& k = generated();
    struct form {
        char const* name;
        std::string text;
        bool is_private;
    };
    std::vector<form> forms = {{"PKCS#1 PEM", k.private_pem_pkcs1(), true},
                               {"PKCS#8 PEM", k.private_pem(), true},
                               {"XML", k.private_xml(), true},
                               {"public PEM", k.public_pem(), false}};
    std::vector<erp::rsa_key> keys;
    for (auto const& f : forms) {
        BOOST_TEST_CONTEXT(f.name) {
            keys.push_back(parse_ok(f.text));
            BOOST_TEST(keys.back().has_private() == f.is_private);
            BOOST_TEST(keys.back().bits() == 2048u);
            BOOST_TEST(keys.back().thumbprint() == k.thumbprint());
            BOOST_TEST(keys.back().jwk_n() == k.jwk_n());
        }
    }
    std::string const data = "SystemUserToken.202601020304";
    for (std::size_t s = 0; s < keys.size(); ++s) {
        if (!keys[s].has_private())
            continue;
        auto sig = sign(keys[s], data);
        BOOST_TEST(sig.size() == 256u);
        for (std::size_t v = 0; v < keys.size(); ++v) {
            BOOST_TEST_CONTEXT(forms[s].name << " signs, " << forms[v].name << " verifies") {
                BOOST_TEST(keys[v].verify_sha256(data, sig));
                BOOST_TEST(!keys[v].verify_sha256(data + "x", sig));
                auto bad = sig;
                bad[10] = static_cast<char>(bad[10] ^ 1);
                BOOST_TEST(!keys[v].verify_sha256(data, bad));
            }
        }
        // deterministic (PKCS#1 v1.5): every private form gives the same bytes
        BOOST_TEST(sig == sign(k, data));
    }
    // re-written forms are stable
    BOOST_TEST(keys[2].private_xml() == forms[2].text);
    BOOST_TEST(keys[1].private_pem() == forms[1].text);
    BOOST_TEST(keys[3].private_pem().empty());
    BOOST_TEST(keys[3].private_pem_pkcs1().empty());
}

BOOST_AUTO_TEST_CASE(files_in_every_pem_form) {
    // test/data/keys, made with OpenSSL 3.0:
    //   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa2048.pem
    //   openssl req -x509 -key rsa2048.pem -subj /CN=erpsync-test -days 36500 -out rsa2048_cert.pem
    //   openssl pkey -in rsa2048.pem -pubout | openssl rsa -pubin -RSAPublicKey_out -out
    //   rsa2048_pkcs1_public.pem
    auto priv = parse_ok(data_file("rsa2048.pem"));
    auto cert = parse_ok(data_file("rsa2048_cert.pem"));
    auto pkcs1_pub = parse_ok(data_file("rsa2048_pkcs1_public.pem"));
    BOOST_TEST(priv.has_private());
    BOOST_TEST(!cert.has_private());
    BOOST_TEST(!pkcs1_pub.has_private());
    // openssl pkey -in rsa2048.pem -pubout -outform DER | openssl dgst -sha1
    BOOST_TEST(priv.thumbprint() == "2049D66DF74E6A6660BE3BE676CD6EEC836F1C24");
    BOOST_TEST(cert.thumbprint() == priv.thumbprint());
    BOOST_TEST(pkcs1_pub.thumbprint() == priv.thumbprint());
    auto sig = sign(priv, "data");
    BOOST_TEST(cert.verify_sha256("data", sig));
    BOOST_TEST(pkcs1_pub.verify_sha256("data", sig));
    BOOST_TEST(!generated().verify_sha256("data", sig));
    // leading and trailing whitespace, CRLF line ends
    std::string crlf;
    for (char c : data_file("rsa2048.pem"))
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    BOOST_TEST(parse_ok("\n  " + crlf + "\n\n").thumbprint() == priv.thumbprint());
}

BOOST_AUTO_TEST_CASE(xml_in_another_order_with_whitespace) {
    auto const& k = generated();
    auto xml = k.private_xml();
    std::string reordered = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<RSAKeyValue>\r\n";
    for (char const* name : {"D", "InverseQ", "DQ", "Exponent", "DP", "Q", "P", "Modulus"}) {
        auto v = xml_element(xml, name);
        v.insert(v.size() / 2, "\n    "); // .NET tolerates whitespace inside the Base64 too
        reordered += std::string("  <") + name + ">\n    " + v + "\n  </" + name + ">\r\n";
    }
    reordered += "</RSAKeyValue>\n";
    auto parsed = parse_ok(reordered);
    BOOST_TEST(parsed.has_private());
    BOOST_TEST(parsed.private_xml() == xml);
    BOOST_TEST(k.verify_sha256("x", sign(parsed, "x")));
}

BOOST_AUTO_TEST_CASE(xml_number_widths_as_dotnet_needs) {
    // .NET's RSA.FromXmlString wants D as long as the modulus, the CRT parts half as long
    auto xml = generated().private_xml();
    auto len = [&](char const* name) {
        return detail::base64_decode(xml_element(xml, name)).value_or("").size();
    };
    BOOST_TEST(len("Modulus") == 256u);
    BOOST_TEST(len("D") == 256u);
    for (char const* half : {"P", "Q", "DP", "DQ", "InverseQ"})
        BOOST_TEST(len(half) == 128u, half);
    BOOST_TEST(xml_element(xml, "Exponent") == "AQAB");
}

BOOST_AUTO_TEST_CASE(xml_public_only_verifies_but_cannot_sign) {
    auto const& k = generated();
    auto xml = k.private_xml();
    auto pub_xml = "<RSAKeyValue><Exponent>AQAB</Exponent><Modulus>" + xml_element(xml, "Modulus") +
                   "</Modulus></RSAKeyValue>";
    auto pub = parse_ok(pub_xml);
    BOOST_TEST(!pub.has_private());
    BOOST_TEST(pub.private_xml() == "<RSAKeyValue><Modulus>" + xml_element(xml, "Modulus") +
                                        "</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>");
    BOOST_TEST(pub.verify_sha256("x", sign(k, "x")));
    erp::error_code ec;
    auto sig = pub.sign_sha256("x", ec);
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
    BOOST_TEST(sig.empty());
    // the public key of a PEM file likewise
    ec = {};
    BOOST_TEST(parse_ok(k.public_pem()).sign_sha256("x", ec).empty());
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
}

BOOST_AUTO_TEST_CASE(refused_xml) {
    auto const& k = generated();
    auto xml = k.private_xml();
    auto without = [&](std::string const& name) {
        auto b = xml.find("<" + name + ">");
        auto e = xml.find("</" + name + ">") + name.size() + 3;
        return xml.substr(0, b) + xml.substr(e);
    };
    BOOST_TEST(parse_error(without("Modulus")) == "invalid RSA key: XML key lacks <Modulus>");
    BOOST_TEST(parse_error(without("Exponent")) == "invalid RSA key: XML key lacks <Exponent>");
    BOOST_TEST(parse_error(without("DP")).find("lacks <DP>") != std::string::npos);
    BOOST_TEST(parse_error(without("D")).find("lacks <D>") != std::string::npos);
    // a private part of another key: inconsistent
    auto other = erp::rsa_key::generate(1024).private_xml();
    auto mixed = xml;
    auto d = xml_element(xml, "DQ");
    mixed.replace(mixed.find(d), d.size(), xml_element(other, "Modulus"));
    BOOST_TEST(parse_error(mixed).find("inconsistent") != std::string::npos);
    auto bad_b64 = xml;
    bad_b64.replace(bad_b64.find("<Exponent>AQAB"), 14, "<Exponent>AQ*B");
    BOOST_TEST(parse_error(bad_b64).find("<Exponent> is not Base64") != std::string::npos);
    auto twice = xml;
    twice.insert(twice.find("</RSAKeyValue>"), "<Exponent>AQAB</Exponent>");
    BOOST_TEST(parse_error(twice).find("<Exponent> twice") != std::string::npos);
    auto unknown = xml;
    unknown.insert(unknown.find("</RSAKeyValue>"), "<Foo>AQAB</Foo>");
    BOOST_TEST(parse_error(unknown).find("unknown element") != std::string::npos);
    BOOST_TEST(parse_error(xml.substr(0, xml.size() - 5)).find("does not end with") != std::string::npos);
    BOOST_TEST(parse_error("<RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>")
                   .find("bits") != std::string::npos); // a 17-bit modulus
    BOOST_TEST(parse_error("<KeyValue></KeyValue>").find("<RSAKeyValue>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refused_pem_and_other_text) {
    auto pem = generated().private_pem();
    BOOST_TEST(parse_error("").find("empty") != std::string::npos);
    BOOST_TEST(parse_error("garbage, not a key").find("neither PEM") != std::string::npos);
    BOOST_TEST(parse_error(pem.substr(0, pem.size() / 2)).find("truncated") != std::string::npos);
    // cut inside the body but with the END line kept
    auto end = pem.find("-----END");
    BOOST_TEST(parse_error(pem.substr(0, 200) + "\n" + pem.substr(end)).find("could not be decoded") !=
               std::string::npos);
    auto corrupted = pem;
    corrupted[100] = '*';
    parse_error(corrupted);
    // openssl pkey -in rsa2048.pem -aes256 -passout pass:test -out rsa2048_encrypted.pem
    BOOST_TEST(parse_error(data_file("rsa2048_encrypted.pem")).find("PEM block is encrypted") !=
               std::string::npos);
    // a legacy (PKCS#1) encrypted block
    BOOST_TEST(
        parse_error("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\n"
                    "AAAA\n-----END RSA PRIVATE KEY-----\n")
            .find("PEM block is encrypted") != std::string::npos);
    // openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec_p256.pem
    BOOST_TEST(parse_error(data_file("ec_p256.pem")) == "invalid RSA key: the key is not an RSA key");
    BOOST_TEST(parse_error("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n") ==
               "invalid RSA key: the key is not an RSA key");
    BOOST_TEST(parse_error("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n").find("unsupported") !=
               std::string::npos);
    BOOST_TEST(parse_error(std::string(2 << 20, ' ') + pem + std::string(2 << 20, 'x')).find("1 MiB") !=
               std::string::npos);
    // without a diagnostics object
    erp::error_code ec;
    BOOST_TEST(erp::rsa_key::parse("garbage", ec).empty());
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
}

BOOST_AUTO_TEST_CASE(malformed_public_keys_are_refused_the_same_way_every_time) {
    // The public key's checks are deterministic (OpenSSL's SP 800-56B check, with random
    // Miller-Rabin bases, refused a modulus with a small factor only in some reads).
    auto const& k = generated();
    std::string const n = *erp::detail::base64url_decode(k.jwk_n()); // big-endian
    auto xml = [](std::string const& mod, std::string const& exp) {
        return "<RSAKeyValue><Modulus>" + erp::detail::base64(mod) + "</Modulus><Exponent>" +
               erp::detail::base64(exp) + "</Exponent></RSAKeyValue>";
    };
    auto times = [](std::string be, unsigned m) { // big-endian times a small number
        unsigned carry = 0;
        for (auto it = be.rbegin(); it != be.rend(); ++it) {
            unsigned v = static_cast<unsigned char>(*it) * m + carry;
            *it = static_cast<char>(v & 0xff);
            carry = v >> 8;
        }
        while (carry) {
            be.insert(be.begin(), static_cast<char>(carry & 0xff));
            carry >>= 8;
        }
        return be;
    };
    std::string const f4("\x01\x00\x01", 3);
    std::string even = n;
    even.back() = static_cast<char>(even.back() & ~1);
    struct bad {
        std::string text;
        std::string why;
    };
    std::vector<bad> const cases{
        {xml(even, f4), "the RSA modulus is even"},
        {xml(times(n, 3), f4), "the RSA modulus has the small factor 3"},
        {xml(times(n, 997), f4), "the RSA modulus has the small factor 997"},
        {xml(n, std::string("\x01", 1)), "public exponent"},
        {xml(n, std::string("\x01\x00\x02", 3)), "public exponent"},
        {xml(n, n), "public exponent"},
    };
    for (auto const& c : cases)
        for (int i = 0; i < 20; ++i)
            BOOST_TEST(parse_error(c.text).find(c.why) != std::string::npos, c.why);
    for (int i = 0; i < 20; ++i) { // and the key itself, always accepted
        erp::error_code ec;
        BOOST_TEST(!erp::rsa_key::parse(xml(n, f4), ec).empty());
        BOOST_TEST(!ec, ec.message());
    }
}

BOOST_AUTO_TEST_CASE(from_jwk) {
    auto const& k = generated();
    erp::error_code ec;
    auto pub = erp::rsa_key::from_jwk(k.jwk_n(), k.jwk_e(), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(!pub.has_private());
    BOOST_TEST(pub.thumbprint() == k.thumbprint());
    BOOST_TEST(pub.verify_sha256("jwt", sign(k, "jwt")));
    // padded is accepted
    auto n = k.jwk_n();
    while (n.size() % 4)
        n += '=';
    BOOST_TEST(!erp::rsa_key::from_jwk(n, "AQAB", ec).empty());
    BOOST_TEST(!ec);
    for (auto [bad_n, bad_e] : {std::pair<std::string, std::string>{k.jwk_n() + "*", "AQAB"},
                                {k.jwk_n(), ""},
                                {"", "AQAB"},
                                {k.jwk_n(), "AQ+B"},
                                {"AQAB", "AQAB"}}) {
        ec = {};
        BOOST_TEST(erp::rsa_key::from_jwk(bad_n, bad_e, ec).empty());
        BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
    }
}

BOOST_AUTO_TEST_CASE(empty_key) {
    erp::rsa_key k;
    BOOST_TEST(k.empty());
    BOOST_TEST(!k.has_private());
    BOOST_TEST(k.bits() == 0u);
    BOOST_TEST(k.native_handle() == nullptr);
    BOOST_TEST(k.public_pem().empty());
    BOOST_TEST(k.private_pem().empty());
    BOOST_TEST(k.private_xml().empty());
    BOOST_TEST(k.jwk_n().empty());
    BOOST_TEST(k.thumbprint().empty());
    erp::error_code ec;
    BOOST_TEST(k.sign_sha256("x", ec).empty());
    BOOST_TEST(ec == erp::make_error_code(erp::error::invalid_key));
    BOOST_TEST(!k.verify_sha256("x", "y"));
}

BOOST_AUTO_TEST_CASE(copies_share_the_key) {
    erp::rsa_key copy = generated();
    BOOST_TEST(copy.native_handle() == generated().native_handle());
    BOOST_TEST(generated().verify_sha256("c", sign(copy, "c")));
}

BOOST_AUTO_TEST_SUITE_END()
