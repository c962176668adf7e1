//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync_bench_memory: heap allocations per call and resident memory with many calls in flight.
//
//   erpsync_bench_memory --url http://127.0.0.1:PORT/Cust1 [--user U --password P]
//                        [--calls 20000] [--warmup 2000] [--in-flight 10000] [--cap N]
//
// Every `operator new` in the process is replaced by a counting one. The server must be another
// process (benchmark/run.sh starts nginx with a fixed PluginResponse), so that only the client's
// allocations and memory are measured.
//
// 1. Steady state: ForceResyncNoBlankValues with 100 ids, one call after another on one keep-alive
//    connection, `--warmup` calls first, then `--calls` counted. Measured twice: completion by a
//    plain callback (what the library itself allocates) and by `co_await` in a coroutine with the
//    default token (what a coroutine user pays). The request object is built once and reused,
//    as a caller resyncing in a loop would.
// 2. In flight: `--in-flight` calls started at once from one thread, each with its own 100-id
//    request, then the io_context is run until all complete; the peak resident set (VmHWM) is
//    compared with the resident set before they started. `--cap N` sets
//    `rate_limit::max_in_flight` (calls beyond N wait at the client's gate); without it every call
//    opens its own connection (raise `ulimit -n` and the server's worker_connections).
//
// Prints one JSON line per measurement; exits non-zero when a call fails.

#include <superoffice/erpsync.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <new>
#include <string>

// ---- counting allocator -------------------------------------------------------------------------

namespace {
std::atomic<std::uint64_t> g_allocs{0};
std::atomic<std::uint64_t> g_bytes{0};

void* counted(std::size_t n) {
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(n, std::memory_order_relaxed);
    return std::malloc(n == 0 ? 1 : n);
}

void* counted_aligned(std::size_t n, std::align_val_t al) {
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(n, std::memory_order_relaxed);
    auto const a = static_cast<std::size_t>(al);
    return std::aligned_alloc(a, (n + a - 1) / a * a);
}
} // namespace

void* operator new(std::size_t n) {
    if (void* p = counted(n))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = counted(n))
        return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, std::nothrow_t const&) noexcept {
    return counted(n);
}
void* operator new[](std::size_t n, std::nothrow_t const&) noexcept {
    return counted(n);
}
void* operator new(std::size_t n, std::align_val_t a) {
    if (void* p = counted_aligned(n, a))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
    if (void* p = counted_aligned(n, a))
        return p;
    throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete[](void* p) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::align_val_t) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete[](void* p, std::align_val_t) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}
[[gnu::noinline]] void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}

// ---- the benchmark ------------------------------------------------------------------------------

namespace {

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

struct counts {
    std::uint64_t allocs, bytes;
};
counts now_counts() {
    return {g_allocs.load(), g_bytes.load()};
}

// kB from /proc/self/status
long status_kb(char const* key) {
    std::ifstream f("/proc/self/status");
    std::string line;
    std::size_t const n = std::strlen(key);
    while (std::getline(f, line))
        if (line.compare(0, n, key) == 0 && line.size() > n && line[n] == ':')
            return std::atol(line.c_str() + n + 1);
    return -1;
}

erp::force_resync_request make_request(int first) {
    erp::force_resync_request r;
    r.ErpConnectionId = 1;
    for (int i = 0; i < 100; ++i)
        r.InternalKeyIds.push_back(first + i);
    return r;
}

struct settings {
    std::string url, user, password;
    std::size_t calls = 20000, warmup = 2000, in_flight = 10000, cap = 0;
};

erp::client_config config(settings const& s) {
    erp::client_config cfg;
    cfg.base_url = s.url;
    if (!s.user.empty())
        cfg.auth = erp::credentials::basic(s.user, s.password);
    cfg.retry = erp::retry_policy::none();
    cfg.threading = erp::call_threading::single_threaded; // every io_context here runs on this thread
    return cfg;
}

int failures = 0;

// Callback completion: a chain of calls, each started from the previous one's handler.
struct chain {
    erp::client& c;
    erp::force_resync_request const& req;
    std::size_t left;
    void start() {
        c.async_force_resync_no_blank_values(req, [this](erp::error_code ec, erp::plugin_response) {
            if (ec) {
                std::cerr << "call failed: " << ec.message() << '\n';
                ++failures;
                return;
            }
            if (--left > 0)
                start();
        });
    }
};

void print_steady(char const* completion, counts before, counts after, std::size_t calls) {
    auto const a = double(after.allocs - before.allocs) / double(calls);
    auto const b = double(after.bytes - before.bytes) / double(calls);
    std::printf("{\"measure\":\"steady_state\",\"completion\":\"%s\",\"calls\":%zu,\"allocs_per_call\":%.2f,"
                "\"bytes_per_call\":%.0f}\n",
                completion, calls, a, b);
}

void steady_callback(settings const& s) {
    asio::io_context io(1);
    erp::client c(io, config(s));
    auto const req = make_request(1);
    chain warm{c, req, s.warmup};
    warm.start();
    io.run();
    io.restart();
    auto const before = now_counts();
    chain timed{c, req, s.calls};
    timed.start();
    io.run();
    auto const after = now_counts();
    print_steady("callback", before, after, s.calls);
    if (c.connections_opened() != 1) {
        std::cerr << "expected one keep-alive connection, opened " << c.connections_opened() << '\n';
        ++failures;
    }
}

asio::awaitable<void> loop(erp::client& c, erp::force_resync_request const& req, std::size_t n,
                           counts* before) {
    for (std::size_t i = 0; i < n; ++i) {
        auto [ec, r] = co_await c.async_force_resync_no_blank_values(req, asio::as_tuple(asio::deferred));
        (void)r;
        if (ec) {
            std::cerr << "call failed: " << ec.message() << '\n';
            ++failures;
            co_return;
        }
    }
    if (before)
        *before = now_counts();
}

void steady_coroutine(settings const& s) {
    asio::io_context io(1);
    erp::client c(io, config(s));
    auto const req = make_request(1);
    counts before{};
    // warm-up and timed run in one coroutine, so its frame is not counted
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            co_await loop(c, req, s.warmup, &before);
            co_await loop(c, req, s.calls, nullptr);
        },
        asio::detached);
    io.run();
    auto const after = now_counts();
    print_steady("co_await", before, after, s.calls);
}

