//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/making_an_id_from_a_raw_uuid.rs`):
//! An `Id` proves the row belongs to the scope's tenant, so there is no
//! public way to make one from a uuid: `Id::trusted` is the runtime's own.
//! An untrusted uuid goes through `scope.lookup`, which checks the tenant.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Id};

fn show(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let id = Id::<App>::trusted(raw_app);
        let _app = scope.find(id)?;
        Ok(())
    })
}

fn main() {}
