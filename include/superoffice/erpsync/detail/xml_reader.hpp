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

inline char xml_code_of(std::string_view uri) noexcept {
    if (uri.empty())
        return 0;
    for (auto const& k : xml_known_ns)
        if (k.uri == uri)
            return k.code;
    return '?';
}

inline std::string_view xml_uri_of(char code) noexcept {
    for (auto const& k : xml_known_ns)
        if (k.code == code)
            return k.uri;
    return code ? xml_other_ns : std::string_view{};
}

/// Lexical checks pugixml does not make, on the raw text: UTF-8 and the XML 1.0 character set
/// (no NUL or other control characters, no surrogates, no U+FFFE/U+FFFF), character references
/// naming such characters, and references to entities other than the five predefined ones. A
/// document type declaration is refused here too, as are more than `max_xml_markup` tags. Returns
/// the reason, or null.
inline char const* xml_lexical_problem(std::string_view t) noexcept {
    auto const* p = reinterpret_cast<unsigned char const*>(t.data());
    std::size_t const n = t.size();
    for (std::size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return "a control character (or NUL), which XML 1.0 does not allow";
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return "invalid UTF-8";
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi)
            return "invalid UTF-8";
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return "invalid UTF-8";
        if (len == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE)
            return "U+FFFE or U+FFFF, which XML does not allow";
        i += len;
    }
    auto is_char = [](unsigned long v) {
        return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
               (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
    };
    std::size_t markup = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (t[i] == '<') {
            if (++markup > max_xml_markup)
                return "more elements than accepted (1000000)";
            std::string_view const rest = t.substr(i);
            std::string_view end;
            if (rest.starts_with("<![CDATA["))
                end = "]]>";
            else if (rest.starts_with("<!--"))
                end = "-->";
            else if (rest.starts_with("<?"))
                end = "?>";
            else if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!ENTITY"))
                return "a document type declaration (DTD), which SOAP does not allow";
            if (!end.empty()) {
                auto e = t.find(end, i + 2);
                if (e == std::string_view::npos)
                    return nullptr; // unterminated: pugixml reports it
                i = e + end.size() - 1;
            }
            continue;
        }
        if (t[i] != '&')
            continue;
        std::string_view const ref = t.substr(i, 12);
        if (ref.starts_with("&amp;") || ref.starts_with("&lt;") || ref.starts_with("&gt;") ||
            ref.starts_with("&quot;") || ref.starts_with("&apos;"))
            continue;
        if (!ref.starts_with("&#"))
            return "a reference to an undeclared entity";
        bool const hex = ref.size() > 2 && ref[2] == 'x';
        std::size_t j = i + (hex ? 3 : 2);
        unsigned long v = 0;
        std::size_t digits = 0;
        for (; j < n && digits <= 8; ++j, ++digits) {
            char const d = t[j];
            unsigned dv;
            if (d >= '0' && d <= '9')
                dv = static_cast<unsigned>(d - '0');
            else if (hex && d >= 'a' && d <= 'f')
                dv = static_cast<unsigned>(d - 'a' + 10);
            else if (hex && d >= 'A' && d <= 'F')
                dv = static_cast<unsigned>(d - 'A' + 10);
            else
                break;
            v = v * (hex ? 16 : 10) + dv;
        }
        if (digits == 0 || digits > 8 || j >= n || t[j] != ';' || !is_char(v))
            return "a character reference to a character XML does not allow";
    }
    return nullptr;
}

