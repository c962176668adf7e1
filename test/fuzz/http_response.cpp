//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Fuzz target: the HTTP response path of a call without its sockets. The bytes go to the client's
// response reader (`detail::response_reader` on Beast's `basic_parser`, with the exchange's
// limits and its feeding loop), then what a finished response carries goes where the client sends
// it: `Retry-After` to `detail::parse_retry_after`, the status and body to
// `detail::decode_response` for one operation's result type (status classes, error bodies,
// 204/null, the agents' 200-with-error-object, diagnostics).
//
// Oracles: the bytes fed whole and fed in pieces give the same outcome (status, body,
// Retry-After; or both an error); a Retry-After is never negative; diagnostics keep at most `max_excerpt`
// bytes of the body.
//
// Input: byte 0 selects the operation (modulo their number), byte 1 the piece size (1 + byte);
// the rest is the response as it arrives on the connection.
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/detail/response_reader.hpp>
#include <superoffice/erpsync/detail/retry.hpp>

#include <boost/beast/http/error.hpp>
#include <boost/mp11/algorithm.hpp>

#include <chrono>
#include <optional>

#include "fuzz_common.hpp"

namespace erp = superoffice::erpsync;
namespace mp11 = boost::mp11;

namespace {

struct parsed {
    erp::error_code ec;
    bool header_done = false;
    bool complete = false;
    unsigned status = 0;
    std::string body;
    std::string retry_after;
};

// As `exchange::write` sets the parser up and `exchange::parse_buffered` / the `read_eof` step
// feed it, with the connection's buffer growing by `piece` bytes per read.
parsed read_response(std::string_view wire, std::size_t piece) {
    parsed p;
    erp::detail::response_reader r(p.body, p.retry_after);
    r.header_limit(64 * 1024);
    r.body_limit(1024 * 1024);
    r.eager(true);
    std::string buffer;
    std::size_t offset = 0;
    for (;;) {
        bool const eof = offset == wire.size();
        if (eof) {
            if (r.got_some() && !r.is_done())
                r.put_eof(p.ec);
            break;
        }
        std::size_t const n = std::min(piece, wire.size() - offset);
        buffer.append(wire.substr(offset, n));
        offset += n;
        while (!buffer.empty()) {
            auto const used = r.put(boost::asio::buffer(buffer), p.ec);
            buffer.erase(0, used);
            if (p.ec == boost::beast::http::error::need_more) {
                p.ec = {};
                break;
            }
            if (p.ec || r.is_done() || used == 0)
                break;
        }
        if (p.ec || r.is_done())
            break;
    }
    p.header_done = r.is_header_done();
    p.complete = r.is_done();
    if (p.header_done)
        p.status = r.status();
    return p;
}

template <class R>
void decode(parsed const& p) {
    erp::diagnostics d;
    erp::error_code ec;
    if constexpr (std::is_void_v<R>) {
        ec = erp::detail::decode_response<void>(p.status, p.body, nullptr, &d);
    } else {
        R out{};
        ec = erp::detail::decode_response<R>(p.status, p.body, &out, &d);
        if (!ec)
            erp::fuzz::json_round_trip(out);
    }
    if (d.server_message.size() > erp::diagnostics::max_excerpt)
        erp::fuzz::fail("the diagnostics keep more than max_excerpt bytes of the body");
    if ((p.status < 200 || p.status > 299) && !ec)
        erp::fuzz::fail("a non-2xx status decoded as a success");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    erp::fuzz::input in{data, size};
    constexpr std::size_t n = mp11::mp_size<erp::ops::all>::value;
    std::size_t const op = in.take() % n;
    std::size_t const piece = 1 + in.take();
    std::string_view const wire = in.rest();

    parsed const whole = read_response(wire, wire.size() + 1);
    parsed const pieces = read_response(wire, piece);
    // Beast's parser may name a malformed message's fault differently by how it arrived (a bad
    // field found at once, or a partial message at the end of the stream): only failing is
    // compared then.
    if (bool(whole.ec) != bool(pieces.ec) ||
        (!whole.ec && (whole.complete != pieces.complete || whole.status != pieces.status ||
                       whole.body != pieces.body || whole.retry_after != pieces.retry_after)))
        erp::fuzz::fail("the response read whole and in pieces differ",
                        whole.ec.message() + " / " + pieces.ec.message());

    if (whole.header_done && !whole.retry_after.empty()) {
        auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
        if (auto wait = erp::detail::parse_retry_after(whole.retry_after, now); wait && wait->count() < 0)
            erp::fuzz::fail("a negative Retry-After", whole.retry_after);
    }
    if (!whole.complete)
        return 0;
    mp11::mp_with_index<n>(op, [&](auto i) {
        decode<erp::response_t<mp11::mp_at_c<erp::ops::all, decltype(i)::value>>>(whole);
    });
    return 0;
}
