//! The INSERT statements of generated code: SQL that depends only on the
//! entity, so each is prepared once per connection and reused.
//!
//! Diesel's own `insert_into(t).values((a.eq(x), b.map(..)))` writes
//! `DEFAULT` for every `None` in the tuple, so its SQL text changes with
//! the values; it is never cached as a prepared statement, and the client
//! rebuilds the text on every call (the bench measured an insert at ~3x a
//! prepared statement's time). Here every column of the form is bound on
//! every call, a column whose value may be left to its server default is
//! written `COALESCE($n, <default>)`, and the statement carries a static
//! [`QueryId`] per entity, so Diesel keys its statement cache by type and
//! neither re-renders nor re-plans it. Many rows go in one statement as
//! columns of arrays (`unnest`): one bind per column whatever the row count,
//! one prepared statement for every batch size.
//!
//! This module holds what an insert is and how its values are bound: the
//! columns generated code writes ([`InsertColumn`]), the template's shape
//! ([`InsertTemplate`]: text split where binds go), the statement type
//! ([`InsertStatement`]) and the binds ([`Bind`], [`BindValue`]). The
//! PostgreSQL text of the templates (`VALUES`, `COALESCE`, `unnest`) is
//! rendered in [`crate::render::postgres::insert`], which also defines
//! [`InsertTemplate::single`] and [`InsertTemplate::bulk`].

use std::fmt;
use std::marker::PhantomData;

use diesel::backend::Backend;
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::HasSqlType;
use diesel::{PgConnection, QueryResult, RunQueryDsl};

/// Rows per bulk statement: big enough that the round trip is noise, small
/// enough that one statement's arrays stay a few megabytes.
pub const BULK_ROWS_PER_STATEMENT: usize = 10_000;

/// One column an insert writes, in the order generated code binds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsertColumn {
    /// The column's index in the entity's `Table::columns`, which the
    /// macro knew: the template reads its name and default there.
    pub column: usize,
    pub fill: Fill,
}

pub use dify_schema_ir::Fill;

/// The SQL of an insert, split where binds go: `sql[0] bind sql[1] bind …
/// sql[n]`, with `binds[i]` the index (into the columns) of the value that
/// follows `sql[i]`. Rendered once per entity and shape, by the
/// constructors in [`crate::render::postgres::insert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsertTemplate {
    sql: Vec<String>,
    binds: Vec<usize>,
}

impl InsertTemplate {
    /// A template from its text pieces and, between each two, the column
    /// whose value is bound there: `sql.len() == binds.len() + 1`.
    pub(crate) fn from_parts(sql: Vec<String>, binds: Vec<usize>) -> InsertTemplate {
        debug_assert_eq!(sql.len(), binds.len() + 1, "one bind between two pieces");
        InsertTemplate { sql, binds }
    }

    /// The text pieces (see the type's documentation).
    pub(crate) fn pieces(&self) -> &[String] {
        &self.sql
    }

    /// The column bound after each text piece but the last.
    #[cfg(test)]
    pub(crate) fn binds(&self) -> &[usize] {
        &self.binds
    }
}

/// What a single-row insert does when the row conflicts with a unique key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    /// Fails (a unique violation), which aborts the scope's transaction.
    Error,
    /// Writes nothing and returns no row (`ON CONFLICT DO NOTHING`); the
    /// transaction goes on.
    Ignore,
}

/// A value to bind, with its SQL type; generated code makes one per
/// column and passes them as `&dyn BindValue`, so one statement type
/// serves every entity.
pub trait BindValue<DB: Backend = Pg>: fmt::Debug {
    fn push_to<'b>(&'b self, out: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

/// `value` bound as the SQL type `ST` (an `Array<..>` in a bulk insert).
pub struct Bind<ST, T> {
    value: T,
    sql_type: PhantomData<fn() -> ST>,
}

impl<ST, T> Bind<ST, T> {
    pub fn new(value: T) -> Self {
        Bind {
            value,
            sql_type: PhantomData,
        }
    }
}

impl<ST, T: fmt::Debug> fmt::Debug for Bind<ST, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<ST, T, DB> BindValue<DB> for Bind<ST, T>
where
    DB: Backend + HasSqlType<ST>,
    T: ToSql<ST, DB> + fmt::Debug,
{
    fn push_to<'b>(&'b self, out: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_bind_param::<ST, T>(&self.value)
    }
}

/// One execution of a template for the entity `E`, returning rows of the
/// SQL type `ST` (every column); `K` tells the single-row statement from
/// the bulk one, so each has its own cache entry.
pub struct InsertStatement<'a, E, ST, K> {
    template: &'a InsertTemplate,
    binds: &'a [&'a dyn BindValue],
    marker: Marker<E, ST, K>,
}

/// The statement's type parameters, held without owning any of them.
type Marker<E, ST, K> = PhantomData<fn() -> (E, ST, K)>;

/// The single-row shape.
pub struct Single;
/// The single-row shape that ignores a conflict.
pub struct SingleOrIgnore;
/// The bulk (`unnest`) shape, returning the rows.
pub struct Bulk;
/// The bulk shape returning only a count.
pub struct BulkCount;

impl<'a, E, ST, K> InsertStatement<'a, E, ST, K> {
    /// `binds` holds one value per column of the template's column list.
    pub fn new(template: &'a InsertTemplate, binds: &'a [&'a dyn BindValue]) -> Self {
        InsertStatement {
            template,
            binds,
            marker: PhantomData,
        }
    }
}

impl<E, ST, K> QueryFragment<Pg> for InsertStatement<'_, E, ST, K> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        let InsertTemplate { sql, binds } = self.template;
        out.push_sql(&sql[0]);
        for (column, text) in binds.iter().zip(&sql[1..]) {
            let value = self.binds.get(*column).ok_or_else(|| {
                diesel::result::Error::QueryBuilderError(
                    format!("insert template binds column {column}, which has no value").into(),
                )
            })?;
            value.push_to(&mut out)?;
            out.push_sql(text);
        }
        Ok(())
    }
}

/// The statement's identity for Diesel's cache: its entity and shape. The
/// SQL is a function of those two alone.
pub struct InsertId<E, K>(PhantomData<fn() -> (E, K)>);

impl<E: 'static, ST, K: 'static> QueryId for InsertStatement<'_, E, ST, K> {
    type QueryId = InsertId<E, K>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<E, ST: diesel::sql_types::SqlType, K> Query for InsertStatement<'_, E, ST, K> {
    type SqlType = ST;
}

impl<E, ST, K> RunQueryDsl<PgConnection> for InsertStatement<'_, E, ST, K> {}
