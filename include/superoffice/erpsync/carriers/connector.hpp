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
    std::string DisplayName{};
    /// The connector's web service address.
    std::string URL{};
    bool Deleted = false;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_connector_entity, ErpSyncConnectorEntity,
                            (ErpConnectorId, DisplayName, URL, Deleted))

/// An id, a name and a tooltip (not a `Carrier`: no rights or field properties).
struct list_item {
    std::int32_t Id = 0;
    std::string Name{};
    std::string ToolTip{};
};
SO_ERPSYNC_DESCRIBE(list_item, ListItem, (Id, Name, ToolTip))

/// One configuration field of a connector, or one field of an ERP actor type.
struct field_metadata {
    std::string FieldKey{};
    std::int32_t Rank = 0;
    std::string DisplayName{};
    std::string DisplayDescription{};
    open_enum<field_metadata_type> FieldType = field_metadata_type::Text;
    /// The list the values come from, for `List` fields.
    std::string ListName{};
    std::string DefaultValue{};
    /// 0: unlimited.
    std::int32_t MaxLength = 0;
    open_enum<field_access> Access = field_access::Normal;
    bool ShowInSearch = false;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(field_metadata, FieldMetadata,
                            (FieldKey, Rank, DisplayName, DisplayDescription, FieldType, ListName,
                             DefaultValue, MaxLength, Access, ShowInSearch))

} // namespace superoffice::erpsync

#endif
