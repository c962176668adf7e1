//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_IMPL_CONNECTION_POOL_IPP
#define SO_ERPSYNC_IMPL_CONNECTION_POOL_IPP

// `client_state`, out of line: included by `detail/connection_pool.hpp` in header-only builds,
// compiled once by `superoffice/erpsync/src.hpp` with SO_ERPSYNC_SEPARATE_COMPILATION.

#include <superoffice/erpsync/detail/connection_pool.hpp>
#include <superoffice/erpsync/detail/retry.hpp>
#include <superoffice/erpsync/error.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/detail/concurrency_hint.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/strand.hpp>
#if !defined(BOOST_ASIO_HAS_IOCP)
#include <boost/asio/detail/scheduler.hpp>
#endif

#include <chrono>
#include <memory>
#include <mutex>
#include <utility>

SO_ERPSYNC_DECL
superoffice::erpsync::detail::client_state::client_state(boost::asio::any_io_executor e, client_config c,
                                                         std::shared_ptr<limiter> shared_limits)
    : ex(std::move(e)), cfg(std::move(c)),
      limits_owner(shared_limits ? std::move(shared_limits) : std::make_shared<limiter>(cfg.limit)),
      limits(*limits_owner), deadlines(std::make_shared<deadline_watch>(ex)) {
    pc = prepare_config(cfg);
    on_strands_ = cfg.threading == call_threading::strands ||
                  (cfg.threading == call_threading::automatic && !runs_on_one_thread(ex));
    for (auto& s : strands)
        s = on_strands_ ? make_call_strand(ex) : ex;
    if (!pc.error && pc.endpoint.tls)
        make_tls_context();
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::client_state::make_tls_context() {
    namespace ssl = boost::asio::ssl;
    if (cfg.tls.context) {
        ssl_ctx = cfg.tls.context;
        return;
    }
    ssl_ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    boost::system::error_code ec;
    ssl_ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                             ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1,
                         ec);
    if (!cfg.tls.verify) {
        ssl_ctx->set_verify_mode(ssl::verify_none, ec);
        return;
    }
    ssl_ctx->set_verify_mode(ssl::verify_peer, ec);
    auto fail = [&](char const* what) {
        pc.error = error::tls_handshake_failed;
        pc.error_diag.client_message = what;
        pc.error_diag.underlying = ec;
    };
    if (!cfg.tls.ca_file.empty() && ssl_ctx->load_verify_file(cfg.tls.ca_file, ec))
        return fail("could not load tls_options::ca_file");
    if (!cfg.tls.ca_path.empty() && ssl_ctx->add_verify_path(cfg.tls.ca_path, ec))
        return fail("could not use tls_options::ca_path");
    if (!cfg.tls.ca_pem.empty() &&
        ssl_ctx->add_certificate_authority(boost::asio::buffer(cfg.tls.ca_pem), ec))
        return fail("could not load tls_options::ca_pem");
    if (cfg.tls.ca_file.empty() && cfg.tls.ca_path.empty() && cfg.tls.ca_pem.empty() &&
        ssl_ctx->set_default_verify_paths(ec))
        return fail("could not load the system's trust store");
}

SO_ERPSYNC_DECL std::unique_ptr<superoffice::erpsync::detail::connection>
superoffice::erpsync::detail::client_state::take_idle() {
    std::unique_lock lock(m);
    while (!idle.empty()) {
        auto c = std::move(idle.back());
        idle.pop_back();
        if (c->alive()) {
            c->reused = true;
            return c;
        }
        c->close();
    }
    return nullptr;
}

SO_ERPSYNC_DECL std::unique_ptr<superoffice::erpsync::detail::connection>
superoffice::erpsync::detail::client_state::make_connection(boost::asio::any_io_executor const& io_ex) {
    ++connections_opened;
    return std::make_unique<connection>(io_ex, pc.endpoint.tls ? ssl_ctx.get() : nullptr);
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::client_state::put_idle(std::unique_ptr<connection> c) {
    std::unique_lock lock(m);
    if (idle.size() < cfg.max_idle_connections) {
        c->idle_since = std::chrono::steady_clock::now();
        idle.push_back(std::move(c));
    } else
        c->close();
}

SO_ERPSYNC_DECL std::size_t superoffice::erpsync::detail::client_state::idle_count() const {
    std::unique_lock lock(m);
    return idle.size();
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::client_state::close_idle() {
    std::unique_lock lock(m);
    for (auto& c : idle)
        c->close();
    idle.clear();
}

SO_ERPSYNC_DECL bool superoffice::erpsync::detail::client_state::load_endpoints(
    boost::asio::ip::tcp::resolver::results_type& out) const {
    std::unique_lock lock(m);
    if (!endpoints)
        return false;
    out = *endpoints;
    return true;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::client_state::set_endpoints(
    std::optional<boost::asio::ip::tcp::resolver::results_type> e) {
    std::unique_lock lock(m);
    endpoints = std::move(e);
}

SO_ERPSYNC_DECL superoffice::erpsync::detail::client_state::call_buffers
superoffice::erpsync::detail::client_state::take_buffers() {
    std::unique_lock lock(m);
    if (spare.empty())
        return {};
    auto b = std::move(spare.back());
    spare.pop_back();
    return b;
}

SO_ERPSYNC_DECL void superoffice::erpsync::detail::client_state::give_buffers(call_buffers&& b) {
    constexpr std::size_t keep_below = 256 * 1024; // large ones are not hoarded
    if (b.head.capacity() > keep_below || b.body.capacity() > keep_below ||
        b.response.capacity() > keep_below)
        return;
    std::unique_lock lock(m);
    if (spare.size() < 64)
        spare.push_back(std::move(b));
}

SO_ERPSYNC_DECL boost::asio::any_io_executor
superoffice::erpsync::detail::client_state::make_call_strand(boost::asio::any_io_executor const& ex) {
    if (auto const* io = ex.target<boost::asio::io_context::executor_type>())
        return boost::asio::make_strand(*io);
    return boost::asio::make_strand(ex);
}

SO_ERPSYNC_DECL bool
superoffice::erpsync::detail::client_state::runs_on_one_thread(boost::asio::any_io_executor const& ex) {
#if defined(BOOST_ASIO_HAS_IOCP)
    (void)ex;
    return false; // the hint is not kept on Windows' completion port
#else
    namespace asio = boost::asio;
    using tracked = decltype(asio::prefer(std::declval<asio::io_context::executor_type>(),
                                          asio::execution::outstanding_work.tracked));
    asio::io_context* ctx = nullptr;
    if (auto const* io = ex.target<asio::io_context::executor_type>())
        ctx = &io->context();
    else if (auto const* t = ex.target<tracked>())
        ctx = &t->context();
    if (!ctx)
        return false;
    int const hint = asio::use_service<asio::detail::scheduler>(*ctx).concurrency_hint();
    // An "unsafe" hint (no locking in the scheduler or in the reactor's I/O), with which Asio
    // requires one thread at a time. Not 1: with it the io_context "still provides full thread
    // safety" (Asio's documentation, Concurrency Hints), so a pool of threads may run it.
    return !BOOST_ASIO_CONCURRENCY_HINT_IS_LOCKING(SCHEDULER, hint) ||
           !BOOST_ASIO_CONCURRENCY_HINT_IS_LOCKING(REACTOR_IO, hint);
#endif
}

SO_ERPSYNC_DECL std::chrono::steady_clock::duration
superoffice::erpsync::detail::client_state::backoff(unsigned attempt) {
    std::unique_lock lock(m);
    return backoff_delay(cfg.retry, attempt, rng);
}

#endif
