//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_ENGINE_HPP
#define SO_ERPSYNC_OPS_ENGINE_HPP

/// @file
/// The sync engine: the operations, each a type in `ops::` (see `operation.hpp`).

#include <superoffice/erpsync/carriers/engine_status.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/ops/operation.hpp>

#include <string_view>

namespace superoffice::erpsync::ops {

/// `GetEngineStatus`: the sync engine's state.
///
/// Sends no request; answers `erp_sync_engine_status`. Over SOAP, the agent's `GetEngineStatus` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_engine_status`.
struct get_engine_status
    : operation<no_request, erp_sync_engine_status, request_kind::none, retry_safety::safe> {
    static constexpr std::string_view name = "GetEngineStatus";            ///< The wire name.
    static constexpr std::string_view summary = "The sync engine's state"; ///< One line for help texts.
};

/// `ChangeEngineStatus`: start or stop the sync engine; answers its new state.
///
/// The engine keeps its interval; stopping it does not cancel a run in progress.
///
/// Sends the request (`engine_run_request`) as the JSON body; answers `erp_sync_engine_status`. Over
/// SOAP, the agent's `ChangeEngineStatus` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_change_engine_status`.
struct change_engine_status
    : operation<engine_run_request, erp_sync_engine_status, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ChangeEngineStatus"; ///< The wire name.
    static constexpr std::string_view summary =
        "Start or stop the sync engine; answers its new state"; ///< One line for help texts.
};

/// `ChangeEngineInterval`: set how often the sync engine runs.
///
/// Sends the request (`engine_interval_request`) as the JSON body; answers 204 No Content (the completion
/// carries no value). Over SOAP, the agent's `ChangeEngineInterval` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_change_engine_interval`.
struct change_engine_interval
    : operation<engine_interval_request, void, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "ChangeEngineInterval"; ///< The wire name.
    static constexpr std::string_view summary =
        "Set how often the sync engine runs"; ///< One line for help texts.
};

} // namespace superoffice::erpsync::ops

#endif
