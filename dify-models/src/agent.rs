//! Agents: the workspace's Agent Roster and workflow-only agents, their immutable config
//! snapshots ("Agent Soul" versions), the revisions between them, editable drafts, per-editor
//! debug conversations, backend runtime sessions, the agent drive, and the workflow nodes
//! bound to an agent.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::App;
use crate::conversation::Conversation;
use crate::file::UploadFile;
use crate::human_input::HumanInputForm;
use crate::tool::ToolFile;
use crate::workflow::{Workflow, WorkflowRun};

/// `agents.agent_kind`: the agent implementation family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentKind {
    DifyAgent,
}

/// `agents.scope`: a reusable roster agent, or one local to a workflow node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentScope {
    Roster,
    WorkflowOnly,
}

/// `agents.source`: what created or imported the agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentSource {
    Roster,
    AgentApp,
    Workflow,
    Imported,
    System,
}

/// `agents.icon_type`: how `icon` is read (an image file id, an emoji or an external URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentIconType {
    Image,
    Emoji,
    Link,
}

/// `agents.status`: archived agents leave the roster but keep their bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentStatus {
    Active,
    Archived,
}

/// `agent_config_revisions.operation`: the save that made a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentConfigRevisionOperation {
    CreateVersion,
    SaveCurrentVersion,
    SaveNewVersion,
    SaveNewAgent,
    SaveToRoster,
    RestoreVersion,
    PublishDraft,
}

/// `agent_config_drafts.draft_type`: the shared console draft, or one editor's build draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentConfigDraftType {
    Draft,
    DebugBuild,
}

/// `workflow_agent_node_bindings.binding_type`: a roster agent, or a workflow-only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowAgentBindingType {
    RosterAgent,
    InlineAgent,
}

/// `agent_runtime_sessions.status`: a cleaned snapshot is never sent to the backend again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentRuntimeSessionStatus {
    Active,
    Cleaned,
}

/// `agent_runtime_sessions.owner_type`: a workflow agent node's run, or an agent app's conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentRuntimeSessionOwnerType {
    WorkflowRun,
    Conversation,
}

/// `agent_drive_files.file_kind`: which file table `file_id` points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AgentDriveFileKind {
    UploadFile,
    ToolFile,
}

/// Dify's `Agent` (`agents`).
///
/// A workspace's agent: a roster agent anyone may reuse, or a workflow-only agent of one node.
/// `roster_unique_name` is a stored generated column (the name of an active roster agent, else
/// NULL) whose unique key keeps roster names unique in a workspace.
#[entity(table = "agents", owner = tenant, primary_key_name = "agent_pkey")]
#[index(
    name = "agent_active_config_snapshot_id_idx",
    columns(active_config_snapshot_id)
)]
#[index(name = "agent_tenant_app_id_idx", columns(tenant_id, app_id))]
#[index(
    name = "agent_tenant_backing_app_id_idx",
    columns(tenant_id, backing_app_id)
)]
#[index(
    name = "agent_tenant_invitable_idx",
    columns(tenant_id, scope, status, active_config_has_model, updated_at)
)]
#[index(name = "agent_tenant_scope_idx", columns(tenant_id, scope))]
#[index(name = "agent_tenant_updated_at_idx", columns(tenant_id, updated_at))]
#[index(name = "agent_tenant_workflow_id_idx", columns(tenant_id, workflow_id))]
#[unique(name = "agents_tenant_id_key", columns(tenant_id, roster_unique_name))]
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub description: String,
    #[column(varchar(32))]
    pub icon_type: Option<AgentIconType>,
    #[column(varchar(255))]
    pub icon: Option<String>,
    #[column(varchar(255))]
    pub icon_background: Option<String>,
    #[column(varchar(32), default = "dify_agent")]
    pub agent_kind: AgentKind,
    #[column(varchar(32))]
    pub scope: AgentScope,
    #[column(varchar(32))]
    pub source: AgentSource,
    #[column(uuid, references = App)]
    pub app_id: Option<Uuid>,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Option<Uuid>,
    #[column(varchar(255))]
    pub workflow_node_id: Option<String>,
    #[column(uuid, references = AgentConfigSnapshot, join = false)]
    pub active_config_snapshot_id: Option<Uuid>,
    #[column(varchar(32), default = "active")]
    pub status: AgentStatus,
    #[column(
        varchar(255),
        generated = "CASE WHEN scope::text = 'roster'::text AND status::text = 'active'::text THEN name ELSE NULL::character varying END",
        mysql_generated = "case when `scope` = 'roster' and `status` = 'active' then `name` else NULL end"
    )]
    pub roster_unique_name: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(uuid, references = Account)]
    pub archived_by: Option<Uuid>,
    #[column(timestamp)]
    pub archived_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(255))]
    pub role: String,
    #[column(boolean, default = false)]
    pub active_config_has_model: bool,
    #[column(uuid, references = App, join = false)]
    pub backing_app_id: Option<Uuid>,
    #[column(boolean, default = false)]
    pub active_config_is_published: bool,
}

