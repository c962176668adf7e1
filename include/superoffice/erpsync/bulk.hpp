//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_BULK_HPP
#define SO_ERPSYNC_BULK_HPP

/// @file
/// `async_resync_bulk`: resync any number of records of one connection, in batches, with an
/// outcome for every key: keys from a vector or streamed from a source, outcomes in a vector or
/// streamed to a sink, refused keys isolated, an optional journal to resume an interrupted run.

#include <superoffice/erpsync/adaptive_concurrency.hpp>
#include <superoffice/erpsync/bulk_journal.hpp>
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/detail/bulk_core.hpp>
#include <superoffice/erpsync/detail/concurrency_controller.hpp>
#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/key_outcome.hpp>

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/system/errc.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace superoffice::erpsync {

/// Progress of a bulk run, reported after each call that settled keys.
struct bulk_progress {
    /// Keys in all: the vector's size, or `bulk_options::expected_keys` with a key source (0 when
    /// unknown). Keys skipped by a resume are not counted in `done`.
    std::uint64_t keys = 0;
    std::uint64_t done = 0;         ///< keys with an outcome in this run
    std::uint64_t succeeded = 0;    ///< of those, resynced
    std::uint64_t failed = 0;       ///< of those, refused or failed
    std::uint64_t batches_done = 0; ///< calls finished
    std::uint64_t batches = 0;      ///< calls started
    std::size_t concurrency = 0;    ///< the current limit of calls in flight
};

/// The totals of a bulk run (the completion of the streaming overloads).
struct bulk_summary {
    std::uint64_t succeeded = 0; ///< keys resynced
    std::uint64_t failed = 0;    ///< keys refused or whose call failed
    std::uint64_t refused = 0;   ///< of those, refused by the agent (`key_status::refused`)
    /// Keys never settled because the run stopped (`key_status::not_attempted`); with a key source
    /// only keys taken from it count (the rest were never read).
    std::uint64_t not_attempted = 0;
    /// Keys done in the resumed journal and not sent again (`key_status::skipped`).
    std::uint64_t skipped = 0;
    /// Calls made (each with its own retries): batches taken from the keys plus `isolation_calls`.
    std::uint64_t batches_sent = 0;
    /// Calls made for parts of refused batches (see `bulk_options::isolate_refused`).
    std::uint64_t isolation_calls = 0;
    /// HTTP attempts in all the calls (`diagnostics::attempts`), retries included.
    std::uint64_t attempts = 0;
    /// The most keys held at once (in flight or waiting to be isolated): at most
    /// concurrency x batch size, whatever the number of keys.
    std::size_t max_keys_held = 0;
    /// Calls that met a 429 or 503 answer (retried or not): the server's sign of overload.
    std::uint64_t overloaded_calls = 0;
    /// The limit of calls in flight at the end, and the lowest and highest it had (with
    /// `bulk_options::adaptive` enabled; else `bulk_options::concurrency` throughout).
    std::size_t concurrency = 0;
    /// The lowest limit of calls in flight during the run.
    std::size_t min_concurrency = 0;
    /// The highest limit of calls in flight during the run.
    std::size_t max_concurrency = 0;
    /// Decreases of the limit by the adaptive controller.
    std::size_t concurrency_decreases = 0;
    /// What the resumed journal held (all zero without `bulk_options::resume`).
    bulk_journal::resume_info resumed{};
    /// The run was stopped by cancellation.
    bool cancelled = false;
    /// When the run ended with an error other than cancellation (the key source, the journal):
    /// what happened.
    std::string message{};
};

/// The result of a bulk run over a vector: the totals and one outcome per key, in the order of
/// the keys given.
struct bulk_result : bulk_summary {
    /// One outcome per key, in the order of the keys given.
    std::vector<key_outcome> outcomes;
};

/// A source of keys for the streaming `async_resync_bulk`: returns the next key, or `nullopt` at
/// the end. To end the run with an error (e.g. a line that is not a key), set `ec` and return
/// `nullopt`: no key is taken after it, the keys taken before it are resynced as usual, the
/// completion gets `ec`. An exception thrown ends the run likewise, with `std::errc::io_error` and
/// its `what()` in `bulk_summary::message`.
template <class Key>
using bulk_key_source = std::function<std::optional<Key>(error_code& ec)>;

/// A sink of outcomes for the streaming `async_resync_bulk`: called once for every key taken
/// from the source (never for a key skipped by a resume), as the call settling it completes, with
/// the key's position in the source (0 for the first key), the key and its outcome. Must not
/// throw.
template <class Key>
using bulk_outcome_sink =
    std::function<void(std::uint64_t position, Key const& key, key_outcome const& outcome)>;

/// Settings of a bulk run.
struct bulk_options {
    /// Keys per call (at least 1).
    std::size_t batch_size = 100;
    /// Calls in flight at once (at least 1); with `adaptive` enabled, the most. The client's own
    /// `rate_limit` applies as well.
    std::size_t concurrency = 4;
    /// Adapt the number of calls in flight to the server (off by default): additive increase
    /// while calls succeed, multiplicative decrease when an attempt is answered 429 or 503 (as the
    /// answer arrives, through `call_options::on_overload`) or latency rises, never above `concurrency`.
    /// Settings that `problem()` refuses end the run at once with `std::errc::invalid_argument` (nothing
    /// sent).
    adaptive_concurrency adaptive{};
    /// Use the `...NoBlankValues` operations (blank ERP values do not overwrite CRM values).
    bool no_blank_values = false;
    /// When the agent refuses a batch (`IsOk == false`), split it and resync the parts, down to
    /// single keys: only a key refused on its own is reported refused, with the agent's message.
    /// A refusal that names some of the batch's keys sends those alone first (a hint, never
    /// trusted: the other keys are still proven by a call that succeeds). Costs at most about
    /// 2 log2(batch size) extra calls per refused key. A failed call (transport, timeout, an HTTP
    /// error after the retry policy) is not a refusal: its keys are reported failed together.
    /// false: a refused batch reports all its keys refused.
    bool isolate_refused = true;
    /// A journal file (JSON lines; see `bulk_journal`) recording every key's outcome as its batch
    /// completes. Empty: none. Without `resume` the file must not exist or be empty.
    std::string journal{};
    /// Resume the run recorded in `journal`: keys it records as done (resynced, or refused
    /// alone) are skipped; keys whose call failed, and keys whose batch was in flight when the
    /// run was interrupted, are sent again (`bulk_summary::resumed` counts them). The keys must
    /// come in the same order as in the interrupted run. A missing journal is created.
    bool resume = false;
    /// For progress reports with a key source: how many keys it will give (0: unknown).
    std::uint64_t expected_keys = 0;
    /// Called after each call that settled keys with the totals so far, serialised with the
    /// source and the sink (never two at once), on the thread completing that call: keep it short.
    std::function<void(bulk_progress const&)> progress{};
    /// Options for every call (timeout, headers). `diag` is ignored: each call has its own.
    call_options call{};
};

namespace detail {

template <class Key>
struct bulk_run : std::enable_shared_from_this<bulk_run<Key>> {
    static constexpr bool external = std::is_same_v<Key, std::string>;
    using plain_op = std::conditional_t<external, ops::force_resync_external, ops::force_resync>;
    using no_blank_op = std::conditional_t<external, ops::force_resync_external_no_blank_values,
                                           ops::force_resync_no_blank_values>;
    using Op = plain_op; // both take the same request
    using ordinal = bulk_core::ordinal;

    client& c;
    request_t<Op> prototype;
    bulk_options opt;
    bulk_key_source<Key> source;
    bulk_outcome_sink<Key> sink;
    std::string run_name;

    std::mutex m;
    bulk_core core;
    std::unordered_map<ordinal, Key> held; // keys taken and not settled
    ordinal next_position = 0;
    bulk_journal journal;
    bulk_summary sum;
    bulk_progress prog;
    std::atomic<bool> stop{false};
    error_code end_ec{};
    bool completed = false;
    std::function<void(error_code, bulk_summary)> complete;
    std::function<void(ordinal)> on_skip; // a key skipped by a resume (the vector overloads)
    std::optional<concurrency_controller> ctl;

    static bulk_core::settings core_settings(bulk_options const& o) {
        bulk_core::settings s;
        s.batch_size = std::max<std::size_t>(1, o.batch_size);
        s.concurrency = std::max<std::size_t>(1, o.concurrency);
        s.isolate = o.isolate_refused;
        return s;
    }

    bulk_run(client& cl, request_t<Op> proto, bulk_key_source<Key> src, bulk_outcome_sink<Key> snk,
             bulk_options o, std::string name)
        : c(cl), prototype(std::move(proto)), opt(std::move(o)), source(std::move(src)), sink(std::move(snk)),
          run_name(std::move(name)), core(core_settings(opt)) {
        prog.keys = opt.expected_keys;
        prog.concurrency = core.concurrency();
    }

    static auto& key_list(request_t<Op>& r) {
        if constexpr (external)
            return r.ExternalKeys;
        else
            return r.InternalKeyIds;
    }

    static std::string key_text(Key const& k) {
        if constexpr (external)
            return k;
        else
            return std::to_string(k);
    }

    /// Ends the run with `ec` (the first error wins): nothing more is sent (`stop_calls`), or only
    /// the keys already taken (an error of the source: they are good keys).
    void fail(error_code ec, std::string message, bool stop_calls = true) {
        if (!end_ec) {
            end_ec = ec;
            sum.message = std::move(message);
        }
        if (stop_calls)
            core.stop();
    }

    /// Opens the journal; false (and the run ended) when it cannot be.
    bool open_journal() {
        if (opt.journal.empty())
            return true;
        std::string why;
        if (auto ec = journal.open(opt.journal, run_name, opt.resume, &why)) {
            fail(ec, why.empty() ? opt.journal + ": " + ec.message() : why);
            return false;
        }
        sum.resumed = journal.resumed();
        return true;
    }

    /// Takes up to `n` keys from the source, skipping those the journal has as done.
    void take(std::size_t n) {
        std::vector<ordinal> got;
        got.reserve(n);
        bool end = false;
        while (got.size() < n) {
            error_code ec;
            std::optional<Key> k;
            try {
                k = source(ec);
            } catch (std::exception const& e) {
                ec = make_error_code(boost::system::errc::io_error);
                fail(ec, std::string("the key source threw: ") + e.what(), false);
                end = true;
                break;
            }
            if (ec) {
                fail(ec, "the key source failed: " + ec.message(), false);
                end = true;
                break;
            }
            if (!k) {
                end = true;
                break;
            }
            ordinal const pos = next_position++;
            if (journal.done(pos)) {
                ++sum.skipped;
                if (on_skip)
                    on_skip(pos);
                continue;
            }
            held.emplace(pos, std::move(*k));
            got.push_back(pos);
        }
        if (journal.is_open() && !got.empty()) {
            journal.taken(next_position); // before the call is sent: a resume knows it was in flight
            if (auto ec = journal.flush())
                fail(ec, opt.journal + ": " + ec.message());
        }
        core.taken(std::move(got), end);
    }

    /// Reports settled keys to the sink and the journal, and forgets them.
    void settle(std::vector<bulk_core::settlement> const& s, error_code ec, std::string const& message,
                unsigned attempts, bool alone) {
        for (auto const& x : s) {
            auto it = held.find(x.key);
            if (it == held.end())
                continue;
            key_outcome o;
            o.calls = x.calls;
            switch (x.fate) {
            case key_fate::succeeded:
                o.status = key_status::succeeded;
                o.attempts = attempts;
                ++sum.succeeded;
                ++prog.succeeded;
                break;
            case key_fate::refused:
                o.status = key_status::refused;
                o.ec = error::plugin_failed;
                o.message = message;
                o.attempts = attempts;
                ++sum.failed;
                ++sum.refused;
                ++prog.failed;
                break;
            case key_fate::failed:
                o.status = key_status::failed;
                o.ec = ec;
                o.message = message;
                o.attempts = attempts;
                ++sum.failed;
                ++prog.failed;
                break;
            case key_fate::unresolved:
                o.status = key_status::not_attempted;
                o.ec = boost::asio::error::operation_aborted;
                o.message = x.calls ? "the run stopped before the refused batch holding this key was split "
                                      "down to it"
                                    : "the run stopped before this key was sent";
                ++sum.not_attempted;
                break;
            }
            if (x.fate != key_fate::unresolved)
                ++prog.done;
            if (sink)
                sink(x.key, it->second, o);
            if (journal.is_open())
                journal.record(x.key, boost::json::value(it->second), o, alone);
            held.erase(it);
        }
    }

    /// Does what the core decides until it waits; completes the run when it is over. Called with
    /// `m` held.
    void pump(std::unique_lock<std::mutex>& lock) {
        for (;;) {
            if (stop && !core.stopped())
                core.stop();
            auto a = core.next();
            settle(core.drain(), {}, {}, 0, false);
            switch (a.kind) {
            case bulk_core::action_kind::take:
                take(a.count);
                continue;
            case bulk_core::action_kind::send:
                send(*a.to_send, lock);
                continue;
            case bulk_core::action_kind::wait:
                return;
            case bulk_core::action_kind::done:
                finish(lock);
                return;
            }
        }
    }

    void send(bulk_core::batch const& b, std::unique_lock<std::mutex>& lock) {
        auto req = prototype;
        auto& list = key_list(req);
        list.reserve(b.keys.size());
        for (auto k : b.keys)
            list.push_back(held.at(k));
        ++prog.batches;
        auto diag = std::make_shared<diagnostics>();
        call_options o = opt.call;
        o.diag = diag.get();
        auto const sent = std::chrono::steady_clock::now();
        if (ctl) // the controller hears of each 429 or 503 as it arrives
            o.on_overload = [self = this->shared_from_this(), user = std::move(o.on_overload),
                             sent](unsigned status, std::chrono::steady_clock::duration latency) {
                if (user)
                    user(status, latency);
                self->overloaded(sent);
            };
        auto on_done = [self = this->shared_from_this(), id = b.id, diag, sent](error_code ec,
                                                                                plugin_response r) {
            self->finished(id, ec, r, *diag, std::chrono::steady_clock::now() - sent);
        };
        lock.unlock(); // the call may complete on another thread at once
        if (opt.no_blank_values)
            c.async_call<no_blank_op>(req, o, std::move(on_done));
        else
            c.async_call<plain_op>(req, o, std::move(on_done));
        lock.lock();
    }

    void finished(std::uint64_t id, error_code ec, plugin_response const& r, diagnostics const& d,
                  std::chrono::steady_clock::duration latency) {
        std::unique_lock lock(m);
        auto const* b = core.find(id);
        if (!b)
            return;
        adapt(ec, d, latency);
        bool const refused = !ec && !r.IsOk;
        std::string message;
        if (refused)
            message = (r.TechExplanation.empty() ? r.UserExplanation : r.TechExplanation).substr(0, 256);
        else if (ec)
            message = d.to_string().substr(0, 256);
        std::vector<ordinal> named;
        if (refused && opt.isolate_refused && b->keys.size() > 1)
            for (auto k : b->keys)
                if (refusal_names_key(message, key_text(held.at(k))))
                    named.push_back(k);
        bool const alone = b->keys.size() == 1;
        sum.attempts += d.attempts;
        auto const v =
            ec ? batch_verdict::failed : (refused ? batch_verdict::refused : batch_verdict::succeeded);
        auto const settled = core.finished(id, v, named);
        ++prog.batches_done;
        settle(settled, ec, message, d.attempts, alone);
        if (journal.is_open() && !settled.empty())
            if (auto jec = journal.flush())
                fail(jec, opt.journal + ": " + jec.message());
        if (opt.progress && !settled.empty()) {
            prog.concurrency = core.concurrency();
            opt.progress(prog);
        }
        pump(lock);
    }

    void finish(std::unique_lock<std::mutex>& lock) {
        if (completed)
            return;
        completed = true;
        if (journal.is_open())
            if (auto jec = journal.close(); jec && !end_ec) {
                end_ec = jec;
                sum.message = opt.journal + ": " + jec.message();
            }
        auto const& st = core.stats();
        sum.batches_sent = st.calls;
        sum.isolation_calls = st.isolation_calls;
        sum.max_keys_held = st.max_held;
        sum.cancelled = stop && !end_ec;
        error_code ec =
            end_ec ? end_ec
                   : (sum.cancelled ? error_code(boost::asio::error::operation_aborted) : error_code());
        // a late cancellation that stopped nothing changes nothing
        if (sum.cancelled && sum.not_attempted == 0 && core.exhausted() && st.unresolved == 0) {
            sum.cancelled = false;
            ec = {};
        }
        auto f = std::move(complete);
        complete = nullptr;
        auto s = std::move(sum);
        lock.unlock();
        if (f)
            f(ec, std::move(s));
        lock.lock();
    }

    /// Starts the run (the journal opened, the first calls sent); completes through `complete`.
    void start() {
        std::unique_lock lock(m);
        if (char const* p = opt.adaptive.problem()) {
            fail(make_error_code(boost::system::errc::invalid_argument), p);
        } else {
            if (opt.adaptive.enabled) {
                ctl.emplace(opt.adaptive, core.concurrency());
                core.set_concurrency(ctl->limit());
            }
            sum.concurrency = sum.min_concurrency = sum.max_concurrency = core.concurrency();
            open_journal();
        }
        pump(lock);
    }

    /// Tells the adaptive controller how a call went and applies its limit. Its 429 and 503
    /// answers were told as they arrived (`overloaded`): a call that met one is not a success.
    void adapt(error_code ec, diagnostics const& d, std::chrono::steady_clock::duration latency) {
        unsigned const overloads = overload_count(d);
        sum.overloaded_calls += overloads > 0;
        if (!ctl)
            return;
        if (overloads == 0 && !ec)
            ctl->on_success(latency, std::chrono::steady_clock::now());
        apply_limit();
    }

    /// An attempt of the call sent at `sent` was answered 429 or 503 (`call_options::on_overload`,
    /// on the thread completing the call's I/O). The call's time, not the attempt's: the retries
    /// of a call sent before the last decrease are refused by the same crowd, and change nothing.
    void overloaded(std::chrono::steady_clock::time_point sent) {
        std::unique_lock lock(m);
        if (!ctl)
            return;
        auto const now = std::chrono::steady_clock::now();
        ctl->on_overload(now - sent, now);
        apply_limit();
    }

    /// Applies the controller's limit to the run (under the lock).
    void apply_limit() {
        core.set_concurrency(ctl->limit());
        sum.concurrency = core.concurrency();
        sum.min_concurrency = std::min(sum.min_concurrency, sum.concurrency);
        sum.max_concurrency = std::max(sum.max_concurrency, sum.concurrency);
        sum.concurrency_decreases = ctl->decreases();
    }

    /// How many 429 and 503 answers the call met (retried or not).
    static unsigned overload_count(diagnostics const& d) { return d.overloaded; }
};

/// Starts a run; `finish(handler, ec, summary)` is called once, through the handler's executor,
/// never inside this call.
template <class Key, class Handler, class Finish>
void launch_bulk(client& c, request_t<typename bulk_run<Key>::Op> proto, bulk_key_source<Key> source,
                 bulk_outcome_sink<Key> sink, bulk_options opt, std::string run_name, Handler handler,
                 Finish finish, std::function<void(bulk_core::ordinal)> on_skip = {}) {
    auto st = std::make_shared<bulk_run<Key>>(c, std::move(proto), std::move(source), std::move(sink),
                                              std::move(opt), std::move(run_name));
    st->on_skip = std::move(on_skip);
    auto slot = boost::asio::get_associated_cancellation_slot(handler);
    auto ex = boost::asio::get_associated_executor(handler, c.get_executor());
    if (slot.is_connected())
        slot.assign([w = std::weak_ptr(st)](boost::asio::cancellation_type t) {
            if ((t & (boost::asio::cancellation_type::terminal | boost::asio::cancellation_type::partial |
                      boost::asio::cancellation_type::total)) != boost::asio::cancellation_type::none)
                if (auto s = w.lock())
                    s->stop = true; // no new call; those in flight finish
        });
    // The handler's executor has work while the run lasts (the guard), and the slot is cleared
    // there, on the handler's side, not on whichever thread ended the last call.
    st->complete = [h = std::make_shared<Handler>(std::move(handler)),
                    guard = boost::asio::make_work_guard(ex), slot,
                    finish = std::move(finish)](error_code ec, bulk_summary s) mutable {
        auto ex2 = guard.get_executor();
        // posted: never inside the initiating call, not under the run's lock
        boost::asio::post(ex2, [h, ec, s = std::move(s), g = std::move(guard), slot, finish]() mutable {
            if (slot.is_connected())
                slot.clear();
            finish(*h, ec, std::move(s));
        });
    };
    st->start();
}

inline std::string bulk_run_name(char const* op, std::int32_t connection) {
    return std::string(op) + " " + std::to_string(connection);
}

inline std::string bulk_run_name(char const* op, std::int32_t connection, erp_actor_type t) {
    auto n = enum_name(t);
    return bulk_run_name(op, connection) + " " +
           (n ? std::string(*n) : std::to_string(static_cast<long long>(t)));
}

template <class Key, class CompletionToken>
auto async_resync_bulk_stream(client& c, request_t<typename bulk_run<Key>::Op> proto, std::string run_name,
                              bulk_key_source<Key> source, bulk_outcome_sink<Key> sink, bulk_options opt,
                              CompletionToken&& token) {
    using Op = typename bulk_run<Key>::Op;
    return boost::asio::async_initiate<CompletionToken, void(error_code, bulk_summary)>(
        [](auto handler, client& c, request_t<Op> proto, std::string name, bulk_key_source<Key> source,
           bulk_outcome_sink<Key> sink, bulk_options opt) {
            launch_bulk<Key>(c, std::move(proto), std::move(source), std::move(sink), std::move(opt),
                             std::move(name), std::move(handler),
                             [](auto& h, error_code ec, bulk_summary s) { h(ec, std::move(s)); });
        },
        token, std::ref(c), std::move(proto), std::move(run_name), std::move(source), std::move(sink),
        std::move(opt));
}

template <class Key, class CompletionToken>
auto async_resync_bulk_vector(client& c, request_t<typename bulk_run<Key>::Op> proto, std::string run_name,
                              std::vector<Key> keys, bulk_options opt, CompletionToken&& token) {
    using Op = typename bulk_run<Key>::Op;
    return boost::asio::async_initiate<CompletionToken, void(error_code, bulk_result)>(
        [](auto handler, client& c, request_t<Op> proto, std::string name, std::vector<Key> keys,
           bulk_options opt) {
            struct vector_state {
                std::vector<Key> keys;
                std::vector<key_outcome> outcomes;
                std::size_t next = 0;
            };
            auto vs = std::make_shared<vector_state>();
            vs->outcomes.resize(keys.size());
            vs->keys = std::move(keys);
            if (opt.expected_keys == 0)
                opt.expected_keys = vs->keys.size();
            auto source = [vs](error_code&) -> std::optional<Key> {
                if (vs->next == vs->keys.size())
                    return std::nullopt;
                return vs->keys[vs->next++];
            };
            auto sink = [vs](std::uint64_t pos, Key const&, key_outcome const& o) {
                vs->outcomes[static_cast<std::size_t>(pos)] = o;
            };
            launch_bulk<Key>(
                c, std::move(proto), std::move(source), std::move(sink), std::move(opt), std::move(name),
                std::move(handler),
                [vs](auto& h, error_code ec, bulk_summary s) {
                    bulk_result r;
                    static_cast<bulk_summary&>(r) = std::move(s);
                    r.outcomes = std::move(vs->outcomes);
                    // keys never taken from the vector
                    for (std::size_t i = vs->next; i < r.outcomes.size(); ++i) {
                        auto& o = r.outcomes[i];
                        o.status = key_status::not_attempted;
                        o.ec = boost::asio::error::operation_aborted;
                        o.message = "the run stopped before this key was sent";
                        ++r.not_attempted;
                    }
                    // stopped after the last key was taken and settled: nothing was lost
                    if (r.cancelled && r.not_attempted == 0) {
                        r.cancelled = false;
                        ec = {};
                    }
                    h(ec, std::move(r));
                },
                [vs](bulk_core::ordinal pos) {
                    auto& o = vs->outcomes[static_cast<std::size_t>(pos)];
                    o.status = key_status::skipped;
                });
        },
        token, std::ref(c), std::move(proto), std::move(run_name), std::move(keys), std::move(opt));
}

} // namespace detail

/// Resyncs records of connection `connection` by internal key id (`ForceResync`, or
/// `ForceResyncNoBlankValues`), `options.batch_size` ids per call, `options.concurrency` calls at
/// once, each call with the client's retry policy; a batch the agent refuses is split to find the
/// ids it refuses (`bulk_options::isolate_refused`); `options.journal` records the outcomes and
/// lets an interrupted run resume.
///
/// @par Completion
/// `void(error_code, bulk_result)`: an outcome for every key, in order; none is lost or counted
/// twice (each key is settled once, by the call that succeeded, by the call that refused it alone,
/// or by the failed call holding it). The code is empty; or `operation_aborted` when the run was
/// cancelled (the result is then partial: keys not settled have `key_status::not_attempted`); or
/// the journal's error (then nothing was sent when it could not be opened, and
/// `bulk_result::message` says why).
///
/// @par Cancellation
/// Any cancellation type through the token's slot stops the run: no new call starts; calls in
/// flight finish (each within the call timeout) and their outcomes count.
///
/// @par Thread safety
/// As the client's calls. `c` must outlive the run. The progress callback is called serialised.
template <class CompletionToken = boost::asio::deferred_t>
auto async_resync_bulk(client& c, std::int32_t connection, std::vector<std::int32_t> internal_key_ids,
                       bulk_options options = {}, CompletionToken&& token = {}) {
    force_resync_request proto;
    proto.ErpConnectionId = connection;
    auto name = detail::bulk_run_name(options.no_blank_values ? "ForceResyncNoBlankValues" : "ForceResync",
                                      connection);
    return detail::async_resync_bulk_vector<std::int32_t>(c, std::move(proto), std::move(name),
                                                          std::move(internal_key_ids), std::move(options),
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
    auto name = detail::bulk_run_name(options.no_blank_values ? "ForceResyncExternalNoBlankValues"
                                                              : "ForceResyncExternal",
                                      connection, actor_type);
    return detail::async_resync_bulk_vector<std::string>(c, std::move(proto), std::move(name),
                                                         std::move(external_keys), std::move(options),
                                                         std::forward<CompletionToken>(token));
}

/// Resyncs records of connection `connection` by internal key id, streaming: keys are taken from
/// `source` as calls can start (at most `options.concurrency` batches at a time), outcomes go to
/// `sink` as each call completes. Memory stays O(concurrency x batch size), whatever the number
/// of keys. Otherwise as the vector overloads.
///
/// @par Completion
/// `void(error_code, bulk_summary)`: the totals. Every key taken from the source got exactly one
/// `sink` call before the completion. The code is empty; `operation_aborted` when cancelled; the
/// source's error (see `bulk_key_source`); or the journal's error.
///
/// @par Cancellation
/// As the vector overloads; the source is not asked for more keys. Keys taken and not settled
/// (waiting in parts of a refused batch) go to the sink as `key_status::not_attempted`.
///
/// @par Thread safety
/// `source`, `sink` and `options.progress` are called serialised (never two at once, under the
/// run's lock), on the threads completing the calls and in the initiating call (the source):
/// they must not block for long and must not wait for the run. `c` must outlive the run.
template <class CompletionToken = boost::asio::deferred_t>
auto async_resync_bulk(client& c, std::int32_t connection, bulk_key_source<std::int32_t> source,
                       bulk_outcome_sink<std::int32_t> sink, bulk_options options = {},
                       CompletionToken&& token = {}) {
    force_resync_request proto;
    proto.ErpConnectionId = connection;
    auto name = detail::bulk_run_name(options.no_blank_values ? "ForceResyncNoBlankValues" : "ForceResync",
                                      connection);
    return detail::async_resync_bulk_stream<std::int32_t>(
        c, std::move(proto), std::move(name), std::move(source), std::move(sink), std::move(options),
        std::forward<CompletionToken>(token));
}

/// Resyncs records of connection `connection` by ERP key, streaming; as the overload above.
template <class CompletionToken = boost::asio::deferred_t>
auto async_resync_bulk(client& c, std::int32_t connection, erp_actor_type actor_type,
                       bulk_key_source<std::string> source, bulk_outcome_sink<std::string> sink,
                       bulk_options options = {}, CompletionToken&& token = {}) {
    force_resync_external_request proto;
    proto.ErpConnectionId = connection;
    proto.ErpActorType = actor_type;
    auto name = detail::bulk_run_name(options.no_blank_values ? "ForceResyncExternalNoBlankValues"
                                                              : "ForceResyncExternal",
                                      connection, actor_type);
    return detail::async_resync_bulk_stream<std::string>(
        c, std::move(proto), std::move(name), std::move(source), std::move(sink), std::move(options),
        std::forward<CompletionToken>(token));
}

} // namespace superoffice::erpsync

#endif
