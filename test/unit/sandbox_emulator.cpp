// The sandbox's emulation of the agent, family by family, calling the emulator directly (no
// client, no server, no sockets): connectors, connections, mappings (field, list, default
// values), links and field values, the engine, sync, resync counts and seeds.
// `ok` and `fails` answer as the client would: an agent fault is `error::agent_error`, a `null`
// answer `error::null_response` (test/integration/sandbox_emulator.cpp checks that mapping on the
// wire).
#include <superoffice/erpsync/error.hpp>
#include <superoffice/erpsync/json.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/sandbox/emulator.hpp>
#include <superoffice/erpsync/sandbox/state.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <test_common/resync_requests.hpp>

namespace erp = superoffice::erpsync;
namespace ops = superoffice::erpsync::ops;
using erp::crm_actor_type;
using erp::erp_actor_type;

namespace {

template <class Op>
constexpr bool answers_null = boost::mp11::mp_contains<erp::sandbox::nullable_ops, Op>::value;

struct fixture {
    explicit fixture(erp::sandbox::seed const& s = erp::sandbox::default_seed()) : emu(s) {}
    erp::sandbox::emulator emu;

    /// `f(emulator&)`, as `sandbox::server::with_state` runs it.
    template <class F>
    auto with_state(F&& f) {
        return f(emu);
    }

    /// The emulator's answer; an agent fault fails the test.
    template <class Op>
    erp::sandbox::run_result_t<Op> run(erp::request_t<Op> const& req) {
        try {
            return emu.run(Op{}, req);
        } catch (erp::sandbox::agent_fault const& f) {
            BOOST_TEST_FAIL(Op::name << ": " << f.what() << " " << f.detail);
            throw;
        }
    }
    /// The answer as a client gets it; an agent fault or a `null` answer fails the test.
    template <class Op>
    erp::response_t<Op> ok(erp::request_t<Op> const& req) {
        if constexpr (answers_null<Op>) {
            auto r = run<Op>(req);
            BOOST_TEST_REQUIRE(r.has_value(), Op::name << " answered null");
            return std::move(*r);
        } else {
            return run<Op>(req);
        }
    }
    /// What a client gets instead of an answer: `agent_error` for an agent fault,
    /// `null_response` for `null`; no error when the call succeeds.
    template <class Op>
    erp::error_code fails(erp::request_t<Op> const& req) {
        try {
            if constexpr (answers_null<Op>) {
                if (!emu.run(Op{}, req))
                    return make_error_code(erp::error::null_response);
            } else {
                emu.run(Op{}, req);
            }
        } catch (erp::sandbox::agent_fault const&) {
            return make_error_code(erp::error::agent_error);
        }
        return {};
    }
    std::optional<std::string> erp_field(std::int32_t conn, erp_actor_type t, std::string const& key,
                                         std::string const& f) {
        return emu.erp_field(conn, t, key, f);
    }
    std::optional<std::string> crm_field(std::int32_t id, std::string const& f) {
        return emu.crm_field(crm_actor_type::Contact, id, f);
    }
};

erp::erp_connection_id_request conn_id(std::int32_t id) {
    erp::erp_connection_id_request r;
    r.ErpConnectionId = id;
    return r;
}

erp::erp_actor_type_request actor_type(std::int32_t conn, erp_actor_type t) {
    erp::erp_actor_type_request r;
    r.ErpConnectionId = conn;
    r.ErpActorType = t;
    return r;
}

erp::erp_sync_field_value value(std::string crm_key, std::string v) {
    erp::erp_sync_field_value f;
    f.CrmFieldKey = std::move(crm_key);
    f.Value = std::move(v);
    f.SyncToCrm = f.SyncToErp = true;
    return f;
}

using superoffice::erpsync::test::external;
using superoffice::erpsync::test::internal;

} // namespace

BOOST_AUTO_TEST_SUITE(test_sandbox_emulator)

// --- connectors -----------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(connector_crud_and_can_delete, fixture) {
    auto all = ok<ops::get_all_connectors>({});
    BOOST_TEST_REQUIRE(all.size() == 3u);
    BOOST_TEST(all[0].Name == "Demo ERP connector");

    auto fresh = ok<ops::create_default_erp_sync_connector_entity>({});
    BOOST_TEST(fresh.ErpConnectorId == 0);
    fresh.DisplayName = "Accounting";
    fresh.URL = "http://accounting.sandbox.invalid/Connector.svc";
    auto saved = ok<ops::save_erp_sync_connector_entity>(fresh);
    BOOST_TEST(saved.ErpConnectorId == 4);
    erp::get_connector_entity_request get;
    get.erpSyncConnectorEntityId = 4;
    BOOST_TEST(ok<ops::get_erp_sync_connector_entity>(get).URL == fresh.URL); // a query operation
    saved.DisplayName = "Accounting 2";
    BOOST_TEST(ok<ops::save_erp_sync_connector_entity>(saved).DisplayName == "Accounting 2");
    BOOST_TEST(ok<ops::get_all_connectors>({}).size() == 4u);

    erp::connector_id_request can;
    can.ErpSyncConnectorId = 1;
    BOOST_TEST((ok<ops::can_delete_erp_sync_connector_entity>(can) ==
                erp::erp_sync_response_code::ErrorConnectorHasConnections));
    can.ErpSyncConnectorId = 3;
    BOOST_TEST((ok<ops::can_delete_erp_sync_connector_entity>(can) == erp::erp_sync_response_code::NoError));
    can.ErpSyncConnectorId = 99;
    BOOST_TEST(
        (ok<ops::can_delete_erp_sync_connector_entity>(can) == erp::erp_sync_response_code::ErrorNotFound));

    erp::delete_connector_entity_request del;
    del.ErpSyncConnectorEntityId = 1; // in use: refused, nothing lost
    BOOST_TEST((fails<ops::delete_erp_sync_connector_entity>(del) == erp::error::agent_error));
    get.erpSyncConnectorEntityId = 1;
    BOOST_TEST(ok<ops::get_erp_sync_connector_entity>(get).DisplayName == "Demo ERP connector");
    del.ErpSyncConnectorEntityId = 3;
    ok<ops::delete_erp_sync_connector_entity>(del);
    get.erpSyncConnectorEntityId = 3;
    BOOST_TEST((fails<ops::get_erp_sync_connector_entity>(get) == erp::error::null_response));
    BOOST_TEST((fails<ops::delete_erp_sync_connector_entity>(del) == erp::error::agent_error));

    erp::erp_sync_connector_entity unknown;
    unknown.ErpConnectorId = 42;
    unknown.DisplayName = "x";
    BOOST_TEST((fails<ops::save_erp_sync_connector_entity>(unknown) == erp::error::agent_error));
}

