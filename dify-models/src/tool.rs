//! Tools: built-in, API, workflow and MCP tool providers, their OAuth clients, labels, and the files tools make.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::App;
use crate::conversation::Conversation;

/// Dify's `BuiltinToolProvider` (`tool_builtin_providers`).
///
/// credential_type api-key | oauth2; several named credentials per provider per tenant.
#[entity(table = "tool_builtin_providers", owner = tenant, primary_key_name = "tool_builtin_provider_pkey")]
#[unique(
    name = "unique_builtin_tool_provider",
    columns(tenant_id, provider, name)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltinToolProvider {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(256), default = "API KEY 1")]
    pub name: String,
    #[column(uuid)]
    pub tenant_id: Option<Uuid>,
    #[column(uuid, references = Account, join = false)]
    pub user_id: Uuid,
    #[column(varchar(256))]
    pub provider: String,
    #[column(text)]
    pub encrypted_credentials: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub is_default: bool,
    #[column(varchar(32), default = "api-key")]
    pub credential_type: String,
    #[column(bigint, default = sql("'-1'::integer"), mysql_default = -1)]
    pub expires_at: i64,
    /// Who may use the credential: `all_team_members` or `only_me`.
    #[column(varchar(40), default = "all_team_members")]
    pub visibility: String,
}

/// Dify's `ApiToolProvider` (`tool_api_providers`).
///
/// Dify's migrations give `name` no default (the model files say 'API KEY 1').
#[entity(table = "tool_api_providers", owner = tenant, primary_key_name = "tool_api_provider_pkey")]
#[unique(name = "unique_api_tool_provider", columns(name, tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiToolProvider {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub icon: String,
    #[column(text)]
    pub schema: String,
    #[column(varchar(40))]
    pub schema_type_str: String,
    #[column(uuid, references = Account, join = false)]
    pub user_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(text)]
    pub description: String,
    #[column(text)]
    pub tools_str: String,
    #[column(text)]
    pub credentials_str: String,
    #[column(varchar(255))]
    pub privacy_policy: Option<String>,
    #[column(text)]
    pub custom_disclaimer: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `WorkflowToolProvider` (`tool_workflow_providers`).
#[entity(table = "tool_workflow_providers", owner = tenant, primary_key_name = "tool_workflow_provider_pkey")]
#[unique(name = "unique_workflow_tool_provider", columns(name, tenant_id))]
#[unique(
    name = "unique_workflow_tool_provider_app_id",
    columns(tenant_id, app_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowToolProvider {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255), default = "")]
    pub label: String,
    #[column(varchar(255))]
    pub icon: String,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(255), default = "")]
    pub version: String,
    #[column(uuid, references = Account, join = false)]
    pub user_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(text)]
    pub description: String,
    #[column(text, default = "[]")]
    pub parameter_configuration: String,
    #[column(varchar(255), default = "")]
    pub privacy_policy: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `MCPToolProvider` (`tool_mcp_providers`).
#[entity(table = "tool_mcp_providers", owner = tenant, primary_key_name = "tool_mcp_provider_pkey")]
#[unique(
    name = "unique_mcp_provider_server_url",
    columns(tenant_id, server_url_hash)
)]
#[unique(name = "unique_mcp_provider_name", columns(tenant_id, name))]
#[unique(
    name = "unique_mcp_provider_server_identifier",
    columns(tenant_id, server_identifier)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct MCPToolProvider {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(40))]
    pub name: String,
    #[column(varchar(64))]
    pub server_identifier: String,
    #[column(text)]
    pub server_url: String,
    #[column(varchar(64))]
    pub server_url_hash: String,
    #[column(varchar(255))]
    pub icon: Option<String>,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Account, join = false)]
    pub user_id: Uuid,
    #[column(text)]
    pub encrypted_credentials: Option<String>,
    #[column(boolean)]
    pub authed: bool,
    #[column(text)]
    pub tools: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(float, default = 30)]
    pub timeout: f64,
    #[column(float, default = 300)]
    pub sse_read_timeout: f64,
    #[column(text)]
    pub encrypted_headers: Option<String>,
    #[column(varchar(32), default = "off")]
    pub identity_mode: String,
}

/// Dify's `ToolOAuthSystemClient` (`tool_oauth_system_clients`).
#[entity(table = "tool_oauth_system_clients", owner = global, visible = none, primary_key_name = "tool_oauth_system_client_pkey")]
#[unique(
    name = "tool_oauth_system_client_plugin_id_provider_idx",
    columns(plugin_id, provider)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ToolOAuthSystemClient {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(512))]
    pub plugin_id: String,
    #[column(varchar(255))]
    pub provider: String,
    #[column(text)]
    pub encrypted_oauth_params: String,
}

