//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_PLUGIN_RESPONSE_IPP
#define SO_ERPSYNC_IMPL_PLUGIN_RESPONSE_IPP

// `check` and `value_or_throw` of `plugin_response`, out of line: included by
// `carriers/plugin_response.hpp` in header-only builds, compiled once by
// `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/error_with_diagnostics.hpp>

#include <utility>

SO_ERPSYNC_DECL superoffice::erpsync::error_code superoffice::erpsync::check(plugin_response const& r,
                                                                             diagnostics& diag) {
    if (r.IsOk)
        return {};
    diag.clear();
    diag.plugin_error_code = r.ErrorCode;
    diag.client_message = r.TechExplanation.empty() ? r.UserExplanation : r.TechExplanation;
    diag.server_message = r.UserExplanation;
    return error::plugin_failed;
}

SO_ERPSYNC_DECL superoffice::erpsync::plugin_response const&
superoffice::erpsync::value_or_throw(plugin_response const& r) {
    diagnostics diag;
    if (auto ec = check(r, diag))
        throw error_with_diagnostics(ec, std::move(diag));
    return r;
}

#endif