BOOST_FIXTURE_TEST_CASE(connector_configuration_fields_and_url_test, fixture) {
    erp::connector_fields_request f;
    f.ErpConnectorId = 1;
    auto fields = ok<ops::get_configuration_fields>(f);
    BOOST_TEST_REQUIRE(fields.size() == 4u);
    BOOST_TEST(fields[0].FieldKey == "ServerUrl");
    BOOST_TEST((fields[0].Access == erp::field_access::Mandatory));
    BOOST_TEST((fields[2].FieldType == erp::field_metadata_type::Password));
    f.ErpConnectorId = 99;
    BOOST_TEST((fails<ops::get_configuration_fields>(f) == erp::error::agent_error));

    erp::connector_url_request u;
    u.Url = "HTTP://shop.sandbox.invalid/erp";
    BOOST_TEST((ok<ops::test_connector_url>(u) == erp::erp_sync_response_code::NoError));
    u.Url = "http://elsewhere.sandbox.invalid/";
    BOOST_TEST((ok<ops::test_connector_url>(u) == erp::erp_sync_response_code::ErrorNotFound));
}

// --- connections ----------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(connection_crud_copies_the_connector_schema, fixture) {
    erp::save_connection_request save;
    save.Connection.ErpConnectorId = 2;
    save.Connection.DisplayName = "Second shop";
    save.Connection.Active = true;
    save.Connection.ConfigFields = {{"ApiKey", "k2"}};
    auto created = ok<ops::save_connection>(save);
    BOOST_TEST(created.ErpConnectionId == 3);
    BOOST_TEST(!created.ConnectionId.empty());
    BOOST_TEST(created.ConfigFields.at("ApiKey") == "k2");

    // the new connection has the connector's fields, unmapped, with new ids
    erp::actor_type_mapping_request m;
    m.ErpConnectionId = 3;
    m.ActorType = erp_actor_type::Customer;
    auto mapping = ok<ops::get_actor_type_mapping>(m);
    BOOST_TEST_REQUIRE(mapping.FieldMappings.size() == 3u);
    BOOST_TEST(mapping.FieldMappings[0].ErpFieldKey == "name");
    BOOST_TEST(mapping.FieldMappings[0].CrmFieldKey.empty());
    BOOST_TEST(mapping.FieldMappings[0].ErpFieldId > 202);

    auto got = ok<ops::get_connection>(conn_id(3));
    BOOST_TEST(got.DisplayName == "Second shop");
    auto listed = ok<ops::get_all_connections>({});
    BOOST_TEST_REQUIRE(listed.size() == 3u);
    BOOST_TEST(listed[2].ConfigFields.empty()); // the list leaves configuration out

    created.DisplayDescription = "updated";
    save.Connection = created;
    BOOST_TEST(ok<ops::save_connection>(save).DisplayDescription == "updated");
    save.Connection.ErpConnectorId = 1; // a connection keeps its connector
    BOOST_TEST((fails<ops::save_connection>(save) == erp::error::agent_error));

    ok<ops::delete_connection>(conn_id(3));
    BOOST_TEST(ok<ops::get_all_connections>({}).size() == 2u);
    erp::all_connections_request with_deleted;
    with_deleted.IncludeDeleted = true;
    auto everything = ok<ops::get_all_connections>(with_deleted);
    BOOST_TEST_REQUIRE(everything.size() == 3u);
    BOOST_TEST(everything[2].Deleted);
    BOOST_TEST(!everything[2].Active);
    BOOST_TEST((fails<ops::delete_connection>(conn_id(99)) == erp::error::agent_error));
    BOOST_TEST((fails<ops::get_connection>(conn_id(99)) == erp::error::null_response));
}

