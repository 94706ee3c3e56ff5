//! Data sources: Notion and API-key bindings, and the RAG pipeline's datasource providers and OAuth parameters.

use dify_schema::prelude::*;

use crate::account::Account;

/// Dify's `DataSourceOauthBinding` (`data_source_oauth_bindings`).
///
/// Legacy Notion OAuth binding; source_info AdjustedJSON -> jsonb with GIN index on PostgreSQL; disabled acts as soft-delete flag.
#[entity(table = "data_source_oauth_bindings", owner = tenant, primary_key_name = "source_binding_pkey", write = privileged)]
#[index(name = "source_binding_tenant_id_idx", columns(tenant_id))]
#[index(name = "source_info_idx", columns(source_info), using = gin, mysql = "skip")]
#[derive(Debug, Clone, PartialEq)]
pub struct DataSourceOauthBinding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub access_token: String,
    #[column(varchar(255))]
    pub provider: String,
    #[column(jsonb)]
    pub source_info: Json,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub disabled: Option<bool>,
}

/// Dify's `DataSourceApiKeyAuthBinding` (`data_source_api_key_auth_bindings`).
///
/// Credentials is JSON stored as text.
#[entity(table = "data_source_api_key_auth_bindings", owner = tenant, primary_key_name = "data_source_api_key_auth_binding_pkey", write = privileged)]
#[index(
    name = "data_source_api_key_auth_binding_tenant_id_idx",
    columns(tenant_id)
)]
#[index(
    name = "data_source_api_key_auth_binding_provider_idx",
    columns(provider)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DataSourceApiKeyAuthBinding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub category: String,
    #[column(varchar(255))]
    pub provider: String,
    #[column(text)]
    pub credentials: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub disabled: Option<bool>,
}

/// Dify's `DatasourceProvider` (`datasource_providers`).
///
/// expires_at server_default is the plain string '-1'.
#[entity(table = "datasource_providers", owner = tenant, primary_key_name = "datasource_provider_pkey", write = privileged)]
#[index(
    name = "datasource_provider_auth_type_provider_idx",
    columns(tenant_id, plugin_id, provider)
)]
#[unique(
    name = "datasource_provider_unique_name",
    columns(tenant_id, plugin_id, provider, name)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasourceProvider {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(128))]
    pub provider: String,
    #[column(varchar(255))]
    pub plugin_id: String,
    #[column(varchar(255))]
    pub auth_type: String,
    #[column(jsonb)]
    pub encrypted_credentials: Json,
    #[column(text)]
    pub avatar_url: Option<String>,
    #[column(boolean, default = false)]
    pub is_default: bool,
    #[column(integer, default = sql("'-1'::integer"), mysql_default = -1)]
    pub expires_at: i32,
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

/// Dify's `DatasourceOauthParamConfig` (`datasource_oauth_params`).
///
/// System-level OAuth client params for datasource plugins.
#[entity(table = "datasource_oauth_params", owner = global, visible = none, primary_key_name = "datasource_oauth_config_pkey")]
#[unique(
    name = "datasource_oauth_config_datasource_id_provider_idx",
    columns(plugin_id, provider)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasourceOauthParamConfig {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub plugin_id: String,
    #[column(varchar(255))]
    pub provider: String,
    #[column(jsonb)]
    pub system_credentials: Json,
}

/// Dify's `DatasourceOauthTenantParamConfig` (`datasource_oauth_tenant_params`).
#[entity(table = "datasource_oauth_tenant_params", owner = tenant, primary_key_name = "datasource_oauth_tenant_config_pkey", write = privileged)]
#[unique(
    name = "datasource_oauth_tenant_config_unique",
    columns(tenant_id, plugin_id, provider)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasourceOauthTenantParamConfig {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider: String,
    #[column(varchar(255))]
    pub plugin_id: String,
    #[column(jsonb)]
    pub client_params: Json,
    #[column(boolean)]
    pub enabled: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
