//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_LOGIN_MESSAGES_IPP
#define SO_ERPSYNC_IMPL_LOGIN_MESSAGES_IPP

#include <superoffice/erpsync/detail/login_messages.hpp>
#include <superoffice/erpsync/detail/query_params.hpp>
#include <superoffice/erpsync/detail/response_decoder.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace superoffice::erpsync::detail {
namespace login {

inline bool ok_status(unsigned s) noexcept {
    return s >= 200 && s < 300;
}

/// Parses a JSON object (bounded depth); null when the body is not one.
inline boost::json::object const* parse_object(std::string_view body, boost::json::value& holder) {
    boost::system::error_code ec;
    boost::json::parse_options po;
    po.max_depth = 32;
    holder = boost::json::parse(body, ec, {}, po);
    if (ec || !holder.is_object())
        return nullptr;
    return &holder.get_object();
}

inline std::string text_of(boost::json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    if (!v)
        return {};
    if (v->is_string())
        return std::string(v->get_string());
    if (v->is_int64())
        return std::to_string(v->get_int64());
    if (v->is_uint64())
        return std::to_string(v->get_uint64());
    return {};
}

inline bool word_in(std::string_view text, std::string_view word) noexcept {
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < word.size() && match; ++k)
            match = lower(text[i + k]) == lower(word[k]);
        if (match && (i == 0 || !is_word(text[i - 1])) &&
            (i + word.size() == text.size() || !is_word(text[i + word.size()])))
            return true;
    }
    return false;
}

} // namespace login

SO_ERPSYNC_DECL std::string system_user_exchange_body(std::string_view signed_token,
                                                      std::string_view application_token,
                                                      std::string_view context_identifier) {
    boost::json::object o;
    o["SignedSystemToken"] = signed_token;
    o["ApplicationToken"] = application_token;
    o["ContextIdentifier"] = context_identifier;
    o["ReturnTokenType"] = "JWT";
    return boost::json::serialize(o);
}

SO_ERPSYNC_DECL error refusal_error(std::string_view m) noexcept {
    using login::word_in;
    // Names first: they are what the documentation lists (AuthorizeErrorCode), and a free text
    // may contain digits for other reasons.
    if (word_in(m, "NeedsReapproval"))
        return error::auth_needs_reapproval;
    if (word_in(m, "InvalidTimestamp"))
        return error::auth_invalid_timestamp;
    if (word_in(m, "InvalidSignature"))
        return error::auth_invalid_signature;
    if (word_in(m, "Revoked"))
        return error::auth_revoked;
    if (word_in(m, "Expired"))
        return error::auth_expired;
    if (word_in(m, "Denied"))
        return error::auth_denied;
    auto trimmed = m;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
        trimmed.remove_prefix(1);
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
        trimmed.remove_suffix(1);
    if (trimmed == "1")
        return error::auth_revoked;
    if (trimmed == "3")
        return error::auth_expired;
    if (trimmed == "4")
        return error::auth_denied;
    if (trimmed == "5")
        return error::auth_needs_reapproval;
    if (trimmed == "6")
        return error::auth_invalid_timestamp;
    if (trimmed == "7")
        return error::auth_invalid_signature;
    return error::auth_refused;
}

SO_ERPSYNC_DECL error_code read_system_user_reply(unsigned status, std::string_view body, std::string& jwt,
                                                  diagnostics* diag) {
    boost::json::value holder;
    auto const* o = login::parse_object(body, holder);
    if (diag)
        diag->http_status = status;
    auto refuse = [&](error_code e, std::string_view message, char const* what) -> error_code {
        if (diag) {
            diag->client_message = what;
            diag->server_message.assign(message.substr(0, diagnostics::max_excerpt));
        }
        return e;
    };
    bool const outage = status == 429 || status >= 500;
    if (outage && (!o || !o->if_contains("IsSuccessful")))
        return refuse(status_error(status), body, "the login service is unavailable (not a refusal)");
    if (!o) {
        return refuse(error::auth_refused, login::ok_status(status) ? std::string_view() : body,
                      login::ok_status(status)
                          ? "the system-user exchange answered something that is not a JSON object"
                          : "the system-user exchange answered a non-2xx status");
    }
    auto const* ok = o->if_contains("IsSuccessful");
    std::string const message = login::text_of(*o, "ErrorMessage");
    if (!ok || !ok->is_bool())
        return refuse(login::ok_status(status) ? error::auth_refused : refusal_error(message), message,
                      "the system-user exchange's reply has no IsSuccessful");
    if (!ok->get_bool() || !login::ok_status(status))
        return refuse(refusal_error(message), message, "the system-user exchange was refused");
    auto const* token = o->if_contains("Token");
    if (!token || !token->is_string() || token->get_string().empty())
        return refuse(error::auth_refused, {}, "the system-user exchange succeeded without a token");
    jwt.assign(token->get_string().data(), token->get_string().size());
    return {};
}

SO_ERPSYNC_DECL std::string oauth_refresh_body(std::string_view client_id, std::string_view client_secret,
                                               std::string_view refresh_token) {
    std::string b = "grant_type=refresh_token&client_id=";
    b += encode_query_value(client_id);
    b += "&client_secret=";
    b += encode_query_value(client_secret);
    b += "&refresh_token=";
    b += encode_query_value(refresh_token);
    return b;
}

