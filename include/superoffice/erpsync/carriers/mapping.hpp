//
// Copyright (c) 2026 the superoffice-erpsync authors
// Distributed under the Boost Software License, Version 1.0.
//
#ifndef SO_ERPSYNC_CARRIERS_MAPPING_HPP
#define SO_ERPSYNC_CARRIERS_MAPPING_HPP

/// @file
/// Mappings between ERP and CRM: field mappings per actor type, default values, and list-value
/// mappings with the CRM's hierarchical list items.

#include <superoffice/erpsync/carriers/common.hpp>

#include <vector>

namespace superoffice::erpsync {

/// One ERP field <-> CRM field row of an actor type mapping.
struct erp_sync_field_mapping {
    std::int32_t ErpFieldId = 0;
    /// Empty: the ERP field is not synced.
    std::string CrmFieldKey{};
    std::string CrmDisplayName{};
    std::string CrmDisplayTooltip{};
    std::string ErpFieldKey{};
    open_enum<field_metadata_type> FieldType = field_metadata_type::Text;
    std::string ErpDisplayName{};
    std::string ErpDisplayTooltip{};
    bool SyncToCrm = false;
    bool SyncToErp = false;
    bool ShowInGui = false;
    bool ShowInSearch = false;
    bool AlreadyMapped = false;
    bool MissingInERP = false;
    bool MissingInCRM = false;
    open_enum<field_access> Access = field_access::Normal;
    std::string ListReference{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_field_mapping, ErpSyncFieldMapping,
                            (ErpFieldId, CrmFieldKey, CrmDisplayName, CrmDisplayTooltip, ErpFieldKey,
                             FieldType, ErpDisplayName, ErpDisplayTooltip, SyncToCrm, SyncToErp, ShowInGui,
                             ShowInSearch, AlreadyMapped, MissingInERP, MissingInCRM, Access, ListReference))

/// The field mappings of one connection and ERP actor type.
struct erp_sync_actor_type_mapping {
    std::int32_t ErpConnectionId = 0;
    bool IsActive = false;
    std::vector<erp_sync_field_mapping> FieldMappings{};
    open_enum<erp_actor_type> ActorTypeErp = erp_actor_type::Unknown;
    open_enum<crm_actor_type> ActorTypeCrm = crm_actor_type::Unknown;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_actor_type_mapping, ErpSyncActorTypeMapping,
                            (ErpConnectionId, IsActive, FieldMappings, ActorTypeErp, ActorTypeCrm))

/// The default-value rules of one ERP field.
struct erp_sync_default_value {
    /// Primary key.
    std::int32_t ErpFieldId = 0;
    /// Non-string values in culture-neutral text form.
    std::string DefaultValue{};
    bool HasFirstSyncDefaultValue = false;
    /// Used only when a record is synced for the first time.
    std::string FirstSyncDefaultValue{};
    bool PromptUser = false;
    bool Mandatory = false;
    std::string ErpFieldKey{};
    open_enum<field_metadata_type> FieldType = field_metadata_type::Text;
    std::string ListName{};
    open_enum<field_access> Access = field_access::Normal;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_default_value, ErpSyncDefaultValue,
                            (ErpFieldId, DefaultValue, HasFirstSyncDefaultValue, FirstSyncDefaultValue,
                             PromptUser, Mandatory, ErpFieldKey, FieldType, ListName, Access))

/// A node of a CRM list (MDO list); lists nest through `ChildItems`.
struct mdo_list_item {
    std::int32_t Id = 0;
    std::string Name{};
    std::string ToolTip{};
    bool Deleted = false;
    std::int32_t Rank = 0;
    std::string Type{};
    std::vector<mdo_list_item> ChildItems{};
    std::string IconHint{};
    std::int32_t ColorBlock = 0;
    std::string ExtraInfo{};
    std::string StyleHint{};
    std::string FullName{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(mdo_list_item, MDOListItem,
                            (Id, Name, ToolTip, Deleted, Rank, Type, ChildItems, IconHint, ColorBlock,
                             ExtraInfo, StyleHint, FullName))

/// One ERP list value paired with one CRM list item.
struct erp_crm_list_item_mapping {
    std::string ErpListItemId{};
    std::string ErpListItemName{};
    std::optional<mdo_list_item> CrmListItem{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_crm_list_item_mapping, ErpCrmListItemMapping,
                            (ErpListItemId, ErpListItemName, CrmListItem))

/// The mapping between one ERP list and one CRM list.
struct erp_connection_list_mapping {
    std::optional<mdo_list_item> CrmList{};
    std::string ErpListName{};
    std::vector<erp_crm_list_item_mapping> ErpCrmListItemMappings{};
    std::string ErpActorTypeName{};
    std::int32_t ErpFieldId = 0;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_connection_list_mapping, ErpConnectionListMapping,
                            (CrmList, ErpListName, ErpCrmListItemMappings, ErpActorTypeName, ErpFieldId))

/// All list mappings of one connection.
struct erp_connection_list_mapping_container {
    std::vector<erp_connection_list_mapping> ErpListItemMappings{};
    std::int32_t ErpConnectionId = 0;
    std::string ErpConnectionName{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_connection_list_mapping_container, ErpConnectionListMappingContainer,
                            (ErpListItemMappings, ErpConnectionId, ErpConnectionName))

} // namespace superoffice::erpsync

#endif