BOOST_FIXTURE_TEST_CASE(toggle_priorities_config_and_tests, fixture) {
    auto msgs = ok<ops::toggle_erp_connection_active>(conn_id(1));
    BOOST_TEST_REQUIRE(msgs.size() == 1u);
    BOOST_TEST(msgs[0].find("inactive") != std::string::npos);
    BOOST_TEST(!ok<ops::get_connection>(conn_id(1)).Active);
    erp::force_resync_request resync;
    resync.ErpConnectionId = 1;
    resync.InternalKeyIds = {1};
    auto refused = ok<ops::force_resync>(resync);
    BOOST_TEST(!refused.IsOk);
    BOOST_TEST(refused.ErrorCode == "ErrorConnectionInactive");
    ok<ops::toggle_erp_connection_active>(conn_id(1));
    BOOST_TEST(ok<ops::force_resync>(resync).IsOk);

    erp::sync_priorities_request p;
    p.ErpConnectionIds = {2, 1};
    BOOST_TEST(ok<ops::save_erp_connection_sync_priorities>(p));
    p.ErpConnectionIds = {1, 1};
    BOOST_TEST((fails<ops::save_erp_connection_sync_priorities>(p) == erp::error::agent_error));
    p.ErpConnectionIds = {99};
    BOOST_TEST((fails<ops::save_erp_connection_sync_priorities>(p) == erp::error::agent_error));
    BOOST_TEST(
        (with_state([](auto& e) { return e.snapshot().SyncPriorities; }) == std::vector<std::int32_t>{2, 1}));

    auto config = ok<ops::get_erp_connection_config_fields>(conn_id(1));
    BOOST_TEST(config.at("User") == "sync");
    BOOST_TEST(ok<ops::test_connection_by_id>(conn_id(1)));
    erp::test_connection_config_request by_config;
    by_config.ErpConnectionId = 1;
    by_config.ConfigFields = {{"User", "someone"}}; // ServerUrl is mandatory
    BOOST_TEST(!ok<ops::test_connection_by_config>(by_config));
    by_config.ConfigFields["ServerUrl"] = "http://erp.sandbox.invalid";
    BOOST_TEST(ok<ops::test_connection_by_config>(by_config));
    BOOST_TEST((fails<ops::test_connection_by_id>(conn_id(99)) == erp::error::agent_error));
}

BOOST_AUTO_TEST_CASE(update_connection_fields_follows_the_connector) {
    auto s = erp::sandbox::default_seed();
    auto& rows = s.Connections[0].Mappings[0].FieldMappings; // connection 1, Customer
    rows.pop_back();                                         // creditlimit not copied yet
    auto fax = erp::sandbox::erp_field("fax", "Fax");
    fax.ErpFieldId = 150;
    rows.push_back(fax); // a field the connector no longer offers
    fixture f(s);
    BOOST_TEST(f.ok<ops::update_connection_fields>(conn_id(1)));
    erp::actor_type_mapping_request m;
    m.ErpConnectionId = 1;
    m.ActorType = erp_actor_type::Customer;
    auto mapping = f.ok<ops::get_actor_type_mapping>(m);
    auto find = [&](std::string const& key) {
        return std::find_if(mapping.FieldMappings.begin(), mapping.FieldMappings.end(),
                            [&](auto const& x) { return x.ErpFieldKey == key; });
    };
    BOOST_TEST_REQUIRE((find("creditlimit") != mapping.FieldMappings.end()));
    BOOST_TEST(find("creditlimit")->ErpFieldId > 150);
    BOOST_TEST(find("creditlimit")->CrmFieldKey.empty());
    BOOST_TEST(find("fax")->MissingInERP);
    BOOST_TEST(find("name")->CrmFieldKey == "name"); // existing mappings kept
    BOOST_TEST(!find("name")->MissingInERP);
}

BOOST_FIXTURE_TEST_CASE(connection_summary, fixture) {
    erp::connection_summary_request r;
    r.ErpSyncConnectionId = 1;
    auto before = ok<ops::get_erp_sync_connection_summary>(r);
    BOOST_TEST(before.DisplayName == "Demo ERP");
    BOOST_TEST((before.LastSync == erp::timestamp::min_value()));
    BOOST_TEST_REQUIRE(before.Actors.size() == 2u);
    BOOST_TEST(before.Actors[0].HasMappings);
    BOOST_TEST(before.Actors[0].Mappings.find("name <-> name") != std::string::npos);
    BOOST_TEST(before.Actors[0].Defaults == "1 default value(s)");
    ok<ops::sync_all>({});
    auto after = ok<ops::get_erp_sync_connection_summary>(r);
    BOOST_TEST((after.LastSync.utc() > before.LastSync.utc()));
    r.ErpSyncConnectionId = 99;
    BOOST_TEST((fails<ops::get_erp_sync_connection_summary>(r) == erp::error::null_response));
}

