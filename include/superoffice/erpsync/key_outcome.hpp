//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_KEY_OUTCOME_HPP
#define SO_ERPSYNC_KEY_OUTCOME_HPP

/// @file
/// `key_outcome`: what became of one key of a bulk resync (`async_resync_bulk`).

#include <superoffice/erpsync/error.hpp>

#include <cstdint>
#include <string>

namespace superoffice::erpsync {

/// The kinds of `key_outcome`.
enum class key_status : unsigned char {
    /// Resynced: in a batch the agent accepted.
    succeeded,
    /// Refused by the agent (`IsOk == false`) in a call holding this key alone (or, with
    /// `bulk_options::isolate_refused` false, in a refused batch): `ec` is `error::plugin_failed`,
    /// `message` the agent's explanation.
    refused,
    /// The call holding it failed after the client's retry policy (transport, timeout, HTTP
    /// status): `ec` says how. The key was not refused; a resumed run sends it again.
    failed,
    /// No outcome because the run stopped first (cancellation, an error of the key source or of
    /// the journal): never sent, or only in a refused batch not yet split down to it. `ec` is
    /// `operation_aborted`.
    not_attempted,
    /// Done in an earlier run whose journal was resumed (`bulk_options::resume`): not sent again;
    /// the journal holds its outcome. (Only in `bulk_result::outcomes`; sinks are not called.)
    skipped,
};

/// What became of one key.
struct key_outcome {
    /// Empty: resynced (or skipped). `error::plugin_failed`: refused by the agent (see `status`).
    /// `boost::asio::error::operation_aborted`: not attempted. Anything else: the call failed.
    error_code ec{};
    /// The agent's or the library's explanation when `ec` is set (at most 256 bytes).
    std::string message{};
    /// What `ec` means for this key.
    key_status status = key_status::succeeded;
    /// HTTP attempts of the call that settled the key (`diagnostics::attempts`: retries
    /// included); 0 when not attempted.
    unsigned attempts = 0;
    /// Calls the key was part of: 1, plus one per refused batch it was in before the one that
    /// settled it (see `bulk_options::isolate_refused`); 0 when never sent.
    unsigned calls = 0;
};

} // namespace superoffice::erpsync

#endif
