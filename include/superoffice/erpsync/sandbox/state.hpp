//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_STATE_HPP
#define SO_ERPSYNC_SANDBOX_STATE_HPP

/// @file
/// The sandbox's data: connections with their ERP actors, CRM records, links, the engine.
///
/// The same described structs are the seed file format (JSON, read with the library's codec),
/// so a seed can be written by hand or saved from a running sandbox.
///
/// Model. A CRM record (type + id) that is linked to ERP actors has one internal key id, the id
/// `ForceResync` takes. Fields are matched by name between CRM and ERP (identity mapping).

#include <superoffice/erpsync/enums.hpp>
#include <superoffice/erpsync/json.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace superoffice::erpsync::sandbox {

using field_values = std::map<std::string, std::string>;

/// A record in the CRM.
struct crm_record {
    crm_actor_type Type = crm_actor_type::Contact;
    std::int32_t Id = 0;
    field_values Fields{};
};
BOOST_DESCRIBE_STRUCT(crm_record, (), (Type, Id, Fields))

/// An actor in one ERP connection.
struct erp_actor {
    erp_actor_type Type = erp_actor_type::Customer;
    std::string Key{};
    field_values Fields{};
};
BOOST_DESCRIBE_STRUCT(erp_actor, (), (Type, Key, Fields))

/// An ERP connection with its actors.
struct connection {
    std::int32_t Id = 0;
    std::string Name{};
    bool Active = true;
    std::vector<erp_actor_type> ActorTypes{};
    std::vector<erp_actor> Actors{};
};
BOOST_DESCRIBE_STRUCT(connection, (), (Id, Name, Active, ActorTypes, Actors))

/// A link between a CRM record and an ERP actor of one connection.
struct link {
    std::int32_t ConnectionId = 0;
    crm_actor_type CrmType = crm_actor_type::Contact;
    std::int32_t CrmId = 0;
    erp_actor_type ErpType = erp_actor_type::Customer;
    std::string ErpKey{};
};
BOOST_DESCRIBE_STRUCT(link, (), (ConnectionId, CrmType, CrmId, ErpType, ErpKey))

/// The sync engine.
struct engine {
    bool IsRunning = true;
    std::string StatusMessage = "Idle";
    std::string Interval = "00:05:00";
};
BOOST_DESCRIBE_STRUCT(engine, (), (IsRunning, StatusMessage, Interval))

/// Everything the sandbox knows; also the seed file format.
struct seed {
    std::vector<connection> Connections{};
    std::vector<crm_record> CrmRecords{};
    std::vector<link> Links{};
    engine Engine{};
};
BOOST_DESCRIBE_STRUCT(seed, (), (Connections, CrmRecords, Links, Engine))

/// A small data set: two ERP connections, three CRM contacts, one person, links.
inline seed default_seed() {
    seed s;
    s.Connections.push_back(connection{
        1,
        "Demo ERP",
        true,
        {erp_actor_type::Customer, erp_actor_type::Supplier},
        {erp_actor{erp_actor_type::Customer,
                   "C-1001",
                   {{"name", "Nordic Parts AS"}, {"phone", "+47 22 00 00 01"}, {"city", "Oslo"}}},
         erp_actor{erp_actor_type::Customer,
                   "C-1002",
                   {{"name", "Fjord Foods"}, {"phone", ""}, {"city", "Bergen"}}},
         erp_actor{erp_actor_type::Supplier, "S-2001", {{"name", "Steel Supply Ltd"}, {"city", "Leeds"}}}}});
    s.Connections.push_back(connection{
        2,
        "Webshop",
        true,
        {erp_actor_type::Customer},
        {erp_actor{erp_actor_type::Customer, "W-1", {{"name", "Nordic Parts"}, {"city", "Oslo"}}}}});
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
    return s;
}

} // namespace superoffice::erpsync::sandbox

#endif
