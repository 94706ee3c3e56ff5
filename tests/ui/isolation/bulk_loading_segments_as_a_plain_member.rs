//! Segments are `write = dataset_editing`: the bulk load needs the same
//! capability as a single insert, checked the same way.

use diesel::{Connection, PgConnection};
use dify_models::dataset::{DocumentSegment, NewDocumentSegment};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn load(tenant: Uuid, account: Uuid, news: Vec<NewDocumentSegment<'_>>) -> Result<(), Error> {
    let mut conn = PgConnection::establish("postgres://localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        scope.bulk_insert::<DocumentSegment>(news)?;
        Ok(())
    })
}

fn main() {}
