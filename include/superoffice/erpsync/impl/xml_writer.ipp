//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_XML_WRITER_IPP
#define SO_ERPSYNC_IMPL_XML_WRITER_IPP

// XML text escaping, out of line: included by `detail/xml_writer.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/soap_src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/xml_writer.hpp>

#include <string>
#include <string_view>

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::xml_writer::text(std::string_view s) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char const c = static_cast<unsigned char>(s[i]);
        char const* esc = nullptr;
        switch (c) {
        case '&':
            esc = "&amp;";
            break;
        case '<':
            esc = "&lt;";
            break;
        case '>':
            esc = "&gt;";
            break;
        case '"':
            esc = "&quot;";
            break;
        case '\r':
            esc = "&#13;";
            break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n')
                return fail("the control character " + std::to_string(c) + " cannot be written in XML");
        }
        if (esc) {
            out_.append(s.data() + run, i - run);
            out_ += esc;
            run = i + 1;
        }
    }
    out_.append(s.data() + run, s.size() - run);
    return true;
}

#endif
