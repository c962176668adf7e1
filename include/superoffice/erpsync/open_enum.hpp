//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPEN_ENUM_HPP
#define SO_ERPSYNC_OPEN_ENUM_HPP

/// @file
/// `open_enum<E>`: a described enum value that also keeps a value this version does not know.

#include <superoffice/erpsync/detail/enum_names.hpp>

#include <boost/describe/enum.hpp>

#include <charconv>
#include <concepts>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace superoffice::erpsync {

/// A value of the described enum `E` as it travels on the wire, where a newer server may send a
/// name (or a number) that `E` does not have.
///
/// Such a value is kept verbatim: `value()` is then `E::unrecognized`, `is_unknown()` is true and
/// `name()` is the text received (for a number, its decimal digits; `is_number()` tells). The
/// codec (JSON and SOAP) writes it back exactly as it came, so a carrier read and saved again
/// loses nothing. Known values hold no text: reading, copying and writing them allocates nothing.
///
/// An `open_enum<E>` is implicitly constructible from `E` and implicitly converts to `E`, so
/// assignments (`x = E::Customer`), comparisons (`x == E::Customer`, true only for a known value),
/// `switch (x)` (an unknown value is `E::unrecognized`, handled by `default:`) and calls taking `E`
/// keep working. `E` must have an enumerator `unrecognized` that is not described.
///
/// @par Thread safety
/// Distinct objects: safe. Shared objects: unsafe (as for any value type).
template <class E>
class open_enum {
    static_assert(std::is_enum_v<E> && boost::describe::has_describe_enumerators<E>::value,
                  "open_enum needs an enum described with BOOST_DESCRIBE_ENUM");
    static_assert(
        requires { E::unrecognized; }, "open_enum needs an enumerator `unrecognized`");

public:
    /// The enum.
    using enum_type = E;

    /// `E{}`.
    open_enum() = default;
    /// Holds `v`.
    constexpr open_enum(E v) noexcept : value_(v) {}

    /// Copies the value, an unknown name or number included.
    open_enum(open_enum const& other)
        : value_(other.value_),
          unknown_(other.unknown_ ? std::make_unique<unknown>(*other.unknown_) : nullptr) {}
    /// Takes the value of the other.
    open_enum(open_enum&&) noexcept = default;
    /// Copies the value, an unknown name or number included.
    open_enum& operator=(open_enum const& other) {
        if (this != &other)
            *this = open_enum(other);
        return *this;
    }
    /// Takes the value of the other.
    open_enum& operator=(open_enum&&) noexcept = default;
    /// Holds `v` (a verbatim value is dropped).
    open_enum& operator=(E v) noexcept {
        value_ = v;
        unknown_.reset();
        return *this;
    }
    ~open_enum() = default;

    /// The value named `name` on the wire: an enumerator of `E` (exact, then ASCII
    /// case-insensitive match), or else `name` kept verbatim.
    static open_enum from_name(std::string_view name) {
        if (auto e = detail::enum_from_name<E>(name))
            return open_enum(*e);
        return open_enum(std::string(name), false);
    }

    /// The value numbered `n` on the wire: the enumerator of `E` with that value, or else `n` kept
    /// verbatim (any integer, whatever `E`'s underlying type).
    template <std::integral I>
    static open_enum from_number(I n) {
        using U = std::underlying_type_t<E>;
        if (std::in_range<U>(n) && detail::is_described_value(static_cast<E>(static_cast<U>(n))))
            return open_enum(static_cast<E>(static_cast<U>(n)));
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, n);
        return open_enum(std::string(buf, r.ptr), true);
    }

    /// The value: `E::unrecognized` when `is_unknown()`.
    constexpr E value() const noexcept { return value_; }
    /// The value, as `value()`.
    constexpr operator E() const noexcept { return value_; }

    /// Whether this holds a name or number `E` does not have (kept verbatim in `name()`).
    bool is_unknown() const noexcept { return unknown_ != nullptr; }
    /// Whether the verbatim value came as a number (written back as one).
    bool is_number() const noexcept { return unknown_ && unknown_->number; }
    /// The wire name: the verbatim text when `is_unknown()`, else the enumerator's described name,
    /// else (an undescribed value such as `E::unrecognized` set by hand) empty.
    std::string_view name() const noexcept {
        if (unknown_)
            return unknown_->text;
        return detail::enum_name(value_).value_or(std::string_view());
    }

    /// Same value, and the same verbatim text when unknown.
    friend bool operator==(open_enum const& a, open_enum const& b) noexcept {
        if (a.value_ != b.value_ || a.is_unknown() != b.is_unknown())
            return false;
        return !a.unknown_ ||
               (a.unknown_->number == b.unknown_->number && a.unknown_->text == b.unknown_->text);
    }
    /// Whether the value is `b` (an unknown value equals `E::unrecognized`).
    friend bool operator==(open_enum const& a, E b) noexcept { return a.value_ == b; }

    /// The wire type name of `E`, when it has one (SOAP's `xsi:type`, help texts).
    friend constexpr std::string_view wire_type_name(open_enum const*) noexcept requires
        requires(E const* p) {
        wire_type_name(p);
    }
    { return wire_type_name(static_cast<E const*>(nullptr)); }

private:
    struct unknown {
        std::string text;
        bool number = false;
    };
    open_enum(std::string text, bool number)
        : value_(E::unrecognized), unknown_(std::make_unique<unknown>(unknown{std::move(text), number})) {}

    E value_{};
    std::unique_ptr<unknown> unknown_; // only for a value E does not have
};

/// Detects `open_enum`.
template <class T>
inline constexpr bool is_open_enum_v = false;
/// `true` for every `open_enum<E>`.
template <class E>
inline constexpr bool is_open_enum_v<open_enum<E>> = true;

} // namespace superoffice::erpsync

#endif
