//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Fuzz target: the time parsers, `timestamp::parse`, `time_span::parse` and the client's
// `Retry-After` reader (`detail::parse_retry_after`).
//
// Oracles: what parses writes back (`to_string`, and for a time span both styles) to text that
// parses to an equal value written the same; a timestamp stays within .NET's range and an offset
// within +-14:00; a Retry-After is never negative, and delta seconds read as their number.
//
// Input: byte 0 selects the parser (modulo 3); the rest is the text.
#include <superoffice/erpsync/detail/retry.hpp>
#include <superoffice/erpsync/time.hpp>

#include <chrono>
#include <string>

#include "fuzz_common.hpp"

namespace erp = superoffice::erpsync;

namespace {

void check_timestamp(std::string_view text) {
    std::string why;
    auto t = erp::timestamp::parse(text, &why);
    if (!t) {
        if (why.empty())
            erp::fuzz::fail("timestamp::parse refused without a reason");
        return;
    }
    if (t->utc().time_since_epoch().count() < erp::detail::min_date_ticks ||
        t->utc().time_since_epoch().count() > erp::detail::max_date_ticks ||
        t->local().time_since_epoch().count() < erp::detail::min_date_ticks ||
        t->local().time_since_epoch().count() > erp::detail::max_date_ticks)
        erp::fuzz::fail("a timestamp outside .NET's range", std::string(text));
    if (t->offset() > std::chrono::hours(14) || t->offset() < -std::chrono::hours(14))
        erp::fuzz::fail("an offset beyond 14:00", std::string(text));
    std::string const s = t->to_string();
    auto again = erp::timestamp::parse(s, &why);
    if (!again)
        erp::fuzz::fail("timestamp::parse refused what to_string wrote", s + ": " + why);
    if (!(*again == *t) || again->to_string() != s)
        erp::fuzz::fail("a timestamp changed on its way through its text", std::string(text) + " -> " + s);
}

void check_time_span(std::string_view text) {
    std::string why;
    auto t = erp::time_span::parse(text, &why);
    if (!t) {
        if (why.empty())
            erp::fuzz::fail("time_span::parse refused without a reason");
        return;
    }
    for (std::string const& s : {t->to_string(), t->to_dotnet_string(), t->to_iso8601_string()}) {
        auto again = erp::time_span::parse(s, &why);
        if (!again)
            erp::fuzz::fail("time_span::parse refused what was written", s + ": " + why);
        if (!(*again == *t))
            erp::fuzz::fail("a time span changed on its way through its text",
                            std::string(text) + " -> " + s);
    }
    auto same = erp::time_span::parse(t->to_string());
    if (!same || same->style() != t->style() || same->to_string() != t->to_string())
        erp::fuzz::fail("a time span's text is not kept in its style", std::string(text));
}

void check_retry_after(std::string_view text) {
    auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    auto wait = erp::detail::parse_retry_after(text, now);
    if (!wait)
        return;
    if (wait->count() < 0)
        erp::fuzz::fail("a negative Retry-After", std::string(text));
    bool digits = !text.empty() && text.size() <= 9;
    for (char c : text)
        digits = digits && c >= '0' && c <= '9';
    if (digits && wait->count() != std::stoll(std::string(text)))
        erp::fuzz::fail("delta seconds read as another number", std::string(text));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    erp::fuzz::input in{data, size};
    switch (in.take() % 3) {
    case 0:
        check_timestamp(in.rest());
        break;
    case 1:
        check_time_span(in.rest());
        break;
    default:
        check_retry_after(in.rest());
        break;
    }
    return 0;
}
