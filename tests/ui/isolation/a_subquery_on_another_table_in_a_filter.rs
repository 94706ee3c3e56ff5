//! A filter cannot hold a Diesel subquery: `exists(...)` on a table the
//! program declares itself would answer yes/no questions about other
//! workspaces' rows. `filter` takes only a `Filter<App>`; the one subquery
//! there is the scope's own (`scope.subquery::<E>()`), which carries `E`'s
//! tenant predicate.

use diesel::dsl::exists;
use diesel::{Connection, ExpressionMethods, PgConnection, QueryDsl};
use dify_models::app::App;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

diesel::table! {
    datasets (id) {
        id -> diesel::sql_types::Uuid,
        tenant_id -> diesel::sql_types::Uuid,
    }
}

fn oracle(tenant: Uuid, account: Uuid, other_tenant: Uuid) -> Result<usize, Error> {
    let mut conn = PgConnection::establish("postgres://localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let apps = scope
            .query::<App>()
            .filter(|_| exists(datasets::table.filter(datasets::tenant_id.eq(other_tenant))))
            .load()?;
        Ok(apps.len())
    })
}

fn main() {}
