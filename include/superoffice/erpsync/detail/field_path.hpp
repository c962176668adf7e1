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
inline std::string_view trim(std::string_view s) noexcept {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && ws(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && ws(s.back()))
        s.remove_suffix(1);
    return s;
}

/// The failure of a recursive walk: the message is set where it failed, each level on the way
/// out prefixes its key or index. Every call returns false, to be returned up the recursion.
class path_failure {
public:
    explicit path_failure(diagnostics* diag) noexcept : diag_(diag) {}

    bool fail(std::string msg) {
        msg_ = std::move(msg);
        report();
        return false;
    }
    bool prefix_index(std::size_t i) {
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
    bool prefix_key(std::string_view k) {
        if (!path_.empty() && path_.front() != '[')
            path_.insert(0, ".");
        path_.insert(0, k);
        report();
        return false;
    }
    std::string const& path() const noexcept { return path_; }

private:
    void report() {
        if (diag_) {
            diag_->field_path = path_;
            diag_->client_message = msg_ + (path_.empty() ? "" : " at " + path_);
        }
    }

    diagnostics* diag_;
    std::string path_;
    std::string msg_;
};

} // namespace superoffice::erpsync::detail

#endif
