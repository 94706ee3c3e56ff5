//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/using_a_subquery_of_one_scope_in_another.rs`):
//! A scope's subquery carries that scope's tenant and brand: used in a
//! query of another scope it is the brand error (E0521), like an `Id`.

use dify_models::app::App;
use dify_models::tag::TagBinding;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn leak(tenant_a: Uuid, tenant_b: Uuid, account: Uuid) -> Result<(), Error> {
    let mut conn_a = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    let mut conn_b = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn_a, tenant_a, account, |scope_a| {
        let bound = scope_a.subquery::<TagBinding>().select(|b| b.target_id);
        with_tenant(&mut conn_b, tenant_b, account, |scope_b| {
            let _apps = scope_b.query::<App>().filter(|a| a.id.is_in(bound)).load()?;
            Ok(())
        })
    })
}

fn main() {}
