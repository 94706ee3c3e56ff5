//! Reads a live PostgreSQL schema from the catalogue and compares it with
//! the declared one.
//!
//! The comparison goes through the catalogue (information_schema and
//! pg_index), never through DDL text, so two spellings of the same thing
//! (`'x'::character varying` and `'x'`) compare equal and a real
//! difference (a missing index, a nullable column) never hides.

use std::collections::BTreeMap;
use std::fmt;

use diesel::sql_types::{Array, Bool, Integer, Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

use crate::error::Result;
use crate::render::postgres::{column_type, default_expression};
use crate::schema::{IndexMethod, Schema, SqlType, Table};

/// A table as the database has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveTable {
    pub name: String,
    pub columns: Vec<LiveColumn>,
    /// Every index, including those behind primary key and unique constraints.
    pub indexes: Vec<LiveIndex>,
    pub foreign_keys: Vec<LiveForeignKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveColumn {
    pub name: String,
    /// The type in the renderer's spelling (`varchar(255)`), or the
    /// catalogue's for a type the IR does not have.
    pub sql_type: String,
    pub nullable: bool,
    /// `pg_get_expr` of the default.
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveIndex {
    pub name: String,
    pub columns: Vec<String>,
    pub descending: Vec<bool>,
    pub unique: bool,
    /// `btree`, `gin`, ...
    pub method: String,
    pub predicate: Option<String>,
    /// `p` for a primary key, `u` for a unique constraint, `None` for a plain index.
    pub constraint: Option<char>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveForeignKey {
    pub name: String,
    pub column: String,
    pub parent_table: String,
}

/// Every table of the connection's current schema, by name.
pub fn live_tables(conn: &mut PgConnection) -> Result<BTreeMap<String, LiveTable>> {
    let mut tables: BTreeMap<String, LiveTable> = BTreeMap::new();
    let columns: Vec<ColumnRow> = diesel::sql_query(COLUMNS_SQL).load(conn)?;
    for row in columns {
        let table = tables
            .entry(row.table_name.clone())
            .or_insert_with(|| LiveTable {
                name: row.table_name.clone(),
                columns: Vec::new(),
                indexes: Vec::new(),
                foreign_keys: Vec::new(),
            });
        table.columns.push(LiveColumn {
            sql_type: live_type(&row),
            name: row.column_name,
            nullable: row.is_nullable == "YES",
            default: row.column_default,
        });
    }
    let indexes: Vec<IndexRow> = diesel::sql_query(INDEXES_SQL).load(conn)?;
    for row in indexes {
        if let Some(table) = tables.get_mut(&row.table_name) {
            table.indexes.push(LiveIndex {
                name: row.index_name,
                columns: row.columns,
                descending: row.descending,
                unique: row.is_unique,
                method: row.method,
                predicate: row.predicate,
                constraint: row.constraint_type.and_then(|c| c.chars().next()),
            });
        }
    }
    let foreign_keys: Vec<ForeignKeyRow> = diesel::sql_query(FOREIGN_KEYS_SQL).load(conn)?;
    for row in foreign_keys {
        if let Some(table) = tables.get_mut(&row.table_name) {
            table.foreign_keys.push(LiveForeignKey {
                name: row.constraint_name,
                column: row.column_name,
                parent_table: row.parent_table,
            });
        }
    }
    Ok(tables)
}

/// One way the database differs from the declarations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    MissingTable(String),
    ExtraTable(String),
    MissingColumn {
        table: String,
        column: String,
    },
    ExtraColumn {
        table: String,
        column: String,
    },
    ColumnType {
        table: String,
        column: String,
        declared: String,
        live: String,
    },
    Nullability {
        table: String,
        column: String,
        declared_nullable: bool,
    },
    ColumnDefault {
        table: String,
        column: String,
        declared: Option<String>,
        live: Option<String>,
    },
    MissingIndex {
        table: String,
        index: String,
    },
    ExtraIndex {
        table: String,
        index: String,
    },
    IndexDefinition {
        table: String,
        index: String,
        declared: String,
        live: String,
    },
    MissingForeignKey {
        table: String,
        name: String,
    },
    ExtraForeignKey {
        table: String,
        name: String,
    },
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Drift::MissingTable(table) => {
                write!(f, "table `{table}` is declared but not in the database")
            }
            Drift::ExtraTable(table) => {
                write!(f, "table `{table}` is in the database but not declared")
            }
            Drift::MissingColumn { table, column } => write!(
                f,
                "column `{table}.{column}` is declared but not in the database"
            ),
            Drift::ExtraColumn { table, column } => write!(
                f,
                "column `{table}.{column}` is in the database but not declared"
            ),
            Drift::ColumnType {
                table,
                column,
                declared,
                live,
            } => write!(
                f,
                "column `{table}.{column}` is declared `{declared}` but is `{live}`"
            ),
            Drift::Nullability {
                table,
                column,
                declared_nullable,
            } => write!(
                f,
                "column `{table}.{column}` is declared {} but is {}",
                null_word(*declared_nullable),
                null_word(!declared_nullable)
            ),
            Drift::ColumnDefault {
                table,
                column,
                declared,
                live,
            } => write!(
                f,
                "column `{table}.{column}` has default {} declared but {} in the database",
                show(declared),
                show(live)
            ),
            Drift::MissingIndex { table, index } => write!(
                f,
                "index `{index}` on `{table}` is declared but not in the database"
            ),
            Drift::ExtraIndex { table, index } => write!(
                f,
                "index `{index}` on `{table}` is in the database but not declared"
            ),
            Drift::IndexDefinition {
                table,
                index,
                declared,
                live,
            } => write!(
                f,
                "index `{index}` on `{table}` is declared as {declared} but is {live}"
            ),
            Drift::MissingForeignKey { table, name } => write!(
                f,
                "foreign key `{name}` on `{table}` is declared but not in the database"
            ),
            Drift::ExtraForeignKey { table, name } => write!(
                f,
                "foreign key `{name}` on `{table}` is in the database but not declared"
            ),
        }
    }
}

