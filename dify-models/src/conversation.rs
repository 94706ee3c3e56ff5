//! Conversations and their messages, and everything hung on a message: feedback, files, annotations,
//! agent thoughts, retrieved resources; and the end users who talk to apps.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::{App, AppMode, AppModelConfig};
use crate::dataset::{Dataset, DatasetCollectionBinding, Document, DocumentSegment};
use crate::enums::CreatorUserRole;
use crate::file::UploadFile;
use crate::workflow::WorkflowRun;

/// `conversations.from_source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ConversationFromSource {
    Api,
    Console,
}

/// `conversations.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ConversationStatus {
    Normal,
}

/// Where an invocation came from (`conversations.invoke_from`).
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

/// `messages.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum MessageStatus {
    Normal,
    Paused,
    Error,
}

/// `message_feedbacks.from_source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum FeedbackFromSource {
    User,
    Admin,
}

/// `message_feedbacks.rating`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum FeedbackRating {
    Like,
    Dislike,
}

/// `message_files.belongs_to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum MessageFileBelongsTo {
    User,
    Assistant,
}

/// `message_chains.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum MessageChainType {
    System,
}

/// The session id Dify gives its default end user (a value of `end_users.session_id`, which holds any string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DefaultEndUserSessionId {
    #[value = "DEFAULT-USER"]
    DefaultUser,
}

/// Dify's `Conversation` (`conversations`).
///
/// is_deleted is a soft-delete flag.
#[entity(table = "conversations", owner = via(app_id), primary_key_name = "conversation_pkey", soft_delete = is_deleted, write = member)]
#[index(
    name = "conversation_app_from_user_idx",
    columns(app_id, from_source, from_end_user_id)
)]
// Dify's list indexes (migration e288952f2994); the scoped accessors'
// `is_deleted IS false` matches their predicate.
#[index(
    name = "conversation_app_created_at_idx",
    columns(app_id, created_at desc),
    where = "is_deleted IS false",
    mysql = "whole"
)]
#[index(
    name = "conversation_app_updated_at_idx",
    columns(app_id, updated_at desc),
    where = "is_deleted IS false",
    mysql = "whole"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = AppModelConfig)]
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
    pub status: ConversationStatus,
    #[column(varchar(255))]
    pub invoke_from: Option<InvokeFrom>,
    #[column(varchar(255))]
    pub from_source: ConversationFromSource,
    #[column(uuid, references = EndUser)]
    pub from_end_user_id: Option<Uuid>,
    #[column(uuid, references = Account)]
    pub from_account_id: Option<Uuid>,
    #[column(timestamp)]
    pub read_at: Option<NaiveDateTime>,
    #[column(uuid, references = Account, join = false)]
    pub read_account_id: Option<Uuid>,
    #[column(integer, default = 0)]
    pub dialogue_count: i32,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub is_deleted: bool,
}

/// Dify's `Message` (`messages`).
///
/// Also reachable via:conversations.conversation_id.
// Kept 30 days by default, as Dify's sandbox plan (`PLAN_SANDBOX_CLEAN_MESSAGE_DAY_SETTING`).
#[entity(table = "messages", owner = via(app_id), primary_key_name = "message_pkey", write = member)]
#[retention(on = created_at, days = 30)]
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
#[index(name = "message_created_at_id_idx", columns(created_at, id))]
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
    #[column(uuid, references = Conversation)]
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
    #[column(uuid, references = Message, join = false)]
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
    #[column(uuid, references = EndUser)]
    pub from_end_user_id: Option<Uuid>,
    #[column(uuid, references = Account)]
    pub from_account_id: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub agent_based: bool,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Option<Uuid>,
    #[column(varchar(255))]
    pub app_mode: Option<String>,
}

