//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_JSON_IPP
#define SO_ERPSYNC_IMPL_JSON_IPP

// The JSON parser driver, out of line: included by `json.hpp` in header-only builds, compiled once
// by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/json.hpp>

#include <boost/json/basic_parser_impl.hpp>

namespace superoffice::erpsync::detail {

SO_ERPSYNC_DECL error_code parse_slot(std::string_view text, slot target, diagnostics* diag,
                                      json_read_options opt, parse_info* info) {
    boost::json::parse_options po;
    po.max_depth = opt.max_depth;
    po.allow_invalid_utf8 = true; // strings are bytes to us; the server's encoding is its own
    boost::json::basic_parser<json_reader> p(po, target, diag);
    error_code ec;
    std::size_t n = p.write_some(false, text.data(), text.size(), ec);
    if (!ec && n < text.size())
        ec = boost::json::error::extra_data;
    if (ec && diag && diag->client_message.empty())
        diag->client_message = "invalid JSON at offset " + std::to_string(n) + ": " + ec.message();
    if (info) {
        info->root_null = p.handler().root_null();
        info->root_keys = p.handler().root_keys();
        info->root_known_keys = p.handler().root_known_keys();
    }
    return ec;
}

} // namespace superoffice::erpsync::detail

#endif
