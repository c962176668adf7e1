//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// GENERATED from ops::all by test/tools/generate_operations.cpp: do not edit. Regenerate with
// `cmake --build <build dir> --target so_erpsync_generate_operations`; CTest checks it is current.
//
#ifndef SO_ERPSYNC_OPERATION_MEMBERS_HPP
#define SO_ERPSYNC_OPERATION_MEMBERS_HPP

/// @file
/// `operation_members`: the client's named member per operation (`async_force_resync`, ...).

#include <superoffice/erpsync/call_options.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/with_diagnostics.hpp>

#include <type_traits>
#include <utility>

namespace superoffice::erpsync {

// clang-format off

/// The named members of `client`, one group per operation of `ops::all`.
///
/// Each forwards to `Client::async_call<ops::X>(request, options, token)`; the completion,
/// cancellation, error and thread-safety rules are `client`'s. Operations that send no request
/// also have members without one. A `call_options` is never taken for a token.
///
/// @tparam Client The class deriving from it (`client`).
template <class Client>
class operation_members {
public:
    /// @name BreakActorLink
    /// @{

    /// `BreakActorLink`: Unlink a CRM record from its ERP actor on one connection; true when a link was removed.
    ///
    /// See `ops::break_actor_link`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_break_actor_link(break_actor_link_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::break_actor_link>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `BreakActorLink` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::break_actor_link`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_break_actor_link(break_actor_link_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::break_actor_link>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ConnectActor
    /// @{

    /// `ConnectActor`: Link a CRM record and an ERP actor (created when the key is new) and apply field values.
    ///
    /// See `ops::connect_actor`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_connect_actor(connect_actor_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::connect_actor>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ConnectActor` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::connect_actor`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    auto async_connect_actor(connect_actor_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::connect_actor>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name TryConnectActor
    /// @{

    /// `TryConnectActor`: As ConnectActor, answering false instead of failing when the link cannot be made.
    ///
    /// See `ops::try_connect_actor`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_try_connect_actor(connect_actor_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::try_connect_actor>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `TryConnectActor` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::try_connect_actor`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_try_connect_actor(connect_actor_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::try_connect_actor>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name CreateActorLink
    /// @{

    /// `CreateActorLink`: Link an existing CRM record to an existing ERP actor.
    ///
    /// See `ops::create_actor_link`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_create_actor_link(create_actor_link_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::create_actor_link>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `CreateActorLink` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::create_actor_link`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_create_actor_link(create_actor_link_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::create_actor_link>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name CreateErpActorFromCrm
    /// @{

    /// `CreateErpActorFromCrm`: Create an ERP actor from a CRM record, with extra ERP field values, and link the two.
    ///
    /// See `ops::create_erp_actor_from_crm`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_create_erp_actor_from_crm(create_erp_actor_from_crm_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::create_erp_actor_from_crm>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `CreateErpActorFromCrm` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::create_erp_actor_from_crm`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_create_erp_actor_from_crm(create_erp_actor_from_crm_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::create_erp_actor_from_crm>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetConnectionsAndDisplayFields
    /// @{

    /// `GetConnectionsAndDisplayFields`: Every connection's link state and display fields for one CRM record.
    ///
    /// See `ops::get_connections_and_display_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_connection_data>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_connections_and_display_fields(crm_entity_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_connections_and_display_fields>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetConnectionsAndDisplayFields` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_connections_and_display_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_connection_data>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_connections_and_display_fields(crm_entity_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_connections_and_display_fields>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SupportsAdvancedSearch
    /// @{

    /// `SupportsAdvancedSearch`: Whether a connection offers advanced search for an ERP actor type.
    ///
    /// See `ops::supports_advanced_search`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_supports_advanced_search(erp_actor_type_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::supports_advanced_search>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SupportsAdvancedSearch` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::supports_advanced_search`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_supports_advanced_search(erp_actor_type_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::supports_advanced_search>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetFieldValuesFromCrm
    /// @{

    /// `GetFieldValuesFromCrm`: The syncable field values of a CRM record.
    ///
    /// See `ops::get_field_values_from_crm`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_sync_field_value>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_field_values_from_crm(crm_field_values_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_field_values_from_crm>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetFieldValuesFromCrm` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_field_values_from_crm`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_sync_field_value>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_field_values_from_crm(crm_field_values_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_field_values_from_crm>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetFieldValuesFromErp
    /// @{

