//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef ERPSYNC_CLI_TYPES_HPP
#define ERPSYNC_CLI_TYPES_HPP

// What the erpsync command knows of the library's types, from Boost.Describe and the public API
// only: their names for the help texts, the keys a request may hold, the enum values a newer
// server may send.

#include <superoffice/erpsync/flags.hpp>
#include <superoffice/erpsync/open_enum.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text.hpp"

namespace erpsync_cli {

namespace erp = superoffice::erpsync;

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
inline constexpr bool is_described_struct_v =
    std::is_class_v<T>&& boost::describe::has_describe_members<T>::value;

template <class T>
inline constexpr bool is_described_enum_v =
    std::is_enum_v<T>&& boost::describe::has_describe_enumerators<T>::value;

/// The public members of a described carrier.
template <class T>
using members_t = boost::describe::describe_members<T, boost::describe::mod_public>;

/// The member type behind a Boost.Describe member descriptor.
template <class T, class D>
using member_t = std::remove_cvref_t<decltype(std::declval<T const&>().*D::pointer)>;

template <class T>
inline constexpr bool always_false_v = false;

/// A value with a text form (timestamp, time_span): a JSON string.
template <class T>
concept has_text_form = requires {
    std::string_view(T::expected_text);
};

template <class T>
struct flag_enum {
    using type = void;
};
template <class E>
struct flag_enum<erp::flag_set<E>> {
    using type = E;
};

template <class T>
concept has_wire_type_name = requires(T const* p) {
    { wire_type_name(p) } -> std::convertible_to<std::string_view>;
};

/// The name of `T` as the help shows it: bool, int32, int64, double, string, timestamp,
/// time_span, an enum's or a carrier's wire name, `T?`, `array<T>`, `map<string,T>`.
template <class T>
std::string type_name() {
    if constexpr (std::is_same_v<T, bool>) {
        return "bool";
    } else if constexpr (std::is_same_v<T, std::string>) {
        return "string";
    } else if constexpr (std::is_integral_v<T>) {
        return (std::is_signed_v<T> ? "int" : "uint") + std::to_string(sizeof(T) * 8);
    } else if constexpr (std::is_floating_point_v<T>) {
        return "double";
    } else if constexpr (is_optional_v<T>) {
        return type_name<typename T::value_type>() + "?";
    } else if constexpr (is_vector_v<T>) {
        return "array<" + type_name<typename T::value_type>() + ">";
    } else if constexpr (is_string_map_v<T>) {
        return "map<string," + type_name<typename T::mapped_type>() + ">";
    } else if constexpr (!std::is_void_v<typename flag_enum<T>::type>) {
        return "flags<" + type_name<typename flag_enum<T>::type>() + ">";
    } else if constexpr (erp::is_open_enum_v<T>) { // an enum that also keeps a newer server's names
        return type_name<typename T::enum_type>();
    } else if constexpr (has_wire_type_name<T>) { // carriers and enums
        return std::string(wire_type_name(static_cast<T const*>(nullptr)));
    } else if constexpr (std::is_same_v<T, erp::timestamp>) {
        return "timestamp";
    } else if constexpr (std::is_same_v<T, erp::time_span>) {
        return "time_span";
    } else {
        static_assert(always_false_v<T>, "erpsync CLI: type_name() does not know this type");
    }
}

/// `Name: type` for every described member of `T`.
template <class T>
std::vector<std::pair<std::string, std::string>> fields_of() {
    std::vector<std::pair<std::string, std::string>> out;
    if constexpr (is_described_struct_v<T>)
        boost::mp11::mp_for_each<members_t<T>>(
            [&](auto D) { out.emplace_back(D.name, type_name<member_t<T, decltype(D)>>()); });
    return out;
}

/// The enumerator names of the described enum `E`.
template <class E>
std::vector<std::string> enumerators() {
    std::vector<std::string> names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
        [&](auto D) { names.emplace_back(D.name); });
    return names;
}

template <class T>
std::string valid_keys() {
    std::string out;
    boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
        if (!out.empty())
            out += ", ";
        out += D.name;
    });
    return out.empty() ? "none" : out;
}

/// Describes every carrier and enum reachable from `T` (once each), for `help <Operation>`.
struct type_catalogue {
    std::vector<std::string> seen;
    std::string text;

