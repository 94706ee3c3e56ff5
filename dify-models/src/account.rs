//! Accounts and workspaces (tenants), who belongs to which, and what they did.

use dify_schema::prelude::*;

/// `accounts.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AccountStatus {
    Pending,
    Uninitialized,
    Active,
    Banned,
    Closed,
}

/// A member's role in a workspace (`tenant_account_joins.role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum TenantAccountRole {
    Owner,
    Admin,
    Editor,
    Normal,
    DatasetOperator,
}

/// The roles a member can be invited with or added as: every role but the
/// owner's (Dify's `TenantAccountRole.is_non_owner_role`). A workspace has
/// one owner, made when it is created and changed only by a transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum InvitedRole {
    Admin,
    Editor,
    Normal,
    DatasetOperator,
}

impl From<InvitedRole> for TenantAccountRole {
    fn from(role: InvitedRole) -> Self {
        match role {
            InvitedRole::Admin => TenantAccountRole::Admin,
            InvitedRole::Editor => TenantAccountRole::Editor,
            InvitedRole::Normal => TenantAccountRole::Normal,
            InvitedRole::DatasetOperator => TenantAccountRole::DatasetOperator,
        }
    }
}

impl TryFrom<TenantAccountRole> for InvitedRole {
    /// The owner's role, which no one is invited with.
    type Error = TenantAccountRole;
    fn try_from(role: TenantAccountRole) -> Result<Self, TenantAccountRole> {
        match role {
            TenantAccountRole::Owner => Err(role),
            TenantAccountRole::Admin => Ok(InvitedRole::Admin),
            TenantAccountRole::Editor => Ok(InvitedRole::Editor),
            TenantAccountRole::Normal => Ok(InvitedRole::Normal),
            TenantAccountRole::DatasetOperator => Ok(InvitedRole::DatasetOperator),
        }
    }
}

/// `tenants.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum TenantStatus {
    Normal,
    Archive,
}

/// Dify's `Account` (`accounts`).
///
/// Accounts are global; membership in tenants via tenant_account_joins. email index is not unique.
#[entity(table = "accounts", owner = global, visible = rows("id IN (SELECT account_id FROM tenant_account_joins WHERE tenant_id = {tenant})"), primary_key_name = "account_pkey")]
#[index(name = "account_email_idx", columns(email))]
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub email: String,
    #[column(varchar(255))]
    pub password: Option<String>,
    #[column(varchar(255))]
    pub password_salt: Option<String>,
    #[column(varchar(255))]
    pub avatar: Option<String>,
    #[column(varchar(255))]
    pub interface_language: Option<String>,
    #[column(varchar(255))]
    pub interface_theme: Option<String>,
    #[column(varchar(255))]
    pub timezone: Option<String>,
    #[column(timestamp)]
    pub last_login_at: Option<NaiveDateTime>,
    #[column(varchar(255))]
    pub last_login_ip: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0))]
    pub last_active_at: NaiveDateTime,
    #[column(varchar(16), default = "active")]
    pub status: AccountStatus,
    #[column(timestamp)]
    pub initialized_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `Tenant` (`tenants`).
///
/// A tenant is a workspace; it is the tenant root itself.
#[entity(table = "tenants", owner = global, visible = rows("id = {tenant}"), primary_key_name = "tenant_pkey")]
#[derive(Debug, Clone, PartialEq)]
pub struct Tenant {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub encrypt_public_key: Option<String>,
    #[column(varchar(255), default = "basic")]
    pub plan: String,
    #[column(varchar(255), default = "normal")]
    pub status: TenantStatus,
    #[column(text)]
    pub custom_config: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `TenantAccountJoin` (`tenant_account_joins`).
///
/// Role server_default declared as the plain string 'normal'. Admins add
/// members (never as owner: the insert form's role is an [`InvitedRole`]);
/// only the owner changes or removes one (see [`crate::members`]).
#[entity(table = "tenant_account_joins", owner = tenant, primary_key_name = "tenant_account_join_pkey", write = owner, create = privileged)]
#[index(name = "tenant_account_join_account_id_idx", columns(account_id))]
#[index(name = "tenant_account_join_tenant_id_idx", columns(tenant_id))]
#[unique(name = "unique_tenant_account_join", columns(tenant_id, account_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct TenantAccountJoin {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Tenant)]
    pub tenant_id: Uuid,
    // A membership is an account's seat: it never moves to another account.
    #[column(uuid, references = Account, fixed)]
    pub account_id: Uuid,
    #[column(boolean, default = false)]
    pub current: bool,
    #[column(varchar(16), default = "normal", insert_as = InvitedRole)]
    pub role: TenantAccountRole,
    #[column(uuid, references = Account, join = false)]
    pub invited_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    /// When the member last opened the workspace.
    #[column(timestamp)]
    pub last_opened_at: Option<NaiveDateTime>,
}

/// Dify's `AccountIntegrate` (`account_integrates`).
///
/// OAuth login bindings (github/google); belongs to an account, not a tenant.
#[entity(table = "account_integrates", owner = global, visible = none, primary_key_name = "account_integrate_pkey")]
#[unique(name = "unique_account_provider", columns(account_id, provider))]
#[unique(name = "unique_provider_open_id", columns(provider, open_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct AccountIntegrate {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(varchar(16))]
    pub provider: String,
    #[column(varchar(255))]
    pub open_id: String,
    #[column(varchar(255))]
    pub encrypted_token: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `InvitationCode` (`invitation_codes`).
///
/// Integer PK (serial/autoincrement).
#[entity(table = "invitation_codes", owner = global, visible = none, primary_key_name = "invitation_code_pkey")]
#[index(name = "invitation_codes_batch_idx", columns(batch))]
#[index(name = "invitation_codes_code_idx", columns(code, status))]
#[derive(Debug, Clone, PartialEq)]
pub struct InvitationCode {
    #[column(integer, primary_key, default = serial)]
    pub id: i32,
    #[column(varchar(255))]
    pub batch: String,
    #[column(varchar(32))]
    pub code: String,
    #[column(varchar(16), default = "unused")]
    pub status: String,
    #[column(timestamp)]
    pub used_at: Option<NaiveDateTime>,
    #[column(uuid, cross_tenant)]
    pub used_by_tenant_id: Option<Uuid>,
    #[column(uuid, references = Account)]
    pub used_by_account_id: Option<Uuid>,
    #[column(timestamp)]
    pub deprecated_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `OperationLog` (`operation_logs`).
#[entity(table = "operation_logs", owner = tenant, primary_key_name = "operation_log_pkey", write = member)]
#[index(
    name = "operation_log_account_action_idx",
    columns(tenant_id, account_id, action)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct OperationLog {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(varchar(255))]
    pub action: String,
    #[column(json)]
    pub content: Option<Json>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(varchar(255))]
    pub created_ip: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
