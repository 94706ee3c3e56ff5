//! The PostgreSQL renderer: the registered schema as DDL.
//!
//! Output is deterministic: tables sorted by name, columns in declaration
//! order, indexes sorted by name, foreign keys last (so that table order
//! never matters). The same functions render single statements for the
//! migration generator.

pub mod insert;

pub use crate::quote::{ident, string_literal};
use std::fmt::Write;

use crate::schema::{
    Column, Default, Index, IndexMethod, Relation, Schema, ServerFunction, SqlType, Table,
};

/// The whole schema as one script: extensions, tables, indexes, foreign
/// keys, then row-level security (see [`crate::rls`]).
pub fn create_schema(schema: &Schema) -> String {
    let tables = schema.sorted_tables();
    let mut out = String::new();
    for extension in required_extensions(tables.iter().copied()) {
        writeln!(out, "CREATE EXTENSION IF NOT EXISTS \"{extension}\";\n").unwrap();
    }
    for function in required_functions(tables.iter().copied()) {
        writeln!(out, "{}\n", function.create).unwrap();
    }
    for sequence in required_sequences(tables.iter().copied()) {
        writeln!(out, "{}", create_sequence(&sequence)).unwrap();
    }
    for table in &tables {
        out.push_str(&create_table(table));
        out.push('\n');
        for sequence in owned_sequences(table) {
            out.push_str(&own_sequence(&sequence));
            out.push('\n');
        }
        for index in sorted_indexes(table) {
            out.push_str(&create_index(table, index));
            out.push('\n');
        }
        out.push('\n');
    }
    for table in &tables {
        for relation in table.relations.iter().filter(|r| r.foreign_key.is_some()) {
            out.push_str(&add_foreign_key(table, relation));
            out.push('\n');
        }
    }
    // Row-level security last: a via table's policy names its parents.
    if let Some(support) = crate::rls::support_for(schema) {
        out.push('\n');
        out.push_str(&support);
        for table in &tables {
            out.push('\n');
            out.push_str(&crate::rls::security_for(schema, table));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The extensions the defaults need (`uuid_generate_v4()` lives in uuid-ossp).
pub fn required_extensions<'a>(tables: impl IntoIterator<Item = &'a Table>) -> Vec<&'static str> {
    let uses_uuid_ossp = tables.into_iter().any(|table| {
        table
            .columns
            .iter()
            .any(|column| column.default == Some(Default::Function(ServerFunction::UuidGenerateV4)))
    });
    if uses_uuid_ossp {
        vec!["uuid-ossp"]
    } else {
        Vec::new()
    }
}

/// A SQL function the defaults call that PostgreSQL does not have, with
/// what creates and what drops it.
pub struct Function {
    pub name: &'static str,
    pub create: &'static str,
    pub drop: &'static str,
}

/// Version-7 uuids (RFC 9562): 48 bits of Unix milliseconds, then random
/// bits, with the version and variant set. PostgreSQL 15 has no
/// `uuidv7()`; Dify's migrations install these two under these names.
const UUIDV7: Function = Function {
    name: "uuidv7",
    create: "CREATE OR REPLACE FUNCTION uuidv7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $f$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                FROM 1 FOR 6),
            52, 1), 53, 1),
        'hex')::uuid
$f$;",
    drop: "DROP FUNCTION IF EXISTS uuidv7();",
};

/// The smallest version-7 uuid of a moment: `id >= uuidv7_boundary(t)`
/// selects the rows made at or after `t` by their key alone.
const UUIDV7_BOUNDARY: Function = Function {
    name: "uuidv7_boundary",
    create: "CREATE OR REPLACE FUNCTION uuidv7_boundary(timestamptz) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $f$
    SELECT encode(
        overlay('\\x00000000000070008000000000000000'::bytea
            placing substring(int8send(floor(extract(epoch FROM $1) * 1000)::bigint) FROM 3)
            FROM 1 FOR 6),
        'hex')::uuid
$f$;",
    drop: "DROP FUNCTION IF EXISTS uuidv7_boundary(timestamptz);",
};

/// The functions the defaults need that PostgreSQL lacks: `uuidv7()` (and
/// its companion `uuidv7_boundary`, as Dify installs both).
pub fn required_functions<'a>(tables: impl IntoIterator<Item = &'a Table>) -> Vec<Function> {
    let uses_uuidv7 = tables.into_iter().any(|table| {
        table
            .columns
            .iter()
            .any(|column| column.default == Some(Default::Function(ServerFunction::UuidV7)))
    });
    if uses_uuidv7 {
        vec![UUIDV7, UUIDV7_BOUNDARY]
    } else {
        Vec::new()
    }
}

