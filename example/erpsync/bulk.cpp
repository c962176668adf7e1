//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync resync-bulk: every key of a file through the streaming `async_resync_bulk`, with a
// progress bar, an optional journal and its resume, and a JSON summary.

#include <superoffice/erpsync/bulk.hpp>
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/open_enum.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "input.hpp"
#include "text.hpp"
#include <unistd.h>

namespace erpsync_cli {

namespace asio = boost::asio;

namespace {

/// The summary as one line of JSON, its numbers with a fraction (the rates) written as 12.345
/// rather than Boost.JSON's 1.2345E1.
std::string summary_text(boost::json::object const& o) {
    std::string out = "{";
    for (auto const& kv : o) {
        if (out.size() > 1)
            out += ',';
        out += json_quoted(kv.key());
        out += ':';
        if (kv.value().is_double()) {
            char buf[64];
            int const n = std::snprintf(buf, sizeof buf, "%.3f", kv.value().get_double());
            out.append(buf, static_cast<std::size_t>(n));
        } else {
            out += boost::json::serialize(kv.value());
        }
    }
    return out + '}';
}

} // namespace

int resync_bulk(arguments const& a) {
    only_options(a,
                 {"--seed", "--connection", "--actor-type", "--keys-file", "--batch-size", "--concurrency",
                  "--journal"},
                 "resync-bulk");
    if (a.positional.size() > 1)
        throw usage_error("resync-bulk takes options only");
    if (a.pretty)
        throw usage_error("--pretty does not apply to resync-bulk");
    auto conn = a.get("--connection");
    auto file = a.get("--keys-file");
    if (!conn || !file)
        throw usage_error("resync-bulk needs --connection N and --keys-file FILE");
    auto const connection = static_cast<std::int32_t>(parse_integer("--connection", *conn, 0, 2147483647));
    erp::bulk_options bo;
    if (auto b = a.get("--batch-size"))
        bo.batch_size = static_cast<std::size_t>(parse_integer("--batch-size", *b, 1, 100000));
    if (auto c = a.get("--concurrency"))
        bo.concurrency = static_cast<std::size_t>(parse_integer("--concurrency", *c, 1, 256));
    bo.no_blank_values = a.no_blank_values;
    if (auto j = a.get("--journal"))
        bo.journal = *j;
    if (a.resume && bo.journal.empty())
        throw usage_error("--resume needs --journal FILE");
    bo.resume = a.resume;
    if (a.adaptive) {
        bo.adaptive.enabled = true;
        bo.adaptive.initial_limit = 1;
    }
    std::optional<erp::erp_actor_type> actor;
    if (auto t = a.get("--actor-type")) {
        auto const e = erp::open_enum<erp::erp_actor_type>::from_name(*t);
        if (e.is_unknown())
            throw usage_error("--actor-type must be an ErpActorType name such as Customer or Supplier");
        actor = e.value();
    }
    check_stdin_users(a);
    key_reader reader(*file);
    bo.expected_keys = key_reader::count(*file);

    auto const sandbox = start_sandbox(a);
    asio::io_context io;
    erp::client client(io, make_config(a, sandbox.get()));
    erp::diagnostics diag;
    check_config(client.config_error(&diag), diag);
    // a progress bar only for a person watching, unless asked for
    bool const bar = a.progress || (!a.no_progress && isatty(STDERR_FILENO) == 1);
    bo.progress = [bar](erp::bulk_progress const& p) {
        if (!bar)
            return;
        constexpr std::uint64_t width = 30;
        std::uint64_t const filled = p.keys ? std::min(width, p.done * width / p.keys) : 0;
        std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] ";
        if (p.keys)
            std::cerr << std::min<std::uint64_t>(100, p.done * 100 / p.keys) << "% ";
        std::cerr << p.done << '/' << p.keys << " ok " << p.succeeded << " failed " << p.failed << std::flush;
    };
    // failed keys, listed in the summary up to a bound (the journal has all of them)
    constexpr std::size_t max_listed = 10000;
    boost::json::array failures;
    std::uint64_t unlisted = 0, keys_retried = 0;
    unsigned max_attempts = 0;
    auto note = [&](boost::json::value key, erp::key_outcome const& o) {
        max_attempts = std::max(max_attempts, o.attempts);
        keys_retried += o.attempts > 1;
        if (o.status != erp::key_status::refused && o.status != erp::key_status::failed)
            return;
        if (failures.size() == max_listed) {
            ++unlisted;
            return;
        }
        failures.push_back(boost::json::object{{"key", std::move(key)},
                                               {"error", o.ec.message()},
                                               {"refused", o.status == erp::key_status::refused},
                                               {"detail", o.message}});
    };
    std::string source_problem; // a line that is not a key
    asio::cancellation_signal stop;
    asio::signal_set signals(io, SIGINT, SIGTERM);
    int signal_number = 0;
    signals.async_wait([&](boost::system::error_code ec, int sig) {
        if (!ec) {
            signal_number = sig;
            std::cerr << (bar ? "\n" : "")
                      << "erpsync: interrupted: waiting for the calls in flight to end\n";
            stop.emit(asio::cancellation_type::terminal);
        }
    });
    erp::error_code run_ec;
    erp::bulk_summary res;
    auto done = asio::bind_cancellation_slot(stop.slot(), [&](erp::error_code ec, erp::bulk_summary r) {
        run_ec = ec;
        res = std::move(r);
        signals.cancel();
    });
    auto const started = std::chrono::steady_clock::now();
    if (actor) {
        erp::async_resync_bulk(
            client, connection, *actor, [&](erp::error_code& ec) { return reader.next(ec); },
            [&](std::uint64_t, std::string const& key, erp::key_outcome const& o) {
                note(boost::json::value(key), o);
            },
            bo, std::move(done));
    } else {
        erp::bulk_key_source<std::int32_t> ids = [&](erp::error_code& ec) -> std::optional<std::int32_t> {
            auto t = reader.next(ec);
            if (!t)
                return std::nullopt;
            std::int32_t v = 0;
            auto [end, pec] = std::from_chars(t->data(), t->data() + t->size(), v);
            if (pec != std::errc{} || end != t->data() + t->size()) {
                source_problem = "line " + std::to_string(reader.line()) + " of " + reader.path() +
                                 " is not an internal key id (a whole number): " + json_quoted(*t);
                ec = make_error_code(boost::system::errc::invalid_argument);
                return std::nullopt;
            }
            return v;
        };
        erp::async_resync_bulk(
            client, connection, std::move(ids),
            [&](std::uint64_t, std::int32_t const& key, erp::key_outcome const& o) { note(key, o); }, bo,
            std::move(done));
    }
    io.run();
    double const elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (bar)
        std::cerr << '\n';
    std::uint64_t const keys = res.succeeded + res.failed + res.not_attempted;
    boost::json::object out;
    out["keys"] = keys;
    if (bo.expected_keys)
        out["keys_in_file"] = bo.expected_keys;
    out["succeeded"] = res.succeeded;
    out["failed"] = res.failed;
    out["refused"] = res.refused;
    out["not_attempted"] = res.not_attempted;
    out["cancelled"] = res.cancelled;
    out["calls"] = res.batches_sent;
    out["isolation_calls"] = res.isolation_calls;
    out["overloaded_calls"] = res.overloaded_calls;
    out["attempts"] = res.attempts;
    out["retries"] = res.attempts > res.batches_sent ? res.attempts - res.batches_sent : 0;
    out["keys_retried"] = keys_retried;
    out["max_attempts"] = max_attempts;
    out["elapsed_seconds"] = std::round(elapsed * 1000) / 1000;
    out["keys_per_second"] =
        elapsed > 0 ? std::round(double(res.succeeded + res.failed) / elapsed * 10) / 10 : 0.0;
    if (a.adaptive)
        out["concurrency"] = boost::json::object{{"final", res.concurrency},
                                                 {"min", res.min_concurrency},
                                                 {"max", res.max_concurrency},
                                                 {"decreases", res.concurrency_decreases}};
    if (!bo.journal.empty()) {
        out["journal"] = bo.journal;
        out["skipped"] = res.skipped;
        if (bo.resume)
            out["resumed"] = boost::json::object{{"succeeded", res.resumed.succeeded},
                                                 {"refused", res.resumed.refused},
                                                 {"failed_sent_again", res.resumed.to_retry},
                                                 {"in_flight_sent_again", res.resumed.in_flight},
                                                 {"taken", res.resumed.taken},
                                                 {"torn_line_repaired", res.resumed.repaired}};
    }
    out["failures"] = std::move(failures);
    if (unlisted)
        out["failures_not_listed"] = unlisted;
    std::cout << summary_text(out) << '\n' << std::flush;
    if (signal_number)
        return 128 + signal_number; // 130 for SIGINT, 143 for SIGTERM: the summary above is partial
    if (run_ec && !res.cancelled) {
        std::cerr << "error: resync-bulk: "
                  << (!source_problem.empty() ? source_problem
                                              : (res.message.empty() ? run_ec.message() : res.message))
                  << '\n';
        if (run_ec == boost::system::errc::invalid_argument && res.succeeded + res.failed == 0)
            return exit_usage;
        return res.succeeded + res.refused == 0 ? exit_nothing_done : exit_failed;
    }
    if (keys > 0 && res.succeeded + res.refused == 0)
        return exit_nothing_done; // no key reached the agent: unreachable, credentials refused, ...
    return res.failed || res.not_attempted ? exit_failed : exit_ok;
}

} // namespace erpsync_cli
