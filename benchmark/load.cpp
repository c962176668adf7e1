//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// erpsync_bench_load: the load driver. One thread, one io_context, one client; N coroutines each
// call ForceResyncNoBlankValues (a request of --ids internal key ids) in a loop, on a pool of N
// keep-alive connections, for --warmup seconds (not measured) and then --duration seconds.
//
//   erpsync_bench_load --url http://127.0.0.1:PORT/Cust1 [--user U --password P]
//                      [--connections N] [--duration S] [--warmup S] [--ids K] [--erp-connection-id C]
//
// Prints one line of JSON on stdout:
//   {"tool":"erpsync","connections":N,"requests":R,"errors":E,"seconds":S,"rps":X,"p50_us":A,"p99_us":B}
//
// - requests: calls that completed, without error, inside the measured window (warm-up excluded);
//   seconds is the length of that window, rps = requests / seconds.
// - errors: calls of the whole run (warm-up included) that completed with any error_code, plus
//   those still in flight at the hard stop: transport failures, timeouts, HTTP statuses other
//   than 2xx, undecodable bodies, the agent's error object. Retries are off (retry_policy::none()), so every
//   failure counts. A PluginResponse with IsOk == false is NOT an error: the server answered, and the sandbox
//   answers IsOk false for unknown keys (counted apart, on stderr, as "plugin_not_ok").
// - on stderr, cpu_us_per_request: the client's CPU time (user + system, getrusage) spent inside
//   the window, divided by requests.
// - p50_us / p99_us: latency of the successful calls of the window, from the call to its
//   completion (steady_clock), in microseconds, from a fixed log-linear histogram (128 linear
//   sub-buckets per power of two: within 0.8 %), allocated before the run.
//
// Exits 1 when errors > 0 or requests == 0, 2 on bad arguments. Stops by itself: warm-up plus
// duration at most 120 s, and a hard stop of the io_context 10 s after the window ends.

#include <superoffice/erpsync.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <sys/resource.h>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;
using clock_type = std::chrono::steady_clock;

namespace {

/// A fixed log-linear latency histogram in nanoseconds (HdrHistogram's layout with 7 bits of
/// sub-bucket precision): values below 256 ns exactly, above that 128 buckets per power of two,
/// up to 2^41 ns (~37 min). No allocation after construction.
class histogram {
    static constexpr int sub_bits = 7;
    static constexpr std::uint64_t sub_count = std::uint64_t{1} << sub_bits; // 128
    static constexpr int max_msb = 40;
    static constexpr std::size_t bucket_count = 2 * sub_count + (max_msb - sub_bits) * sub_count;

public:
    void record(std::uint64_t ns) noexcept {
        ++counts_[index(ns)];
        ++total_;
    }

    std::uint64_t count() const noexcept { return total_; }

    /// The value (ns) at or below which `p` percent of the recorded values lie: the middle of the
    /// bucket holding the ceil(p/100 * count)-th value, as wrk's percentile() picks a rank.
    double percentile(double p) const noexcept {
        if (total_ == 0)
            return 0;
        auto rank = static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(total_)));
        if (rank == 0)
            rank = 1;
        std::uint64_t seen = 0;
        for (std::size_t i = 0; i < bucket_count; ++i) {
            seen += counts_[i];
            if (seen >= rank)
                return middle(i);
        }
        return middle(bucket_count - 1);
    }

private:
    static std::size_t index(std::uint64_t v) noexcept {
        if (v < 2 * sub_count)
            return static_cast<std::size_t>(v);
        int msb = std::bit_width(v) - 1; // >= sub_bits + 1
        if (msb > max_msb) {
            msb = max_msb;
            v = (std::uint64_t{2} << max_msb) - 1;
        }
        int const shift = msb - sub_bits;
        std::uint64_t const sub = (v >> shift) - sub_count; // 0 .. sub_count-1
        return static_cast<std::size_t>(2 * sub_count +
                                        static_cast<std::uint64_t>(msb - sub_bits - 1) * sub_count + sub);
    }

    static double middle(std::size_t i) noexcept {
        if (i < 2 * sub_count)
            return static_cast<double>(i);
        std::size_t const j = i - 2 * sub_count;
        int const msb = static_cast<int>(j / sub_count) + sub_bits + 1;
        int const shift = msb - sub_bits;
        std::uint64_t const low = (sub_count + j % sub_count) << shift;
        return static_cast<double>(low) + static_cast<double>(std::uint64_t{1} << shift) / 2.0;
    }

    std::array<std::uint64_t, bucket_count> counts_{};
    std::uint64_t total_ = 0;
};

