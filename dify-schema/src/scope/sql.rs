//! Two small expressions the generated queries use, written by hand because
//! Diesel's DSL has no form for them and the plain forms cost an index:
//!
//! * `(created_at, id) > ($1, $2)`: a row comparison, which PostgreSQL can
//!   use to start an index scan at the cursor. The expanded
//!   `created_at > $1 OR (created_at = $1 AND id > $2)` cannot bound one,
//!   and a deep keyset page then reads every row before the cursor.
//! * `is_deleted IS false`: the literal form Dify's partial indexes are
//!   declared with (`WHERE is_deleted IS false`); a bound `is_deleted = $1`
//!   never matches their predicate.

use chrono::NaiveDateTime;
use diesel::expression::{
    is_aggregate, AppearsOnTable, Expression, SelectableExpression, ValidGrouping,
};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{Bool, Timestamp, Uuid as SqlUuid};
use diesel::QueryResult;
use uuid::Uuid;

/// `(at_column, id_column) > (at, id)`.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct AfterCursor<A, I> {
    at_column: A,
    id_column: I,
    at: NaiveDateTime,
    id: Uuid,
}

#[doc(hidden)]
pub fn after_cursor<A, I>(
    at_column: A,
    id_column: I,
    at: NaiveDateTime,
    id: Uuid,
) -> AfterCursor<A, I> {
    AfterCursor {
        at_column,
        id_column,
        at,
        id,
    }
}

impl<A, I> Expression for AfterCursor<A, I> {
    type SqlType = Bool;
}

impl<A: QueryFragment<Pg>, I: QueryFragment<Pg>> QueryFragment<Pg> for AfterCursor<A, I> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("((");
        self.at_column.walk_ast(out.reborrow())?;
        out.push_sql(", ");
        self.id_column.walk_ast(out.reborrow())?;
        out.push_sql(") > (");
        out.push_bind_param::<Timestamp, _>(&self.at)?;
        out.push_sql(", ");
        out.push_bind_param::<SqlUuid, _>(&self.id)?;
        out.push_sql("))");
        Ok(())
    }
}

impl<A: 'static, I: 'static> QueryId for AfterCursor<A, I> {
    type QueryId = Self;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<QS, A: AppearsOnTable<QS>, I: AppearsOnTable<QS>> AppearsOnTable<QS> for AfterCursor<A, I> {}

impl<QS, A: SelectableExpression<QS>, I: SelectableExpression<QS>> SelectableExpression<QS>
    for AfterCursor<A, I>
{
}

impl<A, I> ValidGrouping<()> for AfterCursor<A, I> {
    type IsAggregate = is_aggregate::Never;
}

/// `column IS false`.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct IsFalse<C>(pub C);

impl<C> Expression for IsFalse<C> {
    type SqlType = Bool;
}

impl<C: QueryFragment<Pg>> QueryFragment<Pg> for IsFalse<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("(");
        self.0.walk_ast(out.reborrow())?;
        out.push_sql(" IS false)");
        Ok(())
    }
}

impl<C: 'static> QueryId for IsFalse<C> {
    type QueryId = Self;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<QS, C: AppearsOnTable<QS>> AppearsOnTable<QS> for IsFalse<C> {}

impl<QS, C: SelectableExpression<QS>> SelectableExpression<QS> for IsFalse<C> {}

impl<C> ValidGrouping<()> for IsFalse<C> {
    type IsAggregate = is_aggregate::Never;
}
