//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_IMPL_EMULATOR_IPP
#define SO_ERPSYNC_SANDBOX_IMPL_EMULATOR_IPP

/// @file
/// The emulator's behaviour (see `sandbox/emulator.hpp`), and `emulator::run` instantiated for
/// every operation. Compiled once, in the sandbox library.

#include <superoffice/erpsync/detail/enum_names.hpp>
#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/sandbox/emulator.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace superoffice::erpsync::sandbox {

class emulator::impl {
public:
    impl() = default;
    explicit impl(seed const& s) { load(s); }

    /// Replaces the whole state. Throws `std::invalid_argument` for an inconsistent seed (a link
    /// to something unknown, a field id used twice, a default value for no field).
    void load(seed const& s) {
        impl fresh;
        fresh.load_into(s);
        *this = std::move(fresh);
    }

    /// The whole state, in seed form.
    seed snapshot() const {
        seed s;
        for (auto const& [k, f] : crm_)
            s.CrmRecords.push_back(crm_record{k.first, k.second, f});
        for (auto const& [id, c] : connectors_)
            s.Connectors.push_back(c);
        for (auto const& [id, c] : conns_) {
            connection out = c.def;
            out.Actors.clear();
            for (auto const& [k, f] : c.actors)
                out.Actors.push_back(erp_actor{k.first, k.second, f});
            s.Connections.push_back(std::move(out));
            for (auto const& [ck, ek] : c.crm_to_erp)
                s.Links.push_back(link{id, ck.first, ck.second, ek.first, ek.second});
        }
        for (auto const& [id, d] : defaults_)
            s.DefaultValues.push_back(d);
        s.SyncPriorities = priorities_;
        s.Engine = engine_;
        return s;
    }

    // --- queries for tests and tools ------------------------------------------------------
    std::optional<std::string> crm_field(crm_actor_type t, std::int32_t id, std::string const& field) const {
        auto it = crm_.find({t, id});
        if (it == crm_.end())
            return std::nullopt;
        return lookup(it->second, field);
    }
    std::optional<std::string> erp_field(std::int32_t conn, erp_actor_type t, std::string const& key,
                                         std::string const& field) const {
        auto c = conns_.find(conn);
        if (c == conns_.end())
            return std::nullopt;
        auto a = c->second.actors.find({t, key});
        if (a == c->second.actors.end())
            return std::nullopt;
        return lookup(a->second, field);
    }
    /// The internal key id of a linked CRM record.
    std::optional<std::int32_t> internal_key(crm_actor_type t, std::int32_t id) const {
        auto it = ik_of_.find({t, id});
        return it == ik_of_.end() ? std::nullopt : std::optional<std::int32_t>(it->second);
    }
    /// The ERP actor a CRM record is linked to on a connection.
    std::optional<erp_key> linked_actor(std::int32_t conn, crm_actor_type t, std::int32_t id) const {
        auto c = conns_.find(conn);
        if (c == conns_.end())
            return std::nullopt;
        auto l = c->second.crm_to_erp.find({t, id});
        return l == c->second.crm_to_erp.end() ? std::nullopt : std::optional<erp_key>(l->second);
    }
    /// The keys of a connection's actors of one type.
    std::vector<std::string> actor_keys(std::int32_t conn, erp_actor_type t) const {
        std::vector<std::string> out;
        if (auto c = conns_.find(conn); c != conns_.end())
            for (auto const& [k, f] : c->second.actors)
                if (k.first == t)
                    out.push_back(k.second);
        return out;
    }
    /// How often `ValidateArchiveColumnConfig` reset a list owner's columns on a connection.
    int archive_resets(std::int32_t conn, std::string const& list_owner) const {
        auto it = archive_resets_.find({conn, list_owner});
        return it == archive_resets_.end() ? 0 : it->second;
    }

    /// How often a key was resynced by `ForceResync`, `ForceResyncNoBlankValues` or a
    /// `ForceResyncBatchTask`, with `conn` as the request's `ErpConnectionId` (0: the CRM), since
    /// construction or the last `load`. Only applied resyncs count: a request refused as a whole
    /// (unknown or inactive connection, unknown or unlinked keys) counts nothing, and a batch task
    /// counts when the engine applies it (`run_engine`), not when it is queued. A key listed
    /// several times in one request counts once.
    std::size_t resync_count(std::int32_t conn, std::int32_t internal_key) const {
        auto it = internal_resyncs_.find({conn, internal_key});
        return it == internal_resyncs_.end() ? 0 : it->second;
    }
    /// How often an ERP actor's key was resynced by `ForceResyncExternal` or
    /// `ForceResyncExternalNoBlankValues` on connection `conn`; the same rules as above.
    std::size_t resync_count(std::int32_t conn, erp_actor_type t, std::string const& external_key) const {
        auto it = external_resyncs_.find({conn, t, external_key});
        return it == external_resyncs_.end() ? 0 : it->second;
    }
    /// Every count of `resync_count(conn, internal_key)` that is not 0.
    std::map<internal_resync_key, std::size_t> const& internal_resyncs() const noexcept {
        return internal_resyncs_;
    }
    /// Every count of `resync_count(conn, type, external_key)` that is not 0.
    std::map<external_resync_key, std::size_t> const& external_resyncs() const noexcept {
        return external_resyncs_;
    }
    engine& engine_state() noexcept { return engine_; }
    engine const& engine_state() const noexcept { return engine_; }

    /// One run of the sync engine: the queued resyncs, then SyncAll. Nothing while it is stopped.
    /// Returns whether it ran.
    bool run_engine() {
        if (!engine_.IsRunning)
            return false;
        auto queue = std::move(engine_.Queue);
        engine_.Queue.clear();
        std::size_t failed = 0;
        for (auto const& r : queue)
            if (!resync_internal(r, false).IsOk)
                ++failed;
        sync(true);
        ++engine_.Runs;
        engine_.StatusMessage = "Last run applied " + std::to_string(queue.size() - failed) + " of " +
                                std::to_string(queue.size()) + " queued resync(s)";
        return true;
    }

