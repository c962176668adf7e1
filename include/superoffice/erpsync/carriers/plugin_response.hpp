//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_PLUGIN_RESPONSE_HPP
#define SO_ERPSYNC_CARRIERS_PLUGIN_RESPONSE_HPP

/// @file
/// `plugin_response` (the outcome of sync and resync calls) and the records it reports.

#include <superoffice/erpsync/carriers/common.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/error_with_diagnostics.hpp>

#include <vector>

namespace superoffice::erpsync {

/// A table name and record id pair: a record the call changed.
struct changed_data_item {
    /// The table.
    std::string Tablename{};
    /// The record.
    std::int32_t RecordId = 0;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(changed_data_item, ChangedDataItem, (Tablename, RecordId))

/// Records touched by an operation, which a client may want to reload.
struct changed_data {
    /// Records created.
    std::vector<changed_data_item> AddedRecords{};
    /// Records updated.
    std::vector<changed_data_item> UpdatedRecords{};
    /// Records deleted.
    std::vector<changed_data_item> DeletedRecords{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(changed_data, ChangedData, (AddedRecords, UpdatedRecords, DeletedRecords))

/// The outcome of a sync or resync request, with user and technical explanations.
///
/// `IsOk == false` is data, not a transport failure: the call completes without error and the
/// caller decides. `check()` turns it into `error::plugin_failed` in one call.
struct plugin_response {
    /// Whether the agent did it; when false, `ErrorCode` and the explanations say why.
    bool IsOk = false;
    /// Localized, for display.
    std::string UserExplanation{};
    /// Always English.
    std::string TechExplanation{};
    /// The agent's error code (empty when `IsOk`).
    std::string ErrorCode{};
    /// What the operation changed, table by table.
    std::optional<changed_data> Changes{};
    /// Only sent by newer servers.
    std::optional<open_enum<quote_status>> Status{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(plugin_response, PluginResponse,
                            (IsOk, UserExplanation, TechExplanation, ErrorCode, Changes, Status))

/// Returns `error::plugin_failed` when `r.IsOk` is false (filling `diag` with the `ErrorCode` and
/// both explanations), or an empty code.
SO_ERPSYNC_DECL error_code check(plugin_response const& r, diagnostics& diag);

/// Throws `error_with_diagnostics` (`error::plugin_failed`) when `r.IsOk` is false; returns `r`.
SO_ERPSYNC_DECL plugin_response const& value_or_throw(plugin_response const& r);

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/plugin_response.ipp>
#endif

#endif
