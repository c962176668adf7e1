//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TIME_HPP
#define SO_ERPSYNC_TIME_HPP

/// @file
/// `timestamp` (a .NET `DateTime` / `DateTimeOffset`) and `time_span` (a .NET `TimeSpan`) as they
/// travel in JSON strings, with 100 ns ticks as the resolution.
///
/// Both are read and written by the JSON codec as strings (they model `text_value`, text_value.hpp): a
/// malformed string gives `error::invalid_value` with the field path and the reason in
/// `diagnostics`, `null` gives the default value, any other JSON type gives `error::type_mismatch`.
/// Neither type needs a Boost library: this header only includes the standard library and
/// Boost.Config.

#include <superoffice/erpsync/detail/config.hpp>

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <ratio>
#include <string>
#include <string_view>
#include <type_traits>

namespace superoffice::erpsync {

/// One .NET tick: 100 nanoseconds, the resolution of `DateTime`, `DateTimeOffset` and `TimeSpan`.
using ticks = std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>;

namespace detail {

/// Ticks from 1970-01-01T00:00:00 to `DateTime.MinValue`, 0001-01-01T00:00:00.
inline constexpr std::int64_t min_date_ticks = -621'355'968'000'000'000;
/// Ticks from 1970-01-01T00:00:00 to `DateTime.MaxValue`, 9999-12-31T23:59:59.9999999.
inline constexpr std::int64_t max_date_ticks = 2'534'023'007'999'999'999;

/// Throws `std::out_of_range` for a time outside .NET's range.
[[noreturn]] SO_ERPSYNC_DECL void throw_timestamp_out_of_range();

} // namespace detail

/// What a `timestamp`'s text said about its zone, like .NET's `DateTimeKind` plus `DateTimeOffset`.
enum class timestamp_kind : unsigned char {
    /// No zone in the text (`2024-05-01T10:00:00`): a .NET `DateTime` of kind `Unspecified`, a wall
    /// clock reading whose zone the two sides agree on elsewhere. Written back without a zone.
    unspecified,
    /// UTC (`...Z`, or `/Date(ms)/` without an offset). Written back with `Z`.
    utc,
    /// An explicit offset from UTC (`...+02:00`, `/Date(ms+0200)/`): a `DateTimeOffset`, or a
    /// `DateTime` of kind `Local` as .NET writes it. Written back with the same offset.
    offset,
};

/// A .NET `DateTime` or `DateTimeOffset` as it travels in JSON strings.
///
/// @par Representation
/// The UTC instant in ticks since 1970 (`utc()`), the offset in whole minutes (`offset()`) and
/// the kind (`kind()`). The wall-clock time as written is `local() = utc() + offset()`. For
/// `timestamp_kind::unspecified` the offset is zero and `utc()` is the wall-clock reading taken
/// as if it were UTC (as .NET's `DateTime.Ticks` does): no real instant is known. Both `utc()` and
/// `local()` always lie within .NET's range, 0001-01-01T00:00:00 to 9999-12-31T23:59:59.9999999,
/// and the offset within ±14:00, as `DateTimeOffset` requires.
///
/// @par Text read by `parse`
/// - ISO 8601 / RFC 3339 as .NET writes it: `YYYY-MM-DDThh:mm:ss`, a space allowed instead of
///   `T`, then 0 to 7 fractional digits after a `.`, then `Z`, `+hh:mm`, `-hh:mm` or nothing
///   (`unspecified`). Also accepted, because .NET's parsers accept them: seconds left out
///   (`hh:mm`), a date alone (midnight, `unspecified`), an offset without its colon (`+hhmm`), and
///   lower-case `t` and `z`. More than 7 fractional digits are refused rather than rounded: .NET
///   cannot hold them, and a silent rounding would change the value on the way back.
/// - The legacy Microsoft JSON form `/Date(1700000000000)/` (milliseconds since 1970 UTC, kind
///   `utc`) and `/Date(1700000000000+0100)/` (the same instant, kind `offset`, offset +01:00).
///   JSON writes it `"\/Date(...)\/"`; the escapes are gone by the time the text reaches `parse`.
/// - Checked: year 0001-9999, month 01-12, the day within its month (29 February only in leap
///   years), hour 00-23, minute and second 00-59 (no leap second, no `24:00`), offset minutes
///   00-59 and the offset within ±14:00, and the resulting UTC instant within .NET's range (so
///   `0001-01-01T00:00:00+01:00` is refused, as .NET refuses it). Nothing may precede or follow.
///
/// @par Text written by `to_string`
/// Always ISO 8601, also for values read from `/Date(...)/`: `YYYY-MM-DDThh:mm:ss`, then the
/// fraction only when it is not zero, with its trailing zeros removed (as Json.NET and
/// System.Text.Json write it: `.5`, `.1234567`), then `Z` for `utc`, `+hh:mm`/`-hh:mm` for
/// `offset` (`+00:00` for a zero offset, also when read as `-00:00`) and nothing for
/// `unspecified`. Reading the output gives an equal `timestamp`.
///
/// @par Thread safety
/// A value type: distinct objects may be used concurrently; a shared object only for reading.
class timestamp {
public:
    /// A UTC instant with tick resolution.
    using time_point = std::chrono::sys_time<ticks>;
    /// A wall-clock reading (no zone) with tick resolution.
    using local_time_point = std::chrono::local_time<ticks>;

