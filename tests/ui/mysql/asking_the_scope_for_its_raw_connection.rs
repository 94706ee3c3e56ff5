//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/asking_the_scope_for_its_raw_connection.rs`):
//! Inside a scope the typed API is the only way to say SQL: the scope hands
//! out no connection on which raw SQL could read another workspace, change
//! a role or re-point the tenant. SQL the typed API cannot say goes through
//! `dify_schema::system::bypass_tenant_isolation`, named and greppable.

use diesel::connection::SimpleConnection;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn promote_myself(tenant: Uuid, account: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        scope
            .connection()
            .batch_execute("UPDATE tenant_account_joins SET role = 'owner'")?;
        Ok(())
    })
}

fn main() {}