    /// `GetFieldValuesFromErp`: The syncable field values of an ERP actor.
    ///
    /// See `ops::get_field_values_from_erp`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_sync_field_value>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_field_values_from_erp(erp_actor_field_values_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_field_values_from_erp>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetFieldValuesFromErp` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_field_values_from_erp`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_sync_field_value>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_field_values_from_erp(erp_actor_field_values_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_field_values_from_erp>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetErpFieldValues
    /// @{

    /// `GetErpFieldValues`: Chosen field values of the ERP actor a CRM record is linked to, in the order asked.
    ///
    /// See `ops::get_erp_field_values`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<std::string>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_erp_field_values(erp_field_values_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_field_values>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetErpFieldValues` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_erp_field_values`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<std::string>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_erp_field_values(erp_field_values_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_field_values>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetFieldsForNewErpActor
    /// @{

    /// `GetFieldsForNewErpActor`: The fields needed to create an ERP actor of a type.
    ///
    /// See `ops::get_fields_for_new_erp_actor`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<field_metadata>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_fields_for_new_erp_actor(erp_actor_type_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_fields_for_new_erp_actor>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetFieldsForNewErpActor` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_fields_for_new_erp_actor`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<field_metadata>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_fields_for_new_erp_actor(erp_actor_type_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_fields_for_new_erp_actor>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ForceResync
    /// @{

    /// `ForceResync`: Resync records by internal key id, from the CRM (connection 0) or from one connection.
    ///
    /// See `ops::force_resync`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_force_resync(force_resync_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ForceResync` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::force_resync`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_force_resync(force_resync_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ForceResyncNoBlankValues
    /// @{

    /// `ForceResyncNoBlankValues`: As ForceResync, where blank values never overwrite non-blank ones.
    ///
    /// See `ops::force_resync_no_blank_values`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_force_resync_no_blank_values(force_resync_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_no_blank_values>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ForceResyncNoBlankValues` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::force_resync_no_blank_values`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_force_resync_no_blank_values(force_resync_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_no_blank_values>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ForceResyncExternal
    /// @{

    /// `ForceResyncExternal`: Resync records identified by their ERP keys.
    ///
    /// See `ops::force_resync_external`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_force_resync_external(force_resync_external_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_external>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ForceResyncExternal` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::force_resync_external`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_force_resync_external(force_resync_external_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_external>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ForceResyncExternalNoBlankValues
    /// @{

    /// `ForceResyncExternalNoBlankValues`: As ForceResyncExternal, where blank values never overwrite non-blank ones.
    ///
    /// See `ops::force_resync_external_no_blank_values`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_force_resync_external_no_blank_values(force_resync_external_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_external_no_blank_values>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ForceResyncExternalNoBlankValues` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::force_resync_external_no_blank_values`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_force_resync_external_no_blank_values(force_resync_external_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_external_no_blank_values>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ForceResyncBatchTask
    /// @{

    /// `ForceResyncBatchTask`: Queue a ForceResync for the engine's next run (204 No Content).
    ///
    /// See `ops::force_resync_batch_task`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_force_resync_batch_task(force_resync_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_batch_task>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ForceResyncBatchTask` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::force_resync_batch_task`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    auto async_force_resync_batch_task(force_resync_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_resync_batch_task>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SyncAll
    /// @{

    /// `SyncAll`: Sync every active connection that has automatic sync on.
    ///
    /// See `ops::sync_all`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_sync_all(no_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::sync_all>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SyncAll` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::sync_all`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_sync_all(no_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::sync_all>(request, options, std::forward<CompletionToken>(token));
    }

