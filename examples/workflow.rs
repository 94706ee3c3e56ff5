//! A workflow run: an editor drafts a workflow for an app; a member runs
//! it, each node's execution is recorded, the run moves from `running` to
//! `succeeded` with `move_workflow_run` and is logged for the app; a
//! finished run is refused a restart.
//!
//! Run with `cargo run --example workflow`.

mod support;

use dify_models::app::{App, AppMode, NewApp};
use dify_models::enums::CreatorUserRole;
use dify_models::state::{move_workflow_run, TransitionError};
use dify_models::workflow::*;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, StringEnum};
use support::Result;

const GRAPH: &str = r#"{"nodes": [{"id": "start"}, {"id": "llm"}, {"id": "end"}], "edges": []}"#;

fn main() -> Result<()> {
    let mut example = support::setup("workflow")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    let (app_id, workflow_id) =
        with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<_> {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                maintainer: None,
                id: None,
                name: "Refund triage".into(),
                description: None,
                mode: AppMode::Workflow,
                icon_type: None,
                icon: None,
                icon_background: None,
                app_model_config_id: None,
                workflow_id: None,
                status: None,
                enable_site: false,
                enable_api: true,
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
            println!("app \"{}\" and its {} workflow", app.name, workflow.version);
            Ok((app.id, workflow.id))
        })?;

    // Running is member-level: the run, its node executions, the app log.
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
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
            inputs: Some(r#"{"order": 42}"#.into()),
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
        println!("run {}: {}", run.id, run.status);

        for (index, node) in (1..).zip([NodeType::Start, NodeType::Llm, NodeType::End]) {
            scope.insert::<WorkflowNodeExecutionModel>(NewWorkflowNodeExecutionModel {
                id: None,
                app_id: app.id(),
                workflow_id: workflow.id(),
                triggered_from: WorkflowNodeExecutionTriggeredFrom::WorkflowRun,
                workflow_run_id: Some(run.id()),
                index,
                predecessor_node_id: None,
                node_execution_id: None,
                node_id: node.as_str().into(),
                node_type: node.as_str().into(),
                title: node.as_str().to_uppercase(),
                inputs: None,
                process_data: None,
                outputs: Some(r#"{"ok": true}"#.into()),
                status: WorkflowNodeExecutionStatus::Succeeded.as_str().into(),
                error: None,
                elapsed_time: Some(0.25),
                execution_metadata: None,
                created_by_role: CreatorUserRole::Account,
                created_by: acme.normal,
                finished_at: None,
            })?;
        }
        let nodes = scope
            .query::<WorkflowNodeExecutionModel>()
            .filter(|node| node.workflow_run_id.eq(run.id))
            .order_by(|node| node.index)
            .load()?;
        let titles: Vec<String> = nodes
            .iter()
            .map(|n| format!("{} {}", n.title, n.status))
            .collect();
        println!("  node executions: {}", titles.join(", "));

        let run = move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Succeeded)?;
        println!(
            "  -> {} (finished_at stamped: {})",
            run.status,
            run.finished_at.is_some()
        );
        let log = scope.insert::<WorkflowAppLog>(NewWorkflowAppLog {
            id: None,
            app_id: app.id(),
            workflow_id: workflow.id(),
            workflow_run_id: run.id(),
            created_from: WorkflowAppLogCreatedFrom::WebApp,
            created_by_role: CreatorUserRole::Account,
            created_by: acme.normal,
        })?;
        println!("  app log {} ({})", log.id, log.created_from);

        // A finished run cannot start again; nothing is written.
        match move_workflow_run(scope, run.id(), WorkflowExecutionStatus::Running) {
            Err(TransitionError::Illegal(illegal)) => {
                println!("  -> running: refused ({illegal})")
            }
            other => unreachable!("succeeded is final: {other:?}"),
        }
        Ok(())
    })?;
    Ok(())
}
