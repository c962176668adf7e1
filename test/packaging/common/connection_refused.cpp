// A consumer's call through the full client (REST, header-only): GetEngineStatus on
// http://127.0.0.1:1, where nothing listens, fails with connect_failed, a transport failure.
// Shared by the find_package REST-only consumer and Conan's test_package; loopback only.

#include <superoffice/erpsync.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

#ifdef PUGIXML_VERSION
#error "the REST client must not include pugixml"
#endif

namespace erp = superoffice::erpsync;

int main() {
    boost::asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = "http://127.0.0.1:1";
    cfg.auth = erp::credentials::basic("user", "password");
    cfg.retry = erp::retry_policy::none();
    erp::client c(io, cfg);
    erp::error_code result;
    bool completed = false;
    c.async_get_engine_status([&](erp::error_code ec, erp::erp_sync_engine_status) {
        result = ec;
        completed = true;
    });
    io.run();
    std::cout << "superoffice-erpsync " << SO_ERPSYNC_VERSION_STRING
              << ": GetEngineStatus on 127.0.0.1:1: " << result.message() << '\n';
    return completed && result == erp::error::connect_failed && result == erp::condition::transport_failed
               ? 0
               : 1;
}