    // --- links ----------------------------------------------------------------------------
    bool run(ops::break_actor_link, break_actor_link_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        auto l = cs.crm_to_erp.find({r.CrmActorType, r.CrmRecordId});
        if (l == cs.crm_to_erp.end())
            return false;
        cs.erp_to_crm.erase(l->second);
        cs.crm_to_erp.erase(l);
        return true;
    }
    void run(ops::connect_actor, connect_actor_request const& r) { connect(r, false); }
    bool run(ops::try_connect_actor, connect_actor_request const& r) { return connect(r, true); }
    bool run(ops::create_actor_link, create_actor_link_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        crm_key ck{r.CrmActorType, r.CrmRecordId};
        erp_key ek{r.ErpActorType, r.ErpKey};
        if (!crm_.count(ck) || !cs.actors.count(ek))
            return false;
        link_records(cs, ck, ek);
        return true;
    }
    bool run(ops::create_erp_actor_from_crm, create_erp_actor_from_crm_request const& r) {
        auto& cs = conn(r.ConnectionId);
        crm_key ck{r.CrmActorType, r.CrmEntityId};
        auto rec = crm_.find(ck);
        if (rec == crm_.end() || cs.crm_to_erp.count(ck) || !offers(cs, r.ErpActorType))
            return false;
        field_values fields;
        push(cs, r.ErpActorType, rec->second, fields, false);
        for (auto const& [k, v] : r.ErpFieldKeyValues)
            fields[k] = v;
        apply_defaults(cs, r.ErpActorType, fields, true);
        if (!missing_mandatory(cs, r.ErpActorType, fields).empty())
            return false;
        erp_key ek{r.ErpActorType, new_actor_key(cs, r.ErpActorType)};
        cs.actors[ek] = std::move(fields);
        link_records(cs, ck, ek);
        return true;
    }
    std::vector<erp_connection_data> run(ops::get_connections_and_display_fields,
                                         crm_entity_request const& r) {
        crm_key ck{r.CrmActorType, r.EntityId};
        if (!crm_.count(ck))
            fault("CRM record " + std::to_string(r.EntityId) + " of that CrmActorType does not exist");
        std::vector<erp_connection_data> out;
        for (auto const& [id, cs] : conns_) {
            if (cs.def.Deleted)
                continue;
            erp_connection_data d;
            d.ErpConnectionId = id;
            d.ConnectionName = cs.def.Name;
            d.CrmActorType = r.CrmActorType;
            auto l = cs.crm_to_erp.find(ck);
            d.Connected = l != cs.crm_to_erp.end();
            if (d.Connected)
                d.ErpActorType = l->second.first;
            for (auto const& m : cs.def.Mappings)
                if (m.ActorTypeCrm == r.CrmActorType)
                    d.ErpActorTypes.push_back(m.ActorTypeErp);
            if (!d.Connected && !d.ErpActorTypes.empty())
                d.ErpActorType = d.ErpActorTypes.front();
            if (auto m = mapping(cs, d.ErpActorType))
                for (auto const& f : m->FieldMappings)
                    if (f.ShowInGui)
                        d.ErpFields.push_back(metadata(f, static_cast<std::int32_t>(d.ErpFields.size())));
            out.push_back(std::move(d));
        }
        return out;
    }
    bool run(ops::supports_advanced_search, erp_actor_type_request const& r) {
        auto m = mapping(conn(r.ErpConnectionId), r.ErpActorType);
        return m && std::any_of(m->FieldMappings.begin(), m->FieldMappings.end(),
                                [](auto const& f) { return f.ShowInSearch; });
    }

    // --- field values ---------------------------------------------------------------------
    std::vector<erp_sync_field_value> run(ops::get_field_values_from_crm, crm_field_values_request const& r) {
        auto rec = crm_.find({r.ActorTypeCrm, r.RecordId});
        if (rec == crm_.end())
            fault("CRM record " + std::to_string(r.RecordId) + " of that ActorTypeCrm does not exist");
        std::vector<erp_sync_field_value> out;
        for (auto const& [k, v] : rec->second) {
            erp_sync_field_value f;
            f.DisplayName = k;
            f.CrmFieldKey = k;
            f.Value = f.DisplayValue = v;
            out.push_back(std::move(f));
        }
        return out;
    }
    std::vector<erp_sync_field_value> run(ops::get_field_values_from_erp,
                                          erp_actor_field_values_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        auto a = cs.actors.find({r.ActorTypeErp, r.ErpKey});
        if (a == cs.actors.end())
            fault("ERP actor '" + r.ErpKey + "' of that ActorTypeErp does not exist");
        std::vector<erp_sync_field_value> out;
        auto const* m = mapping(cs, r.ActorTypeErp);
        for (auto const& kv : a->second) {
            auto const& k = kv.first;
            auto const& v = kv.second;
            erp_sync_field_value f;
            f.DisplayName = f.CrmFieldKey = k;
            f.SyncToCrm = f.SyncToErp = true;
            if (m) {
                auto row = std::find_if(m->FieldMappings.begin(), m->FieldMappings.end(),
                                        [&](auto const& x) { return x.ErpFieldKey == k; });
                f.SyncToCrm = f.SyncToErp = false;
                f.CrmFieldKey.clear();
                if (row != m->FieldMappings.end()) {
                    f.DisplayName = row->ErpDisplayName;
                    f.CrmFieldKey = row->CrmFieldKey;
                    f.SyncToCrm = row->SyncToCrm;
                    f.SyncToErp = row->SyncToErp;
                }
            }
            f.Value = f.DisplayValue = v;
            out.push_back(std::move(f));
        }
        return out;
    }
    std::vector<std::string> run(ops::get_erp_field_values, erp_field_values_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        auto l = cs.crm_to_erp.find({r.CrmActorType, r.EntityId});
        if (l == cs.crm_to_erp.end())
            fault("CRM record " + std::to_string(r.EntityId) + " is not linked on connection " +
                  std::to_string(r.ErpConnectionId));
        auto const& fields = cs.actors.at(l->second);
        std::vector<std::string> out;
        for (auto const& k : r.FieldKeys)
            out.push_back(lookup(fields, k).value_or(""));
        return out;
    }
    std::vector<field_metadata> run(ops::get_fields_for_new_erp_actor, erp_actor_type_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        auto const* m = mapping(cs, r.ErpActorType);
        if (!m)
            fault("connection " + std::to_string(r.ErpConnectionId) + " has no fields for that ErpActorType");
        std::vector<field_metadata> out;
        for (auto const& f : m->FieldMappings) {
            auto md = metadata(f, static_cast<std::int32_t>(out.size()));
            if (auto d = defaults_.find(f.ErpFieldId); d != defaults_.end()) {
                md.DefaultValue = d->second.HasFirstSyncDefaultValue ? d->second.FirstSyncDefaultValue
                                                                     : d->second.DefaultValue;
                if (d->second.Mandatory)
                    md.Access = field_access::Mandatory;
            }
            out.push_back(std::move(md));
        }
        return out;
    }

    // --- resync and sync ------------------------------------------------------------------
    plugin_response run(ops::force_resync, force_resync_request const& r) {
        return resync_internal(r, false);
    }
    plugin_response run(ops::force_resync_no_blank_values, force_resync_request const& r) {
        return resync_internal(r, true);
    }
    plugin_response run(ops::force_resync_external, force_resync_external_request const& r) {
        return resync_external(r, false);
    }
    plugin_response run(ops::force_resync_external_no_blank_values, force_resync_external_request const& r) {
        return resync_external(r, true);
    }
    void run(ops::force_resync_batch_task, force_resync_request const& r) {
        if (r.ErpConnectionId != 0)
            conn(r.ErpConnectionId);
        if (r.InternalKeyIds.empty())
            fault("InternalKeyIds is empty");
        engine_.Queue.push_back(r);
    }
    plugin_response run(ops::sync_all, no_request const&) { return sync(true); }
    plugin_response run(ops::force_sync_all, no_request const&) { return sync(false); }

