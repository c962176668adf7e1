//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// A logging adapter for spdlog: the client's log records (`client_config::log`, a plain function
// taking `log_record`) written to an spdlog logger, levels mapped one to one. Secrets never reach
// the records (credentials' headers are redacted by the client before a record is made), so the
// adapter needs no filtering of its own.
//
//   spdlog_logging      calls the in-process sandbox with the adapter at debug level, writing to
//                       stderr and to a buffer; exit status 0 when the buffer holds the calls'
//                       records and not the password.
//
// Built when spdlog is found (Debian: libspdlog-dev).

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

namespace {

spdlog::level::level_enum to_spdlog(erp::log_level l) {
    switch (l) {
    case erp::log_level::debug:
        return spdlog::level::debug;
    case erp::log_level::info:
        return spdlog::level::info;
    case erp::log_level::warning:
        return spdlog::level::warn;
    case erp::log_level::error:
        break;
    }
    return spdlog::level::err;
}

/// The adapter: an `erp::logger` writing every record at or above `min_level` to `log`, as
/// `<Operation> <event> attempt N [HTTP status] <latency> ms [error] [message]`. The logger is
/// shared: records come from the threads running the client's calls (spdlog loggers are
/// thread-safe with the `_mt` sinks).
erp::logger spdlog_adapter(std::shared_ptr<spdlog::logger> log, erp::log_level min_level) {
    erp::logger l;
    l.min_level = min_level;
    l.sink = [log = std::move(log)](erp::log_record const& r) {
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(r.latency).count();
        log->log(to_spdlog(r.level), "{} {} attempt {}{}{} {} ms{}{}{}{}", r.operation, r.event, r.attempt,
                 r.http_status ? " HTTP " : "", r.http_status ? std::to_string(r.http_status) : std::string(), ms,
                 r.ec ? " " : "", r.ec ? r.ec.message() : std::string(), r.message.empty() ? "" : ": ",
                 r.message);
    };
    return l;
}

} // namespace

int main() {
    erp::sandbox::server sandbox;

    std::ostringstream buffer;
    auto buffer_sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(buffer);
    auto stderr_sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    auto log = std::make_shared<spdlog::logger>("erpsync", spdlog::sinks_init_list{buffer_sink, stderr_sink});
    log->set_level(spdlog::level::debug);

    erp::client_config cfg;
    cfg.base_url = sandbox.base_url();
    cfg.auth = erp::credentials::basic("sandbox", "sandbox");
    cfg.log = spdlog_adapter(log, erp::log_level::debug);

    asio::io_context io;
    erp::client client(io, cfg);
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            erp::force_resync_request resync;
            resync.ErpConnectionId = 1;
            resync.InternalKeyIds = {1};
            co_await client.async_force_resync(resync, asio::as_tuple(asio::deferred));
            co_await client.async_get_engine_status(asio::as_tuple(asio::deferred));
        },
        [](std::exception_ptr e) {
            if (e)
                std::rethrow_exception(e);
        });
    io.run();
    log->flush();

    std::string const text = buffer.str();
    bool const has_records = text.find("ForceResync completed attempt 1 HTTP 200") != std::string::npos &&
                             text.find("GetEngineStatus completed") != std::string::npos;
    bool const no_secret = text.find("c2FuZGJveDpzYW5kYm94") == std::string::npos; // base64 of sandbox:sandbox
    std::cout << (has_records && no_secret ? "The calls were logged through spdlog, without the password.\n"
                                           : "The spdlog log is not as expected.\n");
    return has_records && no_secret ? 0 : 1;
}
