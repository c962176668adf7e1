//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//

#include <superoffice/erpsync/detail/response_reader.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

namespace detail = superoffice::erpsync::detail;
namespace http = boost::beast::http;

namespace {

// Feeds `wire` to the reader in pieces of `step` bytes, as a socket would.
boost::system::error_code feed(detail::response_reader& r, std::string_view wire, std::size_t step) {
    r.eager(true);
    std::string pending;
    boost::system::error_code ec;
    for (std::size_t i = 0; i < wire.size() && !r.is_done(); i += step) {
        pending.append(wire.substr(i, step));
        auto n = r.put(boost::asio::buffer(pending), ec);
        if (ec == http::error::need_more) {
            ec = {};
            pending.erase(0, n);
            continue;
        }
        if (ec)
            return ec;
        pending.erase(0, n);
    }
    if (!r.is_done() && !ec)
        r.put_eof(ec);
    return ec;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_response_reader)

BOOST_AUTO_TEST_CASE(keeps_status_retry_after_and_body_only) {
    for (std::size_t step : {1u, 7u, 4096u}) {
        std::string body = "stale", retry_after = "stale";
        detail::response_reader r(body, retry_after);
        auto ec = feed(r,
                       "HTTP/1.1 429 Too Many Requests\r\nServer: x\r\nRetry-After: 7\r\nRetry-After: 9\r\n"
                       "Content-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"IsOk\":1}\n",
                       step);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(r.is_done());
        BOOST_TEST(r.status() == 429u);
        BOOST_TEST(retry_after == "7"); // the first one
        BOOST_TEST(body == "{\"IsOk\":1}\n");
        BOOST_TEST(r.keep_alive());
        BOOST_TEST(r.announces_body());
    }
}

BOOST_AUTO_TEST_CASE(chunked_bodies_and_connection_close) {
    std::string body, retry_after;
    detail::response_reader r(body, retry_after);
    auto ec = feed(r,
                   "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "4\r\ntrue\r\n3\r\n ok\r\n0\r\n\r\n",
                   5);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(r.status() == 200u);
    BOOST_TEST(body == "true ok");
    BOOST_TEST(retry_after.empty());
    BOOST_TEST(!r.keep_alive());
}

BOOST_AUTO_TEST_CASE(no_content_that_announces_a_body_is_noticed) {
    std::string body, retry_after;
    detail::response_reader r(body, retry_after);
    auto ec = feed(r, "HTTP/1.1 204 No Content\r\nContent-Length: 4\r\n\r\n", 64);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(r.status() == 204u);
    BOOST_TEST(r.announces_body()); // the connection must not be reused
    std::string body2, ra2;
    detail::response_reader plain(body2, ra2);
    ec = feed(plain, "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n", 64);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(!plain.announces_body());
}

BOOST_AUTO_TEST_CASE(limits_come_from_basic_parser) {
    std::string body, retry_after;
    detail::response_reader r(body, retry_after);
    r.body_limit(8);
    auto ec = feed(r, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n123456789", 64);
    BOOST_TEST((ec == http::error::body_limit));
    BOOST_TEST(body.empty()); // refused before a byte of it was kept
    std::string b2, ra2;
    detail::response_reader chunked(b2, ra2);
    chunked.body_limit(8);
    ec = feed(chunked,
              "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n12345\r\n5\r\n67890\r\n0\r\n\r\n",
              64);
    BOOST_TEST((ec == http::error::body_limit));
    BOOST_TEST(b2.size() <= 8u);
}

BOOST_AUTO_TEST_SUITE_END()
