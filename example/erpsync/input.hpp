//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef ERPSYNC_CLI_INPUT_HPP
#define ERPSYNC_CLI_INPUT_HPP

// What erpsync reads: a request as JSON (checked for unknown keys and enum values), the keys of a
// bulk run a line at a time, and what `--select` keeps of a reply.

#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/json/parse.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "options.hpp"
#include "types.hpp"

namespace erpsync_cli {

/// Reads `text` into `out` with the library's codec, refusing keys no member takes. Throws
/// `usage_error` naming the offset, the field path or the unknown keys. An enum name (or number)
/// this version does not know is a warning: it is sent as given, since a newer server may know it.
template <class T>
void read_json(std::string_view text, T& out, std::string const& what) {
    erp::diagnostics d;
    erp::json_read_options opt;
    if (auto ec = erp::from_json(text, out, &d, opt))
        throw usage_error(what + ": " + (d.client_message.empty() ? ec.message() : d.client_message));
    // The codec skips unknown keys; a typo must not silently become a default.
    boost::json::parse_options po;
    po.max_depth = opt.max_depth;
    po.allow_invalid_utf8 = true;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(text, ec, {}, po);
    if (ec)
        throw usage_error(what + ": " + ec.message());
    std::vector<std::string> unknown;
    find_unknown_keys<T>(v, "", unknown);
    if (!unknown.empty())
        throw usage_error(what + ": " + join(unknown, "; "));
    std::vector<std::string> enums;
    find_unknown_enums(out, "", enums);
    for (auto const& e : enums)
        std::cerr << "warning: " << what << ": " << e << "; kept as given\n";
}

/// The whole of standard input.
std::string read_stdin();

/// Reads the request of `Op` from --body / --body-file, or makes the default one.
template <class Op>
typename Op::request_type make_request(arguments const& a) {
    using req = typename Op::request_type;
    auto body = a.get("--body");
    auto body_file = a.get("--body-file");
    if (body && body_file)
        throw usage_error("give either --body or --body-file, not both");
    if constexpr (Op::request_travels == erp::request_kind::none) {
        if (body || body_file)
            throw usage_error(std::string(Op::name) + " takes no request; drop --body");
        return req{};
    } else {
        req r{};
        std::string what = "the " + std::string(Op::name) + " request";
        if (body && *body == "-") {
            check_stdin_users(a);
            read_json(read_stdin(), r, what + " (stdin)");
        } else if (body) {
            read_json(*body, r, what);
        } else if (body_file) {
            read_json(read_file(*body_file), r, what + " (" + *body_file + ")");
        } else {
            std::cerr << "warning: no --body given; sending the default " << Op::name
                      << " request: " << erp::to_json(r).value() << '\n';
        }
        return r;
    }
}

/// With `$select` the server sends only the chosen properties, but the reply is decoded into the
/// whole carrier: keep only the selected top-level properties (of the reply, or of each element of
/// an array reply), so that defaults do not pass for data. `Changes.AddedRecords` keeps `Changes`.
std::string keep_selected(std::string const& json, std::string_view select);

/// The keys of `--keys-file`, read a line at a time as the bulk run asks for them (never the
/// whole file in memory): blank lines skipped, white space trimmed.
class key_reader {
public:
    explicit key_reader(std::string const& path);

    /// The next key's text, nullopt at the end; `line()` is its line number.
    std::optional<std::string> next(erp::error_code& ec);

    std::size_t line() const { return line_; }
    std::string const& path() const { return path_; }

    /// Non-blank lines of a regular file (for the progress bar), 0 for standard input.
    static std::uint64_t count(std::string const& path);

private:
    std::string path_;
    std::ifstream file_;
    std::size_t line_ = 0;
};

} // namespace erpsync_cli

#endif
