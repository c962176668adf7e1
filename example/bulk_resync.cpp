//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Bulk resync: every customer of an ERP connection resynced by key with `async_resync_bulk`
// (batches of keys per call, several calls in flight, retries, refused keys isolated), reporting
// progress and keys per second.
//
//   bulk_resync [KEYS [BATCH_SIZE [CONCURRENCY]]]     default 20000 keys, 100 a call, 4 at once
//
// It runs against the in-process sandbox, seeded with KEYS customers linked on connection 1
// (`sandbox::add_linked_customers`), plus one key the agent does not know, which the run isolates
// and reports refused while every other key succeeds. Exit status 0 when exactly that happened.
// Against a real installation, the same call takes your client and your keys; read them from a
// file with the streaming overload (key source and outcome sink) to keep memory flat.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/bulk.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

int main(int argc, char** argv) {
    std::size_t keys = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
    erp::bulk_options opt;
    opt.batch_size = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100;
    opt.concurrency = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 4;
    if (keys == 0 || opt.batch_size == 0 || opt.concurrency == 0) {
        std::cerr << "usage: " << argv[0] << " [KEYS [BATCH_SIZE [CONCURRENCY]]] (each at least 1)\n";
        return 2;
    }

    // The sandbox: connection 1 with `keys` customers K-0, K-1, ... linked to CRM contacts.
    auto data = erp::sandbox::default_seed();
    erp::sandbox::add_linked_customers(data, keys);
    erp::sandbox::server sandbox({}, data);

    std::vector<std::string> erp_keys;
    erp_keys.reserve(keys + 1);
    for (std::size_t i = 0; i < keys; ++i)
        erp_keys.push_back("K-" + std::to_string(i));
    erp_keys.insert(erp_keys.begin() + static_cast<std::ptrdiff_t>(keys / 2), "NOT-IN-THE-ERP");

    erp::client_config cfg;
    cfg.base_url = sandbox.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    cfg.threading = erp::call_threading::single_threaded; // one thread runs `io`: no strands needed
    asio::io_context io;
    erp::client client(io, cfg);

    std::uint64_t last_reported = 0;
    opt.progress = [&](erp::bulk_progress const& p) {
        if (p.done - last_reported >= p.keys / 4 || p.done == p.keys) { // four lines or so
            last_reported = p.done;
            std::cout << "  " << p.done << "/" << p.keys << " keys, " << p.failed << " failed\n";
        }
    };

    std::cout << "Resyncing " << erp_keys.size() << " keys, " << opt.batch_size << " a call, "
              << opt.concurrency << " calls at once\n";
    auto start = std::chrono::steady_clock::now();
    erp::error_code ec;
    erp::bulk_result result;
    erp::async_resync_bulk(client, 1, erp::erp_actor_type::Customer, erp_keys, opt,
                           [&](erp::error_code e, erp::bulk_result r) {
                               ec = e;
                               result = std::move(r);
                           });
    io.run();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::cout << "succeeded " << result.succeeded << ", refused " << result.refused << ", failed "
              << result.failed << "; " << result.batches_sent << " calls (" << result.isolation_calls
              << " to isolate the refused key), " << result.attempts << " HTTP attempts\n"
              << "elapsed " << seconds << " s: " << static_cast<std::uint64_t>(erp_keys.size() / seconds)
              << " keys per second\n";
    for (std::size_t i = 0; i < result.outcomes.size(); ++i)
        if (result.outcomes[i].status != erp::key_status::succeeded)
            std::cout << "  " << erp_keys[i] << ": " << result.outcomes[i].message << '\n';

    bool as_expected = !ec && result.succeeded == keys && result.refused == 1 && result.failed == 1;
    std::cout << (as_expected ? "Every known key resynced; the unknown one refused.\n"
                              : "Unexpected result.\n");
    return as_expected ? 0 : 1;
}