/// A sequence a default draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    pub name: String,
    /// `integer` or `bigint`: the column's type for `serial` (as
    /// PostgreSQL's `serial`/`bigserial` make it), `bigint` for a sequence
    /// of its own (as a bare `CREATE SEQUENCE` makes it; Celery's integer
    /// ids draw from such a bigint sequence).
    pub sql_type: SqlType,
    /// The `(table, column)` that owns it (`default = serial`).
    pub owned_by: Option<(String, String)>,
}

/// Every sequence the defaults draw from, sorted by name.
pub fn required_sequences<'a>(tables: impl IntoIterator<Item = &'a Table>) -> Vec<Sequence> {
    let mut sequences: Vec<Sequence> = tables
        .into_iter()
        .flat_map(|table| {
            table
                .columns
                .iter()
                .filter_map(move |column| match &column.default {
                    Some(Default::Sequence { name, owned }) => Some(Sequence {
                        name: name.to_string(),
                        sql_type: if *owned {
                            column.sql_type
                        } else {
                            SqlType::BigInt
                        },
                        owned_by: owned.then(|| (table.name.to_string(), column.name.to_string())),
                    }),
                    _ => None,
                })
        })
        .collect();
    sequences.sort_by(|a, b| a.name.cmp(&b.name));
    sequences.dedup_by(|a, b| a.name == b.name);
    sequences
}

/// The sequences a table's columns own.
pub fn owned_sequences(table: &Table) -> Vec<Sequence> {
    required_sequences([table])
        .into_iter()
        .filter(|sequence| sequence.owned_by.is_some())
        .collect()
}

/// `CREATE SEQUENCE name AS type;` (start 1, step 1, the type's range: what
/// `serial` and a bare `CREATE SEQUENCE` make).
pub fn create_sequence(sequence: &Sequence) -> String {
    format!(
        "CREATE SEQUENCE {} AS {};",
        ident(&sequence.name),
        column_type(sequence.sql_type)
    )
}

/// `ALTER SEQUENCE name OWNED BY table.column;`, after the table exists.
pub fn own_sequence(sequence: &Sequence) -> String {
    match &sequence.owned_by {
        Some((table, column)) => format!(
            "ALTER SEQUENCE {} OWNED BY {}.{};",
            ident(&sequence.name),
            ident(table),
            ident(column)
        ),
        None => String::new(),
    }
}

/// `CREATE TABLE` with columns, the primary key and unique constraints.
pub fn create_table(table: &Table) -> String {
    let mut lines: Vec<String> = table
        .columns
        .iter()
        .map(|column| format!("    {}", column_definition(column)))
        .collect();
    lines.push(format!(
        "    CONSTRAINT {} PRIMARY KEY ({})",
        ident(&table.primary_key.name),
        ident_list(table.stored_primary_key().into_iter())
    ));
    for unique in table.unique_constraints.iter() {
        lines.push(format!(
            "    CONSTRAINT {} UNIQUE ({})",
            ident(&unique.name),
            ident_list(unique.columns.iter().map(|c| &**c))
        ));
    }
    match &table.partition {
        None => format!(
            "CREATE TABLE {} (\n{}\n);",
            ident(&table.name),
            lines.join(",\n")
        ),
        Some(partition) => format!(
            "CREATE TABLE {} (\n{}\n) PARTITION BY RANGE ({});\n{}",
            ident(&table.name),
            lines.join(",\n"),
            ident(&partition.column),
            create_partitions(table, "now() AT TIME ZONE 'UTC'", PARTITIONS_AHEAD + 1)
        ),
    }
}

/// How many months ahead of the current one a partitioned table has
/// partitions when created (and after each purge, see `retention`).
pub const PARTITIONS_AHEAD: u32 = 3;

/// A block that creates, where missing, the monthly partitions of `table`
/// (named `<table>_pYYYY_MM`, the name `retention::partition` reads bounds from)
/// for `months` months from the month of `from` (an SQL timestamp
/// expression), UTC.
pub fn create_partitions(table: &Table, from: &str, months: u32) -> String {
    format!(
        "DO $partitions$\n\
         DECLARE\n    month timestamp := date_trunc('month', {from});\n\
         BEGIN\n    FOR i IN 1..{months} LOOP\n        \
         EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', \
         {} || '_p' || to_char(month, 'YYYY_MM'), {}, month, month + interval '1 month');\n        \
         month := month + interval '1 month';\n    END LOOP;\nEND\n$partitions$;",
        string_literal(&table.name),
        string_literal(&table.name),
    )
}

/// `name type [DEFAULT ...] [NOT NULL]`, as in `CREATE TABLE` or `ADD COLUMN`.
pub fn column_definition(column: &Column) -> String {
    let mut out = format!("{} {}", ident(&column.name), column_type(column.sql_type));
    if let Some(default) = &column.default {
        write!(out, " DEFAULT {}", default_expression(default)).unwrap();
    }
    if let Some(expression) = &column.generated {
        write!(out, " GENERATED ALWAYS AS ({expression}) STORED").unwrap();
    }
    if !column.nullable {
        out.push_str(" NOT NULL");
    }
    out
}

