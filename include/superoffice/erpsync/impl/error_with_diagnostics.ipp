//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_ERROR_WITH_DIAGNOSTICS_IPP
#define SO_ERPSYNC_IMPL_ERROR_WITH_DIAGNOSTICS_IPP

// `throw_on_error`, out of line: included by `error_with_diagnostics.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/error_with_diagnostics.hpp>

SO_ERPSYNC_DECL void superoffice::erpsync::throw_on_error(error_code const& ec, diagnostics const& diag) {
    if (ec)
        throw error_with_diagnostics(ec, diag);
}

#endif
