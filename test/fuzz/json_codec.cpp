//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Fuzz target: the JSON reader (`from_json`) for every operation's request and result type, with
// the round-trip oracle (decoded -> encoded -> decoded -> encoded gives the same bytes).
//
// Input: byte 0 selects the type (modulo the number of types, in `fuzz::carrier_types` order:
// the requests of `ops::all`, then the results); the rest is the JSON text.
#include <boost/mp11/algorithm.hpp>

#include "fuzz_common.hpp"

namespace erp = superoffice::erpsync;
namespace mp11 = boost::mp11;

namespace {

template <class T>
void decode(std::string_view text) {
    T v{};
    if (erp::from_json(text, v))
        return; // refused: fine, as long as nothing crashed
    erp::fuzz::json_round_trip(v);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    erp::fuzz::input in{data, size};
    constexpr std::size_t n = mp11::mp_size<erp::fuzz::carrier_types>::value;
    std::size_t const which = in.take() % n;
    mp11::mp_with_index<n>(which, [&](auto i) {
        decode<mp11::mp_at_c<erp::fuzz::carrier_types, decltype(i)::value>>(in.rest());
    });
    return 0;
}
