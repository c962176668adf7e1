//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_XML_READER_HPP
#define SO_ERPSYNC_DETAIL_XML_READER_HPP

// Reads described carriers from a pugixml DOM, walking the descriptions (the inverse of
// xml_writer.hpp). Only the SOAP headers include this file (and pugixml).
//
// Parsing (`parse_xml`): pugixml, UTF-8, plus the checks pugixml leaves out (see `parse_xml`).
// Refused with error::invalid_xml: anything that is not well-formed, a document type declaration
// (SOAP forbids DTDs; refusing them also refuses entity definitions, so no entity is ever
// expanded beyond the five predefined ones and character references), characters XML does not
// allow, and nesting deeper than `max_xml_depth`. All checks run in linear time without
// recursion, before anything is read. Memory: pugixml's DOM takes up to about 100 times the text
// for a body made only of tiny elements; the text itself is size-limited before parsing
// (`client_config::max_body_size`, `sandbox::options::max_body_size`).
//
// Reading: elements are matched by namespace URI (resolved once by `parse_xml`, never by prefix;
// members must be in the Services88 namespace) and local name (exact, then ASCII case-insensitive); unknown
// elements are ignored; a missing element keeps the member's default; `xsi:nil="true"` empties an
// optional, string, container or carrier. Array items are read in order whatever their element
// name. Values: xs:boolean (`true`, `false`, `1`, `0`), decimal integers (range checked),
// xs:double (incl. `INF`, `-INF`, `NaN`), enums by name (unknown: `unrecognized`; an `open_enum`
// keeps an unknown name verbatim, and reads a decimal integer as a number), flag masks
// as space separated names, `timestamp` as xs:dateTime, `time_span` as xs:duration (given the
// default, .NET style, so that it goes back over REST unchanged).

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/field_path.hpp>
#include <superoffice/erpsync/detail/type_traits.hpp>
#include <superoffice/erpsync/detail/xml_writer.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

namespace superoffice::erpsync::detail {

/// Deepest element nesting accepted in a SOAP message.
inline constexpr std::size_t max_xml_depth = 128;
/// Most attributes accepted on one element (namespace declarations included).
inline constexpr std::size_t max_xml_attributes = 64;
/// Most markup (`<`: elements, comments, ...) accepted in one document: bounds the DOM's memory
/// (pugixml takes about 60 to 100 bytes per node) whatever the body is made of.
inline constexpr std::size_t max_xml_markup = 1000000;

// After `parse_xml`, names are canonical: prefixes are resolved once, in one pass, and replaced
// by a one-character code of the namespace (`e:Body` is {Services88}Body; `?` is a namespace we
// do not know; no colon means no namespace). Lookups are then constant time, whatever the
// document does with prefixes. `xmlns` attributes are kept as they were.
struct xml_ns_code {
    char code;
    std::string_view uri;
};
inline constexpr xml_ns_code xml_known_ns[] = {
    {'1', xml_ns::soap11},        {'2', xml_ns::soap12},
    {'e', xml_ns::services88},    {'a', xml_ns::arrays},
    {'z', xml_ns::serialization}, {'i', xml_ns::xsi},
    {'d', xml_ns::xsd},           {'x', "http://www.w3.org/XML/1998/namespace"}};
/// What `xml_ns_of` answers for a namespace not in `xml_known_ns`.
inline constexpr std::string_view xml_other_ns = "(another namespace)";

SO_ERPSYNC_DECL char xml_code_of(std::string_view uri) noexcept;

SO_ERPSYNC_DECL std::string_view xml_uri_of(char code) noexcept;

/// Lexical checks pugixml does not make, on the raw text: UTF-8 and the XML 1.0 character set
/// (no NUL or other control characters, no surrogates, no U+FFFE/U+FFFF), character references
/// naming such characters, and references to entities other than the five predefined ones. A
/// document type declaration is refused here too, as are more than `max_xml_markup` tags. Returns
/// the reason, or null.
SO_ERPSYNC_DECL char const* xml_lexical_problem(std::string_view t) noexcept;

/// Parses `text` into `doc` and canonicalises its names (see above); error::invalid_xml with the
/// reason when refused: not well-formed (also: text or a second element outside the root, an
/// unbound prefix, a repeated attribute), the lexical problems of `xml_lexical_problem`, nesting
/// deeper than `max_xml_depth`, more than `max_xml_attributes` on an element. Everything runs in
/// time linear in the size of the text, without recursion.
SO_ERPSYNC_DECL error_code parse_xml(std::string_view text, pugi::xml_document& doc, diagnostics* diag);

/// The local part of a (canonical) name.
SO_ERPSYNC_DECL std::string_view xml_local_name(char const* qname) noexcept;

/// The namespace URI of a canonical name (empty: none; `xml_other_ns`: one we do not know).
SO_ERPSYNC_DECL std::string_view xml_ns_of_name(char const* canonical) noexcept;

/// The namespace URI of element `n` (after `parse_xml`).
SO_ERPSYNC_DECL std::string_view xml_ns_of(pugi::xml_node n) noexcept;

/// The namespace URI an original `prefix` was bound to at `n`, from the `xmlns` attributes
/// `parse_xml` keeps: for QNames inside values (`xsi:type="es:ErpConnection"`). Walks up the
/// tree: for tests and tools, not for the decoding path.
SO_ERPSYNC_DECL std::string_view xml_lookup_ns(pugi::xml_node n, std::string_view prefix) noexcept;

/// Whether element `n` is `{ns}local`.
SO_ERPSYNC_DECL bool xml_is(pugi::xml_node n, std::string_view ns, std::string_view local) noexcept;

/// The first child element `{ns}local` of `n`, or an empty node.
SO_ERPSYNC_DECL pugi::xml_node xml_child(pugi::xml_node n, std::string_view ns,
                                         std::string_view local) noexcept;

/// Whether `n` carries `xsi:nil="true"` (or `"1"`).
SO_ERPSYNC_DECL bool xml_is_nil(pugi::xml_node n) noexcept;

/// The text content of `n` (its text and CDATA children, concatenated).
SO_ERPSYNC_DECL std::string_view xml_text(pugi::xml_node n, std::string& scratch);

class xml_reader {
public:
    explicit xml_reader(diagnostics* diag) : where_(diag) {}

