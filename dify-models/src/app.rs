//! Applications: their model configuration, web site, API tokens, installs in other workspaces, and the
//! application-level settings around them.

use dify_schema::prelude::*;

use crate::account::{Account, Tenant};
use crate::workflow::Workflow;

/// `apps.mode`, `conversations.mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AppMode {
    Completion,
    Workflow,
    Chat,
    #[value = "advanced-chat"]
    AdvancedChat,
    #[value = "agent-chat"]
    AgentChat,
    Channel,
    #[value = "rag-pipeline"]
    RagPipeline,
}

/// `apps.icon_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum IconType {
    Image,
    Emoji,
}

/// `apps.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AppStatus {
    Normal,
}

/// `app_mcp_servers.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AppMCPServerStatus {
    Normal,
    Active,
    Inactive,
}

/// `sites.customize_token_strategy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum CustomizeTokenStrategy {
    Must,
    Allow,
    NotAllow,
    Uuid,
}

/// `app_model_configs.prompt_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum PromptType {
    Simple,
    Advanced,
}

/// `api_tokens.type`: a token for an app or for the knowledge API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ApiTokenType {
    App,
    Dataset,
}

/// Where an API-based extension is called (not stored in a column of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum APIBasedExtensionPoint {
    #[value = "app.external_data_tool.query"]
    AppExternalDataToolQuery,
    Ping,
    #[value = "app.moderation.input"]
    AppModerationInput,
    #[value = "app.moderation.output"]
    AppModerationOutput,
}

/// Status of an explore banner (Dify's newer `ExporleBanner`, whose table the catalogue does not have).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum BannerStatus {
    Enabled,
    Disabled,
}

/// Dify's `App` (`apps`).
#[entity(table = "apps", owner = tenant, primary_key_name = "app_pkey")]
#[index(name = "app_tenant_id_idx", columns(tenant_id))]
#[index(name = "app_tenant_maintainer_idx", columns(tenant_id, maintainer))]
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Tenant)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    // Dify's migration gave this text column a varchar default.
    #[column(text, default = sql("''::character varying"))]
    pub description: String,
    #[column(varchar(255))]
    pub mode: AppMode,
    #[column(varchar(255))]
    pub icon_type: Option<IconType>,
    #[column(varchar(255))]
    pub icon: Option<String>,
    #[column(varchar(255))]
    pub icon_background: Option<String>,
    #[column(uuid, references = AppModelConfig, join = false)]
    pub app_model_config_id: Option<Uuid>,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Option<Uuid>,
    #[column(varchar(255), default = "normal")]
    pub status: AppStatus,
    #[column(boolean)]
    pub enable_site: bool,
    #[column(boolean)]
    pub enable_api: bool,
    #[column(integer, default = 0)]
    pub api_rpm: i32,
    #[column(integer, default = 0)]
    pub api_rph: i32,
    #[column(boolean, default = false)]
    pub is_demo: bool,
    #[column(boolean, default = false)]
    pub is_public: bool,
    #[column(boolean, default = false)]
    pub is_universal: bool,
    #[column(text)]
    pub tracing: Option<String>,
    #[column(integer)]
    pub max_active_requests: Option<i32>,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub use_icon_as_answer_icon: bool,
    /// The account that looks after the app.
    #[column(uuid, references = Account, join = false)]
    pub maintainer: Option<Uuid>,
}

/// Dify's `AppModelConfig` (`app_model_configs`).
///
/// Feature columns hold JSON serialized as text.
#[entity(table = "app_model_configs", owner = via(app_id), primary_key_name = "app_model_config_pkey")]
#[index(name = "app_app_id_idx", columns(app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct AppModelConfig {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(255))]
    pub provider: Option<String>,
    #[column(varchar(255))]
    pub model_id: Option<String>,
    #[column(json)]
    pub configs: Option<Json>,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(text)]
    pub opening_statement: Option<String>,
    #[column(text)]
    pub suggested_questions: Option<String>,
    #[column(text)]
    pub suggested_questions_after_answer: Option<String>,
    #[column(text)]
    pub speech_to_text: Option<String>,
    #[column(text)]
    pub text_to_speech: Option<String>,
    #[column(text)]
    pub more_like_this: Option<String>,
    #[column(text)]
    pub model: Option<String>,
    #[column(text)]
    pub user_input_form: Option<String>,
    #[column(varchar(255))]
    pub dataset_query_variable: Option<String>,
    #[column(text)]
    pub pre_prompt: Option<String>,
    #[column(text)]
    pub agent_mode: Option<String>,
    #[column(text)]
    pub sensitive_word_avoidance: Option<String>,
    #[column(text)]
    pub retriever_resource: Option<String>,
    #[column(varchar(255), default = "simple")]
    pub prompt_type: PromptType,
    #[column(text)]
    pub chat_prompt_config: Option<String>,
    #[column(text)]
    pub completion_prompt_config: Option<String>,
    #[column(text)]
    pub dataset_configs: Option<String>,
    #[column(text)]
    pub external_data_tools: Option<String>,
    #[column(text)]
    pub file_upload: Option<String>,
}

