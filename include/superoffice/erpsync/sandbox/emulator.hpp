//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_SANDBOX_EMULATOR_HPP
#define SO_ERPSYNC_SANDBOX_EMULATOR_HPP

/// @file
/// `emulator`: the ErpSync agent's behaviour over the sandbox state, `run(Op{}, request)` for
/// every operation. Transport-free: the server decodes, calls `run`, encodes. Compiled in the
/// sandbox library (`superoffice::erpsync_sandbox`): `run` is instantiated there for every
/// operation of `ops::all`.
///
/// Answers, as the Agents documentation describes them:
/// - Fetching one thing by id (`GetConnection`, `GetErpSyncConnectorEntity`,
///   `GetActorTypeMapping`, `GetDefaultValueInfo`, `GetConnectionListMappings`,
///   `GetErpSyncConnectionSummary`) answers `null` when it does not exist.
/// - Any other call naming something that does not exist, or with invalid parameters, answers
///   200 with the agents' error object `{Message, MessageDetail}` (`agent_fault`) and changes
///   nothing. Exceptions: `CanDeleteErpSyncConnectorEntity` answers `ErrorNotFound`;
///   `TestConnectorUrl` answers `ErrorNotFound` for a URL no connector has; the `ForceResync*`
///   calls answer a `PluginResponse` with `IsOk: false` and an `ErrorCode`; `TryConnectActor`,
///   `CreateActorLink`, `CreateErpActorFromCrm` answer `false` when the link cannot be made.
///
/// Rules:
/// - Field values move through the connection's mapping for the actor type: ERP -> CRM for rows
///   with `SyncToCrm`, CRM -> ERP for rows with `SyncToErp`. No (or an inactive) mapping: every
///   field by name, both ways.
/// - ForceResync*: the connection (0 = CRM) is the source. Each record is pulled from the source
///   into the CRM, then pushed from the CRM to the record's actors on every other active
///   connection. CRM records whose fields changed are reported in `Changes.UpdatedRecords`. The
///   NoBlankValues variants never overwrite a non-blank value with a blank one.
/// - ForceResyncBatchTask queues the resync; the engine applies the queue on its next run
///   (`run_engine`, called by the server every `Interval` while the engine runs).
/// - Every applied resync is counted per key (`resync_count`, `internal_resyncs`,
///   `external_resyncs`), so that tests can tell which requests took effect.
/// - SyncAll pulls every link of the active, auto-synced connections into the CRM (lowest
///   priority first, so the highest priority connection's values win), then pushes the CRM to
///   them. ForceSyncAll does the same for every active connection. The engine's run is the
///   queue, then SyncAll.
/// - ConnectActor / TryConnectActor link a CRM record to an ERP actor (created when the key is
///   new), replacing earlier links of either side on that connection, apply the `FieldValues`
///   (`SyncToCrm` to the CRM record, `SyncToErp` to the actor through the mapping) and the
///   default values of blank ERP fields (`FirstSyncDefaultValue` for a new actor when set).
///   A mandatory ERP field left blank refuses the link.
/// - Connectors: `CanDelete...` answers `ErrorConnectorHasConnections` while a connection that
///   is not deleted uses the connector; deleting such a connector is refused.
/// - Connections: `SaveConnection` with id 0 creates (copying the connector's schema), otherwise
///   updates; `DeleteConnection` marks deleted and inactive; `GetAllConnections` leaves out
///   `ConfigFields` (and deleted connections unless asked). A connection test succeeds when the
///   connector exists and every mandatory configuration field has a value.
///
/// @par Thread safety
/// Not synchronised; the server serialises calls.

#include <superoffice/erpsync/operations.hpp>
#include <superoffice/erpsync/sandbox/state.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace superoffice::erpsync::sandbox {

/// Thrown by `run` for invalid parameters: the agent answers 200 `{Message, MessageDetail}`.
struct agent_fault : std::runtime_error {
    /// `message` is the answer's `Message`, `detail` its `MessageDetail`.
    agent_fault(std::string message, std::string detail)
        : std::runtime_error(std::move(message)), detail(std::move(detail)) {}
    std::string detail; ///< The answer's `MessageDetail`.
};

/// The operations that fetch one thing by id: the emulator answers `std::nullopt` (`null` on the
/// wire) when it does not exist.
using nullable_ops =
    boost::mp11::mp_list<ops::get_connection, ops::get_erp_sync_connector_entity, ops::get_actor_type_mapping,
                         ops::get_default_value_info, ops::get_connection_list_mappings,
                         ops::get_erp_sync_connection_summary>;

/// What `emulator::run` answers for `Op`: `response_t<Op>`, or `std::optional` of it for the
/// `nullable_ops`.
template <class Op>
using run_result_t = std::conditional_t<boost::mp11::mp_contains<nullable_ops, Op>::value,
                                        std::optional<response_t<Op>>, response_t<Op>>;

