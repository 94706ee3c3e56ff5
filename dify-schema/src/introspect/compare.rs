//! The declared schema against the live tables: every difference as a
//! `Drift`. Declared indexes, unique constraints and the primary key are
//! each described as the catalogue would describe them, and compared by
//! that description.

use std::collections::BTreeMap;
use std::fmt;

use super::read::{AccessMethod, ConstraintKind, LiveColumn, LiveIndex, LiveTable};
use crate::render::postgres::{column_type, default_expression};
use crate::schema::{Column, Index, Schema, Table, UniqueConstraint};

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
    /// Partitioned on one side and not the other (`#[partition]`; Dify's
    /// own tables are not partitioned).
    Partitioning {
        table: String,
        declared: Option<String>,
        live: Option<String>,
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
            Drift::Partitioning {
                table,
                declared,
                live,
            } => match (declared, live) {
                (Some(declared), None) => write!(
                    f,
                    "table `{table}` is declared partitioned by month on `{declared}` but is not partitioned in the database (Dify's tables are not; converting one is a manual migration)"
                ),
                (None, Some(live)) => write!(
                    f,
                    "table `{table}` is partitioned on `{live}` in the database but declared unpartitioned"
                ),
                _ => write!(
                    f,
                    "table `{table}` is declared partitioned on `{}` but is partitioned on `{}`",
                    declared.as_deref().unwrap_or("-"),
                    live.as_deref().unwrap_or("-")
                ),
            },
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
        let support = crate::rls::support_for(schema).is_some() && name == crate::rls::KEYS_TABLE;
        if schema.table(name).is_none() && !ignore.contains(&name.as_str()) && !support {
            drift.push(Drift::ExtraTable(name.clone()));
        }
    }
    drift
}

fn compare_table(table: &Table, live: &LiveTable, drift: &mut Vec<Drift>) {
    let declared = table.partition.as_ref().map(|p| p.column.to_string());
    if declared != live.partition {
        drift.push(Drift::Partitioning {
            table: table.name.to_string(),
            declared,
            live: live.partition.clone(),
        });
    }
    compare_columns(table, live, drift);
    compare_indexes(table, live, drift);
    compare_foreign_keys(table, live, drift);
}

fn compare_columns(table: &Table, live: &LiveTable, drift: &mut Vec<Drift>) {
    for column in table.columns.iter() {
        match live.columns.iter().find(|c| c.name == column.name) {
            None => drift.push(Drift::MissingColumn {
                table: table.name.to_string(),
                column: column.name.to_string(),
            }),
            Some(live_column) => compare_column(table, column, live_column, drift),
        }
    }
    for live_column in &live.columns {
        if table.column(&live_column.name).is_none() {
            drift.push(Drift::ExtraColumn {
                table: table.name.to_string(),
                column: live_column.name.clone(),
            });
        }
    }
}

/// A column both sides have: its type, nullability and default.
fn compare_column(table: &Table, column: &Column, live: &LiveColumn, drift: &mut Vec<Drift>) {
    let table = || table.name.to_string();
    let declared_type = column_type(column.sql_type);
    if declared_type != live.sql_type {
        drift.push(Drift::ColumnType {
            table: table(),
            column: column.name.to_string(),
            declared: declared_type,
            live: live.sql_type.clone(),
        });
    }
    if column.nullable != live.nullable {
        drift.push(Drift::Nullability {
            table: table(),
            column: column.name.to_string(),
            declared_nullable: column.nullable,
        });
    }
    let declared_default = column.default.as_ref().map(default_expression);
    if !same_default(declared_default.as_deref(), live.default.as_deref()) {
        drift.push(Drift::ColumnDefault {
            table: table(),
            column: column.name.to_string(),
            declared: declared_default,
            live: live.default.clone(),
        });
    }
}

fn same_default(declared: Option<&str>, live: Option<&str>) -> bool {
    match (declared, live) {
        (None, None) => true,
        (Some(declared), Some(live)) => normalize_sql(declared) == normalize_sql(live),
        _ => false,
    }
}