    // --- engine ---------------------------------------------------------------------------
    erp_sync_engine_status run(ops::get_engine_status, no_request const&) const { return engine_status(); }
    erp_sync_engine_status run(ops::change_engine_status, engine_run_request const& r) {
        if (engine_.IsRunning != r.Run)
            engine_.StatusMessage = r.Run ? "Started" : "Stopped";
        engine_.IsRunning = r.Run;
        return engine_status();
    }
    void run(ops::change_engine_interval, engine_interval_request const& r) {
        if (r.Interval.duration() <= ticks::zero())
            fault("Interval must be positive");
        engine_.Interval = r.Interval;
    }

    // --- connectors -----------------------------------------------------------------------
    std::vector<list_item> run(ops::get_all_connectors, no_request const&) const {
        std::vector<list_item> out;
        for (auto const& [id, c] : connectors_)
            if (!c.Deleted)
                out.push_back(list_item{id, c.DisplayName, c.URL});
        return out;
    }
    erp_sync_connector_entity run(ops::create_default_erp_sync_connector_entity, no_request const&) const {
        erp_sync_connector_entity e;
        e.DisplayName = "New connector";
        e.URL = "http://";
        return e;
    }
    std::optional<erp_sync_connector_entity> run(ops::get_erp_sync_connector_entity,
                                                 get_connector_entity_request const& r) const {
        auto c = connectors_.find(r.erpSyncConnectorEntityId);
        if (c == connectors_.end())
            return std::nullopt;
        return entity(c->second);
    }
    erp_sync_connector_entity run(ops::save_erp_sync_connector_entity, erp_sync_connector_entity const& r) {
        if (r.DisplayName.empty())
            fault("DisplayName is empty");
        if (r.ErpConnectorId == 0) {
            connector c;
            c.Id = connectors_.empty() ? 1 : connectors_.rbegin()->first + 1;
            c.DisplayName = r.DisplayName;
            c.URL = r.URL;
            c.Deleted = r.Deleted;
            return entity(connectors_[c.Id] = std::move(c));
        }
        auto& c = connector_by_id(r.ErpConnectorId);
        c.DisplayName = r.DisplayName;
        c.URL = r.URL;
        c.Deleted = r.Deleted;
        return entity(c);
    }
    open_enum<erp_sync_response_code> run(ops::can_delete_erp_sync_connector_entity,
                                          connector_id_request const& r) const {
        if (!connectors_.count(r.ErpSyncConnectorId))
            return erp_sync_response_code::ErrorNotFound;
        return in_use(r.ErpSyncConnectorId) ? erp_sync_response_code::ErrorConnectorHasConnections
                                            : erp_sync_response_code::NoError;
    }
    void run(ops::delete_erp_sync_connector_entity, delete_connector_entity_request const& r) {
        connector_by_id(r.ErpSyncConnectorEntityId);
        if (in_use(r.ErpSyncConnectorEntityId))
            fault("ErrorConnectorHasConnections: connector " + std::to_string(r.ErpSyncConnectorEntityId) +
                  " is used by a connection");
        connectors_.erase(r.ErpSyncConnectorEntityId);
    }
    std::vector<field_metadata> run(ops::get_configuration_fields, connector_fields_request const& r) {
        return connector_by_id(r.ErpConnectorId).ConfigFields;
    }
    open_enum<erp_sync_response_code> run(ops::test_connector_url, connector_url_request const& r) const {
        for (auto const& [id, c] : connectors_)
            if (!c.Deleted && detail::iequals(c.URL, r.Url))
                return erp_sync_response_code::NoError;
        return erp_sync_response_code::ErrorNotFound;
    }

    // --- connections ----------------------------------------------------------------------
    std::vector<erp_connection> run(ops::get_all_connections, all_connections_request const& r) const {
        std::vector<erp_connection> out;
        for (auto const& [id, cs] : conns_)
            if (r.IncludeDeleted || !cs.def.Deleted) {
                out.push_back(carrier(cs));
                out.back().ConfigFields.clear();
            }
        return out;
    }
    std::optional<erp_connection> run(ops::get_connection, erp_connection_id_request const& r) const {
        auto c = conns_.find(r.ErpConnectionId);
        if (c == conns_.end())
            return std::nullopt;
        return carrier(c->second);
    }
    erp_connection run(ops::save_connection, save_connection_request const& r) {
        auto const& in = r.Connection;
        if (in.DisplayName.empty())
            fault("Connection.DisplayName is empty");
        auto const& con = connector_by_id(in.ErpConnectorId);
        conn_state* cs;
        if (in.ErpConnectionId == 0) {
            std::int32_t id = conns_.empty() ? 1 : conns_.rbegin()->first + 1;
            cs = &conns_[id];
            cs->def.Id = id;
            cs->def.ConnectionGuid = "6f1c2a7e-0000-4000-8000-" + pad12(id);
            cs->def.ConnectorId = con.Id;
            copy_schema(*cs, con);
        } else {
            cs = &conn(in.ErpConnectionId);
            if (cs->def.ConnectorId != in.ErpConnectorId)
                fault("the connector of a connection cannot be changed");
        }
        auto& d = cs->def;
        d.Name = in.DisplayName;
        d.Description = in.DisplayDescription;
        d.Active = in.Active;
        d.Deleted = in.Deleted;
        d.ConfigFields = in.ConfigFields;
        d.AllAccess = in.AllAccess;
        d.UserGroupAccessIds = in.UserGroupAccessIds;
        d.AssociateAccessIds = in.AssociateAccessIds;
        return carrier(*cs);
    }
    void run(ops::delete_connection, erp_connection_id_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        cs.def.Deleted = true;
        cs.def.Active = false;
    }
    std::vector<std::string> run(ops::toggle_erp_connection_active, erp_connection_id_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        if (cs.def.Deleted)
            fault("connection " + std::to_string(r.ErpConnectionId) + " is deleted");
        cs.def.Active = !cs.def.Active;
        return {"Connection '" + cs.def.Name + "' is now " + (cs.def.Active ? "active" : "inactive")};
    }
    bool run(ops::save_erp_connection_sync_priorities, sync_priorities_request const& r) {
        std::set<std::int32_t> seen;
        for (auto id : r.ErpConnectionIds) {
            conn(id);
            if (!seen.insert(id).second)
                fault("connection " + std::to_string(id) + " is listed twice");
        }
        priorities_ = r.ErpConnectionIds;
        return true;
    }
    std::map<std::string, std::string> run(ops::get_erp_connection_config_fields,
                                           erp_connection_id_request const& r) {
        return conn(r.ErpConnectionId).def.ConfigFields;
    }
    bool run(ops::test_connection_by_id, erp_connection_id_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        return config_complete(cs, cs.def.ConfigFields);
    }
    bool run(ops::test_connection_by_config, test_connection_config_request const& r) {
        return config_complete(conn(r.ErpConnectionId), r.ConfigFields);
    }
    bool run(ops::update_connection_fields, erp_connection_id_request const& r) {
        auto& cs = conn(r.ErpConnectionId);
        auto c = connectors_.find(cs.def.ConnectorId);
        if (c == connectors_.end() || c->second.Deleted)
            return false;
        copy_schema(cs, c->second);
        return true;
    }
    std::optional<erp_sync_connection_summary> run(ops::get_erp_sync_connection_summary,
                                                   connection_summary_request const& r) const {
        auto c = conns_.find(r.ErpSyncConnectionId);
        if (c == conns_.end())
            return std::nullopt;
        auto const& d = c->second.def;
        erp_sync_connection_summary s;
        s.DisplayName = d.Name;
        s.DisplayDescription = d.Description;
        s.Active = d.Active;
        s.Deleted = d.Deleted;
        s.LastSync = d.LastSync;
        for (auto const& m : d.Mappings) {
            erp_sync_actor_summary a;
            a.ActorType = m.ActorTypeErp;
            std::size_t defaults = 0;
            for (auto const& f : m.FieldMappings) {
                if (!f.CrmFieldKey.empty()) {
                    a.HasMappings = true;
                    if (!a.Mappings.empty())
                        a.Mappings += ", ";
                    a.Mappings += f.ErpFieldKey +
                                  (f.SyncToCrm && f.SyncToErp ? " <-> "
                                   : f.SyncToCrm              ? " -> "
                                                              : " <- ") +
                                  f.CrmFieldKey;
                }
                defaults += defaults_.count(f.ErpFieldId);
            }
            a.Defaults = std::to_string(defaults) + " default value(s)";
            s.Actors.push_back(std::move(a));
        }
        return s;
    }

