//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/a_filter_column_leading_back_to_the_diesel_table.rs`):
//! The columns a filter closure receives are `QueryColumn`s: an index into
//! the entity's description and a Rust type. They implement no Diesel
//! trait, so `<C as diesel::Column>::Table` cannot lead back to the private
//! table for an unscoped `diesel::update(table)`.

use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn table_of<C: diesel::Column>(_column: &C) -> C::Table
where
    C::Table: Default,
{
    Default::default()
}

fn rename_everything(tenant: Uuid, account: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let _ = scope.query::<App>().filter(|c| {
            let _table = table_of(&c.name);
            c.name.eq("x")
        });
        Ok(())
    })
}

fn main() {}