// --- mappings -------------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(actor_type_mappings_drive_the_sync, fixture) {
    BOOST_TEST(
        (ok<ops::get_crm_actor_type>(actor_type(1, erp_actor_type::Customer)) == crm_actor_type::Contact));
    BOOST_TEST(
        (ok<ops::get_crm_actor_type>(actor_type(1, erp_actor_type::Project)) == crm_actor_type::Unknown));
    BOOST_TEST((fails<ops::get_crm_actor_type>(actor_type(99, erp_actor_type::Customer)) ==
                erp::error::agent_error));
    BOOST_TEST(ok<ops::supports_advanced_search>(actor_type(1, erp_actor_type::Customer)));
    BOOST_TEST(!ok<ops::supports_advanced_search>(actor_type(1, erp_actor_type::Supplier)));

    erp::actor_type_mapping_request get;
    get.ErpConnectionId = 1;
    get.ActorType = erp_actor_type::Customer;
    auto mapping = ok<ops::get_actor_type_mapping>(get);
    BOOST_TEST_REQUIRE(mapping.FieldMappings.size() == 5u);
    BOOST_TEST(mapping.FieldMappings[4].ErpFieldKey == "creditlimit");

    // stop syncing the phone to the CRM; map the credit limit one way, ERP -> CRM
    erp::save_actor_type_mapping_request save;
    save.Mapping = mapping;
    save.Mapping.FieldMappings[1].SyncToCrm = false;
    save.Mapping.FieldMappings[4].CrmFieldKey = "credit";
    save.Mapping.FieldMappings[4].SyncToCrm = true;
    auto stored = ok<ops::save_actor_type_mapping>(save);
    BOOST_TEST(stored.FieldMappings[4].AlreadyMapped);

    erp::force_resync_external_request r;
    r.ErpConnectionId = 1;
    r.ErpActorType = erp_actor_type::Customer;
    r.ExternalKeys = {"C-1001"};
    erp::connect_actor_request set_limit; // give C-1001 a credit limit through the mapping
    set_limit.ErpConnectionId = 1;
    set_limit.CrmRecordId = 10;
    set_limit.CrmActorType = crm_actor_type::Contact;
    set_limit.ErpKey = "C-1001";
    set_limit.ErpActorType = erp_actor_type::Customer;
    auto v = value("credit", "5000");
    v.SyncToCrm = false;
    set_limit.FieldValues = {v};
    ok<ops::connect_actor>(set_limit);
    BOOST_TEST(*erp_field(1, erp_actor_type::Customer, "C-1001", "creditlimit") == "5000");
    BOOST_TEST(ok<ops::force_resync_external>(r).IsOk);
    BOOST_TEST(*crm_field(10, "credit") == "5000");
    BOOST_TEST(*crm_field(10, "phone") == "+47 22 00 00 00"); // no longer pulled

    // an unknown field id refuses the whole save; nothing changes
    save.Mapping = stored;
    save.Mapping.FieldMappings[0].CrmFieldKey = "renamed";
    save.Mapping.FieldMappings.push_back(save.Mapping.FieldMappings[0]);
    save.Mapping.FieldMappings.back().ErpFieldId = 9999;
    BOOST_TEST((fails<ops::save_actor_type_mapping>(save) == erp::error::agent_error));
    BOOST_TEST(ok<ops::get_actor_type_mapping>(get).FieldMappings[0].CrmFieldKey == "name");
    get.ActorType = erp_actor_type::Project;
    BOOST_TEST((fails<ops::get_actor_type_mapping>(get) == erp::error::null_response));
}

BOOST_FIXTURE_TEST_CASE(move_erp_field_item_changes_the_rank, fixture) {
    erp::move_erp_field_request mv;
    mv.ErpConnectionId = 1;
    mv.ErpActorType = erp_actor_type::Customer;
    mv.ErpFieldId = 103; // city: up one
    mv.Direction = -1;
    ok<ops::move_erp_field_item>(mv);
    auto fields = ok<ops::get_fields_for_new_erp_actor>(actor_type(1, erp_actor_type::Customer));
    BOOST_TEST_REQUIRE(fields.size() == 5u);
    BOOST_TEST(fields[1].FieldKey == "city");
    BOOST_TEST(fields[1].Rank == 1);
    mv.Direction = 100; // clamped to the end
    ok<ops::move_erp_field_item>(mv);
    fields = ok<ops::get_fields_for_new_erp_actor>(actor_type(1, erp_actor_type::Customer));
    BOOST_TEST(fields[4].FieldKey == "city");
    mv.ErpFieldId = 9999;
    BOOST_TEST((fails<ops::move_erp_field_item>(mv) == erp::error::agent_error));
}

BOOST_FIXTURE_TEST_CASE(default_values_and_fields_for_new_actors, fixture) {
    auto fields = ok<ops::get_fields_for_new_erp_actor>(actor_type(1, erp_actor_type::Customer));
    BOOST_TEST_REQUIRE(fields.size() == 5u);
    BOOST_TEST((fields[0].Access == erp::field_access::Mandatory));
    BOOST_TEST(fields[3].FieldKey == "category");
    BOOST_TEST(fields[3].DefaultValue == "A"); // the first-sync default
    BOOST_TEST(fields[3].ListName == "Category");
    BOOST_TEST((fails<ops::get_fields_for_new_erp_actor>(actor_type(1, erp_actor_type::Project)) ==
                erp::error::agent_error));

    erp::erp_field_id_request id;
    id.ErpFieldId = 104;
    auto d = ok<ops::get_default_value_info>(id);
    BOOST_TEST(d.DefaultValue == "B");
    BOOST_TEST(d.ErpFieldKey == "category");
    id.ErpFieldId = 102;
    auto none = ok<ops::get_default_value_info>(id); // a field without rules: an empty rule set
    BOOST_TEST(none.ErpFieldKey == "phone");
    BOOST_TEST(none.DefaultValue.empty());
    id.ErpFieldId = 9999;
    BOOST_TEST((fails<ops::get_default_value_info>(id) == erp::error::null_response));

    erp::save_default_value_request save;
    save.ErpSyncDefaultValue.ErpFieldId = 102;
    save.ErpSyncDefaultValue.DefaultValue = "+00 000";
    save.ErpSyncDefaultValue.Mandatory = true;
    auto stored = ok<ops::save_default_value_info>(save);
    BOOST_TEST(stored.ErpFieldKey == "phone");
    id.ErpFieldId = 102;
    BOOST_TEST(ok<ops::get_default_value_info>(id).DefaultValue == "+00 000");
    fields = ok<ops::get_fields_for_new_erp_actor>(actor_type(1, erp_actor_type::Customer));
    BOOST_TEST((fields[1].Access == erp::field_access::Mandatory)); // made mandatory by its rule
    save.ErpSyncDefaultValue.ErpFieldId = 9999;
    BOOST_TEST((fails<ops::save_default_value_info>(save) == erp::error::agent_error));
}

