//! The statement that opens a scope: set the tenant for row-level security
//! and read the account's role, in one round trip.

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Nullable, Text, Uuid as SqlUuid};
use diesel::{PgConnection, QueryResult, RunQueryDsl};
use uuid::Uuid;

/// The scope's first statement, written as a query of fixed shape with a
/// static [`QueryId`] so that Diesel prepares it once per connection; a
/// `diesel::sql_query` is parsed and planned again on every scope.
pub(super) struct Enter {
    pub tenant: Uuid,
    pub account: Uuid,
}

impl QueryFragment<Pg> for Enter {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "SELECT (SELECT j.role::text FROM tenant_account_joins j \
             WHERE j.tenant_id = s.tenant AND j.account_id = ",
        );
        out.push_bind_param::<SqlUuid, _>(&self.account)?;
        out.push_sql(") AS role FROM (SELECT set_config('app.tenant_id', ");
        out.push_bind_param::<SqlUuid, _>(&self.tenant)?;
        out.push_sql("::text, true)::uuid AS tenant OFFSET 0) s");
        Ok(())
    }
}

impl QueryId for Enter {
    type QueryId = Enter;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for Enter {
    type SqlType = Nullable<Text>;
}

impl RunQueryDsl<PgConnection> for Enter {}
