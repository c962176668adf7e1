//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_COMMON_HPP
#define SO_ERPSYNC_CARRIERS_COMMON_HPP

/// @file
/// Rights and field properties that every ErpSync carrier carries (`TableRight`, `FieldProperties`).
///
/// Carriers are plain aggregates whose member names are the wire names. Nullable carriers are
/// `std::optional`; nullable strings, arrays and maps read `null` as empty.
///
/// Every carrier is described with `SO_ERPSYNC_DESCRIBE(type, WireName, (members...))`, which
/// also gives it its wire type name (`wire_type_name(type const*)`, found by ADL: the CLI's help
/// and the SOAP encoding use it). Carriers derived from the WebAPI's abstract `Carrier` end with
/// `SO_ERPSYNC_CARRIER_MEMBERS` and are described with `SO_ERPSYNC_DESCRIBE_CARRIER`, which adds
/// its two members (`TableRight`, `FieldProperties`) to the description.

#include <superoffice/erpsync/enums.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

/// Describes `type` (members in wire order) and names it `WireName` on the wire.
#define SO_ERPSYNC_DESCRIBE(type, WireName, members)                                                         \
    BOOST_DESCRIBE_STRUCT(type, (), members)                                                                 \
    [[maybe_unused]] inline constexpr std::string_view wire_type_name(type const*) noexcept {                \
        return #WireName;                                                                                    \
    }

/// @cond SO_ERPSYNC_INTERNAL
#define SO_ERPSYNC_DETAIL_UNPAREN(...) __VA_ARGS__
/// @endcond

/// The members every ErpSync carrier inherits from the WebAPI's `Carrier`: put last.
#define SO_ERPSYNC_CARRIER_MEMBERS                                                                           \
    /** Table-level rights, when the server sends them. */                                                   \
    std::optional<::superoffice::erpsync::table_right> TableRight{};                                         \
    /** Per-field rights and metadata, keyed by field name. */                                               \
    ::superoffice::erpsync::field_property_map FieldProperties{};

/// Describes a carrier declared with `SO_ERPSYNC_CARRIER_MEMBERS` last.
/// Also marks it as a `Carrier` (`is_erpsync_carrier(type const*)`, found by ADL): SOAP writes the
/// two base members first, as the schema's `xs:extension` orders them.
#define SO_ERPSYNC_DESCRIBE_CARRIER(type, WireName, members)                                                 \
    SO_ERPSYNC_DESCRIBE(type, WireName, (SO_ERPSYNC_DETAIL_UNPAREN members, TableRight, FieldProperties))    \
    [[maybe_unused]] inline constexpr bool is_erpsync_carrier(type const*) noexcept {                        \
        return true;                                                                                         \
    }

namespace superoffice::erpsync {

/// Table-level access rights attached to a carrier.
struct table_right {
    /// The rights.
    table_right_mask Mask{};
    /// Why, when the right is limited (may be a resource id like `[SR_...]`).
    std::string Reason{};
};
SO_ERPSYNC_DESCRIBE(table_right, TableRight, (Mask, Reason))

/// Field-level access right. `Reason` may be a resource id like `[SR_...]` unless a language
/// header is sent.
struct field_right {
    /// The rights.
    field_right_mask Mask{};
    /// Why, when the right is limited (may be a resource id like `[SR_...]`).
    std::string Reason{};
};
SO_ERPSYNC_DESCRIBE(field_right, FieldRight, (Mask, Reason))

/// Per-field metadata inside `FieldProperties`.
struct field_property {
    /// The access right to the field.
    std::optional<field_right> FieldRight{};
    /// A .NET type name such as `System.Int32`.
    std::string FieldType{};
    /// The largest length, 0 when unlimited.
    std::int32_t FieldLength = 0;
};
SO_ERPSYNC_DESCRIBE(field_property, FieldProperty, (FieldRight, FieldType, FieldLength))

/// `FieldProperties`: field name to its rights, type and length.
using field_property_map = std::map<std::string, field_property>;

} // namespace superoffice::erpsync

#endif