BOOST_FIXTURE_TEST_CASE(list_mappings_and_archive_columns, fixture) {
    auto lists = ok<ops::get_connection_list_mappings>(conn_id(1));
    BOOST_TEST(lists.ErpConnectionName == "Demo ERP");
    BOOST_TEST_REQUIRE(lists.ErpListItemMappings.size() == 1u);
    BOOST_TEST(lists.ErpListItemMappings[0].ErpCrmListItemMappings.size() == 2u);
    BOOST_TEST(lists.ErpListItemMappings[0].CrmList->Name == "Business");

    erp::save_list_mappings_request save;
    save.ListMapping = lists;
    save.ListMapping.ErpListItemMappings[0].ErpCrmListItemMappings.emplace_back().ErpListItemId = "C";
    BOOST_TEST(
        ok<ops::save_connection_list_mappings>(save).ErpListItemMappings[0].ErpCrmListItemMappings.size() ==
        3u);
    BOOST_TEST(ok<ops::get_connection_list_mappings>(conn_id(1))
                   .ErpListItemMappings[0]
                   .ErpCrmListItemMappings.size() == 3u);
    save.ListMapping.ErpListItemMappings[0].ErpFieldId = 101; // "name" is not a list field
    BOOST_TEST((fails<ops::save_connection_list_mappings>(save) == erp::error::agent_error));
    BOOST_TEST(ok<ops::get_connection_list_mappings>(conn_id(2)).ErpListItemMappings.empty());
    BOOST_TEST((fails<ops::get_connection_list_mappings>(conn_id(99)) == erp::error::null_response));

    erp::archive_column_config_request v;
    v.ErpConnectionId = 1;
    v.ListOwner = "ErpSyncList";
    ok<ops::validate_archive_column_config>(v);
    BOOST_TEST(with_state([](auto& e) { return e.archive_resets(1, "ErpSyncList"); }) == 1);
    v.ListOwner.clear();
    BOOST_TEST((fails<ops::validate_archive_column_config>(v) == erp::error::agent_error));
}

// --- links and field values -----------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(create_and_break_links, fixture) {
    erp::create_actor_link_request link;
    link.ErpConnectionId = 1;
    link.CrmRecordId = 12;
    link.CrmActorType = crm_actor_type::Contact;
    link.ErpKey = "S-2001";
    link.ErpActorType = erp_actor_type::Supplier;
    BOOST_TEST(ok<ops::create_actor_link>(link));
    BOOST_TEST(with_state([](auto& e) { return e.linked_actor(1, crm_actor_type::Contact, 12); })->second ==
               "S-2001");
    link.ErpKey = "S-9999"; // no such actor
    BOOST_TEST(!ok<ops::create_actor_link>(link));

    erp::break_actor_link_request brk;
    brk.ErpConnectionId = 1;
    brk.CrmRecordId = 12;
    brk.CrmActorType = crm_actor_type::Contact;
    BOOST_TEST(ok<ops::break_actor_link>(brk));
    BOOST_TEST(!ok<ops::break_actor_link>(brk));
    BOOST_TEST(!with_state([](auto& e) { return e.linked_actor(1, crm_actor_type::Contact, 12); }));
    brk.ErpConnectionId = 99;
    BOOST_TEST((fails<ops::break_actor_link>(brk) == erp::error::agent_error));
}

BOOST_FIXTURE_TEST_CASE(connect_and_try_connect_apply_values_defaults_and_mandatory_fields, fixture) {
    erp::connect_actor_request r;
    r.ErpConnectionId = 1;
    r.CrmRecordId = 12;
    r.CrmActorType = crm_actor_type::Contact;
    r.ErpKey = "C-7777"; // new: created by the link
    r.ErpActorType = erp_actor_type::Customer;
    auto keys = [&] { return with_state([](auto& e) { return e.actor_keys(1, erp_actor_type::Customer); }); };
    auto before = keys();
    // the mandatory ERP "name" would stay blank: refused, nothing created
    BOOST_TEST(!ok<ops::try_connect_actor>(r));
    BOOST_TEST((fails<ops::connect_actor>(r) == erp::error::agent_error));
    BOOST_TEST((keys() == before));

    auto name = value("name", "Steel Supply Ltd");
    name.SyncToCrm = false;
    r.FieldValues = {name};
    BOOST_TEST(ok<ops::try_connect_actor>(r));
    BOOST_TEST(*erp_field(1, erp_actor_type::Customer, "C-7777", "name") == "Steel Supply Ltd");
    BOOST_TEST(*erp_field(1, erp_actor_type::Customer, "C-7777", "category") == "A"); // first-sync default
    BOOST_TEST(*crm_field(12, "name") == "Steel Supply"); // SyncToCrm false: the CRM keeps its value

    r.ErpConnectionId = 99;
    BOOST_TEST(!ok<ops::try_connect_actor>(r));
    BOOST_TEST((fails<ops::connect_actor>(r) == erp::error::agent_error));
}

