//! The migration runner: Diesel's migration table and traits, with what
//! they lack added around them.
//!
//! * A PostgreSQL advisory lock taken with `pg_try_advisory_lock` in a
//!   retry loop, never a blocking `pg_advisory_lock`: a runner blocked in
//!   the lock queue deadlocks with another runner's
//!   `CREATE INDEX CONCURRENTLY`, which waits for every older transaction
//!   (flyway #1654). Two runners started together: one applies, the other
//!   waits, then finds nothing to do.
//! * Each migration in its own transaction (except those marked
//!   `run_in_transaction = false`), run statement by statement so a failure
//!   names the statement; a failed migration leaves the database as it was.
//! * A migration outside a transaction that failed halfway is not
//!   recorded, and the next run runs it again from the start: its
//!   statements must be re-runnable (`generate` writes
//!   `CREATE INDEX CONCURRENTLY IF NOT EXISTS`). A failed
//!   `CREATE INDEX CONCURRENTLY` leaves an INVALID index, which
//!   `IF NOT EXISTS` would keep and a plain `CREATE` trip over, so before
//!   running such a migration the runner drops the INVALID indexes it
//!   names (and only those).
//! * A SHA-256 checksum per applied migration; an applied migration whose
//!   files changed is refused by name.
//! * Unacknowledged `-- UNSAFE(` statements are refused before anything runs.
//! * Progress events for a bar or a log.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationConnection;
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};

use super::diff::unacknowledged;
use super::files::{MigrationFile, MigrationSet};
use super::sql::{concurrent_indexes, split_statements, ConcurrentIndex};

/// The advisory lock key: "dify" in ASCII, shared by every runner of this schema.
pub const LOCK_KEY: i64 = 0x6469_6679;

/// The table of checksums beside Diesel's `__diesel_schema_migrations`.
pub const CHECKSUM_TABLE: &str = "__dify_schema_migrations";

/// Why migrating stopped.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("migration {name} was applied, but its files have changed since (checksum {applied} applied, {current} now); restore it and put the change in a new migration")]
    Edited {
        name: String,
        applied: String,
        current: String,
    },

    #[error("migration {name} has unsafe statements nobody acknowledged:\n{}", lines.join("\n"))]
    Unacknowledged { name: String, lines: Vec<String> },

    #[error("migration {name} failed at statement:\n{statement}\n{message}")]
    Failed {
        name: String,
        statement: String,
        message: String,
    },

    /// MySQL: the migration stopped at a statement after `position - 1`
    /// others were applied, which MySQL cannot roll back; they are
    /// recorded, and the next run resumes at this statement.
    #[error("migration {name} stopped at statement {position} of {total}; the {} before it are applied (MySQL cannot roll DDL back) and recorded, so the next run resumes here once it is fixed:\n{statement}\n{message}", position - 1)]
    PartiallyApplied {
        name: String,
        statement: String,
        message: String,
        position: usize,
        total: usize,
    },

    /// MySQL: a statement an earlier, unfinished run applied was edited
    /// since; the database holds the old one.
    #[error("migration {name} was applied up to statement {position} by an earlier run, and that statement has changed since; the database holds the old one: restore it (and fix only the statements after it), or undo by hand and clear its rows in __dify_schema_migration_progress:\n{statement}")]
    AppliedStatementEdited {
        name: String,
        position: usize,
        statement: String,
    },

    #[error("version {version} is applied in the database but no migration file has it")]
    Unknown { version: String },

    #[error("gave up waiting {waited:?} for the migration lock ({})", holder.map_or("its holder is gone".to_owned(), |pid| format!("held by pid {pid}")))]
    LockTimeout {
        waited: Duration,
        holder: Option<i32>,
    },

    #[error("there is no applied migration to roll back")]
    NothingToRollBack,

    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// What the runner is doing, for progress output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Another runner holds the lock; this one retries.
    WaitingForLock {
        holder: Option<i32>,
    },
    LockAcquired,
    /// `pending` migrations will run.
    Plan {
        pending: usize,
    },
    Applying {
        index: usize,
        total: usize,
        name: String,
    },
    Applied {
        index: usize,
        total: usize,
        name: String,
        millis: u128,
    },
    RollingBack {
        name: String,
    },
    RolledBack {
        name: String,
    },
    /// An earlier run of `migration` failed while building `index`
    /// concurrently and left it INVALID; it was dropped, to be built again.
    DroppedInvalidIndex {
        migration: String,
        index: String,
    },
}

