//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_LINKS_HPP
#define SO_ERPSYNC_OPS_LINKS_HPP

/// @file
/// Links between CRM records and ERP actors: the operations, each a type in `ops::` (see `operation.hpp`).

#include <superoffice/erpsync/carriers/connection.hpp>
#include <superoffice/erpsync/carriers/requests.hpp>
#include <superoffice/erpsync/ops/operation.hpp>

#include <string_view>
#include <vector>

namespace superoffice::erpsync::ops {

/// `BreakActorLink`: unlink a CRM record from its ERP actor on one connection; true when a link was
/// removed.
///
/// Answers `false` when the record had no link on that connection.
///
/// Sends the request (`break_actor_link_request`) as the JSON body; answers `true` or `false`. Over SOAP,
/// the agent's `BreakActorLink` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_break_actor_link`.
struct break_actor_link
    : operation<break_actor_link_request, bool, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "BreakActorLink"; ///< The wire name.
    static constexpr std::string_view summary = "Unlink a CRM record from its ERP actor on one connection; "
                                                "true when a link was removed"; ///< One line for help texts.
};

/// `ConnectActor`: link a CRM record and an ERP actor (created when the key is new) and apply field
/// values.
///
/// Fails (the agent answers an HTTP error with its message) when the link cannot be made;
/// `try_connect_actor` answers `false` instead.
///
/// Sends the request (`connect_actor_request`) as the JSON body; answers 204 No Content (the completion
/// carries no value). Over SOAP, the agent's `ConnectActor` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_connect_actor`.
struct connect_actor : operation<connect_actor_request, void, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "ConnectActor"; ///< The wire name.
    static constexpr std::string_view summary = "Link a CRM record and an ERP actor (created when the key is "
                                                "new) and apply field values"; ///< One line for help texts.
};

/// `TryConnectActor`: as ConnectActor, answering false instead of failing when the link cannot be made.
///
/// Sends the request (`connect_actor_request`) as the JSON body; answers `true` or `false`. Over SOAP,
/// the agent's `TryConnectActor` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_try_connect_actor`.
struct try_connect_actor : operation<connect_actor_request, bool, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "TryConnectActor"; ///< The wire name.
    static constexpr std::string_view summary =
        "As ConnectActor, answering false instead of failing when the link cannot be made"; ///< One line for
                                                                                            ///< help texts.
};

/// `CreateActorLink`: link an existing CRM record to an existing ERP actor.
///
/// Sends the request (`create_actor_link_request`) as the JSON body; answers `true` or `false`. Over
/// SOAP, the agent's `CreateActorLink` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_create_actor_link`.
struct create_actor_link
    : operation<create_actor_link_request, bool, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "CreateActorLink"; ///< The wire name.
    static constexpr std::string_view summary =
        "Link an existing CRM record to an existing ERP actor"; ///< One line for help texts.
};

/// `CreateErpActorFromCrm`: create an ERP actor from a CRM record, with extra ERP field values, and link
/// the two.
///
/// Sends the request (`create_erp_actor_from_crm_request`) as the JSON body; answers `true` or `false`.
/// Over SOAP, the agent's `CreateErpActorFromCrm` action.
/// Not safe to retry: the client does not send it twice on its own (see `retry_policy::retry_unsafe`).
///
/// Called by `client::async_create_erp_actor_from_crm`.
struct create_erp_actor_from_crm
    : operation<create_erp_actor_from_crm_request, bool, request_kind::body, retry_safety::unsafe> {
    static constexpr std::string_view name = "CreateErpActorFromCrm"; ///< The wire name.
    static constexpr std::string_view summary =
        "Create an ERP actor from a CRM record, with extra ERP field values, and link the two"; ///< One line
                                                                                                ///< for help
                                                                                                ///< texts.
};

/// `GetConnectionsAndDisplayFields`: every connection's link state and display fields for one CRM record.
///
/// Sends the request (`crm_entity_request`) as the JSON body; answers `std::vector<erp_connection_data>`.
/// Over SOAP, the agent's `GetConnectionsAndDisplayFields` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_get_connections_and_display_fields`.
struct get_connections_and_display_fields : operation<crm_entity_request, std::vector<erp_connection_data>,
                                                      request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "GetConnectionsAndDisplayFields"; ///< The wire name.
    static constexpr std::string_view summary =
        "Every connection's link state and display fields for one CRM record"; ///< One line for help texts.
};

/// `SupportsAdvancedSearch`: whether a connection offers advanced search for an ERP actor type.
///
/// Sends the request (`erp_actor_type_request`) as the JSON body; answers `true` or `false`. Over SOAP,
/// the agent's `SupportsAdvancedSearch` action.
/// Safe to retry: repeating it leaves the same state, so the client replays it after a transient failure.
///
/// Called by `client::async_supports_advanced_search`.
struct supports_advanced_search
    : operation<erp_actor_type_request, bool, request_kind::body, retry_safety::safe> {
    static constexpr std::string_view name = "SupportsAdvancedSearch"; ///< The wire name.
    static constexpr std::string_view summary =
        "Whether a connection offers advanced search for an ERP actor type"; ///< One line for help texts.
};

} // namespace superoffice::erpsync::ops

#endif
