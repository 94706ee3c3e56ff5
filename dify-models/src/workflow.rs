//! Workflows, their runs and node executions, app logs, conversation and draft variables, and pauses.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::App;
use crate::conversation::Conversation;
use crate::enums::CreatorUserRole;
use crate::file::UploadFile;
use crate::snippet::CustomizedSnippet;

/// `workflows.type`, `workflow_runs.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowType {
    Workflow,
    Chat,
    #[value = "rag-pipeline"]
    RagPipeline,
}

/// `workflow_runs.triggered_from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowRunTriggeredFrom {
    Debugging,
    #[value = "app-run"]
    AppRun,
    #[value = "rag-pipeline-run"]
    RagPipelineRun,
    #[value = "rag-pipeline-debugging"]
    RagPipelineDebugging,
    Webhook,
    Schedule,
    Plugin,
}

/// `workflow_node_executions.triggered_from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowNodeExecutionTriggeredFrom {
    #[value = "single-step"]
    SingleStep,
    #[value = "workflow-run"]
    WorkflowRun,
    #[value = "rag-pipeline-run"]
    RagPipelineRun,
}

/// `workflow_app_logs.created_from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowAppLogCreatedFrom {
    #[value = "service-api"]
    ServiceApi,
    #[value = "web-app"]
    WebApp,
    #[value = "installed-app"]
    InstalledApp,
}

/// The kind of a draft variable (derived from its node id; not a column of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DraftVariableType {
    Node,
    Sys,
    Conversation,
}

/// `workflow_node_execution_offload.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ExecutionOffLoadType {
    Inputs,
    ProcessData,
    Outputs,
}

/// `workflow_runs.status`: Dify's `WorkflowExecutionStatus` (`core.workflow.enums`), a state
/// machine, see [`WorkflowExecutionStatus::can_move_to`]. The catalogue read the legacy
/// `WorkflowRunStatus` (the five values from `running` to `partial-succeeded`); current Dify adds
/// `scheduled` and `paused`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowExecutionStatus {
    Scheduled,
    Running,
    Succeeded,
    Failed,
    Stopped,
    #[value = "partial-succeeded"]
    PartialSucceeded,
    Paused,
}

/// The status of a workflow run, by its older name.
pub type WorkflowRunStatus = WorkflowExecutionStatus;

/// The values of `workflow_node_executions.status` (Dify's `WorkflowNodeExecutionStatus`); the
/// column is a plain string in Dify's model, so it stays a `String` here, read with
/// [`WorkflowNodeExecutionModel::status_value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowNodeExecutionStatus {
    Pending,
    Running,
    Succeeded,
    Failed,
    Exception,
    Stopped,
    Paused,
    /// Legacy: replaced by the retry mechanism in error handling.
    Retry,
}

/// The values of `workflow_node_executions.node_type` (Dify's `NodeType`); the column is a plain
/// string in Dify's model (node types grow with every release), read with
/// [`WorkflowNodeExecutionModel::node_type_value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum NodeType {
    Start,
    End,
    Answer,
    Llm,
    #[value = "knowledge-retrieval"]
    KnowledgeRetrieval,
    #[value = "knowledge-index"]
    KnowledgeIndex,
    #[value = "if-else"]
    IfElse,
    Code,
    #[value = "template-transform"]
    TemplateTransform,
    #[value = "question-classifier"]
    QuestionClassifier,
    #[value = "http-request"]
    HttpRequest,
    Tool,
    Datasource,
    #[value = "variable-aggregator"]
    VariableAggregator,
    /// Dify's `LEGACY_VARIABLE_AGGREGATOR`.
    #[value = "variable-assigner"]
    LegacyVariableAggregator,
    Loop,
    #[value = "loop-start"]
    LoopStart,
    #[value = "loop-end"]
    LoopEnd,
    Iteration,
    #[value = "iteration-start"]
    IterationStart,
    #[value = "parameter-extractor"]
    ParameterExtractor,
    /// Dify's `VARIABLE_ASSIGNER`.
    #[value = "assigner"]
    VariableAssigner,
    #[value = "document-extractor"]
    DocumentExtractor,
    #[value = "list-operator"]
    ListOperator,
    Agent,
    #[value = "human-input"]
    HumanInput,
    #[value = "trigger-webhook"]
    TriggerWebhook,
    #[value = "trigger-schedule"]
    TriggerSchedule,
    #[value = "trigger-plugin"]
    TriggerPlugin,
}

