//! Migrations: generated from the declarations by diffing them against the
//! schema recorded beside the previous migration, written in Diesel's
//! layout, and applied by a runner that adds a lock, checksums and progress
//! to Diesel's migration table.

pub mod adopt;
pub mod diff;
pub mod files;
pub mod mysql;
pub mod runner;
pub mod snapshot;
pub mod sql;

pub use adopt::{adopt, adopt_with_lock_wait, dify_revision, AdoptError, Adopted};
pub use diff::{diff, Diff, Phase};
pub use files::{generate, recorded_schema, Generated, MigrationFile, MigrationSet};
pub use runner::{Event, MigrateError, Runner, Status};

#[cfg(test)]
mod tests;
