//! Human review: a member's workflow run reaches a human-input node and
//! pauses on a form, delivered by email to the owner; the owner attaches a
//! file and answers it, the run resumes, keeps the answer as a human-input
//! result and succeeds. Then the editor comments on the workflow's canvas
//! about the run, mentioning the admin, who replies and resolves the thread.
//! A normal member reads the thread and is refused commenting; Globex sees
//! none of it.
//!
//! Run with `cargo run --example human_review`.

mod support;

use std::time::Duration;

use dify_models::app::{App, AppMode, NewApp};
use dify_models::comment::*;
use dify_models::enums::CreatorUserRole;
use dify_models::execution_content::*;
use dify_models::file::{NewUploadFile, UploadFile};
use dify_models::human_input::*;
use dify_models::state::move_workflow_run;
use dify_models::workflow::*;
use dify_schema::scope::Editing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Id, Page, StringEnum};
use support::Result;

const GRAPH: &str = concat!(
    r#"{"nodes": [{"id": "start"}, "#,
    r#"{"id": "approve_refund", "data": {"type": "human-input"}}, "#,
    r#"{"id": "end"}], "edges": []}"#
);
/// The form the human-input node shows: a reason, and two actions.
const FORM: &str = concat!(
    r#"{"inputs": [{"type": "paragraph", "output_variable_name": "reason"}], "#,
    r#""user_actions": [{"id": "approve", "title": "Approve"}, {"id": "reject", "title": "Reject"}]}"#
);

