//! The difference between two schemas, as migration SQL in both directions.
//!
//! Safe by construction where PostgreSQL allows it:
//! * an index on an existing table is built `CONCURRENTLY`, each in a
//!   migration of its own that runs outside a transaction (PostgreSQL
//!   refuses `CONCURRENTLY` inside one, and runs a multi-statement script
//!   as one), and `IF NOT EXISTS`, so that a migration that failed can be
//!   run again (the runner first drops an index a failed build left
//!   INVALID);
//! * `NOT NULL` on an existing column goes through a `CHECK ... NOT VALID`
//!   constraint, validated in a later migration, so the long scan holds no
//!   exclusive lock;
//! * every transactional migration starts with `SET LOCAL lock_timeout`.
//!
//! What cannot be made safe (dropping a table or a column, narrowing a type,
//! a NOT NULL column without a default, dropping an enum value) is written
//! with an `-- UNSAFE(kind): ...` line above it, which `lint` refuses until
//! the author changes `UNSAFE` to `ACKNOWLEDGED`. A rename is never guessed:
//! a drop plus an add that look like one get a note proposing the rename.

use std::collections::BTreeMap;

use crate::render::postgres::{
    add_foreign_key, column_definition, column_type, create_index, create_index_concurrently,
    create_sequence, create_table, default_expression, ident, own_sequence, required_extensions,
    required_functions, required_sequences, sorted_indexes,
};
use crate::schema::{Column, Index, Schema, SqlType, Table, Text};

/// How long a migration waits for a lock before giving up, rather than
/// queueing every other query behind it.
pub const LOCK_TIMEOUT: &str = "10s";

/// The marker a statement that loses data or may fail carries until the
/// author acknowledges it.
pub const UNSAFE_MARKER: &str = "-- UNSAFE(";

/// A migration to write: SQL both ways and whether it runs in a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    /// Appended to the migration's name (`""`, `"validate"`, `"index_foo"`).
    pub suffix: String,
    pub transactional: bool,
    pub up: String,
    pub down: String,
}

/// Everything `diff` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// The migrations, in the order they must run.
    pub phases: Vec<Phase>,
    /// Proposals and observations for the author (possible renames, enum changes).
    pub notes: Vec<String>,
    /// The unsafe operations, one line each.
    pub unsafe_operations: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.phases.is_empty()
    }
}

/// Statements of the main (transactional) migration, kept in buckets so
/// that dependent statements run in a working order.
#[derive(Default)]
struct Main {
    /// Row-level security's functions and keys, before any policy names them.
    security_support: Vec<(String, String)>,
    /// Functions a default calls, before any column names them.
    create_functions: Vec<(String, String)>,
    /// Sequences a default draws from, before any column names them.
    create_sequences: Vec<(String, String)>,
    drop_foreign_keys: Vec<(String, String)>,
    drop_constraints: Vec<(String, String)>,
    drop_tables: Vec<(String, String)>,
    create_tables: Vec<(String, String)>,
    alter_columns: Vec<(String, String)>,
    add_constraints: Vec<(String, String)>,
    add_foreign_keys: Vec<(String, String)>,
    /// `ALTER SEQUENCE ... OWNED BY`, once the owning column exists.
    own_sequences: Vec<(String, String)>,
    /// Functions and sequences no default needs any more, last.
    drop_functions: Vec<(String, String)>,
    /// Policies and grants, after every table they name exists.
    table_security: Vec<(String, String)>,
    comments: Vec<String>,
}

