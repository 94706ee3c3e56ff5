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
    // (child, parent, column) of every relation to another table.
    let mut relations: Vec<(&str, &str, &str)> = schema
        .sorted_tables()
        .into_iter()
        .flat_map(|table| {
            table
                .relations
                .iter()
                .filter(|relation| relation.parent_table != table.name)
                .map(move |relation| (&*table.name, &*relation.parent_table, &*relation.column))
        })
        .collect();
    relations.sort();
    relations.dedup();
    // `joinable!(a -> b)` implements the join both ways, so two relations
    // between the same pair (two columns, or one each way) would implement
    // it twice and not compile (E0119). Diesel CLI leaves such pairs out;
    // so does this, saying so.
    let pair = |a: &str, b: &str| {
        if a < b {
            (a.to_owned(), b.to_owned())
        } else {
            (b.to_owned(), a.to_owned())
        }
    };
    let mut per_pair = std::collections::BTreeMap::new();
    for (child, parent, _) in &relations {
        *per_pair.entry(pair(child, parent)).or_insert(0) += 1;
    }
    for (child, parent, column) in relations {
        let join = format!("diesel::joinable!({child} -> {parent} ({column}));");
        if per_pair[&pair(child, parent)] > 1 {
            writeln!(
                out,
                "// {join} left out: {child} and {parent} are related more than once; join them with an explicit ON"
            )
            .unwrap();
        } else {
            out.push_str(&join);
            out.push('\n');
        }
    }
    out
}

/// One `diesel::table!`.
pub fn table_macro(table: &Table) -> String {
    let key = table.primary_key.columns.join(", ");
    let mut out = format!("diesel::table! {{\n    {} ({key}) {{\n", table.name);
    for column in table.columns.iter() {
        let mut ty = diesel_type(column.sql_type).to_owned();
        if column.nullable {
            ty = format!("Nullable<{ty}>");
        }
        if let SqlType::Varchar(Some(length)) = column.sql_type {
            writeln!(out, "        #[max_length = {length}]").unwrap();
        }
        writeln!(out, "        {} -> {ty},", column_ident(&column.name)).unwrap();
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
        SqlType::Timestamptz => "Timestamptz",
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
