//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_SESSION_IPP
#define SO_ERPSYNC_IMPL_SESSION_IPP

// The session's I/O, out of line: a renewal ("flight") is a coroutine on the session's strand that
// asks the state service, fetches the environment's signing keys, runs the system-user exchange
// or the OAuth refresh, and tells `session_core` what it got. Secrets never reach a log or a
// diagnostic: requests with secrets carry them in their bodies, which are never logged.

#include <superoffice/erpsync/detail/http_call.hpp>
#include <superoffice/erpsync/detail/login_messages.hpp>
#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>
#include <superoffice/erpsync/detail/session.hpp>
#include <superoffice/erpsync/system_user_token.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <optional>
#include <string_view>

namespace superoffice::erpsync::detail {

namespace session_detail {
inline constexpr std::string_view claim_prefix = "http://schemes.superoffice.net/identity/";
inline constexpr std::chrono::minutes jwks_cache_for{15};
inline constexpr std::size_t login_body_limit = 1024 * 1024;

/// Splits an absolute URL into its origin (`scheme://authority`) and path (at least `/`).
inline bool split_url(std::string_view url, std::string& origin, std::string& path) {
    auto const scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos)
        return false;
    auto const slash = url.find('/', scheme_end + 3);
    origin = std::string(url.substr(0, slash));
    path = slash == std::string_view::npos ? std::string("/") : std::string(url.substr(slash));
    return !origin.empty();
}
} // namespace session_detail

SO_ERPSYNC_DECL session::session(boost::asio::any_io_executor ex, client_config cfg)
    : ex_(std::move(ex)), strand_(boost::asio::make_strand(ex_)), cfg_(std::move(cfg)),
      limits_(std::make_shared<limiter>(cfg_.limit)), core_([this] {
          session_core::settings s;
          s.located = cfg_.tenant.enabled();
          s.renewable = cfg_.auth.renewable();
          s.locator = cfg_.tenant;
          if (auto const* su = cfg_.auth.system_user_settings())
              s.renew_after_idle = su->renew_after_idle;
          if (auto const* o = cfg_.auth.oauth_settings())
              s.expiry_margin = o->expiry_margin;
          return s;
      }()) {
    auto fail = [this](error_code e, std::string message) {
        if (!config_error_) {
            config_error_ = e;
            config_diag_.client_message = std::move(message);
        }
    };
    auto const* su = cfg_.auth.system_user_settings();
    auto const* oa = cfg_.auth.oauth_settings();
    // One environment for login, tokens and state.
    std::string const auth_env = environment_url(su ? su->environment : oa ? oa->environment : std::string());
    std::string const tenant_env = environment_url(cfg_.tenant.environment);
    environment_ = !auth_env.empty() ? auth_env : tenant_env;
    if (!auth_env.empty() && !tenant_env.empty() && auth_env != tenant_env)
        fail(error::invalid_base_url,
             "the credentials' environment and the tenant locator's environment differ");
    if (cfg_.tenant.enabled() && !cfg_.base_url.empty())
        fail(error::invalid_base_url, "set either base_url or tenant (a context identifier), not both");
    if (cfg_.tenant.enabled() && tenant_env.empty())
        fail(error::invalid_base_url, "tenant_locator::environment is empty");
    if (su) {
        if (environment_.empty())
            fail(error::invalid_base_url, "system_user::environment is empty");
        if (su->system_user_token.empty() || su->application_token.empty() || su->context_identifier.empty())
            fail(error::auth_refused,
                 "system_user needs system_user_token, application_token and context_identifier");
        error_code ec;
        diagnostics d;
        private_key_ = rsa_key::parse(su->private_key, ec, &d);
        if (!ec && !private_key_.has_private()) {
            ec = error::invalid_key;
            d.client_message = "the key is a public key; signing needs the private key";
        }
        if (ec)
            fail(error::invalid_key, "system_user::private_key: " + d.client_message);
        if (!su->jwt_key.empty()) {
            error_code kec;
            diagnostics kd;
            auto k = rsa_key::parse(su->jwt_key, kec, &kd);
            if (kec)
                fail(error::invalid_key, "system_user::jwt_key: " + kd.client_message);
            else
                pinned_keys_.add({}, std::move(k));
        }
    }
    std::string token_url;
    if (oa) {
        if (oa->client_id.empty() || oa->refresh_token.empty())
            fail(error::oauth_refused, "oauth needs client_id and refresh_token");
        refresh_token_ = oa->refresh_token;
        token_url = !oa->token_endpoint.empty() ? oa->token_endpoint
                    : !environment_.empty()     ? environment_ + "/login/common/oauth/tokens"
                                                : std::string();
        if (token_url.empty())
            fail(error::invalid_base_url, "oauth needs environment or token_endpoint");
    }
    if (!cfg_.tenant.enabled()) { // a fixed host: checked now, not after the first exchange
        endpoint_info ep;
        diagnostics d;
        if (auto e = parse_base_url(cfg_.base_url, ep, &d))
            fail(e, d.client_message);
    }
    // The environment's client: no credentials, the user's TLS, proxy, timeout, retry and log;
    // requests that are not idempotent (the exchange, a refresh) are never sent twice.
    client_config ec = cfg_;
    ec.base_url = environment_;
    ec.tenant = {};
    ec.auth = {};
    ec.app_token.clear();
    ec.xsrf_token.clear();
    ec.headers.clear();
    ec.limit = {};
    ec.protocol = {};
    ec.max_body_size = std::min(ec.max_body_size, session_detail::login_body_limit);
    ec.retry.retry_unsafe = false;
    if (!environment_.empty()) {
        env_ = make_state(ec, nullptr);
        if (!config_error_ && env_->pc.error)
            fail(env_->pc.error, "the environment URL: " + env_->pc.error_diag.client_message);
    }
    if (oa && !token_url.empty()) {
        std::string origin;
        if (!session_detail::split_url(token_url, origin, token_path_)) {
            fail(error::invalid_base_url, "oauth::token_endpoint is not an absolute URL");
        } else if (env_ && origin == environment_) {
            token_host_ = env_;
        } else {
            ec.base_url = origin;
            token_host_ = make_state(ec, nullptr);
            if (token_host_->pc.error)
                fail(error::invalid_base_url,
                     "oauth::token_endpoint: " + token_host_->pc.error_diag.client_message);
        }
    }
}