/// What changes from `old` to `new`.
pub fn diff(old: &Schema, new: &Schema) -> Diff {
    let mut out = Diff::default();
    let mut main = Main::default();
    let mut validate: Vec<(String, String)> = Vec::new();
    let mut concurrent: Vec<Phase> = Vec::new();

    let old_tables: BTreeMap<&str, &Table> = old.tables().map(|t| (&*t.name, t)).collect();
    let new_tables: BTreeMap<&str, &Table> = new.tables().map(|t| (&*t.name, t)).collect();

    // Extensions a new default needs.
    let old_extensions = required_extensions(old.tables());
    for extension in required_extensions(new.tables()) {
        if !old_extensions.contains(&extension) {
            main.create_tables.insert(
                0,
                (
                    format!("CREATE EXTENSION IF NOT EXISTS \"{extension}\";"),
                    String::new(),
                ),
            );
        }
    }

    // Functions and sequences a new default needs, before any table names them.
    let old_functions: Vec<&str> = required_functions(old.tables())
        .iter()
        .map(|f| f.name)
        .collect();
    let new_functions = required_functions(new.tables());
    for function in new_functions
        .iter()
        .filter(|f| !old_functions.contains(&f.name))
    {
        main.create_functions
            .push((function.create.to_owned(), function.drop.to_owned()));
    }
    let new_function_names: Vec<&str> = new_functions.iter().map(|f| f.name).collect();
    for function in required_functions(old.tables()) {
        if !new_function_names.contains(&function.name) {
            main.drop_functions
                .push((function.drop.to_owned(), function.create.to_owned()));
        }
    }
    let old_sequences = required_sequences(old.tables());
    let new_sequences = required_sequences(new.tables());
    for sequence in &new_sequences {
        match old_sequences.iter().find(|old| old.name == sequence.name) {
            None => {
                main.create_sequences.push((
                    create_sequence(sequence),
                    format!("DROP SEQUENCE IF EXISTS {};", ident(&sequence.name)),
                ));
                if sequence.owned_by.is_some() {
                    main.own_sequences
                        .push((own_sequence(sequence), String::new()));
                }
            }
            Some(old) if old.owned_by != sequence.owned_by && sequence.owned_by.is_some() => {
                main.own_sequences
                    .push((own_sequence(sequence), String::new()));
            }
            Some(_) => {}
        }
    }
    for sequence in &old_sequences {
        if !new_sequences.iter().any(|new| new.name == sequence.name) {
            main.drop_functions.push((
                format!("DROP SEQUENCE IF EXISTS {};", ident(&sequence.name)),
                create_sequence(sequence),
            ));
        }
    }

    let old_support = old.security_support();
    let new_support = new.security_support();
    if old_support != new_support {
        let undo = || crate::rls::DROP_SUPPORT_SQL.to_owned();
        main.security_support.push((
            new_support.unwrap_or_else(undo),
            old_support.unwrap_or_else(undo),
        ));
    }

    for (name, table) in &new_tables {
        let security = new.table_security(table);
        match old_tables.get(name) {
            None if security.is_empty() => {}
            None => main.table_security.push((security, String::new())),
            Some(previous) => {
                let before = old.table_security(previous);
                if before != security {
                    let revoke_before = if before.is_empty() {
                        String::new()
                    } else {
                        crate::rls::drop_table_security(old, previous)
                    };
                    let revoke_after = if security.is_empty() {
                        String::new()
                    } else {
                        crate::rls::drop_table_security(new, table)
                    };
                    main.table_security
                        .push((revoke_before + &security, revoke_after + &before));
                }
            }
        }
        let Some(previous) = old_tables.get(name) else {
            // A new table is empty: its indexes need no CONCURRENTLY.
            let mut up = create_table(table);
            for index in sorted_indexes(table) {
                up.push('\n');
                up.push_str(&create_index(table, index));
            }
            main.create_tables
                .push((up, format!("DROP TABLE {};", ident(name))));
            for relation in table.relations.iter().filter(|r| r.foreign_key.is_some()) {
                main.add_foreign_keys.push((
                    add_foreign_key(table, relation),
                    drop_constraint(name, relation.foreign_key.as_deref().unwrap_or_default()),
                ));
            }
            continue;
        };
        diff_table(
            previous,
            table,
            &mut out,
            &mut main,
            &mut validate,
            &mut concurrent,
        );
    }

    for (name, table) in &old_tables {
        if new_tables.contains_key(name) {
            continue;
        }
        let mut down = create_table(table);
        for index in sorted_indexes(table) {
            down.push('\n');
            down.push_str(&create_index(table, index));
        }
        let reason = format!("dropping table `{name}` loses every row it holds");
        out.unsafe_operations.push(reason.clone());
        for relation in table.relations.iter().filter(|r| r.foreign_key.is_some()) {
            main.drop_foreign_keys.push((
                drop_constraint(name, relation.foreign_key.as_deref().unwrap_or_default()),
                add_foreign_key(table, relation),
            ));
        }
        main.drop_tables.push((
            unsafe_statement(
                "drop-table",
                &reason,
                &format!("DROP TABLE {};", ident(name)),
            ),
            down,
        ));
        if let Some(renamed) = new_tables.values().find(|candidate| {
            !old_tables.contains_key(&*candidate.name) && same_columns(table, candidate)
        }) {
            out.notes.push(format!(
                "table `{name}` is dropped and `{}` added with the same columns; if this is a rename, replace both with `ALTER TABLE {} RENAME TO {};`",
                renamed.name,
                ident(name),
                ident(&renamed.name)
            ));
        }
    }

    if let Some(phase) = main.into_phase(&out.notes) {
        out.phases.push(phase);
    }
    if !validate.is_empty() {
        out.phases.push(transactional_phase("validate", validate));
    }
    out.phases.extend(concurrent);
    out
}

