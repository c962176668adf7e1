// The sandbox's fault mode (`sandbox::fault_options`): each kind alone as raw HTTP and through the
// client (error codes, whether the operation was applied), reproducible sequences, mixed rates
// over a few hundred calls, the `applies_to` filter, invalid settings, a prompt stop during a
// stall, and the emulator's per-key resync counts that tell which requests took effect.
#include <superoffice/erpsync/client.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>
#ifdef SO_ERPSYNC_TEST_SOAP
#include <superoffice/erpsync/sandbox/soap.hpp>
#include <superoffice/erpsync/soap.hpp>
#endif

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cmath>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <test_common/call.hpp>
#include <test_common/resync_requests.hpp>

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
namespace sandbox = superoffice::erpsync::sandbox;
using erp::test::call;
using sandbox::fault_kind;
using namespace std::chrono_literals;

namespace {

constexpr fault_kind all_kinds[] = {fault_kind::refuse_connection,
                                    fault_kind::status_429,
                                    fault_kind::status_503,
                                    fault_kind::status_500,
                                    fault_kind::status_502,
                                    fault_kind::status_504,
                                    fault_kind::stall,
                                    fault_kind::reset_mid_response,
                                    fault_kind::truncated_body};

double& rate_of(sandbox::fault_options& f, fault_kind k) {
    switch (k) {
    case fault_kind::refuse_connection:
        return f.refuse_connection;
    case fault_kind::status_429:
        return f.status_429;
    case fault_kind::status_503:
        return f.status_503;
    case fault_kind::status_500:
        return f.status_500;
    case fault_kind::status_502:
        return f.status_502;
    case fault_kind::status_504:
        return f.status_504;
    case fault_kind::stall:
        return f.stall;
    case fault_kind::reset_mid_response:
        return f.reset_mid_response;
    default:
        return f.truncated_body;
    }
}

bool applies_the_operation(fault_kind k) {
    return k == fault_kind::reset_mid_response || k == fault_kind::truncated_body;
}

// A quiet sandbox (no engine timer) with the given faults.
sandbox::options with_faults(sandbox::fault_options f) {
    sandbox::options o;
    o.engine_timer = false;
    o.faults = std::move(f);
    return o;
}

sandbox::options one_fault(fault_kind k, std::chrono::milliseconds stall_for = 1s) {
    sandbox::fault_options f;
    rate_of(f, k) = 1.0;
    f.stall_for = stall_for;
    return with_faults(std::move(f));
}

erp::client_config config_for(sandbox::server const& sb,
                              std::chrono::steady_clock::duration timeout = std::chrono::seconds(5)) {
    erp::client_config cfg;
    cfg.base_url = sb.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    cfg.timeout = timeout;
    cfg.retry = erp::retry_policy::none(); // these tests count the server's faults one by one
    return cfg;
}

using superoffice::erpsync::test::external;
using superoffice::erpsync::test::internal;

// The whole emulator state as JSON, to compare before and after.
std::string state_of(sandbox::server& sb) {
    auto snap = sb.with_state([](auto& e) { return e.snapshot(); });
    std::string out;
    BOOST_TEST_REQUIRE(!erp::to_json(snap, out));
    return out;
}

// Every applied resync the emulator counted.
std::size_t applied_resyncs(sandbox::server& sb) {
    return sb.with_state([](auto& e) {
        std::size_t n = 0;
        for (auto const& [k, v] : e.internal_resyncs())
            n += v;
        for (auto const& [k, v] : e.external_resyncs())
            n += v;
        return n;
    });
}

// What one raw exchange over its own connection (`Connection: close`) gave.
struct raw_outcome {
    std::string received;           // every byte the server sent
    boost::system::error_code end;  // how it ended: eof, connection_reset, broken_pipe, timeout
    bool header_done = false;       // a complete header arrived
    bool complete = false;          // a complete response arrived
    unsigned status = 0;            // with header_done
    std::string retry_after;        // the Retry-After header
    std::size_t content_length = 0; // the Content-Length header
    std::string body;               // the body bytes received
    std::chrono::steady_clock::duration took{};
};

std::string const resync_body = R"({"ErpConnectionId":1,"InternalKeyIds":[1]})";

// POSTs `body` to `target` on 127.0.0.1 and reads until the server closes, within `limit`.
raw_outcome raw_post(std::uint16_t port, std::string target = "/Cust12345/api/v1/Agents/ErpSync/ForceResync",
                     std::string body = resync_body, std::string content_type = "application/json",
                     std::vector<std::pair<std::string, std::string>> headers = {},
                     std::chrono::milliseconds limit = 5s) {
    raw_outcome out;
    asio::io_context io;
    boost::beast::tcp_stream s(io);
    auto const start = std::chrono::steady_clock::now();
    s.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req(http::verb::post, target, 11);
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::authorization, "Basic " + erp::detail::base64("sandbox:sandbox"));
    req.set(http::field::content_type, content_type);
    for (auto const& [k, v] : headers)
        req.set(k, v);
    req.keep_alive(false);
    req.body() = std::move(body);
    req.prepare_payload();
    s.expires_after(limit);
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            auto [wec, wn] = co_await http::async_write(s, req, asio::as_tuple(asio::use_awaitable));
            (void)wn;
            if (wec) {
                out.end = wec;
                co_return;
            }
            char buf[4096];
            for (;;) {
                auto [rec, n] =
                    co_await s.async_read_some(asio::buffer(buf), asio::as_tuple(asio::use_awaitable));
                out.received.append(buf, n);
                if (rec) {
                    out.end = rec;
                    co_return;
                }
            }
        },
        asio::detached);
    io.run();
    out.took = std::chrono::steady_clock::now() - start;

    http::response_parser<http::string_body> p;
    p.eager(true);
    boost::system::error_code pec;
    std::size_t used = 0;
    while (used < out.received.size() && !p.is_done() && !pec)
        used += p.put(asio::buffer(out.received.data() + used, out.received.size() - used), pec);
    out.header_done = p.is_header_done();
    out.complete = p.is_done();
    if (out.header_done) {
        auto const& res = p.get();
        out.status = res.result_int();
        out.retry_after = std::string(res[http::field::retry_after]);
        if (auto cl = p.content_length())
            out.content_length = static_cast<std::size_t>(*cl);
        out.body = out.received.substr(out.received.find("\r\n\r\n") + 4);
    }
    return out;
}

