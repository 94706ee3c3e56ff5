//! A column both schemas have: its type, default, nullability and enum
//! values.

use super::changes::{Changes, UNSAFE_MARKER};
use crate::render::postgres::{column_type, default_expression, ident};
use crate::schema::{Column, SqlType, Table};

pub(super) fn diff_column(table: &Table, old: &Column, new: &Column, changes: &mut Changes) {
    diff_type(table, old, new, changes);
    diff_default(table, old, new, changes);
    diff_nullability(table, old, new, changes);
    diff_enum_values(table, old, new, changes);
}

/// A type change, flagged unless it only widens.
fn diff_type(table: &Table, old: &Column, new: &Column, changes: &mut Changes) {
    if old.sql_type == new.sql_type {
        return;
    }
    let up = alter_type(table, new);
    let down = alter_type(table, old);
    if widens(old.sql_type, new.sql_type) {
        changes.main.alter_columns.push((up, down));
    } else {
        let reason = format!(
            "changing `{}.{}` from {} to {} may fail on existing values or lose precision, and rewrites the table",
            table.name,
            new.name,
            column_type(old.sql_type),
            column_type(new.sql_type)
        );
        let up = changes.flag("change-type", reason, &up);
        changes.main.alter_columns.push((up, down));
    }
}

/// `ALTER COLUMN ... TYPE` to `column`'s type.
fn alter_type(table: &Table, column: &Column) -> String {
    let name = ident(&table.name);
    let sql_type = column_type(column.sql_type);
    format!(
        "ALTER TABLE {name} ALTER COLUMN {0} TYPE {sql_type} USING {0}::{sql_type};",
        ident(&column.name)
    )
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

fn diff_default(table: &Table, old: &Column, new: &Column, changes: &mut Changes) {
    if old.default == new.default {
        return;
    }
    let name = ident(&table.name);
    let column = ident(&new.name);
    let set = |default: &Option<crate::schema::Default>| match default {
        Some(default) => format!(
            "ALTER TABLE {name} ALTER COLUMN {column} SET DEFAULT {};",
            default_expression(default)
        ),
        None => format!("ALTER TABLE {name} ALTER COLUMN {column} DROP DEFAULT;"),
    };
    changes
        .main
        .alter_columns
        .push((set(&new.default), set(&old.default)));
}

fn diff_nullability(table: &Table, old: &Column, new: &Column, changes: &mut Changes) {
    let name = ident(&table.name);
    let column = ident(&new.name);
    if old.nullable && !new.nullable {
        // Safe steps: a NOT VALID check now, validated (without an
        // exclusive lock) and turned into NOT NULL in the next migration.
        let check = ident(&format!("{}_{}_not_null", table.name, new.name));
        changes.main.add_constraints.push((
            format!(
                "ALTER TABLE {name} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID;"
            ),
            format!("ALTER TABLE {name} DROP CONSTRAINT IF EXISTS {check};"),
        ));
        changes.validate.push((
            format!(
                "ALTER TABLE {name} VALIDATE CONSTRAINT {check};\nALTER TABLE {name} ALTER COLUMN {column} SET NOT NULL;\nALTER TABLE {name} DROP CONSTRAINT {check};"
            ),
            format!(
                "ALTER TABLE {name} ALTER COLUMN {column} DROP NOT NULL;\nALTER TABLE {name} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID;"
            ),
        ));
    } else if !old.nullable && new.nullable {
        changes.main.alter_columns.push((
            format!("ALTER TABLE {name} ALTER COLUMN {column} DROP NOT NULL;"),
            format!("ALTER TABLE {name} ALTER COLUMN {column} SET NOT NULL;"),
        ));
    }
}

/// A string enum is stored as varchar: a new value needs no DDL, a removed
/// one is flagged.
fn diff_enum_values(table: &Table, old: &Column, new: &Column, changes: &mut Changes) {
    let (Some(old_enum), Some(new_enum)) = (&old.string_enum, &new.string_enum) else {
        return;
    };
    for value in new_enum
        .values
        .iter()
        .filter(|v| !old_enum.values.contains(v))
    {
        changes.main.comments.push(format!(
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
        changes.main.comments.push(format!("{UNSAFE_MARKER}remove-enum-value): {reason}. Migrate those rows, then change UNSAFE to ACKNOWLEDGED."));
        changes.unsafe_operations.push(reason);
    }
}
