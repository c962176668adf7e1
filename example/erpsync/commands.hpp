//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef ERPSYNC_CLI_COMMANDS_HPP
#define ERPSYNC_CLI_COMMANDS_HPP

// The commands of erpsync, one translation unit each. An operation is known by its position in
// `ops::all` (the same in every translation unit), so that help.cpp and call.cpp each instantiate
// only their own per-operation code.

#include <cstddef>
#include <ostream>
#include <string_view>

#include "options.hpp"

namespace erpsync_cli {

/// The position in `ops::all` of the operation named `name`: its wire name in any case, its C++
/// name (`force_resync`) or its kebab-case name (`force-resync`). Unknown names are a usage error
/// that suggests near matches. (help.cpp)
std::size_t find_operation(std::string_view name);

/// `erpsync --help`: the usage text and every operation. (help.cpp)
void print_overview(std::ostream& os);
/// The usage text alone (`erpsync serve --help`). (help.cpp)
void print_usage(std::ostream& os);
/// `erpsync help <Operation>`. (help.cpp)
void print_operation_help(std::size_t op, std::ostream& os);

/// Calls operation `op` and prints its reply; returns the exit status. (call.cpp)
int call_operation(std::size_t op, arguments const& a);

/// `erpsync resync-bulk`. (bulk.cpp)
int resync_bulk(arguments const& a);

/// `erpsync serve`. (serve.cpp)
int serve(arguments const& a);

} // namespace erpsync_cli

#endif