/// `workflow_draft_variables.value_type`, `workflow_draft_variable_files.value_type`: Dify's
/// `SegmentType` of `core.variables` (named apart from the child-chunk [`crate::dataset::SegmentType`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum VariableSegmentType {
    Number,
    Integer,
    Float,
    String,
    Object,
    Secret,
    File,
    Boolean,
    #[value = "array[any]"]
    ArrayAny,
    #[value = "array[string]"]
    ArrayString,
    #[value = "array[number]"]
    ArrayNumber,
    #[value = "array[object]"]
    ArrayObject,
    #[value = "array[file]"]
    ArrayFile,
    #[value = "array[boolean]"]
    ArrayBoolean,
    None,
    Group,
}

/// `workflow_pause_reasons.type_`: Dify's `PauseReasonType`, in the version whose columns the
/// catalogue has (`form_id` and `node_id` for a human input, `message` for a scheduled pause).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum PauseReasonType {
    HumanInputRequired,
    ScheduledPause,
}

/// Dify's `Workflow` (`workflows`).
///
/// Version='draft' for the single draft per app; graph/features/*_variables are JSON stored as text.
#[entity(table = "workflows", owner = tenant, primary_key_name = "workflow_pkey")]
#[index(name = "workflow_version_idx", columns(tenant_id, app_id, version))]
#[derive(Debug, Clone, PartialEq)]
pub struct Workflow {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    // An app's workflow, or a snippet's (`kind = snippet`).
    #[column(uuid, references = any(App, CustomizedSnippet))]
    pub app_id: Uuid,
    #[column(varchar(255))]
    pub r#type: WorkflowType,
    #[column(varchar(255))]
    pub version: String,
    #[column(varchar(unbounded), default = "")]
    pub marked_name: String,
    #[column(varchar(unbounded), default = "")]
    pub marked_comment: String,
    #[column(text)]
    pub graph: String,
    #[column(text)]
    pub features: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, audit = updated_at, client_default = now)]
    pub updated_at: NaiveDateTime,
    #[column(text, default = "{}")]
    pub environment_variables: String,
    #[column(text, default = "{}")]
    pub conversation_variables: String,
    #[column(text, default = "{}")]
    pub rag_pipeline_variables: String,
    #[column(varchar(255))]
    pub kind: Option<String>,
}

/// Dify's `WorkflowRun` (`workflow_runs`).
///
/// Older versions also had sequence_number + workflow_run_tenant_app_sequence_idx; absent here.
// Kept 30 days by default, as Dify's `WORKFLOW_LOG_RETENTION_DAYS`.
#[entity(table = "workflow_runs", owner = tenant, primary_key_name = "workflow_run_pkey", write = member)]
#[retention(on = created_at, days = 30)]
#[index(
    name = "workflow_run_triggerd_from_idx",
    columns(tenant_id, app_id, triggered_from)
)]
#[index(name = "workflow_run_created_at_id_idx", columns(created_at, id))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowRun {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Uuid,
    #[column(varchar(255))]
    pub r#type: WorkflowType,
    #[column(varchar(255))]
    pub triggered_from: WorkflowRunTriggeredFrom,
    #[column(varchar(255))]
    pub version: String,
    #[column(text)]
    pub graph: Option<String>,
    #[column(text)]
    pub inputs: Option<String>,
    #[column(varchar(255))]
    pub status: WorkflowExecutionStatus,
    #[column(text)]
    pub outputs: Option<String>,
    #[column(text)]
    pub error: Option<String>,
    #[column(float, default = 0)]
    pub elapsed_time: f64,
    #[column(bigint, default = 0)]
    pub total_tokens: i64,
    #[column(integer, default = 0)]
    pub total_steps: Option<i32>,
    #[column(varchar(255))]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp)]
    pub finished_at: Option<NaiveDateTime>,
    #[column(integer, default = 0)]
    pub exceptions_count: Option<i32>,
}

