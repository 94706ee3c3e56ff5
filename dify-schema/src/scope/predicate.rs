//! The tenant predicate as one Diesel expression.
//!
//! For a tenant-owned table it is `"apps"."tenant_id" = $1`; for a
//! via-owned one it walks up the parent chain:
//! `"message_files"."message_id" = ANY(SELECT "messages"."id" FROM "messages"
//! WHERE "messages"."app_id" = ANY(SELECT "apps"."id" FROM "apps" WHERE
//! "apps"."tenant_id" = $1))`.
//!
//! Written as a custom expression rather than Diesel subselects because a
//! typed Diesel subselect two levels deep requires every table of the chain
//! to be allowed in one query with every other (the all-pairs cost this
//! crate avoids). The SQL depends only on the entity type, so the
//! expression has a static query id and Diesel caches its prepared
//! statement.

use std::marker::PhantomData;

use diesel::expression::{is_aggregate, Expression, ValidGrouping};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::Bool;
use diesel::QueryResult;
use uuid::Uuid;

use crate::entity::TenantOwned;

/// How an entity's rows reach their tenant; generated for every tenant-owned
/// and via-owned entity (with `AppearsOnTable` for `TenantFilter<E>` on the
/// entity's table, which only the entity's crate can name).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not tenant-owned, so it cannot be the parent of a `via` entity",
    label = "this parent is `owner = global` (or not an entity)",
    note = "a `via` entity belongs to a tenant through its parent, so the parent must be `owner = tenant` or `owner = via(...)`"
)]
pub trait TenantPredicate: TenantOwned {
    /// Writes the condition, binding `tenant` once at the end of the chain.
    fn walk_tenant_sql<'b>(out: &mut AstPass<'_, 'b, Pg>, tenant: &'b Uuid) -> QueryResult<()>;
}

/// `"table"."column"`.
#[doc(hidden)]
pub fn push_column(out: &mut AstPass<'_, '_, Pg>, table: &str, column: &str) -> QueryResult<()> {
    out.push_identifier(table)?;
    out.push_sql(".");
    out.push_identifier(column)
}

/// The predicate that keeps a query on `E`'s table to one tenant's rows.
#[doc(hidden)]
pub struct TenantFilter<E> {
    tenant: Uuid,
    entity: PhantomData<fn() -> E>,
}

impl<E> TenantFilter<E> {
    pub fn new(tenant: Uuid) -> Self {
        TenantFilter {
            tenant,
            entity: PhantomData,
        }
    }
}

impl<E> Clone for TenantFilter<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for TenantFilter<E> {}

impl<E> std::fmt::Debug for TenantFilter<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TenantFilter({})", self.tenant)
    }
}

impl<E> Expression for TenantFilter<E> {
    type SqlType = Bool;
}

impl<E: TenantPredicate> QueryFragment<Pg> for TenantFilter<E> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("(");
        E::walk_tenant_sql(&mut out, &self.tenant)?;
        out.push_sql(")");
        Ok(())
    }
}

impl<E: 'static> QueryId for TenantFilter<E> {
    type QueryId = Self;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<E> ValidGrouping<()> for TenantFilter<E> {
    type IsAggregate = is_aggregate::Never;
}
