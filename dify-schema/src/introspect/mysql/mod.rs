//! MySQL's catalogue: what `information_schema` says of a database
//! (`read`), what the declarations say it should say (`expected`), and
//! the differences between two catalogues (`compare`).
//!
//! Both sides are [`MysqlCatalogue`]s in MariaDB's spelling (`int(11)`,
//! `current_timestamp()`, json as `longtext` with `utf8mb4_bin` and a
//! `json_valid` check), the server Dify's MySQL schema was recorded on, so
//! the comparison is of values, never of DDL text.

mod compare;
mod expected;
mod read;

use std::collections::BTreeMap;

pub use compare::{compare, MysqlDrift};
pub use expected::expected;
pub use read::read;

/// The tables of one database, by name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MysqlCatalogue {
    pub tables: BTreeMap<String, MysqlTable>,
}

/// One table: its options, columns in order, and its keys by name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MysqlTable {
    pub engine: String,
    pub collation: String,
    pub columns: Vec<MysqlColumnInfo>,
    /// Every index, `PRIMARY` and unique keys included (in MySQL a unique
    /// constraint is its index).
    pub indexes: BTreeMap<String, MysqlIndexInfo>,
    pub foreign_keys: BTreeMap<String, MysqlForeignKey>,
    /// Check constraints by name, with their clause.
    pub checks: BTreeMap<String, String>,
}

/// One column, as `information_schema.COLUMNS` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MysqlColumnInfo {
    pub name: String,
    /// `COLUMN_TYPE`: `char(36)`, `int(11)`, `decimal(10,7)`.
    pub column_type: String,
    pub nullable: bool,
    /// `COLUMN_DEFAULT` as printed: `None` for no default, `NULL`, a
    /// quoted literal (`'active'`) or an expression (`current_timestamp()`).
    pub default: Option<String>,
    /// `EXTRA`: `auto_increment`, `VIRTUAL GENERATED`, or empty.
    pub extra: String,
    /// The collation, only where it differs from the table's.
    pub collation: Option<String>,
    /// A generated column's expression.
    pub generation: Option<String>,
}

/// One index, from `information_schema.STATISTICS`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MysqlIndexInfo {
    pub unique: bool,
    pub columns: Vec<MysqlKeyPart>,
}

/// One column of an index: a prefix length (`SUB_PART`, characters) and
/// its direction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MysqlKeyPart {
    pub column: String,
    pub prefix: Option<u32>,
    pub descending: bool,
}

/// One foreign key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MysqlForeignKey {
    pub columns: Vec<String>,
    pub referenced_table: String,
    pub referenced_columns: Vec<String>,
    /// `RESTRICT`, `CASCADE`, `SET NULL`, ...
    pub on_delete: String,
    pub on_update: String,
}

impl MysqlCatalogue {
    /// `(tables, columns, indexes)`: the figures a comparison prints.
    pub fn counts(&self) -> (usize, usize, usize) {
        let columns = self.tables.values().map(|t| t.columns.len()).sum();
        let indexes = self.tables.values().map(|t| t.indexes.len()).sum();
        (self.tables.len(), columns, indexes)
    }

    /// The catalogue without these tables (bookkeeping: Alembic's,
    /// Diesel's, the runner's).
    pub fn without(mut self, tables: &[&str]) -> MysqlCatalogue {
        self.tables
            .retain(|name, _| !tables.contains(&name.as_str()));
        self
    }
}
