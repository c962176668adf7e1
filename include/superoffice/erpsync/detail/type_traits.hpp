//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_TYPE_TRAITS_HPP
#define SO_ERPSYNC_DETAIL_TYPE_TRAITS_HPP

#include <superoffice/erpsync/flags.hpp>
#include <superoffice/erpsync/open_enum.hpp>
#include <superoffice/erpsync/text_value.hpp>

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>

#include <concepts>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace superoffice::erpsync::detail {

template <class T>
inline constexpr bool is_optional_v = false;
template <class T>
inline constexpr bool is_optional_v<std::optional<T>> = true;

template <class T>
inline constexpr bool is_vector_v = false;
template <class T, class A>
inline constexpr bool is_vector_v<std::vector<T, A>> = true;

template <class T>
inline constexpr bool is_string_map_v = false;
template <class V, class C, class A>
inline constexpr bool is_string_map_v<std::map<std::string, V, C, A>> = true;
template <class V, class H, class E, class A>
inline constexpr bool is_string_map_v<std::unordered_map<std::string, V, H, E, A>> = true;

template <class T>
inline constexpr bool is_integer_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;

template <class T>
inline constexpr bool is_described_struct_v =
    std::is_class_v<T>&& boost::describe::has_describe_members<T>::value;

template <class T>
inline constexpr bool is_described_enum_v =
    std::is_enum_v<T>&& boost::describe::has_describe_enumerators<T>::value;

// `text_value` (text_value.hpp) is public: users model it; code here names it unqualified.

/// The described public members of a carrier.
template <class T>
using members_t = boost::describe::describe_members<T, boost::describe::mod_public>;

template <class T>
inline constexpr bool always_false_v = false;

} // namespace superoffice::erpsync::detail

#endif
