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

mod changes;
mod column;
mod phase;
mod support;
mod table;

use std::collections::BTreeMap;

use crate::schema::{Schema, Table};

pub use changes::{unacknowledged, Diff, UNSAFE_MARKER};
pub use phase::{Phase, LOCK_TIMEOUT};

use changes::Changes;

/// What changes from `old` to `new`.
pub fn diff(old: &Schema, new: &Schema) -> Diff {
    // PostgreSQL's diff: a MySQL option is not a PostgreSQL change.
    let (old, new) = (&old.without_mysql(), &new.without_mysql());
    let mut changes = Changes::default();
    support::diff_extensions(old, new, &mut changes.main);
    support::diff_functions(old, new, &mut changes.main);
    support::diff_sequences(old, new, &mut changes.main);
    support::diff_security_support(old, new, &mut changes.main);

    let old_tables: BTreeMap<&str, &Table> = old.tables().map(|t| (&*t.name, t)).collect();
    let new_tables: BTreeMap<&str, &Table> = new.tables().map(|t| (&*t.name, t)).collect();
    support::diff_table_security(old, new, &old_tables, &new_tables, &mut changes.main);
    for (name, table) in &new_tables {
        match old_tables.get(name) {
            None => table::added_table(table, &mut changes),
            Some(previous) => table::diff_table(previous, table, &mut changes),
        }
    }
    let added: Vec<&Table> = new_tables
        .iter()
        .filter(|(name, _)| !old_tables.contains_key(*name))
        .map(|(_, table)| *table)
        .collect();
    for (name, table) in &old_tables {
        if !new_tables.contains_key(name) {
            table::dropped_table(table, &added, &mut changes);
        }
    }
    changes.into_diff()
}
