//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_XML_WRITER_HPP
#define SO_ERPSYNC_DETAIL_XML_WRITER_HPP

// Writes described carriers as the Services88 SOAP schema's XML, straight into a std::string.
// Needs no XML library: writing is escaping; reading (xml_reader.hpp) uses pugixml.
//
// Rules (see ../shared/spec/soap.md and the README's SOAP section):
// - every element is in the Services88 namespace (prefix `es`), named like the member, and has
//   an `xsi:type` (`xsd:int`, `xsd:string`, `es:PluginResponse`, `ser:duration`, ...);
// - carriers write the two `Carrier` base members (`TableRight`, `FieldProperties`) first, as the
//   schema's `xs:extension` orders them, then their own members in declaration order;
// - arrays of numbers, strings and booleans are `arr:ArrayOf{int,string,...}` holding `arr:` items
//   (Serialization/Arrays namespace); arrays of carriers and enums are `es:ArrayOf{T}` holding
//   `es:{T}` items; string maps are `es:StringDictionary` of `es:StringKeyValuePair` (`Key`,
//   `Value`), other maps `es:{V}Dictionary` of `es:{V}DictionaryKeyValuePair`;
// - an empty optional is `xsi:nil="true"`; enums are their name (an `open_enum` holding a value it
//   does not know: the text received); flag masks their names separated by spaces (an `xs:list`;
//   names that are not enumerators as received); `timestamp` is `xs:dateTime`; `time_span` is
//   `ser:duration` (`PT5M`), whatever style it carries;
// - text is escaped (`&amp; &lt; &gt;`, CR as `&#13;` so that it survives end-of-line
//   normalisation); other control characters cannot be written in XML 1.0:
//   error::unencodable_value with the field path, as for unnamed enum values and NaN.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/field_path.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

namespace xml_ns {
inline constexpr std::string_view soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr std::string_view soap12 = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr std::string_view services88 = "http://www.superoffice.net/ws/crm/NetServer/Services88";
inline constexpr std::string_view arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
inline constexpr std::string_view serialization = "http://schemas.microsoft.com/2003/10/Serialization/";
inline constexpr std::string_view xsi = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema";
} // namespace xml_ns

/// Whether `T` derives from the WebAPI's `Carrier` (described with SO_ERPSYNC_DESCRIBE_CARRIER).
template <class T>
inline constexpr bool is_carrier_v = requires {
    is_erpsync_carrier(static_cast<T const*>(nullptr));
};

/// The XML Schema name of a primitive (`int`, `string`, ...), or empty for other types.
template <class T>
constexpr std::string_view xsd_name() noexcept {
    if constexpr (std::is_same_v<T, bool>)
        return "boolean";
    else if constexpr (std::is_same_v<T, std::string>)
        return "string";
    else if constexpr (is_integer_v<T> && sizeof(T) == 1)
        return std::is_signed_v<T> ? "byte" : "unsignedByte";
    else if constexpr (is_integer_v<T> && sizeof(T) == 2)
        return std::is_signed_v<T> ? "short" : "unsignedShort";
    else if constexpr (is_integer_v<T> && sizeof(T) == 4)
        return std::is_signed_v<T> ? "int" : "unsignedInt";
    else if constexpr (is_integer_v<T> && sizeof(T) == 8)
        return std::is_signed_v<T> ? "long" : "unsignedLong";
    else if constexpr (std::is_same_v<T, float>)
        return "float";
    else if constexpr (std::is_same_v<T, double>)
        return "double";
    else
        return {};
}

/// The schema type name of `T` in the Services88 namespace (carriers, enums, masks), or empty.
template <class T>
constexpr std::string_view es_name() noexcept {
    if constexpr (is_flag_set_v<T> || is_open_enum_v<T>)
        return wire_type_name(static_cast<typename T::enum_type const*>(nullptr));
    else if constexpr (is_described_enum_v<T> || is_described_struct_v<T>)
        return wire_type_name(static_cast<T const*>(nullptr));
    else
        return {};
}

/// Appends the `xsi:type` value of `T` (`xsd:int`, `es:ArrayOfChangedDataItem`, ...).
template <class T>
void append_xsi_type(std::string& out) {
    if constexpr (is_optional_v<T>) {
        append_xsi_type<typename T::value_type>(out);
    } else if constexpr (std::is_same_v<T, timestamp>) {
        out += "xsd:dateTime";
    } else if constexpr (std::is_same_v<T, time_span>) {
        out += "ser:duration";
    } else if constexpr (!xsd_name<T>().empty()) {
        out += "xsd:";
        out += xsd_name<T>();
    } else if constexpr (is_vector_v<T>) {
        using E = typename T::value_type;
        if constexpr (!xsd_name<E>().empty()) {
            out += "arr:ArrayOf";
            out += xsd_name<E>();
        } else {
            out += "es:ArrayOf";
            out += es_name<E>();
        }
    } else if constexpr (is_string_map_v<T>) {
        using V = typename T::mapped_type;
        if constexpr (std::is_same_v<V, std::string>) {
            out += "es:StringDictionary";
        } else {
            out += "es:";
            out += es_name<V>();
            out += "Dictionary";
        }
    } else {
        static_assert(!es_name<T>().empty(), "superoffice::erpsync: this type has no SOAP type name");
        out += "es:";
        out += es_name<T>();
    }
}

class xml_writer {
public:
    xml_writer(std::string& out, diagnostics* diag) : out_(out), where_(diag) {}

