//! The schema as a file: what the migration generator records beside the
//! migrations (`migrations/schema.json`) and diffs the declarations against.
//!
//! A snapshot is the IR itself, serialized: [`Table`] and the records it
//! holds use `Cow<'static, …>`, borrowed from the binary when the compiler
//! built them and owned when read from a file, so there is no second set
//! of types to keep in step and nothing is leaked.

use serde::{Deserialize, Serialize};

use crate::schema::{Schema, Security, Table};

/// The file: the tables, sorted by name, and the row-level-security
/// support the migrations installed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchemaSnapshot {
    pub tables: Vec<Table>,
    /// The SQL of row-level security's support objects the migrations
    /// installed; `None` before they did.
    #[serde(default)]
    pub row_level_security: Option<String>,
}

/// The tables as a snapshot records them: without retention, which is no
/// DDL (a purge reads it from the declarations).
fn recorded_tables(schema: &Schema) -> Vec<Table> {
    schema
        .sorted_tables()
        .into_iter()
        .map(|table| Table {
            retention: None,
            ..table.clone()
        })
        .collect()
}

impl SchemaSnapshot {
    /// The PostgreSQL snapshot of a schema, tables sorted by name: the IR
    /// without its MySQL options (which the MySQL snapshot records).
    pub fn of(schema: &Schema) -> SchemaSnapshot {
        let schema = schema.without_mysql();
        SchemaSnapshot {
            tables: recorded_tables(&schema),
            row_level_security: crate::rls::support_for(&schema),
        }
    }

    /// The MySQL snapshot of a schema (`migrations-mysql/schema.json`): the
    /// whole IR, MySQL options included; MySQL has no row-level security.
    pub fn of_mysql(schema: &Schema) -> SchemaSnapshot {
        SchemaSnapshot {
            tables: recorded_tables(schema),
            row_level_security: None,
        }
    }

