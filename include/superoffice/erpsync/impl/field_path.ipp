//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_FIELD_PATH_IPP
#define SO_ERPSYNC_IMPL_FIELD_PATH_IPP

// `path_failure` and `trim`, out of line: included by `detail/field_path.hpp` in header-only
// builds, compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/field_path.hpp>

#include <string>
#include <string_view>

SO_ERPSYNC_DECL std::string_view superoffice::erpsync::detail::trim(std::string_view s) noexcept {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && ws(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && ws(s.back()))
        s.remove_suffix(1);
    return s;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::path_failure::fail(std::string msg) {
    msg_ = std::move(msg);
    report();
    return false;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::path_failure::prefix_index(std::size_t i) {
    if (!path_.empty() && path_.front() != '[')
        path_.insert(0, ".");
    // built in place: `"[" + std::to_string(i)` trips GCC 12's -Wrestrict false positive at -O3
    std::string index(1, '[');
    index += std::to_string(i);
    index += ']';
    path_.insert(0, index);
    report();
    return false;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::path_failure::prefix_key(std::string_view k) {
    if (!path_.empty() && path_.front() != '[')
        path_.insert(0, ".");
    path_.insert(0, k);
    report();
    return false;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::path_failure::report() {
    if (diag_) {
        diag_->field_path = path_;
        diag_->client_message = msg_ + (path_.empty() ? "" : " at " + path_);
    }
}

#endif
