//! Applications.

use dify_schema::prelude::*;

use crate::account::Tenant;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum IconType {
    Image,
    Emoji,
}

#[entity(table = "apps", owner = tenant, primary_key_name = "app_pkey")]
#[index(name = "app_tenant_id_idx", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Tenant)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text, default = "")]
    pub description: String,
    #[column(varchar(255))]
    pub mode: AppMode,
    #[column(varchar(255))]
    pub icon_type: Option<IconType>,
    #[column(varchar(255))]
    pub icon: Option<String>,
    #[column(varchar(255))]
    pub icon_background: Option<String>,
    #[column(uuid)]
    pub app_model_config_id: Option<Uuid>,
    #[column(uuid)]
    pub workflow_id: Option<Uuid>,
    #[column(varchar(255), default = "normal")]
    pub status: String,
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
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub use_icon_as_answer_icon: bool,
}
