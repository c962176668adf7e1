//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_SERVER_HPP
#define SO_ERPSYNC_SANDBOX_SERVER_HPP

/// @file
/// `sandbox::server`: an in-process emulation of the ErpSync agent's REST endpoint on loopback.
///
/// A real Beast HTTP/1.1 server (optionally TLS) on its own thread, bound to 127.0.0.1 on an
/// ephemeral port by default, with the emulator's state, authentication (Basic, SOTicket, Bearer,
/// X-XSRF-TOKEN, optional SO-AppToken) and the WebAPI's error bodies:
/// - 401 `{Error, ErrorType, ErrorMessage, ErrorSource}` for missing or wrong credentials;
/// - 415 for a body that is not JSON by Content-Type, 400 for malformed JSON or wrong types;
/// - 404 for unknown operations, 405 for methods other than POST;
/// - 200 `{Message, MessageDetail}` for invalid parameters (the agents' documented form);
/// - 204 operations answer `null` or an empty body (`options::no_content`).
/// `$select` nulls out top-level properties not listed. The dispatch table is built from
/// `ops::all`: every described operation is served.
///
/// @par Faults
/// `options::faults` (off by default) makes the server misbehave as real servers and networks
/// do, at random but reproducibly (a seeded generator): connections reset at once, 429 and 503
/// with `Retry-After`, 500, 502 and 504, requests never answered, responses cut short. See `fault_options`
/// for which kinds apply the operation, and `server::faults_injected` for what was injected.
///
/// @par Capacity
/// `options::capacity` (unlimited by default) makes the server refuse what it cannot take, as a
/// saturated server does: above that many requests in flight, a request is answered 429 Too Many
/// Requests with `Retry-After` at once, not applied, and counted (`server::capacity_refusals`).
/// `options::service_time` holds every request admitted for a while (a timer, not a sleep), so
/// that the requests in flight, and with a capacity the throughput, behave like a real server's:
/// at most `capacity / service_time` requests per second.
///
/// @par SuperOffice Online
/// `options::online` (off by default) adds the emulation of SuperOffice Online's login, token and
/// tenant-state services on an environment host, several tenant hosts, and the credentials and
/// answers (401, 421, 503) that go with them: see `sandbox/online.hpp`.
///
/// @par Thread safety
/// `with_state`, the counters and the Online members (`set_tenant_state`, `move_tenant`,
/// `expire_tickets`, ...) may be used from any thread while the server runs.

#include <superoffice/erpsync/sandbox/emulator.hpp>
#include <superoffice/erpsync/sandbox/online.hpp>
#include <superoffice/erpsync/sandbox/state.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace superoffice::erpsync::sandbox {

/// How 204 operations answer.
enum class no_content_body {
    null,  ///< `Content-Type: application/json` and the body `null` (newer servers)
    empty, ///< no body (older servers)
};

/// The kinds of fault `fault_options` injects, in the order their rates are checked.
enum class fault_kind {
    none,               ///< served normally
    refuse_connection,  ///< connection reset on accept, nothing read
    status_429,         ///< 429 with Retry-After, not applied
    status_503,         ///< 503 with Retry-After, not applied
    status_500,         ///< 500, not applied
    status_502,         ///< 502 Bad Gateway (a gateway's HTML page), not applied
    status_504,         ///< 504 Gateway Timeout (a gateway's HTML page), not applied
    stall,              ///< request read, no answer, connection closed after `stall_for`; not applied
    reset_mid_response, ///< applied, then a partial header and a reset
    truncated_body,     ///< applied, then the headers and half the body and a clean close
};

/// The name of a `fault_kind`, e.g. `"status_429"`.
inline char const* to_string(fault_kind k) noexcept {
    switch (k) {
    case fault_kind::none:
        return "none";
    case fault_kind::refuse_connection:
        return "refuse_connection";
    case fault_kind::status_429:
        return "status_429";
    case fault_kind::status_503:
        return "status_503";
    case fault_kind::status_500:
        return "status_500";
    case fault_kind::status_502:
        return "status_502";
    case fault_kind::status_504:
        return "status_504";
    case fault_kind::stall:
        return "stall";
    case fault_kind::reset_mid_response:
        return "reset_mid_response";
    case fault_kind::truncated_body:
        return "truncated_body";
    }
    return "unknown";
}