/// One migration and whether it has run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub name: String,
    pub applied: bool,
    /// False when applied and its files changed since.
    pub unchanged: bool,
}

pub struct Runner<'a> {
    conn: &'a mut PgConnection,
    migrations: &'a MigrationSet,
    /// How often to retry the lock.
    pub poll: Duration,
    /// Give up waiting for the lock after this long (`None`: wait as long as it takes).
    pub lock_wait: Option<Duration>,
}

#[derive(QueryableByName)]
struct Applied {
    #[diesel(sql_type = Text)]
    version: String,
    #[diesel(sql_type = Nullable<Text>)]
    checksum: Option<String>,
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

#[derive(QueryableByName)]
struct InvalidIndex {
    /// The index as `regclass` prints it: quoted, and qualified when its
    /// schema is not on the search path.
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Holder {
    #[diesel(sql_type = Nullable<Integer>)]
    pid: Option<i32>,
}

impl<'a> Runner<'a> {
    pub fn new(conn: &'a mut PgConnection, migrations: &'a MigrationSet) -> Runner<'a> {
        Runner {
            conn,
            migrations,
            poll: Duration::from_millis(200),
            lock_wait: None,
        }
    }

    /// Every migration with its state, in order.
    pub fn status(&mut self) -> Result<Vec<Status>, MigrateError> {
        let applied = self.applied()?;
        Ok(self
            .migrations
            .migrations()
            .iter()
            .map(|migration| {
                let recorded = applied.get(migration.version());
                Status {
                    name: migration.name.to_string(),
                    applied: recorded.is_some(),
                    unchanged: match recorded {
                        Some(Some(checksum)) => *checksum == migration.checksum(),
                        _ => true,
                    },
                }
            })
            .collect())
    }

    /// Fails when an applied migration was edited or is missing.
    pub fn verify(&mut self) -> Result<(), MigrateError> {
        let applied = self.applied()?;
        self.verify_against(&applied)
    }

    /// Applies every pending migration, under the lock. Returns the names applied.
    pub fn run_pending(
        &mut self,
        mut progress: impl FnMut(Event),
    ) -> Result<Vec<String>, MigrateError> {
        // The bookkeeping tables are created under the lock: two runners
        // racing through CREATE TABLE IF NOT EXISTS can both try to create.
        self.lock(&mut progress)?;
        let result = self
            .setup()
            .and_then(|()| self.run_pending_locked(&mut progress));
        let unlocked = self.unlock();
        let applied = result?;
        unlocked?;
        Ok(applied)
    }

    /// Reverts the last applied migration, under the lock.
    pub fn rollback(&mut self, mut progress: impl FnMut(Event)) -> Result<String, MigrateError> {
        self.lock(&mut progress)?;
        let result = self
            .setup()
            .and_then(|()| self.rollback_locked(&mut progress));
        let unlocked = self.unlock();
        let name = result?;
        unlocked?;
        Ok(name)
    }

    fn run_pending_locked(
        &mut self,
        progress: &mut impl FnMut(Event),
    ) -> Result<Vec<String>, MigrateError> {
        // Read the state only now, under the lock: a runner that waited sees
        // what the other one applied.
        let applied = self.applied()?;
        self.verify_against(&applied)?;
        let pending: Vec<&MigrationFile> = self
            .migrations
            .migrations()
            .iter()
            .filter(|m| !applied.contains_key(m.version()))
            .collect();
        for migration in &pending {
            let mut lines = unacknowledged(&migration.up);
            lines.extend(unacknowledged(&migration.down));
            if !lines.is_empty() {
                return Err(MigrateError::Unacknowledged {
                    name: migration.name.to_string(),
                    lines,
                });
            }
        }
        progress(Event::Plan {
            pending: pending.len(),
        });
        let total = pending.len();
        let mut done = Vec::new();
        for (index, migration) in pending.into_iter().enumerate() {
            progress(Event::Applying {
                index,
                total,
                name: migration.name.to_string(),
            });
            let started = Instant::now();
            self.apply(migration, progress)?;
            progress(Event::Applied {
                index,
                total,
                name: migration.name.to_string(),
                millis: started.elapsed().as_millis(),
            });
            done.push(migration.name.to_string());
        }
        Ok(done)
    }

