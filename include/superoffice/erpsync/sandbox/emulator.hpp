//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_EMULATOR_HPP
#define SO_ERPSYNC_SANDBOX_EMULATOR_HPP

/// @file
/// `emulator`: the ErpSync agent's behaviour over the sandbox state, one `run` overload per
/// operation. Transport-free: the server decodes, calls `run`, encodes.
///
/// Rules emulated:
/// - ForceResync*: the connection (0 = CRM) is the source. Each record is pulled from the source
///   into the CRM, then pushed from the CRM to the record's actors on every other connection.
///   CRM records whose fields changed are reported in `Changes.UpdatedRecords`. Unknown
///   connections, ids or keys give `IsOk: false` with `ErrorCode` and change nothing.
/// - The NoBlankValues variants never overwrite a non-blank value with a blank one.
/// - ConnectActor links a CRM record to an ERP actor (creating the actor when the key is new),
///   replacing earlier links of either side on that connection, then applies the FieldValues
///   (`SyncToCrm` to the CRM record, `SyncToErp` to the actor). Invalid parameters give the
///   agents' 200 `{Message, MessageDetail}` answer.
/// - GetEngineStatus reports the engine state.
///
/// @par Thread safety
/// Not synchronised; the server serialises calls.

#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/sandbox/state.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace superoffice::erpsync::sandbox {

/// Thrown by `run` for invalid parameters: the agent answers 200 `{Message, MessageDetail}`.
struct agent_fault : std::runtime_error {
    agent_fault(std::string message, std::string detail)
        : std::runtime_error(std::move(message)), detail(std::move(detail)) {}
    std::string detail;
};

class emulator {
public:
    using crm_key = std::pair<crm_actor_type, std::int32_t>;
    using erp_key = std::pair<erp_actor_type, std::string>;

    explicit emulator(seed const& s = default_seed()) { load(s); }

