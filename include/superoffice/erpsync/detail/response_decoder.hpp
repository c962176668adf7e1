//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_RESPONSE_DECODER_HPP
#define SO_ERPSYNC_DETAIL_RESPONSE_DECODER_HPP

// Sans-io response interpretation: status classes, the WebAPI's error bodies, 204/null handling,
// the agents' 200-with-error-object, and decoding into the result type.

#include <superoffice/erpsync/detail/field_path.hpp>
#include <superoffice/erpsync/diagnostics.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/json.hpp>

#include <string_view>

namespace superoffice::erpsync::detail {

/// The library's code for a non-2xx HTTP status.
SO_ERPSYNC_DECL error_code status_error(unsigned status) noexcept;

/// Keeps a bounded excerpt of an untrusted body.
SO_ERPSYNC_DECL void set_excerpt(diagnostics& d, std::string_view body);

/// Decodes the body as one of the documented error shapes; true when it is one.
SO_ERPSYNC_DECL bool read_server_error(std::string_view body, diagnostics* diag);

/// Interprets a response to an operation whose result type is `R` (`void` for 204 operations).
/// `out` is null for `void`.
template <class R>
error_code decode_response(unsigned status, std::string_view body, R* out, diagnostics* diag) {
    if (status < 200 || status > 299) {
        if (diag) {
            diag->http_status = status;
            set_excerpt(*diag, body);
            read_server_error(body, diag);
            diag->client_message = "the server answered HTTP " + std::to_string(status);
        }
        return status_error(status);
    }
    std::string_view const t = trim(body);
    auto agent_error = [&]() -> error_code {
        if (diag) {
            diag->http_status = status;
            set_excerpt(*diag, body);
            diag->client_message = "the agent answered with an error object";
        }
        return error::agent_error;
    };
    if constexpr (std::is_void_v<R>) {
        if (t.empty() || t == "null")
            return {};
        diagnostics probe;
        if (read_server_error(t, &probe)) {
            if (diag)
                diag->server = std::move(probe.server);
            return agent_error();
        }
        return {}; // a body we do not need (some servers echo something): ignored
    } else {
        auto null_result = [&]() -> error_code {
            if (diag) {
                diag->http_status = status;
                diag->client_message = "the server answered null: nothing was found";
            }
            return error::null_response;
        };
        if (t.empty())
            return null_result();
        // An object where a bare value, an array or a map is expected: the agents' error object?
        // For maps only when every key is one of the error object's (`Message`, `MessageDetail`,
        // ...): a configuration map may well hold a key named `Message`.
        if constexpr (!is_described_struct_v<R>) {
            if (t.front() == '{') {
                diagnostics probe;
                bool is_error = read_server_error(t, &probe);
                if constexpr (is_string_map_v<R>) {
                    server_error e;
                    parse_info all;
                    is_error = is_error && !parse_into(t, e, nullptr, {}, &all) &&
                               all.root_keys == all.root_known_keys;
                }
                if (is_error) {
                    if (diag)
                        diag->server = std::move(probe.server);
                    return agent_error();
                }
            }
        }
        parse_info info;
        if (auto ec = parse_into(t, *out, diag, {}, &info)) {
            if (diag) {
                diag->http_status = status;
                set_excerpt(*diag, body);
            }
            return ec;
        }
        if (info.root_null) {
            if constexpr (is_vector_v<R> || is_string_map_v<R>)
                return {}; // a null list is an empty one
            else
                return null_result();
        }
        if (is_described_struct_v<R> && info.root_keys > 0 && info.root_known_keys == 0) {
            diagnostics probe;
            if (read_server_error(t, &probe)) {
                if (diag)
                    diag->server = std::move(probe.server);
                return agent_error();
            }
        }
        return {};
    }
}

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/response_decoder.ipp>
#endif

#endif
