//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_JSON_HPP
#define SO_ERPSYNC_JSON_HPP

/// @file
/// The JSON codec for carriers: `to_json` / `from_json`, driven by the Boost.Describe descriptions.
///
/// Reading (`from_json`): unknown keys are ignored; missing keys keep the member's default; `null`
/// is accepted for optionals, strings, arrays, maps and nested carriers; enums are matched by name
/// (exact, then ASCII case-insensitive) or number, an unknown name giving `unrecognized` (an
/// `open_enum`, as carriers hold their enums, keeps it verbatim and writes it back); flag
/// masks accept `"Update, UIHintMandatory"`, `"FULL"` and numbers; values with a text form (`timestamp`,
/// `time_span`, any type modelling `text_value`, text_value.hpp) are read from strings, a malformed one
/// giving `invalid_value` and `null` the default value. On failure the error code comes with the path of the
/// field
/// (`Changes.UpdatedRecords[3].RecordId`) in `diagnostics`. Syntax errors are Boost.JSON's own codes. The
/// document is parsed straight into the value.
///
/// Writing (`to_json`): wire names, empty optionals and empty maps left out, enums and masks by
/// name, values with a text form as strings, straight into the output string.

#include <superoffice/erpsync/detail/json_reader.hpp>
#include <superoffice/erpsync/detail/json_writer.hpp>

#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace superoffice::erpsync {

/// Limits applied while reading JSON.
struct json_read_options {
    /// Maximum nesting of arrays and objects.
    std::size_t max_depth = 64;
};

namespace detail {

/// What the parse saw at the top level, for the client's checks.
struct parse_info {
    bool root_null = false;
    std::size_t root_keys = 0;       // keys of the top-level object
    std::size_t root_known_keys = 0; // of which matched a member
};

/// Parses `text` into the value `target` points to. One function for every type (the type is in
/// `target`'s sink table), so that Boost.JSON's parser is instantiated once: in every translation
/// unit that parses when header-only, in `src.hpp` only with separate compilation.
SO_ERPSYNC_DECL error_code parse_slot(std::string_view text, slot target, diagnostics* diag,
                                      json_read_options opt, parse_info* info);

template <class T>
error_code parse_into(std::string_view text, T& out, diagnostics* diag, json_read_options opt,
                      parse_info* info) {
    return parse_slot(text, slot{&out, sink_of<T>()}, diag, opt, info);
}

} // namespace detail

/// Parses `text` into `out`. Returns an empty code on success. `diag`, when given, receives the
/// field path and message of a failure. On failure `out` may be partly filled.
template <class T>
error_code from_json(std::string_view text, T& out, diagnostics* diag = nullptr, json_read_options opt = {}) {
    return detail::parse_into(text, out, diag, opt, nullptr);
}

/// Parses `text` into a new `T`.
template <class T>
boost::system::result<T> from_json(std::string_view text, diagnostics* diag = nullptr) {
    T v{};
    if (auto ec = from_json(text, v, diag))
        return ec;
    return v;
}

/// Appends the JSON form of `v` to `out`.
template <class T>
error_code to_json(T const& v, std::string& out, diagnostics* diag = nullptr) {
    std::size_t const size = out.size();
    detail::json_writer w(out, diag);
    if (!w.write(v)) {
        out.resize(size); // nothing half-written is left behind
        return error::unencodable_value;
    }
    return {};
}

/// The JSON form of `v`.
template <class T>
boost::system::result<std::string> to_json(T const& v, diagnostics* diag = nullptr) {
    std::string s;
    if (auto ec = to_json(v, s, diag))
        return ec;
    return s;
}

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/json.ipp>
#endif

#endif
