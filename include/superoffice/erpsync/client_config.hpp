//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CLIENT_CONFIG_HPP
#define SO_ERPSYNC_CLIENT_CONFIG_HPP

/// @file
/// `client_config` and `tls_options`; it includes `credentials.hpp`, `tenant.hpp` and `proxy.hpp`.
/// For compatibility this header also provides the per-call `call_options` (`call_options.hpp`).

#include <superoffice/erpsync/call_options.hpp>
#include <superoffice/erpsync/call_protocol.hpp>
#include <superoffice/erpsync/credentials.hpp>
#include <superoffice/erpsync/logger.hpp>
#include <superoffice/erpsync/proxy.hpp>
#include <superoffice/erpsync/rate_limit.hpp>
#include <superoffice/erpsync/retry.hpp>
#include <superoffice/erpsync/tenant.hpp>

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

/// How a client keeps the steps of each call in order (`client_config::threading`). A call's
/// steps (its timer, its reads and writes, its cancellation) must not run at the same time as
/// each other; on an executor run by several threads the client gives each call a strand, which
/// costs a little on every step (a lock and a queue). An executor that runs one handler at a time
/// orders them already: a program whose `io_context` one thread runs should say so with
/// `single_threaded`.
enum class call_threading {
    /// `single_threaded` when the client's executor is an `io_context`'s made with an unsafe
    /// concurrency hint (`BOOST_ASIO_CONCURRENCY_HINT_UNSAFE`, `..._UNSAFE_IO`: Asio then requires
    /// one thread at a time); `strands` otherwise. Concurrency hint 1 is not taken as one thread:
    /// Asio's io_context stays thread-safe with it, and several threads may run it.
    automatic,
    /// Each call runs on one of the client's 16 strands, handed out in turn: for executors run by
    /// several threads (an `io_context` run by a thread pool, a `thread_pool`).
    strands,
    /// No strands: the calls' handlers go straight to the client's executor. Only for an executor
    /// that runs one handler at a time: an `io_context` whose `run` one thread calls, or a strand.
    /// Calls may still be started and cancelled from any thread (those steps are posted to it),
    /// except on an `io_context` with an unsafe concurrency hint, where Asio allows only the
    /// thread running it.
    single_threaded,
};

/// Settings of a `client`. A plain aggregate; every member has a usable default except `base_url` (or
/// `tenant`).
struct client_config {
    /// The tenant or installation base URL, e.g. `https://sod.superoffice.com/Cust12345` or
    /// `http://host/crm`. Calls go to `{base_url}/api/v1/Agents/ErpSync/{Operation}`. Leave it
    /// empty when `tenant` locates the tenant.
    std::string base_url{};
    /// SuperOffice Online: find the tenant's current host through the state service instead of
    /// `base_url` (see `tenant_locator`). Off while its `context_identifier` is empty.
    tenant_locator tenant{};
    /// How calls authenticate: static (Basic, SOTicket, Bearer) or renewed by the client
    /// (`credentials::system_user`, `credentials::oauth`).
    credentials auth{};
    /// `SO-AppToken`: the application secret, for Online server-to-server calls.
    std::string app_token{};
    /// `X-XSRF-TOKEN`, for session authentication without an `Authorization` header.
    std::string xsrf_token{};
    /// `Accept-Language`, `SO-Language`, `SO-Culture`, `SO-TimeZone` for every call (empty: not sent).
    std::string accept_language{};
    /// `SO-Language` (the language of texts in answers).
    std::string so_language{};
    /// `SO-Culture` (number and date formats).
    std::string so_culture{};
    /// `SO-TimeZone`.
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
    /// How calls are encoded (see `call_protocol`). REST (the default): JSON bodies at
    /// `{base_url}/api/v1/Agents/ErpSync/{Operation}`. `soap::protocol()` (include
    /// `<superoffice/erpsync/soap.hpp>`): SOAP 1.1 or 1.2 at `{base_url}/Remote/Services88/ErpSync.svc`,
    /// with the same calls, carriers and results.
    call_protocol protocol{};
    /// Whether each call runs on a strand of its own (see `call_threading`). `automatic` (the
    /// default) keeps them unless the executor is an unsafe-hint `io_context`; set
    /// `single_threaded` when one thread runs the executor.
    call_threading threading = call_threading::automatic;
};

} // namespace superoffice::erpsync

#endif