fn diff_table(
    old: &Table,
    new: &Table,
    out: &mut Diff,
    main: &mut Main,
    validate: &mut Vec<(String, String)>,
    concurrent: &mut Vec<Phase>,
) {
    let table = ident(&new.name);
    let mut added: Vec<&Column> = Vec::new();
    let mut dropped: Vec<&Column> = Vec::new();

    for column in new.columns.iter() {
        let Some(previous) = old.column(&column.name) else {
            added.push(column);
            let down = format!("ALTER TABLE {table} DROP COLUMN {};", ident(&column.name));
            let up = format!(
                "ALTER TABLE {table} ADD COLUMN {};",
                column_definition(column)
            );
            if !column.nullable && column.default.is_none() {
                let reason = format!(
                    "adding NOT NULL column `{}.{}` without a default fails if the table has rows; give it a default, or add it nullable, backfill, then make it NOT NULL",
                    new.name, column.name
                );
                out.unsafe_operations.push(reason.clone());
                main.alter_columns.push((
                    unsafe_statement("not-null-without-default", &reason, &up),
                    down,
                ));
            } else {
                main.alter_columns.push((up, down));
            }
            continue;
        };
        diff_column(new, previous, column, out, main, validate);
    }
    for column in old.columns.iter() {
        if new.column(&column.name).is_some() {
            continue;
        }
        dropped.push(column);
        let reason = format!(
            "dropping column `{}.{}` loses its data",
            old.name, column.name
        );
        out.unsafe_operations.push(reason.clone());
        main.alter_columns.push((
            unsafe_statement(
                "drop-column",
                &reason,
                &format!("ALTER TABLE {table} DROP COLUMN {};", ident(&column.name)),
            ),
            format!(
                "ALTER TABLE {table} ADD COLUMN {};",
                column_definition(column)
            ),
        ));
    }
    for gone in &dropped {
        for candidate in &added {
            if gone.sql_type == candidate.sql_type && gone.nullable == candidate.nullable {
                out.notes.push(format!(
                    "column `{}.{}` is dropped and `{}` added with the same type; if this is a rename, replace both with `ALTER TABLE {table} RENAME COLUMN {} TO {};`",
                    new.name, gone.name, candidate.name, ident(&gone.name), ident(&candidate.name)
                ));
            }
        }
    }

    // Indexes: on an existing table, built and dropped CONCURRENTLY, one
    // migration each.
    let old_indexes: BTreeMap<&str, &Index> = old.indexes.iter().map(|i| (&*i.name, i)).collect();
    let new_indexes: BTreeMap<&str, &Index> = new.indexes.iter().map(|i| (&*i.name, i)).collect();
    for (name, index) in &old_indexes {
        let kept = new_indexes
            .get(name)
            .is_some_and(|new_index| new_index == index);
        if !kept {
            concurrent.push(Phase {
                suffix: format!("drop_index_{name}"),
                transactional: false,
                up: format!("DROP INDEX CONCURRENTLY IF EXISTS {};\n", ident(name)),
                down: format!("{}\n", create_index_concurrently(old, index)),
            });
        }
    }
    for (name, index) in &new_indexes {
        let kept = old_indexes
            .get(name)
            .is_some_and(|old_index| old_index == index);
        if !kept {
            concurrent.push(Phase {
                suffix: format!("index_{name}"),
                transactional: false,
                up: format!("{}\n", create_index_concurrently(new, index)),
                down: format!("DROP INDEX CONCURRENTLY IF EXISTS {};\n", ident(name)),
            });
        }
    }

    // Unique constraints and the primary key live inside the table.
    for unique in old.unique_constraints.iter() {
        if !new.unique_constraints.contains(unique) {
            main.drop_constraints.push((
                drop_constraint(&new.name, &unique.name),
                format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {} UNIQUE ({});",
                    ident(&unique.name),
                    idents(&unique.columns)
                ),
            ));
        }
    }
    for unique in new.unique_constraints.iter() {
        if !old.unique_constraints.contains(unique) {
            main.add_constraints.push((
                format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {} UNIQUE ({});",
                    ident(&unique.name),
                    idents(&unique.columns)
                ),
                drop_constraint(&new.name, &unique.name),
            ));
        }
    }
    if old.primary_key != new.primary_key {
        main.drop_constraints.push((
            drop_constraint(&new.name, &old.primary_key.name),
            format!(
                "ALTER TABLE {table} ADD CONSTRAINT {} PRIMARY KEY ({});",
                ident(&old.primary_key.name),
                idents(&old.primary_key.columns)
            ),
        ));
        main.add_constraints.push((
            format!(
                "ALTER TABLE {table} ADD CONSTRAINT {} PRIMARY KEY ({});",
                ident(&new.primary_key.name),
                idents(&new.primary_key.columns)
            ),
            drop_constraint(&new.name, &new.primary_key.name),
        ));
    }

    // Foreign keys.
    for relation in old.relations.iter().filter(|r| r.foreign_key.is_some()) {
        if !new.relations.contains(relation) {
            main.drop_foreign_keys.push((
                drop_constraint(
                    &new.name,
                    relation.foreign_key.as_deref().unwrap_or_default(),
                ),
                add_foreign_key(old, relation),
            ));
        }
    }
    for relation in new.relations.iter().filter(|r| r.foreign_key.is_some()) {
        if !old.relations.contains(relation) {
            main.add_foreign_keys.push((
                add_foreign_key(new, relation),
                drop_constraint(
                    &new.name,
                    relation.foreign_key.as_deref().unwrap_or_default(),
                ),
            ));
        }
    }
}

