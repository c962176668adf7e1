//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_ENUM_NAMES_HPP
#define SO_ERPSYNC_DETAIL_ENUM_NAMES_HPP

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string_view>

namespace superoffice::erpsync::detail {

/// ASCII case-insensitive equality (wire names are ASCII identifiers).
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

/// The described name of `e`, or nullopt when `e` has no described name.
template <class E>
std::optional<std::string_view> enum_name(E e) noexcept {
    std::optional<std::string_view> r;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!r && D.value == e)
            r = std::string_view(D.name);
    });
    return r;
}

/// The enumerator named `name`: exact match first, then ASCII case-insensitive.
template <class E>
std::optional<E> enum_from_name(std::string_view name) noexcept {
    std::optional<E> r;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!r && name == D.name)
            r = D.value;
    });
    if (!r)
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
            if (!r && iequals(name, D.name))
                r = D.value;
        });
    return r;
}

/// Whether `v` is the value of a described enumerator of `E`.
template <class E>
bool is_described_value(E v) noexcept {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
        [&](auto D) { found |= D.value == v; });
    return found;
}

} // namespace superoffice::erpsync::detail

#endif
