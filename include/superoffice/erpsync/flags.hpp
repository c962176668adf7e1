//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_FLAGS_HPP
#define SO_ERPSYNC_FLAGS_HPP

/// @file
/// `flag_set<E>`: a .NET `[Flags]` enum value as the WebAPI writes it ("Update, UIHintMandatory").

#include <superoffice/erpsync/detail/enum_names.hpp>

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace superoffice::erpsync {

/// A set of flags of the described enum `E`, as sent by the WebAPI.
///
/// On the wire a mask is a string of comma separated enumerator names (`"Update, UIHintMandatory"`);
/// the XML form separates with spaces and some servers send the number. All are read. Names that
/// are not enumerators of `E` are kept verbatim in `unknown_names()` and written back unchanged, so
/// nothing is lost. The name `FULL`, which the documentation's samples show although it is not an
/// enumerator, is such a name: `full()` reports it and `has()` answers true for every flag then.
template <class E>
class flag_set {
    static_assert(std::is_enum_v<E>, "flag_set needs an enum type");

public:
    /// The enum of the flags.
    using enum_type = E;
    /// The unsigned integer holding the bits.
    using bits_type = std::make_unsigned_t<std::underlying_type_t<E>>;

    flag_set() = default;
    /// A set holding one flag.
    flag_set(E flag) : bits_(static_cast<bits_type>(flag)) {}

    /// A set from raw bits.
    static flag_set from_bits(bits_type bits) {
        flag_set s;
        s.bits_ = bits;
        return s;
    }

    /// The raw bits of the known flags.
    bits_type bits() const noexcept { return bits_; }
    /// True when every bit of `flag` is set, or when the server sent `FULL`.
    bool has(E flag) const noexcept {
        auto const b = static_cast<bits_type>(flag);
        return full() || (bits_ & b) == b;
    }
    /// True when the server sent the name `FULL` (all rights).
    bool full() const noexcept {
        for (auto const& n : unknown_)
            if (detail::iequals(n, "FULL"))
                return true;
        return false;
    }
    /// True when no flag and no unknown name is set.
    bool empty() const noexcept { return bits_ == 0 && unknown_.empty(); }
    /// Names received that are not enumerators of `E`, in the order received.
    std::vector<std::string> const& unknown_names() const noexcept { return unknown_; }

    /// Sets `flag`.
    flag_set& set(E flag) noexcept {
        bits_ |= static_cast<bits_type>(flag);
        return *this;
    }
    /// Clears `flag`.
    flag_set& reset(E flag) noexcept {
        bits_ &= static_cast<bits_type>(~static_cast<bits_type>(flag));
        return *this;
    }

    /// `a` with flag `b` added.
    friend flag_set operator|(flag_set a, E b) { return a.set(b); }
    /// Equal when the same flags and the same unknown names are set.
    friend bool operator==(flag_set const&, flag_set const&) = default;

    /// Reads a mask: names (any case) and numbers separated by commas, `|` or white space.
    /// Never fails: an unrecognised name is kept in `unknown_names()`.
    static flag_set parse(std::string_view text) {
        flag_set s;
        std::size_t i = 0;
        auto is_sep = [](char c) {
            return c == ',' || c == '|' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
        };
        while (i < text.size()) {
            while (i < text.size() && is_sep(text[i]))
                ++i;
            std::size_t j = i;
            while (j < text.size() && !is_sep(text[j]))
                ++j;
            if (j > i)
                s.add_token(text.substr(i, j - i));
            i = j;
        }
        return s;
    }

    /// Writes the mask the way the WebAPI does: enumerator names joined by ", " (each bit named
    /// once, the first enumerator declared for it winning), then the unknown names. An empty set
    /// is written as `"0"`; bits without a name are written as a number.
    std::string to_string() const {
        std::string out;
        bits_type rest = bits_;
        auto append = [&out](std::string_view name) {
            if (!out.empty())
                out += ", ";
            out += name;
        };
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
            auto const b = static_cast<bits_type>(D.value);
            if (b != 0 && (rest & b) == b) {
                append(D.name);
                rest = static_cast<bits_type>(rest & ~b);
            }
        });
        if (rest != 0)
            append(std::to_string(rest));
        for (auto const& n : unknown_)
            append(n);
        if (out.empty())
            out.push_back('0');
        return out;
    }

private:
    void add_token(std::string_view tok) {
        if (tok.front() >= '0' && tok.front() <= '9') {
            bits_type v{};
            auto [p, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
            if (ec == std::errc{} && p == tok.data() + tok.size()) {
                bits_ |= v;
                return;
            }
        }
        if (auto e = detail::enum_from_name<E>(tok))
            bits_ |= static_cast<bits_type>(*e);
        else
            unknown_.emplace_back(tok);
    }

    bits_type bits_ = 0;
    std::vector<std::string> unknown_;
};

/// Detects `flag_set`.
template <class T>
inline constexpr bool is_flag_set_v = false;
/// `true` for every `flag_set<E>`.
template <class E>
inline constexpr bool is_flag_set_v<flag_set<E>> = true;

} // namespace superoffice::erpsync

#endif
