// Consumer of an installed superoffice-erpsync through superoffice::erpsync_soap: the same call as
// main.cpp, over SOAP 1.1 to the sandbox's SOAP endpoint.

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

namespace erp = superoffice::erpsync;

int main() {
    erp::sandbox::options o;
    o.soap = erp::sandbox::soap_endpoint();
    erp::sandbox::server sb(o);
    boost::asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::so_ticket("7T:sandbox-ticket");
    cfg.protocol = erp::soap::protocol();
    erp::client c(io, cfg);
    erp::error_code result = erp::error::timeout;
    erp::erp_sync_engine_status status;
    c.async_get_engine_status([&](erp::error_code ec, erp::erp_sync_engine_status s) {
        result = ec;
        status = std::move(s);
    });
    io.run();
    std::cout << "GetEngineStatus over SOAP: " << result.message() << ", IsRunning=" << status.IsRunning
              << '\n';
    return !result && status.IsRunning ? 0 : 1;
}