fn main() -> Result<()> {
    let mut example = support::setup("human_review")?;
    let globex = example.workspace("Globex")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    let (app_id, workflow_id) =
        with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<_> {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                maintainer: None,
                id: None,
                name: "Refund approval".into(),
                description: None,
                mode: AppMode::Workflow,
                icon_type: None,
                icon: None,
                icon_background: None,
                app_model_config_id: None,
                workflow_id: None,
                status: None,
                enable_site: true,
                enable_api: false,
                api_rpm: None,
                api_rph: None,
                is_demo: None,
                is_public: None,
                is_universal: None,
                tracing: None,
                max_active_requests: None,
                use_icon_as_answer_icon: None,
            })?;
            let workflow = scope.insert::<Workflow>(NewWorkflow {
                kind: None,
                id: None,
                app_id: app.id().into(),
                r#type: WorkflowType::Workflow,
                version: "draft".into(),
                marked_name: None,
                marked_comment: None,
                graph: GRAPH.into(),
                features: "{}".into(),
                environment_variables: Some("[]".into()),
                conversation_variables: Some("[]".into()),
                rag_pipeline_variables: Some("[]".into()),
            })?;
            println!(
                "\nthe editor: app \"{}\" and its {} workflow, with a human-input node",
                app.name, workflow.version
            );
            Ok((app.id, workflow.id))
        })?;

    // A normal member runs the app. The human-input node pauses the run on a
    // form emailed to the owner: all member writes, as Dify's runtime makes
    // them.
    let (run_id, form_id, recipient_id) =
        with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<_> {
            let app = scope.lookup::<App>(app_id)?.ok_or("the app is gone")?;
            let workflow = scope
                .lookup::<Workflow>(workflow_id)?
                .ok_or("the workflow is gone")?;
            let run = scope.insert::<WorkflowRun>(NewWorkflowRun {
                id: None,
                app_id: app.id(),
                workflow_id: workflow.id(),
                r#type: WorkflowType::Workflow,
                triggered_from: WorkflowRunTriggeredFrom::AppRun,
                version: workflow.version.clone(),
                graph: Some(workflow.graph.clone()),
                inputs: Some(r#"{"order": 42, "amount": 180}"#.into()),
                status: WorkflowExecutionStatus::Running,
                outputs: None,
                error: None,
                elapsed_time: None,
                total_tokens: None,
                total_steps: None,
                created_by_role: CreatorUserRole::Account,
                created_by: acme.normal,
                finished_at: None,
                exceptions_count: None,
            })?;
            println!("\nthe member: run {}: {}", run.id, run.status);
            let step = Step {
                app: app.id(),
                workflow: workflow.id(),
                run: run.id(),
                by: acme.normal,
            };
            scope.insert::<WorkflowNodeExecutionModel>(step.node(
                1,
                NodeType::Start,
                WorkflowNodeExecutionStatus::Succeeded,
            ))?;
            let node = scope.insert::<WorkflowNodeExecutionModel>(step.node(
                2,
                NodeType::HumanInput,
                WorkflowNodeExecutionStatus::Paused,
            ))?;

            let now = scope.now()?;
            let form = scope.insert::<HumanInputForm>(NewHumanInputForm {
                id: None,
                app_id: app.id(),
                workflow_run_id: Some(run.id()),
                form_kind: HumanInputFormKind::Runtime,
                node_id: node.node_id.clone(),
                form_definition: FORM.into(),
                rendered_content: "Order 42 asks for a refund of 180 USD. Approve it?".into(),
                status: HumanInputFormStatus::Waiting,
                expiration_time: now + Duration::from_secs(3 * 24 * 3600),
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
                channel_payload: r#"{"subject": "Refund approval for order 42"}"#.into(),
            })?;
            let recipient =
                scope.insert::<HumanInputFormRecipient>(NewHumanInputFormRecipient {
                    id: None,
                    form_id: form.id(),
                    delivery_id: delivery.id(),
                    recipient_type: RecipientType::EmailMember,
                    recipient_payload: format!(
                        r#"{{"TYPE": "email_member", "user_id": "{}"}}"#,
                        acme.owner
                    ),
                    access_token: "b7Qx9LmN2pRt5VwY8zA1cD".into(),
                })?;
            println!(
                "  node {} pauses the run on form {} ({}, expires {})",
                node.node_id,
                form.id,
                form.status,
                form.expiration_time.format("%Y-%m-%d %H:%M")
            );
            println!(
                "  delivered by {} to the owner ({})",
                delivery.delivery_method_type, recipient.recipient_type
            );

            let run = move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Paused)?;
            let pause = scope.insert::<WorkflowPause>(NewWorkflowPause {
                id: None,
                workflow_id: workflow.id(),
                workflow_run_id: run.id(),
                resumed_at: None,
                state_object_key: format!("workflow_pauses/{}.json", run.id),
            })?;
            let reason = scope.insert::<WorkflowPauseReason>(NewWorkflowPauseReason {
                id: None,
                pause_id: pause.id(),
                type_: PauseReasonType::HumanInputRequired,
                form_id: form.id.to_string(),
                message: String::new(),
                node_id: node.node_id.clone(),
            })?;
            println!(
                "  run -> {} ({}; finished_at: {:?})",
                run.status, reason.type_, run.finished_at
            );
            Ok((run.id, form.id, recipient.id))
        })?;

    // The owner opens the emailed link, attaches a photo through the form's
    // upload token and answers.
    with_tenant(conn, acme.tenant, acme.owner, |scope| -> Result<()> {
        let waiting = scope
            .query::<HumanInputForm>()
            .filter(|f| f.status.eq(HumanInputFormStatus::Waiting))
            .count()?;
        println!("\nthe owner: {waiting} form waiting for an answer");
        let form = scope
            .lookup::<HumanInputForm>(form_id)?
            .ok_or("the form is gone")?;
        let recipient = scope
            .lookup::<HumanInputFormRecipient>(recipient_id)?
            .ok_or("the recipient is gone")?;
        let app = scope.lookup::<App>(form.app_id)?.ok_or("the app is gone")?;
        println!("  \"{}\"", form.rendered_content);

        let token = scope.insert::<HumanInputFormUploadToken>(NewHumanInputFormUploadToken {
            id: None,
            app_id: app.id(),
            form_id: form.id(),
            recipient_id: recipient.id(),
            token: "hitl-upload-4f9c2b".into(),
        })?;
        let file = scope.insert::<UploadFile>(NewUploadFile {
            id: None,
            storage_type: "opendal".into(),
            key: format!("upload_files/{}/parcel.jpg", acme.tenant),
            name: "parcel.jpg".into(),
            size: 231_904,
            extension: "jpg".into(),
            mime_type: Some("image/jpeg".into()),
            created_by_role: None,
            created_by: acme.owner,
            used: None,
            used_by: None,
            used_at: None,
            hash: Some("c41d0e".into()),
            source_url: Some(String::new()),
        })?;
        scope.insert::<HumanInputFormUploadFile>(NewHumanInputFormUploadFile {
            id: None,
            app_id: app.id(),
            form_id: form.id(),
            upload_file_id: file.id(),
            upload_token_id: token.id(),
        })?;
        println!(
            "  attached {} through upload token {}",
            file.name, token.token
        );

        let now = scope.now()?;
        let answered = scope
            .update(
                form.id(),
                HumanInputFormChanges {
                    status: Some(HumanInputFormStatus::Submitted),
                    selected_action_id: Some(Some("approve".into())),
                    submitted_data: Some(Some(
                        r#"{"reason": "the parcel arrived damaged"}"#.into(),
                    )),
                    submitted_at: Some(Some(now)),
                    submission_user_id: Some(Some(acme.owner)),
                    completed_by_recipient_id: Some(Some(recipient.id())),
                    ..Default::default()
                },
            )?
            .ok_or("the form is gone")?;
        println!(
            "  form -> {}: action \"{}\", data {}",
            answered.status,
            answered.selected_action_id.as_deref().unwrap_or_default(),
            answered.submitted_data.as_deref().unwrap_or_default()
        );
        Ok(())
    })?;

    // The answer resumes the run, for the member who started it.
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let run = scope
            .lookup::<WorkflowRun>(run_id)?
            .ok_or("the run is gone")?;
        let form = scope
            .lookup::<HumanInputForm>(form_id)?
            .ok_or("the form is gone")?;
        let pause = scope
            .children::<WorkflowPause, _>(run.id(), Page::first(1))?
            .into_iter()
            .next()
            .ok_or("the run has no pause")?;
        let now = scope.now()?;
        scope.update(
            pause.id(),
            WorkflowPauseChanges {
                resumed_at: Some(Some(now)),
                ..Default::default()
            },
        )?;
        let run = move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Running)?;
        println!("\nthe runtime: form {} -> run {}", form.status, run.status);

        let paused = scope
            .query::<WorkflowNodeExecutionModel>()
            .filter(|n| {
                n.workflow_run_id
                    .eq(run.id)
                    .and(n.node_id.eq(&form.node_id))
            })
            .first()?
            .ok_or("the human-input node is gone")?;
        scope.update(
            paused.id(),
            WorkflowNodeExecutionModelChanges {
                status: Some(WorkflowNodeExecutionStatus::Succeeded.as_str().into()),
                outputs: form.submitted_data.clone().map(Some),
                finished_at: Some(Some(now)),
                ..Default::default()
            },
        )?;
        let workflow = scope
            .lookup::<Workflow>(run.workflow_id)?
            .ok_or("the workflow is gone")?;
        let app = scope.lookup::<App>(run.app_id)?.ok_or("the app is gone")?;
        let step = Step {
            app: app.id(),
            workflow: workflow.id(),
            run: run.id(),
            by: acme.normal,
        };
        scope.insert::<WorkflowNodeExecutionModel>(step.node(
            3,
            NodeType::End,
            WorkflowNodeExecutionStatus::Succeeded,
        ))?;
        let result = scope.insert::<ExecutionExtraContent>(NewExecutionExtraContent {
            id: None,
            r#type: ExecutionContentType::HumanInputResult,
            workflow_run_id: run.id(),
            message_id: None,
            form_id: Some(form.id()),
        })?;
        println!("  the run keeps the answer as a {}", result.r#type);

        let run = move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Succeeded)?;
        let nodes = scope
            .query::<WorkflowNodeExecutionModel>()
            .filter(|n| n.workflow_run_id.eq(run.id))
            .order_by(|n| n.index)
            .load()?;
        let nodes: Vec<String> = nodes
            .iter()
            .map(|n| format!("{} {}", n.node_id, n.status))
            .collect();
        println!("  nodes: {}", nodes.join(", "));
        println!(
            "  run -> {} (finished_at stamped: {})",
            run.status,
            run.finished_at.is_some()
        );
        Ok(())
    })?;

    // The editor comments on the canvas, at the human-input node, about the
    // run, and mentions the admin.
    let comment_id = with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<Uuid> {
        let app = scope.lookup::<App>(app_id)?.ok_or("the app is gone")?;
        let scope = scope.require::<Editing>()?;
        let comment = scope.insert::<WorkflowComment>(NewWorkflowComment {
            id: None,
            app_id: app.id(),
            position_x: 320.5,
            position_y: -48.0,
            content: format!(
                "@admin run {run_id} waited on this approval; should the form expire sooner?"
            ),
            resolved: None,
            resolved_at: None,
            resolved_by: None,
        })?;
        scope.insert::<WorkflowCommentMention>(NewWorkflowCommentMention {
            id: None,
            comment_id: comment.id(),
            reply_id: None,
            mentioned_user_id: acme.admin,
        })?;
        println!(
            "\nthe editor comments at ({}, {}): \"{}\" (resolved: {})",
            comment.position_x, comment.position_y, comment.content, comment.resolved
        );
        Ok(comment.id)
    })?;

    // The admin replies, mentions the editor back, and resolves the thread.
    with_tenant(conn, acme.tenant, acme.admin, |scope| -> Result<()> {
        let comment = scope
            .lookup::<WorkflowComment>(comment_id)?
            .ok_or("the comment is gone")?;
        let scope = scope.require::<Editing>()?;
        let reply = scope.insert::<WorkflowCommentReply>(NewWorkflowCommentReply {
            id: None,
            comment_id: comment.id(),
            content: "@editor yes: one day, then remind the owner".into(),
        })?;
        scope.insert::<WorkflowCommentMention>(NewWorkflowCommentMention {
            id: None,
            comment_id: comment.id(),
            reply_id: Some(reply.id()),
            mentioned_user_id: acme.editor,
        })?;
        let now = scope.now()?;
        let resolved = scope
            .update(
                comment.id(),
                WorkflowCommentChanges {
                    resolved: Some(true),
                    resolved_at: Some(Some(now)),
                    resolved_by: Some(Some(acme.admin)),
                    ..Default::default()
                },
            )?
            .ok_or("the comment is gone")?;
        println!(
            "the admin replies \"{}\" and resolves it (resolved: {})",
            reply.content, resolved.resolved
        );
        Ok(())
    })?;

    // A normal member reads the thread but may not take part in it.
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let comment = scope
            .lookup::<WorkflowComment>(comment_id)?
            .ok_or("the comment is gone")?;
        let page = Page::first(10);
        let replies = scope.children::<WorkflowCommentReply, _>(comment.id(), page)?;
        let mentions = scope.children::<WorkflowCommentMention, _>(comment.id(), page)?;
        let in_replies = mentions.iter().filter(|m| m.reply_id.is_some()).count();
        println!(
            "\nthe member reads the thread: {} reply, {} mentions ({} in the comment, {} in replies)",
            replies.len(),
            mentions.len(),
            mentions.len() - in_replies,
            in_replies
        );
        match scope.require::<Editing>() {
            Err(error) => println!("  and commenting on it: refused ({error})"),
            Ok(_) => unreachable!("a normal member does not edit apps"),
        }
        Ok(())
    })?;

    with_tenant(conn, globex.tenant, globex.owner, |scope| -> Result<()> {
        println!("\nin workspace Globex as {:?}", scope.role());
        for (what, found) in [
            ("form", scope.lookup::<HumanInputForm>(form_id)?.is_some()),
            (
                "comment",
                scope.lookup::<WorkflowComment>(comment_id)?.is_some(),
            ),
            ("run", scope.lookup::<WorkflowRun>(run_id)?.is_some()),
        ] {
            support::report_lookup(what, found);
        }
        println!(
            "  Globex sees {} forms, {} recipients, {} uploaded answers, {} comments, {} replies",
            scope.count::<HumanInputForm>()?,
            scope.count::<HumanInputFormRecipient>()?,
            scope.count::<HumanInputFormUploadFile>()?,
            scope.count::<WorkflowComment>()?,
            scope.count::<WorkflowCommentReply>()?
        );
        Ok(())
    })?;
    Ok(())
}

