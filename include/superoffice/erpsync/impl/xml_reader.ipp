//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_XML_READER_IPP
#define SO_ERPSYNC_IMPL_XML_READER_IPP

// The XML reader's non-template parts (the hardened parse, namespace lookups, text), out of
// line: included by `detail/xml_reader.hpp` in header-only builds, compiled once by
// `superoffice/erpsync/soap_src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/xml_reader.hpp>

#include <string>
#include <string_view>

#include <pugixml.hpp>

SO_ERPSYNC_DECL char superoffice::erpsync::detail::xml_code_of(std::string_view uri) noexcept {
    if (uri.empty())
        return 0;
    for (auto const& k : xml_known_ns)
        if (k.uri == uri)
            return k.code;
    return '?';
}

SO_ERPSYNC_DECL std::string_view superoffice::erpsync::detail::xml_uri_of(char code) noexcept {
    for (auto const& k : xml_known_ns)
        if (k.code == code)
            return k.uri;
    return code ? xml_other_ns : std::string_view{};
}

SO_ERPSYNC_DECL char const* superoffice::erpsync::detail::xml_lexical_problem(std::string_view t) noexcept {
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

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::parse_xml(std::string_view text, pugi::xml_document& doc, diagnostics* diag) {
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

SO_ERPSYNC_DECL std::string_view superoffice::erpsync::detail::xml_local_name(char const* qname) noexcept {
    std::string_view s(qname);
    auto c = s.find(':');
    return c == std::string_view::npos ? s : s.substr(c + 1);
}

SO_ERPSYNC_DECL std::string_view
superoffice::erpsync::detail::xml_ns_of_name(char const* canonical) noexcept {
    std::string_view q(canonical);
    return q.size() > 1 && q[1] == ':' ? xml_uri_of(q[0]) : std::string_view{};
}

SO_ERPSYNC_DECL std::string_view superoffice::erpsync::detail::xml_ns_of(pugi::xml_node n) noexcept {
    return xml_ns_of_name(n.name());
}

SO_ERPSYNC_DECL std::string_view
superoffice::erpsync::detail::xml_lookup_ns(pugi::xml_node n, std::string_view prefix) noexcept {
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

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::xml_is(pugi::xml_node n, std::string_view ns,
                                                          std::string_view local) noexcept {
    return n.type() == pugi::node_element && xml_local_name(n.name()) == local && xml_ns_of(n) == ns;
}

SO_ERPSYNC_DECL pugi::xml_node superoffice::erpsync::detail::xml_child(pugi::xml_node n, std::string_view ns,
                                                                       std::string_view local) noexcept {
    for (pugi::xml_node c : n.children())
        if (xml_is(c, ns, local))
            return c;
    return {};
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::xml_is_nil(pugi::xml_node n) noexcept {
    for (pugi::xml_attribute a : n.attributes()) {
        if (std::string_view(a.name()) != "i:nil")
            continue;
        std::string_view v = trim(a.value());
        return v == "true" || v == "1";
    }
    return false;
}

SO_ERPSYNC_DECL std::string_view superoffice::erpsync::detail::xml_text(pugi::xml_node n,
                                                                        std::string& scratch) {
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

SO_ERPSYNC_DECL pugi::xml_node
superoffice::erpsync::detail::xml_reader::child_named(pugi::xml_node n, std::string_view local) noexcept {
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

#endif
