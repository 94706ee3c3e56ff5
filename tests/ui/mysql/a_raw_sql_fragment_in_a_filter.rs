//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/a_raw_sql_fragment_in_a_filter.rs`):
//! A filter is built from the entity's own columns and values, never from
//! SQL text: `sql::<Bool>("a OR b")` would land unparenthesised beside the
//! tenant predicate and return other workspaces' rows. `filter` takes a
//! `Filter<App>`, which only the columns' comparisons make.

use diesel::dsl::sql;
use diesel::sql_types::Bool;
use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn apps(tenant: Uuid, account: Uuid) -> Result<usize, Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let apps = scope
            .query::<App>()
            .filter(|_| sql::<Bool>("mode = 'workflow' OR mode = 'chat'"))
            .load()?;
        Ok(apps.len())
    })
}

fn main() {}
