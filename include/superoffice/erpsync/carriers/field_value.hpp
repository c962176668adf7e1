//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_FIELD_VALUE_HPP
#define SO_ERPSYNC_CARRIERS_FIELD_VALUE_HPP

/// @file
/// `erp_sync_field_value`: a field value with display text and sync direction flags.

#include <superoffice/erpsync/carriers/common.hpp>

namespace superoffice::erpsync {

/// A field value with its display text and the directions it syncs in.
struct erp_sync_field_value {
    std::string DisplayName{};
    std::string CrmFieldKey{};
    std::string Value{};
    std::string DisplayValue{};
    bool SyncToCrm = false;
    bool SyncToErp = false;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_field_value, ErpSyncFieldValue,
                            (DisplayName, CrmFieldKey, Value, DisplayValue, SyncToCrm, SyncToErp))

} // namespace superoffice::erpsync

#endif