    template <class T>
    void add() {
        if constexpr (is_optional_v<T> || is_vector_v<T>) {
            add<typename T::value_type>();
        } else if constexpr (erp::is_open_enum_v<T>) {
            add<typename T::enum_type>();
        } else if constexpr (is_string_map_v<T>) {
            add<typename T::mapped_type>();
        } else if constexpr (!std::is_void_v<typename flag_enum<T>::type>) {
            if (first_time(type_name<T>()))
                append_wrapped(text, "  " + type_name<T>() + ": a string of names joined by \", \", from",
                               enumerators<typename flag_enum<T>::type>(), ", ");
        } else if constexpr (has_text_form<T>) {
            if (first_time(type_name<T>()))
                text += "  " + type_name<T>() + ": a string, " + std::string(T::expected_text) + '\n';
        } else if constexpr (is_described_struct_v<T> || is_described_enum_v<T>) {
            std::string const name = type_name<T>();
            if (!first_time(name))
                return;
            if constexpr (is_described_enum_v<T>) {
                append_wrapped(text, "  " + name + ": one of", enumerators<T>(), " | ");
            } else {
                text += "  " + name + '\n';
                append_fields(text, fields_of<T>(), "      ");
                boost::mp11::mp_for_each<members_t<T>>([&](auto D) { add<member_t<T, decltype(D)>>(); });
            }
        }
    }

    bool first_time(std::string const& name);

    /// `line` followed by the items joined by `sep` (" | ", ", "), wrapped at 110 columns.
    static void append_wrapped(std::string& out, std::string line, std::vector<std::string> const& items,
                               std::string_view sep);

    static void append_fields(std::string& out, std::vector<std::pair<std::string, std::string>> const& f,
                              std::string_view indent);
};

/// Collects the keys of `v` that no member of `T` (or of the carriers nested in it) takes. Keys
/// match members as the codec matches them: ASCII case-insensitively.
template <class T>
void find_unknown_keys(boost::json::value const& v, std::string const& path, std::vector<std::string>& out) {
    if constexpr (is_optional_v<T>) {
        find_unknown_keys<typename T::value_type>(v, path, out);
    } else if constexpr (is_vector_v<T>) {
        if (auto const* a = v.if_array())
            for (std::size_t i = 0; i < a->size(); ++i)
                find_unknown_keys<typename T::value_type>((*a)[i], path + "[" + std::to_string(i) + "]", out);
    } else if constexpr (is_string_map_v<T>) {
        if (auto const* o = v.if_object())
            for (auto const& kv : *o)
                find_unknown_keys<typename T::mapped_type>(kv.value(), join_path(path, kv.key()), out);
    } else if constexpr (is_described_struct_v<T> && !has_text_form<T>) {
        auto const* o = v.if_object();
        if (!o)
            return;
        std::vector<std::string> unknown;
        for (auto const& kv : *o) {
            bool known = false;
            boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
                if (!known && iequals(D.name, kv.key())) {
                    known = true;
                    find_unknown_keys<member_t<T, decltype(D)>>(kv.value(), join_path(path, D.name), out);
                }
            });
            if (!known)
                unknown.push_back(json_quoted(kv.key()));
        }
        if (!unknown.empty())
            out.insert(out.begin(), (unknown.size() == 1 ? "unknown key " : "unknown keys ") +
                                        join(unknown, ", ") + (path.empty() ? "" : " in " + path) +
                                        " (valid keys: " + valid_keys<T>() + ")");
    }
}

/// Collects the enum values of `v` this version does not know (kept verbatim by `open_enum`).
template <class T>
void find_unknown_enums(T const& v, std::string const& path, std::vector<std::string>& out) {
    if constexpr (erp::is_open_enum_v<T>) {
        if (v.is_unknown())
            out.push_back((path.empty() ? std::string("the value") : path) + " " +
                          (v.is_number() ? std::string(v.name()) : json_quoted(v.name())) + " is not " +
                          type_name<T>() + " (" + join(enumerators<typename T::enum_type>(), ", ") + ")");
    } else if constexpr (is_optional_v<T>) {
        if (v)
            find_unknown_enums(*v, path, out);
    } else if constexpr (is_vector_v<T>) {
        for (std::size_t i = 0; i < v.size(); ++i)
            find_unknown_enums(v[i], path + "[" + std::to_string(i) + "]", out);
    } else if constexpr (is_string_map_v<T>) {
        for (auto const& [k, e] : v)
            find_unknown_enums(e, join_path(path, k), out);
    } else if constexpr (is_described_struct_v<T> && !has_text_form<T>) {
        boost::mp11::mp_for_each<members_t<T>>(
            [&](auto D) { find_unknown_enums(v.*D.pointer, join_path(path, D.name), out); });
    }
}

} // namespace erpsync_cli

#endif
