//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/using_an_id_from_one_scope_in_another.rs`):
//! Each scope brands its ids: an id read under scope A (tenant A) cannot be
//! used under scope B, even though both are `Id<App>` (error E0521). The
//! fix is `scope_b.lookup::<App>(app_id.get())`, which checks tenant B.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn copy_between_workspaces(
    tenant_a: Uuid,
    tenant_b: Uuid,
    account: Uuid,
    raw_app: Uuid,
) -> Result<(), Error> {
    let mut conn_a = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    let mut conn_b = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn_a, tenant_a, account, |scope_a| {
        let Some(app) = scope_a.lookup::<App>(raw_app)? else {
            return Ok(());
        };
        let app_id = app.id();
        with_tenant(&mut conn_b, tenant_b, account, |scope_b| {
            let _app = scope_b.find(app_id)?;
            Ok(())
        })
    })
}

fn main() {}