SO_ERPSYNC_DECL error_code read_oauth_reply(unsigned status, std::string_view body, oauth_reply& out,
                                            diagnostics* diag) {
    boost::json::value holder;
    auto const* o = login::parse_object(body, holder);
    if (diag)
        diag->http_status = status;
    if (o && o->if_contains("error")) {
        std::string const code = login::text_of(*o, "error");
        if (diag) {
            diag->client_message = "the token endpoint answered the OAuth error " + code.substr(0, 64);
            diag->server_message =
                login::text_of(*o, "error_description").substr(0, diagnostics::max_excerpt);
        }
        return code == "invalid_grant" ? error::oauth_invalid_grant : error::oauth_refused;
    }
    if (!login::ok_status(status) && (status == 429 || status >= 500)) { // an outage, not a refusal
        if (diag) {
            diag->client_message = "the token endpoint is unavailable";
            diag->server_message.assign(body.substr(0, diagnostics::max_excerpt));
        }
        return status_error(status);
    }
    if (status == 400 || status == 401) { // refused without an RFC 6749 body: re-consent needed
        if (diag) {
            diag->client_message = "the token endpoint refused the refresh token";
            diag->server_message.assign(body.substr(0, diagnostics::max_excerpt));
        }
        return error::oauth_invalid_grant;
    }
    if (!login::ok_status(status) || !o) {
        if (diag) {
            diag->client_message = login::ok_status(status)
                                       ? "the token endpoint's reply is not a JSON object"
                                       : "the token endpoint answered a non-2xx status";
            if (!login::ok_status(status))
                diag->server_message.assign(body.substr(0, diagnostics::max_excerpt));
        }
        return error::oauth_refused;
    }
    out = {};
    out.access_token = login::text_of(*o, "access_token");
    out.token_type = login::text_of(*o, "token_type");
    out.refresh_token = login::text_of(*o, "refresh_token");
    if (out.access_token.empty()) {
        if (diag)
            diag->client_message = "the token endpoint's reply has no access_token";
        return error::oauth_refused;
    }
    // A number (integer or not) or a numeric string, clamped to [1 s, 24 h]: a server's 0 would
    // renew at every call, a huge value overflow the clock.
    double secs = -1;
    if (auto const* v = o->if_contains("expires_in")) {
        if (v->is_number())
            secs = v->to_number<double>();
        else if (v->is_string()) {
            std::string const e(v->get_string());
            auto [p, ec] = std::from_chars(e.data(), e.data() + e.size(), secs);
            if (e.empty() || ec != std::errc() || p != e.data() + e.size())
                secs = -1;
        }
    }
    if (secs >= 0 && secs == secs) // not NaN
        out.expires_in = std::chrono::seconds(static_cast<long long>(std::clamp(secs, 1.0, 86400.0)));
    return {};
}

SO_ERPSYNC_DECL error_code read_jwks_uri(unsigned status, std::string_view body, std::string& uri,
                                         diagnostics* diag) {
    boost::json::value holder;
    auto const* o = login::ok_status(status) ? login::parse_object(body, holder) : nullptr;
    if (o)
        uri = login::text_of(*o, "jwks_uri");
    if (!o || uri.empty()) {
        if (diag) {
            diag->http_status = status;
            diag->client_message = "the OpenID metadata has no jwks_uri";
        }
        return error::jwt_unknown_key;
    }
    return {};
}

SO_ERPSYNC_DECL error_code read_tenant_state(unsigned status, std::string_view body, tenant_state& out,
                                             diagnostics* diag) {
    auto fail = [&](char const* what) -> error_code {
        if (diag) {
            diag->http_status = status;
            diag->client_message = what;
            diag->server_message.assign(body.substr(0, diagnostics::max_excerpt));
        }
        return error::tenant_lookup_failed;
    };
    if (!login::ok_status(status))
        return fail("the state service answered a non-2xx status");
    boost::json::value holder;
    auto const* o = login::parse_object(body, holder);
    if (!o)
        return fail("the state service's reply is not a JSON object");
    out = {};
    out.ContextIdentifier = login::text_of(*o, "ContextIdentifier");
    out.Endpoint = login::text_of(*o, "Endpoint");
    out.State = login::text_of(*o, "State");
    out.Api = login::text_of(*o, "Api");
    out.Version = login::text_of(*o, "Version");
    auto const* running = o->if_contains("IsRunning");
    if (!running || !running->is_bool())
        return fail("the state service's reply has no IsRunning");
    out.IsRunning = running->get_bool();
    if (auto const* v = o->if_contains("ValidUntil"); v && v->is_string()) {
        auto t = timestamp::parse(std::string_view(v->get_string()));
        if (!t)
            return fail("the state service's ValidUntil is not a date");
        out.ValidUntil = *t;
    }
    if (out.IsRunning && tenant_base_url(out).empty())
        return fail("the state service's reply has neither Endpoint nor Api");
    return {};
}

} // namespace superoffice::erpsync::detail

#endif
