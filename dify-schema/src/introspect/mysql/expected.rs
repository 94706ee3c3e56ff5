//! The catalogue the declarations should give on MariaDB: the IR rendered
//! for MySQL ([`crate::render::mysql`]) and spelled as `information_schema`
//! prints it, so that a live catalogue compares with it value by value.

use super::{
    MysqlCatalogue, MysqlColumnInfo, MysqlForeignKey, MysqlIndexInfo, MysqlKeyPart, MysqlTable,
};
use crate::render::mysql::{
    auto_increment, built_indexes, column_type, effective_default, foreign_key_name, foreign_keys,
    unique_name,
};
use crate::schema::{Column, Default, Schema, SqlType, Table};

/// The collation MariaDB gives a json column (an alias of `longtext`).
const JSON_COLLATION: &str = "utf8mb4_bin";

/// The catalogue the declarations give once rendered for MySQL.
pub fn expected(schema: &Schema) -> MysqlCatalogue {
    MysqlCatalogue {
        tables: schema
            .tables()
            .map(|table| (table.name.to_string(), expected_table(table)))
            .collect(),
    }
}

fn expected_table(table: &Table) -> MysqlTable {
    let mut out = MysqlTable {
        engine: "InnoDB".into(),
        collation: "utf8mb4_general_ci".into(),
        ..MysqlTable::default()
    };
    for column in table.columns.iter() {
        out.columns.push(expected_column(column));
        if column.sql_type.is_json() && column.mysql.sql_type.is_none() {
            // MariaDB's json: a check it adds itself, named after the column.
            out.checks.insert(
                column.name.to_string(),
                format!("json_valid(`{}`)", column.name),
            );
        }
    }
    let part = |column: &str| MysqlKeyPart {
        column: column.to_owned(),
        prefix: None,
        descending: false,
    };
    out.indexes.insert(
        "PRIMARY".into(),
        MysqlIndexInfo {
            unique: true,
            columns: table.primary_key.columns.iter().map(|c| part(c)).collect(),
        },
    );
    for unique in table.unique_constraints.iter() {
        out.indexes.insert(
            unique_name(unique).to_owned(),
            MysqlIndexInfo {
                unique: true,
                columns: unique.columns.iter().map(|c| part(c)).collect(),
            },
        );
    }
    for index in built_indexes(table) {
        let columns = index
            .columns
            .iter()
            .map(|column| MysqlKeyPart {
                column: column.name.to_string(),
                prefix: index.mysql.prefix(&column.name).map(u32::from),
                descending: column.descending,
            })
            .collect();
        out.indexes.insert(
            index.name.to_string(),
            MysqlIndexInfo {
                unique: index.unique,
                columns,
            },
        );
    }
    for relation in foreign_keys(table) {
        let name = foreign_key_name(relation).to_owned();
        // InnoDB indexes a foreign key's column, under the constraint's
        // name, unless an index already starts with it.
        let indexed = out.indexes.values().any(|index| {
            index.columns.first().map(|c| c.column.as_str()) == Some(&relation.column)
        });
        if !indexed {
            out.indexes.insert(
                name.clone(),
                MysqlIndexInfo {
                    unique: false,
                    columns: vec![part(&relation.column)],
                },
            );
        }
        out.foreign_keys.insert(
            name,
            MysqlForeignKey {
                columns: vec![relation.column.to_string()],
                referenced_table: relation.parent_table.to_string(),
                referenced_columns: vec!["id".into()],
                on_delete: relation
                    .on_delete
                    .as_deref()
                    .unwrap_or("RESTRICT")
                    .to_owned(),
                on_update: "RESTRICT".into(),
            },
        );
    }
    out
}

fn expected_column(column: &Column) -> MysqlColumnInfo {
    let generated = column.mysql.generated.is_some();
    let mut column_type = column_type(column);
    let mut collation = None;
    if column_type == "json" {
        column_type = "longtext".into();
        collation = Some(JSON_COLLATION.to_owned());
    }
    // MariaDB prints the display widths of integer types.
    if column_type == "int" {
        column_type = "int(11)".into();
    } else if column_type == "bigint" {
        column_type = "bigint(20)".into();
    }
    let nullable = column.nullable || generated;
    let default = match effective_default(column) {
        Some(default) => Some(printed_default(column, default)),
        None if nullable => Some("NULL".into()),
        None => None,
    };
    let extra = if generated {
        "VIRTUAL GENERATED"
    } else if auto_increment(column) {
        "auto_increment"
    } else {
        ""
    };
    MysqlColumnInfo {
        name: column.name.to_string(),
        column_type,
        nullable,
        default,
        extra: extra.into(),
        collation,
        generation: column.mysql.generated.as_ref().map(|e| e.to_string()),
    }
}

/// A default as `COLUMN_DEFAULT` prints it on MariaDB.
fn printed_default(column: &Column, default: &Default) -> String {
    let scale = match column.sql_type {
        SqlType::Numeric(Some((_, scale))) => Some(usize::from(scale)),
        SqlType::Numeric(None) => Some(0),
        _ => None,
    };
    match default {
        Default::Str(value) => format!("'{}'", value.replace('\'', "''")),
        Default::Int(value) => match scale {
            Some(scale) => with_scale(&value.to_string(), scale),
            None => value.to_string(),
        },
        Default::Decimal(value) => match scale {
            Some(scale) => with_scale(value, scale),
            None => value.to_string(),
        },
        Default::Bool(value) => u8::from(*value).to_string(),
        Default::Function(_) => "current_timestamp()".into(),
        Default::Sql(sql) => sql.to_string(),
        Default::Sequence { .. } => "NULL".into(),
    }
}

/// A decimal literal with exactly `scale` digits after the point, as
/// MariaDB prints a `decimal(p,s)` default (`0.001` → `0.0010000`).
fn with_scale(value: &str, scale: usize) -> String {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if scale == 0 {
        return whole.to_owned();
    }
    let mut fraction: String = fraction.chars().take(scale).collect();
    while fraction.len() < scale {
        fraction.push('0');
    }
    format!("{whole}.{fraction}")
}

#[cfg(test)]
mod tests {
    use super::with_scale;

    #[test]
    fn decimal_defaults_are_printed_to_their_scale() {
        assert_eq!(with_scale("0.001", 7), "0.0010000");
        assert_eq!(with_scale("0", 4), "0.0000");
        assert_eq!(with_scale("12.5", 0), "12");
    }
}
