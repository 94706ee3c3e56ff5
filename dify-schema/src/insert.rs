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
//! neither re-renders nor re-plans it.
//!
//! Many rows go in one statement as columns of arrays:
//!
//! ```sql
//! INSERT INTO t (a, b, tenant_id) SELECT u.a, COALESCE(u.b, 0), $1
//!   FROM unnest($2, $3) AS u(a, b) RETURNING ...
//! ```
//!
//! One bind per column whatever the row count (PostgreSQL's 65,535-bind
//! limit does not apply), one prepared statement for every batch size, and
//! row-level security's `WITH CHECK` still applies: `COPY FROM` is faster
//! still but PostgreSQL refuses it on a table with row-level security, which
//! every tenant-owned table has.

use std::fmt;
use std::marker::PhantomData;

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::HasSqlType;
use diesel::{PgConnection, QueryResult, RunQueryDsl};

use crate::render::postgres::{default_expression, ident};
use crate::schema::Table;

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
/// follows `sql[i]`. Rendered once per entity and shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsertTemplate {
    sql: Vec<String>,
    binds: Vec<usize>,
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

impl InsertTemplate {
    /// `INSERT INTO t (cols) VALUES ($1, COALESCE($2, default), ...)
    /// RETURNING <every column>`: one row.
    pub fn single(table: &Table, columns: &[InsertColumn]) -> InsertTemplate {
        InsertTemplate::single_on_conflict(table, columns, OnConflict::Error)
    }

    /// [`InsertTemplate::single`], with `ON CONFLICT DO NOTHING` before the
    /// `RETURNING` when `conflict` is [`OnConflict::Ignore`].
    pub fn single_on_conflict(
        table: &Table,
        columns: &[InsertColumn],
        conflict: OnConflict,
    ) -> InsertTemplate {
        let mut builder = Builder::new(format!(
            "INSERT INTO {} ({}) VALUES (",
            ident(table.name),
            column_list(table, columns)
        ));
        for (index, column) in columns.iter().enumerate() {
            if index > 0 {
                builder.sql(", ");
            }
            match column.fill {
                Fill::Value | Fill::Constant => builder.bind(index),
                Fill::ValueOrDefault => {
                    builder.sql("COALESCE(");
                    builder.bind(index);
                    builder.sql(&format!(", {})", default_of(table, column)));
                }
            }
        }
        let on_conflict = match conflict {
            OnConflict::Error => "",
            OnConflict::Ignore => " ON CONFLICT DO NOTHING",
        };
        builder.sql(&format!(
            "){on_conflict} RETURNING {}",
            returning_list(table)
        ));
        builder.finish()
    }

    /// `INSERT INTO t (cols) SELECT u.a, COALESCE(u.b, default), $1 FROM
    /// unnest($2, $3) AS u(a, b) [RETURNING <every column>]`: many rows,
    /// each per-row column bound once as an array, the constants as
    /// scalars. Without `returning` the server sends back only a count.
    pub fn bulk(table: &Table, columns: &[InsertColumn], returning: bool) -> InsertTemplate {
        let mut builder = Builder::new(format!(
            "INSERT INTO {} ({}) SELECT ",
            ident(table.name),
            column_list(table, columns)
        ));
        for (index, column) in columns.iter().enumerate() {
            if index > 0 {
                builder.sql(", ");
            }
            let name = ident(name_of(table, column));
            match column.fill {
                Fill::Constant => builder.bind(index),
                Fill::Value => builder.sql(&format!("u.{name}")),
                Fill::ValueOrDefault => builder.sql(&format!(
                    "COALESCE(u.{name}, {})",
                    default_of(table, column)
                )),
            }
        }
        builder.sql(" FROM unnest(");
        let per_row: Vec<_> = columns
            .iter()
            .enumerate()
            .filter(|(_, column)| column.fill != Fill::Constant)
            .collect();
        for (position, (index, _)) in per_row.iter().enumerate() {
            if position > 0 {
                builder.sql(", ");
            }
            builder.bind(*index);
        }
        let aliases = per_row
            .iter()
            .map(|(_, column)| ident(name_of(table, column)))
            .collect::<Vec<_>>()
            .join(", ");
        builder.sql(&format!(") AS u({aliases})"));
        if returning {
            builder.sql(&format!(" RETURNING {}", returning_list(table)));
        }
        builder.finish()
    }

    /// The SQL with `$n` placeholders, as PostgreSQL receives it.
    pub fn to_sql(&self) -> String {
        let mut out = self.sql[0].clone();
        for (position, text) in self.sql[1..].iter().enumerate() {
            out.push_str(&format!("${}", position + 1));
            out.push_str(text);
        }
        out
    }
}

struct Builder {
    sql: Vec<String>,
    binds: Vec<usize>,
}

