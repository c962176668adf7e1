//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_STATE_IPP
#define SO_ERPSYNC_SANDBOX_IMPL_STATE_IPP

/// @file
/// The sandbox's default data set, and linked customers in bulk.

#include <superoffice/erpsync/sandbox/state.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

namespace superoffice::erpsync::sandbox {

seed default_seed() {
    using fmt = field_metadata_type;
    using acc = field_access;
    seed s;

    auto config_field = [](std::string key, std::string display, fmt type, acc access, std::string def = {}) {
        field_metadata f;
        f.FieldKey = std::move(key);
        f.DisplayName = std::move(display);
        f.FieldType = type;
        f.Access = access;
        f.DefaultValue = std::move(def);
        return f;
    };
    auto schema = [](erp_actor_type erp, crm_actor_type crm, std::vector<erp_sync_field_mapping> fields) {
        erp_sync_actor_type_mapping m;
        m.IsActive = true;
        m.ActorTypeErp = erp;
        m.ActorTypeCrm = crm;
        m.FieldMappings = std::move(fields);
        return m;
    };
    auto with_ids = [](erp_sync_actor_type_mapping m, std::int32_t connection, std::int32_t first_id) {
        m.ErpConnectionId = connection;
        for (auto& f : m.FieldMappings)
            f.ErpFieldId = first_id++;
        return m;
    };

    // Connectors
    connector demo;
    demo.Id = 1;
    demo.DisplayName = "Demo ERP connector";
    demo.URL = "http://demo-erp.sandbox.invalid/Connector.svc";
    demo.ConfigFields = {config_field("ServerUrl", "ERP server", fmt::Text, acc::Mandatory),
                         config_field("User", "User name", fmt::Text, acc::Mandatory),
                         config_field("Password", "Password", fmt::Password, acc::Normal),
                         config_field("Company", "Company number", fmt::Integer, acc::Normal, "1")};
    erp_sync_field_mapping category = erp_field("category", "Category", fmt::List);
    category.ListReference = "Category";
    demo.Schema = {
        schema(erp_actor_type::Customer, crm_actor_type::Contact,
               {erp_field("name", "Name", fmt::Text, acc::Mandatory), erp_field("phone", "Phone"),
                erp_field("city", "City"), category, erp_field("creditlimit", "Credit limit", fmt::Double)}),
        schema(erp_actor_type::Supplier, crm_actor_type::Contact,
               {erp_field("name", "Name", fmt::Text, acc::Mandatory), erp_field("phone", "Phone"),
                erp_field("city", "City")})};
    connector shop;
    shop.Id = 2;
    shop.DisplayName = "Webshop connector";
    shop.URL = "http://shop.sandbox.invalid/erp";
    shop.ConfigFields = {config_field("ApiKey", "API key", fmt::Password, acc::Mandatory)};
    shop.Schema = {schema(erp_actor_type::Customer, crm_actor_type::Contact,
                          {erp_field("name", "Name", fmt::Text, acc::Mandatory), erp_field("phone", "Phone"),
                           erp_field("city", "City")})};
    connector unused;
    unused.Id = 3;
    unused.DisplayName = "Unused connector";
    unused.URL = "http://unused.sandbox.invalid/Connector.svc";
    s.Connectors = {demo, shop, unused};

    // Connections: the connectors' schemas, mapped by name (category and credit limit unmapped)
    connection c1;
    c1.Id = 1;
    c1.Name = "Demo ERP";
    c1.ConnectorId = 1;
    c1.Description = "The demo ERP system";
    c1.ConnectionGuid = "6f1c2a7e-0000-4000-8000-000000000001";
    c1.ConfigFields = {{"ServerUrl", "http://demo-erp.sandbox.invalid"}, {"User", "sync"}, {"Company", "1"}};
    c1.Actors = {
        erp_actor{erp_actor_type::Customer,
                  "C-1001",
                  {{"name", "Nordic Parts AS"}, {"phone", "+47 22 00 00 01"}, {"city", "Oslo"}}},
        erp_actor{
            erp_actor_type::Customer, "C-1002", {{"name", "Fjord Foods"}, {"phone", ""}, {"city", "Bergen"}}},
        erp_actor{erp_actor_type::Supplier, "S-2001", {{"name", "Steel Supply Ltd"}, {"city", "Leeds"}}}};
    auto customer = with_ids(demo.Schema[0], 1, 101);
    for (std::size_t i = 0; i < 3; ++i)
        customer.FieldMappings[i] = mapped(customer.FieldMappings[i], i == 0);
    auto supplier = with_ids(demo.Schema[1], 1, 111);
    for (auto& f : supplier.FieldMappings)
        f = mapped(f);
    c1.Mappings = {customer, supplier};
    erp_connection_list_mapping categories;
    categories.ErpFieldId = 104;
    categories.ErpListName = "Category";
    categories.ErpActorTypeName = "Customer";
    categories.CrmList.emplace();
    categories.CrmList->Id = 1;
    categories.CrmList->Name = "Business";
    for (auto [id, erp, crm] : {std::tuple{"A", "Key account", 11}, std::tuple{"B", "Regular", 12}}) {
        erp_crm_list_item_mapping m;
        m.ErpListItemId = id;
        m.ErpListItemName = erp;
        m.CrmListItem.emplace();
        m.CrmListItem->Id = crm;
        m.CrmListItem->Name = erp;
        categories.ErpCrmListItemMappings.push_back(std::move(m));
    }
    c1.ListMappings = {categories};

    connection c2;
    c2.Id = 2;
    c2.Name = "Webshop";
    c2.ConnectorId = 2;
    c2.ConnectionGuid = "6f1c2a7e-0000-4000-8000-000000000002";
    c2.ConfigFields = {{"ApiKey", "sandbox-key"}};
    c2.Actors = {erp_actor{erp_actor_type::Customer, "W-1", {{"name", "Nordic Parts"}, {"city", "Oslo"}}}};
    auto web = with_ids(shop.Schema[0], 2, 201);
    for (auto& f : web.FieldMappings)
        f = mapped(f);
    c2.Mappings = {web};
    s.Connections = {c1, c2};

    s.CrmRecords.push_back(
        crm_record{crm_actor_type::Contact,
                   10,
                   {{"name", "Nordic Parts AS"}, {"phone", "+47 22 00 00 00"}, {"city", "Oslo"}}});
    s.CrmRecords.push_back(
        crm_record{crm_actor_type::Contact,
                   11,
                   {{"name", "Fjord Foods AS"}, {"phone", "+47 55 00 00 00"}, {"city", "Bergen"}}});
    s.CrmRecords.push_back(
        crm_record{crm_actor_type::Contact, 12, {{"name", "Steel Supply"}, {"city", "Leeds"}}});
    s.CrmRecords.push_back(crm_record{crm_actor_type::Person, 100, {{"name", "Kari Nordmann"}}});
    s.Links.push_back(link{1, crm_actor_type::Contact, 10, erp_actor_type::Customer, "C-1001"});
    s.Links.push_back(link{1, crm_actor_type::Contact, 11, erp_actor_type::Customer, "C-1002"});
    s.Links.push_back(link{2, crm_actor_type::Contact, 10, erp_actor_type::Customer, "W-1"});

    erp_sync_default_value category_default;
    category_default.ErpFieldId = 104;
    category_default.DefaultValue = "B";
    category_default.HasFirstSyncDefaultValue = true;
    category_default.FirstSyncDefaultValue = "A";
    s.DefaultValues = {category_default};
    s.SyncPriorities = {1, 2};
    return s;
}

void add_linked_customers(seed& s, std::size_t n, std::int32_t connection_id, std::int32_t first_crm_id) {
    auto conn = std::find_if(s.Connections.begin(), s.Connections.end(),
                             [&](connection const& c) { return c.Id == connection_id; });
    if (conn == s.Connections.end())
        throw std::invalid_argument("add_linked_customers: the seed has no connection " +
                                    std::to_string(connection_id));
    if (first_crm_id < 0 ||
        n > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max() - first_crm_id) + 1)
        throw std::invalid_argument("add_linked_customers: CRM ids from " + std::to_string(first_crm_id) +
                                    " for " + std::to_string(n) + " customers pass INT32_MAX");
    auto const last_crm_id = static_cast<std::int64_t>(first_crm_id) + static_cast<std::int64_t>(n) - 1;
    for (auto const& r : s.CrmRecords)
        if (r.Type == crm_actor_type::Contact && r.Id >= first_crm_id && r.Id <= last_crm_id)
            throw std::invalid_argument("add_linked_customers: the seed already has CRM Contact " +
                                        std::to_string(r.Id));
    auto const is_generated = [n](std::string const& key) { // "K-<i>" with i < n, as written below
        if (key.size() < 3 || key.compare(0, 2, "K-") != 0 || key.size() > 22)
            return false;
        if (key[2] == '0' && key.size() != 3)
            return false;
        std::uint64_t i = 0;
        for (std::size_t p = 2; p < key.size(); ++p) {
            if (key[p] < '0' || key[p] > '9')
                return false;
            i = i * 10 + static_cast<std::uint64_t>(key[p] - '0');
        }
        return i < n;
    };
    for (auto const& a : conn->Actors)
        if (a.Type == erp_actor_type::Customer && is_generated(a.Key))
            throw std::invalid_argument("add_linked_customers: connection " + std::to_string(connection_id) +
                                        " already has Customer " + a.Key);
    conn->Actors.reserve(conn->Actors.size() + n);
    s.CrmRecords.reserve(s.CrmRecords.size() + n);
    s.Links.reserve(s.Links.size() + n);
    for (std::size_t i = 0; i < n; ++i) {
        std::string key = "K-" + std::to_string(i);
        std::string name = "Customer " + key;
        auto const id = static_cast<std::int32_t>(first_crm_id + static_cast<std::int64_t>(i));
        s.CrmRecords.push_back({crm_actor_type::Contact, id, {{"name", name}}});
        s.Links.push_back({connection_id, crm_actor_type::Contact, id, erp_actor_type::Customer, key});
        conn->Actors.push_back({erp_actor_type::Customer, std::move(key), {{"name", std::move(name)}}});
    }
}

} // namespace superoffice::erpsync::sandbox

#endif
