//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_STATE_HPP
#define SO_ERPSYNC_SANDBOX_STATE_HPP

/// @file
/// The sandbox's data: connectors, connections with their ERP actors, field mappings, list
/// mappings and default values, CRM records, links, sync priorities and the engine.
///
/// The same described structs are the seed file format (JSON, read with the library's codec),
/// so a seed can be written by hand or saved from a running sandbox (`emulator::snapshot`).
/// Members left out of a seed keep their defaults.
///
/// Model.
/// - A connector offers configuration fields and, per ERP actor type, a field schema (a list of
///   `erp_sync_field_mapping` rows whose `ErpFieldKey`, display names, type and access describe
///   the ERP field). A new connection copies its connector's schema; `UpdateConnectionFields`
///   copies it again.
/// - A connection's `Mappings` hold, per ERP actor type, the ERP fields (in rank order, each with
///   a sandbox-wide `ErpFieldId`) and which CRM field each maps to, in which direction. A
///   connection with no mapping for an actor type syncs that type's fields by name in both
///   directions (identity mapping).
/// - A CRM record (type + id) that is linked to ERP actors has one internal key id, the id
///   `ForceResync` takes.

#include <superoffice/erpsync/carriers/connector.hpp>
#include <superoffice/erpsync/carriers/mapping.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/enums.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/describe/class.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace superoffice::erpsync::sandbox {

/// A record's fields: field key to value.
using field_values = std::map<std::string, std::string>;

/// A record in the CRM.
struct crm_record {
    /// The type.
    crm_actor_type Type = crm_actor_type::Contact;
    /// The id.
    std::int32_t Id = 0;
    /// Field values, keyed by field key.
    field_values Fields{};
};
BOOST_DESCRIBE_STRUCT(crm_record, (), (Type, Id, Fields))

/// An actor in one ERP connection.
struct erp_actor {
    /// The type.
    erp_actor_type Type = erp_actor_type::Customer;
    /// The key.
    std::string Key{};
    /// Field values, keyed by field key.
    field_values Fields{};
};
BOOST_DESCRIBE_STRUCT(erp_actor, (), (Type, Key, Fields))

/// A registered connector: where it lives and what it offers.
struct connector {
    /// The id.
    std::int32_t Id = 0;
    /// The name shown to users.
    std::string DisplayName{};
    /// The URL the connector answers at.
    std::string URL{};
    /// Whether it is marked deleted.
    bool Deleted = false;
    /// The fields a connection through this connector is configured with.
    std::vector<field_metadata> ConfigFields{};
    /// Per ERP actor type, the fields the ERP offers (rows without CRM side; ids are ignored).
    std::vector<erp_sync_actor_type_mapping> Schema{};
};
BOOST_DESCRIBE_STRUCT(connector, (), (Id, DisplayName, URL, Deleted, ConfigFields, Schema))

/// An ERP connection with its actors, mappings and list mappings.
struct connection {
    /// The id.
    std::int32_t Id = 0;
    /// The name.
    std::string Name{};
    /// Whether it is active (an inactive connection does not sync).
    bool Active = true;
    /// The ERP system's records on this connection.
    std::vector<erp_actor> Actors{};
    /// The connector it goes through.
    std::int32_t ConnectorId = 1;
    /// A description.
    std::string Description{};
    /// Whether it is marked deleted.
    bool Deleted = false;
    /// Synced by `SyncAll` and the engine's runs (`ForceSyncAll` syncs every active connection).
    bool AutoSync = true;
    /// The GUID text the connector knows the connection by (made up when empty).
    std::string ConnectionGuid{};
    /// Configuration values, keyed by field key.
    std::map<std::string, std::string> ConfigFields{};
    /// Whether every user may use it (else the access ids below).
    bool AllAccess = true;
    /// User groups who may use it (when not everyone may).
    std::vector<std::int32_t> UserGroupAccessIds{};
    /// Associates who may use it (when not everyone may).
    std::vector<std::int32_t> AssociateAccessIds{};
    /// The actor type mappings.
    std::vector<erp_sync_actor_type_mapping> Mappings{};
    /// The list value mappings.
    std::vector<erp_connection_list_mapping> ListMappings{};
    /// When it last synced.
    timestamp LastSync{};
    /// The newest change seen.
    std::string MostRecentTimestamp{};
};
BOOST_DESCRIBE_STRUCT(connection, (),
                      (Id, Name, Active, Actors, ConnectorId, Description, Deleted, AutoSync, ConnectionGuid,
                       ConfigFields, AllAccess, UserGroupAccessIds, AssociateAccessIds, Mappings,
                       ListMappings, LastSync, MostRecentTimestamp))

