//! The catalogue queries: every table of the current schema with its
//! columns, indexes and foreign keys, as the database has them. Codes the
//! catalogue spells as characters or names (`pg_constraint.contype`,
//! `pg_am.amname`) are parsed here, once.

use std::collections::BTreeMap;

use diesel::sql_types::{Array, Bool, Integer, Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

use crate::error::Result;
use crate::render::postgres::column_type;
use crate::schema::{IndexMethod, SqlType};

/// A table as the database has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveTable {
    pub name: String,
    pub columns: Vec<LiveColumn>,
    /// Every index, including those behind primary key and unique constraints.
    pub indexes: Vec<LiveIndex>,
    pub foreign_keys: Vec<LiveForeignKey>,
    /// The column a range-partitioned table is partitioned on; its
    /// partitions are not tables of their own here.
    pub partition: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveColumn {
    pub name: String,
    /// The type in the renderer's spelling (`varchar(255)`), or the
    /// catalogue's for a type the IR does not have.
    pub sql_type: String,
    pub nullable: bool,
    /// `pg_get_expr` of the default.
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveIndex {
    pub name: String,
    pub columns: Vec<String>,
    pub descending: Vec<bool>,
    pub unique: bool,
    pub method: AccessMethod,
    pub predicate: Option<String>,
    /// The constraint the index is behind, `None` for a plain index.
    pub constraint: Option<ConstraintKind>,
}

/// The constraint behind an index (`pg_constraint.contype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintKind {
    /// `p`
    PrimaryKey,
    /// `u`
    Unique,
}

impl ConstraintKind {
    /// The kind a `contype` code names, `None` for a kind that is not behind
    /// an index of its own.
    pub fn from_contype(code: &str) -> Option<Self> {
        match code {
            "p" => Some(ConstraintKind::PrimaryKey),
            "u" => Some(ConstraintKind::Unique),
            _ => None,
        }
    }
}

/// An index's access method (`pg_am.amname`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessMethod {
    Btree,
    Gin,
    /// One the IR does not declare (`hash`, `gist`, ...), by name.
    Other(String),
}

impl AccessMethod {
    pub fn from_name(name: String) -> Self {
        match name.as_str() {
            "btree" => AccessMethod::Btree,
            "gin" => AccessMethod::Gin,
            _ => AccessMethod::Other(name),
        }
    }

    /// The catalogue's name for it.
    pub fn name(&self) -> &str {
        match self {
            AccessMethod::Btree => "btree",
            AccessMethod::Gin => "gin",
            AccessMethod::Other(name) => name,
        }
    }
}

impl From<IndexMethod> for AccessMethod {
    fn from(method: IndexMethod) -> Self {
        match method {
            IndexMethod::Btree => AccessMethod::Btree,
            IndexMethod::Gin => AccessMethod::Gin,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveForeignKey {
    pub name: String,
    pub column: String,
    pub parent_table: String,
}

/// Every table of the connection's current schema, by name.
pub fn live_tables(conn: &mut PgConnection) -> Result<BTreeMap<String, LiveTable>> {
    let mut tables = read_columns(conn)?;
    read_indexes(conn, &mut tables)?;
    read_foreign_keys(conn, &mut tables)?;
    read_partitioning(conn, &mut tables)?;
    Ok(tables)
}

fn read_partitioning(
    conn: &mut PgConnection,
    tables: &mut BTreeMap<String, LiveTable>,
) -> Result<()> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        table_name: String,
        #[diesel(sql_type = Text)]
        column_name: String,
    }
    let rows: Vec<Row> = diesel::sql_query(PARTITIONING_SQL).load(conn)?;
    for row in rows {
        if let Some(table) = tables.get_mut(&row.table_name) {
            table.partition = Some(row.column_name);
        }
    }
    Ok(())
}

/// Range-partitioned tables and their (first) partition column.
const PARTITIONING_SQL: &str = "
SELECT c.relname::text AS table_name, a.attname::text AS column_name
FROM pg_partitioned_table p
JOIN pg_class c ON c.oid = p.partrelid
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]
WHERE c.relnamespace = current_schema()::regnamespace AND p.partstrat = 'r'";

/// The tables, each with its columns (a table is known by its columns).
fn read_columns(conn: &mut PgConnection) -> Result<BTreeMap<String, LiveTable>> {
    let mut tables: BTreeMap<String, LiveTable> = BTreeMap::new();
    let columns: Vec<ColumnRow> = diesel::sql_query(COLUMNS_SQL).load(conn)?;
    for row in columns {
        let table = tables
            .entry(row.table_name.clone())
            .or_insert_with(|| LiveTable {
                name: row.table_name.clone(),
                columns: Vec::new(),
                indexes: Vec::new(),
                foreign_keys: Vec::new(),
                partition: None,
            });
        table.columns.push(LiveColumn {
            sql_type: live_type(&row),
            name: row.column_name,
            nullable: row.is_nullable == "YES",
            default: row.column_default,
        });
    }
    Ok(tables)
}

