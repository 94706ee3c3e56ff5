//! The knowledge domain's flow: a dataset operator builds a knowledge base
//! with a processing rule, documents that move through Dify's indexing
//! states (and are refused an illegal move, with nothing written), segments
//! and child chunks, metadata, a keyword table and per-member permissions;
//! an editor links it to an app, and the app queries it.

use dify_models::app::{App, NewApp};
use dify_models::dataset::*;
use dify_models::enums::CreatorUserRole;
use dify_models::state::{move_document, IllegalTransition, TransitionError};
use dify_schema::scope::{DatasetEditing, Editing};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error, Page};
use serde_json::json;

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn a_dataset_whose_documents_move_through_the_indexing_states() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");

    let (dataset_id, document_id) = with_tenant(
        &mut conn,
        acme.tenant,
        acme.dataset_operator,
        |scope| -> Result<_, TransitionError<IndexingStatus>> {
            let scope = scope.require::<DatasetEditing>()?;
            let dataset = scope.insert::<Dataset>(NewDataset {
                name: "Handbook".into(),
                permission: Some(DatasetPermissionEnum::PartialMembers),
                indexing_technique: Some(IndexingTechnique::HighQuality),
                data_source_type: Some(DataSourceType::UploadFile),
                embedding_model: Some("text-embedding-3-small".into()),
                embedding_model_provider: Some("openai".into()),
                retrieval_model: Some(json!({"search_method": "hybrid_search", "top_k": 4})),
                ..samples::dataset()
            })?;
            assert_eq!(
                dataset.provider,
                DatasetProvider::Vendor,
                "typed server default"
            );
            assert_eq!(dataset.runtime_mode, Some(DatasetRuntimeMode::General));
            assert_eq!(dataset.created_by, acme.dataset_operator);

            let rule = scope.insert::<DatasetProcessRule>(NewDatasetProcessRule {
                mode: Some(ProcessRuleMode::Custom),
                rules: Some(r#"{"segmentation":{"separator":"\n","max_tokens":500}}"#.into()),
                ..samples::dataset_process_rule(dataset.id())
            })?;
            let document = scope.insert::<Document>(NewDocument {
                name: "refunds.md".into(),
                batch: "20261125-1".into(),
                dataset_process_rule_id: Some(rule.id()),
                doc_type: Some(DocumentDocType::BusinessDocument),
                doc_metadata: Some(json!({"department": "support"})),
                ..samples::document(dataset.id())
            })?;
            assert_eq!(document.indexing_status, IndexingStatus::Waiting);

            // Dify's pipeline, stage by stage, each stamping its time.
            let document = move_document(scope, document.id(), IndexingStatus::Parsing)?;
            assert!(document.processing_started_at.is_some());
            let document = move_document(scope, document.id(), IndexingStatus::Cleaning)?;
            assert!(document.parsing_completed_at.is_some());
            let document = move_document(scope, document.id(), IndexingStatus::Splitting)?;
            assert!(document.cleaning_completed_at.is_some());

            // Splitting makes the segments, each with child chunks.
            for position in 1..=2 {
                let segment = scope.insert::<DocumentSegment>(NewDocumentSegment {
                    position,
                    content: format!("Refunds, part {position}."),
                    word_count: 3,
                    tokens: 5,
                    hit_count: 0,
                    keywords: Some(json!(["refund"])),
                    index_node_id: Some(format!("node-{position}")),
                    ..samples::document_segment(dataset.id(), document.id())
                })?;
                assert_eq!(segment.status, SegmentStatus::Waiting);
                for child in 1..=2 {
                    let chunk = scope.insert::<ChildChunk>(NewChildChunk {
                        position: child,
                        content: format!("part {position}.{child}"),
                        word_count: 2,
                        ..samples::child_chunk(dataset.id(), document.id(), segment.id())
                    })?;
                    assert_eq!(chunk.r#type, SegmentType::Automatic, "typed server default");
                }
            }

            let document = move_document(scope, document.id(), IndexingStatus::Indexing)?;
            assert!(document.splitting_completed_at.is_some());
            for segment in scope.list::<DocumentSegment>(Page::first(10))? {
                scope.update(
                    segment.id(),
                    DocumentSegmentChanges {
                        status: Some(SegmentStatus::Completed),
                        ..Default::default()
                    },
                )?;
            }
            let document = move_document(scope, document.id(), IndexingStatus::Completed)?;
            assert!(document.completed_at.is_some());
            Ok((dataset.id, document.id))
        },
    )
    .unwrap();

    // A completed document cannot go back to indexing: refused with both
    // states named, and nothing is written.
    let before = {
        let mut system = bypass_tenant_isolation(&mut conn, "test check");
        system.find::<Document>(document_id).unwrap().unwrap()
    };
    let refused = with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), TransitionError<IndexingStatus>> {
            let document = scope.lookup::<Document>(document_id)?.unwrap();
            let scope = scope.require::<DatasetEditing>()?;
            move_document(scope, document.id(), IndexingStatus::Indexing)?;
            Ok(())
        },
    );
    match refused {
        Err(TransitionError::Illegal(illegal)) => {
            assert_eq!(
                illegal,
                IllegalTransition {
                    from: IndexingStatus::Completed,
                    to: IndexingStatus::Indexing
                }
            );
            assert_eq!(
                illegal.to_string(),
                "IndexingStatus cannot move from `completed` to `indexing`"
            );
        }
        other => panic!("expected an illegal transition, got {other:?}"),
    }
    let after = {
        let mut system = bypass_tenant_isolation(&mut conn, "test check");
        system.find::<Document>(document_id).unwrap().unwrap()
    };
    assert_eq!(after, before, "a refused move writes nothing");

    // A second document is paused, recovered, fails, and is retried; a
    // normal member may not move documents at all.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), TransitionError<IndexingStatus>> {
            let dataset = scope.lookup::<Dataset>(dataset_id)?.unwrap();
            let scope = scope.require::<DatasetEditing>()?;
            let document = scope.insert::<Document>(NewDocument {
                name: "shipping.md".into(),
                position: 2,
                ..samples::document(dataset.id())
            })?;
            let document = move_document(scope, document.id(), IndexingStatus::Parsing)?;
            let document = move_document(scope, document.id(), IndexingStatus::Paused)?;
            assert_eq!(document.is_paused, Some(true));
            assert_eq!(document.paused_by, Some(acme.editor));
            assert!(document.paused_at.is_some());
            // Paused documents do not index.
            let refused = move_document(scope, document.id(), IndexingStatus::Completed);
            assert!(matches!(
                refused,
                Err(TransitionError::Illegal(IllegalTransition {
                    from: IndexingStatus::Paused,
                    to: IndexingStatus::Completed
                }))
            ));
            let document = move_document(scope, document.id(), IndexingStatus::Parsing)?;
            assert_eq!(document.is_paused, Some(false), "recovered");
            assert_eq!(document.paused_at, None);
            // Dify's runner skips the cleaning status.
            let document = move_document(scope, document.id(), IndexingStatus::Splitting)?;
            assert!(
                document.parsing_completed_at.is_some() && document.cleaning_completed_at.is_some()
            );
            scope.update(
                document.id(),
                DocumentChanges {
                    error: Some(Some("the embedding provider timed out".into())),
                    ..Default::default()
                },
            )?;
            let document = move_document(scope, document.id(), IndexingStatus::Error)?;
            assert!(document.stopped_at.is_some());
            let document = move_document(scope, document.id(), IndexingStatus::Waiting)?;
            assert_eq!(document.error, None, "a retry clears the last error");
            assert_eq!(document.stopped_at, None);
            Ok(())
        },
    )
    .unwrap();
    let forbidden = with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            scope.require::<DatasetEditing>()?;
            Ok(())
        },
    );
    assert!(matches!(
        forbidden,
        Err(Error::Forbidden {
            need: "DatasetEditing",
            ..
        })
    ));

    // Metadata, a keyword table, and who may see the dataset.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.dataset_operator,
        |scope| -> Result<(), Error> {
            let dataset = scope.lookup::<Dataset>(dataset_id)?.unwrap();
            let document = scope.lookup::<Document>(document_id)?.unwrap();
            let scope = scope.require::<DatasetEditing>()?;
            let department = scope.insert::<DatasetMetadata>(NewDatasetMetadata {
                name: "department".into(),
                ..samples::dataset_metadata(dataset.id())
            })?;
            assert_eq!(department.updated_by, Some(acme.dataset_operator));
            scope.insert::<DatasetMetadataBinding>(samples::dataset_metadata_binding(
                dataset.id(),
                department.id(),
                document.id(),
            ))?;
            let keywords = scope.insert::<DatasetKeywordTable>(NewDatasetKeywordTable {
                keyword_table: r#"{"refund":["node-1","node-2"]}"#.into(),
                ..samples::dataset_keyword_table(dataset.id())
            })?;
            assert_eq!(keywords.data_source_type, "database", "server default");
            for member in [acme.editor, acme.normal] {
                scope.insert::<DatasetPermission>(samples::dataset_permission(
                    dataset.id(),
                    member,
                ))?;
            }
            assert_eq!(scope.count::<DatasetPermission>()?, 2);
            assert_eq!(
                scope
                    .children::<DatasetKeywordTable, _>(dataset.id(), Page::first(5))?
                    .len(),
                1
            );
            Ok(())
        },
    )
    .unwrap();

    // An editor links it to an app (an app edit); the app queries it.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            let dataset = scope.lookup::<Dataset>(dataset_id)?.unwrap();
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                name: "Support bot".into(),
                ..samples::app()
            })?;
            scope.insert::<AppDatasetJoin>(samples::app_dataset_join(app.id(), dataset.id()))?;
            scope.insert::<DatasetQuery>(NewDatasetQuery {
                content: "refund time".into(),
                source: DatasetQuerySource::App,
                source_app_id: Some(app.id()),
                created_by_role: CreatorUserRole::Account,
                created_by: acme.editor,
                ..samples::dataset_query(dataset.id())
            })?;
            assert_eq!(
                scope
                    .children::<DatasetQuery, _>(dataset.id(), Page::first(5))?
                    .len(),
                1
            );
            Ok(())
        },
    )
    .unwrap();

    // The dataset operator cannot link datasets to apps (an app edit).
    let refused = with_tenant(
        &mut conn,
        acme.tenant,
        acme.dataset_operator,
        |scope| -> Result<(), Error> {
            scope.require::<Editing>()?;
            Ok(())
        },
    );
    assert!(refused.is_err());

    let mut system = bypass_tenant_isolation(&mut conn, "test check");
    let chunks: Vec<ChildChunk> = system.list().unwrap();
    assert_eq!(chunks.len(), 4);
    let segments: Vec<DocumentSegment> = system.list().unwrap();
    assert!(segments
        .iter()
        .all(|s| s.status == SegmentStatus::Completed));
}
