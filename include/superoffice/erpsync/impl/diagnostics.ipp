//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_DIAGNOSTICS_IPP
#define SO_ERPSYNC_IMPL_DIAGNOSTICS_IPP

// `diagnostics::to_string`, out of line: included by `diagnostics.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/diagnostics.hpp>

#include <string>

SO_ERPSYNC_DECL std::string superoffice::erpsync::diagnostics::to_string() const {
    std::string out = client_message;
    auto add = [&out](char const* label, std::string const& v) {
        if (v.empty())
            return;
        if (!out.empty())
            out += "; ";
        out += label;
        out += v;
    };
    if (http_status != 0)
        add("HTTP status ", std::to_string(http_status));
    add("at ", field_path);
    add("error code ", plugin_error_code);
    add("tenant state ", tenant_state);
    if (server) {
        add("server error type ", server->ErrorType);
        add("server error ", server->ErrorMessage);
        add("server message ", server->Message);
        add("detail ", server->MessageDetail);
    } else {
        add("server said ", server_message);
    }
    if (underlying)
        add("cause ", underlying.message());
    if (attempts > 1)
        add("attempts ", std::to_string(attempts));
    if (overloaded > 0)
        add("429/503 answers ", std::to_string(overloaded));
    return out;
}

#endif
