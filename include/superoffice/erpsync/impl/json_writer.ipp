//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_JSON_WRITER_IPP
#define SO_ERPSYNC_IMPL_JSON_WRITER_IPP

// The JSON writer's non-template parts (string escaping, buffer growth), out of line: included by
// `detail/json_writer.hpp` in header-only builds, compiled once by `superoffice/erpsync/src.hpp`
// with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/json_writer.hpp>

#include <algorithm>
#include <cstring>
#include <string_view>

SO_ERPSYNC_DECL void superoffice::erpsync::detail::json_writer::write_string(std::string_view s) {
    pos_ = out_.size();
    put_string(s);
    out_.resize(pos_);
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::json_writer::grow(std::size_t n) {
    // Within the capacity nothing is allocated, but resize zero-fills what it adds: grow by
    // what is needed (doubling the size, not jumping to the capacity), so a reused buffer
    // does not clear its whole capacity on every call.
    std::size_t size = pos_ + n;
    size = std::max(size, 2 * out_.size());
    size = std::max(size, std::size_t(64));
    out_.resize(size);
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::json_writer::put_string(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    // room for the string unescaped and its quotes; each escape asks for more
    char* p = room(s.size() + 2);
    *p++ = '"';
    char const* in = s.data();
    char const* const end = in + s.size();
    while (in != end) {
        char const* run = in;
        while (run != end && !needs_escape(*run))
            ++run;
        std::size_t const n = static_cast<std::size_t>(run - in);
        std::memcpy(p, in, n);
        p += n;
        in = run;
        if (in == end)
            break;
        unsigned char const c = static_cast<unsigned char>(*in++);
        advance_to(p);
        // an escape is at most 6 bytes for 1 input byte; keep room for the rest and the quote
        p = room(6 + static_cast<std::size_t>(end - in) + 1);
        char e = 0;
        switch (c) {
        case '"':
            e = '"';
            break;
        case '\\':
            e = '\\';
            break;
        case '\n':
            e = 'n';
            break;
        case '\r':
            e = 'r';
            break;
        case '\t':
            e = 't';
            break;
        case '\b':
            e = 'b';
            break;
        case '\f':
            e = 'f';
            break;
        default:
            break;
        }
        *p++ = '\\';
        if (e) {
            *p++ = e;
        } else {
            p[0] = 'u', p[1] = '0', p[2] = '0', p[3] = hex[c >> 4], p[4] = hex[c & 15];
            p += 5;
        }
    }
    *p++ = '"';
    advance_to(p);
}

#endif