/// Faults the server injects, to test a client's retries, timeouts and bulk logic against
/// realistic failures. All rates 0 (the default): no fault, no random draw.
///
/// @par Drawing
/// Each rate is a probability in [0, 1]; their sum must not exceed 1 (`server` throws
/// `std::invalid_argument` otherwise). At most one fault is injected per request:
/// - `refuse_connection` is drawn once per accepted connection, before anything is read;
/// - the other kinds are drawn once per request read, from one uniform number checked against
///   the rates in the order of `fault_kind` (429, 503, 500, 502, 504, stall, reset, truncated).
/// Connections and requests draw from two generators seeded from `seed`, so the fault of the
/// n-th request read depends only on `seed` and n (not on how many connections the client
/// opened), and the n-th accepted connection's only on `seed` and n: a client making its calls
/// one after another sees the same faults on every run. A request is drawn for whatever its
/// target (REST, SOAP or an unknown path) and whether or not `applies_to` then lets it through.
///
/// @par Which kinds apply the operation
/// - Not applied (the emulator is not called, the state is unchanged): `refuse_connection`,
///   `status_429`, `status_503`, `status_500`, `status_502`, `status_504`, `stall`.
/// - Applied (the emulator runs the operation as usual, then the answer is broken):
///   `reset_mid_response`, `truncated_body`. A client cannot tell from the failure whether these
///   took effect; that is the point.
struct fault_options {
    /// An accepted connection is closed at once with a TCP reset (`SO_LINGER` 0), before reading
    /// anything: the client sees a reset (or EOF) when it writes or reads. Not filtered by
    /// `applies_to` (no request has been read yet).
    double refuse_connection = 0;
    /// 429 Too Many Requests with `Retry-After` and the WebAPI error body
    /// (`ErrorType` `TooManyRequestsException`). Keep-alive as the request asked.
    double status_429 = 0;
    /// 503 Service Unavailable with `Retry-After` and the WebAPI error body
    /// (`ErrorType` `ServiceUnavailableException`).
    double status_503 = 0;
    /// 500 with the WebAPI error body `{"Error":true,"ErrorType":"SoException",...}`.
    double status_500 = 0;
    /// 502 Bad Gateway as a gateway or load balancer in front of the server sends it: a short
    /// `text/html` page, no `Retry-After`.
    double status_502 = 0;
    /// 504 Gateway Timeout, likewise from a gateway: a short `text/html` page.
    double status_504 = 0;
    /// The request is read, nothing is sent for `stall_for`, then the connection is closed (FIN)
    /// without an answer. Destroying the server ends a stall at once.
    double stall = 0;
    /// The operation is applied, then only the status line and part of the headers are sent and
    /// the connection is reset (`SO_LINGER` 0 and close).
    double reset_mid_response = 0;
    /// The operation is applied, then the full headers (with the correct `Content-Length`) and
    /// the first half of the body are sent, and the connection is closed (FIN). A response
    /// without a body (e.g. 204) is then complete; a 204's `null` body is not part of the
    /// message for HTTP clients.
    double truncated_body = 0;

    /// The `Retry-After` of `status_429` and `status_503`.
    std::chrono::seconds retry_after{1};
    /// Send `Retry-After` as an HTTP-date (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) of now +
    /// `retry_after` instead of delta seconds.
    bool retry_after_http_date = false;
    /// How long a `stall` keeps the connection silent before closing it.
    std::chrono::milliseconds stall_for{5000};
    /// Seeds the generators: the same seed gives the same faults.
    std::uint64_t seed = 1;
    /// When set, only requests for which it answers true are faulted (the others are served as
    /// usual; their draw is discarded). `operation` is the operation's wire name, e.g.
    /// `ForceResync`: the REST path's last segment or the SOAP operation (from the action or the
    /// body); empty when the request names none. Called on the server's thread, not under the
    /// state lock: keep it short and do not call the server.
    std::function<bool(std::string_view operation)> applies_to{};

    /// Whether any rate is above 0.
    bool enabled() const noexcept {
        return refuse_connection > 0 || status_429 > 0 || status_503 > 0 || status_500 > 0 ||
               status_502 > 0 || status_504 > 0 || stall > 0 || reset_mid_response > 0 || truncated_body > 0;
    }

    /// Throws `std::invalid_argument` unless every rate is in [0, 1], their sum is at most 1 and
    /// the durations are not negative.
    void validate() const;
};

/// How many faults of each kind a server injected (`server::faults_injected`).
struct fault_counts {
    std::size_t refuse_connection = 0;  ///< connections closed at once
    std::size_t status_429 = 0;         ///< 429 Too Many Requests answered
    std::size_t status_503 = 0;         ///< 503 Service Unavailable answered
    std::size_t status_500 = 0;         ///< 500 Internal Server Error answered
    std::size_t status_502 = 0;         ///< 502 Bad Gateway answered
    std::size_t status_504 = 0;         ///< 504 Gateway Timeout answered
    std::size_t stall = 0;              ///< requests held without an answer
    std::size_t reset_mid_response = 0; ///< connections reset in the middle of an answer
    std::size_t truncated_body = 0;     ///< answers cut short

