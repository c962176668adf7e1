//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_ERROR_WITH_DIAGNOSTICS_HPP
#define SO_ERPSYNC_ERROR_WITH_DIAGNOSTICS_HPP

/// @file
/// `error_with_diagnostics`: the exception thrown by the throwing helpers.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <boost/system/system_error.hpp>

#include <utility>

namespace superoffice::erpsync {

/// A `boost::system::system_error` that also carries the `diagnostics` of the failure.
class error_with_diagnostics : public boost::system::system_error {
public:
    /// The error `ec` with the details `diag`; `what()` holds both (never a secret).
    error_with_diagnostics(error_code const& ec, diagnostics diag)
        : boost::system::system_error(ec, diag.to_string()), diag_(std::move(diag)) {}

    /// The details of the failure.
    diagnostics const& get_diagnostics() const noexcept { return diag_; }

private:
    diagnostics diag_;
};

/// Throws `error_with_diagnostics` when `ec` is set.
SO_ERPSYNC_DECL void throw_on_error(error_code const& ec, diagnostics const& diag = {});

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/error_with_diagnostics.ipp>
#endif

#endif
