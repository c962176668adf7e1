//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Separate compilation: a program whose translation units see only the library's declarations,
// its out-of-line code compiled once in erpsync.cpp. Set it up in CMake with
//
//   add_executable(app main.cpp other.cpp erpsync.cpp)   # erpsync.cpp: #include
//   <superoffice/erpsync/src.hpp> target_compile_definitions(app PRIVATE SO_ERPSYNC_SEPARATE_COMPILATION)
//   target_link_libraries(app PRIVATE superoffice::erpsync)
//
// The definition must be the same in every translation unit of the program, and a library
// compiled without it (the sandbox library is) must not be linked into it: this program therefore
// calls a sandbox running as its own process (`erpsync_sandbox`), or any installation.
//
//   separate_compilation URL [USER PASSWORD]      default credentials: sandbox / sandbox
//
// Exit status 0 when GetEngineStatus and ForceResync were answered.

#include <superoffice/erpsync.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <iostream>
#include <string>

#ifndef SO_ERPSYNC_SEPARATE_COMPILATION
#error "this example shows separate compilation: build it with SO_ERPSYNC_SEPARATE_COMPILATION defined"
#endif

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

namespace {

asio::awaitable<void> run(erp::client& c) {
    auto status = co_await c.async_get_engine_status();
    std::cout << "GetEngineStatus: " << erp::to_json(status).value() << '\n';

    erp::force_resync_request resync;
    resync.ErpConnectionId = 1;
    resync.InternalKeyIds = {1, 2};
    auto answer = co_await c.async_force_resync(resync);
    std::cout << "ForceResync: " << erp::to_json(answer).value() << '\n';
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 4) {
        std::cerr << "usage: " << argv[0] << " URL [USER PASSWORD]\n";
        return 2;
    }
    erp::client_config cfg;
    cfg.base_url = argv[1];
    cfg.auth = erp::credentials::basic(argc == 4 ? argv[2] : "sandbox", argc == 4 ? argv[3] : "sandbox");

    asio::io_context io;
    erp::client client(io, cfg);
    int status = 1;
    asio::co_spawn(io, run(client), [&](std::exception_ptr e) {
        if (!e) {
            status = 0;
            return;
        }
        try {
            std::rethrow_exception(e);
        } catch (std::exception const& failure) {
            std::cerr << "error: " << failure.what() << '\n';
        }
    });
    io.run();
    return status;
}
