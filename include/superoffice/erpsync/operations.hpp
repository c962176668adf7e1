//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPERATIONS_HPP
#define SO_ERPSYNC_OPERATIONS_HPP

/// @file
/// The ErpSync operations, each described once.
///
/// `SO_ERPSYNC_OPERATIONS(X)` is the single list: one line per operation with
/// (C++ name, wire name, how the request travels, request, response, safe to retry, summary).
/// From it come the description types in `ops::`, the type list `ops::all` that the sandbox's
/// dispatch table, the command-line program and the tests iterate over, and the client's named
/// members `async_<name>`. Adding an operation is one line here, its carriers, and its sandbox
/// behaviour.
///
/// How the request travels: `body` (the request serialized as the JSON body; a carrier used as
/// the request, as in `SaveErpSyncConnectorEntity`, is the body itself), `query` (each member a
/// query parameter: `?name=value`), `none` (nothing; the request type is `no_request`). Every
/// operation is an HTTP POST to `{base}/api/v1/Agents/ErpSync/{WireName}`.
///
/// Response types: a carrier, `bool`, an enum (`open_enum<crm_actor_type>`,
/// `open_enum<erp_sync_response_code>`: a name this version does not know is kept, see open_enum.hpp),
/// `std::vector<T>` (a top-level array), `std::map<std::string, std::string>` (an object keyed by
/// field id), or `void` (204 No Content, which accepts an empty body or `null`). A `null` answer is
/// an empty container for arrays and maps and `error::null_response` otherwise.
///
/// "Safe to retry" marks operations whose repetition leaves the same state (reads, tests, resyncs,
/// which converge, and settings written whole). The client only replays a request transparently
/// (e.g. after a stale keep-alive connection was reset) when its operation is marked so.

#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/connector.hpp>
#include <superoffice/erpsync/carriers/engine_status.hpp>
#include <superoffice/erpsync/carriers/field_value.hpp>
#include <superoffice/erpsync/carriers/mapping.hpp>
#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace superoffice::erpsync {

/// How an operation's request travels.
enum class request_kind {
    /// The request is the JSON body.
    body,
    /// Each member of the request is a query parameter.
    query,
    /// Nothing is sent (`no_request`).
    none,
};

/// The result of `GetErpConnectionConfigFields`: configuration values keyed by field key.
using string_map = std::map<std::string, std::string>;

