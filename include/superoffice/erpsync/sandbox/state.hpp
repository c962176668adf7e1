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

using field_values = std::map<std::string, std::string>;

/// A record in the CRM.
struct crm_record {
    crm_actor_type Type = crm_actor_type::Contact;
    std::int32_t Id = 0;
    field_values Fields{};
};
BOOST_DESCRIBE_STRUCT(crm_record, (), (Type, Id, Fields))

/// An actor in one ERP connection.
struct erp_actor {
    erp_actor_type Type = erp_actor_type::Customer;
    std::string Key{};
    field_values Fields{};
};
BOOST_DESCRIBE_STRUCT(erp_actor, (), (Type, Key, Fields))

/// A registered connector: where it lives and what it offers.
struct connector {
    std::int32_t Id = 0;
    std::string DisplayName{};
    std::string URL{};
    bool Deleted = false;
    /// The fields a connection through this connector is configured with.
    std::vector<field_metadata> ConfigFields{};
    /// Per ERP actor type, the fields the ERP offers (rows without CRM side; ids are ignored).
    std::vector<erp_sync_actor_type_mapping> Schema{};
};
BOOST_DESCRIBE_STRUCT(connector, (), (Id, DisplayName, URL, Deleted, ConfigFields, Schema))

/// An ERP connection with its actors, mappings and list mappings.
struct connection {
    std::int32_t Id = 0;
    std::string Name{};
    bool Active = true;
    std::vector<erp_actor> Actors{};
    std::int32_t ConnectorId = 1;
    std::string Description{};
    bool Deleted = false;
    /// Synced by `SyncAll` and the engine's runs (`ForceSyncAll` syncs every active connection).
    bool AutoSync = true;
    /// The GUID text the connector knows the connection by (made up when empty).
    std::string ConnectionGuid{};
    std::map<std::string, std::string> ConfigFields{};
    bool AllAccess = true;
    std::vector<std::int32_t> UserGroupAccessIds{};
    std::vector<std::int32_t> AssociateAccessIds{};
    std::vector<erp_sync_actor_type_mapping> Mappings{};
    std::vector<erp_connection_list_mapping> ListMappings{};
    timestamp LastSync{};
    std::string MostRecentTimestamp{};
};
BOOST_DESCRIBE_STRUCT(connection, (),
                      (Id, Name, Active, Actors, ConnectorId, Description, Deleted, AutoSync, ConnectionGuid,
                       ConfigFields, AllAccess, UserGroupAccessIds, AssociateAccessIds, Mappings,
                       ListMappings, LastSync, MostRecentTimestamp))

/// A link between a CRM record and an ERP actor of one connection.
struct link {
    std::int32_t ConnectionId = 0;
    crm_actor_type CrmType = crm_actor_type::Contact;
    std::int32_t CrmId = 0;
    erp_actor_type ErpType = erp_actor_type::Customer;
    std::string ErpKey{};
};
BOOST_DESCRIBE_STRUCT(link, (), (ConnectionId, CrmType, CrmId, ErpType, ErpKey))

/// The sync engine.
struct engine {
    bool IsRunning = true;
    std::string StatusMessage = "Idle";
    time_span Interval{std::chrono::minutes(5)};
    /// Resyncs queued by `ForceResyncBatchTask`, applied on the engine's next run.
    std::vector<force_resync_request> Queue{};
    /// Runs so far.
    std::int32_t Runs = 0;
};
BOOST_DESCRIBE_STRUCT(engine, (), (IsRunning, StatusMessage, Interval, Queue, Runs))

/// Everything the sandbox knows; also the seed file format.
struct seed {
    std::vector<connection> Connections{};
    std::vector<crm_record> CrmRecords{};
    std::vector<link> Links{};
    engine Engine{};
    std::vector<connector> Connectors{};
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