/// Dify's `AgentConfigSnapshot` (`agent_config_snapshots`).
///
/// One immutable version of an agent's config ("Agent Soul", JSON stored as text; secret
/// references only, never plaintext secrets).
#[entity(table = "agent_config_snapshots", owner = tenant, primary_key_name = "agent_config_snapshot_pkey")]
#[index(
    name = "agent_config_snapshot_tenant_agent_created_at_idx",
    columns(tenant_id, agent_id, created_at)
)]
#[index(
    name = "agent_config_snapshot_tenant_created_at_idx",
    columns(tenant_id, created_at)
)]
#[unique(
    name = "agent_config_snapshot_agent_version_unique",
    columns(agent_id, version)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AgentConfigSnapshot {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Agent)]
    pub agent_id: Uuid,
    #[column(integer)]
    pub version: i32,
    #[column(text)]
    pub config_snapshot: String,
    #[column(text)]
    pub summary: Option<String>,
    #[column(text)]
    pub version_note: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `AgentConfigRevision` (`agent_config_revisions`).
///
/// The audit edge of one save of an agent's config: from the previous snapshot to the current one.
#[entity(table = "agent_config_revisions", owner = tenant, primary_key_name = "agent_config_revision_pkey")]
#[index(
    name = "agent_config_revision_tenant_agent_created_at_idx",
    columns(tenant_id, agent_id, created_at)
)]
#[index(
    name = "agent_config_revision_tenant_current_snapshot_created_at_idx",
    columns(tenant_id, current_snapshot_id, created_at)
)]
#[unique(
    name = "agent_config_revision_agent_revision_unique",
    columns(agent_id, revision)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AgentConfigRevision {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Agent)]
    pub agent_id: Uuid,
    #[column(uuid, references = AgentConfigSnapshot, join = false)]
    pub previous_snapshot_id: Option<Uuid>,
    #[column(uuid, references = AgentConfigSnapshot)]
    pub current_snapshot_id: Uuid,
    #[column(integer)]
    pub revision: i32,
    #[column(varchar(64))]
    pub operation: AgentConfigRevisionOperation,
    #[column(text)]
    pub summary: Option<String>,
    #[column(text)]
    pub version_note: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `AgentConfigDraft` (`agent_config_drafts`).
///
/// An editable agent config, apart from the published snapshots: the shared console draft
/// (`draft_owner_key` empty) or one editor's build draft (`account_id`, `draft_owner_key`).
#[entity(table = "agent_config_drafts", owner = tenant, primary_key_name = "agent_config_draft_pkey")]
#[index(
    name = "agent_config_draft_base_snapshot_idx",
    columns(tenant_id, base_snapshot_id)
)]
#[index(
    name = "agent_config_draft_tenant_agent_idx",
    columns(tenant_id, agent_id)
)]
#[unique(
    name = "agent_config_draft_agent_type_account_unique",
    columns(tenant_id, agent_id, draft_type, draft_owner_key)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AgentConfigDraft {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Agent)]
    pub agent_id: Uuid,
    #[column(varchar(32))]
    pub draft_type: AgentConfigDraftType,
    #[column(uuid, references = Account)]
    pub account_id: Option<Uuid>,
    #[column(varchar(255))]
    pub draft_owner_key: String,
    #[column(uuid, references = AgentConfigSnapshot)]
    pub base_snapshot_id: Option<Uuid>,
    #[column(text)]
    pub config_snapshot: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `AgentDebugConversation` (`agent_debug_conversations`).
///
/// One editor's console debug conversation with an agent app (the agent is shared, the preview
/// chat is per account). Dify creates it when a member opens the agent.
#[entity(table = "agent_debug_conversations", owner = tenant, primary_key_name = "agent_debug_conversation_pkey", write = member)]
#[index(
    name = "agent_debug_conversation_account_idx",
    columns(tenant_id, account_id)
)]
#[index(
    name = "agent_debug_conversation_conversation_idx",
    columns(conversation_id)
)]
#[unique(
    name = "agent_debug_conversation_agent_account_unique",
    columns(tenant_id, agent_id, account_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AgentDebugConversation {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Agent)]
    pub agent_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `AgentRuntimeSession` (`agent_runtime_sessions`).
