//! Migrations on MySQL and MariaDB: the MySQL diff of two schemas
//! (`diff.rs`), its directory of migrations (`files.rs`,
//! `migrations-mysql/`), the runner (`runner.rs`: `GET_LOCK`, checksums,
//! Diesel's bookkeeping, statement-by-statement progress since MySQL DDL
//! is not transactional) and `adopt` of a database Dify created
//! (`adopt.rs`). There is no row-level security on MySQL.

pub mod adopt;
pub mod diff;
pub mod files;
pub mod runner;

pub use adopt::{adopt, dify_revision, MysqlAdoptError, MysqlAdopted, MYSQL_BOOKKEEPING};
pub use diff::{diff, MysqlDiff};
pub use files::{generate, MysqlGenerated};
pub use runner::{MysqlRunner, LOCK_NAME_SQL, PROGRESS_TABLE};