bool is_reset(boost::system::error_code const& ec) {
    return ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

// The fault a raw exchange shows, as a client sees it.
fault_kind classify(raw_outcome const& r) {
    if (r.received.empty())
        return is_reset(r.end) ? fault_kind::refuse_connection : fault_kind::stall;
    if (!r.header_done)
        return fault_kind::reset_mid_response;
    if (!r.complete)
        return fault_kind::truncated_body;
    switch (r.status) {
    case 429:
        return fault_kind::status_429;
    case 503:
        return fault_kind::status_503;
    case 500:
        return fault_kind::status_500;
    case 502:
        return fault_kind::status_502;
    case 504:
        return fault_kind::status_504;
    default:
        return fault_kind::none;
    }
}

erp::server_error error_body(std::string const& body) {
    erp::server_error e;
    erp::diagnostics d;
    BOOST_TEST(!erp::from_json(body, e, &d), d.to_string());
    return e;
}

// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`); nullopt when it is not one.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string const& s) {
    static constexpr char const* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static constexpr char const* week[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    if (s.size() != 29 || s.substr(3, 2) != ", " || s.substr(25) != " GMT" || s[7] != ' ' || s[11] != ' ' ||
        s[16] != ' ' || s[19] != ':' || s[22] != ':')
        return std::nullopt;
    unsigned month = 0;
    for (unsigned i = 0; i < 12; ++i)
        if (s.substr(8, 3) == months[i])
            month = i + 1;
    if (month == 0)
        return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) { return std::stoi(s.substr(pos, len)); };
    using namespace std::chrono;
    year_month_day const ymd{year(num(12, 4)), std::chrono::month(month),
                             day(static_cast<unsigned>(num(5, 2)))};
    if (!ymd.ok() || s.substr(0, 3) != week[weekday(sys_days(ymd)).c_encoding()])
        return std::nullopt;
    return sys_days(ymd) + hours(num(17, 2)) + minutes(num(20, 2)) + seconds(num(23, 2));
}

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_faults)

