//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_RESYNC_HPP
#define SO_ERPSYNC_OPS_RESYNC_HPP

/// @file
/// Resync and sync: pushing changes between the CRM and the ERP systems: the operations, each a type in
/// `ops::` (see `operation.hpp`).

#include <superoffice/erpsync/carriers/plugin_response.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/ops/operation.hpp>

#include <string_view>

namespace superoffice::erpsync::ops {

/// `ForceResync`: resync records by internal key id, from the CRM (connection 0) or from one connection.
///
/// Connection 0 resyncs from the CRM to every connection the records are linked to; another id resyncs
/// from that connection. A batch the agent refuses answers `IsOk == false` with its message (a success on
/// the wire: `plugin_response::check()` makes it an error); `async_resync_bulk` splits such batches to
/// find the keys at fault.
///
/// Sends the request (`force_resync_request`) as the JSON body; answers `plugin_response`. Over SOAP, the
/// agent's `ForceResync` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_force_resync`.
struct force_resync
    : operation<force_resync_request, plugin_response, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ForceResync"; ///< The wire name.
    static constexpr std::string_view summary =
        "Resync records by internal key id, from the CRM (connection 0) or from one connection"; ///< One line
                                                                                                 ///< for help
                                                                                                 ///< texts.
};

/// `ForceResyncNoBlankValues`: as ForceResync, where blank values never overwrite non-blank ones.
///
/// Sends the request (`force_resync_request`) as the JSON body; answers `plugin_response`. Over SOAP, the
/// agent's `ForceResyncNoBlankValues` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_force_resync_no_blank_values`.
struct force_resync_no_blank_values
    : operation<force_resync_request, plugin_response, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ForceResyncNoBlankValues"; ///< The wire name.
    static constexpr std::string_view summary =
        "As ForceResync, where blank values never overwrite non-blank ones"; ///< One line for help texts.
};

/// `ForceResyncExternal`: resync records identified by their ERP keys.
///
/// The records are named by their keys in the ERP system (`ExternalKeys`) on one connection and ERP actor
/// type; unknown keys make the agent refuse the batch (`IsOk == false`, the keys named in its message).
///
/// Sends the request (`force_resync_external_request`) as the JSON body; answers `plugin_response`. Over
/// SOAP, the agent's `ForceResyncExternal` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_force_resync_external`.
struct force_resync_external
    : operation<force_resync_external_request, plugin_response, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ForceResyncExternal"; ///< The wire name.
    static constexpr std::string_view summary =
        "Resync records identified by their ERP keys"; ///< One line for help texts.
};

/// `ForceResyncExternalNoBlankValues`: as ForceResyncExternal, where blank values never overwrite
/// non-blank ones.
///
/// Sends the request (`force_resync_external_request`) as the JSON body; answers `plugin_response`. Over
/// SOAP, the agent's `ForceResyncExternalNoBlankValues` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_force_resync_external_no_blank_values`.
struct force_resync_external_no_blank_values
    : operation<force_resync_external_request, plugin_response, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ForceResyncExternalNoBlankValues"; ///< The wire name.
    static constexpr std::string_view summary =
        "As ForceResyncExternal, where blank values never overwrite non-blank ones"; ///< One line for help
                                                                                     ///< texts.
};

/// `ForceResyncBatchTask`: queue a ForceResync for the engine's next run (204 No Content).
///
/// Nothing is resynced before the engine runs; the answer carries no result.
///
/// Sends the request (`force_resync_request`) as the JSON body; answers 204 No Content (the completion
/// carries no value). Over SOAP, the agent's `ForceResyncBatchTask` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_force_resync_batch_task`.
struct force_resync_batch_task
    : operation<force_resync_request, void, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ForceResyncBatchTask"; ///< The wire name.
    static constexpr std::string_view summary =
        "Queue a ForceResync for the engine's next run (204 No Content)"; ///< One line for help texts.
};

/// `SyncAll`: sync every active connection that has automatic sync on.
///
/// Connections whose automatic sync is off are skipped (`force_sync_all` includes them).
///
/// Sends no request; answers `plugin_response`. Over SOAP, the agent's `SyncAll` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_sync_all`.
struct sync_all : operation<no_request, plugin_response, request_kind::none, retry_safety::safe> {
    static constexpr std::string_view name = "SyncAll"; ///< The wire name.
    static constexpr std::string_view summary =
        "Sync every active connection that has automatic sync on"; ///< One line for help texts.
};

/// `ForceSyncAll`: sync every active connection, even those with automatic sync off.
///
/// Sends no request; answers `plugin_response`. Over SOAP, the agent's `ForceSyncAll` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_force_sync_all`.
struct force_sync_all : operation<no_request, plugin_response, request_kind::none, retry_safety::safe> {
    static constexpr std::string_view name = "ForceSyncAll"; ///< The wire name.
    static constexpr std::string_view summary =
        "Sync every active connection, even those with automatic sync off"; ///< One line for help texts.
};

} // namespace superoffice::erpsync::ops

#endif
