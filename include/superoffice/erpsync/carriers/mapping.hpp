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
    /// The ERP field.
    std::int32_t ErpFieldId = 0;
    /// Empty: the ERP field is not synced.
    std::string CrmFieldKey{};
    /// The CRM field's display name.
    std::string CrmDisplayName{};
    /// The CRM field's tooltip.
    std::string CrmDisplayTooltip{};
    /// The ERP field's key.
    std::string ErpFieldKey{};
    /// The type of the field (`field_metadata_type`).
    open_enum<field_metadata_type> FieldType = field_metadata_type::Text;
    /// The ERP field's display name.
    std::string ErpDisplayName{};
    /// The ERP field's tooltip.
    std::string ErpDisplayTooltip{};
    /// Whether the value goes to the CRM.
    bool SyncToCrm = false;
    /// Whether the value goes to the ERP system.
    bool SyncToErp = false;
    /// Whether the field is shown.
    bool ShowInGui = false;
    /// Whether the field is shown in search results.
    bool ShowInSearch = false;
    /// Whether the field is already mapped to another CRM field.
    bool AlreadyMapped = false;
    /// Whether the ERP field no longer exists.
    bool MissingInERP = false;
    /// Whether the CRM field no longer exists.
    bool MissingInCRM = false;
    /// How the field may be used (`field_access`: normal, mandatory or read-only).
    open_enum<field_access> Access = field_access::Normal;
    /// The list the field refers to, for list fields.
    std::string ListReference{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_field_mapping, ErpSyncFieldMapping,
                            (ErpFieldId, CrmFieldKey, CrmDisplayName, CrmDisplayTooltip, ErpFieldKey,
                             FieldType, ErpDisplayName, ErpDisplayTooltip, SyncToCrm, SyncToErp, ShowInGui,
                             ShowInSearch, AlreadyMapped, MissingInERP, MissingInCRM, Access, ListReference))

/// The field mappings of one connection and ERP actor type.
struct erp_sync_actor_type_mapping {
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// Whether the mapping is active.
    bool IsActive = false;
    /// The field mappings.
    std::vector<erp_sync_field_mapping> FieldMappings{};
    /// The ERP actor type.
    open_enum<erp_actor_type> ActorTypeErp = erp_actor_type::Unknown;
    /// The CRM actor type.
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
    /// Whether a default applies at the first sync.
    bool HasFirstSyncDefaultValue = false;
    /// Used only when a record is synced for the first time.
    std::string FirstSyncDefaultValue{};
    /// Whether the user is asked for a value.
    bool PromptUser = false;
    /// Whether a value is required.
    bool Mandatory = false;
    /// The ERP field's key.
    std::string ErpFieldKey{};
    /// The type of the field (`field_metadata_type`).
    open_enum<field_metadata_type> FieldType = field_metadata_type::Text;
    /// The list of the field, for list fields.
    std::string ListName{};
    /// How the field may be used (`field_access`: normal, mandatory or read-only).
    open_enum<field_access> Access = field_access::Normal;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_sync_default_value, ErpSyncDefaultValue,
                            (ErpFieldId, DefaultValue, HasFirstSyncDefaultValue, FirstSyncDefaultValue,
                             PromptUser, Mandatory, ErpFieldKey, FieldType, ListName, Access))

/// A node of a CRM list (MDO list); lists nest through `ChildItems`.
struct mdo_list_item {
    /// The id.
    std::int32_t Id = 0;
    /// The name.
    std::string Name{};
    /// A tooltip.
    std::string ToolTip{};
    /// Whether it is marked deleted.
    bool Deleted = false;
    /// The position in lists.
    std::int32_t Rank = 0;
    /// The type.
    std::string Type{};
    /// Nested items.
    std::vector<mdo_list_item> ChildItems{};
    /// An icon hint for display.
    std::string IconHint{};
    /// A colour hint for display.
    std::int32_t ColorBlock = 0;
    /// Extra information.
    std::string ExtraInfo{};
    /// A style hint for display.
    std::string StyleHint{};
    /// The full name.
    std::string FullName{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(mdo_list_item, MDOListItem,
                            (Id, Name, ToolTip, Deleted, Rank, Type, ChildItems, IconHint, ColorBlock,
                             ExtraInfo, StyleHint, FullName))

/// One ERP list value paired with one CRM list item.
struct erp_crm_list_item_mapping {
    /// The ERP list item.
    std::string ErpListItemId{};
    /// The ERP list item's name.
    std::string ErpListItemName{};
    /// The CRM list item.
    std::optional<mdo_list_item> CrmListItem{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_crm_list_item_mapping, ErpCrmListItemMapping,
                            (ErpListItemId, ErpListItemName, CrmListItem))

/// The mapping between one ERP list and one CRM list.
struct erp_connection_list_mapping {
    /// The CRM list.
    std::optional<mdo_list_item> CrmList{};
    /// The ERP list.
    std::string ErpListName{};
    /// The item mappings of this list.
    std::vector<erp_crm_list_item_mapping> ErpCrmListItemMappings{};
    /// The ERP actor type the list belongs to.
    std::string ErpActorTypeName{};
    /// The ERP field.
    std::int32_t ErpFieldId = 0;
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_connection_list_mapping, ErpConnectionListMapping,
                            (CrmList, ErpListName, ErpCrmListItemMappings, ErpActorTypeName, ErpFieldId))

/// All list mappings of one connection.
struct erp_connection_list_mapping_container {
    /// The list mappings.
    std::vector<erp_connection_list_mapping> ErpListItemMappings{};
    /// The ERP connection.
    std::int32_t ErpConnectionId = 0;
    /// The connection's name.
    std::string ErpConnectionName{};
    SO_ERPSYNC_CARRIER_MEMBERS
};
SO_ERPSYNC_DESCRIBE_CARRIER(erp_connection_list_mapping_container, ErpConnectionListMappingContainer,
                            (ErpListItemMappings, ErpConnectionId, ErpConnectionName))

} // namespace superoffice::erpsync

#endif
