//! The migration runner on MySQL and MariaDB: the same files, checksums
//! and Diesel bookkeeping (`__diesel_schema_migrations`) as on
//! PostgreSQL, with MySQL's lock and MySQL's lack of transactional DDL.
//!
//! * The lock is `GET_LOCK`, tried without waiting in a loop, as on
//!   PostgreSQL, and `RELEASE_LOCK`d after. MySQL's named locks belong to
//!   the server, not to a database, so the name carries the database's
//!   (hashed, as a name may not pass 64 characters): runners of two
//!   databases on one server do not wait for each other.
//! * MySQL commits every DDL statement by itself, so a migration that
//!   fails halfway cannot be rolled back. The runner records each
//!   statement it applied (`__dify_schema_migration_progress`: the
//!   migration, the statement's position and its SHA-256) and reports a
//!   failure as [`MigrateError::PartiallyApplied`], naming the statement
//!   and how many before it are in the database. The next run resumes at
//!   that statement: the ones recorded are skipped, provided their text is
//!   what was applied (an edited applied statement is refused, since the
//!   database holds the old one). A connection lost between a statement
//!   and its record leaves that statement unrecorded; the next run then
//!   fails on it, naming it, for the operator to clear.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};
use sha2::{Digest, Sha256};

use crate::migrate::diff::unacknowledged;
use crate::migrate::files::{MigrationFile, MigrationSet};
use crate::migrate::runner::{Event, MigrateError, Status, CHECKSUM_TABLE};
use crate::migrate::sql::split_statements;
use crate::mysql::MysqlConnection;

/// The SQL of the `GET_LOCK` name every runner of the connection's
/// database takes: `dify_migrations:` and a hash of the database's name.
pub const LOCK_NAME_SQL: &str = "CONCAT('dify_migrations:', LEFT(SHA2(DATABASE(), 256), 32))";

/// The statements applied of a migration that has not finished.
pub const PROGRESS_TABLE: &str = "__dify_schema_migration_progress";

/// Applies the migrations of a [`MigrationSet`] (`migrations-mysql/`) to a
/// MySQL or MariaDB database.
pub struct MysqlRunner<'a> {
    conn: &'a mut MysqlConnection,
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
struct Number {
    #[diesel(sql_type = Nullable<BigInt>)]
    n: Option<i64>,
}

#[derive(QueryableByName)]
struct Done {
    #[diesel(sql_type = Integer)]
    position: i32,
    #[diesel(sql_type = Text)]
    sha: String,
}