BOOST_FIXTURE_TEST_CASE(create_erp_actor_from_crm, fixture) {
    erp::create_erp_actor_from_crm_request r;
    r.ConnectionId = 1;
    r.CrmEntityId = 12;
    r.CrmActorType = crm_actor_type::Contact;
    r.ErpActorType = erp_actor_type::Customer;
    r.ErpFieldKeyValues = {{"creditlimit", "100"}};
    BOOST_TEST(ok<ops::create_erp_actor_from_crm>(r));
    auto linked = with_state([](auto& e) { return e.linked_actor(1, crm_actor_type::Contact, 12); });
    BOOST_TEST_REQUIRE(linked.has_value());
    BOOST_TEST(linked->second == "C-5001");
    BOOST_TEST(*erp_field(1, erp_actor_type::Customer, "C-5001", "name") == "Steel Supply");
    BOOST_TEST(*erp_field(1, erp_actor_type::Customer, "C-5001", "creditlimit") == "100");
    BOOST_TEST(*erp_field(1, erp_actor_type::Customer, "C-5001", "category") == "A");
    BOOST_TEST(!ok<ops::create_erp_actor_from_crm>(r)); // already linked on that connection
    r.CrmEntityId = 999;
    BOOST_TEST(!ok<ops::create_erp_actor_from_crm>(r));
}

BOOST_FIXTURE_TEST_CASE(field_values_and_display_fields, fixture) {
    erp::crm_field_values_request crm;
    crm.RecordId = 10;
    crm.ActorTypeCrm = crm_actor_type::Contact;
    auto from_crm = ok<ops::get_field_values_from_crm>(crm);
    BOOST_TEST(from_crm.size() == 3u);
    crm.RecordId = 999;
    BOOST_TEST((fails<ops::get_field_values_from_crm>(crm) == erp::error::agent_error));

    erp::erp_actor_field_values_request erp_req;
    erp_req.ErpConnectionId = 1;
    erp_req.ActorTypeErp = erp_actor_type::Customer;
    erp_req.ErpKey = "C-1001";
    auto from_erp = ok<ops::get_field_values_from_erp>(erp_req);
    BOOST_TEST_REQUIRE(from_erp.size() == 3u);
    auto city =
        std::find_if(from_erp.begin(), from_erp.end(), [](auto const& v) { return v.Value == "Oslo"; });
    BOOST_TEST_REQUIRE((city != from_erp.end()));
    BOOST_TEST(city->DisplayName == "City");
    BOOST_TEST(city->CrmFieldKey == "city");
    BOOST_TEST(city->SyncToCrm);

    erp::erp_field_values_request chosen;
    chosen.ErpConnectionId = 1;
    chosen.CrmActorType = crm_actor_type::Contact;
    chosen.EntityId = 10;
    chosen.FieldKeys = {"city", "nope", "name"};
    BOOST_TEST(
        (ok<ops::get_erp_field_values>(chosen) == std::vector<std::string>{"Oslo", "", "Nordic Parts AS"}));
    chosen.EntityId = 12; // not linked
    BOOST_TEST((fails<ops::get_erp_field_values>(chosen) == erp::error::agent_error));

    erp::crm_entity_request display;
    display.CrmActorType = crm_actor_type::Contact;
    display.EntityId = 10;
    auto data = ok<ops::get_connections_and_display_fields>(display);
    BOOST_TEST_REQUIRE(data.size() == 2u);
    BOOST_TEST(data[0].Connected);
    BOOST_TEST((data[0].ErpActorType == erp_actor_type::Customer));
    BOOST_TEST(data[0].ErpActorTypes.size() == 2u);
    BOOST_TEST(data[0].ErpFields.size() == 5u);
    display.EntityId = 12;
    BOOST_TEST(!ok<ops::get_connections_and_display_fields>(display)[0].Connected);
    display.EntityId = 999;
    BOOST_TEST((fails<ops::get_connections_and_display_fields>(display) == erp::error::agent_error));
}

// --- engine and sync ------------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(engine_status_and_interval_in_both_forms, fixture) {
    auto s = ok<ops::get_engine_status>({});
    BOOST_TEST(s.IsRunning);
    BOOST_TEST((s.Interval.duration() == std::chrono::minutes(5)));
    erp::engine_run_request stop;
    stop.Run = false;
    auto stopped = ok<ops::change_engine_status>(stop);
    BOOST_TEST(!stopped.IsRunning);
    BOOST_TEST(stopped.StatusMessage == "Stopped");

    erp::engine_interval_request iv;
    iv.Interval = erp::time_span::parse("PT90S").value(); // ISO 8601: sent and kept as such
    ok<ops::change_engine_interval>(iv);
    auto after = ok<ops::get_engine_status>({});
    BOOST_TEST((after.Interval.duration() == std::chrono::seconds(90)));
    BOOST_TEST(after.Interval.to_string() == "PT1M30S");
    iv.Interval = erp::time_span::parse("01:00:00").value(); // .NET TimeSpan
    ok<ops::change_engine_interval>(iv);
    BOOST_TEST(ok<ops::get_engine_status>({}).Interval.to_string() == "01:00:00");
    iv.Interval = erp::time_span(std::chrono::seconds(0));
    BOOST_TEST((fails<ops::change_engine_interval>(iv) == erp::error::agent_error));
}

