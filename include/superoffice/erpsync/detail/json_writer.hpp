//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_JSON_WRITER_HPP
#define SO_ERPSYNC_DETAIL_JSON_WRITER_HPP

// Writes described carriers straight into a std::string, no json::value in between.
// Rules: wire names; empty optionals and empty maps are left out of objects; enums and flag masks
// by name; an `open_enum` holding a value it does not know as it came (its name as a string, a
// number as a number); text values (see `text_value`) as a string holding what T::append_to
// writes. An enum holding `unrecognized` (or an undescribed value) with no verbatim text and
// non-finite numbers cannot be written: error::unencodable_value with the field path.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/field_path.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/detail/write_integer.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace superoffice::erpsync::detail {

class json_writer {
public:
    json_writer(std::string& out, diagnostics* diag) : out_(out), where_(diag) {}

    /// Appends the JSON form of `v` to the output. On failure what was appended is still there
    /// (`to_json` cuts it off).
    template <class T>
    bool write(T const& v) {
        pos_ = out_.size(); // the caller may have appended between calls
        bool const ok = put(v);
        out_.resize(pos_);
        return ok;
    }

    /// Appends `s` as a JSON string. Bytes >= 0x80 pass through (UTF-8 is the caller's).
    SO_ERPSYNC_DECL void write_string(std::string_view s);

    std::string const& path() const noexcept { return where_.path(); }

private:
    // While writing, out_ holds pos_ bytes of output followed by scratch room: values are
    // written straight into out_.data() + pos_ and the room grows by doubling; the public
    // functions cut out_ back to pos_ when they return.

    /// Room for `n` more bytes at pos_; returns where they go.
    char* room(std::size_t n) {
        if (out_.size() - pos_ < n)
            grow(n);
        return out_.data() + pos_;
    }
    SO_ERPSYNC_DECL void grow(std::size_t n);
    void advance_to(char const* p) noexcept { pos_ = static_cast<std::size_t>(p - out_.data()); }
    void put_raw(char c) {
        *room(1) = c;
        ++pos_;
    }

    /// `,"Name":` for member descriptor D, built at compile time (wire names are identifiers:
    /// nothing to escape). The first member written skips the comma.
    template <class D>
    struct member_key {
        static constexpr std::size_t name_size = std::char_traits<char>::length(D::name);
        static constexpr std::array<char, name_size + 4> make() {
            std::array<char, name_size + 4> a{};
            a[0] = ',';
            a[1] = '"';
            for (std::size_t i = 0; i < name_size; ++i)
                a[2 + i] = D::name[i];
            a[name_size + 2] = '"';
            a[name_size + 3] = ':';
            return a;
        }
        static constexpr std::array<char, name_size + 4> text = make();
    };

