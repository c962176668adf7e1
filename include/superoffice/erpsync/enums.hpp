//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_ENUMS_HPP
#define SO_ERPSYNC_ENUMS_HPP

/// @file
/// The ErpSync enums, described so the codec reads and writes them by name.
///
/// Nothing is lost when a newer server sends a name (or number) this version does not know: the
/// carriers hold their enums as `open_enum<E>` (open_enum.hpp), which keeps such a value verbatim
/// and writes it back unchanged, in JSON and in SOAP. Its `value()` is then `unrecognized`, an
/// extra enumerator (-1) of every plain enum that is not described and has no wire name: an
/// `unrecognized` set by hand, with no verbatim text, cannot be written (`error::unencodable_value`).
/// `open_enum<E>` converts to and from `E`, so `==`, `switch` and assignments with the enumerators
/// work on carrier members as on `E`. Numbers are read too (a server configured without string
/// enums sends them). The flag enums below travel in `flag_set` (flags.hpp), which keeps unknown
/// names the same way.

#include <superoffice/erpsync/flags.hpp>
#include <superoffice/erpsync/open_enum.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string_view>

/// Names enum `type` `WireName` on the wire (`wire_type_name(type const*)`, found by ADL: SOAP
/// writes it in `xsi:type` and as the item name of enum arrays).
#define SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(type, WireName)                                                     \
    [[maybe_unused]] inline constexpr std::string_view wire_type_name(type const*) noexcept {                \
        return #WireName;                                                                                    \
    }

namespace superoffice::erpsync {

/// The type of an actor in the ERP system.
enum class erp_actor_type : std::int16_t {
    unrecognized = -1,
    Unknown = 0,
    Customer,
    Supplier,
    Partner,
    Person,
    Project,
    Employee,
    Sale,
};
BOOST_DESCRIBE_ENUM(erp_actor_type, Unknown, Customer, Supplier, Partner, Person, Project, Employee, Sale)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(erp_actor_type, ErpActorType)

/// The type of a record in SuperOffice CRM.
enum class crm_actor_type : std::int16_t {
    unrecognized = -1,
    Unknown = 0,
    Contact,
    Person,
    Project,
    Sale,
};
BOOST_DESCRIBE_ENUM(crm_actor_type, Unknown, Contact, Person, Project, Sale)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(crm_actor_type, CrmActorType)

/// The outcome class of a `plugin_response`. `Error` implies `IsOk == false`.
/// The REST tables write "Warn", the WSDL "Warning": both are read, "Warning" is written.
enum class quote_status : std::int16_t {
    unrecognized = -1,
    Ok = 0,
    OkWithInfo,
    Warning,
    Error,
    Warn = Warning,
};
BOOST_DESCRIBE_ENUM(quote_status, Ok, OkWithInfo, Warning, Error, Warn)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(quote_status, QuoteStatus)

/// Result codes of connector operations (e.g. `CanDeleteErpSyncConnectorEntity`).
enum class erp_sync_response_code : std::int16_t {
    unrecognized = -1,
    NoError = 0,
    ErrorConnectorHasConnections,
    ErrorNotFound,
};
BOOST_DESCRIBE_ENUM(erp_sync_response_code, NoError, ErrorConnectorHasConnections, ErrorNotFound)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(erp_sync_response_code, ErpSyncResponseCode)

/// The kind of a connector configuration field.
enum class field_metadata_type : std::int16_t {
    unrecognized = -1,
    Checkbox = 0,
    Text,
    Password,
    Integer,
    Double,
    List,
    Date,
    Label = 99,
};
BOOST_DESCRIBE_ENUM(field_metadata_type, Checkbox, Text, Password, Integer, Double, List, Date, Label)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(field_metadata_type, FieldMetadataType)

/// Access level of a connector configuration field.
enum class field_access : std::int16_t {
    unrecognized = -1,
    Normal = 0,
    Mandatory,
    ReadOnly,
};
BOOST_DESCRIBE_ENUM(field_access, Normal, Mandatory, ReadOnly)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(field_access, FieldAccess)

/// Table rights (.NET `ETableRight`, a flags enum). `R` and `F` are aliases of `Select` and
/// `Filtering`, as in the WSDL.
enum class etable_right : std::uint32_t {
    Select = 1,
    Update = 2,
    Insert = 4,
    Delete = 8,
    Filtering = 16,
    RestrictedUpdate = 32,
    Unused1 = 64,
    Uninitialized = 128,
    R = 1,
    F = 16,
};
BOOST_DESCRIBE_ENUM(etable_right, Select, Update, Insert, Delete, Filtering, RestrictedUpdate, Unused1,
                    Uninitialized, R, F)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(etable_right, ETableRight)

/// Field rights (.NET `EFieldRight`, a flags enum). `Nullable` shares its bit (32) with
/// `Unused4`, as in the WSDL; `Nullable` is the name written.
enum class efield_right : std::uint32_t {
    Read = 1,
    Write = 2,
    Unused1 = 4,
    Unused2 = 8,
    Unused3 = 16,
    Nullable = 32,
    UIHintMandatory = 64,
    UIHintReadOnly = 128,
    UndefinedValue256 = 256,
    Unused4 = 32,
};
BOOST_DESCRIBE_ENUM(efield_right, Read, Write, Unused1, Unused2, Unused3, Nullable, UIHintMandatory,
                    UIHintReadOnly, UndefinedValue256, Unused4)
SO_ERPSYNC_DETAIL_ENUM_WIRE_NAME(efield_right, EFieldRight)

/// A table right mask such as `"Select, Update"`.
using table_right_mask = flag_set<etable_right>;
/// A field right mask such as `"Update, UIHintMandatory"` or `"FULL"`.
using field_right_mask = flag_set<efield_right>;

} // namespace superoffice::erpsync

#endif
