//! One table of a scoped query or subquery ([`Source`]): its description
//! and how its rows reach the tenant, rendered as the tenant predicate and
//! the live-rows filter of a soft-deleted entity.

use diesel::query_builder::AstPass;
use diesel::QueryResult;
use uuid::Uuid;

use super::backend::QueryBackend;
use super::predicate::{push_column, walk_tenant_chain, TenantChain, TenantPredicate};
use crate::schema::{SoftDelete, Table};

/// One table of a query: its description and how its rows reach the tenant.
#[derive(Clone, Copy)]
pub(super) struct Source {
    pub(super) table: &'static Table,
    chain: &'static TenantChain,
}

impl Source {
    pub(super) fn of<E: TenantPredicate>() -> Source {
        Source {
            table: E::TABLE,
            chain: &E::TENANT_CHAIN,
        }
    }

    /// The tenant predicate, and the live-rows filter of a soft-deleted
    /// entity, each parenthesised.
    pub(super) fn walk_scope<'b, DB: QueryBackend>(
        &self,
        out: &mut AstPass<'_, 'b, DB>,
        tenant: &'b Uuid,
    ) -> QueryResult<()> {
        out.push_sql("(");
        walk_tenant_chain(out, self.chain, tenant)?;
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

    pub(super) fn walk_columns<DB: QueryBackend>(
        &self,
        out: &mut AstPass<'_, '_, DB>,
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
