//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TEXT_VALUE_HPP
#define SO_ERPSYNC_TEXT_VALUE_HPP

/// @file
/// `text_value`: the concept of a value that travels as a string in its own text form, the JSON
/// and XML codecs' hook for such types (`timestamp`, `time_span`, or a type of your own).

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace superoffice::erpsync {

/// A value that travels in JSON (and SOAP) as a string in its own text form (`timestamp`,
/// `time_span`). Model it to give a type of your own a text form in carriers.
///
/// The codec knows nothing else about such a type. It must be default constructible (`null`
/// reads as `T{}`) and provide:
/// - `static std::optional<T> parse(std::string_view text, std::string* error)`: the value, or
///   nullopt with a short reason stored in `*error` when `error` is not null;
/// - `void append_to(std::string& out) const`: appends the text form, unescaped;
/// - `static constexpr char const* expected_text`: what the text looks like, for messages
///   ("a .NET TimeSpan such as 00:05:00 ...").
template <class T>
concept text_value = std::is_class_v<T> && std::default_initializable<T> &&
    requires(std::string_view text, std::string* error, std::string& out, T const& v) {
    { T::parse(text, error) } -> std::same_as<std::optional<T>>;
    v.append_to(out);
    { T::expected_text } -> std::convertible_to<char const*>;
};

} // namespace superoffice::erpsync

#endif