    // --- mappings -------------------------------------------------------------------------
    open_enum<crm_actor_type> run(ops::get_crm_actor_type, erp_actor_type_request const& r) {
        auto const* m = mapping(conn(r.ErpConnectionId), r.ErpActorType, true);
        if (!m)
            return crm_actor_type::Unknown;
        return m->ActorTypeCrm; // as stored: a name this version does not know included
    }
    std::optional<erp_sync_actor_type_mapping> run(ops::get_actor_type_mapping,
                                                   actor_type_mapping_request const& r) const {
        auto c = conns_.find(r.ErpConnectionId);
        if (c == conns_.end())
            return std::nullopt;
        auto const* m = mapping(c->second, r.ActorType, true);
        return m ? std::optional<erp_sync_actor_type_mapping>(*m) : std::nullopt;
    }
    erp_sync_actor_type_mapping run(ops::save_actor_type_mapping, save_actor_type_mapping_request const& r) {
        auto const& in = r.Mapping;
        auto& cs = conn(in.ErpConnectionId);
        auto* m = mapping(cs, in.ActorTypeErp, true);
        if (!m)
            fault("connection " + std::to_string(in.ErpConnectionId) +
                  " has no fields for that ActorTypeErp");
        auto updated = *m;
        for (auto const& row : in.FieldMappings) {
            auto f = std::find_if(updated.FieldMappings.begin(), updated.FieldMappings.end(),
                                  [&](auto const& x) { return x.ErpFieldId == row.ErpFieldId; });
            if (f == updated.FieldMappings.end())
                fault("ErpFieldId " + std::to_string(row.ErpFieldId) + " is not a field of that mapping");
            f->CrmFieldKey = row.CrmFieldKey;
            f->CrmDisplayName = row.CrmDisplayName;
            f->CrmDisplayTooltip = row.CrmDisplayTooltip;
            f->SyncToCrm = row.SyncToCrm;
            f->SyncToErp = row.SyncToErp;
            f->ShowInGui = row.ShowInGui;
            f->ShowInSearch = row.ShowInSearch;
            f->AlreadyMapped = !row.CrmFieldKey.empty();
        }
        updated.IsActive = in.IsActive;
        updated.ActorTypeCrm = in.ActorTypeCrm;
        *m = std::move(updated);
        return *m;
    }
    void run(ops::move_erp_field_item, move_erp_field_request const& r) {
        auto* m = mapping(conn(r.ErpConnectionId), r.ErpActorType, true);
        if (!m)
            fault("connection " + std::to_string(r.ErpConnectionId) + " has no fields for that ErpActorType");
        auto& rows = m->FieldMappings;
        auto it = std::find_if(rows.begin(), rows.end(),
                               [&](auto const& x) { return x.ErpFieldId == r.ErpFieldId; });
        if (it == rows.end())
            fault("ErpFieldId " + std::to_string(r.ErpFieldId) + " is not a field of that mapping");
        auto from = static_cast<std::int64_t>(it - rows.begin());
        auto to = std::clamp<std::int64_t>(from + r.Direction, 0, static_cast<std::int64_t>(rows.size()) - 1);
        auto row = std::move(*it);
        rows.erase(it);
        rows.insert(rows.begin() + to, std::move(row));
    }
    std::optional<erp_connection_list_mapping_container> run(ops::get_connection_list_mappings,
                                                             erp_connection_id_request const& r) const {
        auto c = conns_.find(r.ErpConnectionId);
        if (c == conns_.end())
            return std::nullopt;
        return list_mappings(c->second);
    }
    erp_connection_list_mapping_container run(ops::save_connection_list_mappings,
                                              save_list_mappings_request const& r) {
        auto& cs = conn(r.ListMapping.ErpConnectionId);
        for (auto const& lm : r.ListMapping.ErpListItemMappings) {
            auto const* f = field(cs, lm.ErpFieldId);
            if (!f || f->FieldType != field_metadata_type::List)
                fault("ErpFieldId " + std::to_string(lm.ErpFieldId) + " is not a list field of connection " +
                      std::to_string(cs.def.Id));
        }
        cs.def.ListMappings = r.ListMapping.ErpListItemMappings;
        return list_mappings(cs);
    }
    std::optional<erp_sync_default_value> run(ops::get_default_value_info,
                                              erp_field_id_request const& r) const {
        if (auto d = defaults_.find(r.ErpFieldId); d != defaults_.end())
            return d->second;
        for (auto const& [id, cs] : conns_)
            if (auto const* f = field(cs, r.ErpFieldId))
                return describe_default(erp_sync_default_value{}, *f);
        return std::nullopt;
    }
    erp_sync_default_value run(ops::save_default_value_info, save_default_value_request const& r) {
        for (auto const& [id, cs] : conns_)
            if (auto const* f = field(cs, r.ErpSyncDefaultValue.ErpFieldId))
                return defaults_[f->ErpFieldId] = describe_default(r.ErpSyncDefaultValue, *f);
        fault("ErpFieldId " + std::to_string(r.ErpSyncDefaultValue.ErpFieldId) + " does not exist");
    }
    void run(ops::validate_archive_column_config, archive_column_config_request const& r) {
        conn(r.ErpConnectionId);
        if (r.ListOwner.empty())
            fault("ListOwner is empty");
        ++archive_resets_[{r.ErpConnectionId, r.ListOwner}];
    }

private:
    struct conn_state {
        connection def; // everything but the actors
        std::map<erp_key, field_values> actors;
        std::map<crm_key, erp_key> crm_to_erp;
        std::map<erp_key, crm_key> erp_to_crm;
    };