fn diff_column(
    table: &Table,
    old: &Column,
    new: &Column,
    out: &mut Diff,
    main: &mut Main,
    validate: &mut Vec<(String, String)>,
) {
    let name = ident(&table.name);
    let column = ident(&new.name);
    if old.sql_type != new.sql_type {
        let up = format!(
            "ALTER TABLE {name} ALTER COLUMN {column} TYPE {} USING {column}::{};",
            column_type(new.sql_type),
            column_type(new.sql_type)
        );
        let down = format!(
            "ALTER TABLE {name} ALTER COLUMN {column} TYPE {} USING {column}::{};",
            column_type(old.sql_type),
            column_type(old.sql_type)
        );
        if widens(old.sql_type, new.sql_type) {
            main.alter_columns.push((up, down));
        } else {
            let reason = format!(
                "changing `{}.{}` from {} to {} may fail on existing values or lose precision, and rewrites the table",
                table.name,
                new.name,
                column_type(old.sql_type),
                column_type(new.sql_type)
            );
            out.unsafe_operations.push(reason.clone());
            main.alter_columns
                .push((unsafe_statement("change-type", &reason, &up), down));
        }
    }
    if old.default != new.default {
        let set = |default: &Option<crate::schema::Default>| match default {
            Some(default) => format!(
                "ALTER TABLE {name} ALTER COLUMN {column} SET DEFAULT {};",
                default_expression(default)
            ),
            None => format!("ALTER TABLE {name} ALTER COLUMN {column} DROP DEFAULT;"),
        };
        main.alter_columns
            .push((set(&new.default), set(&old.default)));
    }
    if old.nullable && !new.nullable {
        // Safe steps: a NOT VALID check now, validated (without an
        // exclusive lock) and turned into NOT NULL in the next migration.
        let check = ident(&format!("{}_{}_not_null", table.name, new.name));
        main.add_constraints.push((
            format!(
                "ALTER TABLE {name} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID;"
            ),
            format!("ALTER TABLE {name} DROP CONSTRAINT IF EXISTS {check};"),
        ));
        validate.push((
            format!(
                "ALTER TABLE {name} VALIDATE CONSTRAINT {check};\nALTER TABLE {name} ALTER COLUMN {column} SET NOT NULL;\nALTER TABLE {name} DROP CONSTRAINT {check};"
            ),
            format!(
                "ALTER TABLE {name} ALTER COLUMN {column} DROP NOT NULL;\nALTER TABLE {name} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID;"
            ),
        ));
    } else if !old.nullable && new.nullable {
        main.alter_columns.push((
            format!("ALTER TABLE {name} ALTER COLUMN {column} DROP NOT NULL;"),
            format!("ALTER TABLE {name} ALTER COLUMN {column} SET NOT NULL;"),
        ));
    }
    if let (Some(old_enum), Some(new_enum)) = (&old.string_enum, &new.string_enum) {
        for value in new_enum
            .values
            .iter()
            .filter(|v| !old_enum.values.contains(v))
        {
            main.comments.push(format!(
                "-- `{}.{}` may now hold `{value}` ({}); stored as varchar, so no DDL.",
                table.name, new.name, new_enum.name
            ));
        }
        for value in old_enum
            .values
            .iter()
            .filter(|v| !new_enum.values.contains(v))
        {
            let reason = format!(
                "`{}` no longer has the value `{value}`; rows of `{}.{}` holding it will read as UnknownEnumValue",
                new_enum.name, table.name, new.name
            );
            out.unsafe_operations.push(reason.clone());
            main.comments.push(format!("{UNSAFE_MARKER}remove-enum-value): {reason}. Migrate those rows, then change UNSAFE to ACKNOWLEDGED."));
        }
    }
}

