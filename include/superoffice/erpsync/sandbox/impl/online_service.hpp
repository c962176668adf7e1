//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_ONLINE_SERVICE_HPP
#define SO_ERPSYNC_SANDBOX_IMPL_ONLINE_SERVICE_HPP

/// @file
/// Internal to the sandbox library: the state and the handlers of the SuperOffice Online emulation
/// (`options::online`, see `sandbox/online.hpp`). Owned by `server::impl`, which routes requests
/// of the environment host here and asks it about tenant-API requests. Bodies in
/// `sandbox/impl/online.ipp`.

#include <superoffice/erpsync/rsa_key.hpp>
#include <superoffice/erpsync/sandbox/online.hpp>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace superoffice::erpsync::sandbox {

class online_service {
public:
    using request = boost::beast::http::request<boost::beast::http::string_body>;
    using response = boost::beast::http::response<boost::beast::http::string_body>;
    using clock = std::chrono::steady_clock;

    /// Makes the signing key. `base_path` is the tenant path, e.g. `/Cust12345`.
    online_service(online_options opt, std::string base_path);

    /// The URLs of the listeners, once bound: the environment host's and each tenant host's
    /// `scheme://host:port`.
    void set_hosts(std::string environment_url, std::vector<std::string> tenant_roots);

    /// Answers a request that arrived on the environment host.
    response handle_environment(request const& req);

    /// For a request for the tenant path on tenant host `host`: the 421 (another host) or 503 (the
    /// tenant is not running) to answer, or nothing when it may go on.
    std::optional<response> gate_tenant_request(request const& req, std::size_t host);

    /// The `Authorization` header carries a ticket (with its `SO-AppToken`) or access token issued
    /// here and still valid. A ticket's idle window starts again.
    bool credentials_ok(request const& req);
    /// The SOAP form: `ticket` from `Credentials/Ticket`, `app_token` from the `ApplicationToken`
    /// header (or `SO-AppToken`).
    bool ticket_ok(std::string_view ticket, std::string_view app_token);
    /// Counts a 401 answered on the tenant API when `req` carried a `SOTicket` or `Bearer`.
    void count_unauthorized(request const& req);

    void set_state(tenant_state s);
    tenant_state state() const;
    /// Throws `std::out_of_range` for a host that does not exist.
    void move_tenant(std::size_t host);
    std::size_t current_host() const;
    void expire_tickets();
    online_counts counters() const;
    std::string const& context_identifier() const noexcept { return ctx_; }
    std::string const& environment_url() const noexcept { return environment_url_; }

private:
    response metadata(request const& req);
    response jwks(request const& req);
    response exchange(request const& req);
    response tokens(request const& req, std::string_view query);
    response tenant_status(request const& req, std::string_view ctx);

    /// An RS256 JWT of `claims` (`iat`, `nbf`, `exp` added), with `opt_.jwt_fault` applied.
    std::string issue_jwt(boost::json::object claims, std::string const& issuer,
                          std::string const& audience) const;
    /// The tenant's root on the current host, e.g. `http://127.0.0.1:41234/Cust12345` (the
    /// caller holds the lock).
    std::string endpoint_locked() const;

    online_options opt_;
    std::string base_path_;
    std::string ctx_;
    std::string client_secret_;
    rsa_key signing_key_;
    std::string kid_;
    std::string environment_url_;
    std::vector<std::string> tenant_roots_;

    mutable std::mutex mutex_; // everything below
    tenant_state state_;
    std::size_t host_ = 0;
    std::unordered_map<std::string, clock::time_point> tickets_;       // ticket -> last use
    std::unordered_map<std::string, clock::time_point> access_tokens_; // token -> expiry
    std::unordered_set<std::string> refresh_tokens_;
    online_counts counts_{};
};

} // namespace superoffice::erpsync::sandbox

#endif
