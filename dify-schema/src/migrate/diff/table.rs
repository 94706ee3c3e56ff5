//! Tables added, dropped and changed: their columns, indexes, unique
//! constraints, primary key and foreign keys.

use std::collections::BTreeMap;

use super::changes::Changes;
use super::column;
use super::phase::{Main, Phase};
use crate::render::postgres::{
    add_foreign_key, column_definition, create_index, create_index_concurrently, create_table,
    ident, sorted_indexes,
};
use crate::schema::{Column, Index, PrimaryKey, Relation, Table, Text, UniqueConstraint};

/// A new table is empty: its indexes need no CONCURRENTLY.
pub(super) fn added_table(table: &Table, changes: &mut Changes) {
    changes.main.create_tables.push((
        table_with_indexes(table),
        format!("DROP TABLE {};", ident(&table.name)),
    ));
    for relation in foreign_keys(table) {
        changes.main.add_foreign_keys.push((
            add_foreign_key(table, relation),
            drop_foreign_key(&table.name, relation),
        ));
    }
}

/// A dropped table, flagged, with a note if one of the `added` tables has
/// the same columns.
pub(super) fn dropped_table(table: &Table, added: &[&Table], changes: &mut Changes) {
    let name = &table.name;
    for relation in foreign_keys(table) {
        changes.main.drop_foreign_keys.push((
            drop_foreign_key(name, relation),
            add_foreign_key(table, relation),
        ));
    }
    let reason = format!("dropping table `{name}` loses every row it holds");
    let drop = changes.flag(
        "drop-table",
        reason,
        &format!("DROP TABLE {};", ident(name)),
    );
    changes
        .main
        .drop_tables
        .push((drop, table_with_indexes(table)));
    if let Some(renamed) = added
        .iter()
        .find(|candidate| same_columns(table, candidate))
    {
        changes.notes.push(format!(
            "table `{name}` is dropped and `{}` added with the same columns; if this is a rename, replace both with `ALTER TABLE {} RENAME TO {};`",
            renamed.name,
            ident(name),
            ident(&renamed.name)
        ));
    }
}

fn table_with_indexes(table: &Table) -> String {
    let mut sql = create_table(table);
    for index in sorted_indexes(table) {
        sql.push('\n');
        sql.push_str(&create_index(table, index));
    }
    sql
}

fn same_columns(a: &Table, b: &Table) -> bool {
    a.columns.len() == b.columns.len()
        && a.columns.iter().all(|column| {
            b.column(&column.name).is_some_and(|other| {
                other.sql_type == column.sql_type && other.nullable == column.nullable
            })
        })
}

/// A table both schemas have.
pub(super) fn diff_table(old: &Table, new: &Table, changes: &mut Changes) {
    diff_partitioning(old, new, changes);
    diff_columns(old, new, changes);
    diff_indexes(old, new, &mut changes.concurrent);
    diff_unique_constraints(old, new, &mut changes.main);
    diff_primary_key(old, new, &mut changes.main);
    diff_foreign_keys(old, new, &mut changes.main);
}

/// Partitioning an existing table (or undoing it) rewrites every row
/// under an exclusive lock; no generated statement does that safely, so
/// the migration carries a flagged placeholder the author must replace.
fn diff_partitioning(old: &Table, new: &Table, changes: &mut Changes) {
    if old.partition == new.partition {
        return;
    }
    let name = &new.name;
    let reason = format!(
        "`{name}` changes its partitioned layout, which copies every row into a new table; write that migration by hand (create the new table, copy in batches, swap the names)"
    );
    let placeholder = format!("-- convert {} to its new layout here", ident(name));
    let flagged = changes.flag("partitioning", reason, &placeholder);
    changes.main.drop_tables.push((flagged, String::new()));
}

/// Columns added, dropped (with a note where a pair looks like a rename)
/// and changed.
fn diff_columns(old: &Table, new: &Table, changes: &mut Changes) {
    let mut added: Vec<&Column> = Vec::new();
    for column in new.columns.iter() {
        match old.column(&column.name) {
            None => {
                added.push(column);
                add_column(new, column, changes);
            }
            Some(previous) => column::diff_column(new, previous, column, changes),
        }
    }
    let dropped: Vec<&Column> = old
        .columns
        .iter()
        .filter(|column| new.column(&column.name).is_none())
        .collect();
    for column in &dropped {
        drop_column(new, column, changes);
    }
    propose_column_renames(new, &dropped, &added, &mut changes.notes);
}

fn add_column(table: &Table, column: &Column, changes: &mut Changes) {
    let name = ident(&table.name);
    let down = format!("ALTER TABLE {name} DROP COLUMN {};", ident(&column.name));
    let mut up = format!(
        "ALTER TABLE {name} ADD COLUMN {};",
        column_definition(column)
    );
    if !column.nullable && column.default.is_none() {
        let reason = format!(
            "adding NOT NULL column `{}.{}` without a default fails if the table has rows; give it a default, or add it nullable, backfill, then make it NOT NULL",
            table.name, column.name
        );
        up = changes.flag("not-null-without-default", reason, &up);
    }
    changes.main.alter_columns.push((up, down));
}

fn drop_column(table: &Table, column: &Column, changes: &mut Changes) {
    let name = ident(&table.name);
    let reason = format!(
        "dropping column `{}.{}` loses its data",
        table.name, column.name
    );
    let up = changes.flag(
        "drop-column",
        reason,
        &format!("ALTER TABLE {name} DROP COLUMN {};", ident(&column.name)),
    );
    let down = format!(
        "ALTER TABLE {name} ADD COLUMN {};",
        column_definition(column)
    );
    changes.main.alter_columns.push((up, down));
}

