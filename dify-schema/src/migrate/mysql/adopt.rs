//! Taking a database Dify created on MySQL into the history, as
//! [`crate::migrate::adopt`] does on PostgreSQL: its Alembic revision, a
//! comparison of its catalogue with Dify's MySQL schema at that revision
//! (`dify_schema.json` beside the marked migration of
//! `migrations-mysql/`), and only then the migrations up to the mark
//! recorded as applied.

use std::time::Duration;

use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::runner::{MysqlRunner, PROGRESS_TABLE};
use crate::introspect::mysql::{compare, expected, read, MysqlDrift};
use crate::migrate::adopt::ALEMBIC_TABLE;
use crate::migrate::files::MigrationSet;
use crate::migrate::runner::{MigrateError, CHECKSUM_TABLE};
use crate::mysql::MysqlConnection;

/// Tables a MySQL database may hold beside the declared ones.
pub const MYSQL_BOOKKEEPING: [&str; 4] = [
    ALEMBIC_TABLE,
    "__diesel_schema_migrations",
    CHECKSUM_TABLE,
    PROGRESS_TABLE,
];

/// Why a MySQL database was not adopted; nothing was recorded.
#[derive(Debug, thiserror::Error)]
pub enum MysqlAdoptError {
    #[error("the database has no alembic_version table: it was not created by Dify's migrations (use `dify-db migrate` on an empty database)")]
    NotDify,
    #[error("the database is at Dify's Alembic revision {found}, which the project's MySQL migrations do not reproduce (they know {})", supported.join(", "))]
    UnknownRevision {
        found: String,
        supported: Vec<String>,
    },
    #[error("the database differs from Dify's MySQL schema at revision {revision} in {} place(s):\n{}", drift.len(), drift.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Differs {
        revision: String,
        drift: Vec<MysqlDrift>,
    },
    #[error("the marked migration {0} has no readable recorded schema")]
    NoRecordedSchema(String),
    #[error(transparent)]
    Migrate(#[from] MigrateError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// What [`adopt`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MysqlAdopted {
    pub revision: String,
    pub recorded: Vec<String>,
    pub pending: Vec<String>,
}

#[derive(QueryableByName)]
struct Revision {
    #[diesel(sql_type = Nullable<Text>)]
    version_num: Option<String>,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Dify's Alembic revision of the database, or `None` without an
/// `alembic_version` table.
pub fn dify_revision(conn: &mut MysqlConnection) -> Result<Option<String>, diesel::result::Error> {
    let exists: Count = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM information_schema.TABLES \
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
    )
    .bind::<Text, _>(ALEMBIC_TABLE)
    .get_result(conn)?;
    if exists.n == 0 {
        return Ok(None);
    }
    let rows: Vec<Revision> = diesel::sql_query(format!(
        "SELECT CAST(version_num AS CHAR) AS version_num FROM {ALEMBIC_TABLE}"
    ))
    .load(conn)?;
    Ok(rows.into_iter().find_map(|row| row.version_num))
}

/// Checks a MySQL database Dify created against Dify's MySQL schema at its
/// revision and, when they agree, records the migrations up to that point
/// as applied.
pub fn adopt(
    conn: &mut MysqlConnection,
    set: &MigrationSet,
    lock_wait: Option<Duration>,
) -> Result<MysqlAdopted, MysqlAdoptError> {
    let revision = dify_revision(conn)?.ok_or(MysqlAdoptError::NotDify)?;
    let marked =
        set.for_dify_revision(&revision)
            .ok_or_else(|| MysqlAdoptError::UnknownRevision {
                found: revision.clone(),
                supported: set.dify_revisions().into_iter().map(Into::into).collect(),
            })?;
    let schema = match marked.dify_schema() {
        Some(Ok(schema)) => schema,
        _ => return Err(MysqlAdoptError::NoRecordedSchema(marked.name.to_string())),
    };
    let drift = compare(&expected(&schema), &read(conn)?, &MYSQL_BOOKKEEPING);
    if !drift.is_empty() {
        return Err(MysqlAdoptError::Differs { revision, drift });
    }
    let mut runner = MysqlRunner::new(conn, set);
    runner.lock_wait = lock_wait;
    let recorded = runner.record_as_applied(marked.version(), |_| {})?;
    let pending = runner
        .status()?
        .into_iter()
        .filter(|status| !status.applied)
        .map(|status| status.name)
        .collect();
    Ok(MysqlAdopted {
        revision,
        recorded,
        pending,
    })
}
