// Compile-time benchmark, our side: include the umbrella header and await one operation
// (ForceResyncNoBlankValues with ids, result checked), as a user's translation unit would.
#include <superoffice/erpsync.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

namespace erp = superoffice::erpsync;

boost::asio::awaitable<void> run(erp::client& c) {
    erp::force_resync_request req;
    req.ErpConnectionId = 1;
    req.InternalKeyIds = {1, 2, 3};
    auto r = co_await c.async_force_resync_no_blank_values(req, boost::asio::use_awaitable);
    std::cout << (r.IsOk ? "ok" : r.TechExplanation) << '\n';
}

int main(int argc, char** argv) {
    boost::asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080/Cust1";
    cfg.auth = erp::credentials::basic("user", "password");
    erp::client c(io, cfg);
    boost::asio::co_spawn(io, run(c), [](std::exception_ptr e) {
        if (e)
            std::rethrow_exception(e);
    });
    io.run();
}
