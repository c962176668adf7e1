//
// timestamp and time_span: the text forms read and written, range checks, construction from
// std::chrono, and both types inside carriers through the JSON codec.
//
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/describe/class.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace erp = superoffice::erpsync;
namespace chr = std::chrono;
using namespace std::chrono_literals;

namespace {

using kind = erp::timestamp_kind;
using style = erp::time_span_style;

erp::timestamp ts(std::string_view text) {
    std::string why;
    auto t = erp::timestamp::parse(text, &why);
    BOOST_TEST_REQUIRE(t.has_value(), "refused " << text << ": " << why);
    return *t;
}

/// The reason `text` is refused as a timestamp (fails the test when it is accepted).
std::string ts_error(std::string_view text) {
    std::string why;
    auto t = erp::timestamp::parse(text, &why);
    BOOST_TEST(!t.has_value(), "accepted " << text << " as " << (t ? t->to_string() : ""));
    BOOST_TEST(!why.empty());
    return why;
}

erp::time_span span(std::string_view text) {
    std::string why;
    auto s = erp::time_span::parse(text, &why);
    BOOST_TEST_REQUIRE(s.has_value(), "refused " << text << ": " << why);
    return *s;
}

std::string span_error(std::string_view text) {
    std::string why;
    auto s = erp::time_span::parse(text, &why);
    BOOST_TEST(!s.has_value(), "accepted " << text << " as " << (s ? s->to_string() : ""));
    BOOST_TEST(!why.empty());
    return why;
}

bool contains(std::string const& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

/// The UTC instant for a calendar date and time of day.
erp::timestamp::time_point utc(chr::year_month_day d, erp::ticks tod = erp::ticks(0)) {
    return erp::timestamp::time_point(chr::sys_days(d).time_since_epoch() + tod);
}
erp::timestamp::local_time_point wall(chr::year_month_day d, erp::ticks tod = erp::ticks(0)) {
    return erp::timestamp::local_time_point(chr::sys_days(d).time_since_epoch() + tod);
}

// A carrier using both types, as the ErpSync carriers will.
struct sync_run {
    erp::timestamp Started{};
    erp::time_span Interval{};
    std::optional<erp::timestamp> Finished{};
    std::vector<erp::time_span> Delays{};
};
BOOST_DESCRIBE_STRUCT(sync_run, (), (Started, Interval, Finished, Delays))

template <class T>
erp::diagnostics decode_error(std::string_view text, erp::error_code expected) {
    erp::diagnostics d;
    T v{};
    auto ec = erp::from_json(text, v, &d);
    BOOST_TEST(ec == expected, ec.message() << " / " << d.client_message);
    return d;
}

} // namespace

static_assert(erp::text_value<erp::timestamp>);
static_assert(erp::text_value<erp::time_span>);
static_assert(std::is_convertible_v<chr::minutes, erp::time_span>);
static_assert(std::is_convertible_v<erp::ticks, erp::time_span>);
static_assert(!std::is_convertible_v<chr::nanoseconds, erp::time_span>);
static_assert(!std::is_convertible_v<chr::duration<double>, erp::time_span>);
static_assert(std::is_constructible_v<erp::time_span, chr::nanoseconds>);
static_assert(!std::is_convertible_v<chr::system_clock::time_point, erp::timestamp>);

BOOST_AUTO_TEST_SUITE(test_time)

// ---------------------------------------------------------------------------------------------
// timestamp: accepted forms

BOOST_AUTO_TEST_CASE(timestamp_iso_forms) {
    auto const may1 = chr::year(2024) / 5 / 1;

    auto z = ts("2024-05-01T10:00:00Z");
    BOOST_TEST((z.kind() == kind::utc));
    BOOST_TEST((z.utc() == utc(may1, 10h)));
    BOOST_TEST((z.local() == wall(may1, 10h)));
    BOOST_TEST(z.offset().count() == 0);

    auto plus = ts("2024-05-01T12:00:00+02:00");
    BOOST_TEST((plus.kind() == kind::offset));
    BOOST_TEST(plus.offset().count() == 120);
    BOOST_TEST((plus.utc() == z.utc())); // the same instant
    BOOST_TEST((plus.local() == wall(may1, 12h)));
    BOOST_TEST((plus != z)); // but written differently

    auto minus = ts("2024-05-01T04:30:00-05:30");
    BOOST_TEST(minus.offset().count() == -330);
    BOOST_TEST((minus.utc() == z.utc()));

    auto none = ts("2024-05-01T10:00:00");
    BOOST_TEST((none.kind() == kind::unspecified));
    BOOST_TEST(none.offset().count() == 0);
    BOOST_TEST((none.utc() == z.utc())); // the wall clock taken as UTC
    BOOST_TEST((none != z));

    // a space instead of T; lower-case t and z; +hhmm; seconds left out; a date alone
    BOOST_TEST((ts("2024-05-01 10:00:00") == none));
    BOOST_TEST((ts("2024-05-01t10:00:00z") == z));
    BOOST_TEST((ts("2024-05-01T12:00:00+0200") == plus));
    BOOST_TEST((ts("2024-05-01T10:00") == none));
    BOOST_TEST((ts("2024-05-01T10:00Z") == z));
    auto day = ts("2024-05-01");
    BOOST_TEST((day.kind() == kind::unspecified));
    BOOST_TEST((day.local() == wall(may1)));
    BOOST_TEST(day.to_string() == "2024-05-01T00:00:00");

    // -00:00 is an offset of zero, written +00:00
    auto zero = ts("2024-05-01T10:00:00-00:00");
    BOOST_TEST((zero.kind() == kind::offset));
    BOOST_TEST(zero.offset().count() == 0);
    BOOST_TEST(zero.to_string() == "2024-05-01T10:00:00+00:00");
}

BOOST_AUTO_TEST_CASE(timestamp_fractions_from_zero_to_seven_digits) {
    auto const base = utc(chr::year(2024) / 5 / 1, 10h).time_since_epoch().count();
    struct {
        char const* text;
        std::int64_t ticks;
        char const* written;
    } const cases[] = {
        {"2024-05-01T10:00:00Z", 0, "2024-05-01T10:00:00Z"},
        {"2024-05-01T10:00:00.5Z", 5'000'000, "2024-05-01T10:00:00.5Z"},
        {"2024-05-01T10:00:00.12Z", 1'200'000, "2024-05-01T10:00:00.12Z"},
        {"2024-05-01T10:00:00.123Z", 1'230'000, "2024-05-01T10:00:00.123Z"},
        {"2024-05-01T10:00:00.1234Z", 1'234'000, "2024-05-01T10:00:00.1234Z"},
        {"2024-05-01T10:00:00.12345Z", 1'234'500, "2024-05-01T10:00:00.12345Z"},
        {"2024-05-01T10:00:00.123456Z", 1'234'560, "2024-05-01T10:00:00.123456Z"},
        {"2024-05-01T10:00:00.1234567Z", 1'234'567, "2024-05-01T10:00:00.1234567Z"},
        {"2024-05-01T10:00:00.0000001Z", 1, "2024-05-01T10:00:00.0000001Z"},
        {"2024-05-01T10:00:00.9999999Z", 9'999'999, "2024-05-01T10:00:00.9999999Z"},
        // trailing zeros are trimmed, a zero fraction is left out
        {"2024-05-01T10:00:00.5000000Z", 5'000'000, "2024-05-01T10:00:00.5Z"},
        {"2024-05-01T10:00:00.0000000Z", 0, "2024-05-01T10:00:00Z"},
        {"2024-05-01T10:00:00.0Z", 0, "2024-05-01T10:00:00Z"},
    };
    for (auto const& c : cases) {
        auto t = ts(c.text);
        BOOST_TEST(t.utc().time_since_epoch().count() - base == c.ticks, c.text);
        BOOST_TEST(t.to_string() == c.written);
        BOOST_TEST((ts(t.to_string()) == t));
    }
}

BOOST_AUTO_TEST_CASE(timestamp_eight_fractional_digits_are_refused) {
    BOOST_TEST(contains(ts_error("2024-05-01T10:00:00.12345678Z"), "more than 7 fractional digits"));
    BOOST_TEST(contains(ts_error("2024-05-01T10:00:00.00000000"), "more than 7 fractional digits"));
    BOOST_TEST(contains(ts_error("2024-05-01T10:00:00.0000000000000000000000000000001+01:00"),
                        "more than 7 fractional digits"));
    BOOST_TEST(contains(ts_error("2024-05-01T10:00:00.Z"), "followed by digits"));
    // the reason is optional
    BOOST_TEST(!erp::timestamp::parse("2024-05-01T10:00:00.12345678Z").has_value());
}

BOOST_AUTO_TEST_CASE(timestamp_round_trips_keep_kind_and_offset) {
    for (char const* text :
         {"2024-05-01T10:00:00Z", "2024-05-01T10:00:00", "2024-05-01T10:00:00+02:00",
          "2024-05-01T10:00:00-09:30", "2024-12-31T23:59:59.9999999+14:00",
          "2024-01-01T00:00:00.0000001-14:00", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.9999999Z",
          "0001-01-01T00:00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999",
          "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59+14:00"}) {
        auto t = ts(text);
        BOOST_TEST(t.to_string() == text);
        BOOST_TEST((ts(t.to_string()) == t));
        std::string appended = "x";
        t.append_to(appended);
        BOOST_TEST(appended == std::string("x") + text);
    }
}

BOOST_AUTO_TEST_CASE(timestamp_min_and_max_value) {
    erp::timestamp const def;
    BOOST_TEST((def == erp::timestamp::min_value()));
    BOOST_TEST((def.kind() == kind::unspecified));
    BOOST_TEST(def.utc().time_since_epoch().count() == -621'355'968'000'000'000);
    BOOST_TEST((def.local() == wall(chr::year(1) / 1 / 1)));
    BOOST_TEST(def.to_string() == "0001-01-01T00:00:00");
    BOOST_TEST((ts("0001-01-01T00:00:00") == def));

    auto const max = erp::timestamp::max_value();
    BOOST_TEST(max.to_string() == "9999-12-31T23:59:59.9999999");
    BOOST_TEST((ts("9999-12-31T23:59:59.9999999") == max));
    BOOST_TEST((max.utc() == utc(chr::year(10000) / 1 / 1) - erp::ticks(1)));

    // the UTC instant must stay in range too, as for DateTimeOffset
    BOOST_TEST(contains(ts_error("0001-01-01T00:00:00+00:01"), "outside 0001-01-01 to 9999-12-31"));
    BOOST_TEST(contains(ts_error("9999-12-31T23:59:59-00:01"), "outside 0001-01-01 to 9999-12-31"));
}

BOOST_AUTO_TEST_CASE(timestamp_microsoft_date_forms) {
    auto const instant = erp::timestamp::time_point(1'700'000'000'000ms);

    auto u = ts("/Date(1700000000000)/");
    BOOST_TEST((u.kind() == kind::utc));
    BOOST_TEST((u.utc() == instant));
    BOOST_TEST(u.to_string() == "2023-11-14T22:13:20Z"); // written back as ISO 8601

    auto o = ts("/Date(1700000000000+0100)/");
    BOOST_TEST((o.kind() == kind::offset));
    BOOST_TEST((o.utc() == instant)); // the milliseconds are UTC; the offset is informational
    BOOST_TEST(o.offset().count() == 60);
    BOOST_TEST(o.to_string() == "2023-11-14T23:13:20+01:00");
    BOOST_TEST((ts(o.to_string()) == o));

    auto w = ts("/Date(1700000000123-0530)/");
    BOOST_TEST(w.offset().count() == -330);
    BOOST_TEST(w.to_string() == "2023-11-14T16:43:20.123-05:30");

    BOOST_TEST(ts("/Date(0)/").to_string() == "1970-01-01T00:00:00Z");
    BOOST_TEST(ts("/Date(-1)/").to_string() == "1969-12-31T23:59:59.999Z");
    BOOST_TEST((ts("/Date(-62135596800000)/").utc() == erp::timestamp::min_value().utc()));
    BOOST_TEST(ts("/Date(253402300799999)/").to_string() == "9999-12-31T23:59:59.999Z");

    BOOST_TEST(contains(ts_error("/Date(-62135596800001)/"), "outside"));
    BOOST_TEST(contains(ts_error("/Date(253402300800000)/"), "outside"));
    BOOST_TEST(contains(ts_error("/Date(-62135596800000-0100)/"), "outside")); // wall clock before year 1
    BOOST_TEST(contains(ts_error("/Date(" + std::string(40, '9') + ")/"), "too many digits"));
    BOOST_TEST(contains(ts_error("/Date(99999999999999999999)/"), "out of range"));
    BOOST_TEST(contains(ts_error("/Date(1700000000000+1500)/"), "-14:00 to +14:00"));
    BOOST_TEST(contains(ts_error("/Date(1700000000000+0160)/"), "offset minutes"));
    for (char const* bad :
         {"/Date()/", "/Date(abc)/", "/Date(1700000000000", "/Date(1700000000000)",
          "/Date(1700000000000+01)/", "/Date(1700000000000+01:00)/", "/Date(+1700000000000)/",
          "/Date(17000 00000000)/", "/Date(1700000000000)/ ", "/Date(/"})
        ts_error(bad);
}

BOOST_AUTO_TEST_CASE(timestamp_leap_years) {
    BOOST_TEST(ts("2024-02-29T12:00:00Z").to_string() == "2024-02-29T12:00:00Z");
    BOOST_TEST(ts("2000-02-29T00:00:00").to_string() == "2000-02-29T00:00:00"); // divisible by 400
    BOOST_TEST(ts("0004-02-29").to_string() == "0004-02-29T00:00:00");
    BOOST_TEST(contains(ts_error("2023-02-29T12:00:00Z"), "does not exist"));
    BOOST_TEST(contains(ts_error("1900-02-29T12:00:00Z"), "does not exist")); // divisible by 100
    BOOST_TEST(contains(ts_error("2024-02-30T12:00:00Z"), "does not exist"));
    BOOST_TEST(contains(ts_error("2024-04-31T12:00:00Z"), "does not exist"));
    BOOST_TEST(ts("2024-12-31T00:00:00").to_string() == "2024-12-31T00:00:00");
    // the day after 28 February in a leap year, through arithmetic on the instant
    auto feb28 = ts("2024-02-28T00:00:00Z");
    BOOST_TEST(erp::timestamp::from_utc(feb28.utc() + chr::days(1)).to_string() == "2024-02-29T00:00:00Z");
    BOOST_TEST(erp::timestamp::from_utc(feb28.utc() + chr::days(2)).to_string() == "2024-03-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(timestamp_out_of_range_fields) {
    BOOST_TEST(contains(ts_error("0000-01-01T00:00:00"), "year"));
    BOOST_TEST(contains(ts_error("2024-00-01T00:00:00"), "month"));
    BOOST_TEST(contains(ts_error("2024-13-01T00:00:00"), "month"));
    BOOST_TEST(contains(ts_error("2024-01-00T00:00:00"), "day"));
    BOOST_TEST(contains(ts_error("2024-01-32T00:00:00"), "day"));
    BOOST_TEST(contains(ts_error("2024-01-01T24:00:00"), "hour"));
    BOOST_TEST(contains(ts_error("2024-01-01T99:00:00"), "hour"));
    BOOST_TEST(contains(ts_error("2024-01-01T00:60:00"), "minute"));
    BOOST_TEST(contains(ts_error("2024-01-01T00:00:60"), "second"));
    BOOST_TEST(contains(ts_error("2024-01-01T00:00:00+14:01"), "-14:00 to +14:00"));
    BOOST_TEST(contains(ts_error("2024-01-01T00:00:00-15:00"), "-14:00 to +14:00"));
    BOOST_TEST(contains(ts_error("2024-01-01T00:00:00+01:60"), "offset minutes"));
    BOOST_TEST(ts("2024-01-01T00:00:00+14:00").offset().count() == 840);
    BOOST_TEST(ts("2024-01-01T00:00:00-14:00").offset().count() == -840);
}

BOOST_AUTO_TEST_CASE(timestamp_garbage) {
    BOOST_TEST(ts_error("") == "the text is empty");
    BOOST_TEST(!erp::timestamp::parse("").has_value());
    for (char const* bad : {"garbage",
                            "2024",
                            "2024-5-1",
                            "2024-05-1",
                            "24-05-01",
                            "+2024-05-01",
                            "2024/05/01",
                            "2024-05-01T",
                            "2024-05-01X10:00:00",
                            "2024-05-01T10",
                            "2024-05-01T10:0",
                            "2024-05-01T10:00:0",
                            "2024-05-01T1:00:00",
                            "2024-05-01T10:00:00ZZ",
                            "2024-05-01T10:00:00Zjunk",
                            "2024-05-01T10:00:00+",
                            "2024-05-01T10:00:00+1",
                            "2024-05-01T10:00:00+01:",
                            "2024-05-01T10:00:00+01:0",
                            "2024-05-01T10:00:00 +01:00",
                            " 2024-05-01T10:00:00",
                            "2024-05-01T10:00:00 ",
                            "2024-05-01T10:00:00.5.5",
                            "2024-05-01T10:00.5",
                            "2024-05-01Z",
                            "00:05:00",
                            "PT5M",
                            "/date(0)/",
                            "Date(0)",
                            "\xff\xfe",
                            "2024-05-01T10:00:00\n"})
        ts_error(bad);
    BOOST_TEST(contains(ts_error("2024-05-01T10:00:00Zjunk"), "unexpected text"));
    BOOST_TEST(contains(ts_error(std::string(100'000, '9')), "YYYY-MM-DD"));
    std::string embedded_nul("2024-05-01T10:00:00\0Z", 21);
    ts_error(embedded_nul);
}

// ---------------------------------------------------------------------------------------------
// timestamp: construction and comparison

BOOST_AUTO_TEST_CASE(timestamp_from_chrono) {
    auto const may1 = chr::year(2024) / 5 / 1;
    erp::timestamp a(chr::sys_days(may1) + 10h);
    BOOST_TEST((a.kind() == kind::utc));
    BOOST_TEST(a.to_string() == "2024-05-01T10:00:00Z");

    // system_clock: rounded down to a tick, also before 1970
    erp::timestamp b(chr::system_clock::time_point(chr::duration_cast<chr::system_clock::duration>(
        chr::sys_days(may1).time_since_epoch() + 10h + 123456789ns)));
    BOOST_TEST(b.to_string() == "2024-05-01T10:00:00.1234567Z");
    erp::timestamp before(chr::sys_time<chr::nanoseconds>(-1ns));
    BOOST_TEST(before.to_string() == "1969-12-31T23:59:59.9999999Z");
    auto now = chr::system_clock::now();
    erp::timestamp c(now);
    BOOST_TEST((c.utc() == chr::floor<erp::ticks>(now)));

    BOOST_CHECK_THROW((void)erp::timestamp(chr::sys_days(chr::year(10000) / 1 / 1)), std::out_of_range);
    BOOST_CHECK_THROW((void)erp::timestamp(chr::sys_days(chr::year(0) / 12 / 31)), std::out_of_range);
    BOOST_CHECK_THROW((void)erp::timestamp(chr::sys_seconds(chr::seconds::max())), std::out_of_range);
    BOOST_CHECK_THROW((void)erp::timestamp(chr::sys_seconds(chr::seconds::min())), std::out_of_range);
    BOOST_CHECK_NO_THROW((void)erp::timestamp(chr::sys_days(chr::year(1) / 1 / 1)));

    auto l = erp::timestamp::from_local(wall(may1, 12h), 120min);
    BOOST_TEST((l == ts("2024-05-01T12:00:00+02:00")));
    auto u = erp::timestamp::from_utc(utc(may1, 10h), -90min);
    BOOST_TEST(u.to_string() == "2024-05-01T08:30:00-01:30");
    auto n = erp::timestamp::from_unspecified(wall(may1, 10h));
    BOOST_TEST((n == ts("2024-05-01T10:00:00")));
    BOOST_TEST((erp::timestamp::from_utc(utc(may1, 10h)) == a));

    BOOST_CHECK_THROW(erp::timestamp::from_local(wall(may1), 841min), std::out_of_range);
    BOOST_CHECK_THROW(erp::timestamp::from_utc(utc(may1), -841min), std::out_of_range);
    BOOST_CHECK_THROW(erp::timestamp::from_local(wall(may1), chr::minutes::max()), std::out_of_range);
    BOOST_CHECK_THROW(erp::timestamp::from_local(wall(chr::year(1) / 1 / 1), 1min), std::out_of_range);
    BOOST_CHECK_THROW(erp::timestamp::from_utc(utc(chr::year(1) / 1 / 1), -1min), std::out_of_range);
    BOOST_CHECK_THROW(erp::timestamp::from_unspecified(wall(chr::year(10000) / 1 / 1)), std::out_of_range);
    BOOST_CHECK_THROW(erp::timestamp::from_utc(erp::timestamp::time_point(erp::ticks::min())),
                      std::out_of_range);
}

BOOST_AUTO_TEST_CASE(timestamp_equality_is_exact) {
    BOOST_TEST((ts("2024-05-01T10:00:00Z") == ts("2024-05-01T10:00:00.000Z")));
    BOOST_TEST((ts("2024-05-01T10:00:00Z") != ts("2024-05-01T10:00:00.0000001Z")));
    BOOST_TEST((ts("2024-05-01T10:00:00Z") != ts("2024-05-01T10:00:00+00:00"))); // kind differs
    BOOST_TEST((ts("2024-05-01T10:00:00Z").utc() == ts("2024-05-01T10:00:00+00:00").utc()));
    BOOST_TEST((ts("2024-05-01T12:00:00+02:00") != ts("2024-05-01T13:00:00+03:00"))); // offset differs
    BOOST_TEST((ts("2024-05-01T12:00:00+02:00").utc() == ts("2024-05-01T13:00:00+03:00").utc()));
}

// ---------------------------------------------------------------------------------------------
// time_span

BOOST_AUTO_TEST_CASE(time_span_dotnet_forms) {
    auto five = span("00:05:00");
    BOOST_TEST((five.duration() == 5min));
    BOOST_TEST((five.style() == style::dotnet));
    BOOST_TEST(five.to_string() == "00:05:00");
    BOOST_TEST(five.to_iso8601_string() == "PT5M");

    auto s = span("1.02:03:04.5");
    BOOST_TEST((s.duration() == chr::days(1) + 2h + 3min + 4s + 500ms));
    BOOST_TEST(s.to_string() == "1.02:03:04.5000000"); // .NET writes all 7 digits
    BOOST_TEST(s.to_iso8601_string() == "P1DT2H3M4.5S");

    BOOST_TEST((span("00:00:00.1234567").duration() == erp::ticks(1'234'567)));
    BOOST_TEST((span("00:00:00.0000001").duration() == erp::ticks(1)));
    BOOST_TEST((span("0:5:0").duration() == 5min)); // one-digit fields, as TimeSpan.Parse reads them
    BOOST_TEST((span("00:05").duration() == 5min)); // seconds left out
    BOOST_TEST((span("23:59:59.9999999").duration() == chr::days(1) - erp::ticks(1)));
    BOOST_TEST((span("10675199.02:48:05.4775807").duration() == erp::ticks::max()));
    BOOST_TEST(span("00:00:00").to_string() == "00:00:00");
    BOOST_TEST(span("1.00:00:00").to_string() == "1.00:00:00");
}

BOOST_AUTO_TEST_CASE(time_span_negative) {
    auto s = span("-00:00:01");
    BOOST_TEST((s.duration() == -1s));
    BOOST_TEST(s.to_string() == "-00:00:01");
    BOOST_TEST(s.to_iso8601_string() == "-PT1S");

    auto d = span("-1.02:03:04.5");
    BOOST_TEST((d.duration() == -(chr::days(1) + 2h + 3min + 4s + 500ms)));
    BOOST_TEST(d.to_string() == "-1.02:03:04.5000000");
    BOOST_TEST((span(d.to_string()) == d));

    // TimeSpan.MinValue: a magnitude only a negative value can have
    auto min = span("-10675199.02:48:05.4775808");
    BOOST_TEST((min.duration() == erp::ticks::min()));
    BOOST_TEST(min.to_string() == "-10675199.02:48:05.4775808");
    BOOST_TEST(min.to_iso8601_string() == "-P10675199DT2H48M5.4775808S");
    BOOST_TEST((span(min.to_iso8601_string()) == min));
    BOOST_TEST(contains(span_error("10675199.02:48:05.4775808"), "out of range"));
    BOOST_TEST(contains(span_error("-10675199.02:48:05.4775809"), "out of range"));
    BOOST_TEST((span("-00:00:00").duration() == erp::ticks(0)));
    BOOST_TEST(span("-00:00:00").to_string() == "00:00:00");
}

BOOST_AUTO_TEST_CASE(time_span_iso8601_forms) {
    struct {
        char const* text;
        erp::ticks value;
        char const* iso;
        char const* dotnet;
    } const cases[] = {
        {"PT5M", 5min, "PT5M", "00:05:00"},
        {"P1DT2H30M", chr::days(1) + 2h + 30min, "P1DT2H30M", "1.02:30:00"},
        {"PT0.5S", 500ms, "PT0.5S", "00:00:00.5000000"},
        {"PT0,25S", 250ms, "PT0.25S", "00:00:00.2500000"},
        {"PT1.1234567S", 1s + erp::ticks(1'234'567), "PT1.1234567S", "00:00:01.1234567"},
        {"-PT1H", -1h, "-PT1H", "-01:00:00"},
        {"P0D", 0s, "PT0S", "00:00:00"},
        {"PT0S", 0s, "PT0S", "00:00:00"},
        {"P1D", chr::days(1), "P1D", "1.00:00:00"},
        {"P2W", chr::days(14), "P14D", "14.00:00:00"},
        {"PT36H", 36h, "P1DT12H", "1.12:00:00"},
        {"PT90M", 90min, "PT1H30M", "01:30:00"},
        {"PT3600S", 1h, "PT1H", "01:00:00"},
        {"P0Y0M1DT0H0M0S", chr::days(1), "P1D", "1.00:00:00"},
        {"P1DT1S", chr::days(1) + 1s, "P1DT1S", "1.00:00:01"},
        {"PT0.0000001S", erp::ticks(1), "PT0.0000001S", "00:00:00.0000001"},
        {"PT1M0.5S", 1min + 500ms, "PT1M0.5S", "00:01:00.5000000"},
    };
    for (auto const& c : cases) {
        auto s = span(c.text);
        BOOST_TEST((s.duration() == c.value), c.text);
        BOOST_TEST((s.style() == style::iso8601));
        BOOST_TEST(s.to_string() == c.iso);
        BOOST_TEST(s.to_iso8601_string() == c.iso);
        BOOST_TEST(s.to_dotnet_string() == c.dotnet);
        BOOST_TEST((span(c.iso) == s));
        BOOST_TEST((span(c.dotnet) == s));
        BOOST_TEST((span(c.dotnet).style() == style::dotnet));
    }
}

BOOST_AUTO_TEST_CASE(time_span_years_and_months_are_refused) {
    for (char const* text : {"P1Y", "P1M", "P1Y2M3D", "P0Y1M", "-P1Y", "P1YT1H"})
        BOOST_TEST(contains(span_error(text), "years and months have no fixed length"), text);
    BOOST_TEST((span("P0Y").duration() == 0s));
    BOOST_TEST((span("PT1M").duration() == 1min)); // M after T is minutes
}

BOOST_AUTO_TEST_CASE(time_span_fractions) {
    BOOST_TEST(contains(span_error("PT0.12345678S"), "more than 7 fractional digits"));
    BOOST_TEST(contains(span_error("00:00:00.12345678"), "more than 7 fractional digits"));
    BOOST_TEST(contains(span_error("PT0.5M"), "only the seconds may have a fraction"));
    BOOST_TEST(contains(span_error("P0.5D"), "only the seconds may have a fraction"));
    BOOST_TEST(contains(span_error("PT1.S"), "followed by digits"));
    BOOST_TEST(contains(span_error("00:00:01."), "followed by digits"));
    BOOST_TEST(span("PT1.5000000S").to_string() == "PT1.5S");
}

BOOST_AUTO_TEST_CASE(time_span_out_of_range_fields_and_garbage) {
    BOOST_TEST(contains(span_error("24:00:00"), "hours must be 0 to 23"));
    BOOST_TEST(contains(span_error("00:60:00"), "minutes must be 0 to 59"));
    BOOST_TEST(contains(span_error("00:00:60"), "seconds must be 0 to 59"));
    BOOST_TEST(contains(span_error("000:05:00"), "one or two digits"));
    BOOST_TEST(span_error("") == "the text is empty");
    BOOST_TEST(contains(span_error("PT"), "T must be followed"));
    BOOST_TEST(contains(span_error("P"), "at least one component"));
    BOOST_TEST(contains(span_error("PT1H2H"), "order"));
    BOOST_TEST(contains(span_error("PT1S1M"), "order"));
    BOOST_TEST(contains(span_error("P1DT1HT1M"), "T appears twice"));
    BOOST_TEST(contains(span_error("P1H"), "expected a unit"));
    BOOST_TEST(contains(span_error("PT1D"), "expected a unit"));
    for (char const* bad : {"garbage",     "-",         "5",         "1.5",
                            "1.",          ".00:05:00", "00:",       "00:05:",
                            "00:05:00:00", "1:2:3:4",   "+00:05:00", "--00:00:01",
                            " 00:05:00",   "00:05:00 ", "00:05:00Z", "pt5m",
                            "PT5m",        "P-1D",      "PT-5M",     "PTM",
                            "P1DT",        "+PT5M",     "PT5M ",     "PT 5M",
                            "1 00:05:00",  "00:05:00.", "-P",        "2024-05-01T10:00:00Z",
                            "\xff"})
        span_error(bad);
}

BOOST_AUTO_TEST_CASE(time_span_huge_digit_strings) {
    BOOST_TEST(contains(span_error("PT" + std::string(1000, '9') + "S"), "too many digits"));
    BOOST_TEST(contains(span_error("PT" + std::string(21, '0') + "1S"), "too many digits"));
    BOOST_TEST(contains(span_error(std::string(30, '9') + ".00:00:00"), "too many digits"));
    BOOST_TEST(contains(span_error("PT99999999999999999999S"), "out of range")); // 20 digits, > 2^64
    BOOST_TEST(contains(span_error("PT18446744073709551615S"), "out of range")); // 2^64 - 1 seconds
    BOOST_TEST(contains(span_error("PT922337203686S"), "out of range"));         // just above the ticks
    BOOST_TEST(contains(span_error("P10675200D"), "out of range"));              // one day too many
    BOOST_TEST(contains(span_error("10675200.00:00:00"), "out of range"));
    BOOST_TEST(contains(span_error("P10675199DT2H48M5.4775808S"), "out of range")); // MaxValue + 1 tick
    BOOST_TEST(contains(span_error("P1DT" + std::string(19, '9') + "H"), "out of range"));
    BOOST_TEST((span("PT922337203685.4775807S").duration() == erp::ticks::max()));
    BOOST_TEST((span("-PT922337203685.4775808S").duration() == erp::ticks::min()));
    BOOST_TEST((span("PT" + std::string(20, '0') + "S").duration() == 0s)); // 20 digits is still a number
}

BOOST_AUTO_TEST_CASE(time_span_from_chrono) {
    erp::time_span a = 5min; // exact: implicit
    BOOST_TEST((a.duration() == 5min));
    BOOST_TEST((a.style() == style::dotnet));
    erp::time_span b(90s, style::iso8601);
    BOOST_TEST(b.to_string() == "PT1M30S");
    BOOST_TEST(b.to_dotnet_string() == "00:01:30");

    // finer or floating-point: explicit, truncated toward zero
    BOOST_TEST((erp::time_span(1234567891ns).duration() == erp::ticks(12'345'678)));
    BOOST_TEST((erp::time_span(-150ns).duration() == erp::ticks(-1)));
    BOOST_TEST((erp::time_span(chr::duration<double>(0.5)).duration() == 500ms));
    BOOST_TEST((erp::time_span(chr::duration<double, std::milli>(-1.25)).duration() == erp::ticks(-12'500)));
    BOOST_TEST(
        (erp::time_span(chr::duration<unsigned, std::ratio<1, 3>>(1)).duration() == erp::ticks(3'333'333)));
    BOOST_TEST((erp::time_span(erp::ticks::min()).duration() == erp::ticks::min()));

    BOOST_CHECK_THROW((void)erp::time_span(chr::hours::max()), std::out_of_range);
    BOOST_CHECK_THROW((void)erp::time_span(chr::seconds(std::numeric_limits<std::int64_t>::min())),
                      std::out_of_range);
    BOOST_CHECK_THROW(
        (void)erp::time_span(chr::duration<std::uint64_t>(std::numeric_limits<std::uint64_t>::max())),
        std::out_of_range);
    BOOST_CHECK_THROW((void)erp::time_span(chr::duration<double>(1e300)), std::out_of_range);
    BOOST_CHECK_THROW((void)erp::time_span(chr::duration<double>(std::numeric_limits<double>::quiet_NaN())),
                      std::out_of_range);
    BOOST_CHECK_NO_THROW((void)erp::time_span(chr::seconds(922'337'203'685)));
    BOOST_CHECK_THROW((void)erp::time_span(chr::seconds(922'337'203'686)), std::out_of_range);

    auto c = span("PT5M");
    c.set_style(style::dotnet);
    BOOST_TEST(c.to_string() == "00:05:00");
}

BOOST_AUTO_TEST_CASE(time_span_comparison_ignores_style) {
    BOOST_TEST((span("PT5M") == span("00:05:00")));
    BOOST_TEST((span("PT5M") != span("00:05:01")));
    BOOST_TEST((span("-PT1S") < span("00:00:00")));
    BOOST_TEST((span("P1D") > span("23:59:59.9999999")));
    BOOST_TEST((erp::time_span() == erp::time_span(0s)));
    BOOST_TEST(erp::time_span().to_string() == "00:00:00");
}

// ---------------------------------------------------------------------------------------------
// through the JSON codec

BOOST_AUTO_TEST_CASE(codec_reads_and_writes_carriers) {
    constexpr std::string_view text = R"({"Started":"2024-05-01T10:00:00.5+02:00","Interval":"PT5M",)"
                                      R"("Finished":"2024-05-01T08:05:00Z","Delays":["00:00:01","-P1DT1S"]})";
    erp::diagnostics d;
    auto r = erp::from_json<sync_run>(text, &d);
    BOOST_TEST_REQUIRE(r.has_value(), d.to_string());
    BOOST_TEST((r->Started.kind() == kind::offset));
    BOOST_TEST(r->Started.offset().count() == 120);
    BOOST_TEST((r->Started.local() == wall(chr::year(2024) / 5 / 1, 10h + 500ms)));
    BOOST_TEST((r->Interval.duration() == 5min));
    BOOST_TEST((r->Interval.style() == style::iso8601));
    BOOST_TEST_REQUIRE(r->Finished.has_value());
    BOOST_TEST((r->Finished->utc() - r->Started.utc() == 4min + 59s + 500ms));
    BOOST_TEST_REQUIRE(r->Delays.size() == 2u);
    BOOST_TEST((r->Delays[1].duration() == -(chr::days(1) + 1s)));

    // written back in the forms read
    BOOST_TEST(erp::to_json(*r).value() ==
               R"({"Started":"2024-05-01T10:00:00.5+02:00","Interval":"PT5M",)"
               R"("Finished":"2024-05-01T08:05:00Z","Delays":["00:00:01","-P1DT1S"]})");

    // the legacy form, escaped as JSON writers escape it, is written back as ISO 8601
    auto legacy =
        erp::from_json<sync_run>(R"({"Started":"\/Date(1700000000000+0100)\/","Interval":"1.00:00:00"})");
    BOOST_TEST_REQUIRE(legacy.has_value());
    BOOST_TEST(legacy->Started.to_string() == "2023-11-14T23:13:20+01:00");
    BOOST_TEST(erp::to_json(*legacy).value() ==
               R"({"Started":"2023-11-14T23:13:20+01:00","Interval":"1.00:00:00","Delays":[]})");
}

BOOST_AUTO_TEST_CASE(codec_null_and_missing) {
    sync_run v;
    v.Started = ts("2024-05-01T10:00:00Z");
    v.Interval = 5min;
    v.Finished = ts("2024-05-01T10:05:00Z");
    BOOST_TEST(!erp::from_json(R"({"Started":null,"Interval":null,"Finished":null})", v));
    BOOST_TEST((v.Started == erp::timestamp()));  // null: DateTime.MinValue
    BOOST_TEST((v.Interval == erp::time_span())); // null: zero
    BOOST_TEST(!v.Finished.has_value());          // null: empty optional
    BOOST_TEST(erp::to_json(v).value() ==
               R"({"Started":"0001-01-01T00:00:00","Interval":"00:00:00","Delays":[]})");

    sync_run w;
    w.Interval = 1h;
    BOOST_TEST(!erp::from_json(R"({"Started":"2024-05-01T10:00:00"})", w));
    BOOST_TEST((w.Interval.duration() == 1h)); // missing keys keep their value
    BOOST_TEST(!w.Finished.has_value());

    // as top-level values
    erp::time_span top;
    BOOST_TEST(!erp::from_json(R"("-00:00:01")", top));
    BOOST_TEST((top.duration() == -1s));
    BOOST_TEST(erp::to_json(top).value() == R"("-00:00:01")");
    BOOST_TEST(erp::to_json(std::optional<erp::timestamp>(ts("2024-05-01"))).value() ==
               R"("2024-05-01T00:00:00")");
}

BOOST_AUTO_TEST_CASE(codec_bad_values_give_invalid_value_and_the_path) {
    auto d = decode_error<sync_run>(R"({"Interval":"P1M"})", erp::error::invalid_value);
    BOOST_TEST(d.field_path == "Interval");
    BOOST_TEST(
        d.client_message ==
        "expected a .NET TimeSpan such as 00:05:00 or an ISO 8601 duration such as PT5M: years and months "
        "have no fixed length: give days or hours (P30D, PT36H) at Interval");
    BOOST_TEST(contains(d.to_string(), "at Interval"));

    auto d2 = decode_error<sync_run>(R"({"Finished":"2023-02-29T00:00:00Z"})", erp::error::invalid_value);
    BOOST_TEST(d2.field_path == "Finished");
    BOOST_TEST(contains(d2.client_message, "expected an ISO 8601 date and time"));
    BOOST_TEST(contains(d2.client_message, "the day does not exist in that month at Finished"));

    auto d3 =
        decode_error<sync_run>(R"({"Delays":["00:00:01","00:00:01.123456789"]})", erp::error::invalid_value);
    BOOST_TEST(d3.field_path == "Delays[1]");
    BOOST_TEST(contains(d3.client_message, "more than 7 fractional digits"));

    auto d4 = decode_error<sync_run>(R"({"Started":""})", erp::error::invalid_value);
    BOOST_TEST(d4.field_path == "Started");
    BOOST_TEST((erp::error_code(erp::error::invalid_value) == erp::condition::decode_failed));

    // numbers (and other JSON types) are type errors naming the expected form
    auto d5 = decode_error<sync_run>(R"({"Interval":300})", erp::error::type_mismatch);
    BOOST_TEST(d5.field_path == "Interval");
    BOOST_TEST(d5.client_message ==
               "expected a .NET TimeSpan such as 00:05:00 or an ISO 8601 duration such as "
               "PT5M, got a number at Interval");
    auto d6 = decode_error<sync_run>(R"({"Started":1700000000000})", erp::error::type_mismatch);
    BOOST_TEST(contains(d6.client_message, "expected an ISO 8601 date and time"));
    BOOST_TEST(contains(d6.client_message, "got a number at Started"));
    decode_error<sync_run>(R"({"Finished":2.5})", erp::error::type_mismatch);
    decode_error<sync_run>(R"({"Finished":true})", erp::error::type_mismatch);
    decode_error<sync_run>(R"({"Started":{}})", erp::error::type_mismatch);
    decode_error<sync_run>(R"({"Interval":[]})", erp::error::type_mismatch);
}

BOOST_AUTO_TEST_SUITE_END()
