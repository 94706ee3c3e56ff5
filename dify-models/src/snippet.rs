//! What members keep for themselves and for each other: stars on apps, and reusable workflow
//! snippets.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::App;
use crate::workflow::Workflow;

/// `customized_snippets.type`: Dify's `SnippetType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum SnippetType {
    /// One node.
    Node,
    /// A group of nodes.
    Group,
}

/// Dify's `AppStar` (`app_stars`).
///
/// A member's star on an app of the workspace, one per account and app.
#[entity(table = "app_stars", owner = tenant, primary_key_name = "app_star_pkey", write = member)]
#[index(name = "app_star_tenant_account_idx", columns(tenant_id, account_id))]
#[index(name = "app_star_app_idx", columns(app_id))]
#[unique(
    name = "app_star_tenant_account_app_unique",
    columns(tenant_id, account_id, app_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct AppStar {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `CustomizedSnippet` (`customized_snippets`).
///
/// A reusable workflow component (a node or a group of nodes) shared across the workspace's
/// apps; its graph is the published workflow's, its input fields JSON stored as text.
#[entity(table = "customized_snippets", owner = tenant, primary_key_name = "customized_snippet_pkey")]
#[index(name = "customized_snippet_tenant_idx", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct CustomizedSnippet {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub description: Option<String>,
    #[column(varchar(50), default = "node")]
    pub r#type: SnippetType,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Option<Uuid>,
    #[column(boolean, default = false)]
    pub is_published: bool,
    #[column(integer, default = 1)]
    pub version: i32,
    #[column(integer, default = 0)]
    pub use_count: i32,
    #[column(jsonb)]
    pub icon_info: Option<Json>,
    #[column(text)]
    pub input_fields: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}
