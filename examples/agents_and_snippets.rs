//! Agents and snippets: a dataset operator builds the knowledge base an
//! agent reads, whose chunk is summarised; an editor puts a roster agent on
//! the Agent Roster, versions its config (a draft published as version 2,
//! a revision between the two), saves a group of nodes as a snippet that
//! owns a workflow of its own (`workflows.app_id` takes an app's or a
//! snippet's id), and builds a workflow app whose agent node is bound to
//! the agent. A normal member stars the app, is refused starring it twice
//! and editing the agent; Globex sees none of it.
//!
//! Run with `cargo run --example agents_and_snippets`.

mod support;

use dify_models::agent::*;
use dify_models::app::{App, AppMode, NewApp};
use dify_models::dataset::*;
use dify_models::snippet::*;
use dify_models::summary::*;
use dify_models::workflow::{NewWorkflow, Workflow, WorkflowType};
use dify_schema::scope::{DatasetEditing, Editing};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Page};
use serde_json::json;
use support::Result;

/// The snippet's nodes: a classifier and its two branches.
const SNIPPET_GRAPH: &str =
    r#"{"nodes": [{"id": "classify"}, {"id": "refunds"}, {"id": "other"}], "edges": []}"#;
/// The app's: the snippet's classifier, then the agent's node.
const APP_GRAPH: &str = concat!(
    r#"{"nodes": [{"id": "start"}, {"id": "classify"}, {"id": "agent-1"}, {"id": "end"}], "#,
    r#""edges": []}"#
);
const CHUNK: &str = "Refunds over 500 USD need a second approval; card refunds take five days.";

