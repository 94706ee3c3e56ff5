//! What a declaration says about MySQL where Dify's mapping depends on the
//! column or the index rather than on its type (`mysql_type = "text"`,
//! `#[index(mysql = "skip")]`, ...). Each record is empty when the
//! declaration says nothing, and a snapshot then writes nothing for it, so
//! `migrations/schema.json` (PostgreSQL's) keeps its bytes.

use serde::{Deserialize, Serialize};

pub use dify_schema_ir::MysqlBuild;

use super::{Default, List, Text};

/// A column's MySQL options (`#[column(mysql_type = ..., mysql_default =
/// ..., mysql_generated = ...)]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MysqlColumn {
    /// The MySQL type instead of the mapped one (`text` for Dify's plain
    /// `sa.Text` columns, which the mapping makes `longtext`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sql_type: Option<Text>,
    /// The default on MySQL, where the PostgreSQL one is SQL text
    /// (`sql("'-1'::integer")`) that MySQL cannot read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Default>,
    /// The expression of a generated column in MySQL's dialect (built
    /// `VIRTUAL`, as Dify's migration builds it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Text>,
}

impl MysqlColumn {
    /// Nothing said: the mapping decides.
    pub const NONE: MysqlColumn = MysqlColumn {
        sql_type: None,
        default: None,
        generated: None,
    };

    pub fn is_none(&self) -> bool {
        *self == MysqlColumn::NONE
    }
}

impl std::default::Default for MysqlColumn {
    fn default() -> Self {
        MysqlColumn::NONE
    }
}

/// The prefix length (in characters) MySQL indexes of one column of an
/// index, for keys that would pass InnoDB's 3072 bytes. A snapshot writes
/// it as `[column, length]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MysqlPrefix {
    pub column: Text,
    pub length: u16,
}

impl Serialize for MysqlPrefix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&self.column, self.length).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for MysqlPrefix {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (column, length) = <(Text, u16)>::deserialize(deserializer)?;
        Ok(MysqlPrefix { column, length })
    }
}

/// An index's MySQL options (`#[index(mysql = "skip" | "whole",
/// mysql_prefix(column = 191))]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MysqlIndex {
    #[serde(default, skip_serializing_if = "is_same")]
    pub build: MysqlBuild,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub prefixes: List<MysqlPrefix>,
}

fn is_same(build: &MysqlBuild) -> bool {
    *build == MysqlBuild::Same
}

impl MysqlIndex {
    /// Nothing said: built as on PostgreSQL, whole columns.
    pub const NONE: MysqlIndex = MysqlIndex {
        build: MysqlBuild::Same,
        prefixes: std::borrow::Cow::Borrowed(&[]),
    };

    pub fn is_none(&self) -> bool {
        *self == MysqlIndex::NONE
    }

    /// The prefix length of `column`, if it is indexed by a prefix.
    pub fn prefix(&self, column: &str) -> Option<u16> {
        self.prefixes
            .iter()
            .find(|prefix| prefix.column == column)
            .map(|prefix| prefix.length)
    }
}

impl std::default::Default for MysqlIndex {
    fn default() -> Self {
        MysqlIndex::NONE
    }
}

impl super::Schema {
    /// The same schema with every MySQL option at its default: what
    /// PostgreSQL builds and its snapshot records (`migrations/schema.json`
    /// keeps its bytes), and what its diff compares, so that a MySQL-only
    /// change is no PostgreSQL migration.
    pub fn without_mysql(&self) -> super::Schema {
        let tables = self
            .tables()
            .map(|table| {
                let mut table = table.clone();
                for column in table.columns.to_mut() {
                    column.mysql = MysqlColumn::NONE;
                }
                for index in table.indexes.to_mut() {
                    index.mysql = MysqlIndex::NONE;
                }
                for unique in table.unique_constraints.to_mut() {
                    unique.mysql_name = None;
                }
                for relation in table.relations.to_mut() {
                    relation.mysql_foreign_key = None;
                }
                table
            })
            .collect();
        super::Schema::owned(tables, self.security().clone())
    }
}
