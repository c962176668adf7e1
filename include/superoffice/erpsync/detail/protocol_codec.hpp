//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_DETAIL_PROTOCOL_CODEC_HPP
#define SO_ERPSYNC_DETAIL_PROTOCOL_CODEC_HPP

// `protocol_codec`: how a client encodes calls when it does not use the default REST/JSON
// encoding. Internal: the library implements it for SOAP (`soap::protocol()` in `soap.hpp`) and
// hands it to users only inside the opaque `call_protocol` (`client_config::protocol`).

#include <superoffice/erpsync/client_config.hpp>
#include <superoffice/erpsync/detail/request_builder.hpp>
#include <superoffice/erpsync/operations.hpp>

#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <string_view>

namespace superoffice::erpsync::detail {

/// The position of `Op` in `ops::all`: how a `protocol_codec` knows which operation it encodes.
template <class Op>
inline constexpr std::size_t op_index_v = boost::mp11::mp_find<ops::all, Op>::value;

/// An encoding of every operation (see the file comment), behind `call_protocol`. Implementations are
/// immutable after construction, so one object may serve any number of clients on any threads.
class protocol_codec {
public:
    virtual ~protocol_codec() = default;

    /// A short name for messages, e.g. `SOAP 1.1`.
    virtual std::string_view name() const noexcept = 0;

    /// Builds the HTTP request of operation `op` (`op_index_v<Op>`); `request` points to a
    /// `request_t<Op>`. `pc` is the client's validated configuration (headers, endpoint).
    virtual error_code build_request(std::size_t op, void const* request, client_config const& cfg,
                                     prepared_config const& pc, call_options const& options,
                                     http_request& out, diagnostics* diag) const = 0;

    /// Interprets a response to operation `op`: `result` points to a `response_t<Op>`, or is null
    /// for operations without a result. On failure `*result` may be partly filled.
    virtual error_code decode_response(std::size_t op, unsigned status, std::string_view body, void* result,
                                       diagnostics* diag) const = 0;
};

} // namespace superoffice::erpsync::detail

#endif