///
/// The agent backend's session snapshot, owned by a workflow run's agent node
/// (`owner_type = workflow_run`, the workflow columns set) or by an agent app's conversation
/// (`owner_type = conversation`, `conversation_id` set).
#[entity(table = "agent_runtime_sessions", owner = tenant, primary_key_name = "agent_runtime_session_pkey", write = member)]
#[index(
    name = "agent_runtime_session_backend_run_idx",
    columns(backend_run_id)
)]
#[index(
    name = "agent_runtime_session_conversation_lookup_idx",
    columns(tenant_id, conversation_id, status)
)]
#[index(
    name = "agent_runtime_session_conversation_scope_unique",
    columns(tenant_id, conversation_id, agent_id, agent_config_snapshot_id),
    unique,
    where = "conversation_id IS NOT NULL",
    mysql = "whole"
)]
#[index(
    name = "agent_runtime_session_workflow_lookup_idx",
    columns(tenant_id, workflow_run_id, node_id, status)
)]
#[index(
    name = "agent_runtime_session_workflow_scope_unique",
    columns(tenant_id, workflow_run_id, node_id, binding_id, agent_id),
    unique,
    where = "workflow_run_id IS NOT NULL",
    mysql = "whole"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AgentRuntimeSession {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(32))]
    pub owner_type: AgentRuntimeSessionOwnerType,
    #[column(uuid, references = Agent)]
    pub agent_id: Uuid,
    #[column(varchar(255))]
    pub backend_run_id: Option<String>,
    #[column(text)]
    pub session_snapshot: String,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Option<Uuid>,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Option<Uuid>,
    #[column(varchar(255))]
    pub node_id: Option<String>,
    #[column(varchar(255))]
    pub node_execution_id: Option<String>,
    #[column(uuid, references = WorkflowAgentNodeBinding)]
    pub binding_id: Option<Uuid>,
    #[column(uuid, references = any(AgentConfigSnapshot, AgentConfigDraft))]
    pub agent_config_snapshot_id: Option<Uuid>,
    #[column(text)]
    pub composition_layer_specs: String,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Option<Uuid>,
    #[column(varchar(32), default = "active")]
    pub status: AgentRuntimeSessionStatus,
    #[column(timestamp)]
    pub cleaned_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid, references = HumanInputForm)]
    pub pending_form_id: Option<Uuid>,
    #[column(varchar(255))]
    pub pending_tool_call_id: Option<String>,
}

/// Dify's `AgentDriveFile` (`agent_drive_files`).
///
/// The agent drive: a path-like `key` of one agent pointing at an existing upload or tool file
/// (never the bytes); `value_owned_by_drive` says whether removing the entry removes the file.
#[entity(table = "agent_drive_files", owner = tenant, primary_key_name = "agent_drive_file_pkey", write = member)]
#[index(
    name = "agent_drive_files_tenant_agent_is_skill_key_idx",
    columns(tenant_id, agent_id, is_skill, key)
)]
#[unique(
    name = "agent_drive_file_scope_key_unique",
    columns(tenant_id, agent_id, key)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AgentDriveFile {
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Agent)]
    pub agent_id: Uuid,
    #[column(varchar(512))]
    pub key: String,
    #[column(varchar(32))]
    pub file_kind: AgentDriveFileKind,
    #[column(uuid, references = any(UploadFile, ToolFile))]
    pub file_id: Uuid,
    #[column(boolean, default = false)]
    pub value_owned_by_drive: bool,
    #[column(bigint)]
    pub size: Option<i64>,
    #[column(varchar(255))]
    pub hash: Option<String>,
    #[column(varchar(255))]
    pub mime_type: Option<String>,
    #[column(
        uuid,
        no_reference = "the account or end user whose run or upload wrote the entry"
    )]
    pub created_by: Option<Uuid>,
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub is_skill: bool,
    #[column(text)]
    pub skill_metadata: Option<String>,
}

/// Dify's `WorkflowAgentNodeBinding` (`workflow_agent_node_bindings`).
///
/// Which agent (and config snapshot) one node of one workflow version runs; `node_job_config`
/// is the node's job JSON (stored as text), never the agent's config.
#[entity(table = "workflow_agent_node_bindings", owner = tenant, primary_key_name = "workflow_agent_node_binding_pkey")]
#[index(
    name = "workflow_agent_node_binding_agent_idx",
    columns(tenant_id, agent_id)
)]
#[index(
    name = "workflow_agent_node_binding_app_idx",
    columns(tenant_id, app_id)
)]
#[index(
    name = "workflow_agent_node_binding_current_snapshot_idx",
    columns(tenant_id, current_snapshot_id)
)]
#[index(
    name = "workflow_agent_node_binding_workflow_version_idx",
    columns(tenant_id, workflow_id, workflow_version)
)]
#[unique(
    name = "workflow_agent_node_binding_node_version_unique",
    columns(tenant_id, workflow_id, workflow_version, node_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowAgentNodeBinding {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Uuid,
    #[column(varchar(255))]
    pub node_id: String,
    #[column(varchar(32))]
    pub binding_type: WorkflowAgentBindingType,
    #[column(uuid, references = Agent)]
    pub agent_id: Option<Uuid>,
    #[column(uuid, references = AgentConfigSnapshot)]
    pub current_snapshot_id: Option<Uuid>,
    #[column(text)]
    pub node_job_config: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(255))]
    pub workflow_version: String,
}
