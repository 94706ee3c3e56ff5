//! `find` takes an `Id` read under this scope, not a uuid from a request:
//! the fix is `scope.lookup::<App>(raw)`, which checks the tenant.

use diesel::{Connection, PgConnection};
use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn show(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = PgConnection::establish("postgres://localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let _app = scope.find::<App>(raw_app)?;
        Ok(())
    })
}

fn main() {}
