//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_REQUEST_HANDLER_HPP
#define SO_ERPSYNC_SANDBOX_REQUEST_HANDLER_HPP

/// @file
/// `sandbox::request_handler`: the sandbox's request handling without sockets (sans-io).
///
/// What `sandbox::server` does with the bytes a client sends on a connection, with no socket, no
/// thread and no timer: requests are read with the server's parser and limits
/// (`options::max_body_size`, 413 above it), then answered by the code the server runs for every
/// request it reads: faults (`options::faults`), routing (REST, SOAP with `options::soap`, the
/// Online emulation's tenant gate and environment host with `options::online`), authentication,
/// `$select`, the JSON and XML decoding of requests, the emulator, the WebAPI's error bodies.
/// The answers come back as the bytes the server would write. For tools that want the sandbox's
/// behaviour in process, and for fuzzing it (`test/fuzz/sandbox_requests.cpp`).
///
/// Differences from a server: no time passes (`options::response_delay`, `stall_for`,
/// `idle_timeout` and the engine timer do not apply: run the engine with `with_state`); a stall
/// answers nothing; a broken answer (`reset_mid_response`, `truncated_body`) is the part the
/// server would send before breaking the connection; the Online emulation names its hosts with
/// the ports of `options` (`port`, `online_options::environment_port`) since nothing listens.
///
/// @par Thread safety
/// `handle` and `handle_environment`: one call at a time per object. `with_state` may be called
/// from any thread.

#include <superoffice/erpsync/sandbox/emulator.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#include <superoffice/erpsync/sandbox/state.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace superoffice::erpsync::sandbox {

/// The sandbox's request handling on bytes, without sockets (see the file comment).
class request_handler {
public:
    /// The emulator's state from `data`, the settings of `opt` (its network settings unused).
    /// Throws `std::invalid_argument` for invalid `options::faults` or `options::online`, as
    /// `server` does.
    explicit request_handler(options opt = {}, seed const& data = default_seed());

    request_handler(request_handler const&) = delete;
    request_handler& operator=(request_handler const&) = delete;
    ~request_handler();

    /// The bytes a client sent on one connection to the tenant's host (REST and SOAP): every
    /// complete request in `bytes`, in order, answered as the server answers it. Returns the
    /// bytes of the answers. Stops at an incomplete request (the server would wait for more), a
    /// malformed one (the server closes the connection; 413 first for a body that is too large),
    /// a stall or a broken answer, and after an answer that closes the connection.
    std::string handle(std::string_view bytes);

    /// As `handle`, for a connection to the Online emulation's environment host (login, token and
    /// state services). Throws `std::logic_error` when `options::online.enabled` is false.
    std::string handle_environment(std::string_view bytes);

    /// Requests read so far (complete requests, whether answered, faulted or stalled).
    std::size_t requests_served() const noexcept;

    /// Runs `f(emulator&)` under the state lock and returns its result.
    template <class F>
    auto with_state(F&& f) {
        std::lock_guard lock(state_mutex());
        return f(state());
    }

private:
    std::mutex& state_mutex() noexcept;
    emulator& state() noexcept;

    std::unique_ptr<server::impl> impl_;
};

} // namespace superoffice::erpsync::sandbox

#endif
