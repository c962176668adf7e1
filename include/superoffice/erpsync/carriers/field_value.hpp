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
    std::optional<table_right> TableRight{};
    field_property_map FieldProperties{};
};
BOOST_DESCRIBE_STRUCT(erp_sync_field_value, (),
                      (DisplayName, CrmFieldKey, Value, DisplayValue, SyncToCrm, SyncToErp, TableRight,
                       FieldProperties))

} // namespace superoffice::erpsync

#endif
