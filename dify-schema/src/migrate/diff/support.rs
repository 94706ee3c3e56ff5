//! What the tables need around them: the extensions, functions and
//! sequences their defaults use, row-level security's support, and each
//! table's policies and grants.

use std::collections::BTreeMap;

use super::phase::Main;
use crate::render::postgres::{
    create_sequence, ident, own_sequence, required_extensions, required_functions,
    required_sequences,
};
use crate::schema::{Schema, Table};

/// Extensions a new default needs.
pub(super) fn diff_extensions(old: &Schema, new: &Schema, main: &mut Main) {
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
}

/// Functions a new default needs, before any table names them, and those
/// no default needs any more.
pub(super) fn diff_functions(old: &Schema, new: &Schema, main: &mut Main) {
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
}

/// Sequences a new default draws from, the columns that own them, and
/// those no default draws from any more.
pub(super) fn diff_sequences(old: &Schema, new: &Schema, main: &mut Main) {
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
}

/// Row-level security's support functions and keys.
pub(super) fn diff_security_support(old: &Schema, new: &Schema, main: &mut Main) {
    let old_support = crate::rls::support_for(old);
    let new_support = crate::rls::support_for(new);
    if old_support != new_support {
        let undo = || crate::rls::DROP_SUPPORT_SQL.to_owned();
        main.security_support.push((
            new_support.unwrap_or_else(undo),
            old_support.unwrap_or_else(undo),
        ));
    }
}

/// Each table's policies and grants, replaced where they change.
pub(super) fn diff_table_security(
    old: &Schema,
    new: &Schema,
    old_tables: &BTreeMap<&str, &Table>,
    new_tables: &BTreeMap<&str, &Table>,
    main: &mut Main,
) {
    for (name, table) in new_tables {
        let security = crate::rls::security_for(new, table);
        match old_tables.get(name) {
            None if security.is_empty() => {}
            None => main.table_security.push((security, String::new())),
            Some(previous) => {
                let before = crate::rls::security_for(old, previous);
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
    }
}
