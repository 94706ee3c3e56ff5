//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/passing_a_raw_uuid_where_an_id_is_needed.rs`):
//! `find` takes an `Id` read under this scope, not a uuid from a request:
//! the fix is `scope.lookup::<App>(raw)`, which checks the tenant.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn show(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let _app = scope.find::<App>(raw_app)?;
        Ok(())
    })
}

fn main() {}