struct settings {
    std::string url;
    std::string user, password;
    bool basic = false;
    std::size_t connections = 1;
    double duration = 10;
    double warmup = 1;
    std::size_t ids = 100;
    std::int32_t erp_connection_id = 0;
};

struct results {
    histogram latency;
    std::uint64_t requests = 0; // successful calls completed inside the window
    std::uint64_t errors = 0;   // failed calls, whenever they completed
    std::uint64_t not_ok = 0;   // IsOk == false answers inside the window
    erp::error_code first_error{};
    std::string first_error_detail;
};

/// CPU time (user + system) this process has used so far.
std::chrono::microseconds cpu_used() noexcept {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    auto us = [](timeval const& t) {
        return std::chrono::seconds(t.tv_sec) + std::chrono::microseconds(t.tv_usec);
    };
    return us(u.ru_utime) + us(u.ru_stime);
}

struct window {
    clock_type::time_point begin; // measurement starts
    clock_type::time_point end;   // no call starts at or after this
};

/// One of the N callers: calls until the window ends; the last one to stop cancels the hard stop.
/// The request and the diagnostics are the coroutine's own, made before the loop; nothing of ours
/// allocates per call.
asio::awaitable<void> caller(erp::client& c, settings const& s, window const& w, results& out,
                             std::size_t& running, asio::steady_timer& hard_stop) {
    erp::force_resync_request req;
    req.ErpConnectionId = s.erp_connection_id;
    req.InternalKeyIds.reserve(s.ids);
    for (std::size_t i = 0; i < s.ids; ++i)
        req.InternalKeyIds.push_back(static_cast<std::int32_t>(i + 1));
    erp::diagnostics diag;
    erp::call_options opts;
    opts.diag = &diag;
    auto token = asio::as_tuple(asio::use_awaitable);
    for (;;) {
        auto const t0 = clock_type::now();
        if (t0 >= w.end)
            break;
        auto [ec, r] = co_await c.async_force_resync_no_blank_values(req, opts, token);
        auto const t1 = clock_type::now();
        if (ec) {
            ++out.errors; // whenever it happens, warm-up and after the window included: never hidden
            if (!out.first_error) {
                out.first_error = ec;
                out.first_error_detail = diag.to_string();
            }
            continue;
        }
        if (t1 < w.begin || t1 > w.end)
            continue;
        ++out.requests;
        if (!r.IsOk)
            ++out.not_ok;
        out.latency.record(static_cast<std::uint64_t>(std::chrono::nanoseconds(t1 - t0).count()));
    }
    if (--running == 0)
        hard_stop.cancel();
}

[[noreturn]] void usage(std::string_view why) {
    std::cerr << "erpsync_bench_load: " << why
              << "\nusage: erpsync_bench_load --url BASE_URL [--user U --password P] [--connections N]\n"
                 "                          [--duration S] [--warmup S] [--ids K] [--erp-connection-id C]\n";
    std::exit(2);
}

settings parse(int argc, char** argv) {
    settings s;
    bool have_user = false, have_password = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view const a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                usage(std::string(a) + " needs a value");
            return argv[++i];
        };
        auto number = [&](double lo, double hi) {
            std::string const v = value();
            char* end = nullptr;
            double const d = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || !(d >= lo && d <= hi))
                usage(std::string(a) + " must be a number in [" + std::to_string(lo) + ", " +
                      std::to_string(hi) + "]");
            return d;
        };
        if (a == "--url") {
            s.url = value();
        } else if (a == "--user") {
            s.user = value();
            have_user = true;
        } else if (a == "--password") {
            s.password = value();
            have_password = true;
        } else if (a == "--connections") {
            s.connections = static_cast<std::size_t>(number(1, 10000));
        } else if (a == "--duration") {
            s.duration = number(0.1, 120);
        } else if (a == "--warmup") {
            s.warmup = number(0, 60);
        } else if (a == "--ids") {
            s.ids = static_cast<std::size_t>(number(0, 100000));
        } else if (a == "--erp-connection-id") {
            s.erp_connection_id = static_cast<std::int32_t>(number(0, 2147483647));
        } else if (a == "--help" || a == "-h") {
            usage("help");
        } else {
            usage("unknown option " + std::string(a));
        }
    }
    if (s.url.empty())
        usage("--url is required");
    if (have_user != have_password)
        usage("--user and --password go together");
    s.basic = have_user;
    if (s.warmup + s.duration > 120)
        usage("--warmup plus --duration must be at most 120 seconds");
    return s;
}

} // namespace