    error_code ec() const noexcept { return ec_; }

    /// Reads element `n` (its content) into `v`.
    template <class T>
    bool read(pugi::xml_node n, T& v, std::size_t depth = 0) {
        if (depth > max_xml_depth)
            return fail(error::invalid_xml, "the XML is nested too deeply");
        bool const nil = xml_is_nil(n);
        if constexpr (is_optional_v<T>) {
            if (nil) {
                v.reset();
                return true;
            }
            v.emplace();
            return read(n, *v, depth);
        } else if constexpr (is_vector_v<T>) {
            v.clear();
            if (nil)
                return true;
            for (pugi::xml_node c : n.children()) {
                if (c.type() != pugi::node_element)
                    continue;
                auto& e = v.emplace_back();
                if (!read(c, e, depth + 1))
                    return where_.prefix_index(v.size() - 1);
            }
            return true;
        } else if constexpr (is_string_map_v<T>) {
            v.clear();
            if (nil)
                return true;
            for (pugi::xml_node pair : n.children()) {
                if (pair.type() != pugi::node_element)
                    continue;
                pugi::xml_node k = child_named(pair, "Key"), val = child_named(pair, "Value");
                if (!k)
                    return fail(error::type_mismatch, "a dictionary item without a Key");
                std::string key(xml_text(k, scratch_));
                typename T::mapped_type m{};
                if (val && !read(val, m, depth + 2))
                    return where_.prefix_key(key);
                v.insert_or_assign(std::move(key), std::move(m));
            }
            return true;
        } else if constexpr (is_described_struct_v<T>) {
            v = T{};
            if (nil)
                return true;
            bool ok = true;
            for (pugi::xml_node c : n.children()) {
                if (!ok)
                    break;
                if (c.type() != pugi::node_element || xml_ns_of(c) != xml_ns::services88)
                    continue;
                std::string_view const local = xml_local_name(c.name());
                // exact names first, then ASCII case-insensitive
                auto read_member = [&](auto same) {
                    bool matched = false;
                    boost::mp11::mp_for_each<members_t<T>>([&](auto D) {
                        if (!matched && same(local, std::string_view(D.name))) {
                            matched = true;
                            if (!read(c, v.*D.pointer, depth + 1))
                                ok = where_.prefix_key(D.name);
                        }
                    });
                    return matched;
                };
                if (!read_member([](std::string_view a, std::string_view b) { return a == b; }))
                    read_member([](std::string_view a, std::string_view b) { return iequals(a, b); });
            }
            return ok;
        } else {
            if (nil) {
                v = T{};
                return true;
            }
            return value(xml_text(n, scratch_), v);
        }
    }