    /// The count of one kind (0 for `none`).
    std::size_t of(fault_kind k) const noexcept {
        switch (k) {
        case fault_kind::refuse_connection:
            return refuse_connection;
        case fault_kind::status_429:
            return status_429;
        case fault_kind::status_503:
            return status_503;
        case fault_kind::status_500:
            return status_500;
        case fault_kind::status_502:
            return status_502;
        case fault_kind::status_504:
            return status_504;
        case fault_kind::stall:
            return stall;
        case fault_kind::reset_mid_response:
            return reset_mid_response;
        case fault_kind::truncated_body:
            return truncated_body;
        default:
            return 0;
        }
    }
    /// Every fault injected.
    std::size_t total() const noexcept {
        return refuse_connection + status_429 + status_503 + status_500 + status_502 + status_504 + stall +
               reset_mid_response + truncated_body;
    }
    /// Equal when every count is.
    bool operator==(fault_counts const&) const = default;
};

/// An HTTP-date in the IMF-fixdate form, e.g. `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 5.6.7).
std::string http_date(std::chrono::system_clock::time_point t);

/// The SOAP endpoint of the sandbox, plugged in through `options::soap`: `soap_endpoint()` from
/// `<superoffice/erpsync/sandbox/soap.hpp>`. Opaque: defined in the sandbox library, which
/// serves SOAP when it was built with `SO_ERPSYNC_SOAP`.
class soap_handler;

/// Settings of the sandbox server.
struct options {
    /// The address to bind: loopback only is the point (127.0.0.1 or ::1).
    std::string address = "127.0.0.1";
    /// 0: an ephemeral port.
    std::uint16_t port = 0;
    /// The tenant path, as in `https://sod.superoffice.com/Cust12345`.
    std::string base_path = "/Cust12345";
    /// Accepted credentials. An empty value disables that scheme. Basic: the user name.
    std::string user = "sandbox";
    std::string password = "sandbox";         ///< Basic: the password.
    std::string ticket = "7T:sandbox-ticket"; ///< `Authorization: SOTicket <ticket>`.
    std::string bearer = "8A:sandbox-token";  ///< `Authorization: Bearer <token>`.
    std::string xsrf_token{};                 ///< `X-XSRF-TOKEN` (session authentication).
    /// When non-empty, `SO-AppToken` must carry this value.
    std::string app_token{};
    /// What a 204 operation's answer carries (the agent's own varies: see `no_content_body`).
    no_content_body no_content = no_content_body::null;
    /// Close every connection after its response, without announcing it (a server whose
    /// keep-alive timeout is shorter than the client's idle time).
    bool close_after_response = false;
    /// Delay before every response.
    std::chrono::milliseconds response_delay{0};
    /// Requests in flight at most (read and not yet answered, on every listener together); a
    /// request above it is answered 429 Too Many Requests with `Retry-After` at once, without
    /// being applied, and counted in `server::capacity_refusals`. 0: unlimited.
    std::size_t capacity = 0;
    /// The `Retry-After` of a refusal for capacity, in whole seconds (the header has no finer
    /// unit; 0 tells the client to come back at once). Nullopt: no `Retry-After` header, so that
    /// the client's own backoff (sub-second, with jitter) spaces its attempts.
    std::optional<std::chrono::seconds> capacity_retry_after{std::chrono::seconds(1)};
    /// How long each request admitted is held before it is handled, as a server's work takes time
    /// (an asynchronous timer: other requests proceed meanwhile). The request counts as in flight
    /// from being read until its answer is written, so with `capacity` the server serves at most
    /// `capacity / service_time` requests per second. 0: handled at once.
    std::chrono::microseconds service_time{0};
    /// PEM certificate chain and key: when set the server speaks TLS only.
    std::string tls_cert_pem{};
    std::string tls_key_pem{}; ///< The private key of `tls_cert_pem`, PEM.
    /// A connection idle (or stalled mid-request) for this long is closed.
    std::chrono::milliseconds idle_timeout{30000};
    /// Largest request body accepted.
    std::size_t max_body_size = 8 * 1024 * 1024;
    /// Run the sync engine (`emulator::run_engine`) every `Interval` of the engine state while it
    /// is running, as the agent's scheduler does. Off: the engine runs only when a test or tool
    /// calls `run_engine` through `with_state`.
    bool engine_timer = true;
    /// The shortest pause between two engine runs, whatever the Interval says.
    std::chrono::milliseconds min_engine_interval{50};
    /// Called after each operation with its wire name, the request as the sandbox decoded it
    /// (written back as JSON, for query operations too), the status and the response body.
    /// Runs on the server's thread under the state lock: keep it short, do not call the server.
    std::function<void(std::string_view operation, std::string_view request_json, unsigned status,
                       std::string_view response_body)>
        observer{};
    /// The SOAP endpoint `{base_path}/Remote/Services88/ErpSync.svc`, on the same state as REST:
    /// `sandbox::soap_endpoint()` (include `<superoffice/erpsync/sandbox/soap.hpp>`). Null: that
    /// path answers 404.
    std::shared_ptr<soap_handler const> soap{};
    /// Injected faults (none by default); see `fault_options`. They apply to every listener,
    /// the Online emulation's too.
    fault_options faults{};
    /// The emulation of SuperOffice Online's services (off by default); see `online_options`.
    online_options online{};
};

