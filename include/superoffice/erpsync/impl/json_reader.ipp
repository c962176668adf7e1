//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_JSON_READER_IPP
#define SO_ERPSYNC_IMPL_JSON_READER_IPP

// The JSON reader's non-template parts (failures and their field path, the sink of ignored
// values), out of line: included by `detail/json_reader.hpp` in header-only builds, compiled
// once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION. The parser
// itself (Boost.JSON's `basic_parser` implementation) is only instantiated in `impl/json.ipp`.

#include <superoffice/erpsync/detail/json_reader.hpp>

#include <string>
#include <utility>

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::json_reader::fail(erpsync::error e, std::string msg) {
    ec_ = e;
    if (diag_) {
        diag_->field_path = path();
        diag_->client_message = std::move(msg);
        if (!diag_->field_path.empty())
            diag_->client_message += " at " + diag_->field_path;
    }
    return false;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::json_reader::type_error(char const* expected,
                                                                           char const* got) {
    return fail(error::type_mismatch, std::string("expected ") + expected + ", got " + got);
}

SO_ERPSYNC_DECL std::string superoffice::erpsync::detail::json_reader::path() const {
    std::string p;
    for (auto const& f : frames_) {
        if (f.is_array) {
            if (f.index == 0)
                break;
            p += '[';
            p += std::to_string(f.index - 1);
            p += ']';
        } else {
            if (f.key.data() == nullptr)
                break;
            if (!p.empty())
                p += '.';
            p.append(f.key);
        }
    }
    return p;
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::ignore_sink::begin_object(void*, json_reader&, slot& out) {
    out = self();
    return true;
}
SO_ERPSYNC_DECL bool superoffice::erpsync::detail::ignore_sink::key(void*, std::string_view, json_reader&,
                                                                    slot& out) {
    out = self();
    return true;
}
SO_ERPSYNC_DECL bool superoffice::erpsync::detail::ignore_sink::begin_array(void*, json_reader&, slot& out) {
    out = self();
    return true;
}
SO_ERPSYNC_DECL bool superoffice::erpsync::detail::ignore_sink::element(void*, json_reader&, slot& out) {
    out = self();
    return true;
}

#endif
