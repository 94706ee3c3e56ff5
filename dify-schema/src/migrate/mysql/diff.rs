//! The difference between two schemas as MySQL migration SQL, both
//! directions, from the same declarations and snapshots as PostgreSQL's
//! diff, rendered by [`crate::render::mysql`].
//!
//! One migration per change: MySQL commits each DDL statement by itself,
//! so there is nothing to gain from PostgreSQL's phases (no transactional
//! DDL, no `CONCURRENTLY`; InnoDB builds indexes online). What loses data
//! is behind the same `-- UNSAFE(kind)` marker, which the runner and
//! `lint` refuse until acknowledged.

use std::collections::BTreeMap;

use crate::migrate::diff::UNSAFE_MARKER;
use crate::render::mysql::{
    add_foreign_key, built_indexes, column_definition, create_index, create_table,
    drop_foreign_key, drop_index, foreign_keys, ident, unique_key, unique_name,
};
use crate::schema::{Relation, Schema, Table};

/// What changes from one schema to another on MySQL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MysqlDiff {
    /// The statements of `up.sql`, in order.
    pub up: Vec<String>,
    /// The statements of `down.sql`, in order.
    pub down: Vec<String>,
    /// The unsafe operations, one line each.
    pub unsafe_operations: Vec<String>,
}

impl MysqlDiff {
    pub fn is_empty(&self) -> bool {
        self.up.is_empty() && self.down.is_empty()
    }

    fn flag(&mut self, kind: &str, reason: String, statement: String) -> String {
        let flagged = format!(
            "{UNSAFE_MARKER}{kind}): {reason}. Review, then change UNSAFE to ACKNOWLEDGED.\n{statement}"
        );
        self.unsafe_operations.push(reason);
        flagged
    }
}

/// Statements that go in `up.sql` and `down.sql`, in the order they run:
/// foreign keys are dropped first and added last, so that table and column
/// order never matters.
#[derive(Default)]
struct Buckets {
    drop_foreign_keys: Vec<(String, String)>,
    tables: Vec<(String, String)>,
    add_foreign_keys: Vec<(String, String)>,
}

/// What changes from `old` to `new`, as MySQL statements.
pub fn diff(old: &Schema, new: &Schema) -> MysqlDiff {
    let mut out = MysqlDiff::default();
    let mut buckets = Buckets::default();
    let old_tables: BTreeMap<&str, &Table> = old.tables().map(|t| (&*t.name, t)).collect();
    let new_tables: BTreeMap<&str, &Table> = new.tables().map(|t| (&*t.name, t)).collect();
    for (name, table) in &new_tables {
        match old_tables.get(name) {
            None => {
                buckets
                    .tables
                    .push((create_table(table), format!("DROP TABLE {};", ident(name))));
                for relation in foreign_keys(table) {
                    buckets
                        .add_foreign_keys
                        .push(foreign_key_pair(table, relation));
                }
            }
            Some(previous) => diff_table(previous, table, &mut buckets, &mut out),
        }
    }
    for (name, table) in &old_tables {
        if new_tables.contains_key(name) {
            continue;
        }
        for relation in foreign_keys(table) {
            let (add, drop) = foreign_key_pair(table, relation);
            buckets.drop_foreign_keys.push((drop, add));
        }
        let drop = out.flag(
            "drop-table",
            format!("dropping table `{name}` loses every row it holds"),
            format!("DROP TABLE {};", ident(name)),
        );
        buckets.tables.push((drop, create_table(table)));
    }
    let Buckets {
        drop_foreign_keys,
        tables,
        add_foreign_keys,
    } = buckets;
    let ordered: Vec<(String, String)> = drop_foreign_keys
        .into_iter()
        .chain(tables)
        .chain(add_foreign_keys)
        .collect();
    out.up = ordered.iter().map(|(up, _)| up.clone()).collect();
    out.down = ordered.into_iter().rev().map(|(_, down)| down).collect();
    out
}

fn foreign_key_pair(table: &Table, relation: &Relation) -> (String, String) {
    (
        add_foreign_key(table, relation),
        drop_foreign_key(table, relation),
    )
}