// clang-format off
/// The operation list: (C++ name, wire name, request kind, request, response, safe to retry, summary).
#define SO_ERPSYNC_OPERATIONS(X)                                                                                      \
    /* --- links between CRM records and ERP actors --- */                                                            \
    X(break_actor_link, BreakActorLink, body, break_actor_link_request, bool, false,                                  \
      "Unlink a CRM record from its ERP actor on one connection; true when a link was removed")                       \
    X(connect_actor, ConnectActor, body, connect_actor_request, void, false,                                          \
      "Link a CRM record and an ERP actor (created when the key is new) and apply field values")                      \
    X(try_connect_actor, TryConnectActor, body, connect_actor_request, bool, false,                                   \
      "As ConnectActor, answering false instead of failing when the link cannot be made")                             \
    X(create_actor_link, CreateActorLink, body, create_actor_link_request, bool, false,                               \
      "Link an existing CRM record to an existing ERP actor")                                                         \
    X(create_erp_actor_from_crm, CreateErpActorFromCrm, body, create_erp_actor_from_crm_request, bool, false,         \
      "Create an ERP actor from a CRM record, with extra ERP field values, and link the two")                         \
    X(get_connections_and_display_fields, GetConnectionsAndDisplayFields, body, crm_entity_request,                   \
      std::vector<erp_connection_data>, true,                                                                         \
      "Every connection's link state and display fields for one CRM record")                                          \
    X(supports_advanced_search, SupportsAdvancedSearch, body, erp_actor_type_request, bool, true,                     \
      "Whether a connection offers advanced search for an ERP actor type")                                            \
    /* --- field values --- */                                                                                        \
    X(get_field_values_from_crm, GetFieldValuesFromCrm, body, crm_field_values_request,                               \
      std::vector<erp_sync_field_value>, true, "The syncable field values of a CRM record")                           \
    X(get_field_values_from_erp, GetFieldValuesFromErp, body, erp_actor_field_values_request,                         \
      std::vector<erp_sync_field_value>, true, "The syncable field values of an ERP actor")                           \
    X(get_erp_field_values, GetErpFieldValues, body, erp_field_values_request, std::vector<std::string>, true,        \
      "Chosen field values of the ERP actor a CRM record is linked to, in the order asked")                           \
    X(get_fields_for_new_erp_actor, GetFieldsForNewErpActor, body, erp_actor_type_request,                            \
      std::vector<field_metadata>, true, "The fields needed to create an ERP actor of a type")                        \
    /* --- resync and sync --- */                                                                                     \
    X(force_resync, ForceResync, body, force_resync_request, plugin_response, true,                                   \
      "Resync records by internal key id, from the CRM (connection 0) or from one connection")                        \
    X(force_resync_no_blank_values, ForceResyncNoBlankValues, body, force_resync_request, plugin_response, true,      \
      "As ForceResync, where blank values never overwrite non-blank ones")                                            \
    X(force_resync_external, ForceResyncExternal, body, force_resync_external_request, plugin_response, true,         \
      "Resync records identified by their ERP keys")                                                                  \
    X(force_resync_external_no_blank_values, ForceResyncExternalNoBlankValues, body,                                  \
      force_resync_external_request, plugin_response, true,                                                           \
      "As ForceResyncExternal, where blank values never overwrite non-blank ones")                                    \
    X(force_resync_batch_task, ForceResyncBatchTask, body, force_resync_request, void, true,                          \
      "Queue a ForceResync for the engine's next run (204 No Content)")                                               \
    X(sync_all, SyncAll, none, no_request, plugin_response, true,                                                     \
      "Sync every active connection that has automatic sync on")                                                      \
    X(force_sync_all, ForceSyncAll, none, no_request, plugin_response, true,                                          \
      "Sync every active connection, even those with automatic sync off")                                             \
    /* --- the engine --- */                                                                                          \
    X(get_engine_status, GetEngineStatus, none, no_request, erp_sync_engine_status, true,                             \
      "The sync engine's state")                                                                                      \
    X(change_engine_status, ChangeEngineStatus, body, engine_run_request, erp_sync_engine_status, true,               \
      "Start or stop the sync engine; answers its new state")                                                         \
    X(change_engine_interval, ChangeEngineInterval, body, engine_interval_request, void, true,                        \
      "Set how often the sync engine runs")                                                                           \
    /* --- connectors --- */                                                                                          \
    X(get_all_connectors, GetAllConnectors, none, no_request, std::vector<list_item>, true,                           \
      "Every registered connector, as id and name")                                                                   \
    X(create_default_erp_sync_connector_entity, CreateDefaultErpSyncConnectorEntity, none, no_request,                \
      erp_sync_connector_entity, true, "A new, unsaved connector entity with the server's defaults")                  \
    X(get_erp_sync_connector_entity, GetErpSyncConnectorEntity, query, get_connector_entity_request,                  \
      erp_sync_connector_entity, true, "One connector entity by id")                                                  \
    X(save_erp_sync_connector_entity, SaveErpSyncConnectorEntity, body, erp_sync_connector_entity,                    \
      erp_sync_connector_entity, false, "Create (id 0) or update a connector entity; answers it as stored")           \
    X(can_delete_erp_sync_connector_entity, CanDeleteErpSyncConnectorEntity, body, connector_id_request,              \
      open_enum<erp_sync_response_code>, true,                                                                        \
      "Whether a connector may be deleted (not while connections use it)")                                            \
    X(delete_erp_sync_connector_entity, DeleteErpSyncConnectorEntity, query, delete_connector_entity_request,         \
      void, false, "Delete a connector entity")                                                                       \
    X(get_configuration_fields, GetConfigurationFields, body, connector_fields_request,                               \
      std::vector<field_metadata>, true, "The fields needed to configure a connection through a connector")           \
    X(test_connector_url, TestConnectorUrl, body, connector_url_request, open_enum<erp_sync_response_code>, true,     \
      "Whether a connector answers at a URL")                                                                         \
    /* --- connections --- */                                                                                         \
    X(get_all_connections, GetAllConnections, body, all_connections_request, std::vector<erp_connection>, true,       \
      "Every connection, without its configuration values")                                                           \
    X(get_connection, GetConnection, body, erp_connection_id_request, erp_connection, true,                           \
      "One connection by id")                                                                                         \
    X(save_connection, SaveConnection, body, save_connection_request, erp_connection, false,                          \
      "Create (id 0) or update a connection; answers it as stored")                                                   \
    X(delete_connection, DeleteConnection, body, erp_connection_id_request, void, false,                              \
      "Delete a connection (marks it deleted)")                                                                       \
    X(toggle_erp_connection_active, ToggleErpConnectionActive, body, erp_connection_id_request,                       \
      std::vector<std::string>, false, "Flip a connection's active flag; answers messages from the change")           \
    X(save_erp_connection_sync_priorities, SaveErpConnectionSyncPriorities, body, sync_priorities_request, bool,      \
      true, "Set the order connections sync in, highest priority first")                                              \
    X(get_erp_connection_config_fields, GetErpConnectionConfigFields, body, erp_connection_id_request, string_map,    \
      true, "A connection's stored configuration values, keyed by field key")                                         \
    X(test_connection_by_id, TestConnectionById, body, erp_connection_id_request, bool, true,                         \
      "Test a stored connection with its stored configuration")                                                       \
    X(test_connection_by_config, TestConnectionByConfig, body, test_connection_config_request, bool, true,            \
      "Test a connection with configuration values that are not saved")                                               \
    X(update_connection_fields, UpdateConnectionFields, body, erp_connection_id_request, bool, true,                  \
      "Refresh a connection's stored actor types and fields from its connector")                                      \
    X(get_erp_sync_connection_summary, GetErpSyncConnectionSummary, body, connection_summary_request,                 \
      erp_sync_connection_summary, true, "An overview of a connection's setup")                                       \
    /* --- mappings --- */                                                                                            \
    X(get_crm_actor_type, GetCrmActorType, body, erp_actor_type_request, open_enum<crm_actor_type>, true,             \
      "The CRM actor type an ERP actor type is mapped to on a connection")                                            \
    X(get_actor_type_mapping, GetActorTypeMapping, body, actor_type_mapping_request, erp_sync_actor_type_mapping,     \
      true, "The field mappings of a connection and ERP actor type")                                                  \
    X(save_actor_type_mapping, SaveActorTypeMapping, body, save_actor_type_mapping_request,                           \
      erp_sync_actor_type_mapping, true, "Store the field mappings of a connection and ERP actor type")               \
    X(move_erp_field_item, MoveErpFieldItem, body, move_erp_field_request, void, false,                               \
      "Move an ERP field up (negative direction) or down in rank")                                                    \
    X(get_connection_list_mappings, GetConnectionListMappings, body, erp_connection_id_request,                       \
      erp_connection_list_mapping_container, true, "A connection's ERP list to CRM list value mappings")              \
    X(save_connection_list_mappings, SaveConnectionListMappings, body, save_list_mappings_request,                    \
      erp_connection_list_mapping_container, true, "Store a connection's list value mappings")                        \
    X(get_default_value_info, GetDefaultValueInfo, body, erp_field_id_request, erp_sync_default_value, true,          \
      "The default-value rules of an ERP field")                                                                      \
    X(save_default_value_info, SaveDefaultValueInfo, body, save_default_value_request, erp_sync_default_value,        \
      true, "Store the default-value rules of an ERP field")                                                          \
    X(validate_archive_column_config, ValidateArchiveColumnConfig, body, archive_column_config_request, void, true,   \
      "Reset saved archive column sizes of a list after its mappings changed")