    [[noreturn]] static void fault(std::string detail) {
        throw agent_fault("The request is invalid.", std::move(detail));
    }

    static std::optional<std::string> lookup(field_values const& f, std::string const& key) {
        auto it = f.find(key);
        return it == f.end() ? std::nullopt : std::optional<std::string>(it->second);
    }

    void load_into(seed const& s) {
        for (auto const& c : s.Connectors)
            if (!connectors_.emplace(c.Id, c).second)
                throw std::invalid_argument("seed: connector " + std::to_string(c.Id) + " is listed twice");
        for (auto const& r : s.CrmRecords)
            crm_[{r.Type, r.Id}] = r.Fields;
        std::int32_t max_field = 0;
        for (auto const& c : s.Connections)
            for (auto const& m : c.Mappings)
                for (auto const& f : m.FieldMappings)
                    max_field = std::max(max_field, f.ErpFieldId);
        next_field_id_ = max_field + 1;
        std::set<std::int32_t> field_ids;
        for (auto const& c : s.Connections) {
            auto [it, fresh] = conns_.try_emplace(c.Id);
            if (!fresh)
                throw std::invalid_argument("seed: connection " + std::to_string(c.Id) + " is listed twice");
            auto& cs = it->second;
            cs.def = c;
            cs.def.Actors.clear();
            for (auto& m : cs.def.Mappings) {
                m.ErpConnectionId = c.Id;
                for (auto& f : m.FieldMappings) {
                    if (f.ErpFieldId == 0)
                        f.ErpFieldId = next_field_id_++;
                    if (!field_ids.insert(f.ErpFieldId).second)
                        throw std::invalid_argument("seed: ErpFieldId " + std::to_string(f.ErpFieldId) +
                                                    " is used twice");
                }
            }
            for (auto const& a : c.Actors)
                cs.actors[{a.Type, a.Key}] = a.Fields;
        }
        for (auto const& l : s.Links) {
            auto it = conns_.find(l.ConnectionId);
            if (it == conns_.end())
                throw std::invalid_argument("seed: link to unknown connection " +
                                            std::to_string(l.ConnectionId));
            crm_key ck{l.CrmType, l.CrmId};
            if (!crm_.count(ck))
                throw std::invalid_argument("seed: link to unknown CRM record " + std::to_string(l.CrmId));
            it->second.actors.try_emplace({l.ErpType, l.ErpKey});
            link_records(it->second, ck, {l.ErpType, l.ErpKey});
        }
        for (auto const& d : s.DefaultValues) {
            erp_sync_field_mapping const* f = nullptr;
            for (auto const& [id, cs] : conns_)
                if (!f)
                    f = field(cs, d.ErpFieldId);
            if (!f)
                throw std::invalid_argument("seed: default value for unknown ErpFieldId " +
                                            std::to_string(d.ErpFieldId));
            defaults_[d.ErpFieldId] = describe_default(d, *f);
        }
        for (auto id : s.SyncPriorities)
            if (!conns_.count(id))
                throw std::invalid_argument("seed: sync priority for unknown connection " +
                                            std::to_string(id));
        priorities_ = s.SyncPriorities;
        engine_ = s.Engine;
    }

    conn_state& conn(std::int32_t id) {
        auto c = conns_.find(id);
        if (c == conns_.end())
            fault("ErpConnectionId " + std::to_string(id) + " does not exist");
        return c->second;
    }
    connector& connector_by_id(std::int32_t id) {
        auto c = connectors_.find(id);
        if (c == connectors_.end())
            fault("ErpConnectorId " + std::to_string(id) + " does not exist");
        return c->second;
    }
    bool in_use(std::int32_t connector_id) const {
        return std::any_of(conns_.begin(), conns_.end(), [&](auto const& c) {
            return c.second.def.ConnectorId == connector_id && !c.second.def.Deleted;
        });
    }
    static erp_sync_connector_entity entity(connector const& c) {
        erp_sync_connector_entity e;
        e.ErpConnectorId = c.Id;
        e.DisplayName = c.DisplayName;
        e.URL = c.URL;
        e.Deleted = c.Deleted;
        return e;
    }
    static erp_connection carrier(conn_state const& cs) {
        auto const& d = cs.def;
        erp_connection c;
        c.ErpConnectionId = d.Id;
        c.ErpConnectorId = d.ConnectorId;
        c.DisplayName = d.Name;
        c.DisplayDescription = d.Description;
        c.Active = d.Active;
        c.ConnectionId = d.ConnectionGuid;
        c.MostRecentTimestamp = d.MostRecentTimestamp;
        c.ConfigFields = d.ConfigFields;
        c.Deleted = d.Deleted;
        c.AllAccess = d.AllAccess;
        c.UserGroupAccessIds = d.UserGroupAccessIds;
        c.AssociateAccessIds = d.AssociateAccessIds;
        return c;
    }
    static erp_connection_list_mapping_container list_mappings(conn_state const& cs) {
        erp_connection_list_mapping_container c;
        c.ErpConnectionId = cs.def.Id;
        c.ErpConnectionName = cs.def.Name;
        c.ErpListItemMappings = cs.def.ListMappings;
        return c;
    }
    static std::string pad12(std::int32_t id) {
        std::string s = std::to_string(id);
        return std::string(s.size() < 12 ? 12 - s.size() : 0, '0') + s;
    }

    /// The mapping of an actor type; `any` also returns an inactive one.
    static erp_sync_actor_type_mapping const* mapping(conn_state const& cs, erp_actor_type t,
                                                      bool any = false) {
        for (auto const& m : cs.def.Mappings)
            if (m.ActorTypeErp == t && (any || m.IsActive))
                return &m;
        return nullptr;
    }
    static erp_sync_actor_type_mapping* mapping(conn_state& cs, erp_actor_type t, bool any = false) {
        return const_cast<erp_sync_actor_type_mapping*>(mapping(std::as_const(cs), t, any));
    }
    /// Whether the connection syncs actors of type `t` (any type when it has no mappings).
    static bool offers(conn_state const& cs, erp_actor_type t) {
        return cs.def.Mappings.empty() || mapping(cs, t, true) != nullptr;
    }
    static erp_sync_field_mapping const* field(conn_state const& cs, std::int32_t id) {
        for (auto const& m : cs.def.Mappings)
            for (auto const& f : m.FieldMappings)
                if (f.ErpFieldId == id)
                    return &f;
        return nullptr;
    }
    static field_metadata metadata(erp_sync_field_mapping const& f, std::int32_t rank) {
        field_metadata md;
        md.FieldKey = f.ErpFieldKey;
        md.Rank = rank;
        md.DisplayName = f.ErpDisplayName;
        md.DisplayDescription = f.ErpDisplayTooltip;
        md.FieldType = f.FieldType;
        md.ListName = f.ListReference;
        md.Access = f.Access;
        md.ShowInSearch = f.ShowInSearch;
        return md;
    }
    static erp_sync_default_value describe_default(erp_sync_default_value d,
                                                   erp_sync_field_mapping const& f) {
        d.ErpFieldId = f.ErpFieldId;
        d.ErpFieldKey = f.ErpFieldKey;
        d.FieldType = f.FieldType;
        d.ListName = f.ListReference;
        d.Access = f.Access;
        return d;
    }

