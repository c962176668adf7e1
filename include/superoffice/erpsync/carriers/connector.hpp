//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_CONNECTOR_HPP
#define SO_ERPSYNC_CARRIERS_CONNECTOR_HPP

/// @file
/// Connector registrations (`ErpSyncConnectorEntity`), the lightweight `ListItem`, and the
/// `FieldMetadata` that describes configuration and ERP fields.

#include <superoffice/erpsync/carriers/common.hpp>

#include <vector>

namespace superoffice::erpsync {

/// Where an ERP connector lives. `ErpConnectorId == 0` asks `SaveErpSyncConnectorEntity` to create.
struct erp_sync_connector_entity {
    /// Primary key.
    std::int32_t ErpConnectorId = 0;
    /// The name shown to users.
    std::string DisplayName{};
    /// The connector's web service address.
    std::string URL{};
    /// Whether it is marked deleted.
    bool Deleted = false;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_connector_entity, ErpSyncConnectorEntity,
                            (ErpConnectorId, DisplayName, URL, Deleted))

/// An id, a name and a tooltip (not a `Carrier`: no rights or field properties).
struct list_item {
    /// The id.
    std::int32_t Id = 0;
    /// The name.
    std::string Name{};
    /// A tooltip.
    std::string ToolTip{};
};
SO_ERPSYNC_DESCRIBE(list_item, ListItem, (Id, Name, ToolTip))

/// One configuration field of a connector, or one field of an ERP actor type.
struct field_metadata {
    /// The field's key.
    std::string FieldKey{};
    /// The position in lists.
    std::int32_t Rank = 0;
    /// The name shown to users.
    std::string DisplayName{};
    /// A description for display.
    std::string DisplayDescription{};
    /// The type of the field (`field_metadata_type`).
    open_enum<field_metadata_type> FieldType = field_metadata_type::Text;
    /// The list the values come from, for `List` fields.
    std::string ListName{};
    /// The value used when none is given.
    std::string DefaultValue{};
    /// 0: unlimited.
    std::int32_t MaxLength = 0;
    /// How the field may be used (`field_access`: normal, mandatory or read-only).
    open_enum<field_access> Access = field_access::Normal;
    /// Whether the field is shown in search results.
    bool ShowInSearch = false;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(field_metadata, FieldMetadata,
                            (FieldKey, Rank, DisplayName, DisplayDescription, FieldType, ListName,
                             DefaultValue, MaxLength, Access, ShowInSearch))

} // namespace superoffice::erpsync

#endif