void in_flight(settings const& s) {
    asio::io_context io(1);
    auto cfg = config(s);
    cfg.max_idle_connections = s.cap ? s.cap : 64;
    cfg.limit.max_in_flight = s.cap;
    cfg.timeout = std::chrono::seconds(60);
    erp::client c(io, cfg);
    std::vector<erp::force_resync_request> reqs;
    reqs.reserve(s.in_flight);
    for (std::size_t i = 0; i < s.in_flight; ++i)
        reqs.push_back(make_request(static_cast<int>(i) * 100));
    long const rss_before = status_kb("VmRSS");
    auto const before = now_counts();
    std::size_t done = 0, peak_in_flight = 0;
    for (auto const& r : reqs)
        c.async_force_resync_no_blank_values(r, [&](erp::error_code ec, erp::plugin_response) {
            if (ec && failures++ < 5)
                std::cerr << "call failed: " << ec.message() << '\n';
            ++done;
        });
    long const rss_started = status_kb("VmRSS");
    // run until every call completed, noting the peak of calls inside the gate
    while (done < s.in_flight && io.run_one())
        peak_in_flight = std::max(peak_in_flight, c.calls_in_flight());
    auto const after = now_counts();
    long const hwm = status_kb("VmHWM");
    std::printf(
        "{\"measure\":\"in_flight\",\"calls\":%zu,\"cap\":%zu,\"completed\":%zu,\"connections\":%zu,"
        "\"rss_before_kb\":%ld,\"rss_all_started_kb\":%ld,\"peak_rss_kb\":%ld,\"peak_minus_before_kb\":%ld,"
        "\"allocs_per_call\":%.2f}\n",
        s.in_flight, s.cap, done, c.connections_opened(), rss_before, rss_started, hwm, hwm - rss_before,
        double(after.allocs - before.allocs) / double(s.in_flight));
}

} // namespace

int main(int argc, char** argv) {
    settings s;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--url")
            s.url = value();
        else if (a == "--user")
            s.user = value();
        else if (a == "--password")
            s.password = value();
        else if (a == "--calls")
            s.calls = std::stoul(value());
        else if (a == "--warmup")
            s.warmup = std::stoul(value());
        else if (a == "--in-flight")
            s.in_flight = std::stoul(value());
        else if (a == "--cap")
            s.cap = std::stoul(value());
        else {
            std::cerr
                << "usage: erpsync_bench_memory --url URL [--user U --password P] [--calls N] [--warmup N]"
                   " [--in-flight N] [--cap N]\n";
            return 2;
        }
    }
    if (s.url.empty() || s.calls == 0 || s.warmup == 0) {
        std::cerr << "--url is required; --calls and --warmup must be positive\n";
        return 2;
    }
    steady_callback(s);
    steady_coroutine(s);
    if (s.in_flight)
        in_flight(s);
    return failures ? 1 : 0;
}