    /// Copies a connector's schema into a connection: new actor types and fields are added (new
    /// fields unmapped), existing fields keep their id and mapping, fields the connector no
    /// longer has are flagged `MissingInERP`.
    void copy_schema(conn_state& cs, connector const& con) {
        for (auto const& src : con.Schema) {
            auto* m = mapping(cs, src.ActorTypeErp, true);
            if (!m) {
                auto& added = cs.def.Mappings.emplace_back();
                added.ErpConnectionId = cs.def.Id;
                added.IsActive = src.IsActive;
                added.ActorTypeErp = src.ActorTypeErp;
                added.ActorTypeCrm = src.ActorTypeCrm;
                m = &added;
            }
            for (auto& f : m->FieldMappings)
                f.MissingInERP = std::none_of(src.FieldMappings.begin(), src.FieldMappings.end(),
                                              [&](auto const& x) { return x.ErpFieldKey == f.ErpFieldKey; });
            for (auto const& sf : src.FieldMappings) {
                auto hit = std::find_if(m->FieldMappings.begin(), m->FieldMappings.end(),
                                        [&](auto const& x) { return x.ErpFieldKey == sf.ErpFieldKey; });
                if (hit != m->FieldMappings.end())
                    continue;
                auto& f = m->FieldMappings.emplace_back(sf);
                f.ErpFieldId = next_field_id_++;
                f.CrmFieldKey.clear();
                f.SyncToCrm = f.SyncToErp = f.AlreadyMapped = false;
            }
        }
    }

    bool config_complete(conn_state const& cs, std::map<std::string, std::string> const& values) const {
        auto c = connectors_.find(cs.def.ConnectorId);
        if (c == connectors_.end() || c->second.Deleted || cs.def.Deleted)
            return false;
        for (auto const& f : c->second.ConfigFields)
            if (f.Access == field_access::Mandatory) {
                auto v = values.find(f.FieldKey);
                if (v == values.end() || v->second.empty())
                    return false;
            }
        return true;
    }

    /// Sets `dst[key]` to `value` (unless `no_blank` and `value` would blank it); true when it changed.
    static bool put(field_values& dst, std::string const& key, std::string const& value, bool no_blank) {
        auto& d = dst[key];
        if ((no_blank && value.empty() && !d.empty()) || d == value)
            return false;
        d = value;
        return true;
    }
    /// ERP -> CRM through the mapping (rows with SyncToCrm), or every field by name.
    static bool pull(conn_state const& cs, erp_actor_type t, field_values const& erp, field_values& crm,
                     bool no_blank) {
        bool changed = false;
        if (auto const* m = mapping(cs, t)) {
            for (auto const& f : m->FieldMappings)
                if (f.SyncToCrm && !f.CrmFieldKey.empty())
                    if (auto v = erp.find(f.ErpFieldKey); v != erp.end())
                        changed |= put(crm, f.CrmFieldKey, v->second, no_blank);
        } else {
            for (auto const& [k, v] : erp)
                changed |= put(crm, k, v, no_blank);
        }
        return changed;
    }
    /// CRM -> ERP through the mapping (rows with SyncToErp), or every field by name.
    static bool push(conn_state const& cs, erp_actor_type t, field_values const& crm, field_values& erp,
                     bool no_blank) {
        bool changed = false;
        if (auto const* m = mapping(cs, t)) {
            for (auto const& f : m->FieldMappings)
                if (f.SyncToErp && !f.CrmFieldKey.empty())
                    if (auto v = crm.find(f.CrmFieldKey); v != crm.end())
                        changed |= put(erp, f.ErpFieldKey, v->second, no_blank);
        } else {
            for (auto const& [k, v] : crm)
                changed |= put(erp, k, v, no_blank);
        }
        return changed;
    }
    /// The ERP field a CRM field maps to for `t` (itself without a mapping).
    static std::optional<std::string> erp_key_for(conn_state const& cs, erp_actor_type t,
                                                  std::string const& crm) {
        auto const* m = mapping(cs, t);
        if (!m)
            return crm;
        for (auto const& f : m->FieldMappings)
            if (f.CrmFieldKey == crm)
                return f.ErpFieldKey;
        return std::nullopt;
    }
    void apply_defaults(conn_state const& cs, erp_actor_type t, field_values& erp, bool first_sync) const {
        auto const* m = mapping(cs, t, true);
        if (!m)
            return;
        for (auto const& f : m->FieldMappings) {
            auto d = defaults_.find(f.ErpFieldId);
            if (d == defaults_.end())
                continue;
            auto& v = erp[f.ErpFieldKey];
            if (!v.empty())
                continue;
            v = first_sync && d->second.HasFirstSyncDefaultValue ? d->second.FirstSyncDefaultValue
                                                                 : d->second.DefaultValue;
        }
    }
    std::vector<std::string> missing_mandatory(conn_state const& cs, erp_actor_type t,
                                               field_values const& erp) const {
        std::vector<std::string> out;
        auto const* m = mapping(cs, t, true);
        if (!m)
            return out;
        for (auto const& f : m->FieldMappings) {
            auto d = defaults_.find(f.ErpFieldId);
            bool mandatory =
                f.Access == field_access::Mandatory || (d != defaults_.end() && d->second.Mandatory);
            auto v = erp.find(f.ErpFieldKey);
            if (mandatory && (v == erp.end() || v->second.empty()))
                out.push_back(f.ErpFieldKey);
        }
        return out;
    }
    std::string new_actor_key(conn_state const& cs, erp_actor_type t) const {
        std::string prefix = t == erp_actor_type::Customer ? "C-"
                             : t == erp_actor_type::Supplier
                                 ? "S-"
                                 : std::string(detail::enum_name(t).value_or("A")) + "-";
        for (int n = 5001;; ++n)
            if (!cs.actors.count({t, prefix + std::to_string(n)}))
                return prefix + std::to_string(n);
    }

