//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TEST_FUZZ_FUZZ_COMMON_HPP
#define SO_ERPSYNC_TEST_FUZZ_FUZZ_COMMON_HPP

// What the fuzz targets share: the oracle's failure (a message, then abort, which libFuzzer
// reports as a crash with the input saved), the input's selector bytes, and the lists of the
// operations' request and response types.

#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/utility.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>

namespace superoffice::erpsync::fuzz {

/// Reports a broken oracle and aborts (libFuzzer saves the input as a crash).
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz oracle failed: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

/// The input as selector bytes followed by the payload.
struct input {
    std::uint8_t const* data;
    std::size_t size;

    /// Takes the next byte as a selector (0 when the input is exhausted).
    std::uint8_t take() noexcept {
        if (size == 0)
            return 0;
        --size;
        return *data++;
    }
    /// The rest of the input as text.
    std::string_view rest() const noexcept { return {reinterpret_cast<char const*>(data), size}; }
};

template <class Op>
using request_of = request_t<Op>;
template <class Op>
using response_of = response_t<Op>;

/// Every operation's request type and result type (`void` left out), each once, in list order.
using carrier_types = boost::mp11::mp_remove<
    boost::mp11::mp_unique<boost::mp11::mp_append<boost::mp11::mp_transform<request_of, ops::all>,
                                                  boost::mp11::mp_transform<response_of, ops::all>>>,
    void>;

/// A value that `to_json` refuses because it holds an enum value without a wire name (an
/// unknown name read as `unrecognized`): the one accepted encoding failure (issue 14, item 6).
inline bool refused_unknown_enum(error_code ec, diagnostics const& d) {
    return ec == error::unencodable_value && d.client_message.find("no wire name") != std::string::npos;
}

/// The JSON round-trip oracle: `v` was decoded; encoded, decoded again and encoded again it gives
/// the same bytes. Returns the first encoding (empty when `v` may not be encoded).
template <class T>
std::string json_round_trip(T const& v) {
    diagnostics d;
    std::string first;
    if (auto ec = to_json(v, first, &d)) {
        if (refused_unknown_enum(ec, d))
            return {};
        fail("to_json refused a decoded value", d.to_string());
    }
    T again{};
    if (auto ec = from_json(std::string_view(first), again, &d))
        fail("from_json refused what to_json wrote", first + "\n" + d.to_string());
    std::string second;
    if (auto ec = to_json(again, second, &d))
        fail("to_json refused a value read from its own output", first + "\n" + d.to_string());
    if (first != second)
        fail("decode -> encode -> decode -> encode changed the bytes", first + "\n" + second);
    return first;
}

} // namespace superoffice::erpsync::fuzz

#endif
