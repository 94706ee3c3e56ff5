//! One table of a scoped query or subquery ([`Source`]): its description
//! and how its rows reach the tenant, rendered as the tenant predicate and
//! the live-rows filter of a soft-deleted entity.

use diesel::pg::Pg;
use diesel::query_builder::AstPass;
use diesel::QueryResult;
use uuid::Uuid;

use super::access::ComposableQuery;
use super::predicate::push_column;
use crate::schema::{SoftDelete, Table};

/// Writes an entity's tenant predicate (see [`super::TenantPredicate`]).
type TenantWalk = for<'a, 'b, 'c> fn(&'a mut AstPass<'b, 'c, Pg>, &'c Uuid) -> QueryResult<()>;

/// One table of a query: its description and how its rows reach the tenant.
#[derive(Clone, Copy)]
pub(super) struct Source {
    pub(super) table: &'static Table,
    tenant: TenantWalk,
}

impl Source {
    pub(super) fn of<E: ComposableQuery>() -> Source {
        Source {
            table: E::TABLE,
            tenant: E::walk_tenant_sql,
        }
    }

    /// The tenant predicate, and the live-rows filter of a soft-deleted
    /// entity, each parenthesised.
    pub(super) fn walk_scope<'b>(
        &self,
        out: &mut AstPass<'_, 'b, Pg>,
        tenant: &'b Uuid,
    ) -> QueryResult<()> {
        out.push_sql("(");
        (self.tenant)(out, tenant)?;
        out.push_sql(")");
        match &self.table.soft_delete {
            None => {}
            Some(SoftDelete::Flag(column)) => {
                out.push_sql(" AND (");
                push_column(out, &self.table.name, column)?;
                out.push_sql(" IS false)");
            }
            Some(SoftDelete::Timestamp(column)) => {
                out.push_sql(" AND (");
                push_column(out, &self.table.name, column)?;
                out.push_sql(" IS NULL)");
            }
        }
        Ok(())
    }

    pub(super) fn walk_columns(
        &self,
        out: &mut AstPass<'_, '_, Pg>,
        first: &mut bool,
    ) -> QueryResult<()> {
        for column in self.table.columns.iter() {
            if !*first {
                out.push_sql(", ");
            }
            *first = false;
            push_column(out, &self.table.name, &column.name)?;
        }
        Ok(())
    }
}