fn null_word(nullable: bool) -> &'static str {
    if nullable {
        "NULL"
    } else {
        "NOT NULL"
    }
}

fn show(value: &Option<String>) -> String {
    value.as_deref().map_or("none".into(), |v| format!("`{v}`"))
}

/// Every difference between the declared schema and the live tables.
/// Tables outside the schema are reported as extra unless `ignore` lists them
/// (the migration runner's own bookkeeping tables, for example).
pub fn compare(schema: &Schema, live: &BTreeMap<String, LiveTable>, ignore: &[&str]) -> Vec<Drift> {
    let mut drift = Vec::new();
    for table in schema.sorted_tables() {
        match live.get(&*table.name) {
            None => drift.push(Drift::MissingTable(table.name.to_string())),
            Some(live_table) => compare_table(table, live_table, &mut drift),
        }
    }
    for name in live.keys() {
        let support = schema.security_support().is_some() && name == crate::rls::KEYS_TABLE;
        if schema.table(name).is_none() && !ignore.contains(&name.as_str()) && !support {
            drift.push(Drift::ExtraTable(name.clone()));
        }
    }
    drift
}

fn compare_table(table: &Table, live: &LiveTable, drift: &mut Vec<Drift>) {
    let name = || table.name.to_string();
    for column in table.columns.iter() {
        let Some(live_column) = live.columns.iter().find(|c| c.name == column.name) else {
            drift.push(Drift::MissingColumn {
                table: name(),
                column: column.name.to_string(),
            });
            continue;
        };
        let declared_type = column_type(column.sql_type);
        if declared_type != live_column.sql_type {
            drift.push(Drift::ColumnType {
                table: name(),
                column: column.name.to_string(),
                declared: declared_type,
                live: live_column.sql_type.clone(),
            });
        }
        if column.nullable != live_column.nullable {
            drift.push(Drift::Nullability {
                table: name(),
                column: column.name.to_string(),
                declared_nullable: column.nullable,
            });
        }
        let declared_default = column.default.as_ref().map(default_expression);
        let same_default = match (&declared_default, &live_column.default) {
            (None, None) => true,
            (Some(declared), Some(live)) => normalize_sql(declared) == normalize_sql(live),
            _ => false,
        };
        if !same_default {
            drift.push(Drift::ColumnDefault {
                table: name(),
                column: column.name.to_string(),
                declared: declared_default,
                live: live_column.default.clone(),
            });
        }
    }
    for live_column in &live.columns {
        if table.column(&live_column.name).is_none() {
            drift.push(Drift::ExtraColumn {
                table: name(),
                column: live_column.name.clone(),
            });
        }
    }

    // Declared indexes, unique constraints and the primary key, each as the
    // catalogue would describe it.
    let mut declared: Vec<(String, String)> = table
        .indexes
        .iter()
        .map(|index| {
            let columns: Vec<_> = index.columns.iter().map(|c| c.name.to_string()).collect();
            let descending: Vec<_> = index.columns.iter().map(|c| c.descending).collect();
            let method = match index.method {
                IndexMethod::Btree => "btree",
                IndexMethod::Gin => "gin",
            };
            (
                index.name.to_string(),
                describe_index(
                    &columns,
                    &descending,
                    index.unique,
                    method,
                    index.predicate.as_deref(),
                    None,
                ),
            )
        })
        .collect();
    for unique in table.unique_constraints.iter() {
        let columns: Vec<_> = unique.columns.iter().map(|c| c.to_string()).collect();
        let descending = vec![false; columns.len()];
        declared.push((
            unique.name.to_string(),
            describe_index(&columns, &descending, true, "btree", None, Some('u')),
        ));
    }
    let key: Vec<_> = table
        .primary_key
        .columns
        .iter()
        .map(|c| c.to_string())
        .collect();
    let descending = vec![false; key.len()];
    declared.push((
        table.primary_key.name.to_string(),
        describe_index(&key, &descending, true, "btree", None, Some('p')),
    ));

    for (index_name, description) in &declared {
        match live.indexes.iter().find(|index| &index.name == index_name) {
            None => drift.push(Drift::MissingIndex {
                table: name(),
                index: index_name.clone(),
            }),
            Some(index) => {
                let live_description = describe_index(
                    &index.columns,
                    &index.descending,
                    index.unique,
                    &index.method,
                    index.predicate.as_deref(),
                    index.constraint,
                );
                if &live_description != description {
                    drift.push(Drift::IndexDefinition {
                        table: name(),
                        index: index_name.clone(),
                        declared: description.clone(),
                        live: live_description,
                    });
                }
            }
        }
    }
    for index in &live.indexes {
        if !declared
            .iter()
            .any(|(declared_name, _)| declared_name == &index.name)
        {
            drift.push(Drift::ExtraIndex {
                table: name(),
                index: index.name.clone(),
            });
        }
    }

    for relation in table.relations.iter() {
        let Some(fk) = &relation.foreign_key else {
            continue;
        };
        if !live.foreign_keys.iter().any(|live_fk| {
            live_fk.name == **fk
                && live_fk.column == relation.column
                && live_fk.parent_table == relation.parent_table
        }) {
            drift.push(Drift::MissingForeignKey {
                table: name(),
                name: fk.to_string(),
            });
        }
    }
    for live_fk in &live.foreign_keys {
        if !table
            .relations
            .iter()
            .any(|r| r.foreign_key.as_deref() == Some(live_fk.name.as_str()))
        {
            drift.push(Drift::ExtraForeignKey {
                table: name(),
                name: live_fk.name.clone(),
            });
        }
    }
}

