//! The Diesel `table!` definitions of a schema: what `dify-db print-schema`
//! prints, in the shape `diesel print-schema` gives, so the two can be
//! compared.

use std::fmt::Write;

use crate::schema::{Schema, SqlType, Table};

/// Every table, sorted by name, then the joins of the declared relations.
pub fn print_schema(schema: &Schema) -> String {
    let mut out = String::new();
    for table in schema.sorted_tables() {
        out.push_str(&table_macro(table));
        out.push('\n');
    }
    let mut joins: Vec<String> = schema
        .sorted_tables()
        .into_iter()
        .flat_map(|table| {
            table
                .relations
                .iter()
                .filter(|r| r.parent_table != table.name)
                .map(move |relation| {
                    format!(
                        "diesel::joinable!({} -> {} ({}));",
                        table.name, relation.parent_table, relation.column
                    )
                })
        })
        .collect();
    joins.sort();
    joins.dedup();
    for join in joins {
        out.push_str(&join);
        out.push('\n');
    }
    out
}

/// One `diesel::table!`.
pub fn table_macro(table: &Table) -> String {
    let key = table.primary_key.columns.join(", ");
    let mut out = format!("diesel::table! {{\n    {} ({key}) {{\n", table.name);
    for column in table.columns {
        let mut ty = diesel_type(column.sql_type).to_owned();
        if column.nullable {
            ty = format!("Nullable<{ty}>");
        }
        if let SqlType::Varchar(Some(length)) = column.sql_type {
            writeln!(out, "        #[max_length = {length}]").unwrap();
        }
        writeln!(out, "        {} -> {ty},", column_ident(column.name)).unwrap();
    }
    out.push_str("    }\n}\n");
    out
}

/// Diesel's name for a SQL type, as `diesel print-schema` writes it.
pub fn diesel_type(sql_type: SqlType) -> &'static str {
    match sql_type {
        SqlType::Uuid => "Uuid",
        SqlType::Varchar(_) => "Varchar",
        SqlType::Text => "Text",
        SqlType::Json => "Json",
        SqlType::Jsonb => "Jsonb",
        SqlType::Timestamp => "Timestamp",
        SqlType::Integer => "Int4",
        SqlType::BigInt => "Int8",
        SqlType::Boolean => "Bool",
        SqlType::Float => "Float8",
        SqlType::Numeric(_) => "Numeric",
        SqlType::Bytea => "Bytea",
    }
}

/// A column name as a Rust identifier (`type` becomes `type_`, as Diesel does).
fn column_ident(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
        "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
        "where", "while", "async", "await", "dyn",
    ];
    if KEYWORDS.contains(&name) {
        format!("#[sql_name = \"{name}\"]\n        {name}_")
    } else {
        name.to_owned()
    }
}