    /// Pretty JSON with a trailing newline, stable for diffs in review.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a snapshot always serializes");
        json.push('\n');
        json
    }

    pub fn from_json(json: &str) -> serde_json::Result<SchemaSnapshot> {
        serde_json::from_str(json)
    }

    /// The snapshot as IR, for rendering and diffing.
    pub fn into_schema(self) -> Schema {
        let security = match self.row_level_security {
            Some(sql) => Security::Recorded(sql.into()),
            None => Security::None,
        };
        Schema::owned(self.tables, security)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::schema::{
        Capability, Column, Default, EnumInfo, Index, IndexColumn, IndexMethod, Ownership,
        PrimaryKey, ServerFunction, SqlType, Visibility,
    };

    static COLUMNS: [Column; 2] = [
        Column {
            name: Cow::Borrowed("id"),
            field: Cow::Borrowed("id"),
            sql_type: SqlType::Uuid,
            nullable: false,
            default: Some(Default::Function(ServerFunction::UuidGenerateV4)),
            client_default: None,
            audit: None,
            string_enum: None,
            cross_tenant: false,
            insert_values: None,
            generated: None,
            mysql: crate::schema::MysqlColumn::NONE,
        },
        Column {
            name: Cow::Borrowed("status"),
            field: Cow::Borrowed("status"),
            sql_type: SqlType::Varchar(Some(16)),
            nullable: true,
            default: Some(Default::Str(Cow::Borrowed("it's"))),
            client_default: None,
            audit: None,
            string_enum: Some(EnumInfo {
                name: Cow::Borrowed("Status"),
                values: Cow::Borrowed(&[Cow::Borrowed("a"), Cow::Borrowed("b")]),
            }),
            cross_tenant: false,
            insert_values: None,
            generated: None,
            mysql: crate::schema::MysqlColumn::NONE,
        },
    ];
    static TABLE: Table = Table {
        name: Cow::Borrowed("things"),
        entity: Cow::Borrowed("Thing"),
        columns: Cow::Borrowed(&COLUMNS),
        primary_key: PrimaryKey {
            name: Cow::Borrowed("thing_pkey"),
            columns: Cow::Borrowed(&[Cow::Borrowed("id")]),
        },
        indexes: Cow::Borrowed(&[Index {
            name: Cow::Borrowed("thing_status_idx"),
            columns: Cow::Borrowed(&[IndexColumn {
                name: Cow::Borrowed("status"),
                descending: true,
            }]),
            unique: false,
            method: IndexMethod::Btree,
            predicate: Some(Cow::Borrowed("status = 'a'")),
            mysql: crate::schema::MysqlIndex::NONE,
        }]),
        unique_constraints: Cow::Borrowed(&[]),
        relations: Cow::Borrowed(&[]),
        ownership: Ownership::Global,
        soft_delete: None,
        write_capability: Capability::Editing,
        create_capability: None,
        visibility: Visibility::All,
        retention: None,
        partition: None,
    };

    #[test]
    fn a_snapshot_reads_back_as_the_same_ir() {
        static TABLES: [Cow<'static, Table>; 1] = [Cow::Borrowed(&TABLE)];
        let schema = Schema::new(&TABLES);
        let json = SchemaSnapshot::of(&schema).to_json();
        let read = SchemaSnapshot::from_json(&json).unwrap().into_schema();
        assert_eq!(read.tables().next().unwrap(), &TABLE);
    }

    /// The file format is the one earlier snapshots were written in: pairs
    /// for keys, enums and index columns, `create_capability` only when it
    /// differs, defaults for fields older files lack.
    #[test]
    fn the_file_format_is_unchanged() {
        static TABLES: [Cow<'static, Table>; 1] = [Cow::Borrowed(&TABLE)];
        let json = SchemaSnapshot::of(&Schema::new(&TABLES)).to_json();
        for expected in [
            "\"primary_key\": [\n        \"thing_pkey\",\n        [\n          \"id\"\n        ]\n      ]",
            "\"string_enum\": [\n            \"Status\",",
            "\"columns\": [\n            [\n              \"status\",\n              true\n            ]",
            "\"create_capability\": null",
        ] {
            assert!(json.contains(expected), "{expected} not in {json}");
        }
        let old = r#"{"tables": [{"name": "t", "entity": "T", "columns": [],
            "primary_key": ["t_pkey", ["id"]], "ownership": "Global",
            "write_capability": "Editing"}]}"#;
        let table = SchemaSnapshot::from_json(old).unwrap().tables.remove(0);
        assert_eq!(table.create_capability(), Capability::Editing);
        assert_eq!(table.visibility, Visibility::Tenant);
    }

    /// MySQL's options: in MySQL's snapshot, read back as written; never in
    /// PostgreSQL's, which keeps the format of files written before them.
    #[test]
    fn mysql_options_are_in_the_mysql_snapshot_only() {
        use crate::schema::{MysqlBuild, MysqlColumn, MysqlIndex, MysqlPrefix, UniqueConstraint};
        let mut table = TABLE.clone();
        table.columns.to_mut()[1].mysql = MysqlColumn {
            sql_type: Some("text".into()),
            default: Some(Default::Int(-1)),
            generated: None,
        };
        table.indexes.to_mut()[0].mysql = MysqlIndex {
            build: MysqlBuild::Whole,
            prefixes: vec![MysqlPrefix {
                column: "status".into(),
                length: 191,
            }]
            .into(),
        };
        table.unique_constraints = vec![
            UniqueConstraint {
                name: "things_status_key".into(),
                columns: vec!["status".into()].into(),
                mysql_name: Some("status".into()),
            },
            UniqueConstraint {
                name: "things_pair_key".into(),
                columns: vec!["id".into(), "status".into()].into(),
                mysql_name: None,
            },
        ]
        .into();
        let schema = Schema::owned(vec![table.clone()], Security::None);
        let mysql = SchemaSnapshot::of_mysql(&schema).to_json();
        for expected in [
            "\"sql_type\": \"text\"",
            "\"build\": \"Whole\"",
            "\"prefixes\": [\n              [\n                \"status\",\n                191",
            "\"status\"\n          ],\n          \"status\"\n        ]",
        ] {
            assert!(mysql.contains(expected), "{expected} not in {mysql}");
        }
        let read = SchemaSnapshot::from_json(&mysql).unwrap().into_schema();
        assert_eq!(read.tables().next().unwrap(), &table);
        let postgres = SchemaSnapshot::of(&schema).to_json();
        assert!(
            !postgres.contains("mysql") && !postgres.contains("Whole"),
            "{postgres}"
        );
        let read = SchemaSnapshot::from_json(&postgres).unwrap().into_schema();
        assert_eq!(
            read.tables().next().unwrap(),
            &schema.without_mysql().tables().next().unwrap().clone()
        );
    }
}
