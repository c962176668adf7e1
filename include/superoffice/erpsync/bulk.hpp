//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_BULK_HPP
#define SO_ERPSYNC_BULK_HPP

/// @file
/// `async_resync_bulk`: resync any number of records of one connection, in batches, with an
/// outcome for every key.

#include <superoffice/erpsync/client.hpp>

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace superoffice::erpsync {

/// What became of one key.
struct key_outcome {
    /// Empty: resynced. `error::plugin_failed`: the agent answered `IsOk == false` for the batch
    /// (its explanation in `message`). `boost::asio::error::operation_aborted`: never sent, the
    /// bulk run was cancelled first. Anything else: the batch's call failed (after its retries).
    error_code ec{};
    /// The agent's or the library's explanation when `ec` is set (at most 256 bytes).
    std::string message{};
};

/// Progress of a bulk run, reported after each batch.
struct bulk_progress {
    std::size_t keys = 0;      ///< keys in all
    std::size_t done = 0;      ///< keys with an outcome
    std::size_t succeeded = 0; ///< of those, resynced
    std::size_t failed = 0;    ///< of those, failed
    std::size_t batches_done = 0;
    std::size_t batches = 0;
};

/// The result of a bulk run: one outcome per key, in the order of the keys given.
struct bulk_result {
    std::vector<key_outcome> outcomes;
    std::size_t succeeded = 0;
    std::size_t failed = 0;
    /// Keys never sent because the run was cancelled.
    std::size_t not_attempted = 0;
    /// Batches sent (each one call, with its own retries).
    std::size_t batches_sent = 0;
    bool cancelled = false;
};

/// Settings of a bulk run.
struct bulk_options {
    /// Keys per call (at least 1).
    std::size_t batch_size = 100;
    /// Calls in flight at once (at least 1); the client's own `rate_limit` applies as well.
    std::size_t concurrency = 4;
    /// Use the `...NoBlankValues` operations (blank ERP values do not overwrite CRM values).
    bool no_blank_values = false;
    /// Called after each batch with the totals so far, serialised (never two at once), on the
    /// thread completing that batch: keep it short.
    std::function<void(bulk_progress const&)> progress{};
    /// Options for every call (timeout, headers). `diag` is ignored: each batch has its own.
    call_options call{};
};

namespace detail {

template <class Key>
struct bulk_state : std::enable_shared_from_this<bulk_state<Key>> {
    static constexpr bool external = std::is_same_v<Key, std::string>;
    using plain_op = std::conditional_t<external, ops::force_resync_external, ops::force_resync>;
    using no_blank_op = std::conditional_t<external, ops::force_resync_external_no_blank_values,
                                           ops::force_resync_no_blank_values>;
    using Op = plain_op; // both take the same request

    client& c;
    request_t<Op> prototype;
    std::vector<Key> keys;
    bulk_options opt;
    std::mutex m;
    bulk_result result;
    bulk_progress prog;
    std::size_t next = 0; // first key not yet sent
    std::size_t running = 0;
    std::atomic<bool> stop{false};
    std::function<void()> complete;

    bulk_state(client& cl, request_t<Op> proto, std::vector<Key> k, bulk_options o)
        : c(cl), prototype(std::move(proto)), keys(std::move(k)), opt(std::move(o)) {
        opt.batch_size = std::max<std::size_t>(1, opt.batch_size);
        opt.concurrency = std::max<std::size_t>(1, opt.concurrency);
        result.outcomes.resize(keys.size());
        prog.keys = keys.size();
        prog.batches = (keys.size() + opt.batch_size - 1) / opt.batch_size;
    }

    static auto& key_list(request_t<Op>& r) {
        if constexpr (std::is_same_v<Key, std::string>)
            return r.ExternalKeys;
        else
            return r.InternalKeyIds;
    }

    /// Starts batches up to the concurrency; completes when nothing runs and nothing is left.
    /// Called with `m` held.
    void pump(std::unique_lock<std::mutex>& lock) {
        while (!stop && running < opt.concurrency && next < keys.size()) {
            std::size_t const first = next, last = std::min(keys.size(), next + opt.batch_size);
            next = last;
            ++running;
            ++result.batches_sent;
            auto req = prototype;
            key_list(req).assign(keys.begin() + static_cast<std::ptrdiff_t>(first),
                                 keys.begin() + static_cast<std::ptrdiff_t>(last));
            auto diag = std::make_shared<diagnostics>();
            call_options o = opt.call;
            o.diag = diag.get();
            auto on_done = [self = this->shared_from_this(), first, last, diag](
                               error_code ec, plugin_response r) { self->done(first, last, ec, r, *diag); };
            lock.unlock(); // the call may complete on another thread at once
            if (opt.no_blank_values)
                c.async_call<no_blank_op>(req, o, std::move(on_done));
            else
                c.async_call<plain_op>(req, o, std::move(on_done));
            lock.lock();
        }
        if (running == 0 && (next >= keys.size() || stop)) {
            for (std::size_t i = next; i < keys.size(); ++i) {
                result.outcomes[i].ec = boost::asio::error::operation_aborted;
                ++result.not_attempted;
            }
            next = keys.size();
            result.cancelled = stop && result.not_attempted > 0; // a late stop changed nothing
            if (auto f = std::move(complete)) {
                complete = nullptr;
                lock.unlock();
                f();
                lock.lock();
            }
        }
    }

    void done(std::size_t first, std::size_t last, error_code ec, plugin_response const& r,
              diagnostics const& d) {
        std::unique_lock lock(m);
        if (!ec && !r.IsOk)
            ec = error::plugin_failed;
        std::string message;
        if (ec)
            message = (ec == error::plugin_failed
                           ? (r.TechExplanation.empty() ? r.UserExplanation : r.TechExplanation)
                           : d.to_string())
                          .substr(0, 256);
        for (std::size_t i = first; i < last; ++i) {
            result.outcomes[i].ec = ec;
            result.outcomes[i].message = message;
        }
        (ec ? result.failed : result.succeeded) += last - first;
        (ec ? prog.failed : prog.succeeded) += last - first;
        prog.done += last - first;
        ++prog.batches_done;
        --running;
        if (opt.progress)
            opt.progress(prog);
        pump(lock);
    }
};

template <class Key, class CompletionToken>
auto async_resync_bulk_impl(client& c, request_t<typename bulk_state<Key>::Op> proto, std::vector<Key> keys,
                            bulk_options opt, CompletionToken&& token) {
    using Op = typename bulk_state<Key>::Op;
    return boost::asio::async_initiate<CompletionToken, void(error_code, bulk_result)>(
        [](auto handler, client& c, request_t<Op> proto, std::vector<Key> keys, bulk_options opt) {
            auto st = std::make_shared<bulk_state<Key>>(c, std::move(proto), std::move(keys), std::move(opt));
            auto slot = boost::asio::get_associated_cancellation_slot(handler);
            auto ex = boost::asio::get_associated_executor(handler, c.get_executor());
            if (slot.is_connected())
                slot.assign([w = std::weak_ptr(st)](boost::asio::cancellation_type t) {
                    if ((t &
                         (boost::asio::cancellation_type::terminal | boost::asio::cancellation_type::partial |
                          boost::asio::cancellation_type::total)) != boost::asio::cancellation_type::none)
                        if (auto s = w.lock())
                            s->stop = true; // no new batch; those in flight finish
                });
            // The handler's executor has work while the run lasts (the guard), and the slot is
            // cleared there, on the handler's side, not on whichever thread ended the last batch.
            st->complete = [st_raw = st.get(), h = std::make_shared<decltype(handler)>(std::move(handler)),
                            guard = boost::asio::make_work_guard(ex), slot]() mutable {
                bulk_result r = std::move(st_raw->result);
                error_code ec =
                    r.cancelled ? error_code(boost::asio::error::operation_aborted) : error_code();
                auto ex2 = guard.get_executor();
                // posted: never inside the initiating call, not under the run's lock
                boost::asio::post(ex2, [h, ec, r = std::move(r), g = std::move(guard), slot]() mutable {
                    if (slot.is_connected())
                        slot.clear();
                    (*h)(ec, std::move(r));
                });
            };
            std::unique_lock lock(st->m);
            st->pump(lock);
        },
        token, std::ref(c), std::move(proto), std::move(keys), std::move(opt));
}

} // namespace detail

/// Resyncs records of connection `connection` by internal key id (`ForceResync`, or
/// `ForceResyncNoBlankValues`), `options.batch_size` ids per call, `options.concurrency` calls at
/// once, each call with the client's retry policy.
///
/// @par Completion
/// `void(error_code, bulk_result)`: an outcome for every key, in order; none is lost or counted
/// twice (a key is in exactly one batch, and a batch's outcome is its call's final result). The
/// code is empty, or `operation_aborted` when the run was cancelled (the result is then partial:
/// keys never sent have `operation_aborted`).
///
/// @par Cancellation
/// Any cancellation type through the token's slot stops the run: no new batch starts; batches in
/// flight finish (each within the call timeout) and their outcomes count.
///
/// @par Thread safety
/// As the client's calls. `c` must outlive the run.
template <class CompletionToken = boost::asio::deferred_t>
auto async_resync_bulk(client& c, std::int32_t connection, std::vector<std::int32_t> internal_key_ids,
                       bulk_options options = {}, CompletionToken&& token = {}) {
    force_resync_request proto;
    proto.ErpConnectionId = connection;
    return detail::async_resync_bulk_impl<std::int32_t>(c, std::move(proto), std::move(internal_key_ids),
                                                        std::move(options),
                                                        std::forward<CompletionToken>(token));
}

/// Resyncs records of connection `connection` by ERP key (`ForceResyncExternal`, or
/// `ForceResyncExternalNoBlankValues`); otherwise as the overload above.
template <class CompletionToken = boost::asio::deferred_t>
auto async_resync_bulk(client& c, std::int32_t connection, erp_actor_type actor_type,
                       std::vector<std::string> external_keys, bulk_options options = {},
                       CompletionToken&& token = {}) {
    force_resync_external_request proto;
    proto.ErpConnectionId = connection;
    proto.ErpActorType = actor_type;
    return detail::async_resync_bulk_impl<std::string>(c, std::move(proto), std::move(external_keys),
                                                       std::move(options),
                                                       std::forward<CompletionToken>(token));
}

} // namespace superoffice::erpsync

#endif