/// Parses `text` into `doc` and canonicalises its names (see above); error::invalid_xml with the
/// reason when refused: not well-formed (also: text or a second element outside the root, an
/// unbound prefix, a repeated attribute), the lexical problems of `xml_lexical_problem`, nesting
/// deeper than `max_xml_depth`, more than `max_xml_attributes` on an element. Everything runs in
/// time linear in the size of the text, without recursion.
inline error_code parse_xml(std::string_view text, pugi::xml_document& doc, diagnostics* diag) {
    auto refuse = [&](std::string msg) -> error_code {
        if (diag)
            diag->client_message = std::move(msg);
        return error::invalid_xml;
    };
    if (char const* why = xml_lexical_problem(text))
        return refuse(std::string("the body is refused: it holds ") + why);
    // parse_fragment keeps text outside the root element as nodes, so that it can be refused
    unsigned const flags =
        pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype | pugi::parse_fragment;
    pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!r)
        return refuse(std::string("the body is not well-formed XML: ") + r.description() + " at offset " +
                      std::to_string(r.offset));

    // In-scope namespace declarations: prefix -> stack of codes, and what each open element pushed.
    std::unordered_map<std::string, std::vector<char>> scope;
    std::vector<std::string> pushed;
    std::vector<std::size_t> frames;
    std::string name;
    auto resolve = [&](std::string_view prefix, char& code) {
        if (prefix == "xml") {
            code = 'x';
            return true;
        }
        auto it = scope.find(std::string(prefix));
        if (it == scope.end() || it->second.empty()) {
            code = 0;
            return prefix.empty(); // no default namespace: fine; an unbound prefix: not
        }
        code = it->second.back();
        return prefix.empty() || code != 0;
    };
    auto canonical = [&](std::string_view qname, bool is_attribute, char& code) -> bool {
        auto c = qname.find(':');
        std::string_view prefix = c == std::string_view::npos ? std::string_view{} : qname.substr(0, c);
        std::string_view local = c == std::string_view::npos ? qname : qname.substr(c + 1);
        if (is_attribute && prefix.empty()) {
            code = 0; // unprefixed attributes are in no namespace
        } else if (!resolve(prefix, code)) {
            return false;
        }
        name.clear();
        if (code) {
            name += code;
            name += ':';
        }
        name += local;
        return true;
    };
    auto enter = [&](pugi::xml_node e) -> char const* {
        frames.push_back(pushed.size());
        std::size_t count = 0;
        for (pugi::xml_attribute a : e.attributes()) {
            if (++count > max_xml_attributes)
                return "more attributes on one element than accepted";
            std::string_view an(a.name());
            if (an == "xmlns" || an.starts_with("xmlns:")) {
                std::string prefix(an.size() > 5 ? an.substr(6) : std::string_view{});
                char const code = xml_code_of(a.value());
                if (!prefix.empty() && code == 0)
                    return "a prefix bound to no namespace";
                scope[prefix].push_back(code);
                pushed.push_back(std::move(prefix));
            }
        }
        char code = 0;
        if (!canonical(e.name(), false, code))
            return "an element prefix bound to no namespace";
        e.set_name(name.c_str());
        for (pugi::xml_attribute a : e.attributes()) {
            std::string_view an(a.name());
            if (an == "xmlns" || an.starts_with("xmlns:"))
                continue;
            if (!canonical(an, true, code))
                return "an attribute prefix bound to no namespace";
            a.set_name(name.c_str());
        }
        for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute())
            for (pugi::xml_attribute b = a.next_attribute(); b; b = b.next_attribute())
                if (std::string_view(a.name()) == b.name())
                    return "an attribute given twice";
        return nullptr;
    };
    auto leave = [&] {
        for (std::size_t k = frames.back(); k < pushed.size(); ++k)
            scope[pushed[k]].pop_back();
        pushed.resize(frames.back());
        frames.pop_back();
    };

    std::size_t depth = 1; // of `n`: 1 for the document's children
    std::size_t roots = 0;
    pugi::xml_node n = doc.first_child();
    while (n) {
        switch (n.type()) {
        case pugi::node_doctype:
            return refuse("the body has a document type declaration (DTD), which SOAP does not allow");
        case pugi::node_element:
            if (depth == 1 && ++roots > 1)
                return refuse("the body is not well-formed XML: more than one root element");
            if (depth > max_xml_depth)
                return refuse("the XML is nested deeper than " + std::to_string(max_xml_depth) + " levels");
            if (char const* why = enter(n))
                return refuse(std::string("the body is not well-formed XML: ") + why);
            break;
        case pugi::node_pcdata:
        case pugi::node_cdata:
            if (depth == 1 && !trim(n.value()).empty())
                return refuse("the body is not well-formed XML: text outside the root element");
            break;
        default:
            break;
        }
        if (n.type() == pugi::node_element && n.first_child()) {
            n = n.first_child();
            ++depth;
            continue;
        }
        if (n.type() == pugi::node_element)
            leave();
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
            if (n == doc)
                n = pugi::xml_node();
            else
                leave();
        }
        if (n)
            n = n.next_sibling();
    }
    if (roots == 0)
        return refuse("the body holds no XML element");
    return {};
}

/// The local part of a (canonical) name.
inline std::string_view xml_local_name(char const* qname) noexcept {
    std::string_view s(qname);
    auto c = s.find(':');
    return c == std::string_view::npos ? s : s.substr(c + 1);
}

/// The namespace URI of a canonical name (empty: none; `xml_other_ns`: one we do not know).
inline std::string_view xml_ns_of_name(char const* canonical) noexcept {
    std::string_view q(canonical);
    return q.size() > 1 && q[1] == ':' ? xml_uri_of(q[0]) : std::string_view{};
}

/// The namespace URI of element `n` (after `parse_xml`).
inline std::string_view xml_ns_of(pugi::xml_node n) noexcept {
    return xml_ns_of_name(n.name());
}

/// The namespace URI an original `prefix` was bound to at `n`, from the `xmlns` attributes
/// `parse_xml` keeps: for QNames inside values (`xsi:type="es:ErpConnection"`). Walks up the
/// tree: for tests and tools, not for the decoding path.
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

/// Whether `n` carries `xsi:nil="true"` (or `"1"`).
inline bool xml_is_nil(pugi::xml_node n) noexcept {
    for (pugi::xml_attribute a : n.attributes()) {
        if (std::string_view(a.name()) != "i:nil")
            continue;
        std::string_view v = trim(a.value());
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

    /// The first child element of `n` named `local` in the Services88 namespace, matched exactly
    /// then ASCII case-insensitively.
    static pugi::xml_node child_named(pugi::xml_node n, std::string_view local) noexcept {
        pugi::xml_node ci;
        for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element)
                continue;
            if (xml_ns_of(c) != xml_ns::services88)
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