    /// The first child element of `n` named `local` in the Services88 namespace, matched exactly
    /// then ASCII case-insensitively.
    SO_ERPSYNC_DECL static pugi::xml_node child_named(pugi::xml_node n, std::string_view local) noexcept;

    bool fail(error e, std::string msg) {
        ec_ = e;
        return where_.fail(std::move(msg));
    }

private:
    template <class T>
    bool value(std::string_view raw, T& v) {
        std::string_view const t = trim(raw);
        if constexpr (std::is_same_v<T, bool>) {
            if (t == "true" || t == "1")
                v = true;
            else if (t == "false" || t == "0")
                v = false;
            else
                return fail(error::type_mismatch, "expected a boolean (true, false, 1, 0)");
        } else if constexpr (is_integer_v<T>) {
            std::string_view d = t;
            if (d.size() > 1 && d.front() == '+' && d[1] != '-')
                d.remove_prefix(1);
            T x{};
            auto r = std::from_chars(d.data(), d.data() + d.size(), x);
            if (r.ec == std::errc::result_out_of_range)
                return fail(error::value_out_of_range, "the number does not fit the field");
            if (d.empty() || r.ec != std::errc() || r.ptr != d.data() + d.size())
                return fail(error::type_mismatch, "expected an integer");
            v = x;
        } else if constexpr (std::is_floating_point_v<T>) {
            if (t == "INF" || t == "+INF")
                v = std::numeric_limits<T>::infinity();
            else if (t == "-INF")
                v = -std::numeric_limits<T>::infinity();
            else if (t == "NaN")
                v = std::numeric_limits<T>::quiet_NaN();
            else {
                std::string_view d = t;
                if (d.size() > 1 && d.front() == '+' && d[1] != '-')
                    d.remove_prefix(1);
                T x{};
                auto r = std::from_chars(d.data(), d.data() + d.size(), x);
                if (d.empty() || r.ec != std::errc() || r.ptr != d.data() + d.size())
                    return fail(error::type_mismatch, "expected a number");
                v = x;
            }
        } else if constexpr (std::is_same_v<T, std::string>) {
            v.assign(raw); // strings keep their white space
        } else if constexpr (text_value<T>) {
            std::string why;
            std::optional<T> p = T::parse(t, &why);
            if (!p)
                return fail(error::invalid_value,
                            std::string("expected ") + T::expected_text + " (" + why + ")");
            v = *p;
            if constexpr (std::is_same_v<T, time_span>)
                v.set_style(time_span_style::dotnet);
        } else if constexpr (is_described_enum_v<T>) {
            if (auto e = enum_from_name<T>(t))
                v = *e;
            else
                v = T::unrecognized;
        } else if constexpr (is_open_enum_v<T>) {
            std::string_view d = t;
            bool const negative = !d.empty() && d.front() == '-';
            std::size_t const first = negative ? 1 : 0;
            if (d.size() > first && d.find_first_not_of("0123456789", first) == std::string_view::npos) {
                std::int64_t n = 0;
                auto r = std::from_chars(d.data(), d.data() + d.size(), n);
                if (r.ec == std::errc() && r.ptr == d.data() + d.size()) {
                    v = T::from_number(n);
                    return true;
                }
            }
            v = T::from_name(t); // a name, or digits too long for a number: kept as text
        } else if constexpr (is_flag_set_v<T>) {
            v = T::parse(t);
        } else {
            static_assert(always_false_v<T>, "superoffice::erpsync: this type cannot be read from XML");
        }
        return true;
    }

    path_failure where_;
    error_code ec_;
    std::string scratch_;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/xml_reader.ipp>
#endif

#endif
