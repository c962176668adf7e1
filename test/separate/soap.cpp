// Separate compilation of the SOAP encoding (SO_ERPSYNC_SEPARATE_COMPILATION, soap_src.hpp): a
// call over SOAP 1.1 and 1.2 through a separately compiled codec succeeds and is refused as the
// header-only one is.
#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

BOOST_AUTO_TEST_CASE(soap_calls_through_the_separately_compiled_codec) {
    erp::sandbox::options o;
    o.soap = erp::sandbox::soap_endpoint();
    erp::sandbox::server sb(o);
    for (auto v : {erp::soap::version::v1_1, erp::soap::version::v1_2}) {
        asio::io_context io;
        erp::client_config cfg;
        cfg.base_url = sb.base_url();
        cfg.auth = erp::credentials::basic("sandbox", "sandbox");
        cfg.protocol = erp::soap::protocol(v);
        erp::client c(io, cfg);
        erp::error_code ec1 = erp::error::timeout, ec2 = erp::error::timeout;
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
            },
            asio::detached);
        io.run();
        BOOST_TEST(!ec1, ec1.message());
        BOOST_TEST(!ec2, ec2.message());
        BOOST_TEST(!refused.IsOk);
        BOOST_TEST(!refused.ErrorCode.empty());
    }
}

BOOST_AUTO_TEST_CASE(soap_envelope_round_trip) {
    erp::force_resync_request req;
    req.ErpConnectionId = 5;
    req.InternalKeyIds = {668, 897};
    std::string envelope;
    erp::soap::envelope_options eo;
    BOOST_TEST(!erp::soap::write_request<erp::ops::force_resync>(req, eo, envelope));
    BOOST_TEST(envelope.find("ForceResync") != std::string::npos);
    erp::plugin_response r;
    erp::diagnostics d;
    auto ec = erp::soap::read_response<erp::ops::force_resync>(200, "not xml", r, &d);
    BOOST_TEST((ec == erp::error::invalid_xml), ec.message());
}
