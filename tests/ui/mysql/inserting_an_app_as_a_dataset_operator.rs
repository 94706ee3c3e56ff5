//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/inserting_an_app_as_a_dataset_operator.rs`):
//! `DatasetEditing` (Dify's dataset_operator) edits knowledge bases only:
//! creating an app needs `Editing`.

use dify_models::app::{App, NewApp};
use dify_schema::scope::DatasetEditing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn create_app(tenant: Uuid, account: Uuid, new: NewApp) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let scope = scope.require::<DatasetEditing>()?;
        scope.insert::<App>(new)?;
        Ok(())
    })
}

fn main() {}