BOOST_AUTO_TEST_CASE(batch_tasks_wait_for_the_engines_next_run) {
    auto seed = erp::sandbox::default_seed();
    seed.Connections[0].AutoSync = false; // only the queued resync can bring connection 1's phone
    fixture f(seed);
    auto with_state = [&](auto fn) { return f.with_state(fn); };
    auto ok = [&]<class Op>(Op, erp::request_t<Op> const& r) { return f.ok<Op>(r); };
    auto crm_field = [&](std::int32_t id, std::string const& n) { return f.crm_field(id, n); };
    auto ik = with_state([](auto& e) { return *e.internal_key(crm_actor_type::Contact, 10); });
    erp::force_resync_request task;
    task.ErpConnectionId = 1;
    task.InternalKeyIds = {ik};
    ok(ops::force_resync_batch_task{}, task);
    BOOST_TEST(*crm_field(10, "phone") == "+47 22 00 00 00"); // queued, not applied
    erp::engine_run_request stop;
    stop.Run = false;
    ok(ops::change_engine_status{}, stop);
    BOOST_TEST(!with_state([](auto& e) { return e.run_engine(); })); // a stopped engine does nothing
    BOOST_TEST(*crm_field(10, "phone") == "+47 22 00 00 00");
    stop.Run = true;
    ok(ops::change_engine_status{}, stop);
    BOOST_TEST(with_state([](auto& e) { return e.run_engine(); }));
    BOOST_TEST(*crm_field(10, "phone") == "+47 22 00 00 01");
    auto status = ok(ops::get_engine_status{}, {});
    BOOST_TEST(status.StatusMessage == "Last run applied 1 of 1 queued resync(s)");
    task.ErpConnectionId = 99;
    BOOST_TEST((f.fails<ops::force_resync_batch_task>(task) == erp::error::agent_error));
}

BOOST_AUTO_TEST_CASE(sync_all_respects_auto_sync_and_priorities) {
    auto s = erp::sandbox::default_seed();
    s.Connections[1].AutoSync = false; // the webshop only syncs when forced
    fixture f(s);
    BOOST_TEST(f.ok<ops::sync_all>({}).IsOk);
    BOOST_TEST(*f.erp_field(2, erp_actor_type::Customer, "W-1", "name") == "Nordic Parts");
    auto forced = f.ok<ops::force_sync_all>({});
    BOOST_TEST(forced.IsOk);
    // connection 1 has the highest priority: its name wins in the CRM and reaches the webshop
    BOOST_TEST(*f.erp_field(2, erp_actor_type::Customer, "W-1", "name") == "Nordic Parts AS");
    BOOST_TEST(*f.crm_field(10, "name") == "Nordic Parts AS");

    auto s2 = erp::sandbox::default_seed();
    s2.SyncPriorities = {2, 1}; // now the webshop wins
    fixture g(s2);
    auto r = g.ok<ops::sync_all>({});
    BOOST_TEST(*g.crm_field(10, "name") == "Nordic Parts");
    BOOST_TEST(*g.erp_field(1, erp_actor_type::Customer, "C-1001", "name") == "Nordic Parts");
    BOOST_TEST_REQUIRE(r.Changes.has_value());
    BOOST_TEST(r.Changes->UpdatedRecords.size() >= 1u);
}

// --- resync counts and seeds ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(resync_counts_count_applied_resyncs_only) {
    erp::sandbox::emulator e;
    auto const ik10 = *e.internal_key(erp::crm_actor_type::Contact, 10);
    auto const ik11 = *e.internal_key(erp::crm_actor_type::Contact, 11);
    BOOST_TEST(e.internal_resyncs().empty());
    BOOST_TEST(e.run(ops::force_resync{}, internal(1, {ik10, ik11, ik10})).IsOk); // a key listed twice: once
    BOOST_TEST(e.run(ops::force_resync_no_blank_values{}, internal(0, {ik10})).IsOk);
    BOOST_TEST(e.resync_count(1, ik10) == 1u);
    BOOST_TEST(e.resync_count(1, ik11) == 1u);
    BOOST_TEST(e.resync_count(0, ik10) == 1u);
    BOOST_TEST(e.resync_count(2, ik10) == 0u);
    BOOST_TEST(e.internal_resyncs().size() == 3u);
    // refused as a whole: nothing counts
    BOOST_TEST(!e.run(ops::force_resync{}, internal(1, {ik10, 999})).IsOk);
    BOOST_TEST(!e.run(ops::force_resync{}, internal(42, {ik10})).IsOk);
    BOOST_TEST(e.resync_count(1, ik10) == 1u);
    BOOST_TEST(e.resync_count(1, 999) == 0u);
    // by external key
    BOOST_TEST(e.run(ops::force_resync_external{}, external(1, {"C-1001", "C-1002"})).IsOk);
    BOOST_TEST(e.run(ops::force_resync_external_no_blank_values{}, external(1, {"C-1001"})).IsOk);
    BOOST_TEST(!e.run(ops::force_resync_external{}, external(1, {"C-1002", "NOPE"})).IsOk);
    BOOST_TEST(e.resync_count(1, erp::erp_actor_type::Customer, "C-1001") == 2u);
    BOOST_TEST(e.resync_count(1, erp::erp_actor_type::Customer, "C-1002") == 1u);
    BOOST_TEST(e.resync_count(1, erp::erp_actor_type::Supplier, "C-1001") == 0u);
    BOOST_TEST(e.resync_count(1, erp::erp_actor_type::Customer, "NOPE") == 0u);
    BOOST_TEST(e.external_resyncs().size() == 2u);
    // a batch task counts when the engine applies it
    e.run(ops::force_resync_batch_task{}, internal(1, {ik11}));
    BOOST_TEST(e.resync_count(1, ik11) == 1u);
    BOOST_TEST(e.run_engine());
    BOOST_TEST(e.resync_count(1, ik11) == 2u);
    // load starts over
    e.load(erp::sandbox::default_seed());
    BOOST_TEST(e.internal_resyncs().empty());
    BOOST_TEST(e.external_resyncs().empty());
}

