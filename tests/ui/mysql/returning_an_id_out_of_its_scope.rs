//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/returning_an_id_out_of_its_scope.rs`):
//! An id cannot leave the closure of the scope it was read in: a later
//! scope (another transaction, maybe another tenant) would trust it
//! unchecked. Return `app.id().get()`, the plain uuid, instead.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn remember_app(tenant: Uuid, account: Uuid, raw_app: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    let app_id = with_tenant(&mut conn, tenant, account, |scope| {
        let app = scope.lookup::<App>(raw_app)?;
        Ok::<_, Error>(app.map(|app| app.id()))
    })?;
    println!("{app_id:?}");
    Ok(())
}

fn main() {}
