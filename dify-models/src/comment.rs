//! Comments on a workflow's canvas: the comments pinned to an app's workflow, their replies, and
//! the accounts they mention.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::App;

/// Dify's `WorkflowComment` (`workflow_comments`).
///
/// Belongs to the app, not to a workflow version (an app has one draft at a time), pinned at a
/// position on the canvas; resolved by an account.
#[entity(table = "workflow_comments", owner = tenant)]
#[index(name = "workflow_comments_app_idx", columns(tenant_id, app_id))]
#[index(name = "workflow_comments_created_at_idx", columns(created_at))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowComment {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(float)]
    pub position_x: f64,
    #[column(float)]
    pub position_y: f64,
    #[column(text, mysql_type = "text")]
    pub content: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub resolved: bool,
    #[column(timestamp)]
    pub resolved_at: Option<NaiveDateTime>,
    #[column(uuid, references = Account)]
    pub resolved_by: Option<Uuid>,
}

/// Dify's `WorkflowCommentReply` (`workflow_comment_replies`).
///
/// Deleted with its comment (`ON DELETE CASCADE` in Dify).
#[entity(table = "workflow_comment_replies", owner = via(comment_id))]
#[index(name = "comment_replies_comment_idx", columns(comment_id))]
#[index(name = "comment_replies_created_at_idx", columns(created_at))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowCommentReply {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(
        uuid,
        references = WorkflowComment,
        foreign_key = "workflow_comment_replies_comment_id_fkey",
        on_delete = cascade
    )]
    pub comment_id: Uuid,
    #[column(text, mysql_type = "text")]
    pub content: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `WorkflowCommentMention` (`workflow_comment_mentions`).
///
/// An account mentioned in a comment or in one of its replies (only accounts: end users never
/// see the canvas). Deleted with its comment or reply (`ON DELETE CASCADE` in Dify).
#[entity(table = "workflow_comment_mentions", owner = via(comment_id))]
#[index(name = "comment_mentions_comment_idx", columns(comment_id))]
#[index(name = "comment_mentions_reply_idx", columns(reply_id))]
#[index(name = "comment_mentions_user_idx", columns(mentioned_user_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowCommentMention {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(
        uuid,
        references = WorkflowComment,
        foreign_key = "workflow_comment_mentions_comment_id_fkey",
        on_delete = cascade
    )]
    pub comment_id: Uuid,
    #[column(
        uuid,
        references = WorkflowCommentReply,
        foreign_key = "workflow_comment_mentions_reply_id_fkey",
        on_delete = cascade
    )]
    pub reply_id: Option<Uuid>,
    #[column(uuid, references = Account)]
    pub mentioned_user_id: Uuid,
}
