//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPERATIONS_HPP
#define SO_ERPSYNC_OPERATIONS_HPP

/// @file
/// The ErpSync operations, each described once.
///
/// `SO_ERPSYNC_OPERATIONS(X)` is the single list: one line per operation with
/// (C++ name, wire name, request carrier, response type, safe to retry). From it come the
/// description types in `ops::` (name, request and response types, retry safety), the type list
/// `ops::all` that the sandbox's dispatch table and the tests iterate over, and the client's named
/// members `async_<name>`. Adding an operation is one line here, its carriers, and its sandbox
/// behaviour.
///
/// Response types: a carrier (200 with a JSON object), or `void` (204 No Content, which accepts an
/// empty body or `null`). Request carriers hold the body's properties; `no_request` means the call
/// sends no body.
///
/// "Safe to retry" marks operations whose repetition cannot do harm (resyncs converge; reads).
/// The client only replays a request transparently (e.g. after a stale keep-alive connection)
/// when its operation is marked so.

#include <superoffice/erpsync/carriers/engine_status.hpp>
#include <superoffice/erpsync/carriers/field_value.hpp>
#include <superoffice/erpsync/carriers/plugin_response.hpp>

#include <boost/describe/class.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace superoffice::erpsync {

/// The request of operations that send no body.
struct no_request {};
BOOST_DESCRIBE_STRUCT(no_request, (), ())

/// `ForceResync` and `ForceResyncNoBlankValues`: records by internal key id.
struct force_resync_request {
    /// The connection to resync from (0: from CRM).
    std::int32_t ErpConnectionId = 0;
    std::vector<std::int32_t> InternalKeyIds{};
};
BOOST_DESCRIBE_STRUCT(force_resync_request, (), (ErpConnectionId, InternalKeyIds))

/// `ForceResyncExternal` and `ForceResyncExternalNoBlankValues`: records by ERP key.
struct force_resync_external_request {
    std::int32_t ErpConnectionId = 0;
    erp_actor_type ErpActorType = erp_actor_type::Unknown;
    std::vector<std::string> ExternalKeys{};
};
BOOST_DESCRIBE_STRUCT(force_resync_external_request, (), (ErpConnectionId, ErpActorType, ExternalKeys))

/// `ConnectActor`: link a CRM record to an ERP actor and apply field values.
struct connect_actor_request {
    std::int32_t ErpConnectionId = 0;
    std::int32_t CrmRecordId = 0;
    crm_actor_type CrmActorType = crm_actor_type::Unknown;
    std::string ErpKey{};
    erp_actor_type ErpActorType = erp_actor_type::Unknown;
    std::vector<erp_sync_field_value> FieldValues{};
};
BOOST_DESCRIBE_STRUCT(connect_actor_request, (),
                      (ErpConnectionId, CrmRecordId, CrmActorType, ErpKey, ErpActorType, FieldValues))

// clang-format off
/// The operation list: (C++ name, wire name, request, response, safe to retry).
#define SO_ERPSYNC_OPERATIONS(X)                                                                          \
    /* Force resync of records by internal key id, from CRM (0) or one connection. */                    \
    X(force_resync, ForceResync, force_resync_request, plugin_response, true)                            \
    /* The same, where blank values never overwrite non-blank values. */                                 \
    X(force_resync_no_blank_values, ForceResyncNoBlankValues, force_resync_request, plugin_response, true) \
    /* Force resync of records by ERP external key. */                                                   \
    X(force_resync_external, ForceResyncExternal, force_resync_external_request, plugin_response, true)  \
    /* The same, where blank values never overwrite non-blank values. */                                 \
    X(force_resync_external_no_blank_values, ForceResyncExternalNoBlankValues,                           \
      force_resync_external_request, plugin_response, true)                                              \
    /* Link a CRM record and an ERP actor and apply field values (204 No Content). */                    \
    X(connect_actor, ConnectActor, connect_actor_request, void, false)                                   \
    /* Read the sync engine's state. */                                                                  \
    X(get_engine_status, GetEngineStatus, no_request, erp_sync_engine_status, true)
// clang-format on

/// Operation descriptions.
namespace ops {

#define SO_ERPSYNC_DETAIL_DEFINE_OP(id, wire, req, resp, retry)                                              \
    struct id {                                                                                              \
        static constexpr std::string_view name = #wire;                                                      \
        using request_type = req;                                                                            \
        using response_type = resp;                                                                          \
        static constexpr bool retry_safe = retry;                                                            \
        static constexpr bool has_body = !std::is_same_v<req, no_request>;                                   \
    };
SO_ERPSYNC_OPERATIONS(SO_ERPSYNC_DETAIL_DEFINE_OP)
#undef SO_ERPSYNC_DETAIL_DEFINE_OP

#define SO_ERPSYNC_DETAIL_LIST_OP(id, ...) , id
/// Every operation, in list order.
using all =
    boost::mp11::mp_pop_front<boost::mp11::mp_list<void SO_ERPSYNC_OPERATIONS(SO_ERPSYNC_DETAIL_LIST_OP)>>;
#undef SO_ERPSYNC_DETAIL_LIST_OP

} // namespace ops

/// The request carrier of operation `Op`.
template <class Op>
using request_t = typename Op::request_type;
/// The result type of operation `Op` (`void` for 204 operations).
template <class Op>
using response_t = typename Op::response_type;

} // namespace superoffice::erpsync

#endif
