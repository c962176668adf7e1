//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Fuzz target: the readers of SuperOffice Online's login and state services and of tokens, all
// fed untrusted server text: `read_system_user_reply`, `read_oauth_reply`, `read_jwks_uri`,
// `read_tenant_state` (`detail/login_messages.hpp`), `jwk_set::parse` and
// `decode_jwt_unverified` (`jwt.hpp`).
//
// Oracles: a success leaves the secret it read (the JWT, the access token) out of the
// diagnostics; a token's lifetime is not negative; a tenant state and a key set read back what
// they write (a key set: see case 4).
//
// Input: byte 0 selects the reader (modulo 6), byte 1 the HTTP status (200, 201, 204, 400, 401,
// 403, 404, 500, 503, then again); the rest is the body or token.
#include <superoffice/erpsync/detail/login_messages.hpp>
#include <superoffice/erpsync/jwt.hpp>
#include <superoffice/erpsync/tenant.hpp>

#include <string>

#include "fuzz_common.hpp"

namespace erp = superoffice::erpsync;

namespace {

void secret_not_in(erp::diagnostics const& d, std::string const& secret, char const* what) {
    if (secret.size() < 8)
        return;
    for (auto const* s : {&d.client_message, &d.server_message, &d.field_path})
        if (s->find(secret) != std::string::npos)
            erp::fuzz::fail(what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    static constexpr unsigned statuses[] = {200, 201, 204, 400, 401, 403, 404, 500, 503};
    erp::fuzz::input in{data, size};
    unsigned const which = in.take() % 6;
    unsigned const status = statuses[in.take() % std::size(statuses)];
    std::string_view const body = in.rest();
    erp::diagnostics d;
    switch (which) {
    case 0: {
        std::string jwt;
        auto ec = erp::detail::read_system_user_reply(status, body, jwt, &d);
        if (!ec) {
            if (jwt.empty())
                erp::fuzz::fail("read_system_user_reply succeeded without a token");
            secret_not_in(d, jwt, "the system user's JWT reached the diagnostics");
        }
        break;
    }
    case 1: {
        erp::detail::oauth_reply r;
        auto ec = erp::detail::read_oauth_reply(status, body, r, &d);
        if (!ec) {
            if (r.access_token.empty())
                erp::fuzz::fail("read_oauth_reply succeeded without an access token");
            if (r.expires_in && r.expires_in->count() < 0)
                erp::fuzz::fail("a negative expires_in");
            secret_not_in(d, r.access_token, "the access token reached the diagnostics");
            secret_not_in(d, r.refresh_token, "the refresh token reached the diagnostics");
        }
        break;
    }
    case 2: {
        std::string uri;
        (void)erp::detail::read_jwks_uri(status, body, uri, &d);
        break;
    }
    case 3: {
        erp::tenant_state s;
        if (!erp::detail::read_tenant_state(status, body, s, &d))
            erp::fuzz::json_round_trip(s);
        break;
    }
    case 4: {
        erp::error_code ec;
        auto keys = erp::jwk_set::parse(body, ec, &d);
        if (!ec) {
            // Read back, every key is accepted again and written as the same text. (OpenSSL's
            // public-key check, with its random Miller-Rabin bases, once made this fail for a
            // malformed modulus: corpus/login_messages/jwks-round-trip; the check is ours now.)
            std::string const text = keys.to_json();
            erp::error_code ec2;
            auto again = erp::jwk_set::parse(text, ec2, &d);
            if (ec2 || again.size() != keys.size() || again.to_json() != text)
                erp::fuzz::fail("a key set does not read back what it writes", text + "\n" + again.to_json());
        }
        break;
    }
    default: {
        erp::error_code ec;
        auto t = erp::decode_jwt_unverified(body, ec, &d);
        if (!ec) {
            for (auto const& kv : t.claims)
                (void)t.claim(kv.key());
            secret_not_in(d, std::string(body), "the token reached the diagnostics");
        }
        (void)erp::detail::refusal_error(body);
        break;
    }
    }
    return 0;
}
