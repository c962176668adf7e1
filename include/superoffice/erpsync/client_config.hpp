//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CLIENT_CONFIG_HPP
#define SO_ERPSYNC_CLIENT_CONFIG_HPP

/// @file
/// `client_config`, `credentials` and `tls_options` (the proxy settings are in `proxy.hpp`). For
/// compatibility this header also provides the per-call `call_options` (`call_options.hpp`).

#include <superoffice/erpsync/call_options.hpp>
#include <superoffice/erpsync/logger.hpp>
#include <superoffice/erpsync/proxy.hpp>
#include <superoffice/erpsync/rate_limit.hpp>
#include <superoffice/erpsync/retry.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace boost::asio::ssl {
class context;
}

namespace superoffice::erpsync {

class protocol_codec;

/// How the client authenticates (the `Authorization` header).
///
/// Secrets are kept in memory only to build that header; the library never logs them and
/// `diagnostics` never contains them.
class credentials {
public:
    /// The scheme of the `Authorization` header.
    enum class scheme { none, basic, so_ticket, bearer };

    /// No `Authorization` header (e.g. an `X-XSRF-TOKEN` session).
    credentials() = default;
    /// `Authorization: Basic base64(user:password)` (onsite installations).
    static credentials basic(std::string user, std::string password) {
        return credentials(scheme::basic, std::move(user), std::move(password));
    }
    /// `Authorization: SOTicket <ticket>`, the ticket as-is (e.g. `7T:...`). Online system users
    /// also need `client_config::app_token`.
    static credentials so_ticket(std::string ticket) {
        return credentials(scheme::so_ticket, {}, std::move(ticket));
    }
    /// `Authorization: Bearer <access token>` (Online, interactive).
    static credentials bearer(std::string token) { return credentials(scheme::bearer, {}, std::move(token)); }

    scheme kind() const noexcept { return kind_; }
    std::string const& user() const noexcept { return user_; }
    std::string const& secret() const noexcept { return secret_; }

private:
    credentials(scheme k, std::string user, std::string secret)
        : kind_(k), user_(std::move(user)), secret_(std::move(secret)) {}
    scheme kind_ = scheme::none;
    std::string user_{};
    std::string secret_{};
};

/// TLS settings for `https` base URLs. Verification is on by default.
struct tls_options {
    /// Verify the server's certificate chain and host name. Turn off only for testing.
    bool verify = true;
    /// A PEM file of trusted CA certificates. When both this and `ca_path` are empty, the
    /// system's default trust store is used.
    std::string ca_file{};
    /// A directory of hashed CA certificates (`c_rehash` layout).
    std::string ca_path{};
    /// PEM text of trusted CA certificates, added to the above.
    std::string ca_pem{};
    /// A context of your own, used as is (the options above are then ignored, but host name
    /// verification and SNI are still set per connection when `verify` is true).
    std::shared_ptr<boost::asio::ssl::context> context{};
};

/// Settings of a `client`. A plain aggregate; every member has a usable default except `base_url`.
struct client_config {
    /// The tenant or installation base URL, e.g. `https://sod.superoffice.com/Cust12345` or
    /// `http://host/crm`. Calls go to `{base_url}/api/v1/Agents/ErpSync/{Operation}`.
    std::string base_url{};
    /// The `Authorization` header.
    credentials auth{};
    /// `SO-AppToken`: the application secret, for Online server-to-server calls.
    std::string app_token{};
    /// `X-XSRF-TOKEN`, for session authentication without an `Authorization` header.
    std::string xsrf_token{};
    /// `Accept-Language`, `SO-Language`, `SO-Culture`, `SO-TimeZone` for every call (empty: not sent).
    std::string accept_language{};
    std::string so_language{};
    std::string so_culture{};
    std::string so_time_zone{};
    /// Extra headers for every call.
    std::vector<std::pair<std::string, std::string>> headers{};
    /// `User-Agent`; empty means `superoffice-erpsync/<version>`.
    std::string user_agent{};
    /// Time allowed for one call, from start to the decoded result (resolve, connect, TLS, write,
    /// read, decode).
    std::chrono::steady_clock::duration timeout = std::chrono::seconds(30);
    /// Largest response body accepted; larger ones fail with `error::body_too_large`.
    std::size_t max_body_size = 16 * 1024 * 1024;
    /// How many idle keep-alive connections are kept for reuse.
    std::size_t max_idle_connections = 8;
    /// When failed calls are tried again (see `retry_policy`). `retry_policy::none()` turns it off.
    retry_policy retry{};
    /// Requests per second and calls in flight (see `rate_limit`); no limit by default.
    rate_limit limit{};
    /// The logging hook (see `logger`); nothing is logged by default.
    logger log{};
    /// TLS settings.
    tls_options tls{};
    /// An HTTP proxy for the calls (`CONNECT` tunnels; see `proxy.hpp`); none by default.
    proxy_settings proxy{};
    /// How calls are encoded. Null (the default): REST, JSON bodies at
    /// `{base_url}/api/v1/Agents/ErpSync/{Operation}`. `soap::protocol()` (include
    /// `<superoffice/erpsync/soap.hpp>`): SOAP 1.1 or 1.2 at `{base_url}/Remote/Services88/ErpSync.svc`,
    /// with the same calls, carriers and results.
    std::shared_ptr<protocol_codec const> protocol{};
};

} // namespace superoffice::erpsync

#endif
