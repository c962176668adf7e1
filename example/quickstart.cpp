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

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

namespace {

template <class T>
void print(char const* what, T const& value) {
    std::cout << what << ": " << erp::to_json(value).value() << '\n';
}

void print_error(char const* what, erp::error_code ec, erp::diagnostics const& diag) {
    std::cout << what << " failed: " << ec.message() << " (" << diag.to_string() << ")\n";
}

asio::awaitable<int> run(erp::client& c) {
    int failures = 0;
    erp::diagnostics diag;
    erp::call_options opts;
    opts.diag = &diag;
    opts.accept_language = "en";

    // GetEngineStatus: no request body.
    auto [ec1, status] = co_await c.async_get_engine_status(opts, asio::as_tuple(asio::deferred));
    if (ec1)
        ++failures, print_error("GetEngineStatus", ec1, diag);
    else
        print("GetEngineStatus", status);

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
    auto [ec2] = co_await c.async_connect_actor(link, opts, asio::as_tuple(asio::deferred));
    if (ec2)
        ++failures, print_error("ConnectActor", ec2, diag);
    else
        std::cout << "ConnectActor: linked\n";

    // ForceResync and ForceResyncNoBlankValues by internal key id, from connection 1.
    erp::force_resync_request by_id;
    by_id.ErpConnectionId = 1;
    by_id.InternalKeyIds = {1, 2};
    auto [ec3, r3] = co_await c.async_force_resync(by_id, opts, asio::as_tuple(asio::deferred));
    if (ec3)
        ++failures, print_error("ForceResync", ec3, diag);
    else
        print("ForceResync", r3);
    auto [ec4, r4] =
        co_await c.async_force_resync_no_blank_values(by_id, opts, asio::as_tuple(asio::deferred));
    if (ec4)
        ++failures, print_error("ForceResyncNoBlankValues", ec4, diag);
    else
        print("ForceResyncNoBlankValues", r4);

    // ForceResyncExternal and ForceResyncExternalNoBlankValues by ERP key.
    erp::force_resync_external_request by_key;
    by_key.ErpConnectionId = 1;
    by_key.ErpActorType = erp::erp_actor_type::Customer;
    by_key.ExternalKeys = {"C-1001", "C-1002"};
    auto [ec5, r5] = co_await c.async_force_resync_external(by_key, opts, asio::as_tuple(asio::deferred));
    if (ec5)
        ++failures, print_error("ForceResyncExternal", ec5, diag);
    else
        print("ForceResyncExternal", r5);
    auto [ec6, r6] =
        co_await c.async_force_resync_external_no_blank_values(by_key, opts, asio::as_tuple(asio::deferred));
    if (ec6)
        ++failures, print_error("ForceResyncExternalNoBlankValues", ec6, diag);
    else
        print("ForceResyncExternalNoBlankValues", r6);

    // IsOk == false is data; check() turns it into an error with the agent's ErrorCode.
    erp::force_resync_external_request unknown = by_key;
    unknown.ExternalKeys = {"NO-SUCH-KEY"};
    auto [ec7, r7] = co_await c.async_force_resync_external(unknown, opts, asio::as_tuple(asio::deferred));
    if (ec7) {
        ++failures, print_error("ForceResyncExternal (unknown key)", ec7, diag);
    } else {
        erp::diagnostics why;
        auto failed = erp::check(r7, why);
        std::cout << "ForceResyncExternal (unknown key): " << failed.message() << ": " << why.to_string()
                  << '\n';
    }
    co_return failures;
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
