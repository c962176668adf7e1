//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_RESPONSE_DECODER_IPP
#define SO_ERPSYNC_IMPL_RESPONSE_DECODER_IPP

// The non-template parts of response interpretation (status classes, the WebAPI's error bodies),
// out of line: included by `detail/response_decoder.hpp` in header-only builds, compiled once by
// `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/field_path.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/json.hpp>

#include <string_view>
#include <utility>

SO_ERPSYNC_DECL superoffice::erpsync::error_code
superoffice::erpsync::detail::status_error(unsigned status) noexcept {
    switch (status) {
    case 400:
        return error::http_bad_request;
    case 401:
        return error::http_unauthorized;
    case 403:
        return error::http_forbidden;
    case 404:
        return error::http_not_found;
    case 429:
        return error::http_too_many_requests;
    case 503:
        return error::http_service_unavailable;
    default:
        break;
    }
    if (status >= 400 && status < 500)
        return error::http_client_error;
    if (status >= 500 && status < 600)
        return error::http_server_error;
    return error::http_unexpected_status;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::set_excerpt(diagnostics& d, std::string_view body) {
    d.server_message.assign(body.substr(0, diagnostics::max_excerpt));
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::read_server_error(std::string_view body,
                                                                     diagnostics* diag) {
    if (trim(body).empty() || trim(body).front() != '{')
        return false;
    server_error e;
    parse_info info;
    if (parse_into(body, e, nullptr, {}, &info) || info.root_known_keys == 0)
        return false;
    if (e.ErrorMessage.empty() && e.Message.empty() && e.ErrorType.empty())
        return false;
    if (diag)
        diag->server = std::move(e);
    return true;
}

#endif
