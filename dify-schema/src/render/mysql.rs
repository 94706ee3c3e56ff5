//! The MySQL renderer: the registered schema as DDL for MySQL and MariaDB,
//! following what Dify's own migrations build there (`DB_TYPE=mysql`,
//! `tests/reference/dify_upstream_mysql_catalogue.json`).
//!
//! The type mapping is Dify's: uuid → `char(36)`, text → `longtext` (or
//! the column's `mysql_type`), json and jsonb → `json`, timestamps →
//! `datetime`, boolean → `tinyint(1)`, double precision → `float`,
//! unbounded numeric → `decimal(10,0)`, unbounded varchar →
//! `varchar(255)`, bytea → `longblob`. Defaults follow it too: no uuid
//! default (the application fills ids), a sequence is `AUTO_INCREMENT`,
//! no default on a text or json column. Where it depends on the
//! declaration (a GIN or partial index, a prefix, a generated column's
//! expression), the declaration's MySQL options say what happens; the
//! macro refuses a declaration that leaves a gap.
//!
//! Keys are written inside `CREATE TABLE` (as `mariadb-dump` shows them),
//! foreign keys last, as `ALTER TABLE`, so table order never matters.
//! Output is deterministic: tables sorted by name, indexes by name.

pub use crate::quote::{mysql_ident as ident, mysql_string_literal as string_literal};

use crate::schema::{
    Column, Default, Index, MysqlBuild, Relation, Schema, ServerFunction, SqlType, Table,
    UniqueConstraint,
};

/// The table options of every table Dify creates on MySQL.
pub const TABLE_OPTIONS: &str = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci";

/// The whole schema as one script: tables with their keys, then foreign
/// keys. MySQL has no row-level security, so none is rendered.
pub fn create_schema(schema: &Schema) -> String {
    let tables = schema.sorted_tables();
    let mut statements: Vec<String> = tables.iter().map(|table| create_table(table)).collect();
    for table in &tables {
        for relation in foreign_keys(table) {
            statements.push(add_foreign_key(table, relation));
        }
    }
    statements.join("\n\n")
}

/// The statements that undo [`create_schema`]: foreign keys, then tables.
pub fn drop_schema(schema: &Schema) -> String {
    let tables = schema.sorted_tables();
    let mut statements = Vec::new();
    for table in &tables {
        for relation in foreign_keys(table) {
            statements.push(drop_foreign_key(table, relation));
        }
    }
    for table in tables.iter().rev() {
        statements.push(format!("DROP TABLE {};", ident(&table.name)));
    }
    statements.join("\n")
}

/// The relations MySQL constrains: those with a foreign key.
pub fn foreign_keys(table: &Table) -> impl Iterator<Item = &Relation> + '_ {
    table
        .relations
        .iter()
        .filter(|relation| relation.foreign_key.is_some())
}

/// `CREATE TABLE` with columns, the primary key, unique constraints and
/// the indexes MySQL builds.
pub fn create_table(table: &Table) -> String {
    let mut lines: Vec<String> = table
        .columns
        .iter()
        .map(|column| format!("  {}", column_definition(column)))
        .collect();
    lines.push(format!(
        "  PRIMARY KEY ({})",
        ident_list(table.primary_key.columns.iter().map(|c| &**c))
    ));
    for unique in table.unique_constraints.iter() {
        lines.push(format!("  {}", unique_key(unique)));
    }
    for index in built_indexes(table) {
        lines.push(format!("  {}", index_key(index)));
    }
    format!(
        "CREATE TABLE {} (\n{}\n) {TABLE_OPTIONS};",
        ident(&table.name),
        lines.join(",\n")
    )
}

/// `name type [GENERATED ...] [NOT NULL] [DEFAULT ...] [AUTO_INCREMENT]`.
pub fn column_definition(column: &Column) -> String {
    let mut out = format!("{} {}", ident(&column.name), column_type(column));
    if let Some(expression) = &column.mysql.generated {
        // MariaDB refuses NOT NULL on a generated column; Dify's is nullable.
        out.push_str(&format!(" GENERATED ALWAYS AS ({expression}) VIRTUAL"));
        return out;
    }
    if !column.nullable {
        out.push_str(" NOT NULL");
    }
    if let Some(default) = default_expression(column) {
        out.push_str(&format!(" DEFAULT {default}"));
    }
    if auto_increment(column) {
        out.push_str(" AUTO_INCREMENT");
    }
    out
}

/// The MySQL type of a column: its `mysql_type`, else Dify's mapping.
pub fn column_type(column: &Column) -> String {
    match &column.mysql.sql_type {
        Some(sql_type) => sql_type.to_string(),
        None => mapped_type(column.sql_type),
    }
}

/// Dify's mapping of a type to MySQL (what SQLAlchemy's MySQL dialect
/// emits for Dify's column types).
pub fn mapped_type(sql_type: SqlType) -> String {
    match sql_type {
        SqlType::Uuid => "char(36)".into(),
        SqlType::Varchar(Some(length)) => format!("varchar({length})"),
        SqlType::Varchar(None) => "varchar(255)".into(),
        SqlType::Text => "longtext".into(),
        SqlType::Json | SqlType::Jsonb => "json".into(),
        SqlType::Timestamp | SqlType::Timestamptz => "datetime".into(),
        SqlType::Integer => "int".into(),
        SqlType::BigInt => "bigint".into(),
        SqlType::Boolean => "tinyint(1)".into(),
        SqlType::Float => "float".into(),
        SqlType::Numeric(Some((precision, scale))) => format!("decimal({precision},{scale})"),
        SqlType::Numeric(None) => "decimal(10,0)".into(),
        SqlType::Bytea => "longblob".into(),
    }
}

