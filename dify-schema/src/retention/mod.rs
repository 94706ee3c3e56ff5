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

use std::time::{Duration, Instant};

use crate::schema::Schema;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

mod archive;
mod error;
mod options;
pub mod partition;
mod plan;
mod restore;
mod run;
pub mod sql;

pub use error::PurgeError;
pub use options::{Count, Keep, KeepFor, Overrides, Progress, PurgeOptions, PurgeReport, Throttle};
pub use plan::{roots, Child, Key, Root};
pub use restore::{restore, RestoreReport};
use run::{batch, cuts, is_lock_timeout, load, now, throttle};

/// Deletes every expired row of the schema's root tables and what goes
/// with them. `progress` is called after each batch.
pub fn purge(
    conn: &mut PgConnection,
    schema: &Schema,
    options: &mut PurgeOptions,
    progress: impl FnMut(&Progress),
) -> Result<PurgeReport, PurgeError> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    check(options)?;
    if AnsiTransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()
        .ok()
        .flatten()
        .is_some()
    {
        return Err(PurgeError::InsideTransaction);
    }
    // One purge per database: two would fight over the same rows' locks,
    // and archive what the other is deleting.
    if !lock(conn, "pg_try_advisory_lock")? {
        return Err(PurgeError::AlreadyRunning);
    }
    let result = purge_locked(conn, schema, options, progress);
    let unlocked = lock(conn, "pg_advisory_unlock");
    let report = result?;
    unlocked?;
    Ok(report)
}

/// Options a purge could not follow, refused before anything is done.
fn check(options: &PurgeOptions) -> Result<(), PurgeError> {
    if options.batch_size == 0 {
        return Err(PurgeError::Options(
            "a batch of 0 rows deletes nothing; give `batch_size` at least 1".into(),
        ));
    }
    Ok(())
}

/// The purge's advisory lock (a fixed key: "dify_purge").
fn lock(conn: &mut PgConnection, function: &str) -> Result<bool, PurgeError> {
    #[derive(QueryableByName)]
    struct Locked {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        locked: bool,
    }
    let statement = format!("SELECT {function}(hashtext('dify_purge')::bigint) AS locked");
    Ok(diesel::sql_query(statement)
        .get_result::<Locked>(conn)?
        .locked)
}

fn purge_locked(
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
    let roots = selected(schema, &options.tables)?;
    let all = plan::roots(schema)?;
    let names: Vec<&str> = all.iter().map(|root| &*root.table.name).collect();
    for root in roots {
        let cuts = cuts(conn, &root, &names, now, &mut options.overrides)?;
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
    check(options)?;
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Nullable<Text>)]
        tenant: Option<String>,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let now = now(conn, options.now)?;
    let mut out = Vec::new();
    let roots = selected(schema, &options.tables)?;
    let all = plan::roots(schema)?;
    let names: Vec<&str> = all.iter().map(|root| &*root.table.name).collect();
    for root in roots {
        let cuts = cuts(conn, &root, &names, now, &mut options.overrides)?;
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
