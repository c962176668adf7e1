//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_REQUESTS_HPP
#define SO_ERPSYNC_CARRIERS_REQUESTS_HPP

/// @file
/// The parameters of the ErpSync operations: one struct per distinct parameter list, its members
/// named and ordered as on the wire. Operations with the same parameters share a struct (see the
/// operation list in `operations.hpp`). A request is sent as the JSON body (`body` operations) or
/// as query parameters (`query` operations); `no_request` means nothing is sent.

#include <superoffice/erpsync/carriers/common.hpp>
#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/field_value.hpp>
#include <superoffice/erpsync/carriers/mapping.hpp>
#include <superoffice/erpsync/time.hpp>

#include <map>
#include <vector>

namespace superoffice::erpsync {

/// The request of operations that send nothing.
struct no_request {};
SO_ERPSYNC_DESCRIBE(no_request, None, ())

/// One connection by id.
struct erp_connection_id_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
};
SO_ERPSYNC_DESCRIBE(erp_connection_id_request, ErpConnectionIdRequest, (ErpConnectionId))

/// One connection and an ERP actor type.
struct erp_actor_type_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The ERP actor type (Customer, Supplier, ...).
    open_enum<erp_actor_type> ErpActorType = erp_actor_type::Unknown;
};
SO_ERPSYNC_DESCRIBE(erp_actor_type_request, ErpActorTypeRequest, (ErpConnectionId, ErpActorType))

/// `ForceResync`, `ForceResyncNoBlankValues`, `ForceResyncBatchTask`: records by internal key id.
struct force_resync_request {
    /// The connection to resync from (0: from the CRM).
    std::int32_t ErpConnectionId = 0;
    /// The records' internal key ids.
    std::vector<std::int32_t> InternalKeyIds{};
};
SO_ERPSYNC_DESCRIBE(force_resync_request, ForceResyncRequest, (ErpConnectionId, InternalKeyIds))

/// `ForceResyncExternal` and `ForceResyncExternalNoBlankValues`: records by ERP key.
struct force_resync_external_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The ERP actor type (Customer, Supplier, ...).
    open_enum<erp_actor_type> ErpActorType = erp_actor_type::Unknown;
    /// The records' keys in the ERP system.
    std::vector<std::string> ExternalKeys{};
};
SO_ERPSYNC_DESCRIBE(force_resync_external_request, ForceResyncExternalRequest,
                    (ErpConnectionId, ErpActorType, ExternalKeys))

/// `ConnectActor` and `TryConnectActor`: link a CRM record to an ERP actor and apply field values.
struct connect_actor_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The CRM record.
    std::int32_t CrmRecordId = 0;
    /// The CRM actor type (Contact, Person, Project, ...).
    open_enum<crm_actor_type> CrmActorType = crm_actor_type::Unknown;
    /// The ERP actor's key.
    std::string ErpKey{};
    /// The ERP actor type (Customer, Supplier, ...).
    open_enum<erp_actor_type> ErpActorType = erp_actor_type::Unknown;
    /// Field values to apply.
    std::vector<erp_sync_field_value> FieldValues{};
};
SO_ERPSYNC_DESCRIBE(connect_actor_request, ConnectActorRequest,
                    (ErpConnectionId, CrmRecordId, CrmActorType, ErpKey, ErpActorType, FieldValues))

/// `CreateActorLink`: link an existing CRM record to an existing ERP actor.
struct create_actor_link_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The CRM record.
    std::int32_t CrmRecordId = 0;
    /// The CRM actor type (Contact, Person, Project, ...).
    open_enum<crm_actor_type> CrmActorType = crm_actor_type::Unknown;
    /// The ERP actor's key.
    std::string ErpKey{};
    /// The ERP actor type (Customer, Supplier, ...).
    open_enum<erp_actor_type> ErpActorType = erp_actor_type::Unknown;
};
SO_ERPSYNC_DESCRIBE(create_actor_link_request, CreateActorLinkRequest,
                    (ErpConnectionId, CrmRecordId, CrmActorType, ErpKey, ErpActorType))

/// `BreakActorLink`: unlink a CRM record on one connection.
struct break_actor_link_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The CRM record.
    std::int32_t CrmRecordId = 0;
    /// The CRM actor type (Contact, Person, Project, ...).
    open_enum<crm_actor_type> CrmActorType = crm_actor_type::Unknown;
};
SO_ERPSYNC_DESCRIBE(break_actor_link_request, BreakActorLinkRequest,
                    (ErpConnectionId, CrmRecordId, CrmActorType))

