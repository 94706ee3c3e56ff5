//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/bulk_loading_segments_as_a_plain_member.rs`):
//! Segments are `write = dataset_editing`: the bulk load needs the same
//! capability as a single insert, checked the same way.

use dify_models::dataset::{DocumentSegment, NewDocumentSegment};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn load(tenant: Uuid, account: Uuid, news: Vec<NewDocumentSegment<'_>>) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        scope.bulk_insert::<DocumentSegment>(news)?;
        Ok(())
    })
}

fn main() {}
