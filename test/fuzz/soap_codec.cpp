//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Fuzz target: the SOAP reader (pugixml and `detail::xml_reader`) on both sides: the client's
// `soap::read_response<Op>` (faults, `ExceptionInfo`, `Succeeded`, the result) and the server
// side's `soap_read_incoming` + `soap_read_parameters` (what the sandbox's SOAP endpoint reads).
//
// Oracles: a result read is written back as a response envelope (`soap_write_response`) that
// reads to the same value (compared through its JSON form); values XML 1.0 cannot carry (control
// characters, enum values and flags without a name) may be refused by the writer, nothing else.
// Diagnostics keep at most `max_excerpt` bytes of the body.
//
// Input: byte 0 selects the operation and the side (modulo twice the number of operations: first
// the responses, then the requests), byte 1 the HTTP status (200 or 500); the rest is the XML.
#include <superoffice/erpsync/soap.hpp>

#include <boost/mp11/algorithm.hpp>

#include "fuzz_common.hpp"

namespace erp = superoffice::erpsync;
namespace mp11 = boost::mp11;

namespace {

bool xml_cannot_carry(erp::error_code ec, erp::diagnostics const& d) {
    if (ec != erp::error::unencodable_value)
        return false;
    auto const& m = d.client_message;
    return m.find("control character") != std::string::npos || m.find("no wire name") != std::string::npos ||
           m.find("has no name in the schema's list") != std::string::npos;
}

template <class Op>
void read_response(unsigned status, std::string_view body) {
    using R = erp::response_t<Op>;
    erp::diagnostics d;
    if constexpr (std::is_void_v<R>) {
        (void)erp::soap::read_response<Op>(status, body, &d);
    } else {
        R out{};
        auto ec = erp::soap::read_response<Op>(status, body, out, &d);
        if (d.server_message.size() > erp::diagnostics::max_excerpt)
            erp::fuzz::fail("the diagnostics keep more than max_excerpt bytes of the body");
        if (ec)
            return;
        std::string const json = erp::fuzz::json_round_trip(out);
        std::string envelope;
        erp::diagnostics wd;
        if (auto wec =
                erp::detail::soap_write_response(erp::soap::version::v1_1, Op::name, &out, envelope, &wd)) {
            if (xml_cannot_carry(wec, wd))
                return;
            erp::fuzz::fail("soap_write_response refused a value read from SOAP", wd.to_string());
        }
        R again{};
        if (auto rec = erp::soap::read_response<Op>(200, envelope, again, &wd))
            erp::fuzz::fail("read_response refused what soap_write_response wrote",
                            envelope + "\n" + wd.to_string());
        if (!json.empty() && erp::to_json(again).value() != json)
            erp::fuzz::fail("a result changed on its way through SOAP", json + "\n" + envelope);
    }
}

template <class Op>
void read_request(std::string_view body) {
    pugi::xml_document doc;
    erp::detail::soap_incoming in;
    erp::diagnostics d;
    if (erp::detail::soap_read_incoming(body, doc, in, &d))
        return;
    erp::request_t<Op> req{};
    if (!erp::detail::soap_read_parameters(in.operation, req, &d))
        erp::fuzz::json_round_trip(req);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    erp::fuzz::input in{data, size};
    constexpr std::size_t n = mp11::mp_size<erp::ops::all>::value;
    std::size_t const which = in.take() % (2 * n);
    unsigned const status = in.take() % 2 == 0 ? 200 : 500;
    mp11::mp_with_index<n>(which % n, [&](auto i) {
        using Op = mp11::mp_at_c<erp::ops::all, decltype(i)::value>;
        if (which < n)
            read_response<Op>(status, in.rest());
        else
            read_request<Op>(in.rest());
    });
    return 0;
}