BOOST_AUTO_TEST_CASE(off_by_default) {
    BOOST_TEST(!sandbox::fault_options{}.enabled());
    sandbox::server sb(with_faults({}));
    for (int i = 0; i < 5; ++i) {
        auto r = raw_post(sb.port());
        BOOST_TEST(r.complete);
        BOOST_TEST(r.status == 200u);
    }
    BOOST_TEST(sb.faults_injected().total() == 0u);
    BOOST_TEST(sb.requests_served() == 5u);
    BOOST_TEST(sb.with_state([](auto& e) { return e.resync_count(1, 1); }) == 5u);
}

BOOST_AUTO_TEST_CASE(an_invalid_configuration_throws) {
    auto throws = [](auto change) {
        sandbox::fault_options f;
        change(f);
        BOOST_CHECK_THROW(sandbox::server(with_faults(f)), std::invalid_argument);
    };
    throws([](auto& f) { f.status_429 = -0.1; });
    throws([](auto& f) { f.stall = 1.5; });
    throws([](auto& f) { f.truncated_body = std::nan(""); });
    throws([](auto& f) {
        f.status_500 = 0.6;
        f.refuse_connection = 0.5; // sum 1.1
    });
    throws([](auto& f) { f.stall_for = -1ms; });
    throws([](auto& f) { f.retry_after = -1s; });
    // a sum of exactly 1 is valid, rounding included
    sandbox::fault_options f;
    for (auto k : all_kinds)
        rate_of(f, k) = 1.0 / 9;
    BOOST_CHECK_NO_THROW(sandbox::server(with_faults(f)));
}