/// Dify's `MessageFeedback` (`message_feedbacks`).
///
/// Rating values used: like / dislike; from_source: user / admin.
#[entity(table = "message_feedbacks", owner = via(app_id), primary_key_name = "message_feedback_pkey", write = member)]
#[retention(with = message_id)]
#[index(name = "message_feedback_app_idx", columns(app_id))]
#[index(
    name = "message_feedback_message_idx",
    columns(message_id, from_source)
)]
#[index(
    name = "message_feedback_conversation_idx",
    columns(conversation_id, from_source, rating)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct MessageFeedback {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Uuid,
    #[column(uuid, references = Message)]
    pub message_id: Uuid,
    #[column(varchar(255))]
    pub rating: FeedbackRating,
    #[column(text)]
    pub content: Option<String>,
    #[column(varchar(255))]
    pub from_source: FeedbackFromSource,
    #[column(uuid, references = EndUser)]
    pub from_end_user_id: Option<Uuid>,
    #[column(uuid, references = Account)]
    pub from_account_id: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `MessageFile` (`message_files`).
#[entity(table = "message_files", owner = via(message_id), primary_key_name = "message_file_pkey", write = member)]
#[retention(with = message_id)]
#[index(name = "message_file_message_idx", columns(message_id))]
#[index(name = "message_file_created_by_idx", columns(created_by))]
#[derive(Debug, Clone, PartialEq)]
pub struct MessageFile {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Message)]
    pub message_id: Uuid,
    #[column(varchar(255))]
    pub r#type: String,
    #[column(varchar(255))]
    pub transfer_method: String,
    #[column(text)]
    pub url: Option<String>,
    #[column(varchar(255))]
    pub belongs_to: Option<MessageFileBelongsTo>,
    #[column(uuid, references = UploadFile)]
    pub upload_file_id: Option<Uuid>,
    #[column(varchar(255))]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `MessageAnnotation` (`message_annotations`).
#[entity(table = "message_annotations", owner = via(app_id), primary_key_name = "message_annotation_pkey")]
#[index(name = "message_annotation_app_idx", columns(app_id))]
#[index(name = "message_annotation_conversation_idx", columns(conversation_id))]
#[index(name = "message_annotation_message_idx", columns(message_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct MessageAnnotation {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Option<Uuid>,
    #[column(uuid, references = Message)]
    pub message_id: Option<Uuid>,
    #[column(text, mysql_type = "text")]
    pub question: String,
    #[column(text)]
    pub content: String,
    #[column(integer, default = 0)]
    pub hit_count: i32,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `AppAnnotationHitHistory` (`app_annotation_hit_histories`).
#[entity(table = "app_annotation_hit_histories", owner = via(app_id), write = member)]
#[retention(with = message_id)]
#[index(name = "app_annotation_hit_histories_app_idx", columns(app_id))]
#[index(name = "app_annotation_hit_histories_account_idx", columns(account_id))]
#[index(
    name = "app_annotation_hit_histories_annotation_idx",
    columns(annotation_id)
)]
#[index(name = "app_annotation_hit_histories_message_idx", columns(message_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct AppAnnotationHitHistory {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = MessageAnnotation)]
    pub annotation_id: Uuid,
    #[column(text)]
    pub source: String,
    #[column(text)]
    pub question: String,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(float, default = 0)]
    pub score: f64,
    #[column(uuid, references = Message)]
    pub message_id: Uuid,
    #[column(text)]
    pub annotation_question: String,
    #[column(text)]
    pub annotation_content: String,
}

/// Dify's `AppAnnotationSetting` (`app_annotation_settings`).
#[entity(table = "app_annotation_settings", owner = via(app_id))]
#[index(name = "app_annotation_settings_app_idx", columns(app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct AppAnnotationSetting {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(float, default = 0)]
    pub score_threshold: f64,
    #[column(uuid, references = DatasetCollectionBinding)]
    pub collection_binding_id: Uuid,
    #[column(uuid, references = Account, join = false)]
    pub created_user_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, references = Account, join = false)]
    pub updated_user_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `MessageChain` (`message_chains`).
#[entity(table = "message_chains", owner = via(message_id), primary_key_name = "message_chain_pkey", write = member)]
#[retention(with = message_id)]
#[index(name = "message_chain_message_id_idx", columns(message_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct MessageChain {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Message)]
    pub message_id: Uuid,
    #[column(varchar(255))]
    pub r#type: MessageChainType,
    #[column(text)]
    pub input: Option<String>,
    #[column(text)]
    pub output: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `MessageAgentThought` (`message_agent_thoughts`).