// clang-format on

/// Operation descriptions.
namespace ops {

#define SO_ERPSYNC_DETAIL_DEFINE_OP(id, wire, kind, req, resp, retry, text)                                  \
    /** text */                                                                                              \
    struct id {                                                                                              \
        /** The wire name: the last segment of the path and the SOAP action. */                              \
        static constexpr std::string_view name = #wire;                                                      \
        /** One line on what the operation does (for help texts). */                                         \
        static constexpr std::string_view summary = text;                                                    \
        static constexpr request_kind request_travels = request_kind::kind;                                  \
        using request_type = req;                                                                            \
        using response_type = resp;                                                                          \
        static constexpr bool retry_safe = retry;                                                            \
        static constexpr bool has_body = request_travels == request_kind::body;                              \
        static_assert((request_travels == request_kind::none) == std::is_same_v<req, no_request>,            \
                      "operations without a request use no_request, and only they");                         \
    };
SO_ERPSYNC_OPERATIONS(SO_ERPSYNC_DETAIL_DEFINE_OP)
#undef SO_ERPSYNC_DETAIL_DEFINE_OP

#define SO_ERPSYNC_DETAIL_LIST_OP(id, ...) , id
/// Every operation, in list order.
using all =
    boost::mp11::mp_pop_front<boost::mp11::mp_list<void SO_ERPSYNC_OPERATIONS(SO_ERPSYNC_DETAIL_LIST_OP)>>;
#undef SO_ERPSYNC_DETAIL_LIST_OP

} // namespace ops

/// The request carrier of operation `Op`.
template <class Op>
using request_t = typename Op::request_type;
/// The result type of operation `Op` (`void` for 204 operations).
template <class Op>
using response_t = typename Op::response_type;

} // namespace superoffice::erpsync

#endif
