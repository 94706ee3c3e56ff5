//! Extra contents a workflow or chatflow execution produces beside its outputs (today the
//! result of a human input form).

use dify_schema::prelude::*;

use crate::conversation::Message;
use crate::human_input::HumanInputForm;
use crate::workflow::WorkflowRun;

/// `execution_extra_contents.type`: the kind of content, SQLAlchemy's single-table
/// inheritance discriminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ExecutionContentType {
    HumanInputResult,
}

/// Dify's `ExecutionExtraContent` (`execution_extra_contents`).
///
/// Content a workflow run produced, shown with the chatflow message it belongs to (`message_id`,
/// NULL for a plain workflow run); a `human_input_result` row points at its form (`form_id`).
#[entity(table = "execution_extra_contents", owner = via(workflow_run_id), write = member)]
#[index(name = "execution_extra_contents_message_id_idx", columns(message_id))]
#[index(
    name = "execution_extra_contents_workflow_run_id_idx",
    columns(workflow_run_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutionExtraContent {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(30))]
    pub r#type: ExecutionContentType,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Uuid,
    #[column(uuid, references = Message)]
    pub message_id: Option<Uuid>,
    #[column(uuid, references = HumanInputForm)]
    pub form_id: Option<Uuid>,
}