impl Builder {
    fn new(start: String) -> Builder {
        Builder {
            sql: vec![start],
            binds: Vec::new(),
        }
    }

    fn sql(&mut self, text: &str) {
        self.sql
            .last_mut()
            .expect("starts with text")
            .push_str(text);
    }

    fn bind(&mut self, column: usize) {
        self.binds.push(column);
        self.sql.push(String::new());
    }

    fn finish(self) -> InsertTemplate {
        InsertTemplate {
            sql: self.sql,
            binds: self.binds,
        }
    }
}

fn column_list(table: &Table, columns: &[InsertColumn]) -> String {
    columns
        .iter()
        .map(|column| ident(name_of(table, column)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn returning_list(table: &Table) -> String {
    table
        .columns
        .iter()
        .map(|column| ident(column.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The name of an insert column.
fn name_of<'a>(table: &'a Table, column: &InsertColumn) -> &'a str {
    table.columns[column.column].name
}

/// The server default of a `ValueOrDefault` column. Generated code only
/// marks a column so when it has one; `NULL` keeps a hand-made list honest.
fn default_of(table: &Table, column: &InsertColumn) -> String {
    table.columns[column.column]
        .default
        .as_ref()
        .map(default_expression)
        .unwrap_or_else(|| "NULL".into())
}

/// A value to bind, with its SQL type; generated code makes one per
/// column and passes them as `&dyn BindValue`, so one statement type
/// serves every entity.
pub trait BindValue: fmt::Debug {
    fn push_to<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()>;
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

impl<ST, T> BindValue for Bind<ST, T>
where
    Pg: HasSqlType<ST>,
    T: ToSql<ST, Pg>,
{
    fn push_to<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{
        Capability, Column, Default, Ownership, PrimaryKey, ServerFunction, SqlType,
    };

    const fn column(name: &'static str, sql_type: SqlType, default: Option<Default>) -> Column {
        Column {
            name,
            field: name,
            sql_type,
            nullable: false,
            default,
            client_default: None,
            audit: None,
            string_enum: None,
            cross_tenant: false,
            insert_values: None,
            generated: None,
        }
    }

    static COLUMNS: [Column; 5] = [
        column(
            "id",
            SqlType::Uuid,
            Some(Default::Function(ServerFunction::UuidGenerateV4)),
        ),
        column("tenant_id", SqlType::Uuid, None),
        column("name", SqlType::Varchar(Some(255)), None),
        column("order", SqlType::Integer, Some(Default::Int(0))),
        column(
            "created_at",
            SqlType::Timestamp,
            Some(Default::Function(ServerFunction::CurrentTimestamp(Some(0)))),
        ),
    ];
    static TABLE: Table = Table {
        name: "tags",
        entity: "Tag",
        columns: &COLUMNS,
        primary_key: PrimaryKey {
            name: "tag_pkey",
            columns: &["id"],
        },
        indexes: &[],
        unique_constraints: &[],
        relations: &[],
        ownership: Ownership::Tenant {
            column: "tenant_id",
        },
        soft_delete: None,
        write_capability: Capability::Editing,
        create_capability: Capability::Editing,
        visibility: crate::schema::Visibility::Tenant,
    };
    const INSERT: &[InsertColumn] = &[
        InsertColumn {
            column: 0,
            fill: Fill::ValueOrDefault,
        },
        InsertColumn {
            column: 1,
            fill: Fill::Constant,
        },
        InsertColumn {
            column: 2,
            fill: Fill::Value,
        },
        InsertColumn {
            column: 3,
            fill: Fill::ValueOrDefault,
        },
    ];

    #[test]
    fn single_binds_every_column_and_coalesces_defaults() {
        assert_eq!(
            InsertTemplate::single(&TABLE, INSERT).to_sql(),
            "INSERT INTO tags (id, tenant_id, name, \"order\") VALUES \
             (COALESCE($1, uuid_generate_v4()), $2, $3, COALESCE($4, 0)) \
             RETURNING id, tenant_id, name, \"order\", created_at"
        );
    }

    #[test]
    fn bulk_binds_constants_once_and_columns_as_arrays() {
        let template = InsertTemplate::bulk(&TABLE, INSERT, true);
        assert_eq!(
            template.to_sql(),
            "INSERT INTO tags (id, tenant_id, name, \"order\") SELECT \
             COALESCE(u.id, uuid_generate_v4()), $1, u.name, COALESCE(u.\"order\", 0) \
             FROM unnest($2, $3, $4) AS u(id, name, \"order\") \
             RETURNING id, tenant_id, name, \"order\", created_at"
        );
        // The tenant's scalar comes first in the text, then the arrays in
        // column order; each bind names its column.
        assert_eq!(template.binds, vec![1, 0, 2, 3]);
        assert!(!InsertTemplate::bulk(&TABLE, INSERT, false)
            .to_sql()
            .contains("RETURNING"));
    }
}