SO_ERPSYNC_DECL std::shared_ptr<client_state> session::make_state(client_config c,
                                                                  std::shared_ptr<limiter> limits) {
    if (!c.tls.context && tls_context_)
        c.tls.context = tls_context_;
    auto st = std::make_shared<client_state>(ex_, std::move(c), std::move(limits));
    if (!tls_context_ && st->ssl_ctx)
        tls_context_ = st->ssl_ctx; // made once, shared by later states (the CA store is read once)
    return st;
}

SO_ERPSYNC_DECL session::route_ptr session::make_route_locked() {
    if (route_ && route_->credentials_generation == core_.credentials_generation() &&
        route_->tenant_generation == core_.tenant_generation())
        return route_;
    client_config c = cfg_;
    c.tenant = {};
    if (core_.config().located)
        c.base_url = core_.tenant_url();
    if (auto const* su = cfg_.auth.system_user_settings()) {
        c.auth = credentials::so_ticket(core_.secret());
        if (c.app_token.empty())
            c.app_token = su->application_token;
    } else if (cfg_.auth.oauth_settings()) {
        c.auth = credentials::bearer(core_.secret());
    }
    auto r = std::make_shared<route>();
    r->st = make_state(std::move(c), limits_);
    r->credentials_generation = core_.credentials_generation();
    r->tenant_generation = core_.tenant_generation();
    route_ = r;
    return r;
}

SO_ERPSYNC_DECL session::route_ptr session::try_route(error_code& ec, diagnostics* diag) {
    ec = {};
    if (config_error_) {
        ec = config_error_;
        if (diag)
            *diag = config_diag_;
        return nullptr;
    }
    auto const now = std::chrono::steady_clock::now();
    auto const wall = std::chrono::system_clock::now();
    std::lock_guard lock(m_);
    auto const n = core_.what_is_needed(now, wall);
    if (!n.tenant)
        if (auto e = core_.held_failure(now, wall, diag)) {
            ec = e;
            return nullptr;
        }
    if (n.any())
        return nullptr;
    core_.used(now);
    return make_route_locked();
}

SO_ERPSYNC_DECL void session::report(route const& r, replay_reason why) {
    std::lock_guard lock(m_);
    if (why == replay_reason::renew_credentials) {
        core_.credentials_refused(r.credentials_generation);
        ++stats_.replays_after_401;
    } else if (why == replay_reason::relocate_tenant) {
        core_.tenant_moved(r.tenant_generation);
        ++stats_.replays_after_move;
    }
}

