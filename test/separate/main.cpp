// Separate compilation (SO_ERPSYNC_SEPARATE_COMPILATION, src.hpp): a program whose translation
// units only see declarations of the transport and the JSON parser driver works as the
// header-only one does: calls succeed, fail with the same codes, decode the same results.
#define BOOST_TEST_MODULE superoffice_erpsync_separate_compilation
#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#ifndef SO_ERPSYNC_SEPARATE_COMPILATION
#error "this test is built with SO_ERPSYNC_SEPARATE_COMPILATION"
#endif

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

BOOST_AUTO_TEST_CASE(calls_through_the_separately_compiled_transport) {
    erp::sandbox::server sb;
    asio::io_context io;
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    erp::client c(io, cfg);
    erp::error_code ec1 = erp::error::timeout, ec2 = erp::error::timeout, ec3;
    erp::erp_sync_engine_status status;
    erp::plugin_response refused;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            auto t = asio::as_tuple(asio::use_awaitable);
            std::tie(ec1, status) = co_await c.async_get_engine_status(t);
            erp::force_resync_request req;
            req.ErpConnectionId = 424242; // no such connection: the agent says no
            req.InternalKeyIds = {1, 2, 3};
            std::tie(ec2, refused) = co_await c.async_force_resync(req, t);
            erp::client_config bad = cfg;
            bad.auth = erp::credentials::basic("sandbox", "wrong");
            erp::client other(io, bad);
            erp::plugin_response ignored;
            std::tie(ec3, ignored) = co_await other.async_force_resync(req, t);
        },
        asio::detached);
    io.run();
    BOOST_TEST(!ec1, ec1.message());
    BOOST_TEST(!ec2, ec2.message());
    BOOST_TEST(!refused.IsOk);
    BOOST_TEST(!refused.ErrorCode.empty());
    BOOST_TEST((ec3 == erp::error::http_unauthorized), ec3.message());
    BOOST_TEST(c.connections_opened() == 1u);
}