/// Dify's `Site` (`sites`).
#[entity(table = "sites", owner = via(app_id), primary_key_name = "site_pkey")]
#[index(name = "site_app_id_idx", columns(app_id))]
#[index(name = "site_code_idx", columns(code, status))]
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(255))]
    pub title: String,
    #[column(varchar(255))]
    pub icon_type: Option<String>,
    #[column(varchar(255))]
    pub icon: Option<String>,
    #[column(varchar(255))]
    pub icon_background: Option<String>,
    #[column(text)]
    pub description: Option<String>,
    #[column(varchar(255))]
    pub default_language: String,
    #[column(varchar(255))]
    pub chat_color_theme: Option<String>,
    #[column(boolean, default = false)]
    pub chat_color_theme_inverted: bool,
    #[column(varchar(255))]
    pub copyright: Option<String>,
    #[column(varchar(255))]
    pub privacy_policy: Option<String>,
    #[column(boolean, default = true)]
    pub show_workflow_steps: bool,
    #[column(boolean, default = false)]
    pub use_icon_as_answer_icon: bool,
    #[column(text)]
    pub custom_disclaimer: String,
    #[column(varchar(255))]
    pub customize_domain: Option<String>,
    #[column(varchar(255))]
    pub customize_token_strategy: CustomizeTokenStrategy,
    #[column(boolean, default = false)]
    pub prompt_public: bool,
    #[column(varchar(255), default = "normal")]
    pub status: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(255))]
    pub code: Option<String>,
    #[column(varchar(255))]
    pub input_placeholder: Option<String>,
}

/// Dify's `ApiToken` (`api_tokens`).
///
/// Type is 'app' or 'dataset'; tenant_id nullable.
#[entity(table = "api_tokens", owner = tenant, primary_key_name = "api_token_pkey")]
#[index(name = "api_token_app_id_type_idx", columns(app_id, r#type))]
#[index(name = "api_token_token_idx", columns(token, r#type))]
#[index(name = "api_token_tenant_idx", columns(tenant_id, r#type))]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiToken {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Option<Uuid>,
    #[column(uuid)]
    pub tenant_id: Option<Uuid>,
    #[column(varchar(16))]
    pub r#type: ApiTokenType,
    #[column(varchar(255))]
    pub token: String,
    #[column(timestamp)]
    pub last_used_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `InstalledApp` (`installed_apps`).
#[entity(table = "installed_apps", owner = tenant, primary_key_name = "installed_app_pkey")]
#[index(name = "installed_app_tenant_id_idx", columns(tenant_id))]
#[index(name = "installed_app_app_id_idx", columns(app_id))]
#[unique(name = "unique_tenant_app", columns(tenant_id, app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct InstalledApp {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(
        uuid,
        no_reference = "may be an app of another workspace (app_owner_tenant_id), installed from Explore"
    )]
    pub app_id: Uuid,
    #[column(uuid, cross_tenant)]
    pub app_owner_tenant_id: Uuid,
    #[column(integer)]
    pub position: i32,
    #[column(boolean, default = false)]
    pub is_pinned: bool,
    #[column(timestamp)]
    pub last_used_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `RecommendedApp` (`recommended_apps`).
///
/// Explore catalogue; points at an app of some tenant but has no tenant column.
#[entity(table = "recommended_apps", owner = global, visible = all, primary_key_name = "recommended_app_pkey")]
#[index(name = "recommended_app_app_id_idx", columns(app_id))]
#[index(name = "recommended_app_is_listed_idx", columns(is_listed, language))]
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendedApp {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(json)]
    pub description: Json,
    #[column(varchar(255))]
    pub copyright: String,
    #[column(varchar(255))]
    pub privacy_policy: String,
    #[column(text)]
    pub custom_disclaimer: String,
    #[column(varchar(255))]
    pub category: String,
    #[column(integer)]
    pub position: i32,
    #[column(boolean)]
    pub is_listed: bool,
    #[column(integer)]
    pub install_count: i32,
    #[column(varchar(255), default = "en-US")]
    pub language: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(json)]
    pub categories: Option<Json>,
    #[column(boolean, default = false)]
    pub is_learn_dify: bool,
    #[column(boolean, default = false)]
    pub is_cloud_only: bool,
}

/// Dify's `AppMCPServer` (`app_mcp_servers`).
#[entity(table = "app_mcp_servers", owner = tenant, primary_key_name = "app_mcp_server_pkey")]
#[unique(
    name = "unique_app_mcp_server_tenant_app_id",
    columns(tenant_id, app_id)
)]
#[unique(name = "unique_app_mcp_server_server_code", columns(server_code))]
#[derive(Debug, Clone, PartialEq)]
pub struct AppMCPServer {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub description: String,
    #[column(varchar(255))]
    pub server_code: String,
    #[column(varchar(255), default = "normal")]
    pub status: AppMCPServerStatus,
    #[column(text)]
    pub parameters: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ApiRequest` (`api_requests`).
#[entity(table = "api_requests", owner = tenant, primary_key_name = "api_request_pkey", write = member)]
#[index(name = "api_request_token_idx", columns(tenant_id, api_token_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRequest {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = ApiToken)]
    pub api_token_id: Uuid,
    #[column(varchar(255))]
    pub path: String,
    #[column(text)]
    pub request: Option<String>,
    #[column(text)]
    pub response: Option<String>,
    #[column(varchar(255))]
    pub ip: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `TraceAppConfig` (`trace_app_config`).
#[entity(table = "trace_app_config", owner = via(app_id), primary_key_name = "trace_app_config_pkey")]
#[index(name = "trace_app_config_app_id_idx", columns(app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct TraceAppConfig {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(255))]
    pub tracing_provider: Option<String>,
    #[column(json)]
    pub tracing_config: Option<Json>,
    #[column(timestamp, default = now(), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = now(), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = true)]
    pub is_active: bool,
}

/// Dify's `APIBasedExtension` (`api_based_extensions`).
#[entity(table = "api_based_extensions", owner = tenant, primary_key_name = "api_based_extension_pkey")]
#[index(name = "api_based_extension_tenant_idx", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct APIBasedExtension {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub api_endpoint: String,
    #[column(text)]
    pub api_key: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}
