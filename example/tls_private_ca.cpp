//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// TLS with a private CA: an installation whose certificate is signed by your own certificate
// authority (an on-premises server, a TLS-inspecting proxy). Verification stays on; the client is
// told to trust the CA (`tls_options::ca_file`, or `ca_path` for a hashed directory, or `ca_pem`
// for PEM text), and checks the host name as usual.
//
//   tls_private_ca CA.pem SERVER.pem SERVER.key
//
// Starts the sandbox speaking TLS only with SERVER.pem/SERVER.key (a certificate for 127.0.0.1
// signed by CA.pem; CTest makes them with the openssl command: make_private_ca.cmake), then
//   1. a client trusting CA.pem calls it: answered;
//   2. a client with the system's trust store calls it: refused, the certificate is not trusted
//      (error::transport, with the TLS reason in the diagnostics), never sent twice.
// Exit status 0 when both happened.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

namespace {

std::string read_file(char const* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(std::string("cannot read ") + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// One GetEngineStatus call with `cfg`; prints and returns its error code.
erp::error_code call(erp::client_config const& cfg, char const* what) {
    asio::io_context io;
    erp::client client(io, cfg);
    erp::diagnostics diag;
    erp::call_options opts;
    opts.diag = &diag;
    erp::error_code result;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            auto [ec, status] = co_await client.async_get_engine_status(opts, asio::as_tuple(asio::deferred));
            result = ec;
        },
        [](std::exception_ptr e) {
            if (e)
                std::rethrow_exception(e);
        });
    io.run();
    std::cout << what << ": " << (result ? result.message() + " (" + diag.to_string() + ")" : "answered")
              << '\n';
    return result;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " CA.pem SERVER.pem SERVER.key\n";
        return 2;
    }
    erp::sandbox::options so;
    so.tls_cert_pem = read_file(argv[2]);
    so.tls_key_pem = read_file(argv[3]);
    erp::sandbox::server sandbox(so);

    erp::client_config cfg;
    cfg.base_url = "https://127.0.0.1:" + std::to_string(sandbox.port()) + "/Cust12345";
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");

    erp::client_config trusting = cfg;
    trusting.tls.ca_file = argv[1]; // verification on (the default), the private CA trusted
    auto trusted = call(trusting, "1. trusting the private CA");

    auto untrusted = call(cfg, "2. with the system's trust store");

    bool as_expected = !trusted && untrusted;
    std::cout << (as_expected ? "The private CA is trusted only where configured.\n"
                              : "Unexpected result.\n");
    return as_expected ? 0 : 1;
}
