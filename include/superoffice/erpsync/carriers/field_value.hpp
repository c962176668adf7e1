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
    /// The name shown to users.
    std::string DisplayName{};
    /// The CRM field.
    std::string CrmFieldKey{};
    /// The value.
    std::string Value{};
    /// The value as shown to users.
    std::string DisplayValue{};
    /// Whether the value goes to the CRM.
    bool SyncToCrm = false;
    /// Whether the value goes to the ERP system.
    bool SyncToErp = false;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_field_value, ErpSyncFieldValue,
                            (DisplayName, CrmFieldKey, Value, DisplayValue, SyncToCrm, SyncToErp))

} // namespace superoffice::erpsync

#endif
