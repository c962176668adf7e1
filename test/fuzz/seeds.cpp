//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Writes the seed corpora of the fuzz targets: `erpsync_fuzz_seeds <test/data> <out>` makes
// `<out>/<target>/` for each target from the documentation's samples in test/data (rest_samples,
// soap_samples) with each target's selector bytes in front, plus a few hand-written seeds
// (time texts, login replies, HTTP framings). Deterministic; run by CTest before the fuzz tests
// (fixture `fuzz_seeds`) and by hand before a long run.
#include <superoffice/erpsync/detail/query_params.hpp>

#include <boost/mp11/algorithm.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_common.hpp"

namespace erp = superoffice::erpsync;
namespace mp11 = boost::mp11;
namespace fs = std::filesystem;

namespace {

fs::path data_dir, out_dir;
std::size_t written = 0;

std::optional<std::string> read(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void seed(std::string const& target, std::string const& name, std::string const& bytes) {
    fs::create_directories(out_dir / target);
    std::ofstream out(out_dir / target / name, std::ios::binary);
    out << bytes;
    if (!out)
        throw std::runtime_error("cannot write " + (out_dir / target / name).string());
    ++written;
}

std::string byte(std::size_t v) {
    return std::string(1, static_cast<char>(static_cast<unsigned char>(v)));
}

// The REST samples of an operation: `{wire}.{side}.json` and `{wire}.{side}.alt.json`.
std::vector<std::pair<std::string, std::string>> rest_samples(std::string_view wire, char const* side) {
    std::vector<std::pair<std::string, std::string>> r;
    for (char const* alt : {"", ".alt"}) {
        std::string const name = std::string(wire) + "." + side + alt + ".json";
        if (auto text = read(data_dir / "rest_samples" / name))
            r.emplace_back(name, std::move(*text));
    }
    return r;
}

std::string http_response(unsigned status, std::string const& body, bool chunked) {
    std::string r = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\n";
    if (!chunked)
        return r + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    char size[32];
    std::snprintf(size, sizeof size, "%zx", body.size());
    return r + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + body + "\r\n0\r\n\r\n";
}

template <class Op>
std::string http_request(std::string const& base, std::optional<std::string> const& body_json) {
    std::string target = base + "/api/v1/Agents/ErpSync/" + std::string(Op::name);
    std::string body;
    if constexpr (Op::request_travels == erp::request_kind::query) {
        erp::request_t<Op> req{};
        if (body_json)
            (void)erp::from_json(std::string_view(*body_json), req);
        (void)erp::detail::append_query(req, target, nullptr);
    } else if constexpr (Op::has_body) {
        body = body_json ? *body_json : erp::to_json(erp::request_t<Op>{}).value();
    }
    std::string r =
        "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic c2FuZGJveDpzYW5kYm94\r\n";
    if (Op::has_body)
        r += "Content-Type: application/json\r\n";
    return r + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

void carriers() {
    constexpr std::size_t types = mp11::mp_size<erp::fuzz::carrier_types>::value;
    constexpr std::size_t n = mp11::mp_size<erp::ops::all>::value;
    mp11::mp_for_each<mp11::mp_iota_c<n>>([&](auto i) {
        using Op = mp11::mp_at_c<erp::ops::all, decltype(i)::value>;
        std::string const wire(Op::name);
        using Req = erp::request_t<Op>;
        using Res = erp::response_t<Op>;
        constexpr std::size_t req_index = mp11::mp_find<erp::fuzz::carrier_types, Req>::value;
        auto const requests = rest_samples(wire, "request");
        for (auto const& [name, text] : requests)
            seed("json_codec", name, byte(req_index) + text);
        if (requests.empty())
            seed("json_codec", wire + ".request.default.json", byte(req_index) + erp::to_json(Req{}).value());
        for (auto const& [name, text] : rest_samples(wire, "response")) {
            if constexpr (!std::is_void_v<Res>) {
                constexpr std::size_t res_index = mp11::mp_find<erp::fuzz::carrier_types, Res>::value;
                static_assert(res_index < types);
                seed("json_codec", name, byte(res_index) + text);
            }
            seed("http_response", name + ".http", byte(i) + byte(0xff) + http_response(200, text, false));
            seed("http_response", name + ".chunked.http", byte(i) + byte(6) + http_response(200, text, true));
        }
        if (std::is_void_v<Res>)
            seed("http_response", wire + ".204.http",
                 byte(i) + byte(0xff) + "HTTP/1.1 204 No Content\r\n\r\n");
        // SOAP: the response and the request envelope
        if (auto xml = read(data_dir / "soap_samples" / (wire + ".response.xml")))
            seed("soap_codec", wire + ".response.xml", byte(i) + byte(0) + *xml);
        if (auto xml = read(data_dir / "soap_samples" / (wire + ".request.xml")))
            seed("soap_codec", wire + ".request.xml", byte(n + i) + byte(0) + *xml);
        // the sandbox: the sample request over REST, once per operation
        std::optional<std::string> body;
        if (!requests.empty())
            body = requests.front().second;
        seed("sandbox_requests", wire + ".http", byte(0) + http_request<Op>("/Cust12345", body));
        if (auto xml = read(data_dir / "soap_samples" / (wire + ".request.xml")))
            seed("sandbox_requests", wire + ".soap.http",
                 byte(0) +
                     "POST /Cust12345/Remote/Services88/ErpSync.svc HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Content-Type: application/soap+xml; charset=utf-8; "
                     "action=\"http://www.superoffice.net/ws/crm/"
                     "NetServer/Services88/ErpSync/" +
                     wire + "\"\r\nContent-Length: " + std::to_string(xml->size()) + "\r\n\r\n" + *xml);
    });
}

void hand_written() {
    // HTTP framings and statuses the client meets
    std::string const error_body =
        R"({"Error":true,"ErrorType":"SoException","ErrorMessage":"boom","ErrorSource":"x"})";
    seed("http_response", "429.http",
         byte(0) + byte(0xff) + "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: " +
             std::to_string(error_body.size()) + "\r\n\r\n" + error_body);
    seed("http_response", "503-date.http",
         byte(1) + byte(3) +
             "HTTP/1.1 503 Service Unavailable\r\nRetry-After: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n");
    seed("http_response", "agent-error.http",
         byte(0) + byte(0xff) + http_response(200, R"({"Message":"bad","MessageDetail":"worse"})", false));
    seed("http_response", "eof-body.http", byte(2) + byte(0xff) + "HTTP/1.0 200 OK\r\n\r\n[\"a\",\"b\"]");
    seed("http_response", "null.http", byte(3) + byte(0xff) + http_response(200, "null", false));
    // time texts: timestamp, time span, Retry-After
    for (char const* t : {"2024-05-01T10:00:00", "2024-05-01T10:00:00.1234567Z", "2024-02-29 23:59+02:00",
                          "0001-01-01T00:00:00", "9999-12-31T23:59:59.9999999", "/Date(1700000000000)/",
                          "/Date(1700000000000+0100)/", "2024-05-01t10:00:00z", "2024-05-01T10:00:00-0530"})
        seed("time_parsers", std::string("timestamp-") + std::to_string(written), byte(0) + t);
    for (char const* t : {"00:05:00", "1.02:03:04.5", "-00:00:01", "00:05", "PT5M", "P1DT2H30M", "PT0.5S",
                          "-PT1H", "P0Y0M1D", "P2W", "10675199.02:48:05.4775807"})
        seed("time_parsers", std::string("timespan-") + std::to_string(written), byte(1) + t);
    for (char const* t : {"120", "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                          "Sun Nov  6 08:49:37 1994", " 5 "})
        seed("time_parsers", std::string("retry-after-") + std::to_string(written), byte(2) + t);
    // login services, tokens
    seed("login_messages", "system-user-ok", byte(0) + byte(0) + R"({"IsSuccessful":true,"Token":"a.b.c"})");
    seed("login_messages", "system-user-refused",
         byte(0) + byte(0) + R"({"IsSuccessful":false,"ErrorMessage":"Expired"})");
    seed("login_messages", "oauth-ok",
         byte(1) + byte(0) +
             R"({"access_token":"8A:x","token_type":"Bearer","expires_in":"3600",)"
             R"("refresh_token":"r"})");
    seed("login_messages", "oauth-error",
         byte(1) + byte(3) + R"({"error":"invalid_grant","error_description":"gone"})");
    seed("login_messages", "openid", byte(2) + byte(0) + R"({"issuer":"x","jwks_uri":"https://e/keys"})");
    seed(
        "login_messages", "tenant-state",
        byte(3) + byte(0) +
            R"({"ContextIdentifier":"Cust1","Endpoint":"https://e/Cust1","State":"Running","IsRunning":true,)"
            R"("ValidUntil":"2024-05-01T10:00:00Z","Api":"https://e/Cust1/api"})");
    seed(
        "login_messages", "jwks",
        byte(4) + byte(0) +
            R"({"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"k1","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB"}]})");
    seed("login_messages", "jwt",
         byte(5) + byte(0) +
             "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0."
             "eyJpc3MiOiJTdXBlck9mZmljZSIsImV4cCI6MTcwMDAwMDAwMCwic2VyaWFsIjoiMTIzIn0.c2ln");
    // the sandbox: a bad request, an unknown operation, pipelined requests, a wrong method
    seed("sandbox_requests", "unauthorized.http",
         byte(0) +
             "POST /Cust12345/api/v1/Agents/ErpSync/GetEngineStatus HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    seed("sandbox_requests", "pipelined.http",
         byte(0) +
             "POST /Cust12345/api/v1/Agents/ErpSync/GetEngineStatus HTTP/1.1\r\nAuthorization: SOTicket "
             "7T:sandbox-ticket\r\nContent-Length: 0\r\n\r\nGET "
             "/Cust12345/api/v1/Agents/ErpSync/Nope?$select=a "
             "HTTP/1.1\r\nAuthorization: Bearer 8A:sandbox-token\r\n\r\n");
    seed("sandbox_requests", "chunked.http",
         byte(0) +
             "POST /Cust12345/api/v1/Agents/ErpSync/GetConnection HTTP/1.1\r\nAuthorization: Basic "
             "c2FuZGJveDpzYW5kYm94\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
             "c\r\n{\"ConnectionI\r\n6\r\nd\":1}\r\n0\r\n\r\n");
    // the Online emulation's environment host
    std::string const exchange =
        R"({"SignedSystemToken":"ErpSync Sandbox-5aNdB0xSysT0k3n.20240501100000;c2ln",)"
        R"("ApplicationToken":"sandbox-application-token","ContextIdentifier":"Cust12345","ReturnTokenType":"Jwt"})";
    seed("sandbox_requests", "environment-exchange.http",
         byte(1) +
             "POST /Login/api/PartnerSystemUser/Authenticate HTTP/1.1\r\nContent-Type: application/json\r\n"
             "Content-Length: " +
             std::to_string(exchange.size()) + "\r\n\r\n" + exchange);
    std::string const refresh = "grant_type=refresh_token&client_id=sandbox-client-id&client_secret=sandbox-"
                                "application-token&refresh_token=sandbox-refresh-token";
    seed("sandbox_requests", "environment-token.http",
         byte(1) +
             "POST /login/common/oauth/tokens HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
             "Content-Length: " +
             std::to_string(refresh.size()) + "\r\n\r\n" + refresh);
    seed("sandbox_requests", "environment-gets.http",
         byte(1) + "GET /login/.well-known/openid-configuration HTTP/1.1\r\n\r\nGET /login/.well-known/jwks "
                   "HTTP/1.1\r\n\r\nGET /api/state/Cust12345 HTTP/1.1\r\n\r\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: erpsync_fuzz_seeds <test/data directory> <output directory>\n";
        return 2;
    }
    data_dir = argv[1];
    out_dir = argv[2];
    try {
        fs::remove_all(out_dir);
        carriers();
        hand_written();
    } catch (std::exception const& e) {
        std::cerr << "erpsync_fuzz_seeds: " << e.what() << "\n";
        return 1;
    }
    std::cout << "erpsync_fuzz_seeds: " << written << " seeds in " << out_dir.string() << "\n";
    return 0;
}
