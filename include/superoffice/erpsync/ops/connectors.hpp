//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_CONNECTORS_HPP
#define SO_ERPSYNC_OPS_CONNECTORS_HPP

/// @file
/// Connectors: the ERP plug-ins the agent talks to: the operations, each a type in `ops::` (see
/// `operation.hpp`).

#include <superoffice/erpsync/carriers/common.hpp>
#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/connector.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/open_enum.hpp>
#include <superoffice/erpsync/ops/operation.hpp>

#include <string_view>
#include <vector>

namespace superoffice::erpsync::ops {

/// `GetAllConnectors`: every registered connector, as id and name.
///
/// Sends no request; answers `std::vector<list_item>`. Over SOAP, the agent's `GetAllConnectors` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_all_connectors`.
struct get_all_connectors
    : operation<no_request, std::vector<list_item>, request_kind::none, retry_safety::safe> {
    static constexpr std::string_view name = "GetAllConnectors"; ///< The wire name.
    static constexpr std::string_view summary =
        "Every registered connector, as id and name"; ///< One line for help texts.
};

/// `CreateDefaultErpSyncConnectorEntity`: a new, unsaved connector entity with the server's defaults.
///
/// Sends no request; answers `erp_sync_connector_entity`. Over SOAP, the agent's
/// `CreateDefaultErpSyncConnectorEntity` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_create_default_erp_sync_connector_entity`.
struct create_default_erp_sync_connector_entity
    : operation<no_request, erp_sync_connector_entity, request_kind::none, retry_safety::safe> {
    static constexpr std::string_view name = "CreateDefaultErpSyncConnectorEntity"; ///< The wire name.
    static constexpr std::string_view summary =
        "A new, unsaved connector entity with the server's defaults"; ///< One line for help texts.
};

/// `GetErpSyncConnectorEntity`: one connector entity by id.
///
/// Sends the request's members (`get_connector_entity_request`) as query parameters; answers
/// `erp_sync_connector_entity`. Over SOAP, the agent's `GetErpSyncConnectorEntity` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_erp_sync_connector_entity`.
struct get_erp_sync_connector_entity : operation<get_connector_entity_request, erp_sync_connector_entity,
                                                 request_kind::query, retry_safety::safe> {
    static constexpr std::string_view name = "GetErpSyncConnectorEntity";     ///< The wire name.
    static constexpr std::string_view summary = "One connector entity by id"; ///< One line for help texts.
};

/// `SaveErpSyncConnectorEntity`: create (id 0) or update a connector entity; answers it as stored.
///
/// The request is the carrier itself, sent whole; the answer is the entity as stored (with its new id
/// after a create).
///
/// Sends the request (`erp_sync_connector_entity`) as the JSON body; answers `erp_sync_connector_entity`.
/// Over SOAP, the agent's `SaveErpSyncConnectorEntity` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_save_erp_sync_connector_entity`.
struct save_erp_sync_connector_entity : operation<erp_sync_connector_entity, erp_sync_connector_entity,
                                                  request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "SaveErpSyncConnectorEntity"; ///< The wire name.
    static constexpr std::string_view summary =
        "Create (id 0) or update a connector entity; answers it as stored"; ///< One line for help texts.
};

/// `CanDeleteErpSyncConnectorEntity`: whether a connector may be deleted (not while connections use it).
///
/// Answers `erp_sync_response_code::OK` or a code saying why not; a code this version does not know is
/// kept (`open_enum`).
///
/// Sends the request (`connector_id_request`) as the JSON body; answers
/// `open_enum<erp_sync_response_code>`. Over SOAP, the agent's `CanDeleteErpSyncConnectorEntity` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_can_delete_erp_sync_connector_entity`.
struct can_delete_erp_sync_connector_entity
    : operation<connector_id_request, open_enum<erp_sync_response_code>, request_kind::body,
                retry_safety::safe> {
    static constexpr std::string_view name = "CanDeleteErpSyncConnectorEntity"; ///< The wire name.
    static constexpr std::string_view summary =
        "Whether a connector may be deleted (not while connections use it)"; ///< One line for help texts.
};

/// `DeleteErpSyncConnectorEntity`: delete a connector entity.
///
/// Ask `can_delete_erp_sync_connector_entity` first: a connector still used by connections cannot be
/// deleted.
///
/// Sends the request's members (`delete_connector_entity_request`) as query parameters; answers 204 No
/// Content (the completion carries no value). Over SOAP, the agent's `DeleteErpSyncConnectorEntity`
/// action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_delete_erp_sync_connector_entity`.
struct delete_erp_sync_connector_entity
    : operation<delete_connector_entity_request, void, request_kind::query, retry_safety::unsafe> {
    static constexpr std::string_view name = "DeleteErpSyncConnectorEntity"; ///< The wire name.
    static constexpr std::string_view summary = "Delete a connector entity"; ///< One line for help texts.
};

/// `GetConfigurationFields`: the fields needed to configure a connection through a connector.
///
/// Sends the request (`connector_fields_request`) as the JSON body; answers
/// `std::vector<field_metadata>`. Over SOAP, the agent's `GetConfigurationFields` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_configuration_fields`.
struct get_configuration_fields : operation<connector_fields_request, std::vector<field_metadata>,
                                            request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetConfigurationFields"; ///< The wire name.
    static constexpr std::string_view summary =
        "The fields needed to configure a connection through a connector"; ///< One line for help texts.
};

/// `TestConnectorUrl`: whether a connector answers at a URL.
///
/// Answers `erp_sync_response_code::OK` or a code saying why not; a code this version does not know is
/// kept (`open_enum`).
///
/// Sends the request (`connector_url_request`) as the JSON body; answers
/// `open_enum<erp_sync_response_code>`. Over SOAP, the agent's `TestConnectorUrl` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_test_connector_url`.
struct test_connector_url : operation<connector_url_request, open_enum<erp_sync_response_code>,
                                      request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "TestConnectorUrl"; ///< The wire name.
    static constexpr std::string_view summary =
        "Whether a connector answers at a URL"; ///< One line for help texts.
};

} // namespace superoffice::erpsync::ops

#endif
