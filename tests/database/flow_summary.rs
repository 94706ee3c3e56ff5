//! The segment summary flow: a dataset operator's knowledge base summarises a chunk (generating,
//! then completed with its index node), disables the summary; members read it; summaries are
//! the workspace's own through their dataset.

use dify_models::dataset::{Dataset, Document, DocumentSegment, SummaryStatus};
use dify_models::summary::*;
use dify_schema::scope::DatasetEditing;
use dify_schema::{with_tenant, Error, Page};

use crate::fixtures::{database_with_schema, new_dataset, new_document, new_segment, team};

#[test]
pub(crate) fn a_chunk_summary_is_generated_indexed_and_disabled() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let (dataset_id, summary_id) =
        with_tenant(&mut conn, acme.tenant, acme.dataset_operator, |scope| {
            let scope = scope.require::<DatasetEditing>()?;
            let dataset = scope.insert::<Dataset>(new_dataset("Handbook"))?;
            let document = scope.insert::<Document>(new_document(dataset.id(), "refunds.md"))?;
            let segment = scope.insert::<DocumentSegment>(new_segment(
                dataset.id(),
                document.id(),
                "Refunds take five days.",
            ))?;
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
            assert_eq!(summary.status, SummaryStatus::Generating, "server default");
            assert!(summary.enabled);
            let completed = scope
                .update(
                    summary.id(),
                    DocumentSegmentSummaryChanges {
                        status: Some(SummaryStatus::Completed),
                        summary_content: Some(Some("Refunds: five days.".into())),
                        summary_index_node_id: Some(Some("3f1c9a7e-summary".into())),
                        summary_index_node_hash: Some(Some("9b2e".into())),
                        tokens: Some(Some(5)),
                        ..Default::default()
                    },
                )?
                .unwrap();
            assert_eq!(completed.parent::<Dataset>(), dataset.id());
            let of_chunk = scope
                .query::<DocumentSegmentSummary>()
                .filter(|s| s.chunk_id.eq(segment.id))
                .count()?;
            assert_eq!(of_chunk, 1);
            Ok::<_, Error>((dataset.id, summary.id))
        })
        .unwrap();

    // The editor disables the summary, as Dify disables a segment with it.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            let summary = scope.lookup::<DocumentSegmentSummary>(summary_id)?.unwrap();
            let scope = scope.require::<DatasetEditing>()?;
            let now = scope.now()?;
            let disabled = scope
                .update(
                    summary.id(),
                    DocumentSegmentSummaryChanges {
                        enabled: Some(false),
                        disabled_at: Some(Some(now)),
                        disabled_by: Some(Some(acme.editor)),
                        ..Default::default()
                    },
                )?
                .unwrap();
            assert_eq!(disabled.disabled_by, Some(acme.editor));
            Ok(())
        },
    )
    .unwrap();

    // A normal member reads the dataset's summaries and changes none.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let dataset = scope.lookup::<Dataset>(dataset_id)?.unwrap();
            let summaries =
                scope.children::<DocumentSegmentSummary, _>(dataset.id(), Page::first(5))?;
            assert_eq!(summaries.len(), 1);
            assert!(!summaries[0].enabled);
            let completed = scope
                .query::<DocumentSegmentSummary>()
                .filter(|s| s.status.eq(SummaryStatus::Completed))
                .count()?;
            assert_eq!(completed, 1);
            assert!(scope.require::<DatasetEditing>().is_err());
            Ok(())
        },
    )
    .unwrap();

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope
                .lookup::<DocumentSegmentSummary>(summary_id)?
                .is_none());
            assert_eq!(scope.count::<DocumentSegmentSummary>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
