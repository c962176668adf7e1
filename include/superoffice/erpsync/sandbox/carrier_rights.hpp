//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_CARRIER_RIGHTS_HPP
#define SO_ERPSYNC_SANDBOX_CARRIER_RIGHTS_HPP

/// @file
/// `add_carrier_rights`: the `Carrier` members (`TableRight`, `FieldProperties`) the sandbox
/// puts in every carrier it answers, as the documented replies carry them.
///
/// Every carrier in a reply, nested ones and array items included, gets:
/// - `TableRight`: `{"Mask": "Select, Update, Insert, Delete", "Reason": ""}` (the sandbox's user
///   may do anything; SOAP: the `xs:list` `Select Update Insert Delete`);
/// - `FieldProperties`: one entry per member of the carrier (the two `Carrier` members left out),
///   keyed by its wire name: `{"FieldRight": {"Mask": "Read, Write", "Reason": ""}, "FieldType":
///   <.NET type name>, "FieldLength": <255 for strings, else 0>}`. Type names: `System.Boolean`,
///   `System.Int16`/`Int32`/`Int64`, `System.Double`, `System.String`, `System.DateTime`,
///   `System.TimeSpan`; enums, flag masks and carriers by their wire type name (`ErpActorType`);
///   arrays as `T[]`; string maps as `StringDictionary`; optionals as their value type.
/// What a carrier held in those two members before (e.g. echoed from a request) is replaced.
///
/// @par Thread safety
/// Safe on distinct values.

#include <superoffice/erpsync/carriers/common.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/detail/xml_writer.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace superoffice::erpsync::sandbox {

/// `FieldLength` the sandbox reports for a string member (0 for the others).
inline constexpr std::int32_t string_field_length = 255;

/// The .NET type name the sandbox reports for a member of type `M` (see the file comment).
template <class M>
std::string dotnet_type_name() {
    namespace d = erpsync::detail;
    if constexpr (d::is_optional_v<M>)
        return dotnet_type_name<typename M::value_type>();
    else if constexpr (std::is_same_v<M, bool>)
        return "System.Boolean";
    else if constexpr (d::is_integer_v<M>)
        return (std::is_signed_v<M> ? "System.Int" : "System.UInt") + std::to_string(sizeof(M) * 8);
    else if constexpr (std::is_floating_point_v<M>)
        return "System.Double";
    else if constexpr (std::is_same_v<M, std::string>)
        return "System.String";
    else if constexpr (std::is_same_v<M, timestamp>)
        return "System.DateTime";
    else if constexpr (std::is_same_v<M, time_span>)
        return "System.TimeSpan";
    else if constexpr (d::is_vector_v<M>)
        return dotnet_type_name<typename M::value_type>() + "[]";
    else if constexpr (d::is_string_map_v<M>)
        return std::is_same_v<typename M::mapped_type, std::string>
                   ? std::string("StringDictionary")
                   : std::string(d::es_name<typename M::mapped_type>()) + "Dictionary";
    else
        return std::string(d::es_name<M>());
}

/// The `FieldProperties` the sandbox reports for carrier `T`, made once (thread-safe).
template <class T>
field_property_map const& field_properties_of() {
    static field_property_map const props = [] {
        field_property_map m;
        boost::mp11::mp_for_each<erpsync::detail::members_t<T>>([&](auto D) {
            std::string_view const name = D.name;
            if (name == "TableRight" || name == "FieldProperties")
                return;
            using M = std::remove_cvref_t<decltype(std::declval<T const&>().*D.pointer)>;
            field_property p;
            p.FieldRight = field_right{field_right_mask(efield_right::Read) | efield_right::Write, ""};
            p.FieldType = dotnet_type_name<M>();
            using V = std::conditional_t<erpsync::detail::is_optional_v<M>, M, std::optional<M>>;
            p.FieldLength = std::is_same_v<typename V::value_type, std::string> ? string_field_length : 0;
            m.emplace(std::string(name), std::move(p));
        });
        return m;
    }();
    return props;
}

/// Sets `TableRight` and `FieldProperties` of every carrier in `v` (see the file comment);
/// anything else is left as it is.
template <class T>
void add_carrier_rights(T& v) {
    namespace d = erpsync::detail;
    if constexpr (d::is_optional_v<T>) {
        if (v)
            add_carrier_rights(*v);
    } else if constexpr (d::is_vector_v<T>) {
        for (auto& e : v)
            add_carrier_rights(e);
    } else if constexpr (d::is_string_map_v<T>) {
        for (auto& [k, e] : v)
            add_carrier_rights(e);
    } else if constexpr (d::is_described_struct_v<T> && !erpsync::text_value<T>) {
        boost::mp11::mp_for_each<d::members_t<T>>([&](auto D) {
            std::string_view const name = D.name;
            if (name != "TableRight" && name != "FieldProperties")
                add_carrier_rights(v.*D.pointer);
        });
        if constexpr (d::is_carrier_v<T>) {
            v.TableRight = table_right{table_right_mask(etable_right::Select) | etable_right::Update |
                                           etable_right::Insert | etable_right::Delete,
                                       ""};
            v.FieldProperties = field_properties_of<T>();
        }
    }
}

} // namespace superoffice::erpsync::sandbox

#endif
