//! The statements that open a scope: a `BEGIN` that first clears whatever
//! session state an earlier user of the connection left, and the entry
//! function that reads the account's role and records the tenant for
//! row-level security (see [`crate::rls`]).

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
        out.push_sql("SELECT dify_scope_enter(");
        out.push_bind_param::<SqlUuid, _>(&self.tenant)?;
        out.push_sql(", ");
        out.push_bind_param::<SqlUuid, _>(&self.account)?;
        out.push_sql(")");
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

/// What a scope sends instead of a bare `BEGIN`, in the same message and
/// so in the same round trip: every session setting back to the
/// connection's defaults (`RESET ALL`, `RESET ROLE`: a `SET ROLE`, a
/// `search_path` or a setting an earlier use of the connection left must
/// not apply inside the scope), no temporary tables (which would shadow the
/// real ones), the two settings Diesel makes when it connects, the
/// transaction, and the moment it began. `dify_scope_enter` refuses to
/// enter when the transaction began at another moment: the connection was
/// already inside a transaction (a raw `BEGIN`), which the scope would
/// otherwise join and end.
pub(super) const BEGIN: &str = "RESET ALL; RESET ROLE; DISCARD TEMP; \
     SET TIME ZONE 'UTC'; SET client_encoding TO 'UTF8'; BEGIN; \
     SELECT set_config('dify.begun', statement_timestamp()::text, true)";

/// What an async scope sends instead: only the transaction and the moment
/// it began. The async pool's connections are never handed out raw (a
/// scope has no raw SQL, and a connection whose scope did not end is
/// closed, not pooled), so no earlier user can have left session state to
/// reset; the connection's own settings (`TIME ZONE 'UTC'`,
/// `client_encoding`) are made when it connects. The five reset
/// statements were most of the server's work for a one-read scope.
#[cfg(feature = "async")]
pub(super) const ASYNC_BEGIN: &str =
    "BEGIN; SELECT set_config('dify.begun', statement_timestamp()::text, true)";
