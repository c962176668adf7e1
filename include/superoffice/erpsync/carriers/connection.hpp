//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_CONNECTION_HPP
#define SO_ERPSYNC_CARRIERS_CONNECTION_HPP

/// @file
/// ERP connections: `ErpConnection`, the per-record `ErpConnectionData` and the
/// `ErpSyncConnectionSummary`.

#include <superoffice/erpsync/carriers/common.hpp>
#include <superoffice/erpsync/carriers/connector.hpp>
#include <superoffice/erpsync/time.hpp>

#include <vector>

namespace superoffice::erpsync {

/// One configured connection from the CRM to an ERP connector.
/// `ErpConnectionId == 0` asks `SaveConnection` to create.
struct erp_connection {
    /// Primary key.
    std::int32_t ErpConnectionId = 0;
    /// The connector this connection goes through.
    std::int32_t ErpConnectorId = 0;
    /// The name shown to users.
    std::string DisplayName{};
    /// A description for display.
    std::string DisplayDescription{};
    /// Whether it is active (an inactive connection does not sync).
    bool Active = false;
    /// The GUID text the connector knows this connection by.
    std::string ConnectionId{};
    /// An opaque ERP-side position marker.
    std::string MostRecentTimestamp{};
    /// Configuration values keyed by the connector's field keys.
    std::map<std::string, std::string> ConfigFields{};
    /// Whether it is marked deleted.
    bool Deleted = false;
    /// Everybody may use the connection; otherwise the two id lists say who.
    bool AllAccess = false;
    /// User groups who may use it (when not everyone may).
    std::vector<std::int32_t> UserGroupAccessIds{};
    /// Associates who may use it (when not everyone may).
    std::vector<std::int32_t> AssociateAccessIds{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_connection, ErpConnection,
                            (ErpConnectionId, ErpConnectorId, DisplayName, DisplayDescription, Active,
                             ConnectionId, MostRecentTimestamp, ConfigFields, Deleted, AllAccess,
                             UserGroupAccessIds, AssociateAccessIds))

/// A connection's sync state and display fields for one CRM record.
struct erp_connection_data {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The connection's name.
    std::string ConnectionName{};
    /// The record is linked to an ERP actor on this connection.
    bool Connected = false;
    /// The ERP actor's display fields.
    std::vector<field_metadata> ErpFields{};
    /// The CRM actor type (Contact, Person, Project, ...).
    open_enum<crm_actor_type> CrmActorType = crm_actor_type::Unknown;
    /// The ERP actor type (Customer, Supplier, ...).
    open_enum<erp_actor_type> ErpActorType = erp_actor_type::Unknown;
    /// The ERP actor types the record could be linked as.
    std::vector<open_enum<erp_actor_type>> ErpActorTypes{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_connection_data, ErpConnectionData,
                            (ErpConnectionId, ConnectionName, Connected, ErpFields, CrmActorType,
                             ErpActorType, ErpActorTypes))

/// The per-actor-type part of a connection summary.
struct erp_sync_actor_summary {
    /// The ERP actor type.
    open_enum<erp_actor_type> ActorType = erp_actor_type::Unknown;
    /// Whether the actor type has field mappings.
    bool HasMappings = false;
    /// Human-readable descriptions of the default values and the mappings.
    std::string Defaults{};
    /// A summary of the field mappings, as text.
    std::string Mappings{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_actor_summary, ErpSyncActorSummary,
                            (ActorType, HasMappings, Defaults, Mappings))

/// An overview of one connection's setup.
struct erp_sync_connection_summary {
    /// The name shown to users.
    std::string DisplayName{};
    /// A description for display.
    std::string DisplayDescription{};
    /// Whether it is active (an inactive connection does not sync).
    bool Active = false;
    /// Whether it is marked deleted.
    bool Deleted = false;
    /// When it last synced.
    timestamp LastSync{};
    /// Each ERP actor type of the connection, with its mapping state.
    std::vector<erp_sync_actor_summary> Actors{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_connection_summary, ErpSyncConnectionSummary,
                            (DisplayName, DisplayDescription, Active, Deleted, LastSync, Actors))

} // namespace superoffice::erpsync

#endif