fn main() -> Result<()> {
    let mut example = support::setup("agents_and_snippets")?;
    let globex = example.workspace("Globex")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    // The knowledge the agent reads: a chunk and its summary, indexed beside it.
    let (dataset_id, summary_id) = with_tenant(
        conn,
        acme.tenant,
        acme.dataset_operator,
        |scope| -> Result<_> {
            let scope = scope.require::<DatasetEditing>()?;
            let dataset = scope.insert::<Dataset>(new_dataset("Refund policy"))?;
            let document = scope.insert::<Document>(new_document(dataset.id(), "policy.md"))?;
            let segment =
                scope.insert::<DocumentSegment>(new_segment(dataset.id(), document.id(), CHUNK))?;
            let summary = scope.insert::<DocumentSegmentSummary>(NewDocumentSegmentSummary {
                id: None,
                dataset_id: dataset.id(),
                document_id: document.id(),
                chunk_id: segment.id(),
                summary_content: None,
                summary_index_node_id: None,
                summary_index_node_hash: None,
                tokens: None,
                status: None,
                error: None,
                enabled: None,
                disabled_at: None,
                disabled_by: None,
            })?;
            println!(
                "\nthe dataset operator: knowledge base \"{}\", chunk summary {}",
                dataset.name, summary.status
            );
            let summary = scope
                .update(
                    summary.id(),
                    DocumentSegmentSummaryChanges {
                        status: Some(SummaryStatus::Completed),
                        summary_content: Some(Some(
                            "Refunds: >500 USD twice approved; cards 5 days.".into(),
                        )),
                        summary_index_node_id: Some(Some(format!("summary-{}", segment.id))),
                        summary_index_node_hash: Some(Some("9b2e41".into())),
                        tokens: Some(Some(12)),
                        ..Default::default()
                    },
                )?
                .ok_or("the summary is gone")?;
            println!(
                "  -> {}: \"{}\" ({} tokens, indexed as {})",
                summary.status,
                summary.summary_content.as_deref().unwrap_or_default(),
                summary.tokens.unwrap_or_default(),
                summary.summary_index_node_id.as_deref().unwrap_or_default()
            );
            Ok((dataset.id, summary.id))
        },
    )?;

    // The editor's agent, its config versions, a snippet and the app that uses both.
    let (agent_id, snippet_id, app_id) = with_tenant(
        conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<_> {
            let dataset = scope
                .lookup::<Dataset>(dataset_id)?
                .ok_or("the knowledge base is gone")?;
            let scope = scope.require::<Editing>()?;
            let agent_app = scope.insert::<App>(new_app("Refund analyst", AppMode::AgentChat))?;
            let agent = scope.insert::<Agent>(NewAgent {
                id: None,
                name: "Refund analyst".into(),
                description: "Checks refund requests against the policy".into(),
                icon_type: Some(AgentIconType::Emoji),
                icon: Some("🧾".into()),
                icon_background: None,
                agent_kind: None,
                scope: AgentScope::Roster,
                source: AgentSource::AgentApp,
                app_id: Some(agent_app.id()),
                workflow_id: None,
                workflow_node_id: None,
                active_config_snapshot_id: None,
                status: None,
                archived_by: None,
                archived_at: None,
                role: "Refund policy expert".into(),
                active_config_has_model: Some(true),
                backing_app_id: Some(agent_app.id()),
                active_config_is_published: None,
            })?;
            println!(
                "\nthe editor: agent \"{}\" ({}, {}, {}), backed by app \"{}\"",
                agent.name, agent.scope, agent.agent_kind, agent.status, agent_app.name
            );

            // Version 1, then a draft published as version 2: each save is a
            // revision from the previous snapshot.
            let v1 = scope.insert::<AgentConfigSnapshot>(NewAgentConfigSnapshot {
                id: None,
                agent_id: agent.id(),
                version: 1,
                config_snapshot: json!({"model": "gpt-4o", "prompt": "Check the refund."})
                    .to_string(),
                summary: None,
                version_note: Some("first version".into()),
            })?;
            scope.insert::<AgentConfigRevision>(NewAgentConfigRevision {
                id: None,
                agent_id: agent.id(),
                previous_snapshot_id: None,
                current_snapshot_id: v1.id(),
                revision: 1,
                operation: AgentConfigRevisionOperation::CreateVersion,
                summary: None,
                version_note: None,
            })?;
            let draft = scope.insert::<AgentConfigDraft>(NewAgentConfigDraft {
                id: None,
                agent_id: agent.id(),
                draft_type: AgentConfigDraftType::Draft,
                account_id: None,
                draft_owner_key: String::new(),
                base_snapshot_id: Some(v1.id()),
                config_snapshot: json!({
                    "model": "gpt-4o",
                    "prompt": "Check the refund against the policy.",
                    "knowledge": {"dataset_ids": [dataset.id]},
                })
                .to_string(),
            })?;
            let v2 = scope.insert::<AgentConfigSnapshot>(NewAgentConfigSnapshot {
                id: None,
                agent_id: agent.id(),
                version: 2,
                config_snapshot: draft.config_snapshot.clone(),
                summary: Some("reads the refund policy".into()),
                version_note: Some("with knowledge".into()),
            })?;
            scope.insert::<AgentConfigRevision>(NewAgentConfigRevision {
                id: None,
                agent_id: agent.id(),
                previous_snapshot_id: Some(v1.id()),
                current_snapshot_id: v2.id(),
                revision: 2,
                operation: AgentConfigRevisionOperation::PublishDraft,
                summary: None,
                version_note: None,
            })?;
            let agent = scope
                .update(
                    agent.id(),
                    AgentChanges {
                        active_config_snapshot_id: Some(Some(v2.id())),
                        active_config_is_published: Some(true),
                        ..Default::default()
                    },
                )?
                .ok_or("the agent is gone")?;
            let revisions = scope
                .query::<AgentConfigRevision>()
                .filter(|r| r.agent_id.eq(agent.id()))
                .order_by(|r| r.revision.asc())
                .load()?;
            let revisions: Vec<String> = revisions
                .iter()
                .map(|r| format!("{} {}", r.revision, r.operation))
                .collect();
            println!("  config revisions: {}", revisions.join(", "));
            println!(
                "  active config: version {} (published: {}), its draft based on version {}",
                v2.version, agent.active_config_is_published, v1.version
            );

            // A snippet owns its workflow the way an app does.
            let snippet = scope.insert::<CustomizedSnippet>(NewCustomizedSnippet {
                id: None,
                name: "Classify and route".into(),
                description: Some("A classifier with two branches".into()),
                r#type: Some(SnippetType::Group),
                workflow_id: None,
                is_published: None,
                version: None,
                use_count: None,
                icon_info: Some(json!({"icon": "🧭", "icon_type": "emoji"})),
                input_fields: Some(r#"[{"variable": "query", "type": "text-input"}]"#.into()),
            })?;
            let snippet_workflow = scope.insert::<Workflow>(NewWorkflow {
                kind: Some("snippet".into()),
                id: None,
                app_id: snippet.id().into(),
                r#type: WorkflowType::Workflow,
                version: "draft".into(),
                marked_name: None,
                marked_comment: None,
                graph: SNIPPET_GRAPH.into(),
                features: "{}".into(),
                environment_variables: None,
                conversation_variables: None,
                rag_pipeline_variables: None,
            })?;
            let snippet = scope
                .update(
                    snippet.id(),
                    CustomizedSnippetChanges {
                        workflow_id: Some(Some(snippet_workflow.id())),
                        is_published: Some(true),
                        version: Some(snippet.version + 1),
                        ..Default::default()
                    },
                )?
                .ok_or("the snippet is gone")?;
            let owned = scope
                .query::<Workflow>()
                .filter(|w| w.app_id.eq(snippet.id))
                .count()?;
            println!(
                "  snippet \"{}\" ({}): owns {owned} workflow (kind {}), published as version {}",
                snippet.name,
                snippet.r#type,
                snippet_workflow.kind.as_deref().unwrap_or_default(),
                snippet.version
            );

            // A workflow app that uses the snippet and runs the agent in a node.
            let app = scope.insert::<App>(new_app("Ticket triage", AppMode::Workflow))?;
            let workflow = scope.insert::<Workflow>(NewWorkflow {
                kind: None,
                id: None,
                app_id: app.id().into(),
                r#type: WorkflowType::Workflow,
                version: "draft".into(),
                marked_name: None,
                marked_comment: None,
                graph: APP_GRAPH.into(),
                features: "{}".into(),
                environment_variables: None,
                conversation_variables: None,
                rag_pipeline_variables: None,
            })?;
            let snippet = scope
                .update(
                    snippet.id(),
                    CustomizedSnippetChanges {
                        use_count: Some(snippet.use_count + 1),
                        ..Default::default()
                    },
                )?
                .ok_or("the snippet is gone")?;
            let binding =
                scope.insert::<WorkflowAgentNodeBinding>(NewWorkflowAgentNodeBinding {
                    id: None,
                    app_id: app.id(),
                    workflow_id: workflow.id(),
                    node_id: "agent-1".into(),
                    binding_type: WorkflowAgentBindingType::RosterAgent,
                    agent_id: Some(agent.id()),
                    current_snapshot_id: Some(v2.id()),
                    node_job_config: r#"{"task": "decide the refund"}"#.into(),
                    workflow_version: workflow.version.clone(),
                })?;
            println!(
                "  app \"{}\": uses the snippet (use count {}), node {} bound to the agent ({}, version {})",
                app.name, snippet.use_count, binding.node_id, binding.binding_type, v2.version
            );
            Ok((agent.id, snippet.id, app.id))
        },
    )?;

    // A normal member stars the app, reads what the editor made and edits none of it.
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let app = scope.lookup::<App>(app_id)?.ok_or("the app is gone")?;
        scope.insert::<AppStar>(NewAppStar {
            id: None,
            app_id: app.id(),
            account_id: acme.normal,
        })?;
        let stars = scope
            .query::<AppStar>()
            .filter(|s| s.account_id.eq(acme.normal))
            .count()?;
        println!("\nthe member stars \"{}\" ({stars} star)", app.name);
        let agent = scope
            .lookup::<Agent>(agent_id)?
            .ok_or("the agent is gone")?;
        let active = agent
            .active_config_snapshot_id
            .ok_or("the agent has no active config")?;
        let config = scope
            .lookup::<AgentConfigSnapshot>(active)?
            .ok_or("the config is gone")?;
        println!(
            "  reads agent \"{}\" at version {}: {}",
            agent.name, config.version, config.config_snapshot
        );
        let snippets = scope.list::<CustomizedSnippet>(Page::first(10))?;
        let names: Vec<&str> = snippets.iter().map(|s| s.name.as_str()).collect();
        println!("  reads the snippets: {}", names.join(", "));
        let dataset = scope
            .lookup::<Dataset>(dataset_id)?
            .ok_or("the knowledge base is gone")?;
        let summaries =
            scope.children::<DocumentSegmentSummary, _>(dataset.id(), Page::first(5))?;
        println!(
            "  reads {} chunk summary of \"{}\"",
            summaries.len(),
            dataset.name
        );
        match scope.require::<Editing>() {
            Err(error) => println!("  and editing the agent: refused ({error})"),
            Ok(_) => unreachable!("a normal member edits no agent"),
        }
        Ok(())
    })?;

    // One star per member and app: a second is refused (and nothing written).
    let twice = with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<Uuid> {
        let app = scope.lookup::<App>(app_id)?.ok_or("the app is gone")?;
        let star = scope.insert::<AppStar>(NewAppStar {
            id: None,
            app_id: app.id(),
            account_id: acme.normal,
        })?;
        Ok(star.id)
    });
    match twice {
        Err(error) => println!("  starring it twice: refused ({error})"),
        Ok(_) => unreachable!("one star per member and app"),
    }

    with_tenant(conn, globex.tenant, globex.owner, |scope| -> Result<()> {
        println!("\nin workspace Globex as {:?}", scope.role());
        for (what, found) in [
            ("agent", scope.lookup::<Agent>(agent_id)?.is_some()),
            (
                "snippet",
                scope.lookup::<CustomizedSnippet>(snippet_id)?.is_some(),
            ),
            (
                "chunk summary",
                scope
                    .lookup::<DocumentSegmentSummary>(summary_id)?
                    .is_some(),
            ),
        ] {
            support::report_lookup(what, found);
        }
        println!(
            "  Globex sees {} agents, {} config versions, {} snippets, {} workflows, {} stars, {} summaries",
            scope.count::<Agent>()?,
            scope.count::<AgentConfigSnapshot>()?,
            scope.count::<CustomizedSnippet>()?,
            scope.count::<Workflow>()?,
            scope.count::<AppStar>()?,
            scope.count::<DocumentSegmentSummary>()?
        );
        Ok(())
    })?;
    Ok(())
}