    /// ConnectActor and TryConnectActor: all checks first, then the change.
    bool connect(connect_actor_request const& r, bool try_only) {
        auto refuse = [&](std::string why) {
            if (!try_only)
                fault(std::move(why));
            return false;
        };
        auto c = conns_.find(r.ErpConnectionId);
        if (c == conns_.end())
            return refuse("ErpConnectionId " + std::to_string(r.ErpConnectionId) + " does not exist");
        auto& cs = c->second;
        crm_key ck{r.CrmActorType, r.CrmRecordId};
        auto rec = crm_.find(ck);
        if (rec == crm_.end())
            return refuse("CRM record " + std::to_string(r.CrmRecordId) +
                          " of that CrmActorType does not exist");
        if (r.ErpKey.empty())
            return refuse("ErpKey is empty");
        if (!offers(cs, r.ErpActorType))
            return refuse("the connection does not sync that ErpActorType");
        erp_key ek{r.ErpActorType, r.ErpKey};
        auto existing = cs.actors.find(ek);
        bool const created = existing == cs.actors.end();
        field_values actor = created ? field_values{} : existing->second;
        field_values crm = rec->second;
        for (auto const& v : r.FieldValues) {
            if (v.SyncToCrm)
                crm[v.CrmFieldKey] = v.Value;
            if (v.SyncToErp)
                if (auto k = erp_key_for(cs, r.ErpActorType, v.CrmFieldKey))
                    actor[*k] = v.Value;
        }
        apply_defaults(cs, r.ErpActorType, actor, created);
        if (auto missing = missing_mandatory(cs, r.ErpActorType, actor); !missing.empty())
            return refuse("mandatory ERP field '" + missing.front() + "' has no value");
        cs.actors[ek] = std::move(actor);
        rec->second = std::move(crm);
        link_records(cs, ck, ek);
        return true;
    }

    void link_records(conn_state& cs, crm_key const& ck, erp_key const& ek) {
        if (auto old = cs.crm_to_erp.find(ck); old != cs.crm_to_erp.end())
            cs.erp_to_crm.erase(old->second);
        if (auto old = cs.erp_to_crm.find(ek); old != cs.erp_to_crm.end())
            cs.crm_to_erp.erase(old->second);
        cs.crm_to_erp[ck] = ek;
        cs.erp_to_crm[ek] = ck;
        if (!ik_of_.count(ck)) {
            ik_of_[ck] = next_ik_;
            crm_of_ik_[next_ik_] = ck;
            ++next_ik_;
        }
    }

    erp_sync_engine_status engine_status() const {
        erp_sync_engine_status s;
        s.IsRunning = engine_.IsRunning;
        s.StatusMessage = engine_.StatusMessage;
        s.Interval = engine_.Interval;
        return s;
    }

    static char const* table_name(crm_actor_type t) {
        switch (t) {
        case crm_actor_type::Contact:
            return "contact";
        case crm_actor_type::Person:
            return "person";
        case crm_actor_type::Project:
            return "project";
        case crm_actor_type::Sale:
            return "sale";
        default:
            return "unknown";
        }
    }

    static plugin_response failure(std::string code, std::string tech) {
        plugin_response r;
        r.IsOk = false;
        r.ErrorCode = std::move(code);
        r.UserExplanation = "The records could not be synchronised.";
        r.TechExplanation = std::move(tech);
        r.Status = quote_status::Error;
        return r;
    }

    template <class Keys>
    static std::string list(Keys const& keys) {
        std::string s;
        std::size_t n = 0;
        for (auto const& k : keys) {
            if (n == 20) {
                s += ", ...";
                break;
            }
            if (n++)
                s += ", ";
            if constexpr (std::is_same_v<std::decay_t<decltype(k)>, std::string>)
                s += k;
            else
                s += std::to_string(k);
        }
        return s;
    }

    static plugin_response success(std::string text) {
        plugin_response r;
        r.IsOk = true;
        r.Status = quote_status::Ok;
        r.Changes.emplace();
        r.TechExplanation = text;
        r.UserExplanation = std::move(text);
        return r;
    }

    plugin_response resync(std::int32_t source, std::vector<crm_key> const& records, bool no_blank) {
        auto r = success("Resynchronised " + std::to_string(records.size()) + " record(s)");
        std::set<crm_key> reported;
        for (auto const& ck : records) {
            auto& crm = crm_[ck];
            bool changed = false;
            if (source != 0) {
                auto& cs = conns_.at(source);
                auto const& ek = cs.crm_to_erp.at(ck);
                changed = pull(cs, ek.first, cs.actors[ek], crm, no_blank);
            }
            for (auto& [id, cs] : conns_) {
                if (id == source || !cs.def.Active || cs.def.Deleted)
                    continue;
                if (auto l = cs.crm_to_erp.find(ck); l != cs.crm_to_erp.end())
                    push(cs, l->second.first, crm, cs.actors[l->second], no_blank);
            }
            if (changed && reported.insert(ck).second)
                r.Changes->UpdatedRecords.push_back(
                    changed_data_item{table_name(ck.first), ck.second, {}, {}});
        }
        return r;
    }

    /// The connections in sync priority order, highest first.
    std::vector<std::int32_t> priority_order() const {
        std::vector<std::int32_t> order;
        for (auto id : priorities_)
            if (conns_.count(id))
                order.push_back(id);
        for (auto const& [id, cs] : conns_)
            if (std::find(order.begin(), order.end(), id) == order.end())
                order.push_back(id);
        return order;
    }

    plugin_response sync(bool auto_only) {
        auto order = priority_order();
        std::vector<std::int32_t> eligible;
        for (auto id : order) {
            auto const& d = conns_.at(id).def;
            if (d.Active && !d.Deleted && (!auto_only || d.AutoSync))
                eligible.push_back(id);
        }
        std::set<crm_key> changed;
        // lowest priority first: the highest priority connection's values are applied last
        for (auto it = eligible.rbegin(); it != eligible.rend(); ++it) {
            auto& cs = conns_.at(*it);
            for (auto const& [ck, ek] : cs.crm_to_erp)
                if (pull(cs, ek.first, cs.actors[ek], crm_[ck], false))
                    changed.insert(ck);
        }
        std::size_t links = 0;
        auto now = timestamp(std::chrono::system_clock::now());
        for (auto id : eligible) {
            auto& cs = conns_.at(id);
            for (auto const& [ck, ek] : cs.crm_to_erp) {
                push(cs, ek.first, crm_[ck], cs.actors[ek], false);
                ++links;
            }
            cs.def.LastSync = now;
        }
        auto r = success("Synchronised " + std::to_string(links) + " link(s) on " +
                         std::to_string(eligible.size()) + " connection(s)");
        for (auto const& ck : changed)
            r.Changes->UpdatedRecords.push_back(changed_data_item{table_name(ck.first), ck.second, {}, {}});
        return r;
    }

