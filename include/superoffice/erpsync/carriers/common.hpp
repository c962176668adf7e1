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

#include <superoffice/erpsync/enums.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace superoffice::erpsync {

/// Table-level access rights attached to a carrier.
struct table_right {
    table_right_mask Mask{};
    std::string Reason{};
};
BOOST_DESCRIBE_STRUCT(table_right, (), (Mask, Reason))

/// Field-level access right. `Reason` may be a resource id like `[SR_...]` unless a language
/// header is sent.
struct field_right {
    field_right_mask Mask{};
    std::string Reason{};
};
BOOST_DESCRIBE_STRUCT(field_right, (), (Mask, Reason))

/// Per-field metadata inside `FieldProperties`.
struct field_property {
    std::optional<field_right> FieldRight{};
    /// A .NET type name such as `System.Int32`.
    std::string FieldType{};
    std::int32_t FieldLength = 0;
};
BOOST_DESCRIBE_STRUCT(field_property, (), (FieldRight, FieldType, FieldLength))

/// `FieldProperties`: field name to its rights, type and length.
using field_property_map = std::map<std::string, field_property>;

} // namespace superoffice::erpsync

#endif
