//! Workflow triggers: plugin subscriptions, webhooks, schedules, their OAuth clients and the trigger log.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::App;
use crate::enums::CreatorUserRole;
use crate::workflow::{Workflow, WorkflowRun};

/// `workflow_trigger_logs.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum WorkflowTriggerStatus {
    Pending,
    Queued,
    Running,
    Succeeded,
    Paused,
    Failed,
    RateLimited,
    Retrying,
}

/// `app_triggers.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AppTriggerStatus {
    Enabled,
    Disabled,
    Unauthorized,
    RateLimited,
}

/// `app_triggers.trigger_type`, `workflow_trigger_logs.trigger_type` (values inferred by the catalogue from Dify's node-type constants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum AppTriggerType {
    #[value = "trigger-webhook"]
    TriggerWebhook,
    #[value = "trigger-schedule"]
    TriggerSchedule,
    #[value = "trigger-plugin"]
    TriggerPlugin,
    Unknown,
}

/// Dify's `TriggerSubscription` (`trigger_subscriptions`).
///
/// credential_type oauth | api_key; columns carry SQL comments.
#[entity(table = "trigger_subscriptions", owner = tenant, primary_key_name = "trigger_provider_pkey")]
#[index(
    name = "idx_trigger_providers_tenant_provider",
    columns(tenant_id, provider_id)
)]
#[index(name = "idx_trigger_providers_endpoint", columns(endpoint_id), unique)]
#[index(
    name = "idx_trigger_providers_tenant_endpoint",
    columns(tenant_id, endpoint_id)
)]
#[unique(
    name = "unique_trigger_provider",
    columns(tenant_id, provider_id, name)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerSubscription {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Account, join = false)]
    pub user_id: Uuid,
    #[column(varchar(255))]
    pub provider_id: String,
    #[column(varchar(255))]
    pub endpoint_id: String,
    #[column(json)]
    pub parameters: Json,
    #[column(json)]
    pub properties: Json,
    #[column(json)]
    pub credentials: Json,
    #[column(varchar(50))]
    pub credential_type: String,
    #[column(integer)]
    pub credential_expires_at: i32,
    #[column(integer)]
    pub expires_at: i32,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    /// Who may use the subscription: `all_team_members` or `only_me`.
    #[column(varchar(40), default = "all_team_members")]
    pub visibility: String,
}

/// Dify's `TriggerOAuthSystemClient` (`trigger_oauth_system_clients`).
#[entity(table = "trigger_oauth_system_clients", owner = global, visible = none, primary_key_name = "trigger_oauth_system_client_pkey")]
#[unique(
    name = "trigger_oauth_system_client_plugin_id_provider_idx",
    columns(plugin_id, provider)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerOAuthSystemClient {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub plugin_id: String,
    #[column(varchar(255))]
    pub provider: String,
    #[column(text)]
    pub encrypted_oauth_params: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `TriggerOAuthTenantClient` (`trigger_oauth_tenant_clients`).
#[entity(table = "trigger_oauth_tenant_clients", owner = tenant, primary_key_name = "trigger_oauth_tenant_client_pkey", write = privileged)]
#[unique(
    name = "unique_trigger_oauth_tenant_client",
    columns(tenant_id, plugin_id, provider)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerOAuthTenantClient {
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
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `WorkflowTriggerLog` (`workflow_trigger_logs`).
///
/// created_by is varchar(255), not uuid.
#[entity(table = "workflow_trigger_logs", owner = tenant, primary_key_name = "workflow_trigger_log_pkey", write = member)]
#[index(
    name = "workflow_trigger_log_tenant_app_idx",
    columns(tenant_id, app_id)
)]
#[index(name = "workflow_trigger_log_status_idx", columns(status))]
#[index(name = "workflow_trigger_log_created_at_idx", columns(created_at))]
#[index(
    name = "workflow_trigger_log_workflow_run_idx",
    columns(workflow_run_id)
)]
#[index(name = "workflow_trigger_log_workflow_id_idx", columns(workflow_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowTriggerLog {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Uuid,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Option<Uuid>,
    #[column(varchar(255))]
    pub root_node_id: Option<String>,
    #[column(text)]
    pub trigger_metadata: String,
    #[column(varchar(50))]
    pub trigger_type: AppTriggerType,
    #[column(text)]
    pub trigger_data: String,
    #[column(text)]
    pub inputs: String,
    #[column(text)]
    pub outputs: Option<String>,
    #[column(varchar(50))]
    pub status: WorkflowTriggerStatus,
    #[column(text)]
    pub error: Option<String>,
    #[column(varchar(100))]
    pub queue_name: String,
    #[column(varchar(255))]
    pub celery_task_id: Option<String>,
    #[column(varchar(255))]
    pub created_by_role: CreatorUserRole,
    #[column(varchar(255))]
    pub created_by: String,
    #[column(integer)]
    pub retry_count: i32,
    #[column(float)]
    pub elapsed_time: Option<f64>,
    #[column(integer)]
    pub total_tokens: Option<i32>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp)]
    pub triggered_at: Option<NaiveDateTime>,
    #[column(timestamp)]
    pub finished_at: Option<NaiveDateTime>,
}

/// Dify's `WorkflowWebhookTrigger` (`workflow_webhook_triggers`).
#[entity(table = "workflow_webhook_triggers", owner = tenant, primary_key_name = "workflow_webhook_trigger_pkey")]
#[index(name = "workflow_webhook_trigger_tenant_idx", columns(tenant_id))]
#[unique(name = "uniq_node", columns(app_id, node_id))]
#[unique(name = "uniq_webhook_id", columns(webhook_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowWebhookTrigger {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(64))]
    pub node_id: String,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(24))]
    pub webhook_id: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `WorkflowPluginTrigger` (`workflow_plugin_triggers`).
#[entity(table = "workflow_plugin_triggers", owner = tenant, primary_key_name = "workflow_plugin_trigger_pkey")]
#[index(
    name = "workflow_plugin_trigger_tenant_subscription_idx",
    columns(tenant_id, subscription_id, event_name)
)]
#[unique(name = "uniq_app_node_subscription", columns(app_id, node_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowPluginTrigger {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(64))]
    pub node_id: String,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(512))]
    pub provider_id: String,
    #[column(varchar(255))]
    pub event_name: String,
    #[column(varchar(255))]
    pub subscription_id: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `AppTrigger` (`app_triggers`).
///
/// node_id declared nullable=False although annotated Optional; updated_at has no server default.
#[entity(table = "app_triggers", owner = tenant, primary_key_name = "app_trigger_pkey")]
#[index(name = "app_trigger_tenant_app_idx", columns(tenant_id, app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct AppTrigger {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(64))]
    pub node_id: String,
    #[column(varchar(50))]
    pub trigger_type: AppTriggerType,
    #[column(varchar(255))]
    pub title: String,
    #[column(varchar(255), default = "")]
    pub provider_name: Option<String>,
    #[column(varchar(50))]
    pub status: AppTriggerStatus,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, client_default = now)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `WorkflowSchedulePlan` (`workflow_schedule_plans`).
#[entity(table = "workflow_schedule_plans", owner = tenant, primary_key_name = "workflow_schedule_plan_pkey")]
#[index(name = "workflow_schedule_plan_next_idx", columns(next_run_at))]
#[unique(name = "uniq_app_node", columns(app_id, node_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowSchedulePlan {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(varchar(64))]
    pub node_id: String,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub cron_expression: String,
    #[column(varchar(64))]
    pub timezone: String,
    #[column(timestamp)]
    pub next_run_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
