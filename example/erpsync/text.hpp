//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef ERPSYNC_CLI_TEXT_HPP
#define ERPSYNC_CLI_TEXT_HPP

// Small string helpers of the erpsync command: case folding, the names of an operation, JSON text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace erpsync_cli {

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b) noexcept;

/// `s` without leading and trailing white space (space, tab, CR, LF, FF, VT).
std::string_view trim(std::string_view s) noexcept;

/// Lower case without `_` and `-`: `Force_Resync`, `force-resync` and `forceresync` fold equal.
std::string fold(std::string_view s);

/// The words of a CamelCase wire name joined by `sep` in lower case: `ForceResyncExternal` gives
/// `force_resync_external` (the C++ name) with '_' and `force-resync-external` with '-'.
std::string split_camel(std::string_view wire, char sep);

/// Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

/// `s` as a JSON string literal (quoted and escaped).
std::string json_quoted(std::string_view s);

std::string join(std::vector<std::string> const& items, std::string_view sep);

/// `path.key`, or `key` at the top.
std::string join_path(std::string const& path, std::string_view key);

/// Indents compact JSON, two spaces a level, each line after the first starting with `lead`.
std::string indent_json(std::string_view s, std::string_view lead = {});

} // namespace erpsync_cli

#endif
