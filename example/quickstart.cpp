//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Quick start: calls every ErpSync operation the library has and prints what came back.
//
//   quickstart                              starts the sandbox in-process and uses it
//   quickstart URL USER PASSWORD            uses a real installation (Basic authentication)
//   quickstart URL --ticket TICKET APPTOKEN uses SOTicket + SO-AppToken (Online system user)
//
// Note for GCC 12: declare requests and options as variables before `co_await`; GCC 12
// miscompiles brace-initialised temporaries inside a co_await expression (clang is fine).

#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

namespace {

/// Prints the outcome of one call: its result as JSON, or the error with its diagnostics.
struct reporter {
    erp::diagnostics const& diag;
    int failures = 0;

    template <class... T>
    void operator()(char const* what, std::tuple<erp::error_code, T...> const& outcome) {
        if (auto const& ec = std::get<0>(outcome)) {
            ++failures;
            std::cout << what << " failed: " << ec.message() << " (" << diag.to_string() << ")\n";
        } else if constexpr (sizeof...(T) == 0) {
            std::cout << what << ": done\n";
        } else {
            std::cout << what << ": " << erp::to_json(std::get<1>(outcome)).value() << '\n';
        }
    }
};

asio::awaitable<int> run(erp::client& c) {
    erp::diagnostics diag;
    erp::call_options opts;
    opts.diag = &diag;
    opts.accept_language = "en";
    reporter report{diag};
    auto token = asio::as_tuple(asio::deferred);

    // GetEngineStatus: no request body.
    auto status = co_await c.async_get_engine_status(opts, token);
    report("GetEngineStatus", status);

    // ConnectActor: link CRM contact 12 to supplier S-2001 of connection 1 (204 No Content).
    erp::connect_actor_request link;
    link.ErpConnectionId = 1;
    link.CrmRecordId = 12;
    link.CrmActorType = erp::crm_actor_type::Contact;
    link.ErpKey = "S-2001";
    link.ErpActorType = erp::erp_actor_type::Supplier;
    erp::erp_sync_field_value phone;
    phone.CrmFieldKey = "phone";
    phone.Value = "+44 113 000 0000";
    phone.SyncToCrm = true;
    phone.SyncToErp = true;
    link.FieldValues.push_back(phone);
    auto linked = co_await c.async_connect_actor(link, opts, token);
    report("ConnectActor", linked);

    // ForceResync and ForceResyncNoBlankValues by internal key id, from connection 1.
    erp::force_resync_request by_id;
    by_id.ErpConnectionId = 1;
    by_id.InternalKeyIds = {1, 2};
    auto r1 = co_await c.async_force_resync(by_id, opts, token);
    report("ForceResync", r1);
    auto r2 = co_await c.async_force_resync_no_blank_values(by_id, opts, token);
    report("ForceResyncNoBlankValues", r2);

    // ForceResyncExternal and ForceResyncExternalNoBlankValues by ERP key.
    erp::force_resync_external_request by_key;
    by_key.ErpConnectionId = 1;
    by_key.ErpActorType = erp::erp_actor_type::Customer;
    by_key.ExternalKeys = {"C-1001", "C-1002"};
    auto r3 = co_await c.async_force_resync_external(by_key, opts, token);
    report("ForceResyncExternal", r3);
    auto r4 = co_await c.async_force_resync_external_no_blank_values(by_key, opts, token);
    report("ForceResyncExternalNoBlankValues", r4);

    // IsOk == false is data; check() turns it into an error with the agent's ErrorCode.
    erp::force_resync_external_request unknown = by_key;
    unknown.ExternalKeys = {"NO-SUCH-KEY"};
    auto r5 = co_await c.async_force_resync_external(unknown, opts, token);
    report("ForceResyncExternal (unknown key)", r5);
    if (!std::get<0>(r5)) {
        erp::diagnostics why;
        auto failed = erp::check(std::get<1>(r5), why);
        std::cout << "  check(): " << failed.message() << ": " << why.to_string() << '\n';
        if (!failed)
            ++report.failures; // the sandbox must refuse an unknown key
    }
    co_return report.failures;
}

} // namespace

int main(int argc, char** argv) {
    erp::client_config cfg;
    std::unique_ptr<erp::sandbox::server> sandbox;
    if (argc >= 4 && std::string(argv[2]) == "--ticket") {
        cfg.base_url = argv[1];
        cfg.auth = erp::credentials::so_ticket(argv[3]);
        if (argc >= 5)
            cfg.app_token = argv[4];
    } else if (argc >= 4) {
        cfg.base_url = argv[1];
        cfg.auth = erp::credentials::basic(argv[2], argv[3]);
    } else if (argc == 1) {
        sandbox = std::make_unique<erp::sandbox::server>();
        cfg.base_url = sandbox->base_url();
        cfg.auth = erp::credentials::basic("sandbox", "sandbox");
        std::cout << "Sandbox running at " << cfg.base_url << '\n';
    } else {
        std::cerr << "usage: " << argv[0] << " [URL USER PASSWORD | URL --ticket TICKET [APPTOKEN]]\n";
        return 2;
    }

    asio::io_context io;
    erp::client client(io, cfg);
    std::optional<int> failures;
    asio::co_spawn(io, run(client), [&](std::exception_ptr e, int n) {
        if (e)
            std::rethrow_exception(e);
        failures = n;
    });
    io.run();
    std::cout << (failures && *failures == 0 ? "All calls succeeded.\n" : "Some calls failed.\n");
    return failures && *failures == 0 ? 0 : 1;
}
