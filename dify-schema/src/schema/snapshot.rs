//! The schema as a file: what the migration generator records beside the
//! migrations (`migrations/schema.json`) and diffs the declarations against.
//!
//! The IR is `&'static` data built by the compiler; a snapshot is its
//! owned, serializable mirror. Reading a snapshot back turns it into IR
//! again by leaking its strings and slices: it is read once per process
//! (by the generator and the drift check), so the memory is bounded by the
//! file's size.

use serde::{Deserialize, Serialize};

use super::{
    Audit, Capability, ClientDefault, Column, Default, EnumInfo, Index, IndexColumn, IndexMethod,
    Ownership, PrimaryKey, Relation, Schema, Security, ServerFunction, SoftDelete, SqlType, Table,
    UniqueConstraint, Visibility,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchemaSnapshot {
    pub tables: Vec<TableSnapshot>,
    /// The SQL of row-level security's support objects the migrations
    /// installed; `None` before they did.
    #[serde(default)]
    pub row_level_security: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSnapshot {
    pub name: String,
    pub entity: String,
    pub columns: Vec<ColumnSnapshot>,
    pub primary_key: (String, Vec<String>),
    #[serde(default)]
    pub indexes: Vec<IndexSnapshot>,
    #[serde(default)]
    pub unique_constraints: Vec<(String, Vec<String>)>,
    #[serde(default)]
    pub relations: Vec<RelationSnapshot>,
    pub ownership: OwnershipSnapshot,
    #[serde(default)]
    pub soft_delete: Option<SoftDeleteSnapshot>,
    pub write_capability: Capability,
    /// `None`: the same as `write_capability`.
    #[serde(default)]
    pub create_capability: Option<Capability>,
    #[serde(default)]
    pub visibility: VisibilitySnapshot,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum VisibilitySnapshot {
    #[default]
    Tenant,
    All,
    None,
    Rows(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnSnapshot {
    pub name: String,
    pub field: String,
    pub sql_type: SqlType,
    pub nullable: bool,
    #[serde(default)]
    pub default: Option<DefaultSnapshot>,
    #[serde(default)]
    pub client_default: Option<ClientDefault>,
    #[serde(default)]
    pub audit: Option<Audit>,
    #[serde(default)]
    pub string_enum: Option<(String, Vec<String>)>,
    #[serde(default)]
    pub cross_tenant: bool,
    #[serde(default)]
    pub insert_values: Option<Vec<String>>,
    #[serde(default)]
    pub generated: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DefaultSnapshot {
    Str(String),
    Int(i64),
    Decimal(String),
    Bool(bool),
    Function(ServerFunction),
    Sql(String),
    Sequence { name: String, owned: bool },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexSnapshot {
    pub name: String,
    /// `(column, descending)`.
    pub columns: Vec<(String, bool)>,
    pub unique: bool,
    pub method: IndexMethod,
    #[serde(default)]
    pub predicate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationSnapshot {
    pub column: String,
    pub parent_table: String,
    pub parent_entity: String,
    #[serde(default)]
    pub foreign_key: Option<String>,
    #[serde(default)]
    pub on_delete: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OwnershipSnapshot {
    Tenant {
        column: String,
    },
    Via {
        column: String,
        parent_table: String,
    },
    Global,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SoftDeleteSnapshot {
    Flag(String),
    Timestamp(String),
}

impl SchemaSnapshot {
    /// The snapshot of a schema, tables sorted by name.
    pub fn of(schema: &Schema) -> SchemaSnapshot {
        SchemaSnapshot {
            tables: schema
                .sorted_tables()
                .into_iter()
                .map(TableSnapshot::of)
                .collect(),
            row_level_security: schema.security_support(),
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

    /// The snapshot as IR, for rendering and diffing (leaks; see the module docs).
    pub fn into_schema(self) -> Schema {
        let tables: Vec<&'static Table> = self
            .tables
            .into_iter()
            .map(|t| &*Box::leak(Box::new(t.into_table())))
            .collect();
        let security = match self.row_level_security {
            Some(sql) => Security::Recorded(leak(sql)),
            None => Security::None,
        };
        Schema::new(Box::leak(tables.into_boxed_slice())).with_security(security)
    }
}

impl TableSnapshot {
    pub fn of(table: &Table) -> TableSnapshot {
        TableSnapshot {
            name: table.name.into(),
            entity: table.entity.into(),
            columns: table.columns.iter().map(ColumnSnapshot::of).collect(),
            primary_key: (
                table.primary_key.name.into(),
                strings(table.primary_key.columns),
            ),
            indexes: table
                .indexes
                .iter()
                .map(|index| IndexSnapshot {
                    name: index.name.into(),
                    columns: index
                        .columns
                        .iter()
                        .map(|c| (c.name.to_owned(), c.descending))
                        .collect(),
                    unique: index.unique,
                    method: index.method,
                    predicate: index.predicate.map(Into::into),
                })
                .collect(),
            unique_constraints: table
                .unique_constraints
                .iter()
                .map(|unique| (unique.name.to_owned(), strings(unique.columns)))
                .collect(),
            relations: table
                .relations
                .iter()
                .map(|relation| RelationSnapshot {
                    column: relation.column.into(),
                    parent_table: relation.parent_table.into(),
                    parent_entity: relation.parent_entity.into(),
                    foreign_key: relation.foreign_key.map(Into::into),
                    on_delete: relation.on_delete.map(Into::into),
                })
                .collect(),
            ownership: match table.ownership {
                Ownership::Tenant { column } => OwnershipSnapshot::Tenant {
                    column: column.into(),
                },
                Ownership::Via {
                    column,
                    parent_table,
                } => OwnershipSnapshot::Via {
                    column: column.into(),
                    parent_table: parent_table.into(),
                },
                Ownership::Global => OwnershipSnapshot::Global,
            },
            soft_delete: table.soft_delete.map(|soft_delete| match soft_delete {
                SoftDelete::Flag(column) => SoftDeleteSnapshot::Flag(column.into()),
                SoftDelete::Timestamp(column) => SoftDeleteSnapshot::Timestamp(column.into()),
            }),
            write_capability: table.write_capability,
            create_capability: (table.create_capability != table.write_capability)
                .then_some(table.create_capability),
            visibility: match table.visibility {
                Visibility::Tenant => VisibilitySnapshot::Tenant,
                Visibility::All => VisibilitySnapshot::All,
                Visibility::None => VisibilitySnapshot::None,
                Visibility::Rows(sql) => VisibilitySnapshot::Rows(sql.into()),
            },
        }
    }

    fn into_table(self) -> Table {
        Table {
            name: leak(self.name),
            entity: leak(self.entity),
            columns: leak_slice(
                self.columns
                    .into_iter()
                    .map(ColumnSnapshot::into_column)
                    .collect(),
            ),
            primary_key: PrimaryKey {
                name: leak(self.primary_key.0),
                columns: leak_strings(self.primary_key.1),
            },
            indexes: leak_slice(
                self.indexes
                    .into_iter()
                    .map(|index| Index {
                        name: leak(index.name),
                        columns: leak_slice(
                            index
                                .columns
                                .into_iter()
                                .map(|(name, descending)| IndexColumn {
                                    name: leak(name),
                                    descending,
                                })
                                .collect(),
                        ),
                        unique: index.unique,
                        method: index.method,
                        predicate: index.predicate.map(leak),
                    })
                    .collect(),
            ),
            unique_constraints: leak_slice(
                self.unique_constraints
                    .into_iter()
                    .map(|(name, columns)| UniqueConstraint {
                        name: leak(name),
                        columns: leak_strings(columns),
                    })
                    .collect(),
            ),
            relations: leak_slice(
                self.relations
                    .into_iter()
                    .map(|relation| Relation {
                        column: leak(relation.column),
                        parent_table: leak(relation.parent_table),
                        parent_entity: leak(relation.parent_entity),
                        foreign_key: relation.foreign_key.map(leak),
                        on_delete: relation.on_delete.map(leak),
                    })
                    .collect(),
            ),
            ownership: match self.ownership {
                OwnershipSnapshot::Tenant { column } => Ownership::Tenant {
                    column: leak(column),
                },
                OwnershipSnapshot::Via {
                    column,
                    parent_table,
                } => Ownership::Via {
                    column: leak(column),
                    parent_table: leak(parent_table),
                },
                OwnershipSnapshot::Global => Ownership::Global,
            },
            soft_delete: self.soft_delete.map(|soft_delete| match soft_delete {
                SoftDeleteSnapshot::Flag(column) => SoftDelete::Flag(leak(column)),
                SoftDeleteSnapshot::Timestamp(column) => SoftDelete::Timestamp(leak(column)),
            }),
            write_capability: self.write_capability,
            create_capability: self.create_capability.unwrap_or(self.write_capability),
            visibility: match self.visibility {
                VisibilitySnapshot::Tenant => Visibility::Tenant,
                VisibilitySnapshot::All => Visibility::All,
                VisibilitySnapshot::None => Visibility::None,
                VisibilitySnapshot::Rows(sql) => Visibility::Rows(leak(sql)),
            },
        }
    }
}

impl ColumnSnapshot {
    pub fn of(column: &Column) -> ColumnSnapshot {
        ColumnSnapshot {
            name: column.name.into(),
            field: column.field.into(),
            sql_type: column.sql_type,
            nullable: column.nullable,
            default: column.default.map(|default| match default {
                Default::Str(value) => DefaultSnapshot::Str(value.into()),
                Default::Int(value) => DefaultSnapshot::Int(value),
                Default::Decimal(value) => DefaultSnapshot::Decimal(value.into()),
                Default::Bool(value) => DefaultSnapshot::Bool(value),
                Default::Function(function) => DefaultSnapshot::Function(function),
                Default::Sql(sql) => DefaultSnapshot::Sql(sql.into()),
                Default::Sequence { name, owned } => DefaultSnapshot::Sequence {
                    name: name.into(),
                    owned,
                },
            }),
            client_default: column.client_default,
            audit: column.audit,
            string_enum: column
                .string_enum
                .map(|info| (info.name.to_owned(), strings(info.values))),
            cross_tenant: column.cross_tenant,
            insert_values: column.insert_values.map(strings),
            generated: column.generated.map(Into::into),
        }
    }

    fn into_column(self) -> Column {
        Column {
            name: leak(self.name),
            field: leak(self.field),
            sql_type: self.sql_type,
            nullable: self.nullable,
            default: self.default.map(|default| match default {
                DefaultSnapshot::Str(value) => Default::Str(leak(value)),
                DefaultSnapshot::Int(value) => Default::Int(value),
                DefaultSnapshot::Decimal(value) => Default::Decimal(leak(value)),
                DefaultSnapshot::Bool(value) => Default::Bool(value),
                DefaultSnapshot::Function(function) => Default::Function(function),
                DefaultSnapshot::Sql(sql) => Default::Sql(leak(sql)),
                DefaultSnapshot::Sequence { name, owned } => Default::Sequence {
                    name: leak(name),
                    owned,
                },
            }),
            client_default: self.client_default,
            audit: self.audit,
            string_enum: self.string_enum.map(|(name, values)| EnumInfo {
                name: leak(name),
                values: leak_strings(values),
            }),
            cross_tenant: self.cross_tenant,
            insert_values: self.insert_values.map(leak_strings),
            generated: self.generated.map(leak),
        }
    }
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| (*value).to_owned()).collect()
}

fn leak(value: String) -> &'static str {
    Box::leak(value.into_boxed_str())
}

fn leak_slice<T>(values: Vec<T>) -> &'static [T] {
    Box::leak(values.into_boxed_slice())
}

fn leak_strings(values: Vec<String>) -> &'static [&'static str] {
    leak_slice(values.into_iter().map(leak).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLUMNS: [Column; 2] = [
        Column {
            name: "id",
            field: "id",
            sql_type: SqlType::Uuid,
            nullable: false,
            default: Some(Default::Function(ServerFunction::UuidGenerateV4)),
            client_default: None,
            audit: None,
            string_enum: None,
            cross_tenant: false,
            insert_values: None,
            generated: None,
        },
        Column {
            name: "status",
            field: "status",
            sql_type: SqlType::Varchar(Some(16)),
            nullable: true,
            default: Some(Default::Str("it's")),
            client_default: None,
            audit: None,
            string_enum: Some(EnumInfo {
                name: "Status",
                values: &["a", "b"],
            }),
            cross_tenant: false,
            insert_values: None,
            generated: None,
        },
    ];
    static TABLE: Table = Table {
        name: "things",
        entity: "Thing",
        columns: &COLUMNS,
        primary_key: PrimaryKey {
            name: "thing_pkey",
            columns: &["id"],
        },
        indexes: &[Index {
            name: "thing_status_idx",
            columns: &[IndexColumn {
                name: "status",
                descending: true,
            }],
            unique: false,
            method: IndexMethod::Btree,
            predicate: Some("status = 'a'"),
        }],
        unique_constraints: &[],
        relations: &[],
        ownership: Ownership::Global,
        soft_delete: None,
        write_capability: Capability::Editing,
        create_capability: Capability::Editing,
        visibility: Visibility::All,
    };

    #[test]
    fn a_snapshot_reads_back_as_the_same_ir() {
        static TABLES: [&Table; 1] = [&TABLE];
        let schema = Schema::new(&TABLES);
        let json = SchemaSnapshot::of(&schema).to_json();
        let read = SchemaSnapshot::from_json(&json).unwrap().into_schema();
        assert_eq!(read.tables().next().unwrap(), &TABLE);
    }
}
