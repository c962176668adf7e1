//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_FIELD_VALUES_HPP
#define SO_ERPSYNC_OPS_FIELD_VALUES_HPP

/// @file
/// Field values of CRM records and ERP actors: the operations, each a type in `ops::` (see `operation.hpp`).

#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/field_value.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/ops/operation.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace superoffice::erpsync::ops {

/// `GetFieldValuesFromCrm`: the syncable field values of a CRM record.
///
/// Sends the request (`crm_field_values_request`) as the JSON body; answers
/// `std::vector<erp_sync_field_value>`. Over SOAP, the agent's `GetFieldValuesFromCrm` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_field_values_from_crm`.
struct get_field_values_from_crm : operation<crm_field_values_request, std::vector<erp_sync_field_value>,
                                             request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetFieldValuesFromCrm"; ///< The wire name.
    static constexpr std::string_view summary =
        "The syncable field values of a CRM record"; ///< One line for help texts.
};

/// `GetFieldValuesFromErp`: the syncable field values of an ERP actor.
///
/// Sends the request (`erp_actor_field_values_request`) as the JSON body; answers
/// `std::vector<erp_sync_field_value>`. Over SOAP, the agent's `GetFieldValuesFromErp` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_field_values_from_erp`.
struct get_field_values_from_erp
    : operation<erp_actor_field_values_request, std::vector<erp_sync_field_value>, request_kind::body,
                retry_safety::safe> {
    static constexpr std::string_view name = "GetFieldValuesFromErp"; ///< The wire name.
    static constexpr std::string_view summary =
        "The syncable field values of an ERP actor"; ///< One line for help texts.
};

/// `GetErpFieldValues`: chosen field values of the ERP actor a CRM record is linked to, in the order
/// asked.
///
/// Sends the request (`erp_field_values_request`) as the JSON body; answers `std::vector<std::string>`.
/// Over SOAP, the agent's `GetErpFieldValues` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_erp_field_values`.
struct get_erp_field_values
    : operation<erp_field_values_request, std::vector<std::string>, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetErpFieldValues"; ///< The wire name.
    static constexpr std::string_view summary =
        "Chosen field values of the ERP actor a CRM record is linked to, in the order asked"; ///< One line
                                                                                              ///< for help
                                                                                              ///< texts.
};

/// `GetFieldsForNewErpActor`: the fields needed to create an ERP actor of a type.
///
/// Sends the request (`erp_actor_type_request`) as the JSON body; answers `std::vector<field_metadata>`.
/// Over SOAP, the agent's `GetFieldsForNewErpActor` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_fields_for_new_erp_actor`.
struct get_fields_for_new_erp_actor
    : operation<erp_actor_type_request, std::vector<field_metadata>, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetFieldsForNewErpActor"; ///< The wire name.
    static constexpr std::string_view summary =
        "The fields needed to create an ERP actor of a type"; ///< One line for help texts.
};

} // namespace superoffice::erpsync::ops

#endif
