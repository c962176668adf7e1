//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync-sandbox: runs the ErpSync sandbox (REST and SOAP endpoints) from the shell until SIGINT
// or SIGTERM.
//
//   erpsync-sandbox [--port N] [--address 127.0.0.1] [--seed FILE.json] [--base-path /Cust12345]
//                   [--user U --password P] [--ticket T] [--app-token A] [--print-seed]
//                   [--capacity N [--capacity-retry-after S|none]] [--service-time-us N]
//                   [--linked-customers N]
//                   [--online --system-user-key FILE [--system-user-token T]
//                    [--application-token A] [--refresh-token R] [--environment-port N]]
//
// --capacity N answers 429 Too Many Requests (with `Retry-After: S`, default 1; `none`: without
// the header) to any request above N in flight, as a saturated server does
// (sandbox::options::capacity); --service-time-us
// holds every request that long before it is handled, so that the capacity bounds the throughput
// (N / service time). Both are off by default; the refusals are counted in the summary printed on
// exit.
//
// The seed file is the JSON form of superoffice::erpsync::sandbox::seed; --print-seed writes the
// built-in one, a starting point for your own. --linked-customers N adds N linked Customer actors
// K-0 ... K-<N-1> on connection 1 to the seed (sandbox::add_linked_customers), for volume tests
// such as `erpsync resync-bulk --connection 1 --actor-type Customer`.
//
// --online emulates SuperOffice Online (sandbox::options::online): an environment host with the
// login, token and state services, and the tenant on two tenant hosts. --system-user-key is the
// system user's key (PEM or .NET XML; only its public part is used) whose signatures the
// exchange accepts; the other values default to the sandbox's (see sandbox/online.hpp). The
// environment URL and the tenant hosts are printed, the secrets never.

#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace erp = superoffice::erpsync;

