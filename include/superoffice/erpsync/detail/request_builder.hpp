//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_REQUEST_BUILDER_HPP
#define SO_ERPSYNC_DETAIL_REQUEST_BUILDER_HPP

// Sans-io request construction: the HTTP request of one call (REST). No I/O here, so all of it is
// unit tested directly. The base URL and client-level headers are prepared once, in
// `detail/prepared_config.hpp`; the request type is `detail/http_request.hpp`.

#include <superoffice/erpsync/call_options.hpp>
#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/detail/http_request.hpp>
#include <superoffice/erpsync/detail/prepared_config.hpp>
#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/beast/http/field.hpp>

#include <string>

namespace superoffice::erpsync::detail {

/// Adds the per-call headers (language, culture, time zone, `call_options::headers`), validated:
/// nothing is added when one is refused.
SO_ERPSYNC_DECL error_code add_call_headers(prepared_config const& pc, call_options const& opt,
                                            http_request& req, diagnostics* diag,
                                            bool time_zone_header = true);

/// Builds the HTTP request of one call of `Op`. On failure nothing may be sent.
template <class Op>
error_code build_request(prepared_config const& pc, request_t<Op> const& body, call_options const& opt,
                         http_request& req, diagnostics* diag) {
    namespace http = boost::beast::http;
    if (pc.error) {
        if (diag)
            *diag = pc.error_diag;
        return pc.error;
    }
    req.begin("POST");
    std::string& target = req.target_buffer();
    target += pc.endpoint.path_prefix;
    target += "/api/v1/Agents/ErpSync/";
    target += Op::name;
    if constexpr (Op::request_travels == request_kind::query)
        if (auto e = append_query(body, target, diag))
            return e;
    if (!opt.select.empty()) {
        if (!valid_header_value(opt.select)) {
            if (diag)
                diag->client_message = "$select contains CR, LF or NUL; nothing was sent";
            return error::invalid_header_value;
        }
        target += Op::request_travels == request_kind::query ? "&$select=" : "?$select=";
        target += encode_query_value(opt.select);
    }
    req.end_target();
    req.set(http::field::host, pc.endpoint.host_header);
    req.set(http::field::accept, "application/json");
    for (auto const& [n, v] : pc.headers)
        req.set(n, v);
    if (auto e = add_call_headers(pc, opt, req, diag))
        return e;
    if constexpr (Op::has_body) {
        req.set(http::field::content_type, "application/json; charset=utf-8");
        if (auto e = to_json(body, req.body(), diag))
            return e;
    }
    req.finish();
    return {};
}

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/request_builder.ipp>
#endif

#endif
