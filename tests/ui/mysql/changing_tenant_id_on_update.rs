//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/changing_tenant_id_on_update.rs`):
//! A row never moves to another tenant: an update form has no `tenant_id`.

use dify_models::app::{App, AppChanges};
use dify_schema::scope::Editing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn give_away(tenant: Uuid, account: Uuid, raw_app: Uuid, other_tenant: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let Some(app) = scope.lookup::<App>(raw_app)? else {
            return Ok(());
        };
        let scope = scope.require::<Editing>()?;
        scope.update(
            app.id(),
            AppChanges {
                tenant_id: Some(other_tenant),
                ..Default::default()
            },
        )?;
        Ok(())
    })
}

fn main() {}