int main(int argc, char** argv) {
    settings const s = parse(argc, argv);

    asio::io_context io(1);
    erp::client_config cfg;
    cfg.base_url = s.url;
    if (s.basic)
        cfg.auth = erp::credentials::basic(s.user, s.password);
    cfg.max_idle_connections = s.connections;
    cfg.threading = erp::call_threading::single_threaded; // this thread alone runs `io`
    cfg.retry = erp::retry_policy::none();
    cfg.timeout = std::chrono::seconds(10);
    erp::client c(io, cfg);
    erp::diagnostics cd;
    if (auto ec = c.config_error(&cd)) {
        std::cerr << "erpsync_bench_load: " << ec.message() << " (" << cd.to_string() << ")\n";
        return 2;
    }

    auto const seconds = [](double x) {
        return std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(x));
    };
    results out; // the histogram lives here, allocated once
    auto const start = clock_type::now();
    window const w{start + seconds(s.warmup), start + seconds(s.warmup + s.duration)};

    // The hard stop: calls still in flight 10 s after the window (the client's timeout) are not
    // waited for.
    bool hard_stopped = false;
    asio::steady_timer hard_stop(io, w.end + std::chrono::seconds(10));
    hard_stop.async_wait([&](erp::error_code ec) {
        if (!ec) {
            hard_stopped = true;
            io.stop();
        }
    });
    // The client's CPU time inside the window (getrusage at its start and end), for the CPU cost
    // of a call: the server runs in another process, so this is the client's alone.
    std::chrono::microseconds cpu_begin{}, cpu_end{};
    asio::steady_timer window_begin(io, w.begin), window_end(io, w.end);
    window_begin.async_wait([&](erp::error_code) { cpu_begin = cpu_used(); });
    window_end.async_wait([&](erp::error_code) { cpu_end = cpu_used(); });
    std::size_t running = s.connections;
    for (std::size_t i = 0; i < s.connections; ++i)
        asio::co_spawn(io, caller(c, s, w, out, running, hard_stop), asio::detached);
    io.run();

    if (hard_stopped)
        out.errors += running; // calls that never completed
    double const secs = std::chrono::duration<double>(w.end - w.begin).count();
    double const rps = secs > 0 ? static_cast<double>(out.requests) / secs : 0.0;
    std::printf(
        "{\"tool\":\"erpsync\",\"connections\":%zu,\"requests\":%llu,\"errors\":%llu,\"seconds\":%.3f,"
        "\"rps\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f}\n",
        s.connections, static_cast<unsigned long long>(out.requests),
        static_cast<unsigned long long>(out.errors), secs, rps, out.latency.percentile(50) / 1000.0,
        out.latency.percentile(99) / 1000.0);
    std::fflush(stdout);
    double const cpu_us = static_cast<double>((cpu_end - cpu_begin).count());
    std::fprintf(stderr, "erpsync_bench_load: cpu_us_per_request %.1f (cpu %.3f s in the window)\n",
                 out.requests ? cpu_us / static_cast<double>(out.requests) : 0.0, cpu_us / 1e6);
    std::cerr << "erpsync_bench_load: plugin_not_ok " << out.not_ok << ", connections opened "
              << c.connections_opened();
    if (hard_stopped)
        std::cerr << ", hard stop with " << running << " calls in flight";
    if (out.first_error)
        std::cerr << ", first error: " << out.first_error.message() << " (" << out.first_error_detail << ")";
    std::cerr << '\n';
    return out.errors > 0 || out.requests == 0 ? 1 : 0;
}