/// `CreateErpActorFromCrm`: create an ERP actor from a CRM record, with extra ERP field values.
struct create_erp_actor_from_crm_request {
    /// The ERP connection.
    std::int32_t ConnectionId = 0;
    /// The CRM record.
    std::int32_t CrmEntityId = 0;
    /// The ERP actor type (Customer, Supplier, ...).
    open_enum<erp_actor_type> ErpActorType = erp_actor_type::Unknown;
    /// The CRM actor type (Contact, Person, Project, ...).
    open_enum<crm_actor_type> CrmActorType = crm_actor_type::Unknown;
    /// ERP field key -> value.
    std::map<std::string, std::string> ErpFieldKeyValues{};
};
SO_ERPSYNC_DESCRIBE(create_erp_actor_from_crm_request, CreateErpActorFromCrmRequest,
                    (ConnectionId, CrmEntityId, ErpActorType, CrmActorType, ErpFieldKeyValues))

/// `CanDeleteErpSyncConnectorEntity`.
struct connector_id_request {
    /// The connector.
    std::int32_t ErpSyncConnectorId = 0;
};
SO_ERPSYNC_DESCRIBE(connector_id_request, ConnectorIdRequest, (ErpSyncConnectorId))

/// `GetErpSyncConnectorEntity` (a query parameter, lower camel case as documented).
struct get_connector_entity_request {
    /// The connector entity (the query parameter is lower camel case).
    std::int32_t erpSyncConnectorEntityId = 0;
};
SO_ERPSYNC_DESCRIBE(get_connector_entity_request, GetConnectorEntityRequest, (erpSyncConnectorEntityId))

/// `DeleteErpSyncConnectorEntity` (a query parameter).
struct delete_connector_entity_request {
    /// The connector entity.
    std::int32_t ErpSyncConnectorEntityId = 0;
};
SO_ERPSYNC_DESCRIBE(delete_connector_entity_request, DeleteConnectorEntityRequest, (ErpSyncConnectorEntityId))

/// `GetConfigurationFields`: the configuration fields of a connector.
struct connector_fields_request {
    /// The connector.
    std::int32_t ErpConnectorId = 0;
};
SO_ERPSYNC_DESCRIBE(connector_fields_request, ConnectorFieldsRequest, (ErpConnectorId))

/// `TestConnectorUrl`.
struct connector_url_request {
    /// The URL to test.
    std::string Url{};
};
SO_ERPSYNC_DESCRIBE(connector_url_request, ConnectorUrlRequest, (Url))

/// `ChangeEngineInterval`.
struct engine_interval_request {
    /// Written in the value's own style: `00:05:00` by default, `PT5M` for an ISO 8601 value.
    time_span Interval{};
};
SO_ERPSYNC_DESCRIBE(engine_interval_request, EngineIntervalRequest, (Interval))

/// `ChangeEngineStatus`: start (`true`) or stop the engine.
struct engine_run_request {
    /// `true` starts the engine, `false` stops it.
    bool Run = false;
};
SO_ERPSYNC_DESCRIBE(engine_run_request, EngineRunRequest, (Run))

/// `GetActorTypeMapping`.
struct actor_type_mapping_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The ERP actor type.
    open_enum<erp_actor_type> ActorType = erp_actor_type::Unknown;
};
SO_ERPSYNC_DESCRIBE(actor_type_mapping_request, ActorTypeMappingRequest, (ErpConnectionId, ActorType))

/// `GetAllConnections`.
struct all_connections_request {
    /// Whether deleted connections are listed too.
    bool IncludeDeleted = false;
};
SO_ERPSYNC_DESCRIBE(all_connections_request, AllConnectionsRequest, (IncludeDeleted))

/// `GetConnectionsAndDisplayFields`: one CRM record.
struct crm_entity_request {
    /// The CRM actor type (Contact, Person, Project, ...).
    open_enum<crm_actor_type> CrmActorType = crm_actor_type::Unknown;
    /// The CRM record.
    std::int32_t EntityId = 0;
};
SO_ERPSYNC_DESCRIBE(crm_entity_request, CrmEntityRequest, (CrmActorType, EntityId))

/// `GetDefaultValueInfo`.
struct erp_field_id_request {
    /// The ERP field.
    std::int32_t ErpFieldId = 0;
};
SO_ERPSYNC_DESCRIBE(erp_field_id_request, ErpFieldIdRequest, (ErpFieldId))