BOOST_AUTO_TEST_CASE(each_fault_alone_through_the_client) {
    struct expectation {
        fault_kind kind;
        erp::error expected;
        unsigned status; // diagnostics::http_status
    };
    for (auto [kind, expected, status] :
         {expectation{fault_kind::refuse_connection, erp::error::connection_closed, 0},
          expectation{fault_kind::status_429, erp::error::http_too_many_requests, 429},
          expectation{fault_kind::status_503, erp::error::http_service_unavailable, 503},
          expectation{fault_kind::status_500, erp::error::http_server_error, 500},
          expectation{fault_kind::status_502, erp::error::http_server_error, 502},
          expectation{fault_kind::status_504, erp::error::http_server_error, 504},
          expectation{fault_kind::stall, erp::error::timeout, 0},
          expectation{fault_kind::reset_mid_response, erp::error::connection_closed, 0},
          expectation{fault_kind::truncated_body, erp::error::connection_closed, 200}}) {
        BOOST_TEST_CONTEXT(sandbox::to_string(kind)) {
            sandbox::server sb(one_fault(kind));
            auto const ik =
                sb.with_state([](auto& e) { return e.internal_key(erp::crm_actor_type::Contact, 10); });
            BOOST_TEST_REQUIRE(ik.has_value());
            auto const before = state_of(sb);
            asio::io_context io;
            // a call timeout shorter than the stall
            erp::client c(io, config_for(sb, kind == fault_kind::stall ? 300ms : 5s));
            auto const start = std::chrono::steady_clock::now();
            auto r = call<ops::force_resync>(c, io, internal(1, {*ik}));
            BOOST_TEST((r.ec == expected), r.ec.message() << "; " << r.diag.to_string());
            BOOST_TEST(r.diag.http_status == status);
            BOOST_TEST((std::chrono::steady_clock::now() - start < 3s));
            if (kind == fault_kind::status_500) {
                BOOST_TEST_REQUIRE(r.diag.server.has_value());
                BOOST_TEST(r.diag.server->Error);
                BOOST_TEST(r.diag.server->ErrorType == "SoException");
            }
            if (kind == fault_kind::status_429) {
                BOOST_TEST_REQUIRE(r.diag.server.has_value());
                BOOST_TEST(r.diag.server->ErrorType == "TooManyRequestsException");
            }
            if (kind == fault_kind::status_502 || kind == fault_kind::status_504) { // a gateway's page
                BOOST_TEST(!r.diag.server.has_value());
                BOOST_TEST(r.diag.server_message.find("Gateway") != std::string::npos, r.diag.server_message);
            }
            auto const injected = sb.faults_injected();
            BOOST_TEST(injected.of(kind) == 1u);
            BOOST_TEST(injected.total() == 1u);
            BOOST_TEST(sb.requests_served() == (kind == fault_kind::refuse_connection ? 0u : 1u));
            auto const count = sb.with_state([&](auto& e) { return e.resync_count(1, *ik); });
            if (applies_the_operation(kind)) {
                BOOST_TEST(count == 1u);
                BOOST_TEST(state_of(sb) != before);
                BOOST_TEST(sb.with_state([](auto& e) {
                    return *e.crm_field(erp::crm_actor_type::Contact, 10, "phone");
                }) == "+47 22 00 00 01"); // pulled from the ERP
            } else {
                BOOST_TEST(count == 0u);
                BOOST_TEST(state_of(sb) == before);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(each_fault_alone_as_raw_http) {
    {
        sandbox::server sb(one_fault(fault_kind::refuse_connection));
        auto r = raw_post(sb.port());
        BOOST_TEST(r.received.empty());
        BOOST_TEST(is_reset(r.end), r.end.message());
        BOOST_TEST(sb.connections_accepted() == 1u);
        BOOST_TEST(sb.requests_served() == 0u);
    }
    {
        auto o = one_fault(fault_kind::status_429);
        o.faults.retry_after = 7s;
        sandbox::server sb(o);
        auto r = raw_post(sb.port());
        BOOST_TEST(r.complete);
        BOOST_TEST(r.status == 429u);
        BOOST_TEST(r.retry_after == "7");
        auto e = error_body(r.body);
        BOOST_TEST(e.Error);
        BOOST_TEST(e.ErrorType == "TooManyRequestsException");
        BOOST_TEST(!e.ErrorMessage.empty());
        BOOST_TEST(!e.ErrorSource.empty());
    }
    {
        auto o = one_fault(fault_kind::status_503);
        o.faults.retry_after = 120s;
        o.faults.retry_after_http_date = true;
        sandbox::server sb(o);
        auto const now = std::chrono::system_clock::now();
        auto r = raw_post(sb.port());
        BOOST_TEST(r.complete);
        BOOST_TEST(r.status == 503u);
        BOOST_TEST(error_body(r.body).ErrorType == "ServiceUnavailableException");
        auto when = parse_http_date(r.retry_after);
        BOOST_TEST_REQUIRE(when.has_value(), r.retry_after);
        BOOST_TEST((*when >= now + 118s && *when <= now + 122s), r.retry_after);
    }
    {
        sandbox::server sb(one_fault(fault_kind::status_500));
        auto r = raw_post(sb.port());
        BOOST_TEST(r.complete);
        BOOST_TEST(r.status == 500u);
        BOOST_TEST(r.retry_after.empty());
        BOOST_TEST(r.body.starts_with(R"({"Error":true,"ErrorType":"SoException",)"), r.body);
    }
    for (auto [kind, status, title] : {std::tuple{fault_kind::status_502, 502u, "502 Bad Gateway"},
                                       std::tuple{fault_kind::status_504, 504u, "504 Gateway Time-out"}}) {
        sandbox::server sb(one_fault(kind));
        auto r = raw_post(sb.port());
        BOOST_TEST(r.complete);
        BOOST_TEST(r.status == status);
        BOOST_TEST(r.retry_after.empty());
        BOOST_TEST(r.body.find(title) != std::string::npos, r.body);
        BOOST_TEST(sb.faults_injected().of(kind) == 1u);
    }
    {
        sandbox::server sb(one_fault(fault_kind::stall, 300ms));
        auto r = raw_post(sb.port());
        BOOST_TEST(r.received.empty());
        BOOST_TEST((r.end == asio::error::eof), r.end.message());
        BOOST_TEST(r.took >= 250ms);
        BOOST_TEST(r.took < 3s);
        BOOST_TEST(sb.requests_served() == 1u);
    }
    {
        sandbox::server sb(one_fault(fault_kind::reset_mid_response));
        auto r = raw_post(sb.port());
        BOOST_TEST(r.received.starts_with("HTTP/1.1 200 OK\r\n"), r.received);
        BOOST_TEST(!r.header_done);
        BOOST_TEST((r.end == asio::error::connection_reset), r.end.message());
    }
    {
        sandbox::server sb(one_fault(fault_kind::truncated_body));
        auto r = raw_post(sb.port());
        BOOST_TEST(r.header_done);
        BOOST_TEST(!r.complete);
        BOOST_TEST(r.status == 200u);
        BOOST_TEST(r.content_length > 20u);
        BOOST_TEST(r.body.size() == r.content_length / 2);
        BOOST_TEST((r.end == asio::error::eof), r.end.message());
        BOOST_TEST(r.body.starts_with(R"({"IsOk":true)"), r.body);
    }
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_faults) {
    auto sequence = [](std::uint64_t seed) {
        sandbox::fault_options f;
        for (auto k : all_kinds)
            rate_of(f, k) = 0.08;
        f.stall_for = 20ms;
        f.seed = seed;
        sandbox::server sb(with_faults(f));
        std::vector<fault_kind> seen;
        std::map<fault_kind, std::size_t> tally;
        for (int i = 0; i < 60; ++i) {
            seen.push_back(classify(raw_post(sb.port())));
            ++tally[seen.back()];
        }
        // what the client saw is what the server says it injected
        auto injected = sb.faults_injected();
        for (auto k : all_kinds)
            BOOST_TEST(tally[k] == injected.of(k), sandbox::to_string(k));
        BOOST_TEST(injected.total() > 0u);
        return seen;
    };
    auto const a = sequence(7);
    auto const b = sequence(7);
    auto const c = sequence(8);
    BOOST_TEST((a == b));
    BOOST_TEST((a != c));
}

BOOST_AUTO_TEST_CASE(mixed_rates_over_a_few_hundred_calls) {
    // 10% spread over the kinds, through the client: its keep-alive, its replays of requests a
    // reused connection lost, its error codes. What the server counted must add up exactly.
    sandbox::fault_options f;
    f.refuse_connection = 0.01;
    f.status_429 = 0.02;
    f.status_503 = 0.02;
    f.status_500 = 0.02;
    f.stall = 0.01;
    f.reset_mid_response = 0.01;
    f.truncated_body = 0.01;
    f.stall_for = 50ms;
    f.seed = 2026;
    sandbox::server sb(with_faults(f));
    asio::io_context io;
    erp::client c(io, config_for(sb, 3s));
    auto const ik = sb.with_state([](auto& e) { return e.internal_key(erp::crm_actor_type::Contact, 10); });
    BOOST_TEST_REQUIRE(ik.has_value());
    std::size_t const calls = 300;
    std::size_t ok = 0;
    std::map<erp::error_code, std::size_t> failures;
    for (std::size_t i = 0; i < calls; ++i) {
        erp::error_code ec = i % 2 ? call<ops::force_resync>(c, io, internal(1, {*ik})).ec
                                   : call<ops::force_resync_external>(c, io, external(1, {"C-1001"})).ec;
        if (ec)
            ++failures[ec];
        else
            ++ok;
    }
    auto const n = sb.faults_injected();
    auto const requests = sb.requests_served();
    BOOST_TEST_MESSAGE("requests " << requests << ", connections " << sb.connections_accepted() << ", faults "
                                   << n.total() << " (refused " << n.refuse_connection << ", 429 "
                                   << n.status_429 << ", 503 " << n.status_503 << ", 500 " << n.status_500
                                   << ", stalls " << n.stall << ", resets " << n.reset_mid_response
                                   << ", truncated " << n.truncated_body << "), calls ok " << ok);
    // a call whose new connection is refused reads no request; a stall on a reused connection
    // (closed without a byte) is replayed once
    BOOST_TEST(requests + n.refuse_connection >= calls);
    BOOST_TEST(requests <= calls + n.stall);
    // about 9% of the requests and 1% of the connections
    BOOST_TEST(n.total() >= 10u);
    BOOST_TEST(n.total() <= 60u);
    for (auto k : all_kinds)
        BOOST_TEST(n.of(k) <= 20u, sandbox::to_string(k));
    std::size_t const not_applied = n.status_429 + n.status_503 + n.status_500 + n.stall;
    std::size_t const request_faults = not_applied + n.reset_mid_response + n.truncated_body;
    // every request read without a fault answered a call
    BOOST_TEST(ok == requests - request_faults);
    // every request that reached the emulator resynced its key once
    BOOST_TEST(applied_resyncs(sb) == requests - not_applied);
    BOOST_TEST(sb.with_state([&](auto& e) {
        return e.resync_count(1, *ik) + e.resync_count(1, erp::erp_actor_type::Customer, "C-1001");
    }) == requests - not_applied);
    // the 4xx/5xx answers are never replayed: one failed call each
    BOOST_TEST(failures[erp::error::http_too_many_requests] == n.status_429);
    BOOST_TEST(failures[erp::error::http_service_unavailable] == n.status_503);
    BOOST_TEST(failures[erp::error::http_server_error] == n.status_500);
    for (auto const& [ec, count] : failures)
        BOOST_TEST((ec == erp::error::http_too_many_requests || ec == erp::error::http_service_unavailable ||
                    ec == erp::error::http_server_error || ec == erp::error::connection_closed),
                   ec.message());
    BOOST_TEST(calls - ok <= n.total());
}

BOOST_AUTO_TEST_CASE(applies_to_limits_the_faults_to_some_operations) {
    sandbox::fault_options f;
    f.status_503 = 1.0;
    std::mutex m;
    std::vector<std::string> asked;
    f.applies_to = [&](std::string_view op) {
        std::lock_guard lock(m);
        asked.emplace_back(op);
        return op == "ForceResync";
    };
    sandbox::server sb(with_faults(f));
    asio::io_context io;
    erp::client c(io, config_for(sb));
    BOOST_TEST(!call<ops::get_engine_status>(c, io, erp::no_request{}).ec);
    auto r = call<ops::force_resync>(c, io, internal(1, {1}));
    BOOST_TEST((r.ec == erp::error::http_service_unavailable), r.ec.message());
    auto x = call<ops::force_resync_external>(c, io, external(1, {"C-1001"}));
    BOOST_TEST(!x.ec, x.diag.to_string());
    BOOST_TEST(x.value.IsOk);
    BOOST_TEST(sb.faults_injected().status_503 == 1u);
    BOOST_TEST(sb.with_state([](auto& e) { return e.resync_count(1, 1); }) == 0u);
    BOOST_TEST(sb.with_state(
                   [](auto& e) { return e.resync_count(1, erp::erp_actor_type::Customer, "C-1001"); }) == 1u);
    std::lock_guard lock(m);
    BOOST_TEST((asked == std::vector<std::string>{"GetEngineStatus", "ForceResync", "ForceResyncExternal"}));
}

BOOST_AUTO_TEST_CASE(the_server_stops_promptly_during_a_stall) {
    auto sb = std::make_unique<sandbox::server>(one_fault(fault_kind::stall, 60s));
    auto const port = sb->port();
    auto pending = std::async(std::launch::async, [port] {
        return raw_post(port, "/Cust12345/api/v1/Agents/ErpSync/ForceResync", resync_body, "application/json",
                        {}, 10s);
    });
    auto const wait_until = std::chrono::steady_clock::now() + 5s;
    while (sb->faults_injected().stall == 0 && std::chrono::steady_clock::now() < wait_until)
        std::this_thread::sleep_for(5ms);
    BOOST_TEST_REQUIRE(sb->faults_injected().stall == 1u);
    auto const start = std::chrono::steady_clock::now();
    sb.reset();
    BOOST_TEST((std::chrono::steady_clock::now() - start < 1s));
    BOOST_TEST_REQUIRE((pending.wait_for(5s) == std::future_status::ready));
    auto r = pending.get();
    BOOST_TEST(r.received.empty());
    BOOST_TEST((r.end == asio::error::eof || is_reset(r.end)), r.end.message()); // closed, not timed out
}

#ifdef SO_ERPSYNC_TEST_SOAP
BOOST_AUTO_TEST_CASE(faults_apply_to_the_soap_endpoint) {
    auto soap_client_config = [](sandbox::server const& sb) {
        erp::client_config cfg;
        cfg.base_url = sb.base_url();
        cfg.auth = erp::credentials::so_ticket("7T:sandbox-ticket");
        cfg.protocol = erp::soap::protocol();
        cfg.timeout = 5s;
        cfg.retry = erp::retry_policy::none();
        return cfg;
    };
    std::mutex m;
    std::vector<std::string> asked;
    {
        auto o = one_fault(fault_kind::status_503);
        o.soap = sandbox::soap_endpoint();
        o.faults.applies_to = [&](std::string_view op) {
            std::lock_guard lock(m);
            asked.emplace_back(op);
            return op == "ForceResync";
        };
        sandbox::server sb(o);
        asio::io_context io;
        erp::client c(io, soap_client_config(sb));
        BOOST_TEST(!call<ops::get_engine_status>(c, io, erp::no_request{}).ec);
        auto r = call<ops::force_resync>(c, io, internal(1, {1}));
        BOOST_TEST((r.ec == erp::error::http_service_unavailable), r.ec.message());
        BOOST_TEST(sb.with_state([](auto& e) { return e.resync_count(1, 1); }) == 0u);
        // without a SOAPAction the operation is read from the body
        std::string envelope;
        erp::soap::envelope_options eo;
        eo.ticket = "7T:sandbox-ticket";
        BOOST_TEST_REQUIRE(!erp::soap::write_request<ops::force_resync>(internal(1, {1}), eo, envelope));
        auto raw = raw_post(sb.port(), "/Cust12345/Remote/Services88/ErpSync.svc", envelope,
                            "text/xml; charset=utf-8");
        BOOST_TEST(raw.status == 503u);
        BOOST_TEST(sb.faults_injected().status_503 == 2u);
        std::lock_guard lock(m);
        BOOST_TEST((asked == std::vector<std::string>{"GetEngineStatus", "ForceResync", "ForceResync"}));
    }
    {
        auto o = one_fault(fault_kind::reset_mid_response);
        o.soap = sandbox::soap_endpoint();
        sandbox::server sb(o);
        asio::io_context io;
        erp::client c(io, soap_client_config(sb));
        auto r = call<ops::force_resync>(c, io, internal(1, {1}));
        BOOST_TEST((r.ec == erp::error::connection_closed), r.ec.message());
        BOOST_TEST(sb.with_state([](auto& e) { return e.resync_count(1, 1); }) == 1u); // applied
    }
}
#endif

BOOST_AUTO_TEST_SUITE_END()
