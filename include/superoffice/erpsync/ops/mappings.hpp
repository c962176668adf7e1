//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_MAPPINGS_HPP
#define SO_ERPSYNC_OPS_MAPPINGS_HPP

/// @file
/// Mappings between ERP and CRM actor types, fields and list values: the operations, each a type in `ops::`
/// (see `operation.hpp`).

#include <superoffice/erpsync/carriers/mapping.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/open_enum.hpp>
#include <superoffice/erpsync/ops/operation.hpp>

#include <string_view>

namespace superoffice::erpsync::ops {

/// `GetCrmActorType`: the CRM actor type an ERP actor type is mapped to on a connection.
///
/// A CRM actor type this version does not know is kept (`open_enum`).
///
/// Sends the request (`erp_actor_type_request`) as the JSON body; answers `open_enum<crm_actor_type>`.
/// Over SOAP, the agent's `GetCrmActorType` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_crm_actor_type`.
struct get_crm_actor_type
    : operation<erp_actor_type_request, open_enum<crm_actor_type>, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetCrmActorType"; ///< The wire name.
    static constexpr std::string_view summary =
        "The CRM actor type an ERP actor type is mapped to on a connection"; ///< One line for help texts.
};

/// `GetActorTypeMapping`: the field mappings of a connection and ERP actor type.
///
/// Sends the request (`actor_type_mapping_request`) as the JSON body; answers
/// `erp_sync_actor_type_mapping`. Over SOAP, the agent's `GetActorTypeMapping` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_actor_type_mapping`.
struct get_actor_type_mapping : operation<actor_type_mapping_request, erp_sync_actor_type_mapping,
                                          request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetActorTypeMapping"; ///< The wire name.
    static constexpr std::string_view summary =
        "The field mappings of a connection and ERP actor type"; ///< One line for help texts.
};

/// `SaveActorTypeMapping`: store the field mappings of a connection and ERP actor type.
///
/// Sends the request (`save_actor_type_mapping_request`) as the JSON body; answers
/// `erp_sync_actor_type_mapping`. Over SOAP, the agent's `SaveActorTypeMapping` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_save_actor_type_mapping`.
struct save_actor_type_mapping : operation<save_actor_type_mapping_request, erp_sync_actor_type_mapping,
                                           request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "SaveActorTypeMapping"; ///< The wire name.
    static constexpr std::string_view summary =
        "Store the field mappings of a connection and ERP actor type"; ///< One line for help texts.
};

/// `MoveErpFieldItem`: move an ERP field up (negative direction) or down in rank.
///
/// Not safe to repeat: each call moves the field one more step.
///
/// Sends the request (`move_erp_field_request`) as the JSON body; answers 204 No Content (the completion
/// carries no value). Over SOAP, the agent's `MoveErpFieldItem` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_move_erp_field_item`.
struct move_erp_field_item
    : operation<move_erp_field_request, void, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "MoveErpFieldItem"; ///< The wire name.
    static constexpr std::string_view summary =
        "Move an ERP field up (negative direction) or down in rank"; ///< One line for help texts.
};

/// `GetConnectionListMappings`: a connection's ERP list to CRM list value mappings.
///
/// Sends the request (`erp_connection_id_request`) as the JSON body; answers
/// `erp_connection_list_mapping_container`. Over SOAP, the agent's `GetConnectionListMappings` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_connection_list_mappings`.
struct get_connection_list_mappings
    : operation<erp_connection_id_request, erp_connection_list_mapping_container, request_kind::body,
                retry_safety::safe> {
    static constexpr std::string_view name = "GetConnectionListMappings"; ///< The wire name.
    static constexpr std::string_view summary =
        "A connection's ERP list to CRM list value mappings"; ///< One line for help texts.
};

/// `SaveConnectionListMappings`: store a connection's list value mappings.
///
/// Sends the request (`save_list_mappings_request`) as the JSON body; answers
/// `erp_connection_list_mapping_container`. Over SOAP, the agent's `SaveConnectionListMappings` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_save_connection_list_mappings`.
struct save_connection_list_mappings
    : operation<save_list_mappings_request, erp_connection_list_mapping_container, request_kind::body,
                retry_safety::safe> {
    static constexpr std::string_view name = "SaveConnectionListMappings"; ///< The wire name.
    static constexpr std::string_view summary =
        "Store a connection's list value mappings"; ///< One line for help texts.
};

/// `GetDefaultValueInfo`: the default-value rules of an ERP field.
///
/// Sends the request (`erp_field_id_request`) as the JSON body; answers `erp_sync_default_value`. Over
/// SOAP, the agent's `GetDefaultValueInfo` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_default_value_info`.
struct get_default_value_info
    : operation<erp_field_id_request, erp_sync_default_value, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetDefaultValueInfo"; ///< The wire name.
    static constexpr std::string_view summary =
        "The default-value rules of an ERP field"; ///< One line for help texts.
};

/// `SaveDefaultValueInfo`: store the default-value rules of an ERP field.
///
/// Sends the request (`save_default_value_request`) as the JSON body; answers `erp_sync_default_value`.
/// Over SOAP, the agent's `SaveDefaultValueInfo` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_save_default_value_info`.
struct save_default_value_info
    : operation<save_default_value_request, erp_sync_default_value, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "SaveDefaultValueInfo"; ///< The wire name.
    static constexpr std::string_view summary =
        "Store the default-value rules of an ERP field"; ///< One line for help texts.
};

/// `ValidateArchiveColumnConfig`: reset saved archive column sizes of a list after its mappings changed.
///
/// Answers 204 No Content; the agent forgets the stored column widths of the archive so that the new
/// mappings show.
///
/// Sends the request (`archive_column_config_request`) as the JSON body; answers 204 No Content (the
/// completion carries no value). Over SOAP, the agent's `ValidateArchiveColumnConfig` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_validate_archive_column_config`.
struct validate_archive_column_config
    : operation<archive_column_config_request, void, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ValidateArchiveColumnConfig"; ///< The wire name.
    static constexpr std::string_view summary =
        "Reset saved archive column sizes of a list after its mappings changed"; ///< One line for help texts.
};

} // namespace superoffice::erpsync::ops

#endif
