//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_ENGINE_STATUS_HPP
#define SO_ERPSYNC_CARRIERS_ENGINE_STATUS_HPP

/// @file
/// `erp_sync_engine_status`: the sync engine's run state.

#include <superoffice/erpsync/carriers/common.hpp>
#include <superoffice/erpsync/time.hpp>

namespace superoffice::erpsync {

/// The sync engine's run state.
struct erp_sync_engine_status {
    /// Whether the engine runs.
    bool IsRunning = false;
    /// The engine's status text.
    std::string StatusMessage{};
    /// How often the engine runs. The WSDL says `xs:duration` (`PT5M`); .NET writes a TimeSpan in
    /// JSON as `00:05:00`. Both are read; it is written back in the form it was read in.
    time_span Interval{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_engine_status, ErpSyncEngineStatus, (IsRunning, StatusMessage, Interval))

} // namespace superoffice::erpsync

#endif
