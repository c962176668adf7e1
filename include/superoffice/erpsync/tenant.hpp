//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TENANT_HPP
#define SO_ERPSYNC_TENANT_HPP

/// @file
/// Locating a SuperOffice Online tenant: `tenant_locator` (a client setting used instead of a
/// fixed base URL), the state service's reply `tenant_state`, and the environment names.

#include <superoffice/erpsync/detail/config.hpp>
#include <superoffice/erpsync/time.hpp>

#include <boost/describe/class.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync {

/// Where a tenant lives now, as the state service `GET {environment}/api/state/{ctx}` answers
/// (names as on the wire; unknown members are ignored, missing ones keep their defaults).
struct tenant_state {
    /// The tenant, e.g. `Cust12345`.
    std::string ContextIdentifier{};
    /// The tenant's root, e.g. `https://online2.superoffice.com/Cust12345`. Changes when
    /// SuperOffice moves the tenant.
    std::string Endpoint{};
    /// The state's name (`Running`, `OfflineMaintenance`, `Deleted`, ...). A number is accepted
    /// too and kept as its digits.
    std::string State{};
    /// True for `Running` and `OnlineMaintenance`: the API may be called.
    bool IsRunning = false;
    /// When to ask again.
    timestamp ValidUntil{};
    /// The REST base, `{Endpoint}/api`.
    std::string Api{};
    /// The NetServer build (newer servers).
    std::string Version{};
};
BOOST_DESCRIBE_STRUCT(tenant_state, (),
                      (ContextIdentifier, Endpoint, State, IsRunning, ValidUntil, Api, Version))

/// A client setting that finds the tenant's host through the state service instead of a fixed
/// `client_config::base_url` (which must then be empty).
///
/// The client asks `GET {environment}/api/state/{context_identifier}` before its first call and
/// again when the answer's `ValidUntil` has passed (clamped to [`min_valid_for`, `max_valid_for`]),
/// and calls the tenant at `Endpoint` (REST at `{Endpoint}/api/v1/...`, SOAP at
/// `{Endpoint}/Remote/Services88/...`; when `Endpoint` is missing, `Api` without its `/api`).
/// While `IsRunning` is false calls fail at once with `error::tenant_unavailable` (or
/// `error::tenant_deleted` for `Deleted`, `Deleting` and `DeleteFailed`), the state's name in
/// `diagnostics::tenant_state`, until the state is asked again (after `unavailable_recheck` at
/// most). A call answered 421 (wrong host: the tenant moved), or that cannot connect to the
/// tenant's host, makes the client ask again at once and replay the call once on the new host.
/// Look-ups are single-flight: concurrent calls share one.
/// Authentication (system user, OAuth) always goes to the environment, never to the tenant host.
struct tenant_locator {
    /// The tenant, e.g. `Cust12345`.
    std::string context_identifier{};
    /// `online`, `sod`, `stage`, `qaonline`, or a base URL (e.g. a sandbox's
    /// `http://127.0.0.1:PORT`): see `environment_url`.
    std::string environment{};
    /// Bounds on how long an answer is used, whatever its `ValidUntil` says.
    std::chrono::seconds min_valid_for{60};
    /// The longest time a state answer is trusted (its ValidUntil is clamped to it).
    std::chrono::seconds max_valid_for{3600};
    /// While the tenant is not running, how long the answer is used at most before asking again.
    std::chrono::seconds unavailable_recheck{30};

    /// Whether a tenant is to be located (a context identifier is set).
    bool enabled() const noexcept { return !context_identifier.empty(); }
};

/// The base URL of an environment: `online`, `sod`, `stage`, `qaonline` (any name of letters,
/// digits and `-`) -> `https://{name}.superoffice.com`; a text containing `://` is taken as a URL
/// and returned without a trailing slash. Empty for an empty text.
SO_ERPSYNC_DECL std::string environment_url(std::string_view environment);

/// Whether the state name is a permanent end (`Deleted`, `Deleting`, `DeleteFailed`, or their
/// numbers 3, 10, 11).
SO_ERPSYNC_DECL bool tenant_state_is_permanent(std::string_view state) noexcept;

/// The instant until which `s` is used when read at `now` (system clock): `ValidUntil` clamped to
/// [now + min, now + max]; for a state that is not running, at most now + `unavailable_recheck`.
SO_ERPSYNC_DECL std::chrono::system_clock::time_point
tenant_state_valid_until(tenant_state const& s, tenant_locator const& loc,
                         std::chrono::system_clock::time_point now);

/// The tenant's root URL from `s`: `Endpoint`, or `Api` without a final `/api` (and slash). Empty
/// when neither is usable.
SO_ERPSYNC_DECL std::string tenant_base_url(tenant_state const& s);

} // namespace superoffice::erpsync

#ifdef SO_ERPSYNC_HEADER_ONLY
#include <superoffice/erpsync/impl/tenant.ipp>
#endif

#endif