impl<'a> MysqlRunner<'a> {
    pub fn new(conn: &'a mut MysqlConnection, migrations: &'a MigrationSet) -> MysqlRunner<'a> {
        MysqlRunner {
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

    /// The migrations an earlier run stopped in, with how many of their
    /// statements are applied (each resumes at the next one).
    pub fn unfinished(&mut self) -> Result<Vec<(String, usize)>, MigrateError> {
        if !self.table_exists(PROGRESS_TABLE)? {
            return Ok(Vec::new());
        }
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = Text)]
            version: String,
            #[diesel(sql_type = BigInt)]
            applied: i64,
        }
        let rows: Vec<Row> = diesel::sql_query(format!(
            "SELECT CAST(version AS CHAR) AS version, COUNT(*) AS applied FROM {PROGRESS_TABLE} \
             GROUP BY version ORDER BY version"
        ))
        .load(self.conn)?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let name = self
                    .migrations
                    .get(&row.version)
                    .map_or(row.version, |m| m.name.to_string());
                (name, usize::try_from(row.applied).unwrap_or(0))
            })
            .collect())
    }

    /// Fails when an applied migration was edited or is missing.
    pub fn verify(&mut self) -> Result<(), MigrateError> {
        let applied = self.applied()?;
        self.verify_against(&applied)
    }

    /// Applies every pending migration, under the lock; a migration that
    /// stopped halfway before resumes where it stopped. Returns the names
    /// applied.
    pub fn run_pending(
        &mut self,
        mut progress: impl FnMut(Event),
    ) -> Result<Vec<String>, MigrateError> {
        self.lock(&mut progress)?;
        let result = self
            .setup()
            .and_then(|()| self.run_pending_locked(&mut progress));
        let unlocked = self.unlock();
        let applied = result?;
        unlocked?;
        Ok(applied)
    }

    /// Records every migration up to and including the version `up_to` as
    /// applied without running it (`adopt` of a database Dify created).
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
            let mut recorded = Vec::new();
            for migration in migrations
                .migrations()
                .iter()
                .filter(|m| m.version() <= up_to && !applied.contains_key(m.version()))
            {
                self.conn.transaction(|conn| record(conn, migration))?;
                recorded.push(migration.name.to_string());
            }
            Ok(recorded)
        });
        let unlocked = self.unlock();
        let recorded = result?;
        unlocked?;
        Ok(recorded)
    }

    fn run_pending_locked(
        &mut self,
        progress: &mut impl FnMut(Event),
    ) -> Result<Vec<String>, MigrateError> {
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
            self.apply(migration)?;
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

    /// Runs the statements of `migration` not yet applied, recording each,
    /// then records the migration and forgets its progress.
    fn apply(&mut self, migration: &MigrationFile) -> Result<(), MigrateError> {
        let version = migration.version().to_owned();
        let statements = split_statements(&migration.up);
        let done: HashMap<i32, String> = diesel::sql_query(format!(
            "SELECT position, sha FROM {PROGRESS_TABLE} WHERE version = ?"
        ))
        .bind::<Text, _>(&version)
        .load::<Done>(self.conn)?
        .into_iter()
        .map(|row| (row.position, row.sha))
        .collect();
        for (position, statement) in statements.iter().enumerate() {
            let position = i32::try_from(position).unwrap_or(i32::MAX);
            let sha = sha256(statement);
            match done.get(&position) {
                Some(applied) if *applied == sha => continue,
                Some(_) => {
                    return Err(MigrateError::AppliedStatementEdited {
                        name: migration.name.to_string(),
                        position: position as usize + 1,
                        statement: statement.clone(),
                    })
                }
                None => {}
            }
            if let Err(error) = self.conn.batch_execute(statement) {
                return Err(MigrateError::PartiallyApplied {
                    name: migration.name.to_string(),
                    statement: statement.clone(),
                    message: error.to_string(),
                    position: position as usize + 1,
                    total: statements.len(),
                });
            }
            diesel::sql_query(format!(
                "INSERT INTO {PROGRESS_TABLE} (version, position, sha) VALUES (?, ?, ?)"
            ))
            .bind::<Text, _>(&version)
            .bind::<Integer, _>(position)
            .bind::<Text, _>(&sha)
            .execute(self.conn)?;
        }
        // Recorded and forgotten together (InnoDB rows are transactional).
        self.conn
            .transaction(|conn| -> Result<(), diesel::result::Error> {
                record(conn, migration)?;
                diesel::sql_query(format!("DELETE FROM {PROGRESS_TABLE} WHERE version = ?"))
                    .bind::<Text, _>(&version)
                    .execute(conn)?;
                Ok(())
            })?;
        Ok(())
    }

    fn setup(&mut self) -> Result<(), MigrateError> {
        // Diesel's own table, as diesel_cli creates it on MySQL.
        self.conn.batch_execute(
            "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (\
                version VARCHAR(50) PRIMARY KEY NOT NULL, \
                run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )?;
        self.conn.batch_execute(&format!(
            "CREATE TABLE IF NOT EXISTS {CHECKSUM_TABLE} (\
                version VARCHAR(50) PRIMARY KEY, \
                name TEXT NOT NULL, \
                checksum TEXT NOT NULL, \
                applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        ))?;
        self.conn.batch_execute(&format!(
            "CREATE TABLE IF NOT EXISTS {PROGRESS_TABLE} (\
                version VARCHAR(50) NOT NULL, \
                position INT NOT NULL, \
                sha CHAR(64) NOT NULL, \
                applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, \
                PRIMARY KEY (version, position))"
        ))?;
        Ok(())
    }

    fn table_exists(&mut self, table: &str) -> Result<bool, MigrateError> {
        let found: Number = diesel::sql_query(
            "SELECT COUNT(*) AS n FROM information_schema.TABLES \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
        )
        .bind::<Text, _>(table)
        .get_result(self.conn)?;
        Ok(found.n.unwrap_or(0) > 0)
    }

    /// Applied versions with their recorded checksum (`None` for one
    /// applied by another tool, such as `diesel migration run`).
    fn applied(&mut self) -> Result<HashMap<String, Option<String>>, MigrateError> {
        if !self.table_exists("__diesel_schema_migrations")? {
            return Ok(HashMap::new());
        }
        let sql = if self.table_exists(CHECKSUM_TABLE)? {
            format!(
                "SELECT CAST(d.version AS CHAR) AS version, CAST(c.checksum AS CHAR) AS checksum \
                 FROM __diesel_schema_migrations d LEFT JOIN {CHECKSUM_TABLE} c ON c.version = d.version"
            )
        } else {
            "SELECT CAST(version AS CHAR) AS version, CAST(NULL AS CHAR) AS checksum \
             FROM __diesel_schema_migrations"
                .to_owned()
        };
        let rows: Vec<Applied> = diesel::sql_query(sql).load(self.conn)?;
        Ok(rows
            .into_iter()
            .map(|row| (row.version, row.checksum))
            .collect())
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
            let locked: Number = diesel::sql_query(format!(
                "SELECT CAST(GET_LOCK({LOCK_NAME_SQL}, 0) AS SIGNED) AS n"
            ))
            .get_result(self.conn)?;
            if locked.n == Some(1) {
                progress(Event::LockAcquired);
                return Ok(());
            }
            let holder = self.lock_holder()?;
            let mut pause = self.poll;
            if let Some(limit) = self.lock_wait {
                let waited = started.elapsed();
                if waited >= limit {
                    return Err(MigrateError::LockTimeout {
                        waited: Duration::from_millis(
                            u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
                        ),
                        holder,
                    });
                }
                pause = pause.min(limit - waited);
            }
            if !reported {
                progress(Event::WaitingForLock { holder });
                reported = true;
            }
            std::thread::sleep(pause);
        }
    }

    /// The connection id of the session holding the lock (MySQL's "pid").
    fn lock_holder(&mut self) -> Result<Option<i32>, MigrateError> {
        let holder: Number = diesel::sql_query(format!(
            "SELECT CAST(IS_USED_LOCK({LOCK_NAME_SQL}) AS SIGNED) AS n"
        ))
        .get_result(self.conn)?;
        Ok(holder.n.and_then(|n| i32::try_from(n).ok()))
    }

    fn unlock(&mut self) -> Result<(), MigrateError> {
        diesel::sql_query(format!(
            "SELECT CAST(RELEASE_LOCK({LOCK_NAME_SQL}) AS SIGNED) AS n"
        ))
        .get_result::<Number>(self.conn)?;
        Ok(())
    }
}

/// Notes `migration` as applied, in Diesel's table and with its checksum.
fn record(
    conn: &mut MysqlConnection,
    migration: &MigrationFile,
) -> Result<(), diesel::result::Error> {
    diesel::sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES (?)")
        .bind::<Text, _>(migration.version())
        .execute(conn)?;
    diesel::sql_query(format!(
        "INSERT INTO {CHECKSUM_TABLE} (version, name, checksum) VALUES (?, ?, ?)"
    ))
    .bind::<Text, _>(migration.version())
    .bind::<Text, _>(migration.name.as_ref())
    .bind::<Text, _>(migration.checksum())
    .execute(conn)?;
    Ok(())
}

fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