fn read_indexes(conn: &mut PgConnection, tables: &mut BTreeMap<String, LiveTable>) -> Result<()> {
    let indexes: Vec<IndexRow> = diesel::sql_query(INDEXES_SQL).load(conn)?;
    for row in indexes {
        if let Some(table) = tables.get_mut(&row.table_name) {
            table.indexes.push(LiveIndex {
                name: row.index_name,
                columns: row.columns,
                descending: row.descending,
                unique: row.is_unique,
                method: AccessMethod::from_name(row.method),
                predicate: row.predicate,
                constraint: row
                    .constraint_type
                    .as_deref()
                    .and_then(ConstraintKind::from_contype),
            });
        }
    }
    Ok(())
}

fn read_foreign_keys(
    conn: &mut PgConnection,
    tables: &mut BTreeMap<String, LiveTable>,
) -> Result<()> {
    let foreign_keys: Vec<ForeignKeyRow> = diesel::sql_query(FOREIGN_KEYS_SQL).load(conn)?;
    for row in foreign_keys {
        if let Some(table) = tables.get_mut(&row.table_name) {
            table.foreign_keys.push(LiveForeignKey {
                name: row.constraint_name,
                column: row.column_name,
                parent_table: row.parent_table,
            });
        }
    }
    Ok(())
}

/// The type in the renderer's spelling when the IR has it.
fn live_type(row: &ColumnRow) -> String {
    let sql_type = match row.data_type.as_str() {
        "uuid" => SqlType::Uuid,
        "character varying" => SqlType::Varchar(row.character_maximum_length.map(|n| n as u32)),
        "text" => SqlType::Text,
        "json" => SqlType::Json,
        "jsonb" => SqlType::Jsonb,
        "timestamp without time zone" => SqlType::Timestamp,
        "timestamp with time zone" => SqlType::Timestamptz,
        "integer" => SqlType::Integer,
        "bigint" => SqlType::BigInt,
        "boolean" => SqlType::Boolean,
        "double precision" => SqlType::Float,
        "numeric" => SqlType::Numeric(
            row.numeric_precision
                .zip(row.numeric_scale)
                .map(|(p, s)| (p as u16, s as u16)),
        ),
        "bytea" => SqlType::Bytea,
        other => return other.to_owned(),
    };
    column_type(sql_type)
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Nullable<Integer>)]
    character_maximum_length: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    numeric_precision: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    numeric_scale: Option<i32>,
    #[diesel(sql_type = Text)]
    is_nullable: String,
    #[diesel(sql_type = Nullable<Text>)]
    column_default: Option<String>,
}

// `numeric_precision` is also set for integer types; it is read only for
// `numeric`, where NULL means unconstrained.
const COLUMNS_SQL: &str = "
SELECT c.table_name::text, c.column_name::text, c.data_type::text,
       c.character_maximum_length::int4,
       CASE WHEN c.data_type = 'numeric' THEN c.numeric_precision::int4 END AS numeric_precision,
       CASE WHEN c.data_type = 'numeric' THEN c.numeric_scale::int4 END AS numeric_scale,
       c.is_nullable::text, c.column_default::text
FROM information_schema.columns c
JOIN information_schema.tables t
  ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
  -- A partition is part of its partitioned table, not a table of its own.
  AND NOT EXISTS (
    SELECT 1 FROM pg_class pc
    WHERE pc.relnamespace = current_schema()::regnamespace
      AND pc.relname = c.table_name AND pc.relispartition)
ORDER BY c.table_name, c.ordinal_position";

#[derive(QueryableByName)]
struct IndexRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    index_name: String,
    #[diesel(sql_type = Array<Text>)]
    columns: Vec<String>,
    #[diesel(sql_type = Array<Bool>)]
    descending: Vec<bool>,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    #[diesel(sql_type = Text)]
    method: String,
    #[diesel(sql_type = Nullable<Text>)]
    predicate: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    constraint_type: Option<String>,
}

const INDEXES_SQL: &str = "
SELECT t.relname::text AS table_name, i.relname::text AS index_name,
       ARRAY(SELECT a.attname::text
             FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       ARRAY(SELECT (ix.indoption[k.ord - 1] & 1) = 1
             FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
             ORDER BY k.ord) AS descending,
       ix.indisunique AS is_unique, am.amname::text AS method,
       pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
       con.contype::text AS constraint_type
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = i.relam
LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.contype IN ('p', 'u')
WHERE n.nspname = current_schema()
ORDER BY t.relname, i.relname";

#[derive(QueryableByName)]
struct ForeignKeyRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    constraint_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    parent_table: String,
}

const FOREIGN_KEYS_SQL: &str = "
SELECT t.relname::text AS table_name, con.conname::text AS constraint_name,
       a.attname::text AS column_name, p.relname::text AS parent_table
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid
JOIN pg_class p ON p.oid = con.confrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
WHERE con.contype = 'f' AND n.nspname = current_schema()
ORDER BY t.relname, con.conname";