    fn rollback_locked(
        &mut self,
        progress: &mut impl FnMut(Event),
    ) -> Result<String, MigrateError> {
        let applied = self.applied()?;
        self.verify_against(&applied)?;
        let last = self
            .migrations
            .migrations()
            .iter()
            .rev()
            .find(|m| applied.contains_key(m.version()))
            .ok_or(MigrateError::NothingToRollBack)?;
        progress(Event::RollingBack {
            name: last.name.to_string(),
        });
        let version = last.version().to_owned();
        let forget = |conn: &mut PgConnection| -> Result<(), diesel::result::Error> {
            diesel::sql_query("DELETE FROM __diesel_schema_migrations WHERE version = $1")
                .bind::<Text, _>(&version)
                .execute(conn)?;
            diesel::sql_query(format!("DELETE FROM {CHECKSUM_TABLE} WHERE version = $1"))
                .bind::<Text, _>(&version)
                .execute(conn)?;
            Ok(())
        };
        if last.run_in_transaction {
            self.conn.transaction(|conn| -> Result<(), MigrateError> {
                execute_script(conn, last, &last.down)?;
                forget(conn)?;
                Ok(())
            })?;
        } else {
            self.run_outside_transaction(last, &last.down, progress)?;
            self.conn.transaction(forget)?;
        }
        progress(Event::RolledBack {
            name: last.name.to_string(),
        });
        Ok(last.name.to_string())
    }

    /// Records every migration up to and including `up_to` as applied
    /// without running it, under the lock: a database whose schema they
    /// would have built already has it (`dify-db adopt` of a database
    /// Dify created). Returns the names recorded.
    pub fn record_as_applied(
        &mut self,
        up_to: &str,
        mut progress: impl FnMut(Event),
    ) -> Result<Vec<String>, MigrateError> {
        self.lock(&mut progress)?;
        let result = self.setup().and_then(|()| {
            let applied = self.applied()?;
            self.verify_against(&applied)?;
            let migrations = self.migrations;
            let pending: Vec<&MigrationFile> = migrations
                .migrations()
                .iter()
                .filter(|m| m.version() <= up_to && !applied.contains_key(m.version()))
                .collect();
            self.conn
                .transaction(|conn| -> Result<Vec<String>, MigrateError> {
                    for migration in &pending {
                        record(conn, migration)?;
                    }
                    Ok(pending.iter().map(|m| m.name.to_string()).collect())
                })
        });
        let unlocked = self.unlock();
        let recorded = result?;
        unlocked?;
        Ok(recorded)
    }

    fn apply(
        &mut self,
        migration: &MigrationFile,
        progress: &mut impl FnMut(Event),
    ) -> Result<(), MigrateError> {
        let record = |conn: &mut PgConnection| record(conn, migration);
        if migration.run_in_transaction {
            self.conn.transaction(|conn| -> Result<(), MigrateError> {
                execute_script(conn, migration, &migration.up)?;
                record(conn)?;
                Ok(())
            })
        } else {
            self.run_outside_transaction(migration, &migration.up, progress)?;
            // Both rows or neither: a migration recorded in Diesel's table
            // without its checksum would pass for one applied by diesel_cli.
            self.conn.transaction(record)?;
            Ok(())
        }
    }

