//! The human input domain's flow: a run pauses on a form, which is delivered by email to a
//! member; the recipient uploads a file through the form's upload token and submits it; the
//! run's forms are the workspace's own.

use dify_models::app::{App, AppMode, NewApp};
use dify_models::file::{NewUploadFile, UploadFile};
use dify_models::human_input::*;
use dify_models::workflow::{NewWorkflow, Workflow, WorkflowRun};
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Error, Page};

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn a_form_delivered_by_email_answered_with_a_file() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let (app_id, workflow_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            mode: AppMode::Workflow,
            ..samples::app()
        })?;
        let workflow = scope.insert::<Workflow>(NewWorkflow {
            version: "draft".into(),
            ..samples::workflow(app.id())
        })?;
        Ok::<_, Error>((app.id, workflow.id))
    })
    .unwrap();

    // A normal member runs the app; its human input node pauses the run on a form, delivered
    // by email to the owner (all member writes, as the runtime makes them).
    let (form_id, recipient_id) = with_tenant(&mut conn, acme.tenant, acme.normal, |scope| {
        let app = scope.lookup::<App>(app_id)?.unwrap();
        let workflow = scope.lookup::<Workflow>(workflow_id)?.unwrap();
        let run = scope.insert::<WorkflowRun>(samples::workflow_run(app.id(), workflow.id()))?;
        let form = scope.insert::<HumanInputForm>(NewHumanInputForm {
            id: None,
            app_id: app.id(),
            workflow_run_id: Some(run.id()),
            form_kind: HumanInputFormKind::Runtime,
            node_id: "approve_refund".into(),
            form_definition: r#"{"inputs":[{"type":"paragraph"}]}"#.into(),
            rendered_content: "Approve the refund?".into(),
            status: HumanInputFormStatus::Waiting,
            expiration_time: samples::noon(),
            selected_action_id: None,
            submitted_data: None,
            submitted_at: None,
            submission_user_id: None,
            submission_end_user_id: None,
            completed_by_recipient_id: None,
            conversation_id: None,
        })?;
        let delivery = scope.insert::<HumanInputDelivery>(NewHumanInputDelivery {
            id: None,
            form_id: form.id(),
            delivery_method_type: DeliveryMethodType::Email,
            delivery_config_id: None,
            channel_payload: r#"{"subject":"Refund approval"}"#.into(),
        })?;
        let recipient = scope.insert::<HumanInputFormRecipient>(NewHumanInputFormRecipient {
            id: None,
            form_id: form.id(),
            delivery_id: delivery.id(),
            recipient_type: RecipientType::EmailMember,
            recipient_payload: format!(r#"{{"TYPE":"email_member","user_id":"{}"}}"#, acme.owner),
            access_token: "b7Qx9LmN2pRt5VwY8zA1cD".into(),
        })?;
        let deliveries = scope.children::<HumanInputDelivery, _>(form.id(), Page::first(5))?;
        assert_eq!(deliveries.len(), 1);
        let by_delivery = scope
            .query::<HumanInputFormRecipient>()
            .filter(|r| r.delivery_id.eq(delivery.id))
            .count()?;
        assert_eq!(by_delivery, 1);
        Ok::<_, Error>((form.id, recipient.id))
    })
    .unwrap();

    // The owner uploads a file through the form's upload token and submits the form.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.owner,
        |scope| -> Result<(), Error> {
            let form = scope.lookup::<HumanInputForm>(form_id)?.unwrap();
            let recipient = scope
                .lookup::<HumanInputFormRecipient>(recipient_id)?
                .unwrap();
            let app = scope.lookup::<App>(form.app_id)?.unwrap();
            let token =
                scope.insert::<HumanInputFormUploadToken>(NewHumanInputFormUploadToken {
                    id: None,
                    app_id: app.id(),
                    form_id: form.id(),
                    recipient_id: recipient.id(),
                    token: "hitl-upload-4f9c2b".into(),
                })?;
            let file = scope.insert::<UploadFile>(NewUploadFile {
                created_by: acme.owner,
                ..samples::upload_file()
            })?;
            let upload = scope.insert::<HumanInputFormUploadFile>(NewHumanInputFormUploadFile {
                id: None,
                app_id: app.id(),
                form_id: form.id(),
                upload_file_id: file.id(),
                upload_token_id: token.id(),
            })?;
            assert_eq!(upload.tenant_id, acme.tenant, "filled by the scope");

            let now = scope.now()?;
            let submitted = scope
                .update(
                    form.id(),
                    HumanInputFormChanges {
                        status: Some(HumanInputFormStatus::Submitted),
                        selected_action_id: Some(Some("approve".into())),
                        submitted_data: Some(Some(r#"{"reason":"damaged"}"#.into())),
                        submitted_at: Some(Some(now)),
                        submission_user_id: Some(Some(acme.owner)),
                        completed_by_recipient_id: Some(Some(recipient.id())),
                        ..Default::default()
                    },
                )?
                .unwrap();
            assert_eq!(submitted.completed_by_recipient_id, Some(recipient_id));
            let waiting = scope
                .query::<HumanInputForm>()
                .filter(|f| f.status.eq(HumanInputFormStatus::Waiting))
                .count()?;
            assert_eq!(waiting, 0);
            Ok(())
        },
    )
    .unwrap();

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<HumanInputForm>(form_id)?.is_none());
            assert_eq!(scope.count::<HumanInputFormRecipient>()?, 0);
            assert_eq!(scope.count::<HumanInputFormUploadFile>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
