// Consumer of an installed superoffice-erpsync: only installed headers and the exported CMake
// target are used. Starts the sandbox on loopback and makes one call through the client.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

namespace erp = superoffice::erpsync;

int main() {
    erp::sandbox::server sb;
    boost::asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    erp::client c(io, cfg);
    erp::error_code result = erp::error::timeout;
    erp::erp_sync_engine_status status;
    c.async_get_engine_status([&](erp::error_code ec, erp::erp_sync_engine_status s) {
        result = ec;
        status = std::move(s);
    });
    io.run();
    std::cout << "GetEngineStatus: " << result.message() << ", IsRunning=" << status.IsRunning << '\n';
    return !result && status.IsRunning ? 0 : 1;
}
