//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_WRITE_INTEGER_HPP
#define SO_ERPSYNC_DETAIL_WRITE_INTEGER_HPP

// Integers in decimal for the JSON writer, inline (std::to_chars is not inlined) and without a
// loop-carried division chain: a branch per pair of digit counts, then fixed groups of four
// digits, each split by multiplications with rounded reciprocals and written two digits at a
// time from a table. A leading group with an odd number of digits is written as its pair
// without the leading zero, i.e. two bytes from the second character of the pair: one byte past
// the number may be written, so the caller gives `integer_room<I>` bytes of room (at least the
// longest number), and what follows the number is written over that byte.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace superoffice::erpsync::detail {

/// Decimal digits, two at a time.
inline constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// Bytes `write_integer` may write for an integer of type I: its longest decimal form (sign
/// included), which also covers the scratch byte past a shorter one.
template <class I>
inline constexpr std::size_t integer_room = sizeof(I) <= 4 ? 11 : 21;

/// Writes `v` < 100 at `p` without a leading zero; returns the end. Writes 2 bytes at `p`.
inline char* write_below_100(char* p, std::uint32_t v) noexcept {
    std::size_t const one = v < 10u;
    std::memcpy(p, digit_pairs + 2 * v + one, 2); // "0d" from its second character
    return p + 2 - one;
}

/// Writes `v` < 10^4 at `p` as exactly four digits (leading zeros kept); returns the end.
inline char* write_4_digits(char* p, std::uint32_t v) noexcept {
    std::uint32_t const hi = (v * 5243u) >> 19; // v / 100 for v < 43699
    std::memcpy(p, digit_pairs + 2 * hi, 2);
    std::memcpy(p + 2, digit_pairs + 2 * (v - hi * 100u), 2);
    return p + 4;
}

/// Writes `v` < 10^8 at `p` as exactly eight digits (leading zeros kept); returns the end.
inline char* write_8_digits(char* p, std::uint32_t v) noexcept {
    std::uint32_t const hi = v / 10000u;
    return write_4_digits(write_4_digits(p, hi), v - hi * 10000u);
}

/// Writes `v` < 10^4 at `p` without leading zeros; returns the end. Writes 4 bytes at `p`.
inline char* write_below_1e4(char* p, std::uint32_t v) noexcept {
    if (v < 100u)
        return write_below_100(p, v);
    std::uint32_t const hi = (v * 5243u) >> 19; // v / 100
    p = write_below_100(p, hi);
    std::memcpy(p, digit_pairs + 2 * (v - hi * 100u), 2);
    return p + 2;
}

/// Writes `v` in decimal at `p` without leading zeros; returns the end. The branches are by
/// pairs of digit counts (1-2, 3-4, 5-6, 7-8, 9-10), so ids of similar size take one path
/// whether they have an odd or even number of digits; the odd leading digit is the second
/// character of its pair. Writes at most one byte past the digits.
inline char* write_u32(char* p, std::uint32_t v) noexcept {
    if (v < 10000u)
        return write_below_1e4(p, v);
    if (v < 1000000u) { // 5 or 6 digits
        std::uint32_t const hi = v / 10000u;
        return write_4_digits(write_below_100(p, hi), v - hi * 10000u);
    }
    if (v < 100000000u) { // 7 or 8 digits
        std::uint32_t const hi = v / 10000u;
        return write_4_digits(write_below_1e4(p, hi), v - hi * 10000u);
    }
    std::uint32_t const hi = v / 100000000u; // 1 to 42
    return write_8_digits(write_below_100(p, hi), v - hi * 100000000u);
}

/// The portable formatter (any byte order): the digit count by comparisons, then two digits at
/// a time from the end. Writes only the digits.
inline char* write_decimal_portable(char* p, std::uint64_t v) noexcept {
    unsigned n = 1;
    for (std::uint64_t t = v; t >= 10u; t /= 10u)
        ++n;
    char* const end = p + n;
    char* q = end;
    while (v >= 100u) {
        auto const r = static_cast<unsigned>(v % 100u);
        v /= 100u;
        q -= 2;
        std::memcpy(q, digit_pairs + 2 * r, 2);
    }
    if (v >= 10u)
        std::memcpy(q - 2, digit_pairs + 2 * v, 2);
    else
        q[-1] = static_cast<char>('0' + v);
    return end;
}

/// Writes `v` in decimal at `p`; returns the end. May write up to `integer_room` bytes at `p`.
template <class U>
inline char* write_decimal(char* p, U v) noexcept {
    static_assert(std::is_unsigned_v<U> && (sizeof(U) == 4 || sizeof(U) == 8));
    if constexpr (std::endian::native != std::endian::little) {
        return write_decimal_portable(p, v);
    } else if constexpr (sizeof(U) == 4) {
        return write_u32(p, v);
    } else {
        if (v <= 0xffffffffu)
            return write_u32(p, static_cast<std::uint32_t>(v));
        std::uint64_t const high = v / 100000000u;
        auto const low = static_cast<std::uint32_t>(v - high * 100000000u);
        if (high <= 0xffffffffu) {
            p = write_u32(p, static_cast<std::uint32_t>(high));
        } else {                                                            // 18 to 20 digits
            auto const top = static_cast<std::uint32_t>(high / 100000000u); // below 1845
            p = write_below_1e4(p, top);
            p = write_8_digits(p, static_cast<std::uint32_t>(high - std::uint64_t(top) * 100000000u));
        }
        return write_8_digits(p, low);
    }
}

/// Writes the integer `v` in decimal at `p`; returns the end. May write up to
/// `integer_room<I>` bytes at `p`.
template <class I>
inline char* write_integer(char* p, I v) noexcept {
    using U = std::conditional_t<(sizeof(I) <= 4), std::uint32_t, std::uint64_t>;
    if constexpr (std::is_signed_v<I>) {
        U m = static_cast<U>(v);
        if (v < 0) {
            *p++ = '-';
            m = U(0) - m;
        }
        return write_decimal(p, m);
    } else {
        return write_decimal(p, static_cast<U>(v));
    }
}

} // namespace superoffice::erpsync::detail

#endif
