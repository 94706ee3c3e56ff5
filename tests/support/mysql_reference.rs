//! Dify's MySQL catalogue as recorded (`tests/reference/
//! dify_upstream_mysql_catalogue.json`, read from information_schema on
//! MariaDB 10.11), in the form `dify_schema::introspect::mysql` reads a
//! live database into, so the two compare value by value.

use std::path::PathBuf;

use dify_schema::introspect::mysql::{
    MysqlCatalogue, MysqlColumnInfo, MysqlForeignKey, MysqlIndexInfo, MysqlKeyPart, MysqlTable,
};
use serde_json::Value;

/// The path of a file in `tests/reference/`.
pub fn reference_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("reference")
        .join(file)
}

/// The catalogue of the database Dify's migrations build on MariaDB
/// (`alembic_version` included, as in a live database Dify created).
pub fn dify_mysql_catalogue() -> MysqlCatalogue {
    let path = reference_path("dify_upstream_mysql_catalogue.json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let text = |value: &Value| value.as_str().map(str::to_owned);
    let mut catalogue = MysqlCatalogue::default();
    for (name, table) in json["tables"].as_object().expect("tables") {
        let collation = text(&table["collation"]).unwrap_or_default();
        let mut out = MysqlTable {
            engine: text(&table["engine"]).unwrap_or_default(),
            collation: collation.clone(),
            ..MysqlTable::default()
        };
        for column in table["columns"].as_array().unwrap() {
            out.columns.push(MysqlColumnInfo {
                name: text(&column["name"]).unwrap(),
                column_type: text(&column["column_type"]).unwrap(),
                nullable: column["is_nullable"] == "YES",
                default: text(&column["column_default"]),
                extra: text(&column["extra"]).unwrap_or_default(),
                collation: text(&column["collation"]).filter(|c| *c != collation),
                generation: text(&column["generation_expression"]).filter(|e| !e.is_empty()),
            });
        }
        for index in table["indexes"].as_array().unwrap() {
            out.indexes.insert(
                text(&index["name"]).unwrap(),
                MysqlIndexInfo {
                    unique: index["non_unique"] == 0,
                    columns: index["columns"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|part| MysqlKeyPart {
                            column: text(&part["column"]).unwrap(),
                            prefix: part["sub_part"].as_u64().map(|n| n as u32),
                            descending: part["order"] == "DESC",
                        })
                        .collect(),
                },
            );
        }
        for key in table["foreign_keys"].as_array().unwrap() {
            let list = |value: &Value| -> Vec<String> {
                value
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            };
            out.foreign_keys.insert(
                text(&key["name"]).unwrap(),
                MysqlForeignKey {
                    columns: list(&key["columns"]),
                    referenced_table: text(&key["referenced_table"]).unwrap(),
                    referenced_columns: list(&key["referenced_columns"]),
                    on_delete: text(&key["delete_rule"]).unwrap(),
                    on_update: text(&key["update_rule"]).unwrap(),
                },
            );
        }
        for check in table["check_constraints"].as_array().unwrap() {
            out.checks.insert(
                text(&check["name"]).unwrap(),
                text(&check["clause"]).unwrap(),
            );
        }
        catalogue.tables.insert(name.clone(), out);
    }
    catalogue
}