/// What every node execution of the run shares.
struct Step<'t> {
    app: Id<'t, App>,
    workflow: Id<'t, Workflow>,
    run: Id<'t, WorkflowRun>,
    by: Uuid,
}

impl<'t> Step<'t> {
    /// The execution of the graph's node of type `node` (its id is the type's name,
    /// or `approve_refund` for the human-input node).
    fn node(
        &self,
        index: i32,
        node: NodeType,
        status: WorkflowNodeExecutionStatus,
    ) -> NewWorkflowNodeExecutionModel<'t> {
        let id = match node {
            NodeType::HumanInput => "approve_refund",
            other => other.as_str(),
        };
        NewWorkflowNodeExecutionModel {
            id: None,
            app_id: self.app,
            workflow_id: self.workflow,
            triggered_from: WorkflowNodeExecutionTriggeredFrom::WorkflowRun,
            workflow_run_id: Some(self.run),
            index,
            predecessor_node_id: None,
            node_execution_id: None,
            node_id: id.into(),
            node_type: node.as_str().into(),
            title: id.replace('_', " "),
            inputs: None,
            process_data: None,
            outputs: None,
            status: status.as_str().into(),
            error: None,
            elapsed_time: Some(0.25),
            execution_metadata: None,
            created_by_role: CreatorUserRole::Account,
            created_by: self.by,
            finished_at: None,
        }
    }
}