fn diff_table(old: &Table, new: &Table, buckets: &mut Buckets, out: &mut MysqlDiff) {
    let table = ident(&new.name);
    let mut statements = Vec::new();
    for column in new.columns.iter() {
        match old.column(&column.name) {
            None => {
                let add = format!(
                    "ALTER TABLE {table} ADD COLUMN {};",
                    column_definition(column)
                );
                let add = if column.nullable
                    || crate::render::mysql::effective_default(column).is_some()
                {
                    add
                } else {
                    out.flag(
                        "not-null-without-default",
                        format!(
                            "`{}.{}` is NOT NULL without a default: adding it fails on a table with rows",
                            new.name, column.name
                        ),
                        add,
                    )
                };
                statements.push((
                    add,
                    format!("ALTER TABLE {table} DROP COLUMN {};", ident(&column.name)),
                ));
            }
            Some(previous) => {
                let (before, after) = (column_definition(previous), column_definition(column));
                if before != after {
                    let modify = format!("ALTER TABLE {table} MODIFY COLUMN {after};");
                    let modify = if previous.sql_type != column.sql_type
                        || (previous.nullable && !column.nullable)
                    {
                        out.flag(
                            "alter-column",
                            format!(
                                "`{}.{}` changes from `{before}` to `{after}`: rows that do not fit fail the statement or are converted",
                                new.name, column.name
                            ),
                            modify,
                        )
                    } else {
                        modify
                    };
                    statements.push((
                        modify,
                        format!("ALTER TABLE {table} MODIFY COLUMN {before};"),
                    ));
                }
            }
        }
    }
    for column in old.columns.iter() {
        if new.column(&column.name).is_none() {
            let drop = out.flag(
                "drop-column",
                format!(
                    "dropping `{}.{}` loses what it holds",
                    new.name, column.name
                ),
                format!("ALTER TABLE {table} DROP COLUMN {};", ident(&column.name)),
            );
            statements.push((
                drop,
                format!(
                    "ALTER TABLE {table} ADD COLUMN {};",
                    column_definition(column)
                ),
            ));
        }
    }
    if old.primary_key.columns != new.primary_key.columns {
        let key = |t: &Table| {
            t.primary_key
                .columns
                .iter()
                .map(|c| ident(c))
                .collect::<Vec<_>>()
                .join(", ")
        };
        statements.push((
            format!(
                "ALTER TABLE {table} DROP PRIMARY KEY, ADD PRIMARY KEY ({});",
                key(new)
            ),
            format!(
                "ALTER TABLE {table} DROP PRIMARY KEY, ADD PRIMARY KEY ({});",
                key(old)
            ),
        ));
    }
    // Unique constraints and indexes: a changed one is dropped and added.
    let uniques = |t: &Table| -> BTreeMap<String, String> {
        t.unique_constraints
            .iter()
            .map(|u| (unique_name(u).to_owned(), unique_key(u)))
            .collect()
    };
    let (old_uniques, new_uniques) = (uniques(old), uniques(new));
    for (name, key) in &old_uniques {
        if new_uniques.get(name) != Some(key) {
            statements.push((
                format!("ALTER TABLE {table} DROP INDEX {};", ident(name)),
                format!("ALTER TABLE {table} ADD {key};"),
            ));
        }
    }
    for (name, key) in &new_uniques {
        if old_uniques.get(name) != Some(key) {
            statements.push((
                format!("ALTER TABLE {table} ADD {key};"),
                format!("ALTER TABLE {table} DROP INDEX {};", ident(name)),
            ));
        }
    }
    let indexes = |t: &Table| -> BTreeMap<String, String> {
        built_indexes(t)
            .into_iter()
            .map(|index| (index.name.to_string(), create_index(t, index)))
            .collect()
    };
    let (old_indexes, new_indexes) = (indexes(old), indexes(new));
    for (name, create) in &old_indexes {
        if new_indexes.get(name) != Some(create) {
            statements.push((drop_index(old, name), create.clone()));
        }
    }
    for (name, create) in &new_indexes {
        if old_indexes.get(name) != Some(create) {
            statements.push((create.clone(), drop_index(new, name)));
        }
    }
    buckets.tables.extend(statements);
    let keys = |t: &Table| -> BTreeMap<String, (String, String)> {
        foreign_keys(t)
            .map(|relation| (add_foreign_key(t, relation), foreign_key_pair(t, relation)))
            .collect()
    };
    let (old_keys, new_keys) = (keys(old), keys(new));
    for (add, (_, drop)) in &old_keys {
        if !new_keys.contains_key(add) {
            buckets.drop_foreign_keys.push((drop.clone(), add.clone()));
        }
    }
    for (add, (_, drop)) in &new_keys {
        if !old_keys.contains_key(add) {
            buckets.add_foreign_keys.push((add.clone(), drop.clone()));
        }
    }
}
