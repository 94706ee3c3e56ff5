//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/deleting_an_app_as_a_dataset_operator.rs`):
//! `DatasetEditing` (Dify's dataset_operator) may not delete an app.

use dify_models::app::App;
use dify_schema::scope::DatasetEditing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn delete_app(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let scope = scope.require::<DatasetEditing>()?;
        let Some(app) = scope.lookup::<App>(raw_app)? else {
            return Ok(());
        };
        scope.delete(app.id())?;
        Ok(())
    })
}

fn main() {}
