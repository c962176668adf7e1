//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Fuzz target: the sandbox's request handling fed raw bytes, through `sandbox::request_handler`,
// the server's own path without sockets: HTTP parsing with the server's limits, faults, routing
// (REST, SOAP, the Online emulation), authentication, `$select`, JSON and XML decoding, the
// emulator, the error bodies.
//
// Oracle: every answer is a well-formed HTTP/1.1 response (read back with Beast's parser, each
// one complete), and the sandbox answers what it reads: at least one answer per request read
// unless a fault breaks the connection.
//
// Input: byte 0 selects the host (even: the tenant's host, odd: the Online emulation's
// environment host); the rest is what the client sends on one connection. One handler serves
// every input (the Online emulation makes an RSA signing key when it starts: too slow per input);
// the emulator's state is set back to the default seed before each input, so that an input's
// answers depend on it alone, except for the Online emulation's tickets and tokens issued by
// earlier inputs.
#include <superoffice/erpsync/sandbox/request_handler.hpp>
#include <superoffice/erpsync/sandbox/soap.hpp>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "fuzz_common.hpp"

namespace erp = superoffice::erpsync;
namespace sandbox = superoffice::erpsync::sandbox;
namespace http = boost::beast::http;

namespace {

sandbox::options make_options() {
    sandbox::options o;
    o.soap = sandbox::soap_endpoint();
    o.online.enabled = true;
    o.engine_timer = false;
    return o;
}

// Reads the answers back; returns how many there are (complete responses only).
std::size_t check_answers(std::string_view bytes) {
    std::size_t n = 0;
    while (!bytes.empty()) {
        http::response_parser<http::string_body> p;
        p.body_limit(64 * 1024 * 1024);
        p.eager(true);
        boost::system::error_code ec;
        while (!p.is_done()) {
            auto const used = p.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
            bytes.remove_prefix(used);
            if (ec || used == 0)
                break;
        }
        if (!p.is_done() && p.is_header_done() && bytes.empty() && !ec) {
            // a body delimited by the end of the connection
            p.put_eof(ec);
        }
        if (ec || !p.is_done())
            erp::fuzz::fail("the sandbox answered bytes that are not an HTTP response", ec.message());
        ++n;
        // `no_content_body::null`: a 204 followed by `null`, which HTTP clients do not read as
        // part of the message (documented in `sandbox/server.hpp`)
        if (p.get().result_int() == 204 && bytes.substr(0, 4) == "null")
            bytes.remove_prefix(4);
    }
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    static sandbox::options const opt = make_options();
    static sandbox::seed const state = sandbox::default_seed();
    erp::fuzz::input in{data, size};
    bool const environment = in.take() % 2 == 1;
    static sandbox::request_handler h(opt, state);
    static sandbox::emulator const pristine(state); // copied back: cheaper than loading the seed
    h.with_state([](sandbox::emulator& e) { e = pristine; });
    std::size_t const served = h.requests_served();
    std::string const out = environment ? h.handle_environment(in.rest()) : h.handle(in.rest());
    std::size_t const answers = check_answers(out);
    std::size_t const read = h.requests_served() - served;
    if (answers > read + 1) // + 1: a 413 for a request not read whole
        erp::fuzz::fail("more answers than requests");
    if (answers < read)
        erp::fuzz::fail("a request read was not answered");
    return 0;
}