int main(int argc, char** argv) {
    erp::sandbox::options opt;
    opt.soap = erp::sandbox::soap_endpoint();
    erp::sandbox::seed data = erp::sandbox::default_seed();
    std::size_t linked_customers = 0;
    bool print_seed = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--port") {
            int p = std::stoi(value());
            if (p < 0 || p > 65535) {
                std::cerr << "--port must be 0..65535\n";
                return 2;
            }
            opt.port = static_cast<std::uint16_t>(p);
        } else if (a == "--address") {
            opt.address = value();
        } else if (a == "--base-path") {
            opt.base_path = value();
        } else if (a == "--user") {
            opt.user = value();
        } else if (a == "--password") {
            opt.password = value();
        } else if (a == "--ticket") {
            opt.ticket = value();
        } else if (a == "--app-token") {
            opt.app_token = value();
        } else if (a == "--capacity-retry-after" && i + 1 < argc && std::string(argv[i + 1]) == "none") {
            ++i;
            opt.capacity_retry_after.reset();
        } else if (a == "--capacity" || a == "--capacity-retry-after" || a == "--service-time-us" ||
                   a == "--linked-customers") {
            std::string const v = value();
            std::size_t used = 0;
            unsigned long long n = 0;
            bool ok = !v.empty() && v[0] >= '0' && v[0] <= '9';
            if (ok) {
                try {
                    n = std::stoull(v, &used);
                } catch (std::exception const&) { // out of range
                    ok = false;
                }
            }
            if (!ok || used != v.size()) {
                std::cerr << a << " needs a whole number, not '" << v << "'\n";
                return 2;
            }
            if (a == "--capacity")
                opt.capacity = static_cast<std::size_t>(n);
            else if (a == "--linked-customers")
                linked_customers = static_cast<std::size_t>(n);
            else if (a == "--capacity-retry-after")
                opt.capacity_retry_after = std::chrono::seconds(static_cast<std::chrono::seconds::rep>(n));
            else
                opt.service_time = std::chrono::microseconds(static_cast<std::chrono::microseconds::rep>(n));
        } else if (a == "--online") {
            opt.online.enabled = true;
        } else if (a == "--system-user-key") {
            std::string path = value();
            std::ifstream f(path, std::ios::binary);
            if (!f) {
                std::cerr << "cannot open " << path << '\n';
                return 2;
            }
            std::stringstream ss;
            ss << f.rdbuf();
            erp::error_code ec;
            erp::diagnostics d;
            opt.online.system_user_key = erp::rsa_key::parse(ss.str(), ec, &d);
            if (ec) {
                std::cerr << path << ": " << ec.message() << " (" << d.to_string() << ")\n";
                return 2;
            }
        } else if (a == "--system-user-token") {
            opt.online.system_user_token = value();
        } else if (a == "--application-token") {
            opt.online.application_token = value();
        } else if (a == "--refresh-token") {
            opt.online.refresh_tokens = {value()};
        } else if (a == "--environment-port") {
            int p = std::stoi(value());
            if (p < 0 || p > 65535) {
                std::cerr << "--environment-port must be 0..65535\n";
                return 2;
            }
            opt.online.environment_port = static_cast<std::uint16_t>(p);
        } else if (a == "--seed") {
            std::string path = value();
            std::ifstream f(path, std::ios::binary);
            if (!f) {
                std::cerr << "cannot open " << path << '\n';
                return 2;
            }
            std::stringstream ss;
            ss << f.rdbuf();
            erp::diagnostics d;
            data = erp::sandbox::seed{};
            if (auto ec = erp::from_json(ss.str(), data, &d)) {
                std::cerr << path << ": " << ec.message() << " (" << d.to_string() << ")\n";
                return 2;
            }
        } else if (a == "--print-seed") {
            print_seed = true;
        } else {
            std::cerr << "unknown option " << a << " (see the comment at the top of sandbox_main.cpp)\n";
            return 2;
        }
    }
    if (linked_customers > 0) {
        try {
            erp::sandbox::add_linked_customers(data, linked_customers);
        } catch (std::exception const& e) {
            std::cerr << "--linked-customers: " << e.what() << '\n';
            return 2;
        }
    }
    if (print_seed) {
        std::cout << erp::to_json(data).value() << '\n';
        return 0;
    }
    if (opt.online.enabled && opt.online.system_user_key.empty()) {
        std::cerr
            << "--online needs --system-user-key FILE (the key whose signatures the exchange accepts)\n";
        return 2;
    }
    try {
        erp::sandbox::server srv(opt, data);
        std::cout << "ErpSync sandbox listening at " << srv.base_url() << " (Basic " << opt.user
                  << ", SOTicket " << (opt.ticket.empty() ? "off" : "on") << ")" << std::endl;
        if (opt.capacity > 0 || opt.service_time.count() > 0)
            std::cout << "capacity " << (opt.capacity > 0 ? std::to_string(opt.capacity) : "unlimited")
                      << " requests in flight (429 above it, Retry-After: "
                      << (opt.capacity_retry_after ? std::to_string(opt.capacity_retry_after->count())
                                                   : "none")
                      << "), service time " << opt.service_time.count() << " us" << std::endl;
        if (srv.online_enabled()) {
            std::cout << "SuperOffice Online environment at " << srv.environment_url() << " (context "
                      << srv.context_identifier() << ", state " << srv.environment_url() << "/api/state/"
                      << srv.context_identifier() << ")\n";
            for (std::size_t i = 0; i < srv.tenant_host_count(); ++i)
                std::cout << "tenant host " << i << ": " << srv.tenant_host_url(i)
                          << (i == srv.current_tenant_host() ? " (current)" : "") << '\n';
            std::cout << std::flush;
        }
        boost::asio::io_context io;
        boost::asio::signal_set signals(io, SIGINT, SIGTERM);
        signals.async_wait([](boost::system::error_code, int) {});
        io.run();
        std::cout << "stopping after " << srv.requests_served() << " requests";
        if (opt.capacity > 0)
            std::cout << " (" << srv.capacity_refusals() << " refused at capacity " << opt.capacity
                      << ", at most " << srv.peak_requests_in_flight() << " in flight)";
        std::cout << std::endl;
    } catch (std::exception const& e) {
        std::cerr << "sandbox: " << e.what() << '\n';
        return 1;
    }
}
