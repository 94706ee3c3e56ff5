//! Accounts and workspaces (tenants), and who belongs to which.

use dify_schema::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AccountStatus {
    Pending,
    Uninitialized,
    Active,
    Banned,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum TenantAccountRole {
    Owner,
    Admin,
    Editor,
    Normal,
    DatasetOperator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum TenantStatus {
    Normal,
    Archive,
}

#[entity(table = "tenants", owner = global, primary_key_name = "tenant_pkey")]
#[derive(Debug, Clone, PartialEq)]
pub struct Tenant {
    #[column(uuid, primary_key, client_default = uuid4)]
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
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

#[entity(table = "accounts", owner = global, primary_key_name = "account_pkey")]
#[index(name = "account_email_idx", columns(email))]
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    #[column(uuid, primary_key, client_default = uuid4)]
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
    #[column(timestamp, default = CURRENT_TIMESTAMP)]
    pub last_active_at: NaiveDateTime,
    #[column(varchar(16), default = "active")]
    pub status: AccountStatus,
    #[column(timestamp)]
    pub initialized_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

#[entity(table = "tenant_account_joins", owner = tenant, primary_key_name = "tenant_account_join_pkey", write = privileged)]
#[index(name = "tenant_account_join_account_id_idx", columns(account_id))]
#[index(name = "tenant_account_join_tenant_id_idx", columns(tenant_id))]
#[unique(name = "unique_tenant_account_join", columns(tenant_id, account_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct TenantAccountJoin {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(uuid, references = Tenant)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(boolean, default = false)]
    pub current: bool,
    #[column(varchar(16), default = "normal")]
    pub role: TenantAccountRole,
    #[column(uuid)]
    pub invited_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
