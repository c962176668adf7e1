//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_OPS_OPERATION_HPP
#define SO_ERPSYNC_OPS_OPERATION_HPP

/// @file
/// `ops::operation`: what every operation type carries (its request and response types, how the
/// request travels, whether it is safe to retry), and the `ops::operation_type` concept.

#include <superoffice/erpsync/carriers/requests.hpp>

#include <concepts>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>

namespace superoffice::erpsync {

/// How an operation's request travels. Every operation is an HTTP POST to
/// `{base}/api/v1/Agents/ErpSync/{name}` (or the SOAP action of that name).
enum class request_kind {
    /// The request is the JSON body (a carrier used as the request, as in
    /// `SaveErpSyncConnectorEntity`, is the body itself).
    body,
    /// Each member of the request is a query parameter (`?name=value`).
    query,
    /// Nothing is sent; the request type is `no_request`.
    none,
};

/// Whether repeating an operation leaves the same state (reads, tests, resyncs, which converge,
/// and settings written whole). The client replays a request on its own (after a reset keep-alive
/// connection, a timeout, a 503) only when its operation is safe to retry, unless
/// `retry_policy::retry_unsafe` widens that.
enum class retry_safety {
    /// Repeating it leaves the same state.
    safe,
    /// A second call may change more (create twice, flip back, move further).
    unsafe,
};

/// The result of `GetErpConnectionConfigFields`: configuration values keyed by field key.
using string_map = std::map<std::string, std::string>;

/// The operation types of the ErpSync agent: one struct per operation (`ops::force_resync`, ...),
/// declared in `ops/<family>.hpp` and listed in `ops::all` (operations.hpp).
namespace ops {

/// The base of every operation type: its metadata as named members.
///
/// @tparam Request   the request carrier (`no_request` when nothing is sent).
/// @tparam Response  the result: a carrier, `bool`, an `open_enum<E>`, `std::vector<T>` (a
///                   top-level array), `string_map` (an object keyed by field id) or `void`
///                   (204 No Content, which accepts an empty body or `null`). A `null` answer is an
///                   empty container for arrays and maps and `error::null_response` otherwise.
/// @tparam Travels   how the request travels.
/// @tparam Retry     whether the operation is safe to retry.
///
/// Each derived type adds `name` (the wire name: the last segment of the path and the SOAP
/// action) and `summary` (one line on what it does, for help texts).
template <class Request, class Response, request_kind Travels, retry_safety Retry>
struct operation {
    /// The request carrier.
    using request_type = Request;
    /// The result type (`void` for operations answering 204 No Content).
    using response_type = Response;
    /// How the request travels.
    static constexpr request_kind request_travels = Travels;
    /// Whether the client may send the request again on its own after a transient failure.
    static constexpr bool retry_safe = Retry == retry_safety::safe;
    /// Whether the request is the JSON body.
    static constexpr bool has_body = Travels == request_kind::body;

    static_assert((Travels == request_kind::none) == std::is_same_v<Request, no_request>,
                  "operations without a request use no_request, and only they");
};

/// What the client, the codecs and the sandbox need of an operation type.
template <class Op>
concept operation_type = requires {
    typename Op::request_type;
    typename Op::response_type;
    { Op::name } -> std::convertible_to<std::string_view>;
    { Op::summary } -> std::convertible_to<std::string_view>;
    { Op::request_travels } -> std::convertible_to<request_kind>;
    { Op::retry_safe } -> std::convertible_to<bool>;
};

/// `std::true_type` when `Op` is an operation type (for type-list algorithms).
template <class Op>
using is_operation = std::bool_constant<operation_type<Op>>;

} // namespace ops
} // namespace superoffice::erpsync

#endif
