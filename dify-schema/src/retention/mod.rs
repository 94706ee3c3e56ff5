//! Retention: deleting what has expired, in small batches that ordinary
//! writes do not notice (issue 16).
//!
//! A table declares `#[retention(on = created_at, days = 30)]` (a root)
//! or `#[retention(with = workflow_run_id)]` (its rows go with the row
//! that column references). [`purge`] walks each root's expired rows in
//! `(timestamp, key)` order, through the index the declaration must have,
//! and deletes a batch of roots with everything that goes with them,
//! children before parents, in one short transaction under a lock
//! timeout. A batch never spans two days, so an archive (`archive.rs`)
//! holds one file per table, day and batch. A purge keeps no state: a
//! killed one leaves whole batches deleted and the rest in place, and a
//! rerun starts again at the oldest expired row.
//!
//! Partitioned roots (`#[partition]`) lose whole months by `DETACH` and
//! `DROP` where every workspace's rows in them have expired
//! (`partition.rs`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::pg::Pg;
use diesel::sql_types::{Array, BigInt, Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use uuid::Uuid;

use crate::schema::Schema;

mod archive;
pub mod partition;
mod plan;
pub mod sql;

pub use archive::{restore, RestoreReport};
pub use plan::{roots, Child, Key, Root};

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
    /// The per-workspace overrides could not be read.
    #[error("retention overrides: {0}")]
    Overrides(String),
}

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
    /// table, or `*` for all) and `days integer` (`NULL`: forever).
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

/// What [`purge`] and [`dry_run`] do.
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

/// Deletes every expired row of the schema's root tables and what goes
/// with them. `progress` is called after each batch.
pub fn purge(
    conn: &mut PgConnection,
    schema: &Schema,
    options: &mut PurgeOptions,
    mut progress: impl FnMut(&Progress),
) -> Result<PurgeReport, PurgeError> {
    let started = Instant::now();
    let mut report = PurgeReport::default();
    let now = now(conn, options.now)?;
    let mut archive = options
        .archive
        .as_ref()
        .map(|dir| archive::Writer::open(dir))
        .transpose()?;
    // Writers keep finding a partition for this month and the next ones.
    partition::ensure_ahead(conn, schema, crate::render::postgres::PARTITIONS_AHEAD)?;
    for root in selected(schema, &options.tables)? {
        let cuts = cuts(conn, &root, now, &mut options.overrides)?;
        partition::drop_expired(conn, &root, &cuts, options, archive.as_mut(), &mut report)?;
        let mut cursor: Option<(String, String)> = None;
        loop {
            let mut attempts = 0;
            let batch = loop {
                match batch(
                    conn,
                    &root,
                    &cuts,
                    cursor.as_ref(),
                    options,
                    archive.as_mut(),
                ) {
                    Err(PurgeError::Database(error)) if is_lock_timeout(&error) => {
                        attempts += 1;
                        report.lock_retries += 1;
                        if attempts > options.retries {
                            return Err(PurgeError::LockTimeout {
                                table: root.table.name.to_string(),
                                attempts,
                            });
                        }
                        std::thread::sleep(Duration::from_millis(50 * u64::from(attempts)));
                    }
                    other => break other?,
                }
            };
            let Some(batch) = batch else { break };
            for (table, rows) in batch.deleted {
                *report.deleted.entry(table).or_default() += rows;
            }
            report.batches += 1;
            cursor = Some(batch.last);
            progress(&Progress {
                table: &root.table.name,
                batches: report.batches,
                rows: report.rows(),
                elapsed: started.elapsed(),
            });
            throttle(options.throttle, report.rows(), started);
        }
    }
    Ok(report)
}

/// What [`purge`] would delete, per table and workspace, deleting nothing.
pub fn dry_run(
    conn: &mut PgConnection,
    schema: &Schema,
    options: &mut PurgeOptions,
) -> Result<Vec<Count>, PurgeError> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Nullable<Text>)]
        tenant: Option<String>,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let now = now(conn, options.now)?;
    let mut out = Vec::new();
    for root in selected(schema, &options.tables)? {
        let cuts = cuts(conn, &root, now, &mut options.overrides)?;
        for (table, statement) in sql::counts(&root, &cuts) {
            for row in load::<Row>(conn, &statement)? {
                out.push(Count {
                    table: table.clone(),
                    tenant: row.tenant.and_then(|t| t.parse().ok()),
                    rows: row.n as u64,
                });
            }
        }
    }
    Ok(out)
}