/// `GetErpFieldValues`: chosen ERP field values of the actor a CRM record is linked to.
struct erp_field_values_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The CRM actor type (Contact, Person, Project, ...).
    open_enum<crm_actor_type> CrmActorType = crm_actor_type::Unknown;
    /// The CRM record.
    std::int32_t EntityId = 0;
    /// The ERP fields wanted, in the order of the answer.
    std::vector<std::string> FieldKeys{};
};
SO_ERPSYNC_DESCRIBE(erp_field_values_request, ErpFieldValuesRequest,
                    (ErpConnectionId, CrmActorType, EntityId, FieldKeys))

/// `GetErpSyncConnectionSummary`.
struct connection_summary_request {
    /// The ERP connection.
    std::int32_t ErpSyncConnectionId = 0;
};
SO_ERPSYNC_DESCRIBE(connection_summary_request, ConnectionSummaryRequest, (ErpSyncConnectionId))

/// `GetFieldValuesFromCrm`.
struct crm_field_values_request {
    /// The record.
    std::int32_t RecordId = 0;
    /// The CRM actor type.
    open_enum<crm_actor_type> ActorTypeCrm = crm_actor_type::Unknown;
};
SO_ERPSYNC_DESCRIBE(crm_field_values_request, CrmFieldValuesRequest, (RecordId, ActorTypeCrm))

/// `GetFieldValuesFromErp`.
struct erp_actor_field_values_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The ERP actor type.
    open_enum<erp_actor_type> ActorTypeErp = erp_actor_type::Unknown;
    /// The ERP actor's key.
    std::string ErpKey{};
};
SO_ERPSYNC_DESCRIBE(erp_actor_field_values_request, ErpActorFieldValuesRequest,
                    (ErpConnectionId, ActorTypeErp, ErpKey))

/// `MoveErpFieldItem`: move an ERP field up (negative `Direction`) or down in rank.
struct move_erp_field_request {
    /// The ERP field.
    std::int32_t ErpFieldId = 0;
    /// Negative: up in rank; positive: down.
    std::int32_t Direction = 0;
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The ERP actor type (Customer, Supplier, ...).
    open_enum<erp_actor_type> ErpActorType = erp_actor_type::Unknown;
};
SO_ERPSYNC_DESCRIBE(move_erp_field_request, MoveErpFieldRequest,
                    (ErpFieldId, Direction, ErpConnectionId, ErpActorType))

/// `SaveActorTypeMapping`.
struct save_actor_type_mapping_request {
    /// The mapping to store.
    erp_sync_actor_type_mapping Mapping{};
};
SO_ERPSYNC_DESCRIBE(save_actor_type_mapping_request, SaveActorTypeMappingRequest, (Mapping))

/// `SaveConnection`.
struct save_connection_request {
    /// The connection to store (id 0 creates one).
    erp_connection Connection{};
};
SO_ERPSYNC_DESCRIBE(save_connection_request, SaveConnectionRequest, (Connection))

/// `SaveConnectionListMappings`.
struct save_list_mappings_request {
    /// The list mappings to store.
    erp_connection_list_mapping_container ListMapping{};
};
SO_ERPSYNC_DESCRIBE(save_list_mappings_request, SaveListMappingsRequest, (ListMapping))

/// `SaveDefaultValueInfo`.
struct save_default_value_request {
    /// The default-value rules to store.
    erp_sync_default_value ErpSyncDefaultValue{};
};
SO_ERPSYNC_DESCRIBE(save_default_value_request, SaveDefaultValueRequest, (ErpSyncDefaultValue))

/// `SaveErpConnectionSyncPriorities`: connection ids, highest priority first.
struct sync_priorities_request {
    /// Connection ids, highest priority first.
    std::vector<std::int32_t> ErpConnectionIds{};
};
SO_ERPSYNC_DESCRIBE(sync_priorities_request, SyncPrioritiesRequest, (ErpConnectionIds))

/// `TestConnectionByConfig`: test a connection with configuration values not yet saved.
struct test_connection_config_request {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// Configuration values, keyed by field key.
    std::map<std::string, std::string> ConfigFields{};
};
SO_ERPSYNC_DESCRIBE(test_connection_config_request, TestConnectionConfigRequest,
                    (ErpConnectionId, ConfigFields))

/// `ValidateArchiveColumnConfig`.
struct archive_column_config_request {
    /// The list whose archive columns are reset.
    std::string ListOwner{};
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
};
SO_ERPSYNC_DESCRIBE(archive_column_config_request, ArchiveColumnConfigRequest, (ListOwner, ErpConnectionId))

} // namespace superoffice::erpsync

#endif
