//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_BULK_CORE_HPP
#define SO_ERPSYNC_DETAIL_BULK_CORE_HPP

// The decisions of a bulk resync (sans-io): which keys to take from the source and when, which
// batch to send next, how a refused batch is split until every refused key stands alone, which
// keys are settled by a finished call, the concurrency limit (changeable while running, for an
// adaptive controller) and cancellation. The caller (`bulk.hpp`) does the calls, holds the keys
// and reports the outcomes; here keys are only their ordinals (position in the source).
//
// Rules:
// - Keys are taken from the source one batch at a time, only when a call can start and no part of
//   a split batch is waiting: keys held (in flight or waiting) never exceed concurrency x batch size.
// - A refused batch (the agent's IsOk false) of several keys is split; a key refused on its own is
//   settled `refused`. Parts of split batches go before new keys (depth first), so a batch's
//   isolation finishes soon and its keys are not held longer than needed.
// - Splitting: when the refusal names some (not all) of the batch's keys (the caller tells which,
//   see `refusal_names_key`), each named key is sent alone and the others together; otherwise the
//   batch is halved. The hint is never trusted alone: every key is settled only by a call that
//   succeeded or that refused it alone. Halving costs 2 calls per level, so one bad key in a batch
//   of n costs at most 2 ceil(log2 n) extra calls (2 with a correct hint).
// - A call that failed (transport, timeout, HTTP error after the retry policy) is not a refusal
//   of its keys: they are settled `failed` together, without splitting (splitting would not tell
//   anything about the keys and would multiply the load on a failing server).
// - Stopping (cancellation): nothing new is sent; calls in flight settle their keys as usual; keys
//   waiting in parts of split batches are settled `unresolved`.

#include <superoffice/erpsync/detail/config.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string_view>
#include <vector>

namespace superoffice::erpsync::detail {

/// How a finished call ended, as the bulk core needs to know it.
enum class batch_verdict : unsigned char {
    succeeded, ///< the agent accepted the batch (IsOk)
    refused,   ///< the agent refused the batch (IsOk false)
    failed,    ///< the call failed (no answer from the agent, after the retry policy)
};

/// What became of a key.
enum class key_fate : unsigned char {
    succeeded,  ///< in a batch the agent accepted
    refused,    ///< refused by the agent on its own (or, without isolation, in a refused batch)
    failed,     ///< its call failed
    unresolved, ///< taken, but the run stopped before it was settled (never sent, or only in a refused batch)
};

/// Whether `message` names `key` as a whole word: bounded by the message's ends, white space or
/// one of `,;:'"()[]{}<>`. A hint for splitting only.
SO_ERPSYNC_DECL bool refusal_names_key(std::string_view message, std::string_view key) noexcept;

class bulk_core {
public:
    using ordinal = std::uint64_t;

    struct settings {
        std::size_t batch_size = 100; ///< keys per call taken from the source (at least 1)
        std::size_t concurrency = 4;  ///< calls in flight at once (at least 1)
        bool isolate = true;          ///< split refused batches; false: a refusal settles its batch
        bool use_hints = true;        ///< split by the keys a refusal names first
    };

    struct batch {
        std::uint64_t id = 0;
        std::vector<ordinal> keys;
        /// Calls its keys took part in before this one (0: a batch taken from the source).
        unsigned depth = 0;
    };

    struct settlement {
        ordinal key = 0;
        key_fate fate = key_fate::succeeded;
        /// Calls the key took part in (1 + the refused batches it was in); 0 when never sent.
        unsigned calls = 0;
    };

    enum class action_kind : unsigned char {
        take, ///< take up to `count` keys from the source, then call `taken`
        send, ///< start the call for `*to_send` (stays valid until its `finished`)
        wait, ///< nothing to do until a call finishes (or the limit rises)
        done, ///< nothing in flight and nothing left: the run is over
    };
    struct action {
        action_kind kind = action_kind::wait;
        std::size_t count = 0;
        batch const* to_send = nullptr;
    };

    struct statistics {
        std::uint64_t taken = 0;           ///< keys taken from the source
        std::uint64_t calls = 0;           ///< calls started
        std::uint64_t isolation_calls = 0; ///< of those, for parts of split batches
        std::uint64_t splits = 0;          ///< refused batches split
        std::uint64_t hinted_splits = 0;   ///< of those, split by the keys the refusal named
        std::uint64_t succeeded = 0;       ///< keys settled per fate
        std::uint64_t refused = 0;
        std::uint64_t failed = 0;
        std::uint64_t unresolved = 0;
        std::size_t max_held = 0; ///< most keys held at once (in flight or waiting)
    };

    SO_ERPSYNC_DECL explicit bulk_core(settings s);

    /// The next thing to do. Keep calling until `wait` or `done`; settlements of stopped runs
    /// come out of `drain`.
    SO_ERPSYNC_DECL action next();

    /// The keys taken after a `take` action (at most its count), in source order; `exhausted`:
    /// the source has no more keys (also after an error in it).
    SO_ERPSYNC_DECL void taken(std::vector<ordinal> keys, bool exhausted);

    /// Call `id` finished. For `refused`, `named` lists the batch's keys the refusal names (see
    /// `refusal_names_key`; keys outside the batch are ignored). Returns the keys it settled.
    SO_ERPSYNC_DECL std::vector<settlement> finished(std::uint64_t id, batch_verdict v,
                                                     std::vector<ordinal> const& named = {});

    /// No new calls; keys waiting are settled `unresolved` by the next `drain`.
    SO_ERPSYNC_DECL void stop() noexcept;
    /// Settlements made outside `finished` (keys waiting when the run stopped).
    SO_ERPSYNC_DECL std::vector<settlement> drain();

    /// Changes the limit of calls in flight (at least 1); calls above a lowered limit finish.
    SO_ERPSYNC_DECL void set_concurrency(std::size_t n) noexcept;
    std::size_t concurrency() const noexcept { return s_.concurrency; }

    std::size_t in_flight() const noexcept { return flying_.size(); }
    /// Keys in flight or waiting in parts of split batches.
    std::size_t held() const noexcept { return held_; }
    bool stopped() const noexcept { return stopped_; }
    bool exhausted() const noexcept { return exhausted_; }
    /// A batch in flight (nullptr when unknown).
    SO_ERPSYNC_DECL batch const* find(std::uint64_t id) const noexcept;
    statistics const& stats() const noexcept { return st_; }

private:
    SO_ERPSYNC_DECL void count(key_fate f, std::size_t n) noexcept;

    settings s_;
    std::deque<batch> waiting_; // parts of split batches (and a batch just taken), next first
    std::map<std::uint64_t, batch> flying_;
    std::vector<settlement> drained_;
    std::uint64_t next_id_ = 1;
    std::size_t held_ = 0;
    bool taking_ = false; // a take action is out
    bool exhausted_ = false;
    bool stopped_ = false;
    statistics st_;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/bulk_core.ipp>
#endif

#endif
