//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
// Testing your own code against the sandbox, with Boost.Test: each test case gets a fresh sandbox
// (the agent's behaviour with real state, on 127.0.0.1) and a client for it, runs the code under
// test, and checks the outcome through the same API. Build it like any Boost.Test program
// (link Boost::unit_test_framework and superoffice::erpsync_sandbox); run it with CTest.
//
// The code under test here is `link_and_resync`, what an ERP integration does when a new
// customer appears: link the CRM contact to the ERP customer, then resync it from the ERP.

#define BOOST_TEST_MODULE test_with_sandbox
#include <superoffice/erpsync.hpp>
#include <superoffice/erpsync/sandbox/server.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>

namespace asio = boost::asio;
namespace erp = superoffice::erpsync;

// ---- the code under test ------------------------------------------------------------------------

/// Links CRM contact `contact` to ERP customer `erp_key` on connection `connection` (created in the
/// ERP with the name `name` when the key is new) and resyncs it from the ERP; true when the agent
/// accepted the resync. Failures throw `error_with_diagnostics` (the default token).
asio::awaitable<bool> link_and_resync(erp::client& c, std::int32_t connection, std::int32_t contact,
                                      std::string erp_key, std::string name) {
    erp::connect_actor_request link;
    link.ErpConnectionId = connection;
    link.CrmRecordId = contact;
    link.CrmActorType = erp::crm_actor_type::Contact;
    link.ErpActorType = erp::erp_actor_type::Customer;
    link.ErpKey = erp_key;
    erp::erp_sync_field_value name_value; // the ERP's customers need a name
    name_value.CrmFieldKey = "name";
    name_value.Value = std::move(name);
    name_value.SyncToErp = true;
    link.FieldValues.push_back(name_value);
    co_await c.async_connect_actor(link);

    erp::force_resync_external_request resync;
    resync.ErpConnectionId = connection;
    resync.ErpActorType = erp::erp_actor_type::Customer;
    resync.ExternalKeys = {erp_key};
    auto answer = co_await c.async_force_resync_external(resync);
    co_return answer.IsOk;
}

// ---- the fixture: a sandbox and a client per test case -------------------------------------------

struct sandbox_fixture {
    erp::sandbox::server sandbox;
    asio::io_context io;
    erp::client client{io, config()};

    erp::client_config config() const {
        erp::client_config cfg;
        cfg.base_url = sandbox.base_url();
        cfg.auth = erp::credentials::basic("sandbox", "sandbox");
        return cfg;
    }

    /// Runs a coroutine to its end on the fixture's io_context; rethrows what it threw.
    template <class T>
    T run(asio::awaitable<T> work) {
        std::optional<T> result;
        std::exception_ptr error;
        asio::co_spawn(io, std::move(work), [&](std::exception_ptr e, T r) {
            error = e;
            if (!e)
                result = std::move(r);
        });
        io.restart();
        io.run();
        if (error)
            std::rethrow_exception(error);
        return std::move(*result);
    }
};

BOOST_FIXTURE_TEST_SUITE(link_and_resync_against_the_sandbox, sandbox_fixture)

BOOST_AUTO_TEST_CASE(a_new_customer_is_linked_and_resynced) {
    BOOST_TEST(run(link_and_resync(client, 1, 12, "C-4711", "Steel Supply")));

    // The link is there: the contact's connection data says connected, as a Customer.
    erp::crm_entity_request contact;
    contact.CrmActorType = erp::crm_actor_type::Contact;
    contact.EntityId = 12;
    auto data = run(client.async_get_connections_and_display_fields(contact));
    auto on_1 = std::find_if(data.begin(), data.end(), [](auto const& d) { return d.ErpConnectionId == 1; });
    BOOST_TEST_REQUIRE((on_1 != data.end()));
    BOOST_TEST(on_1->Connected);
    BOOST_TEST((on_1->ErpActorType == erp::erp_actor_type::Customer));
}

BOOST_AUTO_TEST_CASE(an_unknown_connection_fails_with_the_agents_answer) {
    // The exception carries what the agent said: its error object (the agent answers some
    // refusals with HTTP 200 and an error object), with the reason.
    BOOST_CHECK_EXCEPTION(run(link_and_resync(client, 999, 12, "C-4711", "Steel Supply")),
                          erp::error_with_diagnostics, [](erp::error_with_diagnostics const& e) {
                              BOOST_TEST_MESSAGE("failed as expected: " << e.what());
                              auto const& server = e.get_diagnostics().server;
                              return server && server->MessageDetail.find("999") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
