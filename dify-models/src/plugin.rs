//! Plugin permissions and auto-upgrade strategies of a workspace.

use dify_schema::prelude::*;

/// Who may install plugins (Dify's `TenantPluginPermission.InstallPermission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum InstallPermission {
    Everyone,
    Admins,
    Noone,
}

/// Who may debug plugins (Dify's `TenantPluginPermission.DebugPermission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DebugPermission {
    Everyone,
    Admins,
    Noone,
}

/// Dify's `TenantPluginAutoUpgradeStrategy.StrategySetting`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum StrategySetting {
    Disabled,
    FixOnly,
    Latest,
}

/// Dify's `TenantPluginAutoUpgradeStrategy.UpgradeMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum UpgradeMode {
    All,
    Partial,
    Exclude,
}

/// Dify's `TenantPluginPermission` (`account_plugin_permissions`).
#[entity(table = "account_plugin_permissions", owner = tenant, primary_key_name = "account_plugin_permission_pkey", write = privileged)]
#[unique(name = "unique_tenant_plugin", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct TenantPluginPermission {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(16), default = "everyone")]
    pub install_permission: InstallPermission,
    #[column(varchar(16), default = "noone")]
    pub debug_permission: DebugPermission,
}

/// Dify's `TenantPluginAutoUpgradeStrategy` (`tenant_plugin_auto_upgrade_strategies`).
#[entity(table = "tenant_plugin_auto_upgrade_strategies", owner = tenant, primary_key_name = "tenant_plugin_auto_upgrade_strategy_pkey", write = privileged)]
#[unique(
    name = "unique_tenant_plugin_auto_upgrade_strategy",
    columns(tenant_id, category)
)]
#[index(
    name = "idx_tenant_plugin_auto_upgrade_strategy_time",
    columns(upgrade_time_of_day)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct TenantPluginAutoUpgradeStrategy {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(16), default = "fix_only")]
    pub strategy_setting: StrategySetting,
    #[column(varchar(16), default = "exclude")]
    pub upgrade_mode: UpgradeMode,
    #[column(json)]
    pub exclude_plugins: Json,
    #[column(json)]
    pub include_plugins: Json,
    #[column(integer)]
    pub upgrade_time_of_day: i32,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    /// The kind of plugin the strategy applies to.
    #[column(varchar(32), default = "tool")]
    pub category: String,
}
