//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_FIELD_PATH_HPP
#define SO_ERPSYNC_DETAIL_FIELD_PATH_HPP

// Building the field path of a failure while a recursive writer or reader unwinds
// (`Changes.UpdatedRecords[3].RecordId`), and reporting it in the diagnostics.

#include <superoffice/erpsync/diagnostics.hpp>

#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

/// Whitespace trimmed from both ends (space, tab, CR, LF).
/// `s` without leading and trailing ASCII white space.
SO_ERPSYNC_DECL std::string_view trim(std::string_view s) noexcept;

/// The failure of a recursive walk: the message is set where it failed, each level on the way
/// out prefixes its key or index. Every call returns false, to be returned up the recursion.
class path_failure {
public:
    explicit path_failure(diagnostics* diag) noexcept : diag_(diag) {}

    SO_ERPSYNC_DECL bool fail(std::string msg);
    SO_ERPSYNC_DECL bool prefix_index(std::size_t i);
    SO_ERPSYNC_DECL bool prefix_key(std::string_view k);
    std::string const& path() const noexcept { return path_; }

private:
    SO_ERPSYNC_DECL void report();

    diagnostics* diag_;
    std::string path_;
    std::string msg_;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/field_path.ipp>
#endif

#endif