SO_ERPSYNC_DECL std::uint64_t session::async_route(waiter w) {
    bool start = false;
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_);
        id = ++next_waiter_;
        waiters_.emplace_back(id, std::move(w));
        start = core_.begin_flight();
    }
    if (start)
        start_flight();
    return id;
}

SO_ERPSYNC_DECL void session::cancel_wait(std::uint64_t id) {
    std::optional<waiter> w;
    {
        std::lock_guard lock(m_);
        for (auto it = waiters_.begin(); it != waiters_.end(); ++it)
            if (it->first == id) {
                w.emplace(std::move(it->second));
                waiters_.erase(it);
                break;
            }
    }
    if (w)
        (*w)(boost::asio::error::operation_aborted, nullptr, diagnostics{});
}

SO_ERPSYNC_DECL void session::report_refused_again(route const& r, diagnostics const& d) {
    std::lock_guard lock(m_);
    core_.credentials_refused_again(r.credentials_generation, d, std::chrono::steady_clock::now());
}

SO_ERPSYNC_DECL std::shared_ptr<client_state> session::current_state() const {
    std::lock_guard lock(m_);
    return route_ ? route_->st : nullptr;
}

SO_ERPSYNC_DECL session_stats session::stats() const {
    std::lock_guard lock(m_);
    return stats_;
}

SO_ERPSYNC_DECL void session::log(log_level level, std::string_view operation, std::string_view event,
                                  error_code ec, std::string_view message) {
    if (!cfg_.log.enabled(level))
        return;
    log_record r;
    r.level = level;
    r.operation = operation;
    r.event = event;
    r.ec = ec;
    r.message = message;
    cfg_.log.sink(r);
}

SO_ERPSYNC_DECL bool session::finish_flight(error_code ec, diagnostics const& d, bool may_repeat) {
    std::vector<std::pair<std::uint64_t, waiter>> ws;
    route_ptr r;
    error_code held;
    diagnostics held_diag;
    {
        std::lock_guard lock(m_);
        auto const now = std::chrono::steady_clock::now();
        auto const wall = std::chrono::system_clock::now();
        // A refusal reported while this renewal ran (by a call sent with the credentials it
        // replaced) asks for one more; the waiters wait for it.
        if (!ec && may_repeat && core_.what_is_needed(now, wall).any() &&
            !core_.held_failure(now, wall, nullptr))
            return true;
        core_.end_flight();
        ws.swap(waiters_);
        if (!ec) {
            held = core_.held_failure(now, wall, &held_diag);
            if (!held) {
                core_.used(now);
                r = make_route_locked();
            }
        }
    }
    for (auto& [id, w] : ws) {
        if (ec)
            w(ec, nullptr, d);
        else if (held)
            w(held, nullptr, held_diag);
        else
            w({}, r, diagnostics{});
    }
    return false;
}

/// The renewal coroutine (a friend of `session`).
struct session_flight {
    using clock = std::chrono::steady_clock;
    static constexpr auto tuple_awaitable = boost::asio::as_tuple(boost::asio::use_awaitable);

    std::shared_ptr<session> s;

    boost::asio::awaitable<error_code> lookup_tenant(diagnostics& d) {
        {
            std::lock_guard lock(s->m_);
            ++s->stats_.state_lookups;
        }
        http_call_request r;
        r.method = "GET";
        r.target = "/api/state/" + encode_query_value(s->cfg_.tenant.context_identifier);
        r.operation = "api/state";
        auto [e, status, body] = co_await async_http(s->env_, std::move(r), &d, tuple_awaitable);
        tenant_state st;
        if (e) {
            d.client_message = "the state service could not be reached: " + d.client_message;
            d.underlying = e;
            e = error::tenant_lookup_failed;
        } else {
            e = read_tenant_state(status, body, st, &d);
        }
        if (!e && s->environment_.rfind("https:", 0) == 0 && !tenant_base_url(st).empty() &&
            tenant_base_url(st).rfind("https:", 0) != 0) {
            // Tickets and the application token never travel in clear text.
            d.client_message = "the state service named a tenant endpoint that is not https";
            e = error::tenant_lookup_failed;
        }
        if (e) {
            s->log(log_level::error, "api/state", "tenant_state_failed", e, d.client_message);
            co_return e;
        }
        std::string message = "state " + st.State + ", endpoint " + tenant_base_url(st);
        {
            std::lock_guard lock(s->m_);
            s->core_.tenant_resolved(std::move(st), std::chrono::system_clock::now());
        }
        s->log(log_level::info, "api/state", "tenant_state", {}, message);
        co_return error_code{};
    }

