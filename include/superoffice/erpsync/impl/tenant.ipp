//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_TENANT_IPP
#define SO_ERPSYNC_IMPL_TENANT_IPP

#include <superoffice/erpsync/tenant.hpp>

#include <algorithm>
#include <cctype>

SO_ERPSYNC_DECL std::string superoffice::erpsync::environment_url(std::string_view environment) {
    if (environment.empty())
        return {};
    if (environment.find("://") != std::string_view::npos) {
        while (!environment.empty() && environment.back() == '/')
            environment.remove_suffix(1);
        return std::string(environment);
    }
    std::string out = "https://";
    for (char c : environment)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out += ".superoffice.com";
    return out;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::tenant_state_is_permanent(std::string_view s) noexcept {
    auto eq = [s](std::string_view t) {
        return s.size() == t.size() && std::equal(s.begin(), s.end(), t.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) ==
                          std::tolower(static_cast<unsigned char>(b));
               });
    };
    return eq("Deleted") || eq("Deleting") || eq("DeleteFailed") || s == "3" || s == "10" || s == "11";
}

SO_ERPSYNC_DECL std::chrono::system_clock::time_point
superoffice::erpsync::tenant_state_valid_until(tenant_state const& s, tenant_locator const& loc,
                                               std::chrono::system_clock::time_point now) {
    auto const lo = now + loc.min_valid_for;
    auto hi = now + loc.max_valid_for;
    if (!s.IsRunning)
        hi = std::min(hi, now + loc.unavailable_recheck);
    if (hi < lo)
        return hi;
    // Compared in the timestamp's 100 ns ticks: a far date (the default, year 1) does not fit
    // the system clock's nanoseconds.
    using ticks_point = timestamp::time_point;
    auto const until = s.ValidUntil.utc();
    if (until <= std::chrono::time_point_cast<ticks_point::duration>(lo))
        return lo;
    if (until >= std::chrono::time_point_cast<ticks_point::duration>(hi))
        return hi;
    return std::chrono::time_point_cast<std::chrono::system_clock::duration>(until);
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::tenant_base_url(tenant_state const& s) {
    std::string_view v = s.Endpoint;
    if (v.empty()) {
        v = s.Api;
        while (!v.empty() && v.back() == '/')
            v.remove_suffix(1);
        if (v.size() >= 4 && v.substr(v.size() - 4) == "/api")
            v.remove_suffix(4);
        else
            return {};
    }
    while (!v.empty() && v.back() == '/')
        v.remove_suffix(1);
    return std::string(v);
}

#endif
