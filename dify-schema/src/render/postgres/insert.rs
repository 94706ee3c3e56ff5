//! The PostgreSQL text of the insert templates of generated code (see
//! [`crate::insert`]): one row as `VALUES` with `COALESCE($n, <default>)`
//! for a column that may be left to its default, many rows as
//! `SELECT ... FROM unnest(...)`:
//!
//! ```sql
//! INSERT INTO t (a, b, tenant_id) SELECT u.a, COALESCE(u.b, 0), $1
//!   FROM unnest($2, $3) AS u(a, b) RETURNING ...
//! ```
//!
//! The bulk form keeps row-level security's `WITH CHECK`: `COPY FROM` is
//! faster still but PostgreSQL refuses it on a table with row-level
//! security, which every tenant-owned table has, and one bind per column
//! whatever the row count keeps clear of PostgreSQL's 65,535-bind limit.

use super::{default_expression, ident};
use crate::insert::{Fill, InsertColumn, InsertTemplate, OnConflict};
use crate::schema::Table;

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
            ident(&table.name),
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
            ident(&table.name),
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
        let pieces = self.pieces();
        let mut out = pieces[0].clone();
        for (position, text) in pieces[1..].iter().enumerate() {
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
        InsertTemplate::from_parts(self.sql, self.binds)
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
        .map(|column| ident(&column.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The server default of a `ValueOrDefault` column. Generated code only
/// marks a column so when it has one; `NULL` keeps a hand-made list honest.
/// The SQL name of an insert column: generated code passes the column's
/// index in the table, which the macro knew, so nothing is looked up by name.
fn name_of<'a>(table: &'a Table, column: &InsertColumn) -> &'a str {
    &table.columns[column.column].name
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    use crate::schema::{
        Capability, Column, Default, Ownership, PrimaryKey, ServerFunction, SqlType,
    };

    const fn column(name: &'static str, sql_type: SqlType, default: Option<Default>) -> Column {
        Column {
            name: Cow::Borrowed(name),
            field: Cow::Borrowed(name),
            sql_type,
            nullable: false,
            default,
            client_default: None,
            audit: None,
            string_enum: None,
            cross_tenant: false,
            insert_values: None,
            generated: None,
            mysql: crate::schema::MysqlColumn::NONE,
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
        name: Cow::Borrowed("tags"),
        entity: Cow::Borrowed("Tag"),
        columns: Cow::Borrowed(&COLUMNS),
        primary_key: PrimaryKey {
            name: Cow::Borrowed("tag_pkey"),
            columns: Cow::Borrowed(&[Cow::Borrowed("id")]),
        },
        indexes: Cow::Borrowed(&[]),
        unique_constraints: Cow::Borrowed(&[]),
        relations: Cow::Borrowed(&[]),
        ownership: Ownership::Tenant {
            column: Cow::Borrowed("tenant_id"),
        },
        soft_delete: None,
        write_capability: Capability::Editing,
        create_capability: None,
        visibility: crate::schema::Visibility::Tenant,
        retention: None,
        partition: None,
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
        assert_eq!(template.binds(), [1, 0, 2, 3]);
        assert!(!InsertTemplate::bulk(&TABLE, INSERT, false)
            .to_sql()
            .contains("RETURNING"));
    }
}
