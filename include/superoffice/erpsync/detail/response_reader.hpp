//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_RESPONSE_READER_HPP
#define SO_ERPSYNC_DETAIL_RESPONSE_READER_HPP

// An HTTP response parser that keeps only what a call needs: the status, `Retry-After`, whether
// the headers announce a body, and the body itself, appended to a string the caller owns (and
// reuses from call to call). Beast's `response_parser` would store every header in allocated
// nodes; this one allocates nothing beyond the body's growth. Framing (Content-Length, chunked,
// keep-alive, limits) is Beast's `basic_parser`.

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/beast/http/basic_parser.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

class response_reader final : public boost::beast::http::basic_parser<false> {
public:
    /// The body goes to `body` (cleared first); `retry_after` receives that header (cleared).
    SO_ERPSYNC_DECL response_reader(std::string& body, std::string& retry_after);

    unsigned status() const noexcept { return status_; }
    /// A Content-Length other than 0, or a Transfer-Encoding, was announced.
    bool announces_body() const noexcept { return announces_body_; }

    /// The body bytes not yet received, once the head is parsed and announced a Content-Length
    /// (Beast's `content_length_remaining` asserts the head is parsed); none otherwise.
    std::optional<std::uint64_t> body_left() const {
        if (!is_header_done())
            return std::nullopt;
        auto const n = content_length_remaining();
        return n ? std::optional<std::uint64_t>(*n) : std::nullopt;
    }

private:
    using string_view = boost::beast::string_view;
    using error_code = boost::beast::error_code;
    using field = boost::beast::http::field;

    void on_request_impl(boost::beast::http::verb, string_view, string_view, int, error_code&) override {}

    SO_ERPSYNC_DECL void on_response_impl(int code, string_view, int, error_code&) override;

    SO_ERPSYNC_DECL void on_field_impl(field name, string_view, string_view value, error_code&) override;

    void on_header_impl(error_code&) override {}

    SO_ERPSYNC_DECL void on_body_init_impl(boost::optional<std::uint64_t> const& length,
                                           error_code&) override;

    SO_ERPSYNC_DECL std::size_t on_body_impl(string_view s, error_code&) override;

    void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}

    SO_ERPSYNC_DECL std::size_t on_chunk_body_impl(std::uint64_t, string_view s, error_code&) override;

    void on_finish_impl(error_code&) override {}

    std::string& body_;
    std::string& retry_after_;
    unsigned status_ = 0;
    bool announces_body_ = false;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/response_reader.ipp>
#endif

#endif
