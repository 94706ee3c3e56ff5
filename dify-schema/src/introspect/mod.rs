//! Reads a live PostgreSQL schema from the catalogue (`read`) and compares
//! it with the declared one (`compare`); `mysql` does the same for MySQL
//! and MariaDB from `information_schema`.
//!
//! The comparison goes through the catalogue (information_schema and
//! pg_index), never through DDL text, so two spellings of the same thing
//! (`'x'::character varying` and `'x'`) compare equal and a real
//! difference (a missing index, a nullable column) never hides.

mod compare;
pub mod mysql;
mod read;

pub use compare::{compare, normalize_sql, Drift};
pub use read::{
    live_tables, AccessMethod, ConstraintKind, LiveColumn, LiveForeignKey, LiveIndex, LiveTable,
};
