//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_CONNECTIONS_HPP
#define SO_ERPSYNC_OPS_CONNECTIONS_HPP

/// @file
/// Connections: one ERP system reached through a connector: the operations, each a type in `ops::` (see
/// `operation.hpp`).

#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/ops/operation.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace superoffice::erpsync::ops {

/// `GetAllConnections`: every connection, without its configuration values.
///
/// Sends the request (`all_connections_request`) as the JSON body; answers `std::vector<erp_connection>`.
/// Over SOAP, the agent's `GetAllConnections` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_all_connections`.
struct get_all_connections : operation<all_connections_request, std::vector<erp_connection>,
                                       request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetAllConnections"; ///< The wire name.
    static constexpr std::string_view summary =
        "Every connection, without its configuration values"; ///< One line for help texts.
};

/// `GetConnection`: one connection by id.
///
/// Sends the request (`erp_connection_id_request`) as the JSON body; answers `erp_connection`. Over SOAP,
/// the agent's `GetConnection` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_connection`.
struct get_connection
    : operation<erp_connection_id_request, erp_connection, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetConnection";           ///< The wire name.
    static constexpr std::string_view summary = "One connection by id"; ///< One line for help texts.
};

/// `SaveConnection`: create (id 0) or update a connection; answers it as stored.
///
/// Configuration values travel in `save_connection_request::ConfigFields`, keyed by field key.
///
/// Sends the request (`save_connection_request`) as the JSON body; answers `erp_connection`. Over SOAP,
/// the agent's `SaveConnection` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_save_connection`.
struct save_connection
    : operation<save_connection_request, erp_connection, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "SaveConnection"; ///< The wire name.
    static constexpr std::string_view summary =
        "Create (id 0) or update a connection; answers it as stored"; ///< One line for help texts.
};

/// `DeleteConnection`: delete a connection (marks it deleted).
///
/// The connection is kept, marked deleted: `get_all_connections` lists it when asked to include deleted
/// ones.
///
/// Sends the request (`erp_connection_id_request`) as the JSON body; answers 204 No Content (the
/// completion carries no value). Over SOAP, the agent's `DeleteConnection` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_delete_connection`.
struct delete_connection
    : operation<erp_connection_id_request, void, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "DeleteConnection"; ///< The wire name.
    static constexpr std::string_view summary =
        "Delete a connection (marks it deleted)"; ///< One line for help texts.
};

/// `ToggleErpConnectionActive`: flip a connection's active flag; answers messages from the change.
///
/// Not safe to repeat: a second call flips the flag back.
///
/// Sends the request (`erp_connection_id_request`) as the JSON body; answers `std::vector<std::string>`.
/// Over SOAP, the agent's `ToggleErpConnectionActive` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_toggle_erp_connection_active`.
struct toggle_erp_connection_active : operation<erp_connection_id_request, std::vector<std::string>,
                                                request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "ToggleErpConnectionActive"; ///< The wire name.
    static constexpr std::string_view summary =
        "Flip a connection's active flag; answers messages from the change"; ///< One line for help texts.
};

/// `SaveErpConnectionSyncPriorities`: set the order connections sync in, highest priority first.
///
/// Sends the request (`sync_priorities_request`) as the JSON body; answers `true` or `false`. Over SOAP,
/// the agent's `SaveErpConnectionSyncPriorities` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_save_erp_connection_sync_priorities`.
struct save_erp_connection_sync_priorities
    : operation<sync_priorities_request, bool, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "SaveErpConnectionSyncPriorities"; ///< The wire name.
    static constexpr std::string_view summary =
        "Set the order connections sync in, highest priority first"; ///< One line for help texts.
};

/// `GetErpConnectionConfigFields`: a connection's stored configuration values, keyed by field key.
///
/// Secret values (passwords) are answered as the agent stores them: do not log the result.
///
/// Sends the request (`erp_connection_id_request`) as the JSON body; answers `string_map`. Over SOAP, the
/// agent's `GetErpConnectionConfigFields` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_erp_connection_config_fields`.
struct get_erp_connection_config_fields
    : operation<erp_connection_id_request, string_map, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetErpConnectionConfigFields"; ///< The wire name.
    static constexpr std::string_view summary =
        "A connection's stored configuration values, keyed by field key"; ///< One line for help texts.
};

/// `TestConnectionById`: test a stored connection with its stored configuration.
///
/// Sends the request (`erp_connection_id_request`) as the JSON body; answers `true` or `false`. Over
/// SOAP, the agent's `TestConnectionById` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_test_connection_by_id`.
struct test_connection_by_id
    : operation<erp_connection_id_request, bool, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "TestConnectionById"; ///< The wire name.
    static constexpr std::string_view summary =
        "Test a stored connection with its stored configuration"; ///< One line for help texts.
};

/// `TestConnectionByConfig`: test a connection with configuration values that are not saved.
///
/// Sends the request (`test_connection_config_request`) as the JSON body; answers `true` or `false`. Over
/// SOAP, the agent's `TestConnectionByConfig` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_test_connection_by_config`.
struct test_connection_by_config
    : operation<test_connection_config_request, bool, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "TestConnectionByConfig"; ///< The wire name.
    static constexpr std::string_view summary =
        "Test a connection with configuration values that are not saved"; ///< One line for help texts.
};

/// `UpdateConnectionFields`: refresh a connection's stored actor types and fields from its connector.
///
/// Sends the request (`erp_connection_id_request`) as the JSON body; answers `true` or `false`. Over
/// SOAP, the agent's `UpdateConnectionFields` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_update_connection_fields`.
struct update_connection_fields
    : operation<erp_connection_id_request, bool, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "UpdateConnectionFields"; ///< The wire name.
    static constexpr std::string_view summary =
        "Refresh a connection's stored actor types and fields from its connector"; ///< One line for help
                                                                                   ///< texts.
};

/// `GetErpSyncConnectionSummary`: an overview of a connection's setup.
///
/// Sends the request (`connection_summary_request`) as the JSON body; answers
/// `erp_sync_connection_summary`. Over SOAP, the agent's `GetErpSyncConnectionSummary` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_erp_sync_connection_summary`.
struct get_erp_sync_connection_summary : operation<connection_summary_request, erp_sync_connection_summary,
                                                   request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetErpSyncConnectionSummary"; ///< The wire name.
    static constexpr std::string_view summary =
        "An overview of a connection's setup"; ///< One line for help texts.
};

} // namespace superoffice::erpsync::ops

#endif
