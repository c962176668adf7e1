//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_BULK_JOURNAL_HPP
#define SO_ERPSYNC_BULK_JOURNAL_HPP

/// @file
/// `bulk_journal`: the record of a bulk resync that lets an interrupted run resume
/// (`bulk_options::journal`).

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/key_outcome.hpp>

#include <boost/json/value.hpp>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace superoffice::erpsync {

/// The journal of a bulk resync: a file of JSON lines, appended as batches complete.
///
/// @par Format
/// One JSON object per line, each line written whole and ended by `\n`:
/// - first, the run it belongs to: `{"erpsync_bulk_journal":1,"run":"ForceResyncExternal 1 Customer"}`
///   (operation, connection, actor type); a resume of another run is refused;
/// - before a batch of keys is sent: `{"taken":N}`, the keys the run has taken from its source
///   (positions 0 to N-1);
/// - for every key settled: `{"i":12,"key":"K-12","outcome":"succeeded","attempts":1,"calls":1}`,
///   with `"error"` and `"message"` when it failed: `i` is the key's position in the source,
///   `outcome` one of `succeeded`, `refused` (by the agent, `"alone":true` when the key was alone in
///   the call), `failed` (its call failed). Keys never attempted get no line.
///
/// Lines are written to the operating system after every completed batch (`flush`), so a killed
/// process loses at most the batches in flight; it does not survive a power cut (no fsync). A kill
/// in the middle of a write leaves at most a torn last line (no `\n`): resuming cuts it off.
///
/// @par Resume
/// `open(path, run, true)` reads the journal first. A key is done when its line says `succeeded`,
/// or `refused` alone (the agent's final word on it); such keys are skipped, positions matching
/// (the source must give the same keys in the same order). Keys whose last line says `failed`
/// (a transport failure, not the key's fault) are sent again, as are the keys taken but without a
/// line (their batch was in flight when the run stopped): `resumed()` counts both. The resumed run
/// appends, so every key ends with one `succeeded` or `refused` line, plus one `failed` line per
/// earlier failed attempt.
///
/// @par Thread safety
/// None: the bulk run serialises its use.
class bulk_journal {
public:
    /// What a resumed journal held.
    struct resume_info {
        std::uint64_t succeeded = 0; ///< keys done: resynced
        std::uint64_t refused = 0;   ///< keys done: refused alone by the agent
        std::uint64_t to_retry = 0;  ///< keys whose last line is `failed`: sent again
        std::uint64_t in_flight = 0; ///< keys taken without a line (in flight at the stop): sent again
        std::uint64_t taken = 0;     ///< keys the earlier runs took from the source
        std::uint64_t lines = 0;     ///< complete lines read
        bool repaired = false;       ///< a torn last line was cut off
    };

    bulk_journal() = default;

    /// Opens `path` for run `run` (a short text naming what is resynced; see Format). Without
    /// `resume`, the file must not exist or be empty (a journal is never overwritten); with it, an
    /// existing journal is read (see Resume) and appended to, a missing one created.
    /// @returns an empty code, or the file's error, or `std::errc::invalid_argument` for a file
    /// that is not a journal of this run; `why` (when given) then says which line and why.
    SO_ERPSYNC_DECL error_code open(std::string const& path, std::string_view run, bool resume,
                                    std::string* why = nullptr);

    /// Whether a journal file is open.
    bool is_open() const noexcept { return file_ != nullptr; }

    /// Whether the key at `position` of the source is done (resume).
    bool done(std::uint64_t position) const noexcept { return position < done_.size() && done_[position]; }

    /// What the journal held when opened with `resume`.
    resume_info const& resumed() const noexcept { return info_; }

    /// Records that the run has taken the keys before `position` from its source.
    SO_ERPSYNC_DECL void taken(std::uint64_t position);

    /// Records the outcome of the key at `position` (`key` as a JSON string or number); `alone`:
    /// a refusal was of the key alone (a resume skips it). Nothing is written for
    /// `key_status::not_attempted`.
    SO_ERPSYNC_DECL void record(std::uint64_t position, boost::json::value const& key, key_outcome const& o,
                                bool alone = true);

    /// Writes the recorded lines and hands them to the operating system.
    SO_ERPSYNC_DECL error_code flush();

    /// Flushes and closes.
    SO_ERPSYNC_DECL error_code close();

private:
    struct file_closer {
        void operator()(std::FILE* f) const noexcept { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, file_closer> file_;
    std::string buffer_;
    std::vector<bool> done_;
    resume_info info_;
};

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/bulk_journal.ipp>
#endif

#endif