    /// `SyncAll`, which sends no request.
    ///
    /// See `ops::sync_all`. Safe to retry.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_sync_all(CompletionToken&& token = {}) {
        return self().template async_call<ops::sync_all>(no_request{}, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SyncAll`, which sends no request, with options for this call.
    ///
    /// See `ops::sync_all`. Safe to retry.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_sync_all(call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::sync_all>(no_request{}, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ForceSyncAll
    /// @{

    /// `ForceSyncAll`: Sync every active connection, even those with automatic sync off.
    ///
    /// See `ops::force_sync_all`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_force_sync_all(no_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_sync_all>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ForceSyncAll` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::force_sync_all`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_force_sync_all(no_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_sync_all>(request, options, std::forward<CompletionToken>(token));
    }

    /// `ForceSyncAll`, which sends no request.
    ///
    /// See `ops::force_sync_all`. Safe to retry.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_force_sync_all(CompletionToken&& token = {}) {
        return self().template async_call<ops::force_sync_all>(no_request{}, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ForceSyncAll`, which sends no request, with options for this call.
    ///
    /// See `ops::force_sync_all`. Safe to retry.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, plugin_response)`.
    template <class CompletionToken = default_token_t>
    auto async_force_sync_all(call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::force_sync_all>(no_request{}, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetEngineStatus
    /// @{

    /// `GetEngineStatus`: The sync engine's state.
    ///
    /// See `ops::get_engine_status`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_engine_status)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_engine_status(no_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_engine_status>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetEngineStatus` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_engine_status`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_engine_status)`.
    template <class CompletionToken = default_token_t>
    auto async_get_engine_status(no_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_engine_status>(request, options, std::forward<CompletionToken>(token));
    }

    /// `GetEngineStatus`, which sends no request.
    ///
    /// See `ops::get_engine_status`. Safe to retry.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_engine_status)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_engine_status(CompletionToken&& token = {}) {
        return self().template async_call<ops::get_engine_status>(no_request{}, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetEngineStatus`, which sends no request, with options for this call.
    ///
    /// See `ops::get_engine_status`. Safe to retry.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_engine_status)`.
    template <class CompletionToken = default_token_t>
    auto async_get_engine_status(call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_engine_status>(no_request{}, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ChangeEngineStatus
    /// @{

    /// `ChangeEngineStatus`: Start or stop the sync engine; answers its new state.
    ///
    /// See `ops::change_engine_status`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_engine_status)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_change_engine_status(engine_run_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::change_engine_status>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ChangeEngineStatus` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::change_engine_status`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_engine_status)`.
    template <class CompletionToken = default_token_t>
    auto async_change_engine_status(engine_run_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::change_engine_status>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ChangeEngineInterval
    /// @{

    /// `ChangeEngineInterval`: Set how often the sync engine runs.
    ///
    /// See `ops::change_engine_interval`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_change_engine_interval(engine_interval_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::change_engine_interval>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ChangeEngineInterval` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::change_engine_interval`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    auto async_change_engine_interval(engine_interval_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::change_engine_interval>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetAllConnectors
    /// @{

    /// `GetAllConnectors`: Every registered connector, as id and name.
    ///
    /// See `ops::get_all_connectors`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<list_item>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_all_connectors(no_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_all_connectors>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetAllConnectors` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_all_connectors`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<list_item>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_all_connectors(no_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_all_connectors>(request, options, std::forward<CompletionToken>(token));
    }

    /// `GetAllConnectors`, which sends no request.
    ///
    /// See `ops::get_all_connectors`. Safe to retry.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<list_item>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_all_connectors(CompletionToken&& token = {}) {
        return self().template async_call<ops::get_all_connectors>(no_request{}, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetAllConnectors`, which sends no request, with options for this call.
    ///
    /// See `ops::get_all_connectors`. Safe to retry.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<list_item>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_all_connectors(call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_all_connectors>(no_request{}, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name CreateDefaultErpSyncConnectorEntity
    /// @{

    /// `CreateDefaultErpSyncConnectorEntity`: A new, unsaved connector entity with the server's defaults.
    ///
    /// See `ops::create_default_erp_sync_connector_entity`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_create_default_erp_sync_connector_entity(no_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::create_default_erp_sync_connector_entity>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `CreateDefaultErpSyncConnectorEntity` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::create_default_erp_sync_connector_entity`. Safe to retry.
    /// @param request The request, sent as nothing (`no_request`).
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    auto async_create_default_erp_sync_connector_entity(no_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::create_default_erp_sync_connector_entity>(request, options, std::forward<CompletionToken>(token));
    }

    /// `CreateDefaultErpSyncConnectorEntity`, which sends no request.
    ///
    /// See `ops::create_default_erp_sync_connector_entity`. Safe to retry.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_create_default_erp_sync_connector_entity(CompletionToken&& token = {}) {
        return self().template async_call<ops::create_default_erp_sync_connector_entity>(no_request{}, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `CreateDefaultErpSyncConnectorEntity`, which sends no request, with options for this call.
    ///
    /// See `ops::create_default_erp_sync_connector_entity`. Safe to retry.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    auto async_create_default_erp_sync_connector_entity(call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::create_default_erp_sync_connector_entity>(no_request{}, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetErpSyncConnectorEntity
    /// @{

    /// `GetErpSyncConnectorEntity`: One connector entity by id.
    ///
    /// See `ops::get_erp_sync_connector_entity`. Safe to retry.
    /// @param request The request, sent as query parameters.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_erp_sync_connector_entity(get_connector_entity_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_sync_connector_entity>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetErpSyncConnectorEntity` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_erp_sync_connector_entity`. Safe to retry.
    /// @param request The request, sent as query parameters.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    auto async_get_erp_sync_connector_entity(get_connector_entity_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_sync_connector_entity>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SaveErpSyncConnectorEntity
    /// @{

    /// `SaveErpSyncConnectorEntity`: Create (id 0) or update a connector entity; answers it as stored.
    ///
    /// See `ops::save_erp_sync_connector_entity`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_save_erp_sync_connector_entity(erp_sync_connector_entity const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_erp_sync_connector_entity>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SaveErpSyncConnectorEntity` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::save_erp_sync_connector_entity`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connector_entity)`.
    template <class CompletionToken = default_token_t>
    auto async_save_erp_sync_connector_entity(erp_sync_connector_entity const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_erp_sync_connector_entity>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name CanDeleteErpSyncConnectorEntity
    /// @{

    /// `CanDeleteErpSyncConnectorEntity`: Whether a connector may be deleted (not while connections use it).
    ///
    /// See `ops::can_delete_erp_sync_connector_entity`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, open_enum<erp_sync_response_code>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_can_delete_erp_sync_connector_entity(connector_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::can_delete_erp_sync_connector_entity>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `CanDeleteErpSyncConnectorEntity` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::can_delete_erp_sync_connector_entity`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, open_enum<erp_sync_response_code>)`.
    template <class CompletionToken = default_token_t>
    auto async_can_delete_erp_sync_connector_entity(connector_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::can_delete_erp_sync_connector_entity>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name DeleteErpSyncConnectorEntity
    /// @{

    /// `DeleteErpSyncConnectorEntity`: Delete a connector entity.
    ///
    /// See `ops::delete_erp_sync_connector_entity`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as query parameters.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_delete_erp_sync_connector_entity(delete_connector_entity_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::delete_erp_sync_connector_entity>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `DeleteErpSyncConnectorEntity` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::delete_erp_sync_connector_entity`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as query parameters.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    auto async_delete_erp_sync_connector_entity(delete_connector_entity_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::delete_erp_sync_connector_entity>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetConfigurationFields
    /// @{

    /// `GetConfigurationFields`: The fields needed to configure a connection through a connector.
    ///
    /// See `ops::get_configuration_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<field_metadata>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_configuration_fields(connector_fields_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_configuration_fields>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetConfigurationFields` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_configuration_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<field_metadata>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_configuration_fields(connector_fields_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_configuration_fields>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name TestConnectorUrl
    /// @{

    /// `TestConnectorUrl`: Whether a connector answers at a URL.
    ///
    /// See `ops::test_connector_url`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, open_enum<erp_sync_response_code>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_test_connector_url(connector_url_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::test_connector_url>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `TestConnectorUrl` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::test_connector_url`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, open_enum<erp_sync_response_code>)`.
    template <class CompletionToken = default_token_t>
    auto async_test_connector_url(connector_url_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::test_connector_url>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetAllConnections
    /// @{

    /// `GetAllConnections`: Every connection, without its configuration values.
    ///
    /// See `ops::get_all_connections`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_connection>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_all_connections(all_connections_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_all_connections>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetAllConnections` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_all_connections`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<erp_connection>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_all_connections(all_connections_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_all_connections>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetConnection
    /// @{

    /// `GetConnection`: One connection by id.
    ///
    /// See `ops::get_connection`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_connection(erp_connection_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_connection>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetConnection` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_connection`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection)`.
    template <class CompletionToken = default_token_t>
    auto async_get_connection(erp_connection_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_connection>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SaveConnection
    /// @{

    /// `SaveConnection`: Create (id 0) or update a connection; answers it as stored.
    ///
    /// See `ops::save_connection`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_save_connection(save_connection_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_connection>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SaveConnection` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::save_connection`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection)`.
    template <class CompletionToken = default_token_t>
    auto async_save_connection(save_connection_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_connection>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name DeleteConnection
    /// @{

    /// `DeleteConnection`: Delete a connection (marks it deleted).
    ///
    /// See `ops::delete_connection`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_delete_connection(erp_connection_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::delete_connection>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `DeleteConnection` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::delete_connection`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    auto async_delete_connection(erp_connection_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::delete_connection>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ToggleErpConnectionActive
    /// @{

    /// `ToggleErpConnectionActive`: Flip a connection's active flag; answers messages from the change.
    ///
    /// See `ops::toggle_erp_connection_active`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<std::string>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_toggle_erp_connection_active(erp_connection_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::toggle_erp_connection_active>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ToggleErpConnectionActive` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::toggle_erp_connection_active`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::vector<std::string>)`.
    template <class CompletionToken = default_token_t>
    auto async_toggle_erp_connection_active(erp_connection_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::toggle_erp_connection_active>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SaveErpConnectionSyncPriorities
    /// @{

    /// `SaveErpConnectionSyncPriorities`: Set the order connections sync in, highest priority first.
    ///
    /// See `ops::save_erp_connection_sync_priorities`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_save_erp_connection_sync_priorities(sync_priorities_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_erp_connection_sync_priorities>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SaveErpConnectionSyncPriorities` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::save_erp_connection_sync_priorities`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_save_erp_connection_sync_priorities(sync_priorities_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_erp_connection_sync_priorities>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetErpConnectionConfigFields
    /// @{

    /// `GetErpConnectionConfigFields`: A connection's stored configuration values, keyed by field key.
    ///
    /// See `ops::get_erp_connection_config_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::map<std::string, std::string>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_erp_connection_config_fields(erp_connection_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_connection_config_fields>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetErpConnectionConfigFields` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_erp_connection_config_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, std::map<std::string, std::string>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_erp_connection_config_fields(erp_connection_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_connection_config_fields>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name TestConnectionById
    /// @{

    /// `TestConnectionById`: Test a stored connection with its stored configuration.
    ///
    /// See `ops::test_connection_by_id`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_test_connection_by_id(erp_connection_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::test_connection_by_id>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `TestConnectionById` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::test_connection_by_id`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_test_connection_by_id(erp_connection_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::test_connection_by_id>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name TestConnectionByConfig
    /// @{

    /// `TestConnectionByConfig`: Test a connection with configuration values that are not saved.
    ///
    /// See `ops::test_connection_by_config`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_test_connection_by_config(test_connection_config_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::test_connection_by_config>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `TestConnectionByConfig` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::test_connection_by_config`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_test_connection_by_config(test_connection_config_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::test_connection_by_config>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name UpdateConnectionFields
    /// @{

    /// `UpdateConnectionFields`: Refresh a connection's stored actor types and fields from its connector.
    ///
    /// See `ops::update_connection_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_update_connection_fields(erp_connection_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::update_connection_fields>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `UpdateConnectionFields` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::update_connection_fields`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, bool)`.
    template <class CompletionToken = default_token_t>
    auto async_update_connection_fields(erp_connection_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::update_connection_fields>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetErpSyncConnectionSummary
    /// @{

    /// `GetErpSyncConnectionSummary`: An overview of a connection's setup.
    ///
    /// See `ops::get_erp_sync_connection_summary`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connection_summary)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_erp_sync_connection_summary(connection_summary_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_sync_connection_summary>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetErpSyncConnectionSummary` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_erp_sync_connection_summary`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_connection_summary)`.
    template <class CompletionToken = default_token_t>
    auto async_get_erp_sync_connection_summary(connection_summary_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_erp_sync_connection_summary>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetCrmActorType
    /// @{

    /// `GetCrmActorType`: The CRM actor type an ERP actor type is mapped to on a connection.
    ///
    /// See `ops::get_crm_actor_type`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, open_enum<crm_actor_type>)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_crm_actor_type(erp_actor_type_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_crm_actor_type>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetCrmActorType` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_crm_actor_type`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, open_enum<crm_actor_type>)`.
    template <class CompletionToken = default_token_t>
    auto async_get_crm_actor_type(erp_actor_type_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_crm_actor_type>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetActorTypeMapping
    /// @{

    /// `GetActorTypeMapping`: The field mappings of a connection and ERP actor type.
    ///
    /// See `ops::get_actor_type_mapping`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_actor_type_mapping)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_actor_type_mapping(actor_type_mapping_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_actor_type_mapping>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetActorTypeMapping` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_actor_type_mapping`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_actor_type_mapping)`.
    template <class CompletionToken = default_token_t>
    auto async_get_actor_type_mapping(actor_type_mapping_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_actor_type_mapping>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SaveActorTypeMapping
    /// @{

    /// `SaveActorTypeMapping`: Store the field mappings of a connection and ERP actor type.
    ///
    /// See `ops::save_actor_type_mapping`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_actor_type_mapping)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_save_actor_type_mapping(save_actor_type_mapping_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_actor_type_mapping>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SaveActorTypeMapping` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::save_actor_type_mapping`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_actor_type_mapping)`.
    template <class CompletionToken = default_token_t>
    auto async_save_actor_type_mapping(save_actor_type_mapping_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_actor_type_mapping>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name MoveErpFieldItem
    /// @{

    /// `MoveErpFieldItem`: Move an ERP field up (negative direction) or down in rank.
    ///
    /// See `ops::move_erp_field_item`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_move_erp_field_item(move_erp_field_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::move_erp_field_item>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `MoveErpFieldItem` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::move_erp_field_item`. Not safe to retry: not sent twice on its own.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    auto async_move_erp_field_item(move_erp_field_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::move_erp_field_item>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetConnectionListMappings
    /// @{

    /// `GetConnectionListMappings`: A connection's ERP list to CRM list value mappings.
    ///
    /// See `ops::get_connection_list_mappings`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection_list_mapping_container)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_connection_list_mappings(erp_connection_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_connection_list_mappings>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetConnectionListMappings` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_connection_list_mappings`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection_list_mapping_container)`.
    template <class CompletionToken = default_token_t>
    auto async_get_connection_list_mappings(erp_connection_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_connection_list_mappings>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SaveConnectionListMappings
    /// @{

    /// `SaveConnectionListMappings`: Store a connection's list value mappings.
    ///
    /// See `ops::save_connection_list_mappings`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection_list_mapping_container)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_save_connection_list_mappings(save_list_mappings_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_connection_list_mappings>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SaveConnectionListMappings` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::save_connection_list_mappings`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_connection_list_mapping_container)`.
    template <class CompletionToken = default_token_t>
    auto async_save_connection_list_mappings(save_list_mappings_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_connection_list_mappings>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name GetDefaultValueInfo
    /// @{

    /// `GetDefaultValueInfo`: The default-value rules of an ERP field.
    ///
    /// See `ops::get_default_value_info`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_default_value)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_get_default_value_info(erp_field_id_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_default_value_info>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `GetDefaultValueInfo` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::get_default_value_info`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_default_value)`.
    template <class CompletionToken = default_token_t>
    auto async_get_default_value_info(erp_field_id_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::get_default_value_info>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name SaveDefaultValueInfo
    /// @{

    /// `SaveDefaultValueInfo`: Store the default-value rules of an ERP field.
    ///
    /// See `ops::save_default_value_info`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_default_value)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_save_default_value_info(save_default_value_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_default_value_info>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `SaveDefaultValueInfo` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::save_default_value_info`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code, erp_sync_default_value)`.
    template <class CompletionToken = default_token_t>
    auto async_save_default_value_info(save_default_value_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::save_default_value_info>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

    /// @name ValidateArchiveColumnConfig
    /// @{

    /// `ValidateArchiveColumnConfig`: Reset saved archive column sizes of a list after its mappings changed.
    ///
    /// See `ops::validate_archive_column_config`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    requires(!std::is_same_v<std::remove_cvref_t<CompletionToken>, call_options>)
    auto async_validate_archive_column_config(archive_column_config_request const& request, CompletionToken&& token = {}) {
        return self().template async_call<ops::validate_archive_column_config>(request, call_options{}, std::forward<CompletionToken>(token));
    }

    /// `ValidateArchiveColumnConfig` with options for this call (timeout, headers, `$select`, diagnostics).
    ///
    /// See `ops::validate_archive_column_config`. Safe to retry.
    /// @param request The request, sent as the JSON body.
    /// @param options Options for this call.
    /// @param token A completion token (`default_token_t` by default: `co_await` throws `error_with_diagnostics`). Signature: `void(error_code)`.
    template <class CompletionToken = default_token_t>
    auto async_validate_archive_column_config(archive_column_config_request const& request, call_options const& options, CompletionToken&& token = {}) {
        return self().template async_call<ops::validate_archive_column_config>(request, options, std::forward<CompletionToken>(token));
    }

    /// @}

private:
    Client& self() noexcept { return static_cast<Client&>(*this); }
};

// clang-format on

} // namespace superoffice::erpsync

#endif
