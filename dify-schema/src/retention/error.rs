//! What a purge or a restore reports when it fails.

use std::path::PathBuf;

/// What went wrong; nothing is half done: a batch is deleted whole or not
/// at all, and its archive is on disk before its delete commits.
#[derive(Debug, thiserror::Error)]
pub enum PurgeError {
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("`{table}`: {reason}")]
    Declaration { table: String, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// An archive file is not what its manifest says; nothing was restored.
    #[error("archive file {path} does not match the manifest: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    /// A batch could not take its locks within the lock timeout, this many
    /// times in a row; the batch was rolled back and nothing of it is lost.
    #[error("`{table}`: a batch waited for locks longer than the lock timeout {attempts} times; try again later or raise --lock-timeout")]
    LockTimeout { table: String, attempts: u32 },
    /// The connection was inside a transaction: a purge commits batch by
    /// batch, which would commit the caller's work too. Nothing was done.
    #[error("the connection is inside a transaction; a purge runs its own, batch by batch")]
    InsideTransaction,
    /// Another purge holds the purge lock on this database. Nothing was done.
    #[error("another purge is running on this database (it holds the purge's advisory lock)")]
    AlreadyRunning,
    /// The options cannot be followed (a batch of no rows); nothing was done.
    #[error("purge options: {0}")]
    Options(String),
    /// A batch's rows could not be read back from their archive (PostgreSQL
    /// refuses some `json` values, such as `\u0000`, when it parses them);
    /// the batch was rolled back, nothing of it deleted. Purge without an
    /// archive, or fix the row.
    #[error("`{table}`: a batch's archive could not be restored, so nothing of it was deleted: {reason}")]
    Unarchivable { table: String, reason: String },
    /// The per-workspace overrides could not be read.
    #[error("retention overrides: {0}")]
    Overrides(String),
}
