//! `insert_many`: many rows in few statements, the tenant and audit columns
//! filled on each, and one bad row writing nothing.

use dify_models::dataset::{Dataset, Document, DocumentSegment, SegmentStatus};
use dify_schema::scope::DatasetEditing;
use dify_schema::{with_tenant, Error};

use crate::fixtures::{database_with_schema, new_segment, two_workspaces};

#[test]
fn ten_thousand_segments_in_one_call() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    with_tenant(
        &mut conn,
        a.tenant,
        a.dataset_operator,
        |scope| -> Result<(), Error> {
            let dataset = scope.lookup::<Dataset>(a.dataset)?.unwrap();
            let document = scope.lookup::<Document>(a.document)?.unwrap();
            let scope = scope.require::<DatasetEditing>()?;
            let before = scope.count::<DocumentSegment>()?;

            // One over-long value (index_node_id is varchar(255)) in the last row.
            let mut news: Vec<_> = (0..10_000)
                .map(|n| {
                    let mut segment =
                        new_segment(dataset.id(), document.id(), "Refunds take five days.");
                    segment.position = n;
                    // Every other row leaves `enabled` and `status` to their
                    // server defaults (true, 'waiting'); the rest set them.
                    if n % 2 == 1 {
                        segment.enabled = Some(false);
                        segment.status = Some(SegmentStatus::Completed);
                    }
                    segment
                })
                .collect();
            news[9_999].index_node_id = Some("x".repeat(256));
            match scope.insert_many::<DocumentSegment>(news.clone()) {
                Err(Error::ValueTooLong {
                    column: "index_node_id",
                    ..
                }) => {}
                other => panic!(
                    "expected ValueTooLong, got {:?}",
                    other.map(|rows| rows.len())
                ),
            }
            assert_eq!(
                scope.count::<DocumentSegment>()?,
                before,
                "a bad row writes nothing"
            );

            news[9_999].index_node_id = None;
            let rows = scope.insert_many::<DocumentSegment>(news)?;
            assert_eq!(rows.len(), 10_000);
            for (n, row) in rows.iter().enumerate() {
                assert_eq!(row.position, n as i32, "rows come back in the order given");
                let (enabled, status) = if n % 2 == 1 {
                    (false, SegmentStatus::Completed)
                } else {
                    (true, SegmentStatus::Waiting)
                };
                assert_eq!((row.enabled, row.status), (enabled, status), "row {n}");
            }
            let ids: std::collections::HashSet<_> = rows.iter().map(|row| row.id).collect();
            assert_eq!(ids.len(), 10_000, "each row gets its own client-side id");
            assert!(rows
                .iter()
                .all(|row| row.tenant_id == a.tenant && row.created_by == a.dataset_operator));
            assert_eq!(scope.count::<DocumentSegment>()?, before + 10_000);

            // The count-only form: the same rows, nothing sent back; over
            // one statement's worth, so two statements.
            let more = dify_schema::insert::BULK_ROWS_PER_STATEMENT + 1;
            let news: Vec<_> = (0..more)
                .map(|n| {
                    let mut segment = new_segment(dataset.id(), document.id(), "More.");
                    segment.position = 20_000 + n as i32;
                    segment
                })
                .collect();
            assert_eq!(scope.bulk_insert::<DocumentSegment>(news)?, more);
            assert_eq!(
                scope.count::<DocumentSegment>()?,
                before + 10_000 + more as i64
            );
            Ok(())
        },
    )
    .unwrap();
}
