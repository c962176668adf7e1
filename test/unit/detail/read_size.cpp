//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// How much a read of a response offers the socket (`detail::next_read_size`), driven as the
// exchange drives it: a connection's buffer, the response reader, and a socket that has the
// whole response ready (the reads a response takes are then the policy's, nothing else).

#include <superoffice/erpsync/detail/read_size.hpp>
#include <superoffice/erpsync/detail/response_reader.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace detail = superoffice::erpsync::detail;
namespace http = boost::beast::http;

namespace {

std::string with_length(std::string const& body) {
    return "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: application/json; charset=utf-8\r\n"
           "Content-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string chunked(std::string const& body, std::size_t chunk) {
    std::string w = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    char hex[32];
    for (std::size_t i = 0; i < body.size(); i += chunk) {
        auto const n = std::min(chunk, body.size() - i);
        std::snprintf(hex, sizeof hex, "%zx\r\n", n);
        w += hex;
        w.append(body, i, n);
        w += "\r\n";
    }
    return w + "0\r\n\r\n";
}

struct outcome {
    std::vector<std::size_t> offers; // what each read offered
    std::string body;
    bool done = false;
};

// Reads one response from `wire` into `b` as `exchange::read_some` and `parse_buffered` do; the
// socket gives each read all it asks for, up to what is left of the wire.
outcome read_response(boost::beast::flat_buffer& b, std::string const& wire) {
    outcome o;
    std::string retry_after;
    detail::response_reader r(o.body, retry_after);
    r.eager(true);
    r.header_limit(64 * 1024);
    r.body_limit(64 * 1024 * 1024);
    std::size_t pos = 0, response_read = 0;
    bool filled = false;
    boost::system::error_code ec;
    while (!r.is_done() && pos < wire.size() && o.offers.size() < 10000) {
        auto const offer =
            detail::next_read_size(b.capacity(), b.size(), response_read, r.body_left(), filled);
        o.offers.push_back(offer);
        auto const buf = b.prepare(offer);
        auto const n = std::min(offer, wire.size() - pos);
        std::memcpy(buf.data(), wire.data() + pos, n);
        b.commit(n);
        pos += n;
        response_read += n;
        filled = n == offer;
        while (b.size() != 0) {
            auto const used = r.put(b.data(), ec);
            b.consume(used);
            if (ec == http::error::need_more) {
                ec = {};
                break;
            }
            BOOST_TEST_REQUIRE(!ec, ec.message());
            if (r.is_done() || used == 0)
                break;
        }
    }
    o.done = r.is_done();
    return o;
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_detail_read_size)

BOOST_AUTO_TEST_CASE(a_connection_learns_the_size_of_its_responses) {
    // the sandbox's answer to a resync: about 1.1 KB with its head
    std::string const body(967, 'x');
    auto const wire = with_length(body);
    boost::beast::flat_buffer b;
    auto first = read_response(b, wire);
    BOOST_TEST(first.done);
    BOOST_TEST(first.body == body);
    // the first read knows nothing: the floor; the second covers the whole response, with room
    // to spare: the next multiple of 512 above it
    BOOST_TEST_REQUIRE(first.offers.size() == 2u);
    BOOST_TEST(first.offers[0] == detail::min_read_size);
    BOOST_TEST(first.offers[1] > wire.size());
    BOOST_TEST(first.offers[1] <= wire.size() + detail::min_read_size);
    BOOST_TEST(first.offers[1] % detail::min_read_size == 0u);
    // the buffer kept that capacity: the connection's next answers come in one read each
    for (int i = 0; i < 3; ++i) {
        auto next = read_response(b, wire);
        BOOST_TEST(next.done);
        BOOST_TEST(next.body == body);
        BOOST_TEST_REQUIRE(next.offers.size() == 1u);
        BOOST_TEST(next.offers[0] > wire.size());
    }
    // room to spare: a response of exactly 1024 bytes grows the buffer to 1536, and one a few
    // bytes longer still comes in one read
    std::string const exact_body(1024 - with_length("").size() - 2, 'e'); // a length of three digits
    BOOST_TEST_REQUIRE(with_length(exact_body).size() == 1024u);
    boost::beast::flat_buffer e;
    read_response(e, with_length(exact_body));
    BOOST_TEST(read_response(e, with_length(exact_body)).offers == std::vector<std::size_t>{1536});
    BOOST_TEST(read_response(e, with_length(exact_body + std::string(100, 'f'))).offers.size() == 1u);
    // a larger one: two reads again, then one
    std::string const larger(5000, 'y');
    BOOST_TEST(read_response(b, with_length(larger)).offers.size() == 2u);
    auto again = read_response(b, with_length(larger));
    BOOST_TEST(again.offers.size() == 1u);
    BOOST_TEST(again.body == larger);
    // a smaller one after it: one read, the buffer does not shrink while in use
    BOOST_TEST(read_response(b, wire).offers.size() == 1u);
}

BOOST_AUTO_TEST_CASE(small_responses_stay_at_the_floor) {
    std::string const body(200, 'z');
    boost::beast::flat_buffer b;
    for (int i = 0; i < 3; ++i) {
        auto o = read_response(b, with_length(body));
        BOOST_TEST(o.body == body);
        BOOST_TEST(o.offers == std::vector<std::size_t>{detail::min_read_size});
    }
    BOOST_TEST(b.capacity() == detail::min_read_size);
}

BOOST_AUTO_TEST_CASE(no_read_offers_more_than_the_cap) {
    std::string const body(1000 * 1000, 'q');
    boost::beast::flat_buffer b;
    auto o = read_response(b, with_length(body));
    BOOST_TEST(o.done);
    BOOST_TEST(o.body.size() == body.size());
    for (auto offer : o.offers)
        BOOST_TEST(offer <= detail::max_read_size);
    // after the floor, every read takes the cap: about 16 reads for a megabyte, not 2000
    BOOST_TEST(o.offers.size() <= 1 + (body.size() + detail::max_read_size - 1) / detail::max_read_size + 1);
    BOOST_TEST(b.capacity() <= 2 * detail::max_read_size);
    // an announced length the peer never sends is not believed beyond the cap
    BOOST_TEST(detail::next_read_size(0, 0, 300, std::uint64_t(1) << 50, false) == detail::max_read_size);
    BOOST_TEST(detail::next_read_size(0, 0, std::size_t(1) << 40, 10, false) == detail::max_read_size);
}

BOOST_AUTO_TEST_CASE(without_a_length_a_filled_read_doubles_the_buffer) {
    std::string body;
    for (int i = 0; body.size() < 20000; ++i)
        body += "{\"Key\":" + std::to_string(i) + "},";
    auto const wire = chunked(body, 700);
    boost::beast::flat_buffer b;
    auto o = read_response(b, wire);
    BOOST_TEST(o.done);
    BOOST_TEST(o.body == body);
    // 512, then growing: far fewer reads than 512-byte steps would need
    BOOST_TEST(o.offers.front() == detail::min_read_size);
    for (std::size_t i = 1; i < o.offers.size(); ++i)
        BOOST_TEST(o.offers[i] >= o.offers[i - 1]);
    BOOST_TEST(o.offers.size() <= 8u);
    BOOST_TEST(o.offers.size() < wire.size() / detail::min_read_size);
    // the rule itself: a filled read doubles; one that was not filled does not
    BOOST_TEST(detail::next_read_size(2048, 0, 2048, std::nullopt, true) == 4096u);
    BOOST_TEST(detail::next_read_size(2048, 0, 1500, std::nullopt, false) == 2048u);
    BOOST_TEST(detail::next_read_size(64 * 1024, 0, 1 << 20, std::nullopt, true) == detail::max_read_size);
}

BOOST_AUTO_TEST_CASE(a_head_longer_than_the_buffer_grows_it) {
    std::string wire = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; wire.size() < 3000; ++i)
        wire += "X-Header-" + std::to_string(i) + ": value\r\n";
    wire += "Content-Length: 2\r\n\r\n{}";
    boost::beast::flat_buffer b;
    auto o = read_response(b, wire);
    BOOST_TEST(o.done);
    BOOST_TEST(o.body == "{}");
    // a buffer full of an unfinished head: at least the floor more each time
    BOOST_TEST(detail::next_read_size(512, 512, 512, std::nullopt, true) >= detail::min_read_size);
    BOOST_TEST(detail::next_read_size(512, 512, 512, std::nullopt, false) == detail::min_read_size);
}

BOOST_AUTO_TEST_CASE(an_idle_connection_keeps_a_modest_buffer) {
    boost::beast::flat_buffer b;
    b.prepare(1100);
    auto const kept = b.capacity();
    detail::trim_idle_buffer(b);
    BOOST_TEST(b.capacity() == kept); // a typical response's worth stays for the next one
    read_response(b, with_length(std::string(200 * 1000, 'w')));
    BOOST_TEST(b.capacity() > detail::idle_buffer_capacity);
    detail::trim_idle_buffer(b);
    BOOST_TEST(b.capacity() <= detail::idle_buffer_capacity);
    // and reads start again from the floor
    BOOST_TEST(read_response(b, with_length("{}")).offers.front() == detail::min_read_size);
}

BOOST_AUTO_TEST_SUITE_END()
