//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_REQUEST_BUILDER_IPP
#define SO_ERPSYNC_IMPL_REQUEST_BUILDER_IPP

// The per-call headers, out of line: included by `detail/request_builder.hpp` in header-only
// builds, compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/request_builder.hpp>

#include <string>
#include <string_view>
#include <utility>

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::add_call_headers(prepared_config const& pc, call_options const& opt,
                                               http_request& req, diagnostics* diag, bool time_zone_header) {
    auto pick = [](std::string const& call_v, std::string const& client_v) -> std::string const& {
        return call_v.empty() ? client_v : call_v;
    };
    std::pair<char const*, std::string const*> const lang[] = {
        {"Accept-Language", &pick(opt.accept_language, pc.accept_language)},
        {"SO-Language", &pick(opt.so_language, pc.so_language)},
        {"SO-Culture", &pick(opt.so_culture, pc.so_culture)},
        {"SO-TimeZone", &pick(opt.so_time_zone, pc.so_time_zone)},
    };
    // everything is checked before anything is added
    for (auto const& [n, v] : lang)
        if (!v->empty() && !valid_header_value(*v)) {
            header_list scratch;
            return add_header(scratch, n, *v, diag);
        }
    for (auto const& [n, v] : opt.headers)
        if (!valid_header_name(n) || !valid_header_value(v)) {
            header_list scratch;
            return add_header(scratch, n, v, diag);
        }
    for (auto const& [n, v] : lang)
        if (!v->empty() && (time_zone_header || std::string_view(n) != "SO-TimeZone"))
            req.set(n, *v);
    for (auto const& [n, v] : opt.headers)
        req.set(n, v);
    return {};
}

#endif