    /// What the text form looks like, for error messages (used by the JSON codec).
    static constexpr char const* expected_text =
        "an ISO 8601 date and time such as 2024-05-01T10:00:00Z, 2024-05-01T12:00:00.5+02:00 or "
        "/Date(1700000000000)/";

    /// `DateTime.MinValue` (0001-01-01T00:00:00), kind `unspecified`: what `default(DateTime)` is.
    constexpr timestamp() noexcept = default;

    /// The instant `tp`, kind `utc`, rounded down to a whole tick.
    /// @throws std::out_of_range when `tp` lies outside 0001-01-01 to 9999-12-31.
    template <class Duration>
    explicit timestamp(std::chrono::sys_time<Duration> tp);

    /// The instant `instant`, kind `utc`.
    /// @throws std::out_of_range when `instant` lies outside .NET's range.
    SO_ERPSYNC_DECL static timestamp from_utc(time_point instant);
    /// The instant `instant` as seen at `offset` from UTC, kind `offset`.
    /// @throws std::out_of_range when the offset exceeds ±14:00, or the instant or its wall-clock
    /// time lies outside .NET's range.
    SO_ERPSYNC_DECL static timestamp from_utc(time_point instant, std::chrono::minutes offset);
    /// The wall-clock time `wall` at `offset` from UTC, kind `offset` (`2024-05-01T10:00+02:00` is
    /// `from_local(local_days{2024y / 5 / 1} + 10h, 120min)`).
    /// @throws std::out_of_range as `from_utc(instant, offset)`.
    SO_ERPSYNC_DECL static timestamp from_local(local_time_point wall, std::chrono::minutes offset);
    /// The wall-clock time `wall` with no zone, kind `unspecified`.
    /// @throws std::out_of_range when `wall` lies outside .NET's range.
    SO_ERPSYNC_DECL static timestamp from_unspecified(local_time_point wall);

    /// `DateTime.MinValue`, 0001-01-01T00:00:00, kind `unspecified` (the default value).
    static constexpr timestamp min_value() noexcept { return timestamp(); }
    /// `DateTime.MaxValue`, 9999-12-31T23:59:59.9999999, kind `unspecified`.
    static constexpr timestamp max_value() noexcept {
        timestamp t;
        t.utc_ = time_point(ticks(detail::max_date_ticks));
        return t;
    }

    /// Reads the text forms listed in the class documentation.
    /// @param text the text.
    /// @param error when not null and the text is refused, receives the reason (English, ASCII,
    /// never a copy of the input).
    /// @returns the value, or nullopt when the text is refused.
    SO_ERPSYNC_DECL static std::optional<timestamp> parse(std::string_view text,
                                                          std::string* error = nullptr);

    /// The UTC instant (for `unspecified`, the wall-clock reading taken as UTC).
    constexpr time_point utc() const noexcept { return utc_; }
    /// The wall-clock time as written: `utc() + offset()`.
    constexpr local_time_point local() const noexcept {
        return local_time_point(utc_.time_since_epoch() + offset_);
    }
    /// The offset from UTC; zero unless `kind()` is `offset`.
    constexpr std::chrono::minutes offset() const noexcept { return offset_; }
    /// What the text said about the zone.
    constexpr timestamp_kind kind() const noexcept { return kind_; }

    /// The ISO 8601 text described in the class documentation.
    SO_ERPSYNC_DECL std::string to_string() const;
    /// Appends `to_string()` to `out`.
    SO_ERPSYNC_DECL void append_to(std::string& out) const;

    /// Equal when the instant, the offset and the kind are equal, i.e. when both are written the
    /// same. The same instant at two offsets is not equal: compare `utc()` for that.
    friend constexpr bool operator==(timestamp const&, timestamp const&) noexcept = default;

private:
    SO_ERPSYNC_DECL static timestamp make(time_point instant, std::chrono::minutes offset,
                                          timestamp_kind kind);

