//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/using_the_id_of_one_entity_for_another.rs`):
//! An id names its entity: an app's id is not a dataset's.

use dify_models::app::App;
use dify_models::dataset::Dataset;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn show(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let Some(app) = scope.lookup::<App>(raw_app)? else {
            return Ok(());
        };
        let _dataset = scope.find::<Dataset>(app.id())?;
        Ok(())
    })
}

fn main() {}