#[entity(table = "message_agent_thoughts", owner = via(message_id), primary_key_name = "message_agent_thought_pkey", write = member)]
#[retention(with = message_id)]
#[index(name = "message_agent_thought_message_id_idx", columns(message_id))]
#[index(
    name = "message_agent_thought_message_chain_id_idx",
    columns(message_chain_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct MessageAgentThought {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Message)]
    pub message_id: Uuid,
    #[column(uuid, references = MessageChain)]
    pub message_chain_id: Option<Uuid>,
    #[column(integer)]
    pub position: i32,
    #[column(text)]
    pub thought: Option<String>,
    #[column(text)]
    pub tool: Option<String>,
    #[column(text, default = "{}")]
    pub tool_labels_str: String,
    #[column(text, default = "{}")]
    pub tool_meta_str: String,
    #[column(text)]
    pub tool_input: Option<String>,
    #[column(text)]
    pub observation: Option<String>,
    #[column(text)]
    pub tool_process_data: Option<String>,
    #[column(text)]
    pub message: Option<String>,
    #[column(integer)]
    pub message_token: Option<i32>,
    #[column(numeric)]
    pub message_unit_price: Option<BigDecimal>,
    #[column(numeric(10, 7), default = 0.001)]
    pub message_price_unit: BigDecimal,
    #[column(text)]
    pub message_files: Option<String>,
    #[column(text)]
    pub answer: Option<String>,
    #[column(integer)]
    pub answer_token: Option<i32>,
    #[column(numeric)]
    pub answer_unit_price: Option<BigDecimal>,
    #[column(numeric(10, 7), default = 0.001)]
    pub answer_price_unit: BigDecimal,
    #[column(integer)]
    pub tokens: Option<i32>,
    #[column(numeric)]
    pub total_price: Option<BigDecimal>,
    #[column(varchar(unbounded))]
    pub currency: Option<String>,
    #[column(float)]
    pub latency: Option<f64>,
    #[column(varchar(unbounded))]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `DatasetRetrieverResource` (`dataset_retriever_resources`).
#[entity(table = "dataset_retriever_resources", owner = via(message_id), primary_key_name = "dataset_retriever_resource_pkey", write = member)]
#[retention(with = message_id)]
#[index(
    name = "dataset_retriever_resource_message_id_idx",
    columns(message_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetRetrieverResource {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Message)]
    pub message_id: Uuid,
    #[column(integer)]
    pub position: i32,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(text)]
    pub dataset_name: String,
    #[column(uuid, references = Document)]
    pub document_id: Option<Uuid>,
    #[column(text)]
    pub document_name: String,
    #[column(text)]
    pub data_source_type: Option<String>,
    #[column(uuid, references = DocumentSegment)]
    pub segment_id: Option<Uuid>,
    #[column(float)]
    pub score: Option<f64>,
    #[column(text)]
    pub content: String,
    #[column(integer)]
    pub hit_count: Option<i32>,
    #[column(integer)]
    pub word_count: Option<i32>,
    #[column(integer)]
    pub segment_position: Option<i32>,
    #[column(text)]
    pub index_node_hash: Option<String>,
    #[column(text)]
    pub retriever_from: String,
    #[column(uuid, no_reference = "the account or end user who asked the message")]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `SavedMessage` (`saved_messages`).
#[entity(table = "saved_messages", owner = via(app_id), primary_key_name = "saved_message_pkey", write = member)]
#[retention(with = message_id)]
#[index(name = "saved_message_message_id_idx", columns(message_id))]
#[index(
    name = "saved_message_message_idx",
    columns(app_id, message_id, created_by_role, created_by)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct SavedMessage {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Message)]
    pub message_id: Uuid,
    #[column(varchar(255), default = "end_user")]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `PinnedConversation` (`pinned_conversations`).
#[entity(table = "pinned_conversations", owner = via(app_id), primary_key_name = "pinned_conversation_pkey", write = member)]
#[index(
    name = "pinned_conversation_conversation_idx",
    columns(app_id, conversation_id, created_by_role, created_by)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedConversation {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Uuid,
    #[column(varchar(255), default = "end_user")]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `EndUser` (`end_users`).
///
/// session_id is a varchar(255), as Dify's migrations make it.
#[entity(table = "end_users", owner = tenant, primary_key_name = "end_user_pkey", write = member)]
#[index(name = "end_user_session_id_idx", columns(session_id, r#type))]
#[index(
    name = "end_user_tenant_session_id_idx",
    columns(tenant_id, session_id, r#type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct EndUser {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Option<Uuid>,
    #[column(varchar(255))]
    pub r#type: String,
    #[column(varchar(255))]
    pub external_user_id: Option<String>,
    #[column(varchar(255))]
    pub name: Option<String>,
    #[column(boolean, default = true)]
    pub is_anonymous: bool,
    #[column(varchar(255))]
    pub session_id: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