/// Dify's `WorkflowNodeExecutionModel` (`workflow_node_executions`).
///
/// 4th index is declared without a name (name comes from the metadata naming convention ix=%(column_0_label)s_idx); its last column is created_at DESC.
#[entity(table = "workflow_node_executions", owner = tenant, primary_key_name = "workflow_node_execution_pkey", write = member)]
#[retention(with = workflow_run_id)]
#[index(
    name = "workflow_node_execution_workflow_run_id_idx",
    columns(workflow_run_id)
)]
#[index(
    name = "workflow_node_execution_node_run_idx",
    columns(tenant_id, app_id, workflow_id, triggered_from, node_id)
)]
#[index(
    name = "workflow_node_execution_id_idx",
    columns(tenant_id, app_id, workflow_id, triggered_from, node_execution_id)
)]
#[index(name = "workflow_node_executions_tenant_id_idx", columns(tenant_id, workflow_id, node_id, created_at desc))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowNodeExecutionModel {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Uuid,
    #[column(varchar(255))]
    pub triggered_from: WorkflowNodeExecutionTriggeredFrom,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Option<Uuid>,
    #[column(integer)]
    pub index: i32,
    #[column(varchar(255))]
    pub predecessor_node_id: Option<String>,
    #[column(varchar(255))]
    pub node_execution_id: Option<String>,
    #[column(varchar(255))]
    pub node_id: String,
    #[column(varchar(255))]
    pub node_type: String,
    #[column(varchar(255))]
    pub title: String,
    #[column(text)]
    pub inputs: Option<String>,
    #[column(text)]
    pub process_data: Option<String>,
    #[column(text)]
    pub outputs: Option<String>,
    #[column(varchar(255))]
    pub status: String,
    #[column(text)]
    pub error: Option<String>,
    #[column(float, default = 0)]
    pub elapsed_time: f64,
    #[column(text)]
    pub execution_metadata: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(varchar(255))]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp)]
    pub finished_at: Option<NaiveDateTime>,
}

/// Dify's `WorkflowNodeExecutionOffload` (`workflow_node_execution_offload`).
///
/// PK and unique constraint declared without names (names from naming convention); NULL node_execution_id rows allowed (NULLs distinct).
#[entity(table = "workflow_node_execution_offload", owner = tenant, write = member)]
#[retention(with = node_execution_id)]
#[unique(
    name = "workflow_node_execution_offload_node_execution_id_key",
    columns(node_execution_id, r#type)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowNodeExecutionOffload {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = WorkflowNodeExecutionModel)]
    pub node_execution_id: Option<Uuid>,
    #[column(varchar(20))]
    pub r#type: ExecutionOffLoadType,
    #[column(uuid, references = UploadFile)]
    pub file_id: Uuid,
}

/// Dify's `WorkflowAppLog` (`workflow_app_logs`).
#[entity(table = "workflow_app_logs", owner = tenant, primary_key_name = "workflow_app_log_pkey", write = member)]
#[retention(with = workflow_run_id)]
#[index(name = "workflow_app_log_app_idx", columns(tenant_id, app_id))]
#[index(
    name = "workflow_app_log_workflow_run_id_idx",
    columns(workflow_run_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowAppLog {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Uuid,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Uuid,
    #[column(varchar(255))]
    pub created_from: WorkflowAppLogCreatedFrom,
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

/// Dify's `WorkflowArchiveLog` (`workflow_archive_logs`).
///
/// Recent table (snapshot of archived runs/app logs).
#[entity(table = "workflow_archive_logs", owner = tenant, primary_key_name = "workflow_archive_log_pkey", write = member)]
#[index(name = "workflow_archive_log_app_idx", columns(tenant_id, app_id))]
#[index(
    name = "workflow_archive_log_workflow_run_id_idx",
    columns(workflow_run_id)
)]
#[index(
    name = "workflow_archive_log_run_created_at_idx",
    columns(run_created_at)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowArchiveLog {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Uuid,
    #[column(
        uuid,
        no_reference = "the archived run, deleted from workflow_runs once archived"
    )]
    pub workflow_run_id: Uuid,
    #[column(varchar(255))]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(uuid, no_reference = "the archived app log, deleted once archived")]
    pub log_id: Option<Uuid>,
    #[column(timestamp)]
    pub log_created_at: Option<NaiveDateTime>,
    #[column(varchar(255))]
    pub log_created_from: Option<String>,
    #[column(varchar(255))]
    pub run_version: String,
    #[column(varchar(255))]
    pub run_status: String,
    #[column(varchar(255))]
    pub run_triggered_from: String,
    #[column(text)]
    pub run_error: Option<String>,
    #[column(float, default = 0)]
    pub run_elapsed_time: f64,
    #[column(bigint, default = 0)]
    pub run_total_tokens: i64,
    #[column(integer, default = 0)]
    pub run_total_steps: Option<i32>,
    #[column(timestamp)]
    pub run_created_at: NaiveDateTime,
    #[column(timestamp)]
    pub run_finished_at: Option<NaiveDateTime>,
    #[column(integer, default = 0)]
    pub run_exceptions_count: Option<i32>,
    #[column(text)]
    pub trigger_metadata: Option<String>,
    #[column(timestamp, default = CURRENT_TIMESTAMP)]
    pub archived_at: NaiveDateTime,
}

