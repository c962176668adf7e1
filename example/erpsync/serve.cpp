//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync serve: the sandbox (REST and SOAP) on 127.0.0.1 until SIGINT/SIGTERM; and the
// in-process sandbox of `--sandbox`.

#include <superoffice/erpsync/sandbox/server.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "input.hpp"
#include "text.hpp"

namespace erpsync_cli {

namespace {

namespace asio = boost::asio;
namespace sandbox = superoffice::erpsync::sandbox;

/// The sandbox's settings: REST and SOAP endpoints.
sandbox::options sandbox_options() {
    sandbox::options opt;
    opt.soap = sandbox::soap_endpoint();
    return opt;
}

sandbox::seed load_seed(arguments const& a) {
    auto path = a.get("--seed");
    if (!path)
        return sandbox::default_seed();
    sandbox::seed data{};
    read_json(read_file(*path), data, *path);
    return data;
}

class running_sandbox final : public sandbox_handle {
public:
    running_sandbox(sandbox::options const& o, sandbox::seed const& s) : opt_(o), srv_(o, s) {}
    std::string base_url() const override { return srv_.base_url(); }
    std::string user() const override { return opt_.user; }
    std::string password() const override { return opt_.password; }

private:
    sandbox::options opt_;
    sandbox::server srv_;
};

} // namespace

std::unique_ptr<sandbox_handle> start_sandbox(arguments const& a) {
    if (!a.sandbox)
        return nullptr;
    return std::make_unique<running_sandbox>(sandbox_options(), load_seed(a));
}

int serve(arguments const& a) {
    only_options(a, {"--port", "--seed"}, "serve", false);
    if (a.sandbox || a.pretty || a.positional.size() > 1)
        throw usage_error("serve takes only --port and --seed");
    sandbox::options opt = sandbox_options();
    if (auto p = a.get("--port"))
        opt.port = static_cast<std::uint16_t>(parse_integer("--port", *p, 0, 65535));
    sandbox::seed data = load_seed(a);
    sandbox::server srv(opt, data);
    // The sandbox's test credentials are printed on purpose: they are what clients must send.
    std::cout << "ErpSync sandbox listening at " << srv.base_url() << "\n  REST " << srv.base_url()
              << "/api/v1/Agents/ErpSync/{Operation}\n  SOAP " << srv.base_url() << erp::soap::endpoint_path
              << " (1.1 and 1.2)\n  Basic user " << json_quoted(opt.user) << " password "
              << json_quoted(opt.password) << "\n  SOTicket " << json_quoted(opt.ticket) << "\n  Bearer "
              << json_quoted(opt.bearer) << "\nTry: ERPSYNC_URL=" << srv.base_url()
              << " ERPSYNC_USER=" << opt.user << " ERPSYNC_PASSWORD=" << opt.password
              << " erpsync GetEngineStatus\nStop with Ctrl-C (SIGINT) or SIGTERM." << std::endl;
    asio::io_context io;
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([](boost::system::error_code, int) {});
    io.run();
    std::cout << "stopping after " << srv.requests_served() << " requests" << std::endl;
    return exit_ok;
}

} // namespace erpsync_cli
