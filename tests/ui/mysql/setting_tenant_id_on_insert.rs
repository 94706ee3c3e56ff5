//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/setting_tenant_id_on_insert.rs`):
//! The scope fills in `tenant_id`: an insert form has no such field, so a
//! row cannot be written into another tenant.

use dify_models::app::{App, NewApp};
use dify_schema::scope::Editing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn create_app(tenant: Uuid, account: Uuid, other_tenant: Uuid, new: NewApp) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            tenant_id: other_tenant,
            ..new
        })?;
        Ok(())
    })
}

fn main() {}