/// An in-process ErpSync agent on loopback. Starts in the constructor, stops in the destructor.
class server {
public:
    /// Binds, listens and starts serving on a thread of its own. Throws `std::invalid_argument`
    /// for invalid `options::faults` or `options::online`, `boost::system::system_error` when it
    /// cannot bind.
    explicit server(options opt = {}, seed const& data = default_seed());

    server(server const&) = delete;
    server& operator=(server const&) = delete;
    ~server();

    /// Stops serving at once, a `fault_options::stall` in progress too; idempotent. Open
    /// connections are closed when the server is destroyed.
    void stop();

    /// The port it listens on.
    std::uint16_t port() const noexcept;
    /// The base URL to give a client, e.g. `http://127.0.0.1:41234/Cust12345`.
    std::string base_url() const;
    /// Connections accepted, those closed by `fault_options::refuse_connection` included.
    std::size_t connections_accepted() const noexcept;
    /// Requests read (complete requests received), whether answered, faulted or stalled.
    std::size_t requests_served() const noexcept;
    /// The faults injected so far (`options::faults`), per kind. A kind that applies the
    /// operation (`reset_mid_response`, `truncated_body`) is counted once the operation ran.
    fault_counts faults_injected() const noexcept;
    /// Requests answered 429 because `options::capacity` requests were in flight (counted in
    /// `requests_served` too, never in `faults_injected`).
    std::size_t capacity_refusals() const noexcept;
    /// Requests in flight now (read and not yet answered).
    std::size_t requests_in_flight() const noexcept;
    /// The most requests ever in flight at once (never above `options::capacity` when it is set).
    std::size_t peak_requests_in_flight() const noexcept;

    // --- SuperOffice Online (options::online) -----------------------------------------------
    // Except `online_enabled`, these throw `std::logic_error` when `options::online.enabled` is
    // false.

    /// Whether the Online emulation runs (`options::online.enabled`).
    bool online_enabled() const noexcept;
    /// The environment host, e.g. `http://127.0.0.1:41235` (no trailing slash): the base of
    /// `/login/...`, `/Login/api/PartnerSystemUser/Authenticate` and `/api/state/{ctx}`.
    std::string environment_url() const;
    /// The environment host's port.
    std::uint16_t environment_port() const;
    /// The number of tenant hosts (`online_options::tenant_hosts`).
    std::size_t tenant_host_count() const;
    /// The tenant's root on tenant host `i`, e.g. `http://127.0.0.1:41236/Cust12345` (host 0 is
    /// `base_url()`). Throws `std::out_of_range` when there is no host `i`.
    std::string tenant_host_url(std::size_t i) const;
    /// The port of tenant host `i`; throws `std::out_of_range` when there is no host `i`.
    std::uint16_t tenant_host_port(std::size_t i) const;
    /// The context identifier served (`online_options::context_identifier` or from `base_path`).
    std::string context_identifier() const;
    /// Sets the state the state service reports; the tenant API answers 503 unless
    /// `is_running(s)`.
    void set_tenant_state(tenant_state s);
    /// The state the state service reports now.
    tenant_state current_tenant_state() const;
    /// Moves the tenant to tenant host `i`: the state service's `Endpoint` and `Api` name it, and
    /// the tenant API answers 421 on every other host. Throws `std::out_of_range` when there is
    /// no host `i`.
    void move_tenant(std::size_t i);
    /// The index of the tenant's current host (0 at start).
    std::size_t current_tenant_host() const;
    /// Forgets every ticket and access token issued so far, as if they had all expired: they get
    /// 401 from now on. Refresh tokens and the static credentials of `options` are kept.
    void expire_tickets();
    /// What the Online emulation served so far.
    online_counts online_counters() const;

    /// Runs `f(emulator&)` under the state lock and returns its result.
    template <class F>
    auto with_state(F&& f) {
        std::lock_guard lock(state_mutex());
        return f(state());
    }

    /// Internal: the implementation, in the sandbox library (`sandbox/impl/server_impl.hpp`).
    class impl;

private:
    std::mutex& state_mutex() noexcept;
    emulator& state() noexcept;

    std::unique_ptr<impl> impl_;
};

} // namespace superoffice::erpsync::sandbox

#endif
