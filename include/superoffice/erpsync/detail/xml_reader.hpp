//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_XML_READER_HPP
#define SO_ERPSYNC_DETAIL_XML_READER_HPP

// Reads described carriers from a pugixml DOM, walking the descriptions (the inverse of
// xml_writer.hpp). Only the SOAP headers include this file (and pugixml).
//
// Parsing (`parse_xml`): pugixml, UTF-8. Refused with error::invalid_xml: anything that is not
// well-formed, a document type declaration (SOAP forbids DTDs; refusing them also refuses entity
// definitions, so no entity is ever expanded beyond the five predefined ones and character
// references), and nesting deeper than `max_xml_depth` (checked without recursion before anything
// is read). Memory is bounded by the body size limit applied before parsing.
//
// Reading: elements are matched by namespace URI (resolved through the in-scope `xmlns`
// declarations, never by prefix) and local name (exact, then ASCII case-insensitive); unknown
// elements are ignored; a missing element keeps the member's default; `xsi:nil="true"` empties an
// optional, string, container or carrier. Array items are read in order whatever their element
// name. Values: xs:boolean (`true`, `false`, `1`, `0`), decimal integers (range checked),
// xs:double (incl. `INF`, `-INF`, `NaN`), enums by name (unknown: `unrecognized`), flag masks
// as space separated names, `timestamp` as xs:dateTime, `time_span` as xs:duration (given the
// default, .NET style, so that it goes back over REST unchanged).

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
#include <limits>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace superoffice::erpsync::detail {

/// Deepest element nesting accepted in a SOAP message.
inline constexpr std::size_t max_xml_depth = 128;

/// Parses `text` into `doc`; error::invalid_xml with a message when refused.
inline error_code parse_xml(std::string_view text, pugi::xml_document& doc, diagnostics* diag) {
    auto refuse = [&](std::string msg) -> error_code {
        if (diag)
            diag->client_message = std::move(msg);
        return error::invalid_xml;
    };
    unsigned const flags = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype;
    pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!r)
        return refuse(std::string("the body is not well-formed XML: ") + r.description() + " at offset " +
                      std::to_string(r.offset));
    // Depth and DTD check without recursion (depth: of `n`, 1 for the document's children).
    std::size_t depth = 1;
    bool has_element = false;
    pugi::xml_node n = doc.first_child();
    while (n) {
        if (n.type() == pugi::node_doctype)
            return refuse("the body has a document type declaration (DTD), which SOAP does not allow");
        if (n.type() == pugi::node_element) {
            has_element = true;
            if (depth > max_xml_depth)
                return refuse("the XML is nested deeper than " + std::to_string(max_xml_depth) + " levels");
        }
        if (n.first_child()) {
            n = n.first_child();
            ++depth;
            continue;
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
            if (n == doc)
                n = pugi::xml_node();
        }
        if (n)
            n = n.next_sibling();
    }
    if (!has_element)
        return refuse("the body holds no XML element");
    return {};
}

/// The local part of a qualified name.
inline std::string_view xml_local_name(char const* qname) noexcept {
    std::string_view s(qname);
    auto c = s.find(':');
    return c == std::string_view::npos ? s : s.substr(c + 1);
}

/// The namespace URI bound to `prefix` (empty: the default namespace) at `n`.
inline std::string_view xml_lookup_ns(pugi::xml_node n, std::string_view prefix) noexcept {
    if (prefix == "xml")
        return "http://www.w3.org/XML/1998/namespace";
    for (; n && n.type() == pugi::node_element; n = n.parent()) {
        for (pugi::xml_attribute a : n.attributes()) {
            std::string_view an(a.name());
            if (prefix.empty() ? an == "xmlns"
                               : (an.size() == 6 + prefix.size() && an.substr(0, 6) == "xmlns:" &&
                                  an.substr(6) == prefix))
                return a.value();
        }
    }
    return {};
}

/// The namespace URI of element `n`.
inline std::string_view xml_ns_of(pugi::xml_node n) noexcept {
    std::string_view q(n.name());
    auto c = q.find(':');
    return xml_lookup_ns(n, c == std::string_view::npos ? std::string_view{} : q.substr(0, c));
}

/// Whether element `n` is `{ns}local`.
inline bool xml_is(pugi::xml_node n, std::string_view ns, std::string_view local) noexcept {
    return n.type() == pugi::node_element && xml_local_name(n.name()) == local && xml_ns_of(n) == ns;
}

/// The first child element `{ns}local` of `n`, or an empty node.
inline pugi::xml_node xml_child(pugi::xml_node n, std::string_view ns, std::string_view local) noexcept {
    for (pugi::xml_node c : n.children())
        if (xml_is(c, ns, local))
            return c;
    return {};
}

/// Whether `n` carries `xsi:nil="true"`.
inline bool xml_is_nil(pugi::xml_node n) noexcept {
    for (pugi::xml_attribute a : n.attributes()) {
        std::string_view q(a.name());
        auto c = q.find(':');
        if (c == std::string_view::npos || q.substr(c + 1) != "nil")
            continue;
        if (xml_lookup_ns(n, q.substr(0, c)) != xml_ns::xsi)
            continue;
        std::string_view v(a.value());
        return v == "true" || v == "1";
    }
    return false;
}

/// The text content of `n` (its text and CDATA children, concatenated).
inline std::string_view xml_text(pugi::xml_node n, std::string& scratch) {
    std::string_view first;
    int parts = 0;
    for (pugi::xml_node c : n.children()) {
        if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata)
            continue;
        if (parts == 0) {
            first = c.value();
        } else {
            if (parts == 1)
                scratch.assign(first);
            scratch += c.value();
        }
        ++parts;
    }
    return parts > 1 ? std::string_view(scratch) : first;
}

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

    /// The first child element of `n` named `local` in the Services88 namespace (or in no
    /// namespace), matched exactly then case-insensitively.
    static pugi::xml_node child_named(pugi::xml_node n, std::string_view local) noexcept {
        pugi::xml_node ci;
        for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element)
                continue;
            auto ns = xml_ns_of(c);
            if (ns != xml_ns::services88 && !ns.empty())
                continue;
            auto l = xml_local_name(c.name());
            if (l == local)
                return c;
            if (!ci && iequals(l, local))
                ci = c;
        }
        return ci;
    }

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
            if (!d.empty() && d.front() == '+')
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
                if (!d.empty() && d.front() == '+')
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

#endif