/// One line that says everything the catalogue knows about an index.
fn describe_index(
    columns: &[String],
    descending: &[bool],
    unique: bool,
    method: &str,
    predicate: Option<&str>,
    constraint: Option<char>,
) -> String {
    let columns: Vec<String> = columns
        .iter()
        .zip(descending)
        .map(|(column, desc)| {
            if *desc {
                format!("{column} DESC")
            } else {
                column.clone()
            }
        })
        .collect();
    let kind = match constraint {
        Some('p') => "PRIMARY KEY ",
        Some('u') => "UNIQUE CONSTRAINT ",
        _ if unique => "UNIQUE INDEX ",
        _ => "INDEX ",
    };
    let mut out = format!("{kind}USING {method} ({})", columns.join(", "));
    if let Some(predicate) = predicate {
        out.push_str(&format!(" WHERE {}", normalize_sql(predicate)));
    }
    out
}

/// SQL text with the catalogue's decorations removed, for comparing a
/// declared expression with `pg_get_expr`'s rendering of it: casts
/// (`::character varying`), parentheses and whitespace go, and a quoted
/// number compares equal to the number.
pub fn normalize_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    out.push(chars.next().unwrap());
                } else {
                    in_string = false;
                }
            }
            continue;
        }
        match c {
            '\'' => {
                in_string = true;
                out.push(c);
            }
            ':' if chars.peek() == Some(&':') => {
                // Skip `::type name(args)` up to the next operator or end.
                chars.next();
                while let Some(&next) = chars.peek() {
                    if next.is_ascii_alphanumeric() || next == '_' || next == ' ' || next == '"' {
                        chars.next();
                    } else if next == '(' {
                        // A type modifier such as varchar(255).
                        for skipped in chars.by_ref() {
                            if skipped == ')' {
                                break;
                            }
                        }
                    } else {
                        break;
                    }
                }
            }
            '(' | ')' | ' ' | '\n' | '\t' => {}
            _ => out.push(c.to_ascii_lowercase()),
        }
    }
    // `'0.001'` and `0.001` are the same default.
    let unquoted = out.trim_matches('\'');
    if out.starts_with('\'') && unquoted.parse::<f64>().is_ok() && !unquoted.contains('\'') {
        return unquoted.to_owned();
    }
    out
}

