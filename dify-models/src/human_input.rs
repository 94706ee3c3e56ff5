//! Human input: the forms a workflow's human-input node (or an agent asking a human) pauses on,
//! how each is delivered, who may answer it, and the files a recipient uploads with an answer.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::app::App;
use crate::conversation::{Conversation, EndUser};
use crate::file::UploadFile;
use crate::workflow::WorkflowRun;

/// `human_input_forms.form_kind`: Dify's `HumanInputFormKind` (graphon).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum HumanInputFormKind {
    /// A form created while a workflow runs.
    Runtime,
    /// A form created to test a delivery method.
    DeliveryTest,
}

/// `human_input_forms.status`: Dify's `HumanInputFormStatus` (graphon).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum HumanInputFormStatus {
    /// Awaiting a submission from any recipient.
    Waiting,
    /// The global timeout passed: the run is stopped and will not resume.
    Expired,
    /// A recipient submitted it; the run resumes along the chosen action.
    Submitted,
    /// The node's own timeout passed: the run resumes along the timeout edge.
    Timeout,
}

/// `human_input_form_deliveries.delivery_method_type`: Dify's `DeliveryMethodType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DeliveryMethodType {
    Webapp,
    Email,
}

/// `human_input_form_recipients.recipient_type`: Dify's `RecipientType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum RecipientType {
    /// A member of the workspace, by email.
    EmailMember,
    /// Someone outside the workspace, by email.
    EmailExternal,
    /// Whoever opens the standalone web app.
    StandaloneWebApp,
    /// The console, while a workflow runs there (an installed app or a debug run).
    Console,
    /// Backstage input inside the console.
    Backstage,
}

/// Dify's `HumanInputForm` (`human_input_forms`).
///
/// A form a run waits on: tagged with its workflow run and/or its conversation (an agent's
/// ask-human form has only the conversation); the submission columns stay NULL until answered.
#[entity(table = "human_input_forms", owner = tenant, write = member)]
#[index(
    name = "human_input_forms_workflow_run_id_node_id_idx",
    columns(workflow_run_id, node_id)
)]
#[index(
    name = "human_input_forms_status_expiration_time_idx",
    columns(status, expiration_time)
)]
#[index(
    name = "human_input_forms_status_created_at_idx",
    columns(status, created_at)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct HumanInputForm {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = WorkflowRun)]
    pub workflow_run_id: Option<Uuid>,
    #[column(varchar(20))]
    pub form_kind: HumanInputFormKind,
    #[column(varchar(60))]
    pub node_id: String,
    #[column(text, mysql_type = "text")]
    pub form_definition: String,
    #[column(text, mysql_type = "text")]
    pub rendered_content: String,
    #[column(varchar(20))]
    pub status: HumanInputFormStatus,
    #[column(timestamp)]
    pub expiration_time: NaiveDateTime,
    #[column(varchar(200))]
    pub selected_action_id: Option<String>,
    #[column(text, mysql_type = "text")]
    pub submitted_data: Option<String>,
    #[column(timestamp)]
    pub submitted_at: Option<NaiveDateTime>,
    #[column(uuid, references = Account)]
    pub submission_user_id: Option<Uuid>,
    #[column(uuid, references = EndUser)]
    pub submission_end_user_id: Option<Uuid>,
    #[column(uuid, references = HumanInputFormRecipient, join = false)]
    pub completed_by_recipient_id: Option<Uuid>,
    #[column(uuid, references = Conversation)]
    pub conversation_id: Option<Uuid>,
}

/// Dify's `HumanInputDelivery` (`human_input_form_deliveries`).
///
/// One way a form is sent (the web app or email); its channel payload is JSON stored as text.
#[entity(table = "human_input_form_deliveries", owner = via(form_id), write = member)]
#[index(name = "human_input_form_deliveries_form_id_idx", columns(form_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct HumanInputDelivery {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid, references = HumanInputForm)]
    pub form_id: Uuid,
    #[column(varchar(20))]
    pub delivery_method_type: DeliveryMethodType,
    #[column(
        uuid,
        no_reference = "the id of a delivery method in the human input node's configuration (the workflow graph), not a row"
    )]
    pub delivery_config_id: Option<Uuid>,
    #[column(text, mysql_type = "text")]
    pub channel_payload: String,
}

/// Dify's `HumanInputFormRecipient` (`human_input_form_recipients`).
///
/// Who may answer a form through one delivery; the access token (22 random characters in
/// Dify) authenticates the resume link.
#[entity(table = "human_input_form_recipients", owner = via(form_id), write = member)]
#[index(name = "human_input_form_recipients_form_id_idx", columns(form_id))]
#[index(
    name = "human_input_form_recipients_delivery_id_idx",
    columns(delivery_id)
)]
#[unique(
    name = "human_input_form_recipients_access_token_key",
    columns(access_token),
    mysql_name = "human_input_form_recipients_access_token_key"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct HumanInputFormRecipient {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid, references = HumanInputForm)]
    pub form_id: Uuid,
    #[column(uuid, references = HumanInputDelivery)]
    pub delivery_id: Uuid,
    #[column(varchar(20))]
    pub recipient_type: RecipientType,
    #[column(text, mysql_type = "text")]
    pub recipient_payload: String,
    #[column(varchar(32))]
    pub access_token: String,
}

/// Dify's `HumanInputFormUploadToken` (`human_input_form_upload_tokens`).
///
/// Lets one recipient upload files for a form, apart from the app's bearer tokens.
#[entity(table = "human_input_form_upload_tokens", owner = tenant, write = member)]
#[index(name = "human_input_form_upload_tokens_form_id_idx", columns(form_id))]
#[unique(
    name = "human_input_form_upload_tokens_token_key",
    columns(token),
    mysql_name = "human_input_form_upload_tokens_token_key"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct HumanInputFormUploadToken {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = HumanInputForm)]
    pub form_id: Uuid,
    #[column(uuid, references = HumanInputFormRecipient)]
    pub recipient_id: Uuid,
    #[column(varchar(255))]
    pub token: String,
}

/// Dify's `HumanInputFormUploadFile` (`human_input_form_upload_files`).
///
/// Links a file uploaded through a token to its form; the file itself stays an `UploadFile`.
#[entity(table = "human_input_form_upload_files", owner = tenant, write = member)]
#[index(name = "human_input_form_upload_files_form_id_idx", columns(form_id))]
#[index(
    name = "human_input_form_upload_files_upload_token_id_idx",
    columns(upload_token_id)
)]
#[unique(
    name = "human_input_form_upload_files_upload_file_id_key",
    columns(upload_file_id),
    mysql_name = "human_input_form_upload_files_upload_file_id_key"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct HumanInputFormUploadFile {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = HumanInputForm)]
    pub form_id: Uuid,
    #[column(uuid, references = UploadFile)]
    pub upload_file_id: Uuid,
    #[column(uuid, references = HumanInputFormUploadToken)]
    pub upload_token_id: Uuid,
}
