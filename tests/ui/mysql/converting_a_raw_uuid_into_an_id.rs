//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/converting_a_raw_uuid_into_an_id.rs`):
//! There is no conversion from a uuid to an `Id` either: `scope.lookup`
//! is the one way in, and it checks the uuid against the tenant.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Id};

fn show(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let id: Id<'_, App> = raw_app.into();
        let _app = scope.find(id)?;
        Ok(())
    })
}

fn main() {}