fn new_app<'t>(name: &str, mode: AppMode) -> NewApp<'t> {
    NewApp {
        maintainer: None,
        id: None,
        name: name.into(),
        description: None,
        mode,
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
    }
}

/// A knowledge base whose chunks are summarised as they are indexed.
fn new_dataset<'t>(name: &str) -> NewDataset<'t> {
    NewDataset {
        maintainer: None,
        summary_index_setting: Some(json!({"enable": true})),
        id: None,
        name: name.into(),
        description: None,
        provider: None,
        permission: Some(DatasetPermissionEnum::AllTeamMembers),
        data_source_type: Some(DataSourceType::UploadFile),
        indexing_technique: Some(IndexingTechnique::HighQuality),
        index_struct: None,
        embedding_model: None,
        embedding_model_provider: None,
        keyword_number: None,
        collection_binding_id: None,
        retrieval_model: None,
        built_in_field_enabled: None,
        icon_info: None,
        runtime_mode: None,
        pipeline_id: None,
        chunk_structure: None,
        enable_api: None,
        is_multimodal: None,
    }
}

fn new_document<'t>(dataset: dify_schema::Id<'t, Dataset>, name: &str) -> NewDocument<'t> {
    NewDocument {
        need_summary: Some(true),
        id: None,
        dataset_id: dataset,
        position: 1,
        data_source_type: DataSourceType::UploadFile,
        data_source_info: None,
        dataset_process_rule_id: None,
        batch: "agents_and_snippets".into(),
        name: name.into(),
        created_from: DocumentCreatedFrom::Web,
        created_api_request_id: None,
        processing_started_at: None,
        file_id: None,
        word_count: Some(CHUNK.split_whitespace().count() as i32),
        parsing_completed_at: None,
        cleaning_completed_at: None,
        splitting_completed_at: None,
        tokens: None,
        indexing_latency: None,
        completed_at: None,
        is_paused: None,
        paused_by: None,
        paused_at: None,
        error: None,
        stopped_at: None,
        indexing_status: Some(IndexingStatus::Completed),
        enabled: None,
        disabled_at: None,
        disabled_by: None,
        archived: None,
        archived_reason: None,
        archived_by: None,
        archived_at: None,
        doc_type: None,
        doc_metadata: None,
        doc_form: None,
        doc_language: Some("English".into()),
    }
}

fn new_segment<'t>(
    dataset: dify_schema::Id<'t, Dataset>,
    document: dify_schema::Id<'t, Document>,
    content: &str,
) -> NewDocumentSegment<'t> {
    NewDocumentSegment {
        id: None,
        dataset_id: dataset,
        document_id: document,
        position: 1,
        content: content.into(),
        answer: None,
        word_count: content.split_whitespace().count() as i32,
        tokens: 16,
        keywords: Some(json!(["refund", "approval"])),
        index_node_id: None,
        index_node_hash: None,
        hit_count: 0,
        enabled: None,
        disabled_at: None,
        disabled_by: None,
        status: Some(SegmentStatus::Completed),
        indexing_at: None,
        completed_at: None,
        error: None,
        stopped_at: None,
    }
}
