// Base64 and base64url: the RFC 4648 §10 vectors both ways, the URL-safe alphabet, optional
// padding for base64url only, and strict refusal of anything else.
#include <superoffice/erpsync/detail/base64.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

namespace detail = superoffice::erpsync::detail;

BOOST_AUTO_TEST_SUITE(test_detail_base64)

BOOST_AUTO_TEST_CASE(rfc4648_vectors) {
    std::pair<std::string_view, std::string_view> const vectors[] = {{"", ""},
                                                                     {"f", "Zg=="},
                                                                     {"fo", "Zm8="},
                                                                     {"foo", "Zm9v"},
                                                                     {"foob", "Zm9vYg=="},
                                                                     {"fooba", "Zm9vYmE="},
                                                                     {"foobar", "Zm9vYmFy"}};
    for (auto [plain, coded] : vectors) {
        BOOST_TEST(detail::base64(plain) == coded);
        BOOST_TEST(detail::base64_decode(coded).value_or("<refused>") == plain);
        std::string unpadded(coded.substr(0, coded.find('=')));
        BOOST_TEST(detail::base64url(plain) == unpadded);
        BOOST_TEST(detail::base64url_decode(unpadded).value_or("<refused>") == plain);
        BOOST_TEST(detail::base64url_decode(coded).value_or("<refused>") == plain); // padded is fine
    }
}

BOOST_AUTO_TEST_CASE(alphabets) {
    std::string const bytes("\xfb\xff\xbf", 3);
    BOOST_TEST(detail::base64(bytes) == "+/+/");
    BOOST_TEST(detail::base64url(bytes) == "-_-_");
    BOOST_TEST(detail::base64_decode("+/+/").value_or("") == bytes);
    BOOST_TEST(detail::base64url_decode("-_-_").value_or("") == bytes);
    BOOST_TEST(!detail::base64_decode("-_-_"));
    BOOST_TEST(!detail::base64url_decode("+/+/"));
    std::string all;
    for (int i = 0; i < 256; ++i)
        all += static_cast<char>(i);
    BOOST_TEST(detail::base64_decode(detail::base64(all)).value_or("") == all);
    BOOST_TEST(detail::base64url_decode(detail::base64url(all)).value_or("") == all);
}

BOOST_AUTO_TEST_CASE(strict_decoding) {
    for (std::string_view bad : {"Zg", "Zg=", "Zm8", "Z", "Zm9v\n", " Zm9v", "Zm 9v",
                                 "Zm9v====", "Zg==Zg==", "Zh==", "Zm9=", "=Zm9", "Zm9v*", "===="})
        BOOST_TEST(!detail::base64_decode(bad), "accepted " << bad);
    for (std::string_view bad : {"Z", "Zg=", "Zh", "Zm9", "Zm9v=", "Zg===", "Zm8==", "Zm9v Yg", "Zm9v.Yg"})
        BOOST_TEST(!detail::base64url_decode(bad), "accepted " << bad);
}

BOOST_AUTO_TEST_SUITE_END()
