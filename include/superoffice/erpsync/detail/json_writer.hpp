//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_JSON_WRITER_HPP
#define SO_ERPSYNC_DETAIL_JSON_WRITER_HPP

// Writes described carriers straight into a std::string, no json::value in between.
// Rules: wire names; empty optionals and empty maps are left out of objects; enums and flag masks
// by name; text values (see `text_value`) as a string holding what T::append_to writes. An enum
// holding `unrecognized` (or an undescribed value) and non-finite numbers cannot be written:
// error::unencodable_value with the field path.

#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/field_path.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>

#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

class json_writer {
public:
    json_writer(std::string& out, diagnostics* diag) : out_(out), where_(diag) {}

    template <class T>
    bool write(T const& v) {
        if constexpr (std::is_same_v<T, bool>) {
            out_ += v ? "true" : "false";
        } else if constexpr (std::is_arithmetic_v<T>) {
            if constexpr (std::is_floating_point_v<T>)
                if (!std::isfinite(v))
                    return fail("a non-finite number cannot be written as JSON");
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, v);
            out_.append(buf, r.ptr);
        } else if constexpr (std::is_same_v<T, std::string>) {
            write_string(v);
        } else if constexpr (text_value<T>) {
            std::string text;
            v.append_to(text);
            write_string(text);
        } else if constexpr (is_described_enum_v<T>) {
            auto name = enum_name(v);
            if (!name)
                return fail("the enum value " + std::to_string(static_cast<long long>(v)) +
                            " has no wire name");
            write_string(*name);
        } else if constexpr (is_flag_set_v<T>) {
            write_string(v.to_string());
        } else if constexpr (is_optional_v<T>) {
            if (!v) {
                out_ += "null";
                return true;
            }
            return write(*v);
        } else if constexpr (is_vector_v<T>) {
            out_ += '[';
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i)
                    out_ += ',';
                if (!write(v[i]))
                    return prefix_index(i);
            }
            out_ += ']';
        } else if constexpr (is_string_map_v<T>) {
            out_ += '{';
            bool first = true;
            for (auto const& [k, val] : v) {
                if (!first)
                    out_ += ',';
                first = false;
                write_string(k);
                out_ += ':';
                if (!write(val))
                    return prefix_key(k);
            }
            out_ += '}';
        } else if constexpr (is_described_struct_v<T>) {
            out_ += '{';
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
                if (!first)
                    out_ += ',';
                first = false;
                out_ += '"';
                out_ += D.name; // wire names are identifiers: nothing to escape
                out_ += "\":";
                if (!write(m))
                    ok = prefix_key(D.name);
            });
            if (!ok)
                return false;
            out_ += '}';
        } else {
            static_assert(always_false_v<T>, "superoffice::erpsync: this type cannot be written as JSON");
        }
        return true;
    }

    /// Writes `s` as a JSON string. Bytes >= 0x80 pass through (UTF-8 is the caller's).
    void write_string(std::string_view s) {
        static constexpr char hex[] = "0123456789abcdef";
        out_ += '"';
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            char const* esc = nullptr;
            char ubuf[7];
            switch (c) {
            case '"':
                esc = "\\\"";
                break;
            case '\\':
                esc = "\\\\";
                break;
            case '\n':
                esc = "\\n";
                break;
            case '\r':
                esc = "\\r";
                break;
            case '\t':
                esc = "\\t";
                break;
            case '\b':
                esc = "\\b";
                break;
            case '\f':
                esc = "\\f";
                break;
            default:
                if (c < 0x20) {
                    ubuf[0] = '\\', ubuf[1] = 'u', ubuf[2] = '0', ubuf[3] = '0';
                    ubuf[4] = hex[c >> 4], ubuf[5] = hex[c & 15], ubuf[6] = 0;
                    esc = ubuf;
                }
            }
            if (esc) {
                out_.append(s.data() + run, i - run);
                out_ += esc;
                run = i + 1;
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }

    std::string const& path() const noexcept { return where_.path(); }

private:
    bool fail(std::string msg) { return where_.fail(std::move(msg)); }
    bool prefix_index(std::size_t i) { return where_.prefix_index(i); }
    bool prefix_key(std::string_view k) { return where_.prefix_key(k); }

    std::string& out_;
    path_failure where_;
};

} // namespace superoffice::erpsync::detail

#endif