    time_point utc_{ticks(detail::min_date_ticks)};
    std::chrono::minutes offset_{0};
    timestamp_kind kind_ = timestamp_kind::unspecified;
};

/// How a `time_span` is written.
enum class time_span_style : unsigned char {
    /// .NET's constant format, `[-][d.]hh:mm:ss[.fffffff]`, as `TimeSpan.ToString()` and .NET's JSON
    /// serializers write it.
    dotnet,
    /// ISO 8601 / `xs:duration`, `[-]P[nD][T[nH][nM][n[.f]S]]`, as `XmlConvert.ToString(TimeSpan)`
    /// writes it (and SOAP needs).
    iso8601,
};

/// A .NET `TimeSpan`: a signed length of time in ticks, and the style it is written in.
///
/// @par Range
/// Any `std::int64_t` count of ticks, as `TimeSpan`: about ±10675199 days.
///
/// @par Text read by `parse`
/// - .NET: `[-][d.]hh:mm:ss[.fffffff]`, e.g. `00:05:00`, `1.02:03:04.5`, `-00:00:01`; the seconds
///   may be left out (`00:05`, as `TimeSpan.Parse` reads it); hours, minutes and seconds have one
///   or two digits, hours 0-23, minutes and seconds 0-59; 1 to 7 fractional digits. Style `dotnet`.
/// - ISO 8601: `[-]P[nW][nD][T[nH][nM][n[.f]S]]`, e.g. `PT5M`, `P1DT2H30M`, `PT0.5S`, `-PT1H`,
///   `P0D`; components in this order, each at most once, at least one; the values are not bounded
///   by the next unit (`PT90M`, `PT36H`); a week is 7 days and a day 24 hours. Only the seconds
///   may have a fraction (`.` or `,`, 1 to 7 digits). Years and months are refused unless zero
///   (`P0Y0M1D` is read, `P1Y` and `P1M` are not): they have no fixed length. Style `iso8601`.
/// - Refused rather than rounded: more than 7 fractional digits. Refused rather than overflowed:
///   a total beyond the `std::int64_t` tick range, and any number of more than 20 digits.
///
/// @par Text written
/// `to_string()` in `style()`. `to_dotnet_string()` always writes 7 fractional digits when the
/// fraction is not zero, as .NET does (`00:00:00.5000000`); `to_iso8601_string()` writes days
/// (`P1DT2H`), leaves out zero components, trims trailing zeros from the fraction (`PT0.5S`), and
/// writes zero as `PT0S`, as `XmlConvert` does. Reading the output gives an equal value.
///
/// @par Thread safety
/// A value type: distinct objects may be used concurrently; a shared object only for reading.
class time_span {
public:
    /// What the text form looks like, for error messages (used by the JSON codec).
    static constexpr char const* expected_text =
        "a .NET TimeSpan such as 00:05:00 or an ISO 8601 duration such as PT5M";

    /// Zero, style `dotnet`.
    constexpr time_span() noexcept = default;

    /// The length `d`, truncated toward zero to a whole tick. Implicit when that is exact
    /// (integer counts of ticks or coarser units: `time_span s = 5min;`), explicit otherwise
    /// (nanoseconds, floating-point counts).
    /// @throws std::out_of_range when `d` does not fit the tick range (or is not a number).
    template <class Rep, class Period>
    explicit(!(std::is_integral_v<Rep> && std::ratio_divide<Period, ticks::period>::den == 1))
        time_span(std::chrono::duration<Rep, Period> d, time_span_style style = time_span_style::dotnet);

    /// Reads the text forms listed in the class documentation; the style is the form read.
    /// @param text the text.
    /// @param error when not null and the text is refused, receives the reason (English, ASCII,
    /// never a copy of the input).
    /// @returns the value, or nullopt when the text is refused.
    SO_ERPSYNC_DECL static std::optional<time_span> parse(std::string_view text,
                                                          std::string* error = nullptr);

    /// The length in ticks.
    constexpr ticks duration() const noexcept { return ticks_; }
    /// The style `to_string()` writes.
    constexpr time_span_style style() const noexcept { return style_; }
    /// Changes the style `to_string()` writes.
    constexpr void set_style(time_span_style s) noexcept { style_ = s; }

    /// The text in `style()`.
    SO_ERPSYNC_DECL std::string to_string() const;
    /// `[-][d.]hh:mm:ss[.fffffff]`.
    SO_ERPSYNC_DECL std::string to_dotnet_string() const;
    /// `[-]P[nD][T[nH][nM][n[.f]S]]`, `PT0S` for zero.
    SO_ERPSYNC_DECL std::string to_iso8601_string() const;
    /// Appends `to_string()` to `out`.
    SO_ERPSYNC_DECL void append_to(std::string& out) const;

    /// Equal when the lengths are equal; the style is only how it is written.
    friend constexpr bool operator==(time_span const& a, time_span const& b) noexcept {
        return a.ticks_ == b.ticks_;
    }
    /// Ordered by length.
    friend constexpr std::strong_ordering operator<=>(time_span const& a, time_span const& b) noexcept {
        return a.ticks_.count() <=> b.ticks_.count();
    }

private:
    ticks ticks_{0};
    time_span_style style_ = time_span_style::dotnet;
};

} // namespace superoffice::erpsync

#include <superoffice/erpsync/impl/time.hpp>
#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/time.ipp>
#endif

#endif