/// Dify's `ToolOAuthTenantClient` (`tool_oauth_tenant_clients`).
#[entity(table = "tool_oauth_tenant_clients", owner = tenant, primary_key_name = "tool_oauth_tenant_client_pkey", write = privileged)]
#[unique(
    name = "unique_tool_oauth_tenant_client",
    columns(tenant_id, plugin_id, provider)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ToolOAuthTenantClient {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub plugin_id: String,
    #[column(varchar(255))]
    pub provider: String,
    #[column(boolean, default = true)]
    pub enabled: bool,
    #[column(text)]
    pub encrypted_oauth_params: String,
}

/// Dify's `ToolLabelBinding` (`tool_label_bindings`).
///
/// No tenant column; tool_id refers to a provider id (api/workflow providers are tenant-owned).
#[entity(table = "tool_label_bindings", owner = global, visible = all, primary_key_name = "tool_label_bind_pkey")]
#[unique(name = "unique_tool_label_bind", columns(tool_id, label_name))]
#[derive(Debug, Clone, PartialEq)]
pub struct ToolLabelBinding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(64))]
    pub tool_id: String,
    #[column(varchar(40))]
    pub tool_type: String,
    #[column(varchar(40))]
    pub label_name: String,
}

/// Dify's `ToolModelInvoke` (`tool_model_invokes`).
#[entity(table = "tool_model_invokes", owner = tenant, primary_key_name = "tool_model_invoke_pkey", write = member)]
#[derive(Debug, Clone, PartialEq)]
pub struct ToolModelInvoke {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, no_reference = "the account or end user that invoked the tool")]
    pub user_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub provider: String,
    #[column(varchar(40))]
    pub tool_type: String,
    #[column(varchar(128))]
    pub tool_name: String,
    #[column(text)]
    pub model_parameters: String,
    #[column(text)]
    pub prompt_messages: String,
    #[column(text)]
    pub model_response: String,
    #[column(integer, default = 0)]
    pub prompt_tokens: i32,
    #[column(integer, default = 0)]
    pub answer_tokens: i32,
    #[column(numeric(10, 4))]
    pub answer_unit_price: BigDecimal,
    #[column(numeric(10, 7), default = 0.001)]
    pub answer_price_unit: BigDecimal,
    #[column(float, default = 0)]
    pub provider_response_latency: f64,
    #[column(numeric(10, 7))]
    pub total_price: Option<BigDecimal>,
    #[column(varchar(255))]
    pub currency: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ToolConversationVariables` (`tool_conversation_variables`).
///
/// Class marked @deprecated.
#[entity(table = "tool_conversation_variables", owner = tenant, write = member)]
#[index(name = "user_id_idx", columns(user_id))]
#[index(name = "conversation_id_idx", columns(conversation_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct ToolConversationVariables {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, no_reference = "the account or end user of the conversation")]
    pub user_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Uuid,
    #[column(text)]
    pub variables_str: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `DeprecatedPublishedAppTool` (`tool_published_apps`).
///
/// Class marked @deprecated; only table here with a declared ForeignKey to apps.id.
#[entity(table = "tool_published_apps", owner = via(app_id), primary_key_name = "published_app_tool_pkey")]
#[unique(name = "unique_published_app_tool", columns(app_id, user_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct DeprecatedPublishedAppTool {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App, foreign_key = "tool_published_apps_app_id_fkey",
        mysql_foreign_key = "tool_published_apps_ibfk_1"
    )]
    pub app_id: Uuid,
    #[column(uuid, references = Account, join = false)]
    pub user_id: Uuid,
    #[column(text)]
    pub description: String,
    #[column(text)]
    pub llm_description: String,
    #[column(text)]
    pub query_description: String,
    #[column(varchar(40))]
    pub query_name: String,
    #[column(varchar(40))]
    pub tool_name: String,
    #[column(varchar(40))]
    pub author: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ToolFile` (`tool_files`).
///
/// No created_at column; files generated by tools/workflows.
#[entity(table = "tool_files", owner = tenant, primary_key_name = "tool_file_pkey", write = member)]
#[index(name = "tool_file_conversation_id_idx", columns(conversation_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct ToolFile {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, no_reference = "the account or end user that made the file")]
    pub user_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Option<Uuid>,
    #[column(varchar(255))]
    pub file_key: String,
    #[column(varchar(255))]
    pub mimetype: String,
    #[column(varchar(2048))]
    pub original_url: Option<String>,
    #[column(varchar(unbounded))]
    pub name: String,
    #[column(integer)]
    pub size: i32,
}