    /// GET on the environment host; `url` absolute on that host or a path.
    boost::asio::awaitable<error_code> get(std::string_view url, std::string_view operation, std::string& out,
                                           diagnostics& d) {
        std::string target(url);
        if (url.rfind(s->environment_ + "/", 0) == 0)
            target = std::string(url.substr(s->environment_.size()));
        else if (url.empty() || url.front() != '/') {
            d.client_message = "the OpenID metadata names a key set on another host than the environment's";
            co_return error::jwt_unknown_key;
        }
        http_call_request r;
        r.method = "GET";
        r.target = std::move(target);
        r.operation = operation;
        auto [e, status, body] = co_await async_http(s->env_, std::move(r), &d, tuple_awaitable);
        if (e)
            co_return e;
        if (status < 200 || status >= 300) {
            d.http_status = status;
            d.client_message = std::string(operation) + " answered a non-2xx status";
            co_return status_error(status); // an outage, not a refusal: not held
        }
        out = std::move(body);
        co_return error_code{};
    }

    boost::asio::awaitable<error_code> fetch_keys(jwk_set& keys, diagnostics& d) {
        std::string metadata;
        if (auto e =
                co_await get("/login/.well-known/openid-configuration", "openid-configuration", metadata, d))
            co_return e;
        std::string uri;
        if (auto e = read_jwks_uri(200, metadata, uri, &d))
            co_return e;
        std::string jwks;
        if (auto e = co_await get(uri, "jwks", jwks, d))
            co_return e;
        error_code e;
        keys = jwk_set::parse(jwks, e, &d);
        if (e)
            co_return e;
        std::lock_guard lock(s->m_);
        s->jwks_ = keys;
        s->jwks_at_ = clock::now();
        co_return error_code{};
    }

    boost::asio::awaitable<error_code> exchange_system_user(std::string& ticket, diagnostics& d) {
        auto const& su = *s->cfg_.auth.system_user_settings();
        jwk_set keys = s->pinned_keys_;
        bool fetched = false;
        if (keys.empty()) {
            {
                std::lock_guard lock(s->m_);
                if (!s->jwks_.empty() && clock::now() - s->jwks_at_ < session_detail::jwks_cache_for)
                    keys = s->jwks_;
            }
            if (keys.empty()) {
                if (auto e = co_await fetch_keys(keys, d))
                    co_return e;
                fetched = true;
            }
        }
        error_code e;
        http_call_request r;
        r.method = "POST";
        r.target = "/Login/api/PartnerSystemUser/Authenticate";
        r.content_type = "application/json";
        r.operation = "PartnerSystemUser/Authenticate";
        r.retry_safe = false; // every exchange makes a credentials record
        r.body = system_user_exchange_body(sign_system_user_token(su.system_user_token, s->private_key_,
                                                                  std::chrono::system_clock::now(), e),
                                           su.application_token, su.context_identifier);
        if (e) {
            d.client_message = "the system user token could not be signed";
            co_return e;
        }
        auto [te, status, body] = co_await async_http(s->env_, std::move(r), &d, tuple_awaitable);
        if (te)
            co_return te;
        std::string jwt;
        if (auto re = read_system_user_reply(status, body, jwt, &d))
            co_return re;
        auto const unverified = decode_jwt_unverified(jwt, e, &d);
        if (e)
            co_return e;
        std::string const serial = unverified.claim(std::string(session_detail::claim_prefix) + "serial");
        if (serial.empty()) {
            d.client_message = "the system-user JWT has no serial claim (its audience)";
            co_return error::jwt_malformed;
        }
        jwt_expectations x;
        x.issuer = "SuperOffice AS";
        x.audience = "spn:" + serial;
        x.clock_skew = su.clock_skew;
        auto verified = verify_jwt(jwt, keys, x, std::chrono::system_clock::now(), e, &d);
        if (e == error::jwt_unknown_key && !fetched && s->pinned_keys_.empty()) {
            // The environment may have rolled its key: fetch the set once more.
            d = {};
            if (auto fe = co_await fetch_keys(keys, d))
                co_return fe;
            verified = verify_jwt(jwt, keys, x, std::chrono::system_clock::now(), e, &d);
        }
        if (e)
            co_return e;
        ticket = verified.claim(std::string(session_detail::claim_prefix) + "ticket");
        if (ticket.empty()) {
            d.client_message = "the system-user JWT has no ticket claim";
            co_return error::jwt_malformed;
        }
        co_return error_code{};
    }

