//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_ONLINE_IPP
#define SO_ERPSYNC_SANDBOX_IMPL_ONLINE_IPP

/// @file
/// The SuperOffice Online emulation of the sandbox (see `sandbox/online.hpp`): the environment
/// host's services, issued tickets and tokens, the tenant's state and host. Compiled once, in the
/// sandbox library.

#include <superoffice/erpsync/detail/base64.hpp>
#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/jwt.hpp>
#include <superoffice/erpsync/sandbox/impl/online_service.hpp>
#include <superoffice/erpsync/sandbox/impl/server_impl.hpp>
#include <superoffice/erpsync/system_user_token.hpp>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include <openssl/rand.h>

namespace superoffice::erpsync::sandbox {

namespace online_detail {

constexpr std::string_view claim_prefix = "http://schemes.superoffice.net/identity/";
constexpr std::string_view system_user_issuer = "SuperOffice AS";

/// `n` random bytes from OpenSSL's generator.
inline std::string random_bytes(std::size_t n) {
    std::string bytes(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("sandbox: OpenSSL's random generator failed");
    return bytes;
}

/// ISO 8601 UTC with 7 fraction digits, as .NET writes it: `2026-02-23T09:52:01.9342965Z`.
inline std::string iso_utc_7(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    using ticks = duration<long long, std::ratio<1, 10000000>>;
    auto const all = duration_cast<ticks>(t.time_since_epoch());
    auto const secs = floor<seconds>(all);
    auto const day = floor<days>(secs);
    year_month_day const ymd{sys_days{day}};
    hh_mm_ss const hms{secs - day};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%07lldZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<long long>((all - secs).count()));
    return buf;
}

inline long long unix_seconds(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

/// The `AuthorizeErrorCode` names and the documentation's texts.
enum class refusal { invalid_signature, invalid_timestamp, revoked, expired, denied, needs_reapproval };

inline char const* refusal_name(refusal r) noexcept {
    switch (r) {
    case refusal::invalid_signature:
        return "InvalidSignature";
    case refusal::invalid_timestamp:
        return "InvalidTimestamp";
    case refusal::revoked:
        return "Revoked";
    case refusal::expired:
        return "Expired";
    case refusal::denied:
        return "Denied";
    case refusal::needs_reapproval:
        return "NeedsReapproval";
    }
    return "Denied";
}

inline char const* refusal_text(refusal r) noexcept {
    switch (r) {
    case refusal::invalid_signature:
        return "Calculated signature is invalid";
    case refusal::invalid_timestamp:
        return "The supplied timestamp is invalid";
    case refusal::revoked:
        return "Application's access to the tenant has been revoked";
    case refusal::expired:
        return "The application authorization on this tenant has expired";
    case refusal::denied:
        return "The applications access to this tenant has been denied";
    case refusal::needs_reapproval:
        return "Authorization needs to be re-approved";
    }
    return "";
}

inline bool starts_with_icase(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && erpsync::detail::iequals(s.substr(0, prefix.size()), prefix);
}

} // namespace online_detail

online_service::online_service(online_options opt, std::string base_path)
    : opt_(std::move(opt)), base_path_(std::move(base_path)), state_(opt_.initial_state) {
    if (opt_.tenant_hosts == 0)
        throw std::invalid_argument("online_options: tenant_hosts must be at least 1");
    if (opt_.ticket_lifetime.count() < 0 || opt_.access_token_lifetime.count() < 0 ||
        opt_.jwt_lifetime.count() < 0 || opt_.timestamp_window.count() < 0 ||
        opt_.state_valid_for.count() < 0)
        throw std::invalid_argument("online_options: durations must not be negative");
    ctx_ = opt_.context_identifier;
    if (ctx_.empty())
        ctx_ = base_path_.empty() || base_path_.front() != '/' ? base_path_ : base_path_.substr(1);
    client_secret_ = opt_.client_secret.empty() ? opt_.application_token : opt_.client_secret;
    refresh_tokens_.insert(opt_.refresh_tokens.begin(), opt_.refresh_tokens.end());
    signing_key_ = rsa_key::generate(2048);
    kid_ = signing_key_.thumbprint();
}

void online_service::set_hosts(std::string environment_url, std::vector<std::string> tenant_roots) {
    environment_url_ = std::move(environment_url);
    tenant_roots_ = std::move(tenant_roots);
}

online_service::response online_service::handle_environment(request const& req) {
    namespace http = boost::beast::http;
    using online_detail::starts_with_icase;
    std::string_view target = req.target();
    std::string_view query;
    if (auto q = target.find('?'); q != std::string_view::npos) {
        query = target.substr(q + 1);
        target = target.substr(0, q);
    }
    auto const is_get = req.method() == http::verb::get;
    auto not_allowed = [&](char const* method) {
        return server::impl::error_response(req, 405, "MethodNotAllowedException",
                                            std::string("This resource is called with ") + method);
    };
    if (erpsync::detail::iequals(target, "/login/.well-known/openid-configuration"))
        return is_get ? metadata(req) : not_allowed("GET");
    if (erpsync::detail::iequals(target, "/login/.well-known/jwks"))
        return is_get ? jwks(req) : not_allowed("GET");
    if (erpsync::detail::iequals(target, "/Login/api/PartnerSystemUser/Authenticate"))
        return req.method() == http::verb::post ? exchange(req) : not_allowed("POST");
    if (erpsync::detail::iequals(target, "/login/common/oauth/tokens"))
        return req.method() == http::verb::post ? tokens(req, query) : not_allowed("POST");
    constexpr std::string_view state_prefix = "/api/state/";
    if (starts_with_icase(target, state_prefix) && target.size() > state_prefix.size())
        return is_get ? tenant_status(req, target.substr(state_prefix.size())) : not_allowed("GET");
    if (erpsync::detail::iequals(target, base_path_) || starts_with_icase(target, base_path_ + "/")) {
        std::lock_guard lock(mutex_);
        ++counts_.misdirected;
        return server::impl::error_response(req, 421, "WrongSubdomainException",
                                            "Wrong subdomain used to access tenant");
    }
    return server::impl::error_response(req, 404, "SoNotFoundException",
                                        "No resource at " + std::string(target) + " on the environment host");
}

online_service::response online_service::metadata(request const& req) {
    {
        std::lock_guard lock(mutex_);
        ++counts_.metadata_fetches;
    }
    auto const& e = environment_url_;
    boost::json::object doc;
    doc["issuer"] = e;
    doc["authorization_endpoint"] = e + "/login/common/oauth/authorize";
    doc["token_endpoint"] = e + "/login/common/oauth/tokens";
    doc["jwks_uri"] = e + "/login/.well-known/jwks";
    doc["scopes_supported"] = boost::json::array{"openid"};
    doc["response_modes_supported"] = boost::json::array{"form_post", "fragment", "query"};
    doc["response_types_supported"] =
        boost::json::array{"code", "id_token", "code id_token", "token id_token", "token"};
    doc["subject_types_supported"] = boost::json::array{"public"};
    doc["id_token_signing_alg_values_supported"] = boost::json::array{"RS256"};
    doc["token_endpoint_auth_methods_supported"] = boost::json::array{"client_secret_post"};
    doc["grant_types_supported"] = boost::json::array{"implicit", "authorization_code", "refresh_token"};
    doc["end_session_endpoint"] = e + "/login/logout";
    doc["revocation_endpoint"] = e + "/login/common/oauth/revoke";
    return server::impl::json_response(200, boost::json::serialize(doc), req.version(), req.keep_alive());
}

online_service::response online_service::jwks(request const& req) {
    {
        std::lock_guard lock(mutex_);
        ++counts_.jwks_fetches;
    }
    jwk_set keys;
    keys.add(kid_, signing_key_);
    return server::impl::json_response(200, keys.to_json(), req.version(), req.keep_alive());
}

std::string online_service::issue_jwt(boost::json::object claims, std::string const& issuer,
                                      std::string const& audience) const {
    using namespace std::chrono;
    auto const now = system_clock::now();
    auto iat = now;
    if (opt_.jwt_fault == jwt_fault_kind::expired)
        iat = now - hours(1) - opt_.jwt_lifetime; // exp an hour ago
    claims["iss"] =
        opt_.jwt_fault == jwt_fault_kind::wrong_issuer ? issuer + " (sandbox: wrong issuer)" : issuer;
    claims["aud"] =
        opt_.jwt_fault == jwt_fault_kind::wrong_audience ? audience + "-sandbox-wrong-audience" : audience;
    claims["iat"] = online_detail::unix_seconds(iat);
    claims["nbf"] = online_detail::unix_seconds(iat - seconds(60));
    claims["exp"] = online_detail::unix_seconds(iat + opt_.jwt_lifetime);
    std::string token = make_jwt(claims, signing_key_, kid_);
    if (opt_.jwt_fault == jwt_fault_kind::bad_signature) {
        // the first character of the signature carries its first 6 bits: changing it changes the
        // signature (a last character may only carry padding bits)
        auto const dot = token.rfind('.');
        if (dot != std::string::npos && dot + 1 < token.size())
            token[dot + 1] = token[dot + 1] == 'A' ? 'B' : 'A';
    }
    return token;
}

online_service::response online_service::exchange(request const& req) {
    namespace od = online_detail;
    using od::refusal;
    auto answer = [&](unsigned status, std::string token, std::string message) {
        boost::json::object o;
        o["IsSuccessful"] = !token.empty();
        o["Token"] = token.empty() ? boost::json::value(nullptr) : boost::json::value(token);
        o["ErrorMessage"] = message.empty() ? boost::json::value(nullptr) : boost::json::value(message);
        return server::impl::json_response(status, boost::json::serialize(o), req.version(),
                                           req.keep_alive());
    };
    auto refuse = [&](refusal r, std::string_view why = {}) {
        {
            std::lock_guard lock(mutex_);
            ++counts_.exchanges_refused;
        }
        std::string message = std::string(od::refusal_name(r)) + ": " + od::refusal_text(r);
        if (!why.empty())
            message += " (sandbox: " + std::string(why) + ")";
        unsigned status = 200;
        if (opt_.refusal_http_status)
            status = r == refusal::invalid_signature || r == refusal::invalid_timestamp ? 401 : 403;
        return answer(status, {}, std::move(message));
    };

    boost::system::error_code jec;
    boost::json::value body = boost::json::parse(req.body(), jec);
    if (jec || !body.is_object()) {
        std::lock_guard lock(mutex_);
        ++counts_.exchanges_refused;
        return answer(400, {}, "The request body is not a JSON object");
    }
    auto const& in = body.as_object();
    auto field = [&](std::string_view name) -> std::string {
        auto const* v = in.if_contains(name);
        return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    std::string const signed_token = field("SignedSystemToken");

    auto const now = std::chrono::system_clock::now();
    if (opt_.system_user_key.empty())
        return refuse(refusal::invalid_signature, "no public key is registered for the system user");
    error_code ec;
    auto const checked = check_signed_system_user_token(signed_token, opt_.system_user_key,
                                                        now + opt_.clock_offset, opt_.timestamp_window, ec);
    if (ec == erpsync::error::auth_invalid_timestamp)
        return refuse(refusal::invalid_timestamp);
    if (ec)
        return refuse(refusal::invalid_signature);
    if (!erpsync::detail::iequals(field("ContextIdentifier"), ctx_))
        return refuse(refusal::denied, "the ContextIdentifier is not this tenant's");
    if (field("ApplicationToken") != opt_.application_token)
        return refuse(refusal::denied, "the ApplicationToken is not the application's");
    if (checked.token != opt_.system_user_token)
        return refuse(refusal::denied, "the system user token is not the one approved");
    switch (opt_.refuse_exchange) {
    case exchange_refusal::none:
        break;
    case exchange_refusal::revoked:
        return refuse(refusal::revoked);
    case exchange_refusal::expired:
        return refuse(refusal::expired);
    case exchange_refusal::denied:
        return refuse(refusal::denied);
    case exchange_refusal::needs_reapproval:
        return refuse(refusal::needs_reapproval);
    }

    std::string const ticket = "7T:" + erpsync::detail::base64(od::random_bytes(24));
    {
        std::lock_guard lock(mutex_);
        tickets_[ticket] = clock::now();
        ++counts_.exchanges;
    }
    std::string const p(od::claim_prefix);
    boost::json::object claims;
    claims[p + "ticket"] = ticket;
    claims[p + "ctx"] = ctx_;
    claims[p + "serial"] = opt_.serial;
    claims[p + "system_token"] = opt_.system_user_token;
    claims[p + "webapi_url"] = environment_url_ + base_path_ + "/api/";
    claims[p + "netserver_url"] = environment_url_ + base_path_ + "/Remote/Services88/";
    return answer(
        200, issue_jwt(std::move(claims), std::string(od::system_user_issuer), "spn:" + opt_.serial), {});
}

online_service::response online_service::tokens(request const& req, std::string_view query) {
    namespace http = boost::beast::http;
    auto oauth_error = [&](unsigned status, char const* error, std::string description) {
        {
            std::lock_guard lock(mutex_);
            ++counts_.token_refreshes_refused;
        }
        boost::json::object o;
        o["error"] = error;
        o["error_description"] = std::move(description);
        auto res =
            server::impl::json_response(status, boost::json::serialize(o), req.version(), req.keep_alive());
        res.set(http::field::cache_control, "no-store");
        return res;
    };
    std::map<std::string, std::string> params;
    auto put = [&](std::string const& k, std::string const& v) { params[k] = v; };
    erpsync::detail::for_each_query_param(query, put);
    auto const ct = req[http::field::content_type];
    if (erpsync::detail::iequals(erpsync::detail::trim(ct.substr(0, ct.find(';'))),
                                 "application/x-www-form-urlencoded"))
        erpsync::detail::for_each_query_param(req.body(), put);
    auto param = [&](char const* name) -> std::string const* {
        auto it = params.find(name);
        return it == params.end() || it->second.empty() ? nullptr : &it->second;
    };

    auto const* grant = param("grant_type");
    if (!grant)
        return oauth_error(400, "invalid_request", "grant_type is missing");
    if (*grant != "refresh_token")
        return oauth_error(400, "unsupported_grant_type",
                           "the sandbox supports the refresh_token grant only, not '" + *grant + "'");
    auto const* id = param("client_id");
    auto const* secret = param("client_secret");
    auto const* refresh = param("refresh_token");
    if (!id || !secret || !refresh)
        return oauth_error(400, "invalid_request", "client_id, client_secret and refresh_token are required");
    if (*id != opt_.client_id || *secret != client_secret_) {
        auto res = oauth_error(401, "invalid_client", "unknown client or wrong client_secret");
        res.set(http::field::www_authenticate, "Basic realm=\"SuperOffice\"");
        return res;
    }

    std::string const access =
        "8A:" + ctx_ + "." + erpsync::detail::base64url(online_detail::random_bytes(32));
    std::string new_refresh;
    {
        std::lock_guard lock(mutex_);
        if (!refresh_tokens_.contains(*refresh)) {
            ++counts_.token_refreshes_refused;
            boost::json::object o;
            o["error"] = "invalid_grant";
            o["error_description"] = "the refresh token is unknown, expired or revoked";
            auto res =
                server::impl::json_response(400, boost::json::serialize(o), req.version(), req.keep_alive());
            res.set(http::field::cache_control, "no-store");
            return res;
        }
        if (opt_.rotate_refresh_tokens) {
            refresh_tokens_.erase(*refresh);
            new_refresh = "sandbox-rt-" + erpsync::detail::base64url(online_detail::random_bytes(24));
            refresh_tokens_.insert(new_refresh);
        }
        access_tokens_[access] = clock::now() + opt_.access_token_lifetime;
        ++counts_.token_refreshes;
    }
    std::string const p(online_detail::claim_prefix);
    boost::json::object claims;
    claims["sub"] = "sandbox.user@example.invalid";
    claims[p + "ctx"] = ctx_;
    claims[p + "serial"] = opt_.serial;
    claims[p + "system_token"] = opt_.system_user_token;
    claims[p + "webapi_url"] = environment_url_ + base_path_ + "/api/";
    claims[p + "netserver_url"] = environment_url_ + base_path_ + "/Remote/Services88/";
    claims[p + "is_administrator"] = "False";

    boost::json::object o;
    o["access_token"] = access;
    o["token_type"] = "Bearer";
    o["expires_in"] = static_cast<std::int64_t>(opt_.access_token_lifetime.count());
    o["id_token"] = issue_jwt(std::move(claims), environment_url_, opt_.client_id);
    if (!new_refresh.empty())
        o["refresh_token"] = new_refresh;
    auto res = server::impl::json_response(200, boost::json::serialize(o), req.version(), req.keep_alive());
    res.set(http::field::cache_control, "no-store");
    return res;
}

std::string online_service::endpoint_locked() const {
    return tenant_roots_.at(host_) + base_path_;
}

online_service::response online_service::tenant_status(request const& req, std::string_view ctx_in) {
    std::string const ctx = erpsync::detail::percent_decode(ctx_in);
    boost::json::object o;
    {
        std::lock_guard lock(mutex_);
        ++counts_.state_lookups;
        bool const known = erpsync::detail::iequals(ctx, ctx_);
        o["ContextIdentifier"] = known ? ctx_ : ctx;
        if (known) {
            std::string const endpoint = endpoint_locked();
            o["Endpoint"] = endpoint;
            o["State"] = to_string(state_);
            o["IsRunning"] = is_running(state_);
            o["ValidUntil"] =
                online_detail::iso_utc_7(std::chrono::system_clock::now() + opt_.state_valid_for);
            o["Api"] = endpoint + "/api";
            o["Version"] = opt_.version;
        } else {
            o["Endpoint"] = nullptr;
            o["State"] = to_string(tenant_state::unknown);
            o["IsRunning"] = false;
            o["ValidUntil"] =
                online_detail::iso_utc_7(std::chrono::system_clock::now() + opt_.state_valid_for);
            o["Api"] = nullptr;
            o["Version"] = nullptr;
        }
    }
    return server::impl::json_response(200, boost::json::serialize(o), req.version(), req.keep_alive());
}

std::optional<online_service::response> online_service::gate_tenant_request(request const& req,
                                                                            std::size_t host) {
    std::lock_guard lock(mutex_);
    if (host != host_) {
        ++counts_.misdirected;
        return server::impl::error_response(req, 421, "WrongSubdomainException",
                                            "Wrong subdomain used to access tenant");
    }
    if (!is_running(state_)) {
        ++counts_.unavailable;
        return server::impl::error_response(req, 503, "ServiceUnavailableException",
                                            std::string("The tenant is not running (State ") +
                                                to_string(state_) + ")");
    }
    return std::nullopt;
}

bool online_service::ticket_ok(std::string_view ticket, std::string_view app_token) {
    if (ticket.empty() || app_token != opt_.application_token)
        return false;
    std::lock_guard lock(mutex_);
    auto it = tickets_.find(std::string(ticket));
    if (it == tickets_.end())
        return false;
    auto const now = clock::now();
    if (now - it->second > opt_.ticket_lifetime) {
        tickets_.erase(it);
        return false;
    }
    it->second = now; // sliding
    return true;
}

bool online_service::credentials_ok(request const& req) {
    auto auth = req[boost::beast::http::field::authorization];
    auto sp = auth.find(' ');
    if (sp == std::string_view::npos)
        return false;
    auto const scheme = auth.substr(0, sp);
    auto const value = erpsync::detail::trim(auth.substr(sp + 1));
    if (erpsync::detail::iequals(scheme, "SOTicket"))
        return ticket_ok(value, req["SO-AppToken"]);
    if (!erpsync::detail::iequals(scheme, "Bearer"))
        return false;
    std::lock_guard lock(mutex_);
    auto it = access_tokens_.find(std::string(value));
    if (it == access_tokens_.end())
        return false;
    if (clock::now() >= it->second) {
        access_tokens_.erase(it);
        return false;
    }
    return true;
}

void online_service::count_unauthorized(request const& req) {
    auto auth = req[boost::beast::http::field::authorization];
    auto const scheme = auth.substr(0, auth.find(' '));
    if (erpsync::detail::iequals(scheme, "SOTicket") || erpsync::detail::iequals(scheme, "Bearer")) {
        std::lock_guard lock(mutex_);
        ++counts_.unauthorized;
    }
}

void online_service::set_state(tenant_state s) {
    std::lock_guard lock(mutex_);
    state_ = s;
}

tenant_state online_service::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void online_service::move_tenant(std::size_t host) {
    std::lock_guard lock(mutex_);
    if (host >= tenant_roots_.size())
        throw std::out_of_range("sandbox: no tenant host " + std::to_string(host) + " (there are " +
                                std::to_string(tenant_roots_.size()) + ")");
    host_ = host;
}

std::size_t online_service::current_host() const {
    std::lock_guard lock(mutex_);
    return host_;
}

void online_service::expire_tickets() {
    std::lock_guard lock(mutex_);
    tickets_.clear();
    access_tokens_.clear();
}

online_counts online_service::counters() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

} // namespace superoffice::erpsync::sandbox

#endif
