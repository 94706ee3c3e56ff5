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

use diesel::backend::Backend;
use diesel::expression::{is_aggregate, Expression, ValidGrouping};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::Bool;
use diesel::QueryResult;
use uuid::Uuid;

use super::backend::QueryBackend;
use crate::entity::TenantOwned;
use crate::schema::{tenant_path, Table, TenantStep};

/// How an entity's rows reach their tenant; generated for every tenant-owned
/// and via-owned entity (with `AppearsOnTable` for `TenantFilter<E>` on the
/// entity's table, which only the entity's crate can name). Generated code
/// gives only the chain of tables; the predicate is rendered here from
/// [`tenant_path`], the same walk of the IR that row-level security renders.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not tenant-owned, so it cannot be the parent of a `via` entity",
    label = "this parent is `owner = global` (or not an entity)",
    note = "a `via` entity belongs to a tenant through its parent, so the parent must be `owner = tenant` or `owner = via(...)`"
)]
pub trait TenantPredicate: TenantOwned {
    /// This entity's table, then its via parent's chain.
    const TENANT_CHAIN: TenantChain;

    /// Writes the condition, binding `tenant` once at the end of the chain.
    fn walk_tenant_sql<'b>(out: &mut AstPass<'_, 'b, Pg>, tenant: &'b Uuid) -> QueryResult<()> {
        walk_tenant_chain(out, &Self::TENANT_CHAIN, tenant)
    }
}

/// The tables from an entity's up to the one that holds the tenant, as
/// constants: `#[entity]` writes `TenantChain { table: Self::TABLE,
/// parent: Some(&<Parent as TenantPredicate>::TENANT_CHAIN) }`.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct TenantChain {
    pub table: &'static Table,
    pub parent: Option<&'static TenantChain>,
}

/// `"t"."tenant_id" = $1`, or `"t"."app_id" = ANY(SELECT "apps"."id" FROM
/// "apps" WHERE ...)` up the chain.
pub(super) fn walk_tenant_chain<'b, DB: QueryBackend>(
    out: &mut AstPass<'_, 'b, DB>,
    chain: &TenantChain,
    tenant: &'b Uuid,
) -> QueryResult<()> {
    let mut next = chain.parent;
    let parent = |name: &str| {
        let link = next?;
        next = link.parent;
        (link.table.name == name).then_some(link.table)
    };
    let mut closing = 0;
    for step in tenant_path(chain.table, parent) {
        match step {
            TenantStep::Tenant { table, column } => {
                push_column(out, &table.name, column)?;
                out.push_sql(" = ");
                DB::push_uuid(out, tenant)?;
                for _ in 0..closing {
                    out.push_sql(")");
                }
                return Ok(());
            }
            TenantStep::Via {
                table,
                column,
                parent,
                key,
            } => {
                push_column(out, &table.name, column)?;
                out.push_sql(DB::IN_SUBQUERY);
                push_column(out, &parent.name, key)?;
                out.push_sql(" FROM ");
                out.push_identifier(&parent.name)?;
                out.push_sql(" WHERE ");
                closing += 1;
            }
        }
    }
    Err(diesel::result::Error::QueryBuilderError(
        format!("`{}` does not reach a tenant column", chain.table.name).into(),
    ))
}

/// `"table"."column"`.
#[doc(hidden)]
pub fn push_column<DB: Backend>(
    out: &mut AstPass<'_, '_, DB>,
    table: &str,
    column: &str,
) -> QueryResult<()> {
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