    boost::asio::awaitable<error_code> refresh_oauth(std::string& token, std::optional<clock::duration>& life,
                                                     diagnostics& d) {
        auto const& o = *s->cfg_.auth.oauth_settings();
        std::string current;
        {
            std::lock_guard lock(s->m_);
            current = s->refresh_token_;
        }
        http_call_request r;
        r.method = "POST";
        r.target = s->token_path_;
        r.content_type = "application/x-www-form-urlencoded";
        r.operation = "oauth/tokens";
        r.retry_safe = false;
        r.body = oauth_refresh_body(o.client_id, o.client_secret, current);
        auto [te, status, body] = co_await async_http(s->token_host_, std::move(r), &d, tuple_awaitable);
        if (te)
            co_return te;
        oauth_reply reply;
        if (auto e = read_oauth_reply(status, body, reply, &d))
            co_return e;
        token = std::move(reply.access_token);
        if (reply.expires_in)
            life = *reply.expires_in;
        if (!reply.refresh_token.empty() && reply.refresh_token != current) {
            {
                std::lock_guard lock(s->m_);
                s->refresh_token_ = reply.refresh_token;
            }
            if (o.on_refresh_token)
                // On the session's strand: two quick refreshes reach the callback in order.
                boost::asio::post(s->strand_,
                                  [cb = o.on_refresh_token, t = std::move(reply.refresh_token)] { cb(t); });
        }
        co_return error_code{};
    }

    /// Runs `f` (the parameter keeps it alive in the coroutine's frame).
    static boost::asio::awaitable<void> run_owned(std::shared_ptr<session_flight> f) { co_await f->run(); }

    boost::asio::awaitable<void> run() {
        bool may_repeat = true;
        for (;;) {
            diagnostics d;
            error_code e;
            session_core::needs n;
            {
                std::lock_guard lock(s->m_);
                n = s->core_.what_is_needed(clock::now(), std::chrono::system_clock::now());
            }
            if (n.tenant)
                e = co_await lookup_tenant(d);
            bool tenant_down = false;
            if (!e) {
                std::lock_guard lock(s->m_);
                tenant_down = static_cast<bool>(
                    s->core_.held_failure(clock::now(), std::chrono::system_clock::now(), nullptr));
                n = s->core_.what_is_needed(clock::now(), std::chrono::system_clock::now());
            }
            if (!e && !tenant_down && n.credentials) {
                std::string secret;
                std::optional<clock::duration> life;
                bool const su = s->cfg_.auth.system_user_settings() != nullptr;
                // (No co_await inside a conditional expression: g++ 12 evaluates the wrong arm.)
                if (su)
                    e = co_await exchange_system_user(secret, d);
                else
                    e = co_await refresh_oauth(secret, life, d);
                std::string_view const op = su ? "PartnerSystemUser/Authenticate" : "oauth/tokens";
                {
                    std::lock_guard lock(s->m_);
                    if (e) {
                        s->core_.credentials_failed(e, d, clock::now());
                        ++s->stats_.failed_renewals;
                    } else {
                        s->core_.credentials_obtained(std::move(secret), life, clock::now());
                        ++s->stats_.renewals;
                    }
                }
                if (e)
                    s->log(log_level::error, op, "renewal_failed", e, d.client_message);
                else
                    s->log(log_level::info, op, "renewed", {}, {});
            }
            if (!s->finish_flight(e, d, may_repeat))
                co_return;
            may_repeat = false;
        }
    }
};

SO_ERPSYNC_DECL void session::start_flight() {
    auto f = std::make_shared<session_flight>();
    f->s = shared_from_this();
    boost::asio::co_spawn(strand_, session_flight::run_owned(std::move(f)),
                          [self = shared_from_this()](std::exception_ptr p) {
                              if (!p)
                                  return;
                              // Only allocation failures can get here; the waiters must still be answered.
                              diagnostics d;
                              d.client_message = "renewing the credentials failed with an exception";
                              self->finish_flight(error::transport_failed, d, false);
                          });
}

} // namespace superoffice::erpsync::detail

#endif
