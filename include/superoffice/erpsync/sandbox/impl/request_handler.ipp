//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_REQUEST_HANDLER_IPP
#define SO_ERPSYNC_SANDBOX_IMPL_REQUEST_HANDLER_IPP

/// @file
/// `sandbox::request_handler` (see `sandbox/request_handler.hpp`): the server's implementation
/// without its listeners. Compiled once, in the sandbox library.

#include <superoffice/erpsync/sandbox/impl/server_impl.hpp>
#include <superoffice/erpsync/sandbox/request_handler.hpp>

#include <stdexcept>
#include <utility>

namespace superoffice::erpsync::sandbox {

request_handler::request_handler(options opt, seed const& data)
    : impl_(std::make_unique<server::impl>(std::move(opt), data, server::impl::mode::sans_io)) {}

request_handler::~request_handler() = default;

std::string request_handler::handle(std::string_view bytes) {
    return impl_->handle_bytes(bytes, 0);
}

std::string request_handler::handle_environment(std::string_view bytes) {
    if (!impl_->online_)
        throw std::logic_error(
            "sandbox::request_handler: the Online emulation is off (options::online.enabled)");
    return impl_->handle_bytes(bytes, server::impl::environment_listener);
}

std::size_t request_handler::requests_served() const noexcept {
    return impl_->requests_served();
}

std::mutex& request_handler::state_mutex() noexcept {
    return impl_->mutex_;
}

emulator& request_handler::state() noexcept {
    return impl_->emu_;
}

} // namespace superoffice::erpsync::sandbox

#endif
