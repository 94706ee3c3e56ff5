//! The catalogue of the connection's database, from `information_schema`
//! (MariaDB's: `CHECK_CONSTRAINTS` there names its table).

use std::collections::BTreeMap;

use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use crate::mysql::MysqlConnection;

use super::{
    MysqlCatalogue, MysqlColumnInfo, MysqlForeignKey, MysqlIndexInfo, MysqlKeyPart, MysqlTable,
};

#[derive(QueryableByName)]
struct TableRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Nullable<Text>)]
    engine: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    collation: Option<String>,
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    column_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
    #[diesel(sql_type = Nullable<Text>)]
    column_default: Option<String>,
    #[diesel(sql_type = Text)]
    extra: String,
    #[diesel(sql_type = Nullable<Text>)]
    collation: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    generation: Option<String>,
}

#[derive(QueryableByName)]
struct IndexRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = BigInt)]
    non_unique: i64,
    #[diesel(sql_type = Text)]
    column: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    sub_part: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    collation: Option<String>,
}

#[derive(QueryableByName)]
struct ForeignKeyRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    column: String,
    #[diesel(sql_type = Text)]
    referenced_table: String,
    #[diesel(sql_type = Text)]
    referenced_column: String,
    #[diesel(sql_type = Text)]
    on_delete: String,
    #[diesel(sql_type = Text)]
    on_update: String,
}

#[derive(QueryableByName)]
struct CheckRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    clause: String,
}

/// The base tables of the connection's database (`DATABASE()`).
pub fn read(conn: &mut MysqlConnection) -> Result<MysqlCatalogue, diesel::result::Error> {
    let mut catalogue = MysqlCatalogue::default();
    let tables: Vec<TableRow> = diesel::sql_query(
        "SELECT CAST(TABLE_NAME AS CHAR) AS name, CAST(ENGINE AS CHAR) AS engine, \
                CAST(TABLE_COLLATION AS CHAR) AS collation \
         FROM information_schema.TABLES \
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
    )
    .load(conn)?;
    for row in tables {
        catalogue.tables.insert(
            row.name,
            MysqlTable {
                engine: row.engine.unwrap_or_default(),
                collation: row.collation.unwrap_or_default(),
                ..MysqlTable::default()
            },
        );
    }

    let columns: Vec<ColumnRow> = diesel::sql_query(
        "SELECT CAST(TABLE_NAME AS CHAR) AS table_name, CAST(COLUMN_NAME AS CHAR) AS name, \
                CAST(COLUMN_TYPE AS CHAR) AS column_type, CAST(IS_NULLABLE AS CHAR) AS is_nullable, \
                CAST(COLUMN_DEFAULT AS CHAR) AS column_default, CAST(EXTRA AS CHAR) AS extra, \
                CAST(COLLATION_NAME AS CHAR) AS collation, \
                CAST(NULLIF(GENERATION_EXPRESSION, '') AS CHAR) AS generation \
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() \
         ORDER BY TABLE_NAME, ORDINAL_POSITION",
    )
    .load(conn)?;
    for row in columns {
        let Some(table) = catalogue.tables.get_mut(&row.table_name) else {
            continue;
        };
        let collation = row.collation.filter(|c| *c != table.collation);
        table.columns.push(MysqlColumnInfo {
            name: row.name,
            column_type: row.column_type,
            nullable: row.is_nullable == "YES",
            default: row.column_default,
            extra: row.extra,
            collation,
            generation: row.generation,
        });
    }

    let indexes: Vec<IndexRow> = diesel::sql_query(
        "SELECT CAST(TABLE_NAME AS CHAR) AS table_name, CAST(INDEX_NAME AS CHAR) AS name, \
                CAST(NON_UNIQUE AS SIGNED) AS non_unique, CAST(COLUMN_NAME AS CHAR) AS `column`, \
                CAST(SUB_PART AS SIGNED) AS sub_part, CAST(COLLATION AS CHAR) AS collation \
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() \
         ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
    )
    .load(conn)?;
    for row in indexes {
        let Some(table) = catalogue.tables.get_mut(&row.table_name) else {
            continue;
        };
        let index = table
            .indexes
            .entry(row.name)
            .or_insert_with(|| MysqlIndexInfo {
                unique: row.non_unique == 0,
                columns: Vec::new(),
            });
        index.columns.push(MysqlKeyPart {
            column: row.column,
            prefix: row.sub_part.and_then(|n| u32::try_from(n).ok()),
            descending: row.collation.as_deref() == Some("D"),
        });
    }

    let foreign_keys: Vec<ForeignKeyRow> = diesel::sql_query(
        "SELECT CAST(k.TABLE_NAME AS CHAR) AS table_name, CAST(k.CONSTRAINT_NAME AS CHAR) AS name, \
                CAST(k.COLUMN_NAME AS CHAR) AS `column`, \
                CAST(k.REFERENCED_TABLE_NAME AS CHAR) AS referenced_table, \
                CAST(k.REFERENCED_COLUMN_NAME AS CHAR) AS referenced_column, \
                CAST(r.DELETE_RULE AS CHAR) AS on_delete, CAST(r.UPDATE_RULE AS CHAR) AS on_update \
         FROM information_schema.KEY_COLUMN_USAGE k \
         JOIN information_schema.REFERENTIAL_CONSTRAINTS r \
           ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME \
              AND r.TABLE_NAME = k.TABLE_NAME \
         WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL \
         ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
    )
    .load(conn)?;
    for row in foreign_keys {
        let Some(table) = catalogue.tables.get_mut(&row.table_name) else {
            continue;
        };
        let key = table
            .foreign_keys
            .entry(row.name)
            .or_insert_with(|| MysqlForeignKey {
                referenced_table: row.referenced_table,
                on_delete: row.on_delete,
                on_update: row.on_update,
                ..MysqlForeignKey::default()
            });
        key.columns.push(row.column);
        key.referenced_columns.push(row.referenced_column);
    }

    let checks: Vec<CheckRow> = diesel::sql_query(
        "SELECT CAST(TABLE_NAME AS CHAR) AS table_name, CAST(CONSTRAINT_NAME AS CHAR) AS name, \
                CAST(CHECK_CLAUSE AS CHAR) AS clause \
         FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()",
    )
    .load(conn)?;
    let mut by_table: BTreeMap<String, Vec<CheckRow>> = BTreeMap::new();
    for row in checks {
        by_table
            .entry(row.table_name.clone())
            .or_default()
            .push(row);
    }
    for (name, rows) in by_table {
        if let Some(table) = catalogue.tables.get_mut(&name) {
            table
                .checks
                .extend(rows.into_iter().map(|row| (row.name, row.clause)));
        }
    }
    Ok(catalogue)
}
