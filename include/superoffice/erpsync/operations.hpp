//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPERATIONS_HPP
#define SO_ERPSYNC_OPERATIONS_HPP

/// @file
/// The ErpSync operations: `ops::all`, the list of every operation type.
///
/// Each operation is a struct in `ops::`, written once in the header of its family (`ops/links.hpp`,
/// `ops/field_values.hpp`, `ops/resync.hpp`, `ops/engine.hpp`, `ops/connectors.hpp`,
/// `ops/connections.hpp`, `ops/mappings.hpp`), with its metadata by name (`name`, `summary`,
/// `request_type`, `response_type`, `request_travels`, `retry_safe`: see `ops::operation`).
/// `ops::all` is what the client's codecs, the sandbox's dispatch, the command-line program, the
/// tests and the generated files iterate over: the client's named members `async_<name>`
/// (`operation_members.hpp`) and `docs/operations.md`, both written by `test/tools/generate_operations.cpp`
/// and checked for drift by CTest. Adding an operation: its struct, its line in `ops::all`, its
/// sandbox behaviour, then regenerate (`cmake --build <dir> --target so_erpsync_generate_operations`).

#include <superoffice/erpsync/ops/connections.hpp>
#include <superoffice/erpsync/ops/connectors.hpp>
#include <superoffice/erpsync/ops/engine.hpp>
#include <superoffice/erpsync/ops/field_values.hpp>
#include <superoffice/erpsync/ops/links.hpp>
#include <superoffice/erpsync/ops/mappings.hpp>
#include <superoffice/erpsync/ops/operation.hpp>
#include <superoffice/erpsync/ops/resync.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstddef>

namespace superoffice::erpsync {
namespace ops {

// clang-format off
/// Every operation, grouped by family (the order of `docs/operations.md` and of the help texts).
using all = boost::mp11::mp_list<
    // links between CRM records and ERP actors
    break_actor_link, connect_actor, try_connect_actor, create_actor_link, create_erp_actor_from_crm,
    get_connections_and_display_fields, supports_advanced_search,
    // field values
    get_field_values_from_crm, get_field_values_from_erp, get_erp_field_values, get_fields_for_new_erp_actor,
    // resync and sync
    force_resync, force_resync_no_blank_values, force_resync_external, force_resync_external_no_blank_values,
    force_resync_batch_task, sync_all, force_sync_all,
    // the engine
    get_engine_status, change_engine_status, change_engine_interval,
    // connectors
    get_all_connectors, create_default_erp_sync_connector_entity, get_erp_sync_connector_entity,
    save_erp_sync_connector_entity, can_delete_erp_sync_connector_entity, delete_erp_sync_connector_entity,
    get_configuration_fields, test_connector_url,
    // connections
    get_all_connections, get_connection, save_connection, delete_connection, toggle_erp_connection_active,
    save_erp_connection_sync_priorities, get_erp_connection_config_fields, test_connection_by_id,
    test_connection_by_config, update_connection_fields, get_erp_sync_connection_summary,
    // mappings
    get_crm_actor_type, get_actor_type_mapping, save_actor_type_mapping, move_erp_field_item,
    get_connection_list_mappings, save_connection_list_mappings, get_default_value_info,
    save_default_value_info, validate_archive_column_config>;
// clang-format on

/// How many operations the agent has (ErpSync, WebAPI v1): 49.
inline constexpr std::size_t count = 49;
static_assert(boost::mp11::mp_size<all>::value == count, "ops::all lists every operation once");
static_assert(boost::mp11::mp_is_set<all>::value, "ops::all lists every operation once");

static_assert(boost::mp11::mp_all_of<all, is_operation>::value,
              "every entry of ops::all is an operation type");

} // namespace ops

/// The request carrier of operation `Op`.
template <class Op>
using request_t = typename Op::request_type;
/// The result type of operation `Op` (`void` for 204 operations).
template <class Op>
using response_t = typename Op::response_type;

} // namespace superoffice::erpsync

#endif
