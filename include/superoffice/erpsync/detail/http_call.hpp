//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_HTTP_CALL_HPP
#define SO_ERPSYNC_DETAIL_HTTP_CALL_HPP

// One plain HTTP request over a client's transport (`exchange`): the same connection pool, TLS
// settings, proxy, timeout, retry policy and logging as the agent's calls. The session uses it
// for SuperOffice's login, token and state services.

#include <superoffice/erpsync/detail/exchange.hpp>
#include <superoffice/erpsync/detail/prepared_config.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/beast/http/field.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

/// A request for `async_http`. `target` is appended to the client's base path.
struct http_call_request {
    std::string_view method = "GET";
    std::string target{};
    std::string_view content_type{}; // with a body
    std::string body{};
    std::string_view operation{}; // for the logger (static text)
    bool retry_safe = true;       // may be sent twice
};

/// Sends `r` through `st` and completes with `void(error_code, unsigned status, std::string body)`;
/// the error is the transport's (a response with any status is a success here). `diag` receives
/// the transport's details.
template <class CompletionToken>
auto async_http(std::shared_ptr<client_state> st, http_call_request r, diagnostics* diag,
                CompletionToken&& token) {
    auto x = std::make_shared<exchange>(st);
    auto& d = x->data();
    d.diag = diag;
    d.timeout = st->cfg.timeout;
    d.retry_safe = r.retry_safe;
    d.operation = r.operation;
    if (st->pc.error) {
        d.build_error = st->pc.error;
        if (diag)
            *diag = st->pc.error_diag;
    } else {
        d.req.begin(r.method);
        d.req.target_buffer() += st->pc.endpoint.path_prefix;
        d.req.target_buffer() += r.target;
        d.req.end_target();
        d.req.set(boost::beast::http::field::host, st->pc.endpoint.host_header);
        d.req.set(boost::beast::http::field::accept, "application/json");
        for (auto const& [n, v] : st->pc.headers)
            d.req.set(n, v);
        if (!r.content_type.empty())
            d.req.set(boost::beast::http::field::content_type, r.content_type);
        d.req.body() = std::move(r.body);
        d.req.finish();
    }
    return boost::asio::async_compose<CompletionToken, void(error_code, unsigned, std::string)>(
        [x = std::move(x), started = false](auto& self, error_code ec = {}, unsigned status = 0,
                                            std::string body = {}) mutable {
            if (!started) {
                started = true;
                auto ex = x;
                ex->start(
                    exchange_completion([self = std::move(self)](error_code e, exchange_data& d) mutable {
                        std::string b = d.body;
                        boost::asio::dispatch(
                            boost::asio::append(std::move(self), e, e ? 0u : d.status, std::move(b)));
                    }));
                return;
            }
            x.reset();
            self.complete(ec, status, std::move(body));
        },
        token, st->ex);
}

} // namespace superoffice::erpsync::detail

#endif
