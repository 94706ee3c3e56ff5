//! Conversations and their messages.

use dify_schema::prelude::*;

use crate::app::{App, AppMode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ConversationFromSource {
    Api,
    Console,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum InvokeFrom {
    #[value = "service-api"]
    ServiceApi,
    #[value = "web-app"]
    WebApp,
    Trigger,
    Explore,
    Debugger,
    Published,
    Validation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum MessageStatus {
    Normal,
    Paused,
    Error,
}

#[entity(table = "conversations", owner = via(app_id), primary_key_name = "conversation_pkey", soft_delete = is_deleted, write = member)]
#[index(
    name = "conversation_app_from_user_idx",
    columns(app_id, from_source, from_end_user_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid)]
    pub app_model_config_id: Option<Uuid>,
    #[column(varchar(255))]
    pub model_provider: Option<String>,
    #[column(text)]
    pub override_model_configs: Option<String>,
    #[column(varchar(255))]
    pub model_id: Option<String>,
    #[column(varchar(255))]
    pub mode: AppMode,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub summary: Option<String>,
    #[column(json)]
    pub inputs: Json,
    #[column(text)]
    pub introduction: Option<String>,
    #[column(text)]
    pub system_instruction: Option<String>,
    #[column(integer, default = 0)]
    pub system_instruction_tokens: i32,
    #[column(varchar(255))]
    pub status: String,
    #[column(varchar(255))]
    pub invoke_from: Option<InvokeFrom>,
    #[column(varchar(255))]
    pub from_source: ConversationFromSource,
    #[column(uuid)]
    pub from_end_user_id: Option<Uuid>,
    #[column(uuid)]
    pub from_account_id: Option<Uuid>,
    #[column(timestamp)]
    pub read_at: Option<NaiveDateTime>,
    #[column(uuid)]
    pub read_account_id: Option<Uuid>,
    #[column(integer)]
    pub dialogue_count: i32,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub is_deleted: bool,
}

#[entity(table = "messages", owner = via(app_id), primary_key_name = "message_pkey", write = member)]
#[index(name = "message_app_id_idx", columns(app_id, created_at))]
#[index(name = "message_conversation_id_idx", columns(conversation_id))]
#[index(
    name = "message_end_user_idx",
    columns(app_id, from_source, from_end_user_id)
)]
#[index(
    name = "message_account_idx",
    columns(app_id, from_source, from_account_id)
)]
#[index(
    name = "message_workflow_run_id_idx",
    columns(conversation_id, workflow_run_id)
)]
#[index(name = "message_created_at_idx", columns(created_at))]
#[index(name = "message_app_mode_idx", columns(app_mode))]
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(255))]
    pub model_provider: Option<String>,
    #[column(varchar(255))]
    pub model_id: Option<String>,
    #[column(text)]
    pub override_model_configs: Option<String>,
    #[column(uuid, references = Conversation, foreign_key = "messages_conversation_id_fkey")]
    pub conversation_id: Uuid,
    #[column(json)]
    pub inputs: Json,
    #[column(text)]
    pub query: String,
    #[column(json)]
    pub message: Json,
    #[column(integer, default = 0)]
    pub message_tokens: i32,
    #[column(numeric(10, 4))]
    pub message_unit_price: BigDecimal,
    #[column(numeric(10, 7), default = 0.001)]
    pub message_price_unit: BigDecimal,
    #[column(text)]
    pub answer: String,
    #[column(integer, default = 0)]
    pub answer_tokens: i32,
    #[column(numeric(10, 4))]
    pub answer_unit_price: BigDecimal,
    #[column(numeric(10, 7), default = 0.001)]
    pub answer_price_unit: BigDecimal,
    #[column(uuid)]
    pub parent_message_id: Option<Uuid>,
    #[column(float, default = 0)]
    pub provider_response_latency: f64,
    #[column(numeric(10, 7))]
    pub total_price: Option<BigDecimal>,
    #[column(varchar(255))]
    pub currency: String,
    #[column(varchar(255), default = "normal")]
    pub status: MessageStatus,
    #[column(text)]
    pub error: Option<String>,
    #[column(text)]
    pub message_metadata: Option<String>,
    #[column(varchar(255))]
    pub invoke_from: Option<String>,
    #[column(varchar(255))]
    pub from_source: String,
    #[column(uuid)]
    pub from_end_user_id: Option<Uuid>,
    #[column(uuid)]
    pub from_account_id: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub agent_based: bool,
    #[column(uuid)]
    pub workflow_run_id: Option<Uuid>,
    #[column(varchar(255))]
    pub app_mode: Option<String>,
}
