//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_TEST_RESYNC_REQUESTS_HPP
#define SO_ERPSYNC_TEST_RESYNC_REQUESTS_HPP

// The resync requests the tests send, built in one place.

#include <superoffice/erpsync/carriers/requests.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace superoffice::erpsync::test {

/// A ForceResync request for internal key ids of connection `conn`.
inline force_resync_request internal(std::int32_t conn, std::vector<std::int32_t> ids) {
    force_resync_request r;
    r.ErpConnectionId = conn;
    r.InternalKeyIds = std::move(ids);
    return r;
}

/// A ForceResyncExternal request for ERP keys of customers of connection `conn`.
inline force_resync_external_request external(std::int32_t conn, std::vector<std::string> keys) {
    force_resync_external_request r;
    r.ErpConnectionId = conn;
    r.ErpActorType = erp_actor_type::Customer;
    r.ExternalKeys = std::move(keys);
    return r;
}

} // namespace superoffice::erpsync::test

#endif
