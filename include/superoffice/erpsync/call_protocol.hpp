//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CALL_PROTOCOL_HPP
#define SO_ERPSYNC_CALL_PROTOCOL_HPP

/// @file
/// `call_protocol`: how a client encodes its calls, REST/JSON (the default) or SOAP 1.1 / 1.2
/// (`soap::protocol()` in `<superoffice/erpsync/soap.hpp>`), for `client_config::protocol`.

#include <memory>
#include <string_view>
#include <utility>

namespace superoffice::erpsync {

namespace detail {
class protocol_codec;
struct protocol_access;
} // namespace detail

/// The encoding of a client's calls: an opaque handle, chosen by its makers.
///
/// - Default-constructed (or `call_protocol::rest()`): REST, JSON bodies at
///   `{base_url}/api/v1/Agents/ErpSync/{Operation}`. Nothing is allocated, and the call path pays
///   one pointer test.
/// - `soap::protocol()` / `soap::protocol(soap::version::v1_2)` (include
///   `<superoffice/erpsync/soap.hpp>`, link `superoffice::erpsync_soap`): SOAP 1.1 or 1.2 at
///   `{base_url}/Remote/Services88/ErpSync.svc`, with the same calls, carriers and results.
///
/// The encoding itself is internal: it cannot be implemented or extended by users.
///
/// @par Thread safety
/// Immutable: copies share one encoding, which any number of clients may use on any threads.
class call_protocol {
public:
    /// REST.
    call_protocol() noexcept = default;

    /// REST (the same as a default-constructed one).
    static call_protocol rest() noexcept { return {}; }

    /// True for REST.
    bool is_rest() const noexcept { return !codec_; }

    /// A short name for messages: `REST`, `SOAP 1.1`, `SOAP 1.2`.
    std::string_view name() const noexcept { return name_; }

    /// The same encoding (REST equals REST; SOAP handles equal when they are copies of one).
    friend bool operator==(call_protocol const& a, call_protocol const& b) noexcept {
        return a.codec_ == b.codec_;
    }

private:
    friend struct detail::protocol_access;
    call_protocol(std::shared_ptr<detail::protocol_codec const> c, std::string_view name) noexcept
        : codec_(std::move(c)), name_(name) {}

    std::shared_ptr<detail::protocol_codec const> codec_; // null: REST
    std::string_view name_ = "REST";                      // a literal
};

namespace detail {
/// The library's way in and out of the handle.
struct protocol_access {
    /// `name`: text of static storage duration.
    static call_protocol make(std::shared_ptr<protocol_codec const> c, std::string_view name) noexcept {
        return call_protocol(std::move(c), name);
    }
    static std::shared_ptr<protocol_codec const> const& codec(call_protocol const& p) noexcept {
        return p.codec_;
    }
};
} // namespace detail

} // namespace superoffice::erpsync

#endif
