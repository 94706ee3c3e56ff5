//! Model providers: credentials, models, settings, load balancing, defaults and quota orders.

use dify_schema::prelude::*;

use crate::account::Account;

/// `providers.provider_type`, `tenant_preferred_model_providers.preferred_provider_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ProviderType {
    Custom,
    System,
}

/// The values of `providers.quota_type`; the column stays a string, since its default is `''`, which is not one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ProviderQuotaType {
    Paid,
    Free,
    Trial,
}

/// `load_balancing_model_configs.credential_source_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum CredentialSourceType {
    Provider,
    CustomModel,
}

/// `provider_orders.payment_status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum PaymentStatus {
    WaitPay,
    Paid,
    Failed,
    Refunded,
}

/// Dify's `Provider` (`providers`).
///
/// Credentials live in provider_credentials (credential_id); older versions had encrypted_config on this table.
#[entity(table = "providers", owner = tenant, primary_key_name = "provider_pkey", write = privileged)]
#[index(
    name = "provider_tenant_id_provider_idx",
    columns(tenant_id, provider_name)
)]
#[unique(
    name = "unique_provider_name_type_quota",
    columns(tenant_id, provider_name, provider_type, quota_type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(40), default = "custom")]
    pub provider_type: ProviderType,
    #[column(boolean, default = false)]
    pub is_valid: bool,
    #[column(timestamp)]
    pub last_used: Option<NaiveDateTime>,
    #[column(uuid, references = ProviderCredential)]
    pub credential_id: Option<Uuid>,
    #[column(varchar(40), default = "")]
    pub quota_type: Option<String>,
    #[column(bigint)]
    pub quota_limit: Option<i64>,
    #[column(bigint)]
    pub quota_used: Option<i64>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ProviderModel` (`provider_models`).
#[entity(table = "provider_models", owner = tenant, primary_key_name = "provider_model_pkey", write = privileged)]
#[index(
    name = "provider_model_tenant_id_provider_idx",
    columns(tenant_id, provider_name)
)]
#[unique(
    name = "unique_provider_model_name",
    columns(tenant_id, provider_name, model_name, model_type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderModel {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(255))]
    pub model_name: String,
    #[column(varchar(40))]
    pub model_type: String,
    #[column(uuid, references = ProviderModelCredential)]
    pub credential_id: Option<Uuid>,
    #[column(boolean, default = false)]
    pub is_valid: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ProviderCredential` (`provider_credentials`).
#[entity(table = "provider_credentials", owner = tenant, primary_key_name = "provider_credential_pkey", write = privileged)]
#[index(
    name = "provider_credential_tenant_provider_idx",
    columns(tenant_id, provider_name)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderCredential {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(255))]
    pub credential_name: String,
    #[column(text)]
    pub encrypted_config: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    /// The account that added the credential.
    #[column(uuid, references = Account, join = false)]
    pub user_id: Option<Uuid>,
    /// Who may use the credential: `all_team_members` or `only_me`.
    #[column(varchar(40), default = "all_team_members")]
    pub visibility: String,
}

/// Dify's `ProviderModelCredential` (`provider_model_credentials`).
#[entity(table = "provider_model_credentials", owner = tenant, primary_key_name = "provider_model_credential_pkey", write = privileged)]
#[index(
    name = "provider_model_credential_tenant_provider_model_idx",
    columns(tenant_id, provider_name, model_name, model_type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderModelCredential {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(255))]
    pub model_name: String,
    #[column(varchar(40))]
    pub model_type: String,
    #[column(varchar(255))]
    pub credential_name: String,
    #[column(text)]
    pub encrypted_config: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ProviderModelSetting` (`provider_model_settings`).
#[entity(table = "provider_model_settings", owner = tenant, primary_key_name = "provider_model_setting_pkey", write = privileged)]
#[index(
    name = "provider_model_setting_tenant_provider_model_idx",
    columns(tenant_id, provider_name, model_type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderModelSetting {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(255))]
    pub model_name: String,
    #[column(varchar(40))]
    pub model_type: String,
    #[column(boolean, default = true)]
    pub enabled: bool,
    #[column(boolean, default = false)]
    pub load_balancing_enabled: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `LoadBalancingModelConfig` (`load_balancing_model_configs`).
#[entity(table = "load_balancing_model_configs", owner = tenant, primary_key_name = "load_balancing_model_config_pkey", write = privileged)]
#[index(
    name = "load_balancing_model_config_tenant_provider_model_idx",
    columns(tenant_id, provider_name, model_type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct LoadBalancingModelConfig {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(255))]
    pub model_name: String,
    #[column(varchar(40))]
    pub model_type: String,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub encrypted_config: Option<String>,
    #[column(uuid, references = any(ProviderCredential, ProviderModelCredential))]
    pub credential_id: Option<Uuid>,
    #[column(varchar(40))]
    pub credential_source_type: Option<CredentialSourceType>,
    #[column(boolean, default = true)]
    pub enabled: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `TenantDefaultModel` (`tenant_default_models`).
#[entity(table = "tenant_default_models", owner = tenant, primary_key_name = "tenant_default_model_pkey", write = privileged)]
#[unique(
    name = "unique_tenant_default_model_type",
    columns(tenant_id, model_type)
)]
#[index(
    name = "tenant_default_model_tenant_id_provider_type_idx",
    columns(tenant_id, provider_name, model_type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct TenantDefaultModel {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(255))]
    pub model_name: String,
    #[column(varchar(40))]
    pub model_type: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `TenantPreferredModelProvider` (`tenant_preferred_model_providers`).
#[entity(table = "tenant_preferred_model_providers", owner = tenant, primary_key_name = "tenant_preferred_model_provider_pkey", write = privileged)]
#[index(
    name = "tenant_preferred_model_provider_tenant_provider_idx",
    columns(tenant_id, provider_name)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct TenantPreferredModelProvider {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(40))]
    pub preferred_provider_type: ProviderType,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ProviderOrder` (`provider_orders`).
#[entity(table = "provider_orders", owner = tenant, primary_key_name = "provider_order_pkey", write = privileged)]
#[index(
    name = "provider_order_tenant_provider_idx",
    columns(tenant_id, provider_name)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderOrder {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(varchar(191))]
    pub payment_product_id: String,
    #[column(varchar(191))]
    pub payment_id: Option<String>,
    #[column(varchar(191))]
    pub transaction_id: Option<String>,
    #[column(integer, default = 1)]
    pub quantity: i32,
    #[column(varchar(40))]
    pub currency: Option<String>,
    #[column(integer)]
    pub total_amount: Option<i32>,
    #[column(varchar(40), default = "wait_pay")]
    pub payment_status: PaymentStatus,
    #[column(timestamp)]
    pub paid_at: Option<NaiveDateTime>,
    #[column(timestamp)]
    pub pay_failed_at: Option<NaiveDateTime>,
    #[column(timestamp)]
    pub refunded_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