    std::optional<plugin_response> check_connection(std::int32_t id, bool allow_crm) {
        if (id == 0 && allow_crm)
            return std::nullopt;
        auto c = conns_.find(id);
        if (c == conns_.end())
            return failure("ErrorNotFound", "ErpConnection " + std::to_string(id) + " does not exist");
        if (!c->second.def.Active || c->second.def.Deleted)
            return failure("ErrorConnectionInactive",
                           "ErpConnection " + std::to_string(id) + " is not active");
        return std::nullopt;
    }

    plugin_response resync_internal(force_resync_request const& r, bool no_blank) {
        if (auto f = check_connection(r.ErpConnectionId, true))
            return *f;
        std::vector<crm_key> records;
        std::vector<std::int32_t> missing, unlinked;
        for (auto id : r.InternalKeyIds) {
            auto it = crm_of_ik_.find(id);
            if (it == crm_of_ik_.end()) {
                missing.push_back(id);
                continue;
            }
            if (r.ErpConnectionId != 0 && !conns_.at(r.ErpConnectionId).crm_to_erp.count(it->second)) {
                unlinked.push_back(id);
                continue;
            }
            records.push_back(it->second);
        }
        if (!missing.empty())
            return failure("ErrorNotFound", "Unknown InternalKeyIds: " + list(missing));
        if (!unlinked.empty())
            return failure("ErrorNotLinked", "InternalKeyIds not linked to ErpConnection " +
                                                 std::to_string(r.ErpConnectionId) + ": " + list(unlinked));
        for (auto id : std::set<std::int32_t>(r.InternalKeyIds.begin(), r.InternalKeyIds.end()))
            ++internal_resyncs_[{r.ErpConnectionId, id}];
        return resync(r.ErpConnectionId, records, no_blank);
    }

    plugin_response resync_external(force_resync_external_request const& r, bool no_blank) {
        if (auto f = check_connection(r.ErpConnectionId, false))
            return *f;
        auto& cs = conns_.at(r.ErpConnectionId);
        std::vector<crm_key> records;
        std::vector<std::string> missing, unlinked;
        for (auto const& key : r.ExternalKeys) {
            erp_key ek{r.ErpActorType, key};
            if (!cs.actors.count(ek)) {
                missing.push_back(key);
                continue;
            }
            auto l = cs.erp_to_crm.find(ek);
            if (l == cs.erp_to_crm.end()) {
                unlinked.push_back(key);
                continue;
            }
            records.push_back(l->second);
        }
        if (!missing.empty())
            return failure("ErrorNotFound", "Unknown ExternalKeys: " + list(missing));
        if (!unlinked.empty())
            return failure("ErrorNotLinked", "ExternalKeys not linked to a CRM record: " + list(unlinked));
        for (auto const& key : std::set<std::string>(r.ExternalKeys.begin(), r.ExternalKeys.end()))
            ++external_resyncs_[{r.ErpConnectionId, r.ErpActorType, key}];
        return resync(r.ErpConnectionId, records, no_blank);
    }

    std::map<crm_key, field_values> crm_;
    std::map<std::int32_t, connector> connectors_;
    std::map<std::int32_t, conn_state> conns_;
    std::map<crm_key, std::int32_t> ik_of_;
    std::map<std::int32_t, crm_key> crm_of_ik_;
    std::map<std::int32_t, erp_sync_default_value> defaults_;
    std::vector<std::int32_t> priorities_;
    std::map<std::pair<std::int32_t, std::string>, int> archive_resets_;
    std::map<internal_resync_key, std::size_t> internal_resyncs_;
    std::map<external_resync_key, std::size_t> external_resyncs_;
    std::int32_t next_ik_ = 1;
    std::int32_t next_field_id_ = 1;
    engine engine_;
};

emulator::emulator(seed const& s) : impl_(std::make_unique<impl>(s)) {}
emulator::emulator(emulator const& other) : impl_(std::make_unique<impl>(*other.impl_)) {}
emulator::emulator(emulator&& other) noexcept = default;
emulator& emulator::operator=(emulator const& other) {
    if (this != &other)
        impl_ = std::make_unique<impl>(*other.impl_);
    return *this;
}
emulator& emulator::operator=(emulator&& other) noexcept = default;
emulator::~emulator() = default;

void emulator::load(seed const& s) {
    impl_->load(s);
}
seed emulator::snapshot() const {
    return impl_->snapshot();
}

std::optional<std::string> emulator::crm_field(crm_actor_type t, std::int32_t id,
                                               std::string const& field) const {
    return impl_->crm_field(t, id, field);
}
std::optional<std::string> emulator::erp_field(std::int32_t conn, erp_actor_type t, std::string const& key,
                                               std::string const& field) const {
    return impl_->erp_field(conn, t, key, field);
}
std::optional<std::int32_t> emulator::internal_key(crm_actor_type t, std::int32_t id) const {
    return impl_->internal_key(t, id);
}
std::optional<emulator::erp_key> emulator::linked_actor(std::int32_t conn, crm_actor_type t,
                                                        std::int32_t id) const {
    return impl_->linked_actor(conn, t, id);
}
std::vector<std::string> emulator::actor_keys(std::int32_t conn, erp_actor_type t) const {
    return impl_->actor_keys(conn, t);
}
int emulator::archive_resets(std::int32_t conn, std::string const& list_owner) const {
    return impl_->archive_resets(conn, list_owner);
}
std::size_t emulator::resync_count(std::int32_t conn, std::int32_t internal_key) const {
    return impl_->resync_count(conn, internal_key);
}
std::size_t emulator::resync_count(std::int32_t conn, erp_actor_type t,
                                   std::string const& external_key) const {
    return impl_->resync_count(conn, t, external_key);
}
std::map<emulator::internal_resync_key, std::size_t> const& emulator::internal_resyncs() const noexcept {
    return impl_->internal_resyncs();
}
std::map<emulator::external_resync_key, std::size_t> const& emulator::external_resyncs() const noexcept {
    return impl_->external_resyncs();
}
engine& emulator::engine_state() noexcept {
    return impl_->engine_state();
}
engine const& emulator::engine_state() const noexcept {
    return std::as_const(*impl_).engine_state();
}
bool emulator::run_engine() {
    return impl_->run_engine();
}

template <class Op>
run_result_t<Op> emulator::run(Op op, request_t<Op> const& request) {
    static_assert(std::is_same_v<decltype(impl_->run(op, request)), run_result_t<Op>>,
                  "the emulator's answer to an operation is its response type, or std::optional of it for "
                  "the operations listed in nullable_ops");
    return impl_->run(op, request);
}

// `run` for every operation of `ops::all`, instantiated here where it is defined (other translation
// units see its declaration only): the table's initializer names each one, and `used` keeps the
// table, so the functions, in the object file.
template <class... Op>
constexpr auto run_functions(boost::mp11::mp_list<Op...>) {
    return std::tuple{
        static_cast<run_result_t<Op> (emulator::*)(Op, request_t<Op> const&)>(&emulator::run<Op>)...};
}
[[gnu::used]] constexpr auto run_instances = run_functions(ops::all{});

} // namespace superoffice::erpsync::sandbox

#endif
