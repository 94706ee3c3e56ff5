//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/inserting_an_app_as_a_plain_member.rs`):
//! Apps are `write = editing`: a scope starts as `Member` (Dify's normal
//! role) and must `require::<Editing>()` before creating one.

use dify_models::app::{App, NewApp};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn create_app(tenant: Uuid, account: Uuid, new: NewApp) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        scope.insert::<App>(new)?;
        Ok(())
    })
}

fn main() {}
