//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_SERVER_IPP
#define SO_ERPSYNC_SANDBOX_IMPL_SERVER_IPP

/// @file
/// The sandbox server (see `sandbox/server.hpp`). Compiled once, in the sandbox library.

#include <superoffice/erpsync/sandbox/impl/server_impl.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>

namespace superoffice::erpsync::sandbox {

void fault_options::validate() const {
    double sum = 0;
    for (auto [name, rate] :
         {std::pair{"refuse_connection", refuse_connection}, std::pair{"status_429", status_429},
          std::pair{"status_503", status_503}, std::pair{"status_500", status_500},
          std::pair{"status_502", status_502}, std::pair{"status_504", status_504}, std::pair{"stall", stall},
          std::pair{"reset_mid_response", reset_mid_response}, std::pair{"truncated_body", truncated_body}}) {
        if (!std::isfinite(rate) || rate < 0 || rate > 1)
            throw std::invalid_argument(std::string("fault_options: ") + name + " must be in [0, 1], not " +
                                        std::to_string(rate));
        sum += rate;
    }
    if (sum > 1 + 1e-9)
        throw std::invalid_argument("fault_options: the rates add up to " + std::to_string(sum) +
                                    ", more than 1");
    if (retry_after.count() < 0 || stall_for.count() < 0)
        throw std::invalid_argument("fault_options: retry_after and stall_for must not be negative");
}

std::string http_date(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    static constexpr char const* week[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr char const* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto const secs = floor<seconds>(t);
    auto const day = floor<days>(secs);
    year_month_day const ymd{day};
    hh_mm_ss const hms{secs - day};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d GMT", week[weekday(day).c_encoding()],
                  static_cast<unsigned>(ymd.day()), months[static_cast<unsigned>(ymd.month()) - 1],
                  static_cast<int>(ymd.year()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
}

server::server(options opt, seed const& data) : impl_(std::make_unique<impl>(std::move(opt), data)) {}
server::~server() = default;
void server::stop() {
    impl_->stop();
}
std::uint16_t server::port() const noexcept {
    return impl_->port();
}
std::string server::base_url() const {
    return impl_->base_url();
}
std::size_t server::connections_accepted() const noexcept {
    return impl_->connections_accepted();
}
std::size_t server::requests_served() const noexcept {
    return impl_->requests_served();
}
fault_counts server::faults_injected() const noexcept {
    return impl_->faults_injected();
}
std::size_t server::capacity_refusals() const noexcept {
    return impl_->capacity_refusals_;
}
std::size_t server::requests_in_flight() const noexcept {
    return impl_->in_flight_;
}
std::size_t server::peak_requests_in_flight() const noexcept {
    return impl_->peak_in_flight_;
}
bool server::online_enabled() const noexcept {
    return impl_->online_ != nullptr;
}
namespace {
online_service& online_of(server::impl& i) {
    if (!i.online_)
        throw std::logic_error("sandbox::server: the Online emulation is off (options::online.enabled)");
    return *i.online_;
}
} // namespace
std::string server::environment_url() const {
    return online_of(*impl_).environment_url();
}
std::uint16_t server::environment_port() const {
    online_of(*impl_);
    return impl_->environment_port_;
}
std::size_t server::tenant_host_count() const {
    online_of(*impl_);
    return impl_->more_hosts_.size() + 1;
}
std::uint16_t server::tenant_host_port(std::size_t i) const {
    online_of(*impl_);
    if (i == 0)
        return impl_->port_;
    if (i > impl_->more_hosts_.size())
        throw std::out_of_range("sandbox::server: no tenant host " + std::to_string(i));
    return impl_->more_hosts_[i - 1]->local_endpoint().port();
}
std::string server::tenant_host_url(std::size_t i) const {
    return impl_->root_url(tenant_host_port(i)) + impl_->opt_.base_path;
}
std::string server::context_identifier() const {
    return online_of(*impl_).context_identifier();
}
void server::set_tenant_state(tenant_state s) {
    online_of(*impl_).set_state(s);
}
tenant_state server::current_tenant_state() const {
    return online_of(*impl_).state();
}
void server::move_tenant(std::size_t i) {
    online_of(*impl_).move_tenant(i);
}
std::size_t server::current_tenant_host() const {
    return online_of(*impl_).current_host();
}
void server::expire_tickets() {
    online_of(*impl_).expire_tickets();
}
online_counts server::online_counters() const {
    return online_of(*impl_).counters();
}
std::mutex& server::state_mutex() noexcept {
    return impl_->mutex_;
}
emulator& server::state() noexcept {
    return impl_->emu_;
}

} // namespace superoffice::erpsync::sandbox

#endif
