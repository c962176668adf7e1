//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_HTTP_REQUEST_HPP
#define SO_ERPSYNC_DETAIL_HTTP_REQUEST_HPP

// The HTTP/1.1 request of one call, rendered as it is built (sans-io).

#include <superoffice/erpsync/detail/config.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/field.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace superoffice::erpsync::detail {

/// An HTTP/1.1 request, rendered as it is built: the head (request line and header lines) in one
/// string, the body in another, written to the connection as two buffers. A call keeps its
/// request for retries, and the client recycles it, so a steady stream of calls allocates nothing
/// here. Values are validated by the builders before they get here (no CR/LF reaches `set`).
class http_request {
public:
    /// Starts a new request: clears everything, writes `method` and a space. The target follows
    /// through `target()`, then `end_target()`.
    SO_ERPSYNC_DECL void begin(std::string_view method);
    /// The string the target is appended to, between `begin` and `end_target`.
    std::string& target_buffer() noexcept { return head_; }
    void end_target() {
        target_end_ = head_.size();
        head_ += " HTTP/1.1\r\n";
    }
    /// Appends a header line.
    void set(std::string_view name, std::string_view value) {
        head_ += name;
        head_ += ": ";
        head_ += value;
        head_ += "\r\n";
    }
    void set(boost::beast::http::field name, std::string_view value) { set(to_string(name), value); }
    /// The body, filled by the encoder.
    std::string& body() noexcept { return body_; }
    std::string const& body() const noexcept { return body_; }
    /// Adds `Content-Length` and ends the head.
    SO_ERPSYNC_DECL void finish();
    bool finished() const noexcept { return finished_; }

    /// What goes on the wire.
    std::array<boost::asio::const_buffer, 2> buffers() const noexcept {
        return {boost::asio::buffer(head_), boost::asio::buffer(body_)};
    }
    std::string_view head() const noexcept { return head_; }

    /// Exchanges the storage with `head` and `body` (recycling: capacity kept, nothing allocated).
    void swap_storage(std::string& head, std::string& body) noexcept {
        head_.swap(head);
        body_.swap(body);
    }

    // Reading back, for logging and tests.
    std::string_view method_string() const noexcept {
        return std::string_view(head_).substr(0, target_begin_ ? target_begin_ - 1 : 0);
    }
    std::string_view target() const noexcept {
        return std::string_view(head_).substr(target_begin_, target_end_ - target_begin_);
    }
    /// Calls `f(name, value)` for every header line, in order.
    template <class F>
    void for_each_header(F&& f) const {
        std::string_view rest(head_);
        auto eol = rest.find("\r\n");
        if (eol == std::string_view::npos)
            return;
        rest.remove_prefix(eol + 2); // the request line
        while ((eol = rest.find("\r\n")) != std::string_view::npos && eol > 0) {
            auto line = rest.substr(0, eol);
            auto colon = line.find(':');
            auto value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ')
                value.remove_prefix(1);
            f(line.substr(0, colon), value);
            rest.remove_prefix(eol + 2);
        }
    }
    /// The value of the first header named `name` (ASCII case-insensitive), or empty.
    SO_ERPSYNC_DECL std::string_view operator[](std::string_view name) const;
    std::string_view operator[](boost::beast::http::field name) const { return (*this)[to_string(name)]; }
    /// How many header lines are named `name`.
    SO_ERPSYNC_DECL std::size_t count(std::string_view name) const;
    std::size_t count(boost::beast::http::field name) const { return count(to_string(name)); }

private:
    SO_ERPSYNC_DECL static bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

    std::string head_;
    std::string body_;
    std::size_t target_begin_ = 0;
    std::size_t target_end_ = 0;
    bool finished_ = false;
};

} // namespace superoffice::erpsync::detail

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/http_request.ipp>
#endif

#endif