fn live_type(row: &ColumnRow) -> String {
    let sql_type = match row.data_type.as_str() {
        "uuid" => SqlType::Uuid,
        "character varying" => SqlType::Varchar(row.character_maximum_length.map(|n| n as u32)),
        "text" => SqlType::Text,
        "json" => SqlType::Json,
        "jsonb" => SqlType::Jsonb,
        "timestamp without time zone" => SqlType::Timestamp,
        "timestamp with time zone" => SqlType::Timestamptz,
        "integer" => SqlType::Integer,
        "bigint" => SqlType::BigInt,
        "boolean" => SqlType::Boolean,
        "double precision" => SqlType::Float,
        "numeric" => SqlType::Numeric(
            row.numeric_precision
                .zip(row.numeric_scale)
                .map(|(p, s)| (p as u16, s as u16)),
        ),
        "bytea" => SqlType::Bytea,
        other => return other.to_owned(),
    };
    column_type(sql_type)
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Nullable<Integer>)]
    character_maximum_length: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    numeric_precision: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    numeric_scale: Option<i32>,
    #[diesel(sql_type = Text)]
    is_nullable: String,
    #[diesel(sql_type = Nullable<Text>)]
    column_default: Option<String>,
}

// `numeric_precision` is also set for integer types; it is read only for
// `numeric`, where NULL means unconstrained.
const COLUMNS_SQL: &str = "
SELECT c.table_name::text, c.column_name::text, c.data_type::text,
       c.character_maximum_length::int4,
       CASE WHEN c.data_type = 'numeric' THEN c.numeric_precision::int4 END AS numeric_precision,
       CASE WHEN c.data_type = 'numeric' THEN c.numeric_scale::int4 END AS numeric_scale,
       c.is_nullable::text, c.column_default::text
FROM information_schema.columns c
JOIN information_schema.tables t
  ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
ORDER BY c.table_name, c.ordinal_position";

#[derive(QueryableByName)]
struct IndexRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    index_name: String,
    #[diesel(sql_type = Array<Text>)]
    columns: Vec<String>,
    #[diesel(sql_type = Array<Bool>)]
    descending: Vec<bool>,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    #[diesel(sql_type = Text)]
    method: String,
    #[diesel(sql_type = Nullable<Text>)]
    predicate: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    constraint_type: Option<String>,
}

const INDEXES_SQL: &str = "
SELECT t.relname::text AS table_name, i.relname::text AS index_name,
       ARRAY(SELECT a.attname::text
             FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       ARRAY(SELECT (ix.indoption[k.ord - 1] & 1) = 1
             FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
             ORDER BY k.ord) AS descending,
       ix.indisunique AS is_unique, am.amname::text AS method,
       pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
       con.contype::text AS constraint_type
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = i.relam
LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.contype IN ('p', 'u')
WHERE n.nspname = current_schema()
ORDER BY t.relname, i.relname";

#[derive(QueryableByName)]
struct ForeignKeyRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    constraint_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    parent_table: String,
}

const FOREIGN_KEYS_SQL: &str = "
SELECT t.relname::text AS table_name, con.conname::text AS constraint_name,
       a.attname::text AS column_name, p.relname::text AS parent_table
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid
JOIN pg_class p ON p.oid = con.confrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
WHERE con.contype = 'f' AND n.nspname = current_schema()
ORDER BY t.relname, con.conname";

#[cfg(test)]
mod tests {
    use super::normalize_sql;

    #[test]
    fn catalogue_spellings_normalize_to_the_declared_ones() {
        assert_eq!(
            normalize_sql("'normal'::character varying"),
            normalize_sql("'normal'")
        );
        assert_eq!(normalize_sql("'{}'::text"), normalize_sql("'{}'"));
        assert_eq!(normalize_sql("'0.001'::double precision"), "0.001");
        assert_eq!(
            normalize_sql("((status)::text = 'active'::text)"),
            normalize_sql("status = 'active'")
        );
        assert_ne!(normalize_sql("'a b'"), normalize_sql("'ab'"));
    }
}