fn selected<'s>(schema: &'s Schema, tables: &[String]) -> Result<Vec<Root<'s>>, PurgeError> {
    let roots = roots(schema)?;
    for wanted in tables {
        if !roots.iter().any(|root| root.table.name == *wanted) {
            return Err(PurgeError::Declaration {
                table: wanted.clone(),
                reason: format!(
                    "declares no `#[retention(on = ..., days = ...)]`; the tables that do: {}",
                    roots
                        .iter()
                        .map(|r| r.table.name.as_ref())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    Ok(roots
        .into_iter()
        .filter(|root| tables.is_empty() || tables.iter().any(|t| *t == root.table.name))
        .collect())
}

fn now(conn: &mut PgConnection, given: Option<NaiveDateTime>) -> Result<NaiveDateTime, PurgeError> {
    #[derive(QueryableByName)]
    struct Now {
        #[diesel(sql_type = diesel::sql_types::Timestamp)]
        now: NaiveDateTime,
    }
    match given {
        Some(now) => Ok(now),
        None => Ok(
            diesel::sql_query("SELECT (now() AT TIME ZONE 'UTC')::timestamp AS now")
                .get_result::<Now>(conn)?
                .now,
        ),
    }
}

fn cut_of(now: NaiveDateTime, keep: Keep) -> String {
    match keep {
        Keep::Forever => "-infinity".into(),
        Keep::Days(days) => (now - chrono::Duration::days(days.into()))
            .format("%Y-%m-%d %H:%M:%S%.6f")
            .to_string(),
    }
}

/// The root's cuts, with the overrides that apply to it.
fn cuts(
    conn: &mut PgConnection,
    root: &Root,
    now: NaiveDateTime,
    overrides: &mut Overrides,
) -> Result<sql::Cuts, PurgeError> {
    let default = cut_of(now, Keep::Days(root.days));
    let mut per_tenant: BTreeMap<Uuid, Keep> = BTreeMap::new();
    match overrides {
        Overrides::None => {}
        Overrides::Table(name) => {
            #[derive(QueryableByName)]
            struct Row {
                #[diesel(sql_type = Text)]
                tenant: String,
                #[diesel(sql_type = Text)]
                table_name: String,
                #[diesel(sql_type = Nullable<BigInt>)]
                days: Option<i64>,
            }
            let query = format!(
                "SELECT tenant_id::text AS tenant, table_name::text AS table_name, days::bigint AS days FROM {} WHERE table_name IN ('*', $1) ORDER BY (table_name = '*') DESC",
                crate::quote::ident(name)
            );
            let rows: Vec<Row> = diesel::sql_query(query)
                .bind::<Text, _>(root.table.name.as_ref())
                .load(conn)
                .map_err(|error| overrides_error(name, error))?;
            // `*` first, so a table's own row wins.
            for row in rows {
                let tenant = row.tenant.parse().map_err(|_| {
                    PurgeError::Overrides(format!("`{}` is not a workspace id", row.tenant))
                })?;
                let keep = match row.days {
                    None => Keep::Forever,
                    Some(days) => Keep::Days(u32::try_from(days).map_err(|_| {
                        PurgeError::Overrides(format!(
                            "workspace {tenant}, `{}`: {days} is not a number of days",
                            row.table_name
                        ))
                    })?),
                };
                per_tenant.insert(tenant, keep);
            }
        }
        Overrides::Callback(callback) => {
            #[derive(QueryableByName)]
            struct Tenant {
                #[diesel(sql_type = diesel::sql_types::Uuid)]
                id: Uuid,
            }
            let tenants: Vec<Tenant> =
                diesel::sql_query("SELECT id FROM tenants ORDER BY id").load(conn)?;
            for tenant in tenants {
                if let Some(keep) = callback(tenant.id, &root.table.name) {
                    per_tenant.insert(tenant.id, keep);
                }
            }
        }
    }
    let overrides: Vec<(String, String)> = per_tenant
        .into_iter()
        .map(|(tenant, keep)| (tenant.to_string(), cut_of(now, keep)))
        .collect();
    // Timestamps in this one format (and `-infinity`) order as text.
    let latest = overrides
        .iter()
        .map(|(_, cut)| cut.clone())
        .filter(|cut| cut != "-infinity")
        .chain([default.clone()])
        .max()
        .expect("the default is there");
    Ok(sql::Cuts {
        default,
        latest,
        overrides,
    })
}

fn overrides_error(table: &str, error: diesel::result::Error) -> PurgeError {
    PurgeError::Overrides(format!(
        "reading `{table}` (columns tenant_id, table_name, days): {error}"
    ))
}

/// One deleted batch: rows per table and the cursor after it.
struct Batch {
    deleted: Vec<(String, u64)>,
    last: (String, String),
}

/// Deletes the next batch of `root`, or `None` when nothing has expired.
fn batch(
    conn: &mut PgConnection,
    root: &Root,
    cuts: &sql::Cuts,
    cursor: Option<&(String, String)>,
    options: &PurgeOptions,
    archive: Option<&mut archive::Writer>,
) -> Result<Option<Batch>, PurgeError> {
    #[derive(QueryableByName)]
    struct Expired {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Text)]
        at: String,
        #[diesel(sql_type = Text)]
        day: String,
    }
    conn.batch_execute(&format!(
        "BEGIN; SET LOCAL lock_timeout = '{}ms'",
        options.lock_timeout.as_millis()
    ))?;
    let result = (|| {
        let statement = sql::root_batch(
            root,
            cuts,
            cursor.map(|(at, id)| (at.as_str(), id.as_str())),
            options.batch_size,
        );
        let mut rows = load::<Expired>(conn, &statement)?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        // One day per batch, so an archive file holds one day.
        let day = first.day.clone();
        rows.retain(|row| row.day == day);
        let last = rows
            .last()
            .map(|row| (row.at.clone(), row.id.clone()))
            .expect("one row");
        let keys: Vec<String> = rows.into_iter().map(|row| row.id).collect();
        let mut deleted = Vec::new();
        let mut archived = Vec::new();
        let keep = archive.is_some();
        delete_children(
            conn,
            &root.children,
            &root.key.sql_type,
            &keys,
            keep,
            &mut deleted,
            &mut archived,
        )?;
        let statement = sql::delete(
            &root.table.name,
            root.key.name,
            &root.key.sql_type,
            keys,
            keep,
        );
        let n = run_delete(conn, &statement, keep, &root.table.name, &mut archived)?;
        deleted.push((root.table.name.to_string(), n));
        if let Some(archive) = archive {
            // On disk (synced, in the manifest) before the delete commits.
            archive.write_batch(&day, archived)?;
        }
        Ok(Some(Batch { deleted, last }))
    })();
    match result {
        Ok(batch) => {
            conn.batch_execute("COMMIT")?;
            Ok(batch)
        }
        Err(error) => {
            let _ = conn.batch_execute("ROLLBACK");
            Err(error)
        }
    }
}

/// Deletes, deepest first, the rows of `children` whose parents are `keys`.
fn delete_children(
    conn: &mut PgConnection,
    children: &[Child],
    parent_type: &str,
    keys: &[String],
    archive: bool,
    deleted: &mut Vec<(String, u64)>,
    archived: &mut Vec<(String, Vec<String>)>,
) -> Result<(), PurgeError> {
    #[derive(QueryableByName)]
    struct Key {
        #[diesel(sql_type = Text)]
        id: String,
    }
    for child in children {
        if !child.children.is_empty() {
            let statement = sql::child_keys(child, parent_type, keys.to_vec());
            let own: Vec<String> = load::<Key>(conn, &statement)?
                .into_iter()
                .map(|k| k.id)
                .collect();
            if !own.is_empty() {
                delete_children(
                    conn,
                    &child.children,
                    &child.key.sql_type,
                    &own,
                    archive,
                    deleted,
                    archived,
                )?;
            }
        }
        let statement = sql::delete(
            &child.table.name,
            child.column,
            parent_type,
            keys.to_vec(),
            archive,
        );
        let n = run_delete(conn, &statement, archive, &child.table.name, archived)?;
        deleted.push((child.table.name.to_string(), n));
    }
    Ok(())
}

fn run_delete(
    conn: &mut PgConnection,
    statement: &sql::Statement,
    archive: bool,
    table: &str,
    archived: &mut Vec<(String, Vec<String>)>,
) -> Result<u64, PurgeError> {
    #[derive(QueryableByName)]
    struct Json {
        #[diesel(sql_type = Text)]
        row: String,
    }
    if archive {
        let rows: Vec<String> = load::<Json>(conn, statement)?
            .into_iter()
            .map(|r| r.row)
            .collect();
        let n = rows.len() as u64;
        if n > 0 {
            archived.push((table.to_owned(), rows));
        }
        Ok(n)
    } else {
        Ok(boxed(statement).execute(conn)? as u64)
    }
}

fn boxed(
    statement: &sql::Statement,
) -> diesel::query_builder::BoxedSqlQuery<'static, Pg, diesel::query_builder::SqlQuery> {
    let mut query = diesel::sql_query(statement.sql.clone()).into_boxed::<Pg>();
    for bind in &statement.binds {
        query = match bind {
            sql::Bind::Text(text) => query.bind::<Text, _>(text.clone()),
            sql::Bind::TextArray(items) => query.bind::<Array<Text>, _>(items.clone()),
            sql::Bind::Int(n) => query.bind::<BigInt, _>(*n),
        };
    }
    query
}

fn load<T: QueryableByName<Pg> + 'static>(
    conn: &mut PgConnection,
    statement: &sql::Statement,
) -> Result<Vec<T>, PurgeError> {
    Ok(boxed(statement).load(conn)?)
}

fn is_lock_timeout(error: &diesel::result::Error) -> bool {
    // 55P03 lock_not_available: Diesel has no kind for it; PostgreSQL's
    // message is stable.
    matches!(error, diesel::result::Error::DatabaseError(_, info)
        if info.message().contains("lock timeout"))
}

fn throttle(throttle: Throttle, rows: u64, started: Instant) {
    match throttle {
        Throttle::None => {}
        Throttle::Pause(pause) => std::thread::sleep(pause),
        Throttle::RowsPerSecond(rate) => {
            let due = Duration::from_secs_f64(rows as f64 / f64::from(rate.max(1)));
            if let Some(wait) = due.checked_sub(started.elapsed()) {
                std::thread::sleep(wait);
            }
        }
    }
}