/// Dify's `ConversationVariable` (`workflow_conversation_variables`).
///
/// Composite PK (id, conversation_id); indexes come from index=True (names from naming convention; table was originally created as workflow__conversation_variables, so live index names may differ).
#[entity(table = "workflow_conversation_variables", owner = via(app_id), primary_key_name = "workflow__conversation_variables_pkey", write = member)]
#[index(
    name = "workflow_conversation_variables_conversation_id_idx",
    columns(conversation_id)
)]
#[index(name = "workflow_conversation_variables_app_id_idx", columns(app_id))]
#[index(
    name = "workflow_conversation_variables_created_at_idx",
    columns(created_at)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationVariable {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid, primary_key, references = Conversation)]
    pub conversation_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(text)]
    pub data: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `WorkflowDraftVariable` (`workflow_draft_variables`).
///
/// PK/unique declared without names (convention names); drafts are per
/// user since 2026, so the unique key includes `user_id`.
#[entity(table = "workflow_draft_variables", owner = via(app_id))]
#[index(name = "workflow_draft_variable_file_id_idx", columns(file_id))]
#[index(
    name = "workflow_draft_variables_app_id_user_id_key",
    columns(app_id, user_id, node_id, name),
    unique
)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowDraftVariable {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(timestamp)]
    pub last_edited_at: Option<NaiveDateTime>,
    #[column(varchar(255))]
    pub node_id: String,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub description: String,
    #[column(varchar(255))]
    pub selector: String,
    #[column(varchar(20))]
    pub value_type: VariableSegmentType,
    #[column(text)]
    pub value: String,
    #[column(boolean)]
    pub visible: bool,
    #[column(boolean)]
    pub editable: bool,
    #[column(uuid, references = WorkflowNodeExecutionModel)]
    pub node_execution_id: Option<Uuid>,
    #[column(uuid, references = WorkflowDraftVariableFile)]
    pub file_id: Option<Uuid>,
    #[column(boolean, default = false)]
    pub is_default_value: bool,
    /// The account whose draft the variable is (per-user drafts).
    #[column(uuid, references = Account, join = false)]
    pub user_id: Option<Uuid>,
}

/// Dify's `WorkflowDraftVariableFile` (`workflow_draft_variable_files`).
#[entity(table = "workflow_draft_variable_files", owner = tenant)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowDraftVariableFile {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Account, join = false)]
    pub user_id: Uuid,
    #[column(uuid, references = UploadFile)]
    pub upload_file_id: Uuid,
    #[column(bigint)]
    pub size: i64,
    #[column(integer)]
    pub length: Option<i32>,
    #[column(varchar(20))]
    pub value_type: VariableSegmentType,
}

/// Dify's `WorkflowPause` (`workflow_pauses`).
///
/// id/created_at/updated_at from DefaultFieldsMixin; one pause per run.
#[entity(table = "workflow_pauses", owner = via(workflow_run_id), write = member)]
#[retention(with = workflow_run_id)]
#[unique(
    name = "workflow_pauses_workflow_run_id_key",
    columns(workflow_run_id),
    mysql_name = "workflow_pauses_workflow_run_id_key"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowPause {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Uuid,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Uuid,
    #[column(timestamp)]
    pub resumed_at: Option<NaiveDateTime>,
    #[column(varchar(255))]
    pub state_object_key: String,
}

/// Dify's `WorkflowPauseReason` (`workflow_pause_reasons`).
///
/// The enum column is mapped without an explicit name, so its column name is type_.
#[entity(table = "workflow_pause_reasons", owner = via(pause_id), write = member)]
#[retention(with = pause_id)]
#[index(name = "workflow_pause_reasons_pause_id_idx", columns(pause_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowPauseReason {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid, references = WorkflowPause)]
    pub pause_id: Uuid,
    #[column(varchar(20))]
    pub type_: PauseReasonType,
    #[column(varchar(36))]
    pub form_id: String,
    #[column(varchar(255))]
    pub message: String,
    #[column(varchar(255))]
    pub node_id: String,
}

impl WorkflowNodeExecutionModel {
    /// `status` as Dify's [`WorkflowNodeExecutionStatus`], or the value this
    /// build does not know.
    pub fn status_value(
        &self,
    ) -> Result<WorkflowNodeExecutionStatus, dify_schema::UnknownEnumValue> {
        WorkflowNodeExecutionStatus::from_db_str(&self.status)
    }

    /// `node_type` as Dify's [`NodeType`], or the value this build does not
    /// know (plugins and new releases add node types).
    pub fn node_type_value(&self) -> Result<NodeType, dify_schema::UnknownEnumValue> {
        NodeType::from_db_str(&self.node_type)
    }
}