impl Main {
    fn into_phase(self, notes: &[String]) -> Option<Phase> {
        let statements: Vec<(String, String)> = [
            self.security_support,
            self.create_functions,
            self.create_sequences,
            self.drop_foreign_keys,
            self.drop_constraints,
            self.drop_tables,
            self.create_tables,
            self.alter_columns,
            self.add_constraints,
            self.add_foreign_keys,
            self.own_sequences,
            self.table_security,
            self.drop_functions,
        ]
        .into_iter()
        .flatten()
        .collect();
        if statements.is_empty() && self.comments.is_empty() {
            return None;
        }
        let mut phase = transactional_phase("", statements);
        let mut header: String = notes
            .iter()
            .map(|note| format!("-- NOTE: {note}\n"))
            .collect();
        for comment in &self.comments {
            header.push_str(comment);
            header.push('\n');
        }
        if !header.is_empty() {
            phase.up = insert_after_first_line(&phase.up, &header);
        }
        Some(phase)
    }
}

fn transactional_phase(suffix: &str, statements: Vec<(String, String)>) -> Phase {
    let mut up = format!("SET LOCAL lock_timeout = '{LOCK_TIMEOUT}';\n");
    let mut down = up.clone();
    for (statement, _) in &statements {
        up.push('\n');
        up.push_str(statement);
        up.push('\n');
    }
    for (_, revert) in statements.iter().rev() {
        if revert.is_empty() {
            continue;
        }
        down.push('\n');
        down.push_str(revert);
        down.push('\n');
    }
    Phase {
        suffix: suffix.into(),
        transactional: true,
        up,
        down,
    }
}

fn insert_after_first_line(text: &str, insert: &str) -> String {
    match text.find('\n') {
        Some(end) => format!("{}\n{insert}{}", &text[..end], &text[end + 1..]),
        None => format!("{text}\n{insert}"),
    }
}

fn unsafe_statement(kind: &str, reason: &str, statement: &str) -> String {
    format!("{UNSAFE_MARKER}{kind}): {reason}. Review, then change UNSAFE to ACKNOWLEDGED.\n{statement}")
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

/// Whether every value of `old` fits `new` unchanged.
fn widens(old: SqlType, new: SqlType) -> bool {
    match (old, new) {
        (SqlType::Varchar(Some(a)), SqlType::Varchar(Some(b))) => b >= a,
        (SqlType::Varchar(_), SqlType::Varchar(None) | SqlType::Text) => true,
        (SqlType::Integer, SqlType::BigInt) => true,
        (SqlType::Json, SqlType::Jsonb) => true,
        _ => false,
    }
}

fn same_columns(a: &Table, b: &Table) -> bool {
    a.columns.len() == b.columns.len()
        && a.columns.iter().all(|column| {
            b.column(&column.name).is_some_and(|other| {
                other.sql_type == column.sql_type && other.nullable == column.nullable
            })
        })
}

/// The unsafe statements of a migration's SQL that are not acknowledged yet.
pub fn unacknowledged(sql: &str) -> Vec<String> {
    sql.lines()
        .filter(|line| line.trim_start().starts_with(UNSAFE_MARKER))
        .map(|line| line.trim().to_owned())
        .collect()
}