/// Whether MySQL draws the column from `AUTO_INCREMENT` (a sequence on
/// PostgreSQL, `serial` or `nextval(...)`).
pub fn auto_increment(column: &Column) -> bool {
    matches!(column.default, Some(Default::Sequence { .. }))
}

/// The default MySQL gets, if any: the column's `mysql_default`, else its
/// default where MySQL keeps one. Dropped: uuid functions (the application
/// fills ids), sequences (`AUTO_INCREMENT`), and any default of a text or
/// json column (Dify's MySQL schema has none).
pub fn effective_default(column: &Column) -> Option<&Default> {
    if column.generated.is_some() {
        return None;
    }
    if let Some(default) = &column.mysql.default {
        return Some(default);
    }
    if matches!(
        column.sql_type,
        SqlType::Text | SqlType::Json | SqlType::Jsonb
    ) {
        return None;
    }
    match column.default.as_ref()? {
        Default::Function(
            ServerFunction::UuidGenerateV4 | ServerFunction::GenRandomUuid | ServerFunction::UuidV7,
        )
        | Default::Sequence { .. } => None,
        default => Some(default),
    }
}

/// The SQL of the default MySQL gets, if any.
pub fn default_expression(column: &Column) -> Option<String> {
    Some(match effective_default(column)? {
        Default::Str(value) => string_literal(value),
        Default::Int(value) => value.to_string(),
        Default::Decimal(value) => value.to_string(),
        Default::Bool(value) => u8::from(*value).to_string(),
        Default::Function(_) => "CURRENT_TIMESTAMP".into(),
        Default::Sql(sql) => sql.to_string(),
        Default::Sequence { .. } => return None,
    })
}

/// The indexes MySQL builds (not those marked `mysql = "skip"`), by name.
pub fn built_indexes(table: &Table) -> Vec<&Index> {
    let mut indexes: Vec<_> = table
        .indexes
        .iter()
        .filter(|index| index.mysql.build != MysqlBuild::Skip)
        .collect();
    indexes.sort_by(|a, b| a.name.cmp(&b.name));
    indexes
}

/// The name of a unique constraint on MySQL: its `mysql_name` (a
/// constraint SQLAlchemy left unnamed is `<table>_<column>_key` on
/// PostgreSQL and `<column>` on MySQL), else its name.
pub fn unique_name(unique: &UniqueConstraint) -> &str {
    unique.mysql_name.as_deref().unwrap_or(&unique.name)
}

/// `UNIQUE KEY name (columns)`, inside `CREATE TABLE`.
pub fn unique_key(unique: &UniqueConstraint) -> String {
    format!(
        "UNIQUE KEY {} ({})",
        ident(unique_name(unique)),
        ident_list(unique.columns.iter().map(|c| &**c))
    )
}

/// `[UNIQUE] KEY name (column(prefix) [DESC], ...)`, inside `CREATE TABLE`.
/// A partial index is built whole (`mysql = "whole"`): MySQL has no WHERE.
pub fn index_key(index: &Index) -> String {
    format!(
        "{}KEY {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        ident(&index.name),
        index_columns(index)
    )
}

/// `CREATE [UNIQUE] INDEX name ON table (...)`, for an existing table.
pub fn create_index(table: &Table, index: &Index) -> String {
    format!(
        "CREATE {}INDEX {} ON {} ({});",
        if index.unique { "UNIQUE " } else { "" },
        ident(&index.name),
        ident(&table.name),
        index_columns(index)
    )
}

/// `DROP INDEX name ON table`.
pub fn drop_index(table: &Table, name: &str) -> String {
    format!("DROP INDEX {} ON {};", ident(name), ident(&table.name))
}

fn index_columns(index: &Index) -> String {
    index
        .columns
        .iter()
        .map(|column| {
            let mut part = ident(&column.name);
            if let Some(length) = index.mysql.prefix(&column.name) {
                part.push_str(&format!("({length})"));
            }
            if column.descending {
                part.push_str(" DESC");
            }
            part
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The name of a relation's foreign key on MySQL.
pub fn foreign_key_name(relation: &Relation) -> &str {
    relation
        .mysql_foreign_key
        .as_deref()
        .or(relation.foreign_key.as_deref())
        .unwrap_or("")
}

/// `ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY`.
pub fn add_foreign_key(table: &Table, relation: &Relation) -> String {
    let on_delete = relation
        .on_delete
        .as_ref()
        .map(|action| format!(" ON DELETE {action}"))
        .unwrap_or_default();
    format!(
        "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} (`id`){on_delete};",
        ident(&table.name),
        ident(foreign_key_name(relation)),
        ident(&relation.column),
        ident(&relation.parent_table)
    )
}

/// `ALTER TABLE ... DROP FOREIGN KEY ...`.
pub fn drop_foreign_key(table: &Table, relation: &Relation) -> String {
    format!(
        "ALTER TABLE {} DROP FOREIGN KEY {};",
        ident(&table.name),
        ident(foreign_key_name(relation))
    )
}

fn ident_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.map(ident).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_backquoted_and_literals_escaped() {
        assert_eq!(ident("key"), "`key`");
        assert_eq!(ident("a`b"), "`a``b`");
        assert_eq!(string_literal("it's \\"), "'it''s \\\\'");
    }

    #[test]
    fn types_follow_difys_mapping() {
        assert_eq!(mapped_type(SqlType::Uuid), "char(36)");
        assert_eq!(mapped_type(SqlType::Varchar(None)), "varchar(255)");
        assert_eq!(mapped_type(SqlType::Numeric(None)), "decimal(10,0)");
        assert_eq!(mapped_type(SqlType::Jsonb), "json");
        assert_eq!(mapped_type(SqlType::Bytea), "longblob");
    }
}
