// The JSON writer's integer formatter: the text std::to_chars writes for 0, every power of ten
// and its neighbours, negatives, the extremes of every width, and a deterministic spread of
// values of every length; nothing written past integer_room; integer arrays and members through
// to_json (the array path bounds the whole array once and writes without checks).
#include <superoffice/erpsync/detail/write_integer.hpp>
#include <superoffice/erpsync/json.hpp>

#include <boost/describe/class.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace erp = superoffice::erpsync;
namespace detail = superoffice::erpsync::detail;

namespace {

template <class I>
std::string expected(I v) {
    std::array<char, 32> buf{};
    return std::string(buf.data(), std::to_chars(buf.data(), buf.data() + buf.size(), v).ptr);
}

/// write_integer's text for `v`, checking that it wrote nothing past integer_room<I>.
template <class I>
std::string written(I v) {
    constexpr char fill = '#';
    std::array<char, detail::integer_room<I> + 8> buf;
    buf.fill(fill);
    char* const end = detail::write_integer(buf.data(), v);
    BOOST_TEST(static_cast<std::size_t>(end - buf.data()) <= detail::integer_room<I>);
    for (std::size_t i = detail::integer_room<I>; i < buf.size(); ++i)
        BOOST_TEST(buf[i] == fill, "written past integer_room at " << i << " for " << expected(v));
    return std::string(buf.data(), end);
}

template <class I>
void check(I v) {
    BOOST_TEST(written(v) == expected(v));
    if constexpr (std::is_unsigned_v<I> && sizeof(I) >= 4) {
        std::array<char, 32> buf{};
        char* const end = detail::write_decimal_portable(buf.data(), v);
        BOOST_TEST(std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data())) == expected(v));
    }
}

/// 0, 1, every power of ten of I's range and its neighbours, their negatives, min and max.
template <class I>
void check_boundaries() {
    using L = std::numeric_limits<I>;
    check(I(0));
    check(I(1));
    check(L::max());
    check(I(L::max() - 1));
    check(L::min());
    check(I(L::min() + 1));
    using U = std::make_unsigned_t<I>;
    for (U p = 1; p <= U(L::max()) / 10; p = U(p * 10)) {
        U const t = U(p * 10); // 10, 100, ...
        for (U v : {U(t - 1), t, U(t + 1)}) {
            check(I(v));
            if constexpr (std::is_signed_v<I>)
                check(I(-I(v)));
        }
    }
}

/// A deterministic spread: `count` values of every length (both signs for signed I), from a
/// 64-bit LCG.
template <class I>
void check_spread(int count) {
    using U = std::make_unsigned_t<I>;
    std::uint64_t x = 0x9e3779b97f4a7c15u;
    for (int i = 0; i < count; ++i) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        auto const bits = 1 + static_cast<unsigned>(x >> 58) % (sizeof(I) * 8); // 1 to all
        auto const raw = static_cast<U>(x >> (64 - bits));
        bool const negate = std::is_signed_v<I> && (x & 1u);
        check(static_cast<I>(negate ? static_cast<U>(U(0) - raw) : raw));
    }
}

struct integer_arrays {
    std::vector<std::int32_t> I32{};
    std::vector<std::int64_t> I64{};
    std::vector<std::uint64_t> U64{};
    std::vector<std::int16_t> I16{};
    std::int64_t Single = 0;
};
BOOST_DESCRIBE_STRUCT(integer_arrays, (), (I32, I64, U64, I16, Single))

template <class I>
std::string expected_array(std::vector<I> const& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i)
        s += (i ? "," : "") + expected(v[i]);
    return s + "]";
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_detail_write_integer)

BOOST_AUTO_TEST_CASE(small_values_and_powers_of_ten) {
    BOOST_TEST(written(0) == "0");
    BOOST_TEST(written(9) == "9");
    BOOST_TEST(written(10) == "10");
    BOOST_TEST(written(99) == "99");
    BOOST_TEST(written(100) == "100");
    BOOST_TEST(written(-1) == "-1");
    BOOST_TEST(written(-10) == "-10");
    BOOST_TEST(written(std::numeric_limits<std::int32_t>::min()) == "-2147483648");
    BOOST_TEST(written(std::numeric_limits<std::int32_t>::max()) == "2147483647");
    BOOST_TEST(written(std::numeric_limits<std::uint32_t>::max()) == "4294967295");
    BOOST_TEST(written(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
    BOOST_TEST(written(std::numeric_limits<std::int64_t>::max()) == "9223372036854775807");
    BOOST_TEST(written(std::numeric_limits<std::uint64_t>::max()) == "18446744073709551615");
}

BOOST_AUTO_TEST_CASE(every_power_of_ten_boundary_and_extremes) {
    check_boundaries<std::int8_t>();
    check_boundaries<std::uint8_t>();
    check_boundaries<std::int16_t>();
    check_boundaries<std::uint16_t>();
    check_boundaries<std::int32_t>();
    check_boundaries<std::uint32_t>();
    check_boundaries<std::int64_t>();
    check_boundaries<std::uint64_t>();
    check_boundaries<long long>();
    check_boundaries<unsigned long long>();
}

BOOST_AUTO_TEST_CASE(values_of_every_length) {
    check_spread<std::int32_t>(20000);
    check_spread<std::uint32_t>(20000);
    check_spread<std::int64_t>(20000);
    check_spread<std::uint64_t>(20000);
}

BOOST_AUTO_TEST_CASE(arrays_and_members_through_to_json) {
    integer_arrays a;
    a.I32 = {0,
             9,
             10,
             99,
             100,
             -1,
             -100000,
             1000000,
             99999999,
             100000000,
             999999999,
             1000000000,
             std::numeric_limits<std::int32_t>::min(),
             std::numeric_limits<std::int32_t>::max()};
    a.I64 = {0,
             -1,
             4294967295,
             4294967296,
             9999999999999999,
             10000000000000000,
             -10000000000000000,
             std::numeric_limits<std::int64_t>::min(),
             std::numeric_limits<std::int64_t>::max()};
    a.U64 = {0, 99999999999999999u, 100000000000000000u, std::numeric_limits<std::uint64_t>::max()};
    a.I16 = {std::numeric_limits<std::int16_t>::min(), -1, 0, 7, std::numeric_limits<std::int16_t>::max()};
    a.Single = std::numeric_limits<std::int64_t>::min();
    std::string const want = R"({"I32":)" + expected_array(a.I32) + R"(,"I64":)" + expected_array(a.I64) +
                             R"(,"U64":)" + expected_array(a.U64) + R"(,"I16":)" + expected_array(a.I16) +
                             R"(,"Single":-9223372036854775808})";
    BOOST_TEST(erp::to_json(a).value() == want);

    // appended after what the caller has, as one element, as empty arrays
    std::string out = "prefix:";
    integer_arrays b;
    b.I32 = {-7};
    BOOST_TEST(!erp::to_json(b, out));
    BOOST_TEST(out == R"(prefix:{"I32":[-7],"I64":[],"U64":[],"I16":[],"Single":0})");

    // a long array of ids of mixed lengths, written into a reused buffer
    std::vector<std::int32_t> ids;
    for (std::int32_t i = 0; i < 5000; ++i)
        ids.push_back(i % 3 == 0 ? i : i % 3 == 1 ? -i * 4091 : i * 429000);
    for (int round = 0; round < 2; ++round) {
        out.clear();
        BOOST_TEST(!erp::to_json(ids, out));
        BOOST_TEST(out == expected_array(ids));
    }
}

BOOST_AUTO_TEST_SUITE_END()