    /// Replaces the whole state.
    void load(seed const& s) {
        crm_.clear();
        conns_.clear();
        ik_of_.clear();
        crm_of_ik_.clear();
        next_ik_ = 1;
        for (auto const& r : s.CrmRecords)
            crm_[{r.Type, r.Id}] = r.Fields;
        for (auto const& c : s.Connections) {
            auto& cs = conns_[c.Id];
            cs.name = c.Name;
            cs.active = c.Active;
            cs.actor_types = c.ActorTypes;
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
        engine_ = s.Engine;
    }

    /// The whole state, in seed form.
    seed snapshot() const {
        seed s;
        for (auto const& [k, f] : crm_)
            s.CrmRecords.push_back(crm_record{k.first, k.second, f});
        for (auto const& [id, c] : conns_) {
            connection out{id, c.name, c.active, c.actor_types, {}};
            for (auto const& [k, f] : c.actors)
                out.Actors.push_back(erp_actor{k.first, k.second, f});
            s.Connections.push_back(std::move(out));
            for (auto const& [ck, ek] : c.crm_to_erp)
                s.Links.push_back(link{id, ck.first, ck.second, ek.first, ek.second});
        }
        s.Engine = engine_;
        return s;
    }

    // --- queries for tests and tools ------------------------------------------------------
    std::optional<std::string> crm_field(crm_actor_type t, std::int32_t id, std::string const& field) const {
        auto it = crm_.find({t, id});
        if (it == crm_.end())
            return std::nullopt;
        auto f = it->second.find(field);
        return f == it->second.end() ? std::nullopt : std::optional<std::string>(f->second);
    }
    std::optional<std::string> erp_field(std::int32_t conn, erp_actor_type t, std::string const& key,
                                         std::string const& field) const {
        auto c = conns_.find(conn);
        if (c == conns_.end())
            return std::nullopt;
        auto a = c->second.actors.find({t, key});
        if (a == c->second.actors.end())
            return std::nullopt;
        auto f = a->second.find(field);
        return f == a->second.end() ? std::nullopt : std::optional<std::string>(f->second);
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
    engine& engine_state() noexcept { return engine_; }

    // --- operations -----------------------------------------------------------------------
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

    void run(ops::connect_actor, connect_actor_request const& r) {
        auto c = conns_.find(r.ErpConnectionId);
        if (c == conns_.end())
            throw agent_fault("The request is invalid.",
                              "ErpConnectionId " + std::to_string(r.ErpConnectionId) + " does not exist");
        crm_key ck{r.CrmActorType, r.CrmRecordId};
        auto rec = crm_.find(ck);
        if (rec == crm_.end())
            throw agent_fault("The request is invalid.", "CRM record " + std::to_string(r.CrmRecordId) +
                                                             " of that CrmActorType does not exist");
        if (r.ErpKey.empty())
            throw agent_fault("The request is invalid.", "ErpKey is empty");
        auto& cs = c->second;
        if (!cs.actor_types.empty() &&
            std::find(cs.actor_types.begin(), cs.actor_types.end(), r.ErpActorType) == cs.actor_types.end())
            throw agent_fault("The request is invalid.", "the connection does not sync that ErpActorType");
        erp_key ek{r.ErpActorType, r.ErpKey};
        auto& actor = cs.actors[ek];
        link_records(cs, ck, ek);
        for (auto const& v : r.FieldValues) {
            if (v.SyncToCrm)
                rec->second[v.CrmFieldKey] = v.Value;
            if (v.SyncToErp)
                actor[v.CrmFieldKey] = v.Value;
        }
    }

    erp_sync_engine_status run(ops::get_engine_status, no_request const&) const {
        erp_sync_engine_status s;
        s.IsRunning = engine_.IsRunning;
        s.StatusMessage = engine_.StatusMessage;
        s.Interval = engine_.Interval;
        return s;
    }

private:
    struct conn_state {
        std::string name;
        bool active = true;
        std::vector<erp_actor_type> actor_types;
        std::map<erp_key, field_values> actors;
        std::map<crm_key, erp_key> crm_to_erp;
        std::map<erp_key, crm_key> erp_to_crm;
    };

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

    /// Copies `src` into `dst`; true when something changed.
    static bool apply(field_values const& src, field_values& dst, bool no_blank) {
        bool changed = false;
        for (auto const& [k, v] : src) {
            auto& d = dst[k];
            if (no_blank && v.empty() && !d.empty())
                continue;
            if (d != v) {
                d = v;
                changed = true;
            }
        }
        return changed;
    }

    plugin_response resync(std::int32_t source, std::vector<crm_key> const& records, bool no_blank) {
        plugin_response r;
        r.IsOk = true;
        r.Status = quote_status::Ok;
        r.Changes.emplace();
        std::set<crm_key> reported;
        for (auto const& ck : records) {
            auto& crm = crm_[ck];
            bool changed = false;
            if (source != 0) {
                auto& cs = conns_.at(source);
                changed = apply(cs.actors[cs.crm_to_erp.at(ck)], crm, no_blank);
            }
            for (auto& [id, cs] : conns_) {
                if (id == source || !cs.active)
                    continue;
                if (auto l = cs.crm_to_erp.find(ck); l != cs.crm_to_erp.end())
                    apply(crm, cs.actors[l->second], no_blank);
            }
            if (changed && reported.insert(ck).second)
                r.Changes->UpdatedRecords.push_back(
                    changed_data_item{table_name(ck.first), ck.second, {}, {}});
        }
        r.TechExplanation = "Resynchronised " + std::to_string(records.size()) + " record(s)";
        r.UserExplanation = r.TechExplanation;
        return r;
    }

    std::optional<plugin_response> check_connection(std::int32_t id, bool allow_crm) {
        if (id == 0 && allow_crm)
            return std::nullopt;
        auto c = conns_.find(id);
        if (c == conns_.end())
            return failure("ErrorNotFound", "ErpConnection " + std::to_string(id) + " does not exist");
        if (!c->second.active)
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
        return resync(r.ErpConnectionId, records, no_blank);
    }

    std::map<crm_key, field_values> crm_;
    std::map<std::int32_t, conn_state> conns_;
    std::map<crm_key, std::int32_t> ik_of_;
    std::map<std::int32_t, crm_key> crm_of_ik_;
    std::int32_t next_ik_ = 1;
    engine engine_;
};

} // namespace superoffice::erpsync::sandbox

#endif