    template <class T>
    bool put(T const& v) {
        if constexpr (std::is_same_v<T, bool>) {
            char* p = room(5);
            if (v) {
                std::memcpy(p, "true", 4);
                pos_ += 4;
            } else {
                std::memcpy(p, "false", 5);
                pos_ += 5;
            }
        } else if constexpr (is_integer_v<T>) {
            advance_to(write_integer(room(integer_room<T>), v));
        } else if constexpr (std::is_floating_point_v<T>) {
            if (!std::isfinite(v))
                return fail("a non-finite number cannot be written as JSON");
            constexpr std::size_t max_chars = 64; // the shortest form of any finite long double fits
            char* p = room(max_chars);
            advance_to(std::to_chars(p, p + max_chars, v).ptr);
        } else if constexpr (std::is_same_v<T, std::string>) {
            put_string(v);
        } else if constexpr (text_value<T>) {
            put_text(v);
        } else if constexpr (is_described_enum_v<T>) {
            auto name = enum_name(v);
            if (!name)
                return fail("the enum value " + std::to_string(static_cast<long long>(v)) +
                            " has no wire name");
            put_string(*name);
        } else if constexpr (is_open_enum_v<T>) {
            if (v.is_unknown()) {
                std::string_view const text = v.name();
                if (v.is_number()) { // decimal digits, checked by open_enum::from_number
                    std::memcpy(room(text.size()), text.data(), text.size());
                    pos_ += text.size();
                } else {
                    put_string(text);
                }
                return true;
            }
            return put(v.value());
        } else if constexpr (is_flag_set_v<T>) {
            put_string(v.to_string());
        } else if constexpr (is_optional_v<T>) {
            if (!v) {
                std::memcpy(room(4), "null", 4);
                pos_ += 4;
                return true;
            }
            return put(*v);
        } else if constexpr (is_vector_v<T>) {
            using E = typename T::value_type;
            if constexpr (is_integer_v<E>) {
                // the bound of the whole array at once, then no check per element; a comma
                // after every element, the last one replaced by the bracket
                std::size_t const n = v.size();
                char* p = room(2 + n * (integer_room<E> + 1));
                *p++ = '[';
                for (E const e : v) {
                    p = write_integer(p, e);
                    *p++ = ',';
                }
                if (n)
                    --p;
                *p++ = ']';
                advance_to(p);
            } else {
                put_raw('[');
                for (std::size_t i = 0; i < v.size(); ++i) {
                    if (i)
                        put_raw(',');
                    if (!put(v[i]))
                        return prefix_index(i);
                }
                put_raw(']');
            }
        } else if constexpr (is_string_map_v<T>) {
            put_raw('{');
            bool first = true;
            for (auto const& [k, val] : v) {
                if (!first)
                    put_raw(',');
                first = false;
                put_string(k);
                put_raw(':');
                if (!put(val))
                    return prefix_key(k);
            }
            put_raw('}');
        } else if constexpr (is_described_struct_v<T>) {
            put_raw('{');
            bool first = true, ok = true;
            boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
                if (!ok)
                    return;
                auto const& m = v.*D.pointer;
                using M = std::remove_cvref_t<decltype(m)>;
                if constexpr (is_optional_v<M>)
                    if (!m)
                        return;
                if constexpr (is_string_map_v<M>)
                    if (m.empty())
                        return;
                auto const& key = member_key<decltype(D)>::text;
                std::size_t const skip = first ? 1 : 0; // no comma before the first member
                std::memcpy(room(key.size()), key.data() + skip, key.size() - skip);
                pos_ += key.size() - skip;
                first = false;
                if (!put(m))
                    ok = prefix_key(D.name);
            });
            if (!ok)
                return false;
            put_raw('}');
        } else {
            static_assert(always_false_v<T>, "superoffice::erpsync: this type cannot be written as JSON");
        }
        return true;
    }

    /// A text value: T::append_to writes straight into the output; escaped afterwards in the
    /// rare case its text needs it.
    template <class T>
    void put_text(T const& v) {
        out_.resize(pos_);
        out_ += '"';
        std::size_t const start = out_.size();
        v.append_to(out_);
        std::string_view const text(out_.data() + start, out_.size() - start);
        if (std::find_if(text.begin(), text.end(), [](char c) { return needs_escape(c); }) != text.end()) {
            std::string copy(text);
            pos_ = start - 1;
            put_string(copy);
            return;
        }
        pos_ = out_.size();
        put_raw('"');
    }

    static constexpr bool needs_escape(char ch) noexcept {
        unsigned char const c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == '"' || c == '\\';
    }

    SO_ERPSYNC_DECL void put_string(std::string_view s);

    bool fail(std::string msg) { return where_.fail(std::move(msg)); }
    bool prefix_index(std::size_t i) { return where_.prefix_index(i); }
    bool prefix_key(std::string_view k) { return where_.prefix_key(k); }

    std::string& out_;
    std::size_t pos_ = 0; // end of the output written so far
    path_failure where_;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/json_writer.ipp>
#endif

#endif
