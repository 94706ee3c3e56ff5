//! Taking a database Dify created into the project's migration history.
//!
//! Dify's Alembic migrations build and upgrade its users' databases; the
//! project's migrations reproduce what they build, and mark the migration
//! after which the schema is Dify's at an Alembic revision (see
//! [`super::files`]). [`adopt`] reads the database's revision from
//! `alembic_version`, compares its catalogue with the schema recorded at
//! the matching mark (the comparison `dify-db check` uses), refuses with
//! every difference when they disagree, and otherwise records the
//! project's migrations up to the mark as applied, so that `migrate` runs
//! only what the project adds on top (row-level security).

use std::time::Duration;

use diesel::sql_types::{Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

use super::files::MigrationSet;
use super::runner::{MigrateError, Runner, CHECKSUM_TABLE};
use crate::introspect::{compare, live_tables, Drift};

/// The table in which Alembic records a database's revision.
pub const ALEMBIC_TABLE: &str = "alembic_version";

/// Tables a database may hold beside the declared ones: Alembic's,
/// Diesel's and this runner's bookkeeping, and row-level security's keys.
pub const BOOKKEEPING: [&str; 4] = [
    ALEMBIC_TABLE,
    "__diesel_schema_migrations",
    CHECKSUM_TABLE,
    crate::rls::KEYS_TABLE,
];

/// Why a database was not adopted; nothing was recorded.
#[derive(Debug, thiserror::Error)]
pub enum AdoptError {
    /// There is no `alembic_version`: Dify's migrations did not make it.
    #[error("the database has no alembic_version table: it was not created by Dify's migrations (use `dify-db migrate` on an empty database)")]
    NotDify,
    /// Dify's revision is not one the project's migrations reproduce.
    #[error("the database is at Dify's Alembic revision {found}, which the project's migrations do not reproduce (they know {})", supported.join(", "))]
    UnknownRevision {
        found: String,
        supported: Vec<String>,
    },
    /// The catalogue differs from the schema Dify builds at that revision.
    #[error("the database differs from Dify's schema at revision {revision} in {} place(s):\n{}", drift.len(), drift.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Differs { revision: String, drift: Vec<Drift> },
    #[error("the marked migration {0} has no recorded schema")]
    NoRecordedSchema(String),
    #[error(transparent)]
    Migrate(#[from] MigrateError),
    #[error(transparent)]
    Database(#[from] crate::Error),
}

impl From<diesel::result::Error> for AdoptError {
    fn from(error: diesel::result::Error) -> Self {
        AdoptError::Database(error.into())
    }
}

/// What [`adopt`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adopted {
    /// Dify's Alembic revision the database is at.
    pub revision: String,
    /// The migrations recorded as applied (empty when it was adopted before).
    pub recorded: Vec<String>,
    /// The project's migrations still to run (`dify-db migrate`).
    pub pending: Vec<String>,
}

#[derive(QueryableByName)]
struct Revision {
    #[diesel(sql_type = Nullable<Text>)]
    version_num: Option<String>,
}

/// Dify's Alembic revision of the database, or `None` when it has no
/// `alembic_version` table.
pub fn dify_revision(conn: &mut PgConnection) -> Result<Option<String>, diesel::result::Error> {
    let exists: Revision = diesel::sql_query(format!(
        "SELECT to_regclass('{ALEMBIC_TABLE}')::text AS version_num"
    ))
    .get_result(conn)?;
    if exists.version_num.is_none() {
        return Ok(None);
    }
    let rows: Vec<Revision> =
        diesel::sql_query(format!("SELECT version_num::text FROM {ALEMBIC_TABLE}")).load(conn)?;
    Ok(rows.into_iter().find_map(|row| row.version_num))
}

/// Checks a database Dify created against the schema of its revision and,
/// when they agree, records the project's migrations up to that point as
/// applied. Running it again records nothing new. Waits for the migration
/// lock as long as it takes.
pub fn adopt(conn: &mut PgConnection, set: &MigrationSet) -> Result<Adopted, AdoptError> {
    adopt_with_lock_wait(conn, set, None)
}

/// [`adopt`], giving up with [`MigrateError::LockTimeout`] when another
/// runner holds the migration lock longer than `lock_wait`.
pub fn adopt_with_lock_wait(
    conn: &mut PgConnection,
    set: &MigrationSet,
    lock_wait: Option<Duration>,
) -> Result<Adopted, AdoptError> {
    let revision = dify_revision(conn)?.ok_or(AdoptError::NotDify)?;
    let marked = set
        .for_dify_revision(&revision)
        .ok_or_else(|| AdoptError::UnknownRevision {
            found: revision.clone(),
            supported: set.dify_revisions().into_iter().map(Into::into).collect(),
        })?;
    let schema = marked
        .dify_schema()
        .ok_or_else(|| AdoptError::NoRecordedSchema(marked.name.to_string()))?
        .map_err(|error| AdoptError::Database(crate::Error::InvalidQuery(error.to_string())))?;
    let drift = compare(&schema, &live_tables(conn)?, &BOOKKEEPING);
    if !drift.is_empty() {
        return Err(AdoptError::Differs { revision, drift });
    }
    let mut runner = Runner::new(conn, set);
    runner.lock_wait = lock_wait;
    let recorded = runner.record_as_applied(marked.version(), |_| {})?;
    let pending = runner
        .status()?
        .into_iter()
        .filter(|status| !status.applied)
        .map(|status| status.name)
        .collect();
    Ok(Adopted {
        revision,
        recorded,
        pending,
    })
}