/// A link between a CRM record and an ERP actor of one connection.
struct link {
    /// The ERP connection.
    std::int32_t ConnectionId = 0;
    /// The CRM actor type.
    crm_actor_type CrmType = crm_actor_type::Contact;
    /// The CRM record.
    std::int32_t CrmId = 0;
    /// The ERP actor type.
    erp_actor_type ErpType = erp_actor_type::Customer;
    /// The ERP actor's key.
    std::string ErpKey{};
};
BOOST_DESCRIBE_STRUCT(link, (), (ConnectionId, CrmType, CrmId, ErpType, ErpKey))

/// The sync engine.
struct engine {
    /// Whether the engine runs.
    bool IsRunning = true;
    /// The engine's status text.
    std::string StatusMessage = "Idle";
    /// How often the engine runs.
    time_span Interval{std::chrono::minutes(5)};
    /// Resyncs queued by `ForceResyncBatchTask`, applied on the engine's next run.
    std::vector<force_resync_request> Queue{};
    /// Runs so far.
    std::int32_t Runs = 0;
};
BOOST_DESCRIBE_STRUCT(engine, (), (IsRunning, StatusMessage, Interval, Queue, Runs))

/// Everything the sandbox knows; also the seed file format.
struct seed {
    /// The connections.
    std::vector<connection> Connections{};
    /// The CRM records.
    std::vector<crm_record> CrmRecords{};
    /// The links between CRM records and ERP actors.
    std::vector<link> Links{};
    /// The sync engine's state.
    engine Engine{};
    /// The connectors.
    std::vector<connector> Connectors{};
    /// The default-value rules.
    std::vector<erp_sync_default_value> DefaultValues{};
    /// Connection ids, highest sync priority first; others follow in id order.
    std::vector<std::int32_t> SyncPriorities{};
};
BOOST_DESCRIBE_STRUCT(seed, (),
                      (Connections, CrmRecords, Links, Engine, Connectors, DefaultValues, SyncPriorities))

/// One row of a connector's schema: an ERP field.
inline erp_sync_field_mapping erp_field(std::string key, std::string display,
                                        field_metadata_type type = field_metadata_type::Text,
                                        field_access access = field_access::Normal) {
    erp_sync_field_mapping f;
    f.ErpFieldKey = std::move(key);
    f.ErpDisplayName = std::move(display);
    f.FieldType = type;
    f.Access = access;
    f.ShowInGui = true;
    return f;
}

/// A schema row mapped to the CRM field of the same name, synced both ways.
inline erp_sync_field_mapping mapped(erp_sync_field_mapping f, bool search = false) {
    f.CrmFieldKey = f.ErpFieldKey;
    f.CrmDisplayName = f.ErpDisplayName;
    f.SyncToCrm = f.SyncToErp = true;
    f.AlreadyMapped = true;
    f.ShowInSearch = search;
    return f;
}

/// A small data set: three connectors (one unused), two connections with mappings, three CRM
/// contacts and a person, links, a default value and a list mapping.
seed default_seed();

/// Adds `n` linked customers to `s`, for volume tests (bulk resync): on the connection with id
/// `connection_id`, Customer actors with the keys `K-0` ... `K-<n-1>` (field `name`: `Customer
/// K-<i>`), each linked to a new CRM Contact with id `first_crm_id + i` and the same name. The
/// internal key ids are given by the emulator when it loads the seed.
/// @throws std::invalid_argument when `s` has no connection `connection_id`, when the CRM ids
///   would pass INT32_MAX, or when one of them or one of the keys is already in `s` (nothing is
///   added then).
void add_linked_customers(seed& s, std::size_t n, std::int32_t connection_id = 1,
                          std::int32_t first_crm_id = 100000);

} // namespace superoffice::erpsync::sandbox

#endif
