//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_ENGINE_STATUS_HPP
#define SO_ERPSYNC_CARRIERS_ENGINE_STATUS_HPP

/// @file
/// `erp_sync_engine_status`: the sync engine's run state.

#include <superoffice/erpsync/carriers/common.hpp>

namespace superoffice::erpsync {

/// The sync engine's run state.
struct erp_sync_engine_status {
    bool IsRunning = false;
    std::string StatusMessage{};
    /// How often the engine runs, as the server wrote it. The WSDL says `xs:duration` (`PT5M`);
    /// the JSON form is undocumented (.NET writes TimeSpan as `00:05:00`), so the text is kept.
    std::string Interval{};
    std::optional<table_right> TableRight{};
    field_property_map FieldProperties{};
};
BOOST_DESCRIBE_STRUCT(erp_sync_engine_status, (),
                      (IsRunning, StatusMessage, Interval, TableRight, FieldProperties))

} // namespace superoffice::erpsync

#endif
