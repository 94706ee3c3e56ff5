//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/linking_a_segment_to_a_document_of_another_scope.rs`):
//! A segment names its dataset and its document by `Id`s: a document read
//! under scope A cannot receive a segment written under scope B, even next
//! to a dataset of scope B (error E0521).
//!
//! `new_segment` fills in the rest of the form, as a handler would.

use dify_models::dataset::{Dataset, Document, DocumentSegment, NewDocumentSegment};
use dify_schema::scope::DatasetEditing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Id};

fn add_segment(
    tenant_a: Uuid,
    tenant_b: Uuid,
    account: Uuid,
    raw_document: Uuid,
    raw_dataset: Uuid,
    new_segment: impl for<'t> Fn(Id<'t, Dataset>, Id<'t, Document>) -> NewDocumentSegment<'t>,
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
            let Some(dataset) = scope_b.lookup::<Dataset>(raw_dataset)? else {
                return Ok(());
            };
            scope_b.insert::<DocumentSegment>(new_segment(dataset.id(), document_id))?;
            Ok(())
        })
    })
}

fn main() {}