/// The PostgreSQL spelling of a type.
pub fn column_type(sql_type: SqlType) -> String {
    match sql_type {
        SqlType::Uuid => "uuid".into(),
        SqlType::Varchar(Some(length)) => format!("varchar({length})"),
        SqlType::Varchar(None) => "varchar".into(),
        SqlType::Text => "text".into(),
        SqlType::Json => "json".into(),
        SqlType::Jsonb => "jsonb".into(),
        SqlType::Timestamp => "timestamp without time zone".into(),
        SqlType::Timestamptz => "timestamp with time zone".into(),
        SqlType::Integer => "integer".into(),
        SqlType::BigInt => "bigint".into(),
        SqlType::Boolean => "boolean".into(),
        SqlType::Float => "double precision".into(),
        SqlType::Numeric(Some((precision, scale))) => format!("numeric({precision}, {scale})"),
        SqlType::Numeric(None) => "numeric".into(),
        SqlType::Bytea => "bytea".into(),
    }
}

/// The SQL of a default.
pub fn default_expression(default: &Default) -> String {
    match default {
        Default::Str(value) => string_literal(value),
        Default::Int(value) => value.to_string(),
        Default::Decimal(value) => value.to_string(),
        Default::Bool(value) => value.to_string(),
        Default::Function(function) => match function {
            ServerFunction::UuidGenerateV4 => "uuid_generate_v4()".into(),
            ServerFunction::GenRandomUuid => "gen_random_uuid()".into(),
            ServerFunction::UuidV7 => "uuidv7()".into(),
            ServerFunction::CurrentTimestamp(None) => "CURRENT_TIMESTAMP".into(),
            ServerFunction::CurrentTimestamp(Some(precision)) => {
                format!("CURRENT_TIMESTAMP({precision})")
            }
            ServerFunction::Now => "now()".into(),
        },
        Default::Sql(sql) => sql.to_string(),
        Default::Sequence { name, .. } => format!("nextval('{}'::regclass)", ident(name)),
    }
}

/// Indexes sorted by name.
pub fn sorted_indexes(table: &Table) -> Vec<&Index> {
    let mut indexes: Vec<_> = table.indexes.iter().collect();
    indexes.sort_by(|a, b| a.name.cmp(&b.name));
    indexes
}

/// `CREATE [UNIQUE] INDEX name ON table [USING gin] (columns) [WHERE ...];`
pub fn create_index(table: &Table, index: &Index) -> String {
    create_index_with(table, index, false)
}

/// The same, built `CONCURRENTLY` (for a table that already holds rows;
/// such a statement cannot run inside a transaction), and `IF NOT EXISTS`:
/// outside a transaction a failed migration is run again from the start,
/// and an index an earlier run built is then kept (the runner drops one
/// that was left INVALID first).
pub fn create_index_concurrently(table: &Table, index: &Index) -> String {
    create_index_with(table, index, true)
}

fn create_index_with(table: &Table, index: &Index, concurrently: bool) -> String {
    let mut out = String::from("CREATE ");
    if index.unique {
        out.push_str("UNIQUE ");
    }
    out.push_str("INDEX ");
    if concurrently {
        out.push_str("CONCURRENTLY IF NOT EXISTS ");
    }
    write!(out, "{} ON {}", ident(&index.name), ident(&table.name)).unwrap();
    if index.method == IndexMethod::Gin {
        out.push_str(" USING gin");
    }
    let columns: Vec<String> = index
        .columns
        .iter()
        .map(|column| {
            if column.descending {
                format!("{} DESC", ident(&column.name))
            } else {
                ident(&column.name)
            }
        })
        .collect();
    write!(out, " ({})", columns.join(", ")).unwrap();
    if let Some(predicate) = &index.predicate {
        write!(out, " WHERE {predicate}").unwrap();
    }
    out.push(';');
    out
}

/// `ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY`, for the few relations
/// Dify constrains.
pub fn add_foreign_key(table: &Table, relation: &Relation) -> String {
    let on_delete = relation
        .on_delete
        .as_ref()
        .map(|action| format!(" ON DELETE {action}"))
        .unwrap_or_default();
    format!(
        "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}(id){on_delete};",
        ident(&table.name),
        ident(relation.foreign_key.as_deref().unwrap_or("")),
        ident(&relation.column),
        ident(&relation.parent_table)
    )
}

fn ident_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.map(ident).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_quoted_only_when_needed() {
        assert_eq!(ident("apps"), "apps");
        assert_eq!(ident("type"), "type");
        assert_eq!(ident("user"), "\"user\"");
        assert_eq!(ident("Mixed"), "\"Mixed\"");
    }

    #[test]
    fn string_literals_double_their_quotes() {
        assert_eq!(string_literal("it's"), "'it''s'");
        assert_eq!(default_expression(&Default::Str("".into())), "''");
    }
}
