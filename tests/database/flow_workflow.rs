//! The workflow domain's flow: an editor drafts and publishes a workflow
//! for an app; a run executes its nodes (one offloading its inputs to a
//! file), pauses for human input, resumes and succeeds, and is logged;
//! the run refuses an illegal move with nothing written; other runs stop
//! and partially succeed; draft and conversation variables.

use dify_models::app::{App, AppChanges, AppMode, NewApp};
use dify_models::conversation::Conversation;
use dify_models::enums::CreatorUserRole;
use dify_models::file::{NewUploadFile, UploadFile};
use dify_models::state::{move_workflow_run, IllegalTransition, TransitionError};
use dify_models::workflow::*;
use dify_schema::scope::Editing;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Page, StringEnum};

use crate::fixtures::{database_with_schema, team};
use crate::samples;

type RunResult<T> = Result<T, TransitionError<WorkflowExecutionStatus>>;

#[test]
pub(crate) fn a_workflow_run_with_node_executions_an_app_log_and_its_status_moves() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    // Draft, publish, and point the app at the published version.
    let (app_id, workflow_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            name: "Refund workflow".into(),
            mode: AppMode::Workflow,
            ..samples::app()
        })?;
        let graph = r#"{"nodes":[{"id":"start","data":{"type":"start"}},{"id":"llm","data":{"type":"llm"}}],"edges":[]}"#;
        let draft = scope.insert::<Workflow>(NewWorkflow {
            app_id: app.id().into(),
            version: "draft".into(),
            graph: graph.into(),
            features: "{}".into(),
            environment_variables: Some("{}".into()),
            conversation_variables: Some("{}".into()),
            rag_pipeline_variables: Some("{}".into()),
            ..samples::workflow(app.id())
        })?;
        assert_eq!(draft.marked_name, "", "server default");
        let published = scope.insert::<Workflow>(NewWorkflow {
            version: "2026-11-25 12:00:00.000000".into(),
            marked_name: Some("v1".into()),
            ..samples::workflow(app.id())
        })?;
        let published = scope
            .update(
                published.id(),
                WorkflowChanges {
                    app_id: Some(app.id().into()),
                    graph: Some(graph.into()),
                    ..Default::default()
                },
            )?
            .unwrap();
        assert_eq!(published.updated_by, Some(acme.editor));
        scope.update(
            app.id(),
            AppChanges {
                workflow_id: Some(Some(published.id())),
                ..Default::default()
            },
        )?;
        // Variables the editor inspects while debugging.
        let upload = scope.insert::<UploadFile>(NewUploadFile {
            created_by: acme.editor,
            ..samples::upload_file()
        })?;
        let file = scope.insert::<WorkflowDraftVariableFile>(NewWorkflowDraftVariableFile {
            app_id: app.id(),
            user_id: acme.editor,
            size: 2048,
            length: Some(3),
            value_type: VariableSegmentType::ArrayString,
            ..samples::workflow_draft_variable_file(app.id(), upload.id())
        })?;
        scope.insert::<WorkflowDraftVariable>(NewWorkflowDraftVariable {
            node_id: "llm".into(),
            name: "text".into(),
            selector: r#"["llm","text"]"#.into(),
            value_type: VariableSegmentType::ArrayString,
            value: "[]".into(),
            visible: true,
            editable: true,
            file_id: Some(file.id()),
            ..samples::workflow_draft_variable(app.id())
        })?;
        Ok::<_, Error>((app.id, published.id))
    })
    .unwrap();

    // A member runs it: the run, its node executions and the app log.
    let run_id = with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> RunResult<Uuid> {
            let app = scope.lookup::<App>(app_id)?.unwrap();
            let workflow = scope.lookup::<Workflow>(workflow_id)?.unwrap();
            let run = scope.insert::<WorkflowRun>(NewWorkflowRun {
                app_id: app.id(),
                triggered_from: WorkflowRunTriggeredFrom::AppRun,
                version: workflow.version.clone(),
                graph: Some(workflow.graph.clone()),
                inputs: Some(r#"{"order":42}"#.into()),
                status: WorkflowExecutionStatus::Running,
                created_by_role: CreatorUserRole::Account,
                created_by: acme.normal,
                ..samples::workflow_run(app.id(), workflow.id())
            })?;
            assert_eq!(run.total_tokens, 0);
            for (index, (node, node_type)) in [("start", NodeType::Start), ("llm", NodeType::Llm)]
                .into_iter()
                .enumerate()
            {
                let execution =
                    scope.insert::<WorkflowNodeExecutionModel>(NewWorkflowNodeExecutionModel {
                        app_id: app.id(),
                        triggered_from: WorkflowNodeExecutionTriggeredFrom::WorkflowRun,
                        workflow_run_id: Some(run.id()),
                        index: index as i32 + 1,
                        node_id: node.into(),
                        node_type: node_type.as_str().into(),
                        title: node.to_uppercase(),
                        status: WorkflowNodeExecutionStatus::Running.as_str().into(),
                        created_by_role: CreatorUserRole::Account,
                        created_by: acme.normal,
                        ..samples::workflow_node_execution_model(app.id(), workflow.id())
                    })?;
                assert_eq!(execution.node_type_value(), Ok(node_type));
                let execution = scope
                    .update(
                        execution.id(),
                        WorkflowNodeExecutionModelChanges {
                            status: Some(WorkflowNodeExecutionStatus::Succeeded.as_str().into()),
                            elapsed_time: Some(0.25),
                            ..Default::default()
                        },
                    )?
                    .unwrap();
                assert_eq!(
                    execution.status_value(),
                    Ok(WorkflowNodeExecutionStatus::Succeeded)
                );
                if node == "llm" {
                    let upload = scope.insert::<UploadFile>(NewUploadFile {
                        created_by: acme.normal,
                        name: "inputs.json".into(),
                        ..samples::upload_file()
                    })?;
                    scope.insert::<WorkflowNodeExecutionOffload>(
                        NewWorkflowNodeExecutionOffload {
                            app_id: app.id(),
                            node_execution_id: Some(execution.id()),
                            r#type: ExecutionOffLoadType::Inputs,
                            ..samples::workflow_node_execution_offload(app.id(), upload.id())
                        },
                    )?;
                }
            }

            // Human input is needed: the run pauses, with its reason.
            let run = move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Paused)?;
            assert_eq!(run.finished_at, None, "a pause does not end the run");
            let pause = scope.insert::<WorkflowPause>(NewWorkflowPause {
                state_object_key: "pauses/run.json".into(),
                ..samples::workflow_pause(workflow.id(), run.id())
            })?;
            scope.insert::<WorkflowPauseReason>(NewWorkflowPauseReason {
                type_: PauseReasonType::HumanInputRequired,
                form_id: "form-1".into(),
                message: String::new(),
                node_id: "llm".into(),
                ..samples::workflow_pause_reason(pause.id())
            })?;
            assert_eq!(
                scope
                    .children::<WorkflowPauseReason, _>(pause.id(), Page::first(5))?
                    .len(),
                1
            );
            // The input arrives: resume, then succeed.
            let run = move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Running)?;
            scope.update(
                pause.id(),
                WorkflowPauseChanges {
                    resumed_at: Some(Some(samples::noon())),
                    ..Default::default()
                },
            )?;
            let run = move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Succeeded)?;
            assert!(
                run.finished_at.is_some(),
                "a final state stamps finished_at"
            );
            let log = scope.insert::<WorkflowAppLog>(NewWorkflowAppLog {
                created_from: WorkflowAppLogCreatedFrom::WebApp,
                created_by_role: CreatorUserRole::Account,
                created_by: acme.normal,
                ..samples::workflow_app_log(app.id(), workflow.id(), run.id())
            })?;
            assert_eq!(log.workflow_run_id, run.id);
            Ok(run.id)
        },
    )
    .unwrap();

    // A finished run cannot start again: refused, and nothing is written.
    let before = {
        let mut system = bypass_tenant_isolation(&mut conn, "test check");
        system.find::<WorkflowRun>(run_id).unwrap().unwrap()
    };
    let refused = with_tenant(
        &mut conn,
        acme.tenant,
        acme.owner,
        |scope| -> RunResult<()> {
            let run = scope.lookup::<WorkflowRun>(run_id)?.unwrap();
            move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Running)?;
            Ok(())
        },
    );
    match refused {
        Err(TransitionError::Illegal(illegal)) => {
            assert_eq!(
                illegal,
                IllegalTransition {
                    from: WorkflowExecutionStatus::Succeeded,
                    to: WorkflowExecutionStatus::Running
                }
            );
            assert_eq!(
                illegal.to_string(),
                "WorkflowExecutionStatus cannot move from `succeeded` to `running`"
            );
        }
        other => panic!("expected an illegal transition, got {other:?}"),
    }
    let after = {
        let mut system = bypass_tenant_isolation(&mut conn, "test check");
        system.find::<WorkflowRun>(run_id).unwrap().unwrap()
    };
    assert_eq!(after, before, "a refused move writes nothing");

    // Other endings: stopped before it started, partially succeeded, failed.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> RunResult<()> {
            let workflow = scope.lookup::<Workflow>(workflow_id)?.unwrap();
            let app = scope.lookup::<App>(app_id)?.unwrap();
            let mut run = |status| {
                scope.insert::<WorkflowRun>(NewWorkflowRun {
                    status,
                    ..samples::workflow_run(app.id(), workflow.id())
                })
            };
            let scheduled = run(WorkflowExecutionStatus::Scheduled)?;
            let running = run(WorkflowExecutionStatus::Running)?;
            let failing = run(WorkflowExecutionStatus::Running)?;
            let stopped =
                move_workflow_run(scope, scheduled.id(), WorkflowExecutionStatus::Stopped)?;
            assert!(stopped.finished_at.is_some());
            assert!(matches!(
                move_workflow_run(scope, stopped.id(), WorkflowExecutionStatus::Paused),
                Err(TransitionError::Illegal(_))
            ));
            move_workflow_run(
                scope,
                running.id(),
                WorkflowExecutionStatus::PartialSucceeded,
            )?;
            let failed = move_workflow_run(scope, failing.id(), WorkflowExecutionStatus::Failed)?;
            assert_eq!(failed.status, WorkflowExecutionStatus::Failed);
            assert_eq!(scope.count::<WorkflowRun>()?, 4);
            Ok(())
        },
    )
    .unwrap();

    // Conversation variables have a composite key (id, conversation_id):
    // the DSL gives such an entity no scoped accessors, so the system
    // writes them.
    let conversation_id = with_tenant(&mut conn, acme.tenant, acme.normal, |scope| {
        let app = scope.lookup::<App>(app_id)?.unwrap();
        let conversation = scope.insert::<Conversation>(samples::conversation(app.id()))?;
        Ok::<_, Error>(conversation.id)
    })
    .unwrap();
    let mut system = bypass_tenant_isolation(&mut conn, "conversation variables");
    let variable: ConversationVariable = system
        .insert(
            None,
            None,
            NewConversationVariable {
                data: r#"{"name":"order","value":42}"#.into(),
                ..samples::conversation_variable(
                    system.trust::<Conversation>(conversation_id),
                    system.trust::<App>(app_id),
                )
            },
        )
        .unwrap();
    let found: Option<ConversationVariable> = system.find((variable.id, conversation_id)).unwrap();
    assert_eq!(found, Some(variable));

    // Globex sees none of Acme's runs.
    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<WorkflowRun>(run_id)?.is_none());
            assert_eq!(scope.count::<WorkflowNodeExecutionModel>()?, 0);
            assert_eq!(scope.count::<WorkflowPauseReason>()?, 0);
            assert_eq!(scope.count::<WorkflowDraftVariable>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