BOOST_AUTO_TEST_CASE(add_linked_customers_makes_resyncable_keys_and_refuses_clashes) {
    auto s = erp::sandbox::default_seed();
    auto const records = s.CrmRecords.size();
    erp::sandbox::add_linked_customers(s, 3);
    BOOST_TEST(s.CrmRecords.size() == records + 3);
    erp::sandbox::emulator e(s);
    BOOST_TEST(e.run(ops::force_resync_external{}, external(1, {"K-0", "K-1", "K-2"})).IsOk);
    BOOST_TEST(!e.run(ops::force_resync_external{}, external(1, {"K-3"})).IsOk);
    BOOST_TEST(e.resync_count(1, erp::erp_actor_type::Customer, "K-2") == 1u);
    BOOST_TEST((e.erp_field(1, erp::erp_actor_type::Customer, "K-1", "name") == "Customer K-1"));
    BOOST_TEST(e.internal_key(erp::crm_actor_type::Contact, 100002).has_value());
    BOOST_TEST((e.crm_field(erp::crm_actor_type::Contact, 100000, "name") == "Customer K-0"));

    auto refused = [](erp::sandbox::seed& seed, std::size_t n, std::int32_t conn, std::int32_t first,
                      std::string const& what) {
        auto const before = seed.Links.size();
        try {
            erp::sandbox::add_linked_customers(seed, n, conn, first);
            BOOST_FAIL("accepted: " << what);
        } catch (std::invalid_argument const& ex) {
            BOOST_TEST(std::string(ex.what()).find(what) != std::string::npos, ex.what());
        }
        BOOST_TEST(seed.Links.size() == before); // nothing added
    };
    refused(s, 1, 99, 200000, "no connection 99");
    refused(s, 3, 1, 100002, "already has CRM Contact 100002");
    refused(s, 5, 1, 200000, "already has Customer K-0");
    refused(s, 2, 1, 2147483647, "pass INT32_MAX");
    auto edge = erp::sandbox::default_seed();
    erp::sandbox::add_linked_customers(edge, 1, 1, 2147483647); // the last id fits
    BOOST_TEST(edge.CrmRecords.back().Id == 2147483647);
}

BOOST_AUTO_TEST_CASE(seed_from_json_and_snapshot) {
    // The seed file format of the erpsync_sandbox program.
    std::string const text = R"({
      "Connections": [{"Id": 7, "Name": "Test ERP", "ActorTypes": ["Customer"],
                       "Actors": [{"Type": "Customer", "Key": "K1", "Fields": {"name": "From ERP"}}]}],
      "CrmRecords": [{"Type": "Contact", "Id": 70, "Fields": {"name": "From CRM"}}],
      "Links": [{"ConnectionId": 7, "CrmType": "Contact", "CrmId": 70, "ErpType": "Customer", "ErpKey": "K1"}],
      "Engine": {"IsRunning": false, "StatusMessage": "Paused", "Interval": "PT1M"}
    })";
    erp::sandbox::seed seed;
    erp::diagnostics d;
    BOOST_TEST_REQUIRE(!erp::from_json(text, seed, &d), d.to_string());
    fixture f(seed);
    erp::force_resync_external_request req;
    req.ErpConnectionId = 7;
    req.ErpActorType = erp::erp_actor_type::Customer;
    req.ExternalKeys = {"K1"};
    BOOST_TEST(f.ok<ops::force_resync_external>(req).IsOk);
    BOOST_TEST(f.ok<ops::get_engine_status>({}).StatusMessage == "Paused");
    auto snap = f.emu.snapshot();
    BOOST_TEST_REQUIRE(snap.CrmRecords.size() == 1u);
    BOOST_TEST(snap.CrmRecords[0].Fields.at("name") == "From ERP");
    BOOST_TEST_REQUIRE(snap.Links.size() == 1u);
    BOOST_TEST(snap.Links[0].ErpKey == "K1");
    // a seed linking to an unknown record is refused with a clear message (by the server too: it
    // loads the seed into its emulator)
    seed.Links[0].CrmId = 71;
    BOOST_CHECK_EXCEPTION(erp::sandbox::emulator{seed}, std::invalid_argument, [](auto const& e) {
        return std::string(e.what()).find("71") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()
