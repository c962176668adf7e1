// Every sample body of the REST reference pages (test/data/rest_samples, from the public
// SuperOffice documentation) decodes into its operation's request or response type, and what
// decodes writes back to JSON that decodes to the same thing.
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>

namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
namespace fs = std::filesystem;

namespace {

fs::path const dir = fs::path(SO_ERPSYNC_TEST_DATA_DIR) / "rest_samples";

std::optional<std::string> read(std::string const& name) {
    std::ifstream in(dir / name, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Writes `v` and reads it back: the same JSON again. Enum names this version does not know (the
// samples' lorem words) are written back as they came.
template <class T>
void rewrites(T const& v) {
    erp::diagnostics d;
    std::string first;
    BOOST_TEST_REQUIRE(!erp::to_json(v, first, &d), d.to_string());
    T again{};
    BOOST_TEST_REQUIRE(!erp::from_json(first, again, &d), d.to_string());
    BOOST_TEST(erp::to_json(again).value() == first);
}

// The pages show lorem words where a TimeSpan goes (`"Interval": "rem"`): refused with the field
// path. Puts a real TimeSpan in its place and says so, so that the rest of the sample is checked.
bool placeholder(erp::error_code ec, erp::diagnostics const& d, std::string& text) {
    if (ec != erp::error::invalid_value || d.field_path != "Interval")
        return false;
    auto key = text.find("\"Interval\": \"");
    BOOST_TEST_REQUIRE(key != std::string::npos);
    auto start = key + 13, end = text.find('"', start);
    text.replace(start, end - start, "00:05:00");
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_samples)

BOOST_AUTO_TEST_CASE(every_documented_sample_decodes) {
    BOOST_TEST_REQUIRE(fs::is_directory(dir), dir.string());
    std::set<std::string> used;
    std::size_t requests = 0, responses = 0, placeholders = 0;
    boost::mp11::mp_for_each<ops::all>([&](auto op) {
        using Op = decltype(op);
        using R = erp::response_t<Op>;
        std::string const name(Op::name);
        for (std::string variant : {"", ".alt"}) {
            std::string const req_file = name + ".request" + variant + ".json";
            if (auto text = read(req_file)) {
                BOOST_TEST_CONTEXT(req_file) {
                    used.insert(req_file);
                    ++requests;
                    BOOST_TEST((Op::request_travels == erp::request_kind::body));
                    erp::request_t<Op> r{};
                    erp::diagnostics d;
                    auto ec = erp::from_json(*text, r, &d);
                    if (placeholder(ec, d, *text)) {
                        ++placeholders;
                        r = {};
                        ec = erp::from_json(*text, r, &d);
                    }
                    BOOST_TEST(!ec, d.to_string());
                    rewrites(r);
                }
            }
            std::string const resp_file = name + ".response" + variant + ".json";
            auto text = read(resp_file);
            if (!text)
                continue;
            BOOST_TEST_CONTEXT(resp_file) {
                used.insert(resp_file);
                ++responses;
                erp::diagnostics d;
                if constexpr (std::is_void_v<R>) {
                    BOOST_TEST(!erp::detail::decode_response<void>(204, *text, nullptr, &d), d.to_string());
                } else {
                    R out{};
                    auto ec = erp::detail::decode_response<R>(200, *text, &out, &d);
                    if (placeholder(ec, d, *text)) {
                        ++placeholders;
                        out = R{};
                        ec = erp::detail::decode_response<R>(200, *text, &out, &d);
                    }
                    BOOST_TEST(!ec, d.to_string());
                    rewrites(out);
                }
            }
        }
    });
    // every file was read by an operation of that name (no sample left unchecked)
    std::size_t files = 0;
    for (auto const& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json") {
            ++files;
            BOOST_TEST(used.count(e.path().filename().string()) == 1u, e.path().filename());
        }
    BOOST_TEST(files == requests + responses);
    BOOST_TEST(requests == 46u);    // 42 current pages + 4 older pages of a different shape
    BOOST_TEST(responses == 74u);   // 49 + 25
    BOOST_TEST(placeholders >= 1u); // the engine status samples
}

BOOST_AUTO_TEST_CASE(documented_values_are_read_as_documented) {
    // a few values the samples carry, checked one by one
    erp::diagnostics d;
    erp::erp_sync_connection_summary s;
    BOOST_TEST_REQUIRE(!erp::from_json(read("GetErpSyncConnectionSummary.response.json").value(), s, &d),
                       d.to_string());
    BOOST_TEST((s.LastSync.kind() == erp::timestamp_kind::offset));
    BOOST_TEST(s.LastSync.to_string().find('.') != std::string::npos); // fractional digits kept

    std::map<std::string, std::string> config;
    BOOST_TEST_REQUIRE(!erp::detail::decode_response(
                           200, read("GetErpConnectionConfigFields.response.json").value(), &config, &d),
                       d.to_string());
    BOOST_TEST(config.size() == 2u);

    erp::erp_sync_response_code code{};
    BOOST_TEST_REQUIRE(!erp::detail::decode_response(
        200, read("CanDeleteErpSyncConnectorEntity.response.json").value(), &code, &d));
    BOOST_TEST((code != erp::erp_sync_response_code::unrecognized));

    std::vector<std::string> strings;
    BOOST_TEST_REQUIRE(!erp::detail::decode_response(
        200, read("ToggleErpConnectionActive.response.json").value(), &strings, &d));
    BOOST_TEST(!strings.empty());
}

BOOST_AUTO_TEST_SUITE_END()