/// Indexes, unique constraints and the primary key, all of which the
/// catalogue lists as indexes.
fn compare_indexes(table: &Table, live: &LiveTable, drift: &mut Vec<Drift>) {
    let declared = declared_indexes(table);
    for index in &declared {
        match live
            .indexes
            .iter()
            .find(|live_index| live_index.name == index.name)
        {
            None => drift.push(Drift::MissingIndex {
                table: table.name.to_string(),
                index: index.name.clone(),
            }),
            Some(live_index) => {
                let description = describe_index(index);
                let live_description = describe_index(live_index);
                if live_description != description {
                    drift.push(Drift::IndexDefinition {
                        table: table.name.to_string(),
                        index: index.name.clone(),
                        declared: description,
                        live: live_description,
                    });
                }
            }
        }
    }
    for index in &live.indexes {
        if !declared.iter().any(|declared| declared.name == index.name) {
            drift.push(Drift::ExtraIndex {
                table: table.name.to_string(),
                index: index.name.clone(),
            });
        }
    }
}

/// Declared indexes, unique constraints and the primary key, each as the
/// catalogue would have it.
fn declared_indexes(table: &Table) -> Vec<LiveIndex> {
    let mut declared: Vec<LiveIndex> = table.indexes.iter().map(declared_index).collect();
    declared.extend(table.unique_constraints.iter().map(unique_constraint_index));
    declared.push(primary_key_index(table));
    declared
}

fn declared_index(index: &Index) -> LiveIndex {
    LiveIndex {
        name: index.name.to_string(),
        columns: index.columns.iter().map(|c| c.name.to_string()).collect(),
        descending: index.columns.iter().map(|c| c.descending).collect(),
        unique: index.unique,
        method: AccessMethod::from(index.method),
        predicate: index.predicate.as_deref().map(str::to_owned),
        constraint: None,
    }
}

fn unique_constraint_index(unique: &UniqueConstraint) -> LiveIndex {
    let columns: Vec<String> = unique.columns.iter().map(|c| c.to_string()).collect();
    constraint_index(&unique.name, columns, ConstraintKind::Unique)
}

fn primary_key_index(table: &Table) -> LiveIndex {
    let columns: Vec<String> = table
        .stored_primary_key()
        .into_iter()
        .map(str::to_owned)
        .collect();
    constraint_index(&table.primary_key.name, columns, ConstraintKind::PrimaryKey)
}

/// The unique btree index behind a constraint on `columns`, all ascending.
fn constraint_index(name: &str, columns: Vec<String>, kind: ConstraintKind) -> LiveIndex {
    LiveIndex {
        name: name.to_owned(),
        descending: vec![false; columns.len()],
        columns,
        unique: true,
        method: AccessMethod::Btree,
        predicate: None,
        constraint: Some(kind),
    }
}

/// One line that says everything the catalogue knows about an index.
fn describe_index(index: &LiveIndex) -> String {
    let columns: Vec<String> = index
        .columns
        .iter()
        .zip(&index.descending)
        .map(|(column, desc)| {
            if *desc {
                format!("{column} DESC")
            } else {
                column.clone()
            }
        })
        .collect();
    let kind = match index.constraint {
        Some(ConstraintKind::PrimaryKey) => "PRIMARY KEY ",
        Some(ConstraintKind::Unique) => "UNIQUE CONSTRAINT ",
        None if index.unique => "UNIQUE INDEX ",
        None => "INDEX ",
    };
    let mut out = format!(
        "{kind}USING {} ({})",
        index.method.name(),
        columns.join(", ")
    );
    if let Some(predicate) = &index.predicate {
        out.push_str(&format!(" WHERE {}", normalize_sql(predicate)));
    }
    out
}

fn compare_foreign_keys(table: &Table, live: &LiveTable, drift: &mut Vec<Drift>) {
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
                table: table.name.to_string(),
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
                table: table.name.to_string(),
                name: live_fk.name.clone(),
            });
        }
    }
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
