//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/moving_a_segment_to_a_document_of_another_scope.rs`):
//! An update form takes a new parent as an `Id` of the updating scope, so
//! a segment cannot be moved under a document read in another scope
//! (error E0521).

use dify_models::dataset::{Document, DocumentSegment, DocumentSegmentChanges};
use dify_schema::scope::DatasetEditing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn move_segment(
    tenant_a: Uuid,
    tenant_b: Uuid,
    account: Uuid,
    raw_document: Uuid,
    raw_segment: Uuid,
) -> Result<(), Error> {
    let mut conn_a = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    let mut conn_b = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn_a, tenant_a, account, |scope_a| {
        let Some(document) = scope_a.lookup::<Document>(raw_document)? else {
            return Ok(());
        };
        let document_id = document.id();
        with_tenant(&mut conn_b, tenant_b, account, |scope_b| {
            let scope_b = scope_b.require::<DatasetEditing>()?;
            let Some(segment) = scope_b.lookup::<DocumentSegment>(raw_segment)? else {
                return Ok(());
            };
            scope_b.update(
                segment.id(),
                DocumentSegmentChanges {
                    document_id: Some(document_id),
                    ..Default::default()
                },
            )?;
            Ok(())
        })
    })
}

fn main() {}