    /// Runs `script` of a migration marked `run_in_transaction = false`
    /// (`CREATE INDEX CONCURRENTLY`, which a transaction refuses), after
    /// clearing what an earlier failed run of it left behind.
    fn run_outside_transaction(
        &mut self,
        migration: &MigrationFile,
        script: &str,
        progress: &mut impl FnMut(Event),
    ) -> Result<(), MigrateError> {
        // A session-level lock_timeout, since SET LOCAL needs a transaction.
        self.conn.batch_execute(&format!(
            "SET lock_timeout = '{}'",
            super::diff::LOCK_TIMEOUT
        ))?;
        let result = drop_invalid_indexes(self.conn, migration, script, progress)
            .and_then(|()| execute_script(self.conn, migration, script));
        let reset = self.conn.batch_execute("RESET lock_timeout");
        result?;
        reset?;
        Ok(())
    }

    fn setup(&mut self) -> Result<(), MigrateError> {
        self.conn.setup()?;
        self.conn.batch_execute(&format!(
            "CREATE TABLE IF NOT EXISTS {CHECKSUM_TABLE} (\
                version varchar(50) PRIMARY KEY, \
                name text NOT NULL, \
                checksum text NOT NULL, \
                applied_at timestamp without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        ))?;
        Ok(())
    }

    /// Applied versions with their recorded checksum (`None` for one
    /// applied by another tool, such as `diesel migration run`).
    fn applied(&mut self) -> Result<HashMap<String, Option<String>>, MigrateError> {
        // Before the first run there is nothing applied, and nothing to create yet.
        let exists: Locked = diesel::sql_query(format!(
            "SELECT to_regclass('__diesel_schema_migrations') IS NOT NULL \
                    AND to_regclass('{CHECKSUM_TABLE}') IS NOT NULL AS locked"
        ))
        .get_result(self.conn)?;
        if !exists.locked {
            if self.has_diesel_table()? {
                // Applied by diesel_cli alone: versions without checksums.
                let rows: Vec<Applied> = diesel::sql_query(
                    "SELECT version::text AS version, NULL::text AS checksum FROM __diesel_schema_migrations",
                )
                .load(self.conn)?;
                return Ok(rows
                    .into_iter()
                    .map(|row| (row.version, row.checksum))
                    .collect());
            }
            return Ok(HashMap::new());
        }
        let rows: Vec<Applied> = diesel::sql_query(format!(
            "SELECT d.version::text AS version, c.checksum AS checksum \
             FROM __diesel_schema_migrations d LEFT JOIN {CHECKSUM_TABLE} c ON c.version = d.version"
        ))
        .load(self.conn)?;
        Ok(rows
            .into_iter()
            .map(|row| (row.version, row.checksum))
            .collect())
    }

    fn has_diesel_table(&mut self) -> Result<bool, MigrateError> {
        let exists: Locked = diesel::sql_query(
            "SELECT to_regclass('__diesel_schema_migrations') IS NOT NULL AS locked",
        )
        .get_result(self.conn)?;
        Ok(exists.locked)
    }

    fn verify_against(
        &self,
        applied: &HashMap<String, Option<String>>,
    ) -> Result<(), MigrateError> {
        for (version, checksum) in applied {
            let Some(migration) = self.migrations.get(version) else {
                return Err(MigrateError::Unknown {
                    version: version.clone(),
                });
            };
            if let Some(checksum) = checksum {
                let current = migration.checksum();
                if *checksum != current {
                    return Err(MigrateError::Edited {
                        name: migration.name.to_string(),
                        applied: checksum.clone(),
                        current,
                    });
                }
            }
        }
        Ok(())
    }

    fn lock(&mut self, progress: &mut impl FnMut(Event)) -> Result<(), MigrateError> {
        let started = Instant::now();
        let mut reported = false;
        loop {
            let locked: Locked = diesel::sql_query("SELECT pg_try_advisory_lock($1) AS locked")
                .bind::<BigInt, _>(LOCK_KEY)
                .get_result(self.conn)?;
            if locked.locked {
                progress(Event::LockAcquired);
                return Ok(());
            }
            let holder = self.lock_holder()?;
            let mut pause = self.poll;
            if let Some(limit) = self.lock_wait {
                let waited = started.elapsed();
                if waited >= limit {
                    return Err(MigrateError::LockTimeout {
                        // Whole milliseconds: the error is read by people.
                        waited: Duration::from_millis(
                            u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
                        ),
                        holder,
                    });
                }
                // Give up on time, not up to a poll later.
                pause = pause.min(limit - waited);
            }
            if !reported {
                progress(Event::WaitingForLock { holder });
                reported = true;
            }
            std::thread::sleep(pause);
        }
    }

    fn lock_holder(&mut self) -> Result<Option<i32>, MigrateError> {
        // An advisory lock on a bigint key shows as classid = high 32 bits,
        // objid = low 32 bits, objsubid = 1. It is the database's own: the
        // runners of another database on the server hold the same key.
        let holder: Holder = diesel::sql_query(
            "SELECT (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted \
                     AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
                     AND classid = ($1 >> 32)::oid AND objid = ($1 & 4294967295)::oid AND objsubid = 1 LIMIT 1) AS pid",
        )
        .bind::<BigInt, _>(LOCK_KEY)
        .get_result(self.conn)?;
        Ok(holder.pid)
    }

    fn unlock(&mut self) -> Result<(), MigrateError> {
        diesel::sql_query("SELECT pg_advisory_unlock($1) AS locked")
            .bind::<BigInt, _>(LOCK_KEY)
            .get_result::<Locked>(self.conn)?;
        Ok(())
    }
}

/// Notes `migration` as applied, in Diesel's table and with its checksum.
fn record(conn: &mut PgConnection, migration: &MigrationFile) -> Result<(), diesel::result::Error> {
    diesel::sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ($1)")
        .bind::<Text, _>(migration.version())
        .execute(conn)?;
    diesel::sql_query(format!(
        "INSERT INTO {CHECKSUM_TABLE} (version, name, checksum) VALUES ($1, $2, $3)"
    ))
    .bind::<Text, _>(migration.version())
    .bind::<Text, _>(migration.name.as_ref())
    .bind::<Text, _>(migration.checksum())
    .execute(conn)?;
    Ok(())
}

/// Drops the indexes `script` builds concurrently that exist INVALID: a
/// failed `CREATE INDEX CONCURRENTLY` leaves its index in the catalogue,
/// unusable, and a re-run would either trip over it (`CREATE`) or keep it
/// (`IF NOT EXISTS`). Valid indexes stay: `IF NOT EXISTS` keeps them.
fn drop_invalid_indexes(
    conn: &mut PgConnection,
    migration: &MigrationFile,
    script: &str,
    progress: &mut impl FnMut(Event),
) -> Result<(), MigrateError> {
    for index in concurrent_indexes(script) {
        let Some(invalid) = invalid_index(conn, &index)? else {
            continue;
        };
        let statement = format!("DROP INDEX CONCURRENTLY IF EXISTS {}", invalid.name);
        conn.batch_execute(&statement)
            .map_err(|error| MigrateError::Failed {
                name: migration.name.to_string(),
                statement: statement.clone(),
                message: error.to_string(),
            })?;
        progress(Event::DroppedInvalidIndex {
            migration: migration.name.to_string(),
            index: invalid.name,
        });
    }
    Ok(())
}

/// The index named `index.name` on `index.table` (resolved as the
/// statement would resolve it), if it exists and is INVALID. An index
/// lives in its table's schema, so looking it up through its table finds
/// it there and nowhere else.
fn invalid_index(
    conn: &mut PgConnection,
    index: &ConcurrentIndex,
) -> Result<Option<InvalidIndex>, MigrateError> {
    let found: Vec<InvalidIndex> = diesel::sql_query(
        "SELECT i.indexrelid::regclass::text AS name \
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
         WHERE i.indrelid = to_regclass($1) AND c.relname = $2 AND NOT i.indisvalid",
    )
    .bind::<Text, _>(&index.table)
    .bind::<Text, _>(&index.name)
    .load(conn)?;
    Ok(found.into_iter().next())
}

/// Runs a script statement by statement, so a failure names its statement.
fn execute_script(
    conn: &mut PgConnection,
    migration: &MigrationFile,
    script: &str,
) -> Result<(), MigrateError> {
    for statement in split_statements(script) {
        conn.batch_execute(&statement)
            .map_err(|error| MigrateError::Failed {
                name: migration.name.to_string(),
                statement: statement.clone(),
                message: error.to_string(),
            })?;
    }
    Ok(())
}