/// The ErpSync agent's behaviour over a sandbox state (see the file's comment): `run(Op{}, request)`
/// answers as the agent would and changes the state. Not thread-safe: the server serialises it.
class emulator {
public:
    /// A CRM record: its actor type and id.
    using crm_key = std::pair<crm_actor_type, std::int32_t>;
    /// An ERP actor: its actor type and key.
    using erp_key = std::pair<erp_actor_type, std::string>;

    /// An emulator holding `s`. Throws `std::invalid_argument` for an inconsistent seed (see `load`).
    explicit emulator(seed const& s = default_seed());
    /// Copies the whole state. A moved-from emulator may only be assigned to or destroyed.
    emulator(emulator const& other);
    emulator(emulator&& other) noexcept;            ///< Takes the state of `other`.
    emulator& operator=(emulator const& other);     ///< Copies the whole state.
    emulator& operator=(emulator&& other) noexcept; ///< Takes the state of `other`.
    ~emulator();

    /// Replaces the whole state. Throws `std::invalid_argument` for an inconsistent seed (a link
    /// to something unknown, a field id used twice, a default value for no field).
    void load(seed const& s);

    /// The whole state, in seed form.
    seed snapshot() const;

    // --- queries for tests and tools ------------------------------------------------------
    /// A field of a CRM record, or nullopt when the record or the field does not exist.
    std::optional<std::string> crm_field(crm_actor_type t, std::int32_t id, std::string const& field) const;
    /// A field of an ERP actor of connection `conn`, or nullopt when it does not exist.
    std::optional<std::string> erp_field(std::int32_t conn, erp_actor_type t, std::string const& key,
                                         std::string const& field) const;
    /// The internal key id of a linked CRM record.
    std::optional<std::int32_t> internal_key(crm_actor_type t, std::int32_t id) const;
    /// The ERP actor a CRM record is linked to on a connection.
    std::optional<erp_key> linked_actor(std::int32_t conn, crm_actor_type t, std::int32_t id) const;
    /// The keys of a connection's actors of one type.
    std::vector<std::string> actor_keys(std::int32_t conn, erp_actor_type t) const;
    /// How often `ValidateArchiveColumnConfig` reset a list owner's columns on a connection.
    int archive_resets(std::int32_t conn, std::string const& list_owner) const;

    /// (connection id, internal key id) of the applied `ForceResync*` by internal key.
    using internal_resync_key = std::pair<std::int32_t, std::int32_t>;
    /// (connection id, ERP actor type, external key) of the applied `ForceResyncExternal*`.
    using external_resync_key = std::tuple<std::int32_t, erp_actor_type, std::string>;

    /// How often a key was resynced by `ForceResync`, `ForceResyncNoBlankValues` or a
    /// `ForceResyncBatchTask`, with `conn` as the request's `ErpConnectionId` (0: the CRM), since
    /// construction or the last `load`. Only applied resyncs count: a request refused as a whole
    /// (unknown or inactive connection, unknown or unlinked keys) counts nothing, and a batch task
    /// counts when the engine applies it (`run_engine`), not when it is queued. A key listed
    /// several times in one request counts once.
    std::size_t resync_count(std::int32_t conn, std::int32_t internal_key) const;
    /// How often an ERP actor's key was resynced by `ForceResyncExternal` or
    /// `ForceResyncExternalNoBlankValues` on connection `conn`; the same rules as above.
    std::size_t resync_count(std::int32_t conn, erp_actor_type t, std::string const& external_key) const;
    /// Every count of `resync_count(conn, internal_key)` that is not 0.
    std::map<internal_resync_key, std::size_t> const& internal_resyncs() const noexcept;
    /// Every count of `resync_count(conn, type, external_key)` that is not 0.
    std::map<external_resync_key, std::size_t> const& external_resyncs() const noexcept;
    /// The sync engine's state (running, interval, runs so far).
    engine& engine_state() noexcept;
    /// The sync engine's state.
    engine const& engine_state() const noexcept;

    /// One run of the sync engine: the queued resyncs, then SyncAll. Nothing while it is stopped.
    /// Returns whether it ran.
    bool run_engine();

    /// Runs operation `Op` (e.g. `run(ops::force_resync{}, request)`) on the state and returns
    /// its answer. Throws `agent_fault` for what the agent refuses with `{Message,
    /// MessageDetail}`; the state is then unchanged. Defined for every operation of `ops::all`
    /// (explicitly instantiated in the sandbox library).
    template <class Op>
    run_result_t<Op> run(Op op, request_t<Op> const& request);

    /// As `run(Op{}, request)`.
    template <class Op>
    run_result_t<Op> run(request_t<Op> const& request) {
        return run(Op{}, request);
    }

private:
    class impl;
    std::unique_ptr<impl> impl_;
};

} // namespace superoffice::erpsync::sandbox

#endif