/// A note for each dropped column an added one could be a rename of.
fn propose_column_renames(
    table: &Table,
    dropped: &[&Column],
    added: &[&Column],
    notes: &mut Vec<String>,
) {
    let name = ident(&table.name);
    for gone in dropped {
        for candidate in added {
            if gone.sql_type == candidate.sql_type && gone.nullable == candidate.nullable {
                notes.push(format!(
                    "column `{}.{}` is dropped and `{}` added with the same type; if this is a rename, replace both with `ALTER TABLE {name} RENAME COLUMN {} TO {};`",
                    table.name, gone.name, candidate.name, ident(&gone.name), ident(&candidate.name)
                ));
            }
        }
    }
}

/// Indexes: on an existing table, built and dropped CONCURRENTLY, one
/// migration each.
fn diff_indexes(old: &Table, new: &Table, concurrent: &mut Vec<Phase>) {
    let old_indexes: BTreeMap<&str, &Index> = old.indexes.iter().map(|i| (&*i.name, i)).collect();
    let new_indexes: BTreeMap<&str, &Index> = new.indexes.iter().map(|i| (&*i.name, i)).collect();
    for (name, index) in &old_indexes {
        let kept = new_indexes
            .get(name)
            .is_some_and(|new_index| new_index == index);
        if !kept {
            concurrent.push(drop_index_phase(old, name, index));
        }
    }
    for (name, index) in &new_indexes {
        let kept = old_indexes
            .get(name)
            .is_some_and(|old_index| old_index == index);
        if !kept {
            concurrent.push(create_index_phase(new, name, index));
        }
    }
}

fn drop_index_phase(table: &Table, name: &str, index: &Index) -> Phase {
    Phase {
        suffix: format!("drop_index_{name}"),
        transactional: false,
        up: format!("DROP INDEX CONCURRENTLY IF EXISTS {};\n", ident(name)),
        down: format!("{}\n", create_index_concurrently(table, index)),
    }
}

fn create_index_phase(table: &Table, name: &str, index: &Index) -> Phase {
    Phase {
        suffix: format!("index_{name}"),
        transactional: false,
        up: format!("{}\n", create_index_concurrently(table, index)),
        down: format!("DROP INDEX CONCURRENTLY IF EXISTS {};\n", ident(name)),
    }
}

/// Unique constraints live inside the table.
fn diff_unique_constraints(old: &Table, new: &Table, main: &mut Main) {
    for unique in old.unique_constraints.iter() {
        if !new.unique_constraints.contains(unique) {
            main.drop_constraints.push((
                drop_constraint(&new.name, &unique.name),
                add_unique(new, unique),
            ));
        }
    }
    for unique in new.unique_constraints.iter() {
        if !old.unique_constraints.contains(unique) {
            main.add_constraints.push((
                add_unique(new, unique),
                drop_constraint(&new.name, &unique.name),
            ));
        }
    }
}

fn add_unique(table: &Table, unique: &UniqueConstraint) -> String {
    format!(
        "ALTER TABLE {} ADD CONSTRAINT {} UNIQUE ({});",
        ident(&table.name),
        ident(&unique.name),
        idents(&unique.columns)
    )
}

/// The primary key, replaced whole when it changes.
fn diff_primary_key(old: &Table, new: &Table, main: &mut Main) {
    if old.primary_key == new.primary_key {
        return;
    }
    main.drop_constraints.push((
        drop_constraint(&new.name, &old.primary_key.name),
        add_primary_key(new, &old.primary_key),
    ));
    main.add_constraints.push((
        add_primary_key(new, &new.primary_key),
        drop_constraint(&new.name, &new.primary_key.name),
    ));
}

fn add_primary_key(table: &Table, key: &PrimaryKey) -> String {
    format!(
        "ALTER TABLE {} ADD CONSTRAINT {} PRIMARY KEY ({});",
        ident(&table.name),
        ident(&key.name),
        idents(&key.columns)
    )
}

fn diff_foreign_keys(old: &Table, new: &Table, main: &mut Main) {
    for relation in foreign_keys(old) {
        if !new.relations.contains(relation) {
            main.drop_foreign_keys.push((
                drop_foreign_key(&new.name, relation),
                add_foreign_key(old, relation),
            ));
        }
    }
    for relation in foreign_keys(new) {
        if !old.relations.contains(relation) {
            main.add_foreign_keys.push((
                add_foreign_key(new, relation),
                drop_foreign_key(&new.name, relation),
            ));
        }
    }
}

/// The relations that are real `FOREIGN KEY` constraints.
fn foreign_keys(table: &Table) -> impl Iterator<Item = &Relation> {
    table.relations.iter().filter(|r| r.foreign_key.is_some())
}

fn drop_foreign_key(table: &str, relation: &Relation) -> String {
    drop_constraint(table, relation.foreign_key.as_deref().unwrap_or_default())
}

fn drop_constraint(table: &str, name: &str) -> String {
    format!(
        "ALTER TABLE {} DROP CONSTRAINT {};",
        ident(table),
        ident(name)
    )
}

fn idents(names: &[Text]) -> String {
    names
        .iter()
        .map(|name| ident(name))
        .collect::<Vec<_>>()
        .join(", ")
}
