//! A knowledge base: a dataset operator creates a dataset with a processing
//! rule and a document, moves the document through Dify's indexing states
//! with `move_document` (which stamps each stage's time), splits it into
//! segments with child chunks, and is refused an illegal move.
//!
//! Run with `cargo run --example knowledge_base`.

mod support;

use dify_models::dataset::*;
use dify_models::state::{move_document, TransitionError};
use dify_schema::scope::DatasetEditing;
use dify_schema::with_tenant;
use serde_json::json;
use support::Result;

const PARAGRAPHS: [&str; 2] = [
    "Refunds are sent within five days. Card refunds take longer.",
    "Late refunds go to support. Support answers within a day.",
];

fn main() -> Result<()> {
    let mut example = support::setup("knowledge_base")?;
    let (conn, acme) = (&mut example.conn, example.acme);
    let operator = acme.dataset_operator;

    with_tenant(conn, acme.tenant, operator, |scope| -> Result<()> {
        let scope = scope.require::<DatasetEditing>()?;
        let dataset = scope.insert::<Dataset>(NewDataset {
            maintainer: None,
            summary_index_setting: None,
            id: None,
            name: "Handbook".into(),
            description: Some("What support needs to know".into()),
            provider: None,
            permission: Some(DatasetPermissionEnum::AllTeamMembers),
            data_source_type: Some(DataSourceType::UploadFile),
            indexing_technique: Some(IndexingTechnique::HighQuality),
            index_struct: None,
            embedding_model: Some("text-embedding-3-small".into()),
            embedding_model_provider: Some("openai".into()),
            keyword_number: None,
            collection_binding_id: None,
            retrieval_model: Some(json!({"search_method": "hybrid_search", "top_k": 4})),
            built_in_field_enabled: None,
            icon_info: None,
            runtime_mode: None,
            pipeline_id: None,
            chunk_structure: None,
            enable_api: None,
            is_multimodal: None,
        })?;
        let rule = scope.insert::<DatasetProcessRule>(NewDatasetProcessRule {
            id: None,
            dataset_id: dataset.id(),
            mode: Some(ProcessRuleMode::Hierarchical),
            rules: Some(
                json!({"parent_mode": "paragraph", "subchunk_segmentation": {"separator": ". "}})
                    .to_string(),
            ),
        })?;
        println!(
            "dataset \"{}\" ({}), {} processing rule",
            dataset.name, dataset.provider, rule.mode
        );

        let document = scope.insert::<Document>(NewDocument {
            need_summary: None,
            id: None,
            dataset_id: dataset.id(),
            position: 1,
            data_source_type: DataSourceType::UploadFile,
            data_source_info: None,
            dataset_process_rule_id: Some(rule.id()),
            batch: "20261125-1".into(),
            name: "refunds.md".into(),
            created_from: DocumentCreatedFrom::Web,
            created_api_request_id: None,
            processing_started_at: None,
            file_id: None,
            word_count: Some(20),
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
            indexing_status: None,
            enabled: None,
            disabled_at: None,
            disabled_by: None,
            archived: None,
            archived_reason: None,
            archived_by: None,
            archived_at: None,
            doc_type: Some(DocumentDocType::BusinessDocument),
            doc_metadata: Some(json!({"team": "support"})),
            doc_form: Some("hierarchical_model".into()),
            doc_language: Some("English".into()),
        })?;
        println!("document {}: {}", document.name, document.indexing_status);

        // Dify's pipeline, stage by stage; splitting makes the segments.
        let mut document = document;
        for stage in [
            IndexingStatus::Parsing,
            IndexingStatus::Cleaning,
            IndexingStatus::Splitting,
        ] {
            document = move_document(scope, document.id(), stage)?;
            println!("  -> {}", document.indexing_status);
        }
        for (position, paragraph) in (1..).zip(PARAGRAPHS) {
            let segment = scope.insert::<DocumentSegment>(NewDocumentSegment {
                id: None,
                dataset_id: dataset.id(),
                document_id: document.id(),
                position,
                content: paragraph.into(),
                answer: None,
                word_count: paragraph.split_whitespace().count() as i32,
                tokens: 14,
                keywords: Some(json!(["refund"])),
                index_node_id: Some(format!("node-{position}")),
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
            })?;
            // Parent-child chunking: each sentence is a child chunk.
            for (child, sentence) in (1..).zip(paragraph.split_inclusive(". ")) {
                scope.insert::<ChildChunk>(NewChildChunk {
                    id: None,
                    dataset_id: dataset.id(),
                    document_id: document.id(),
                    segment_id: segment.id(),
                    position: child,
                    content: sentence.trim().into(),
                    word_count: sentence.split_whitespace().count() as i32,
                    index_node_id: None,
                    index_node_hash: None,
                    r#type: None,
                    indexing_at: None,
                    completed_at: None,
                    error: None,
                })?;
            }
        }
        println!(
            "  {} segments, {} child chunks",
            scope.count::<DocumentSegment>()?,
            scope.count::<ChildChunk>()?
        );
        for stage in [IndexingStatus::Indexing, IndexingStatus::Completed] {
            document = move_document(scope, document.id(), stage)?;
            println!("  -> {}", document.indexing_status);
        }
        let stamps = [
            document.processing_started_at,
            document.parsing_completed_at,
            document.cleaning_completed_at,
            document.splitting_completed_at,
            document.completed_at,
        ];
        println!(
            "  each stage stamped its time: {}",
            stamps.iter().all(Option::is_some)
        );

        // A completed document cannot go back to indexing; nothing is written.
        match move_document(scope, document.id(), IndexingStatus::Indexing) {
            Err(TransitionError::Illegal(illegal)) => {
                println!("  -> indexing: refused ({illegal})")
            }
            other => unreachable!("completed may not move to indexing: {other:?}"),
        }
        Ok(())
    })?;
    Ok(())
}
