//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/updating_a_dataset_as_a_normal_member.rs`):
//! Datasets are `write = dataset_editing`: a `Member` scope (Dify's normal
//! role) reads them but must `require::<DatasetEditing>()` to change one.

use dify_models::dataset::{Dataset, DatasetChanges};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn rename_dataset(tenant: Uuid, account: Uuid, raw_dataset: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let Some(dataset) = scope.lookup::<Dataset>(raw_dataset)? else {
            return Ok(());
        };
        scope.update(
            dataset.id(),
            DatasetChanges {
                name: Some("Handbook".into()),
                ..Default::default()
            },
        )?;
        Ok(())
    })
}

fn main() {}
