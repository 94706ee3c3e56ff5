//! What a purge is asked to do, and what it says back.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDateTime;
use uuid::Uuid;

/// How long a workspace keeps a root table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Days(u32),
    Forever,
}

/// A workspace's retention for a root table, or `None` for the declared one.
pub type KeepFor = dyn FnMut(Uuid, &str) -> Option<Keep>;

/// Where per-workspace retention comes from (Dify keeps logs for
/// different times per plan).
pub enum Overrides {
    /// Every workspace keeps the declared time.
    None,
    /// A table with columns `tenant_id uuid`, `table_name text` (a root
    /// table, or `*` for all) and `days integer` (`NULL`: forever). A row
    /// naming any other table, or with negative days, is refused; a row
    /// naming the table beats a `*` row, and of two alike the longer
    /// retention wins.
    Table(String),
    /// Asked once per workspace (`tenants.id`) and root table.
    Callback(Box<KeepFor>),
}

/// How fast a purge may go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Throttle {
    None,
    /// At most this many deleted rows (all tables) per second, on average.
    RowsPerSecond(u32),
    /// This pause after each batch.
    Pause(Duration),
}

/// What [`purge`](super::purge) and [`dry_run`](super::dry_run) do.
pub struct PurgeOptions {
    /// Root rows per batch (their children come with them).
    pub batch_size: u32,
    /// `SET LOCAL lock_timeout` of each batch.
    pub lock_timeout: Duration,
    /// How often a batch that timed out on a lock is tried again.
    pub retries: u32,
    pub throttle: Throttle,
    pub overrides: Overrides,
    /// The time rows expire against; the database's clock (UTC) if `None`.
    pub now: Option<NaiveDateTime>,
    /// Only these root tables; all if empty.
    pub tables: Vec<String>,
    /// Write each batch here before deleting it.
    pub archive: Option<PathBuf>,
}

impl Default for PurgeOptions {
    fn default() -> Self {
        PurgeOptions {
            batch_size: 100,
            lock_timeout: Duration::from_secs(2),
            retries: 10,
            throttle: Throttle::None,
            overrides: Overrides::None,
            now: None,
            tables: Vec::new(),
            archive: None,
        }
    }
}

/// Where a purge is, after each batch.
#[derive(Debug, Clone)]
pub struct Progress<'a> {
    /// The root table being purged.
    pub table: &'a str,
    pub batches: u64,
    /// Rows deleted so far, all tables.
    pub rows: u64,
    pub elapsed: Duration,
}

/// What a purge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// Rows deleted per table.
    pub deleted: BTreeMap<String, u64>,
    pub batches: u64,
    /// Batches rolled back on a lock timeout and tried again.
    pub lock_retries: u64,
    /// Partitions detached and dropped whole.
    pub dropped_partitions: Vec<String>,
}

impl PurgeReport {
    pub fn rows(&self) -> u64 {
        self.deleted.values().sum()
    }
}

/// One line of a dry run: so many rows of `table` in `tenant` would go.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Count {
    pub table: String,
    /// `None` for rows whose workspace cannot be found (a parent gone).
    pub tenant: Option<Uuid>,
    pub rows: u64,
}
