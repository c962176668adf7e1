//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// SOAP: the same calls over the agent's SOAP endpoint (Services88, `{base}/Remote/Services88/
// ErpSync.svc`), for installations where REST is not available. Only the client's configuration
// changes: `client_config::protocol = soap::protocol(version)`; requests, results, errors,
// retries and the named members are the same as over REST. Link superoffice::erpsync_soap
// (pugixml).
//
//   soap_call                   against the in-process sandbox (its SOAP endpoint enabled)
//   soap_call URL USER PASSWORD against an installation, Basic authentication
//
// Runs GetAllConnections and ForceResync over SOAP 1.1 and SOAP 1.2; exit status 0 when both
// versions answered alike.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

namespace {

/// Two calls over one protocol; returns a line describing what came back. A failure throws
/// `error_with_diagnostics` (the default token), with the HTTP status and the SOAP fault.
asio::awaitable<std::string> calls(erp::client& c) {
    erp::all_connections_request all;
    all.IncludeDeleted = false;
    auto connections = co_await c.async_get_all_connections(all);

    erp::force_resync_request resync;
    resync.ErpConnectionId = connections.empty() ? 0 : connections.front().ErpConnectionId;
    resync.InternalKeyIds = {1, 2};
    auto answer = co_await c.async_force_resync(resync);
    co_return std::to_string(connections.size()) + " connections; ForceResync IsOk " +
        (answer.IsOk ? "true" : "false");
}

} // namespace

int main(int argc, char** argv) {
    erp::client_config cfg;
    std::unique_ptr<erp::sandbox::server> sandbox;
    if (argc == 4) {
        cfg.base_url = argv[1];
        cfg.auth = erp::credentials::basic(argv[2], argv[3]);
    } else if (argc == 1) {
        erp::sandbox::options so;
        so.soap = erp::sandbox::soap_endpoint(); // the sandbox serves SOAP beside REST
        sandbox = std::make_unique<erp::sandbox::server>(so);
        cfg.base_url = sandbox->base_url();
        cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    } else {
        std::cerr << "usage: " << argv[0] << " [URL USER PASSWORD]\n";
        return 2;
    }

    std::string lines[2];
    erp::soap::version const versions[2] = {erp::soap::version::v1_1, erp::soap::version::v1_2};
    for (int i = 0; i < 2; ++i) {
        cfg.protocol = erp::soap::protocol(versions[i]);
        asio::io_context io;
        erp::client client(io, cfg);
        asio::co_spawn(io, calls(client), [&, i](std::exception_ptr e, std::string line) {
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (erp::error_with_diagnostics const& failure) {
                    // status, the server's fault, the field path: never a secret
                    line = std::string("failed: ") + failure.what();
                }
            }
            lines[i] = std::move(line);
        });
        io.run();
        std::cout << cfg.protocol.name() << ": " << lines[i] << '\n';
    }
    bool alike = lines[0] == lines[1] && lines[0].rfind("failed", 0) != 0;
    std::cout << (alike ? "Both SOAP versions answered alike.\n" : "The SOAP versions differ.\n");
    return alike ? 0 : 1;
}