    /// Writes `<es:{name}>` (or `<arr:{name}>` when `arrays_ns`) holding `v`, with its `xsi:type`.
    template <class T>
    bool element(std::string_view name, T const& v, bool arrays_ns = false) {
        std::string_view const prefix = arrays_ns ? "arr:" : "es:";
        out_ += '<';
        out_ += prefix;
        out_ += name;
        if constexpr (is_optional_v<T>) {
            if (!v) {
                out_ += " xsi:nil=\"true\"/>";
                return true;
            }
        }
        out_ += " xsi:type=\"";
        append_xsi_type<T>(out_);
        out_ += "\">";
        if (!content(v))
            return false;
        out_ += "</";
        out_ += prefix;
        out_ += name;
        out_ += '>';
        return true;
    }

    /// Writes the members of `v` as child elements (for a carrier: the base members first).
    /// `capitalize`: element names start with an upper-case letter (operation parameters, whose
    /// SOAP names differ from a REST query parameter's only in that).
    template <class T>
    bool members(T const& v, bool capitalize = false) {
        bool ok = true;
        auto one = [&](auto D) {
            if (!ok)
                return;
            std::string_view name = D.name;
            std::string upper;
            if (capitalize && !name.empty() && name[0] >= 'a' && name[0] <= 'z') {
                upper.assign(name);
                upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
                name = upper;
            }
            if (!element(name, v.*D.pointer))
                ok = prefix_key(D.name);
        };
        if constexpr (is_carrier_v<T>) {
            boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
                if (is_base_member(D.name))
                    one(D);
            });
            boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
                if (!is_base_member(D.name))
                    one(D);
            });
        } else {
            boost::mp11::mp_for_each<members_t<T>>(one);
        }
        return ok;
    }

    /// Writes `s` as element text or attribute value; false (and the diagnostics) for characters
    /// XML 1.0 cannot hold.
    SO_ERPSYNC_DECL bool text(std::string_view s);

    std::string const& path() const noexcept { return where_.path(); }

private:
    static bool is_base_member(std::string_view n) noexcept {
        return n == "TableRight" || n == "FieldProperties";
    }

    template <class T>
    bool content(T const& v) {
        if constexpr (is_optional_v<T>) {
            return content(*v);
        } else if constexpr (std::is_same_v<T, bool>) {
            out_ += v ? "true" : "false";
        } else if constexpr (std::is_arithmetic_v<T>) {
            if constexpr (std::is_floating_point_v<T>) {
                if (std::isnan(v)) {
                    out_ += "NaN"; // xs:double has them
                    return true;
                }
                if (std::isinf(v)) {
                    out_ += v < 0 ? "-INF" : "INF";
                    return true;
                }
            }
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, v);
            out_.append(buf, r.ptr);
        } else if constexpr (std::is_same_v<T, std::string>) {
            return text(v);
        } else if constexpr (std::is_same_v<T, time_span>) {
            out_ += v.to_iso8601_string();
        } else if constexpr (text_value<T>) {
            std::string t;
            v.append_to(t);
            return text(t);
        } else if constexpr (is_described_enum_v<T>) {
            auto name = enum_name(v);
            if (!name)
                return fail("the enum value " + std::to_string(static_cast<long long>(v)) +
                            " has no wire name");
            out_ += *name;
        } else if constexpr (is_open_enum_v<T>) {
            if (v.is_unknown())
                return text(v.name());
            return content(v.value());
        } else if constexpr (is_flag_set_v<T>) {
            // the schema's xs:list of enumerator names: empty for no flag; names that are not
            // enumerators (a newer server's) as received; bits without a name have no XML form
            std::string const t = v.to_string();
            if (t == "0")
                return true;
            std::string_view rest = t;
            bool first = true;
            while (!rest.empty()) {
                auto comma = rest.find(", ");
                std::string_view name = rest.substr(0, comma);
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 2);
                if (name.find_first_not_of("0123456789") == std::string_view::npos)
                    return fail("the flag bits " + std::string(name) + " have no name in the schema's list");
                if (!first)
                    out_ += ' ';
                first = false;
                if (!text(name))
                    return false;
            }
        } else if constexpr (is_vector_v<T>) {
            using E = typename T::value_type;
            constexpr bool arrays_ns = !xsd_name<E>().empty();
            std::string_view item = arrays_ns ? xsd_name<E>() : es_name<E>();
            for (std::size_t i = 0; i < v.size(); ++i)
                if (!element(item, v[i], arrays_ns))
                    return prefix_index(i);
        } else if constexpr (is_string_map_v<T>) {
            using V = typename T::mapped_type;
            std::string pair;
            if constexpr (std::is_same_v<V, std::string>) {
                pair = "StringKeyValuePair";
            } else {
                pair.assign(es_name<V>());
                pair += "DictionaryKeyValuePair";
            }
            for (auto const& [k, val] : v) {
                out_ += "<es:";
                out_ += pair;
                out_ += "><es:Key xsi:type=\"xsd:string\">";
                if (!text(k))
                    return prefix_key(k);
                out_ += "</es:Key>";
                if (!element("Value", val))
                    return prefix_key(k);
                out_ += "</es:";
                out_ += pair;
                out_ += '>';
            }
        } else if constexpr (is_described_struct_v<T>) {
            return members(v);
        } else {
            static_assert(always_false_v<T>, "superoffice::erpsync: this type cannot be written as XML");
        }
        return true;
    }

    bool fail(std::string msg) { return where_.fail(std::move(msg)); }
    bool prefix_index(std::size_t i) { return where_.prefix_index(i); }
    bool prefix_key(std::string_view k) { return where_.prefix_key(k); }

    std::string& out_;
    path_failure where_;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/xml_writer.ipp>
#endif

#endif
