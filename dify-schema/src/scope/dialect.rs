//! How a scope begins, enters, commits and rolls back on each dialect.
//!
//! PostgreSQL: the session reset and `BEGIN` in one message, the entry
//! function that records the tenant for row-level security and reads the
//! role ([`super::enter`]), `COMMIT` behind a probe that tells a refused
//! commit from a lost one ([`super::outcome`]).
//!
//! MySQL: no row-level security and no transaction clock. The scope sets
//! the session's time zone to UTC (Dify stores UTC, and `CURRENT_TIMESTAMP`
//! defaults follow the session's zone) and its transaction to READ
//! COMMITTED, PostgreSQL's default: under MySQL's REPEATABLE READ a read
//! sees the snapshot of the scope's first read while a write sees the
//! latest rows, so a row a lookup just found could be one a delete cannot
//! (the random run found it). Then it begins, reads the role and the
//! clock in one statement, and commits. MySQL does not abort a transaction
//! at a failed statement (and a deadlock rolls it back and leaves the
//! session in autocommit), so a MySQL scope sends nothing after a statement
//! failed outside a savepoint ([`ScopeDialect::REFUSES_AFTER_FAILURE`]).

use chrono::NaiveDateTime;
use diesel::connection::{SimpleConnection, TransactionManager};
use diesel::sql_types::{Nullable, Text, Timestamp};
use diesel::{Connection, PgConnection, RunQueryDsl};
use uuid::Uuid;

use super::enter::{Enter, BEGIN};
use super::outcome;
use crate::dialect::{Dialect, MySql, Postgres};
use crate::error::{Error, Result};
use crate::mysql::MysqlConnection;
use crate::pool::ScopeConnection;
use crate::role::Role;
use crate::StringEnum;

/// The scope's life on one dialect. Sealed in practice: its methods are
/// called only by `with_tenant` and `Scope`.
#[doc(hidden)]
pub trait ScopeDialect: Dialect<Backend: super::backend::QueryBackend> {
    /// Whether the scope itself must refuse to send a statement after one
    /// failed (the server would run it, outside the failed work).
    const REFUSES_AFTER_FAILURE: bool;

    /// Resets the session and begins the transaction; a dead pooled
    /// connection is replaced once.
    fn begin<Conn: ScopeConnection<Dialect = Self>>(conn: &mut Conn) -> Result<()>;

    /// Reads the account's role in the tenant (`NotMember` when it has
    /// none) and, where the dialect has no transaction clock, the clock.
    fn enter(
        conn: &mut Self::Conn,
        tenant: Uuid,
        account: Uuid,
    ) -> Result<(Role, Option<NaiveDateTime>)>;

    /// Commits, unless `refusal` says the work must not be.
    fn commit(conn: &mut Self::Conn, refusal: Option<Error>) -> Result<()>;

    /// Rolls back whatever is open.
    fn rollback(conn: &mut Self::Conn);

    /// The database's clock in UTC.
    fn now(conn: &mut Self::Conn) -> Result<NaiveDateTime>;
}

impl ScopeDialect for Postgres {
    const REFUSES_AFTER_FAILURE: bool = false;

    fn begin<Conn: ScopeConnection<Dialect = Self>>(conn: &mut Conn) -> Result<()> {
        outcome::begin(conn, BEGIN)
    }

    /// Sets the tenant and reads the role in one round trip. The role
    /// lookup is a subquery correlated with the row that `set_config`
    /// produced, so it runs after the tenant is set (row-level security on
    /// `tenant_account_joins` needs the setting to see the membership).
    fn enter(
        conn: &mut PgConnection,
        tenant: Uuid,
        account: Uuid,
    ) -> Result<(Role, Option<NaiveDateTime>)> {
        let role: Option<String> = Enter { tenant, account }
            .get_result(conn)
            .map_err(|error| match &error {
                diesel::result::Error::DatabaseError(_, info)
                    if info.message().contains(crate::rls::ENTER_FUNCTION) =>
                {
                    Error::NotMigrated(info.message().to_owned())
                }
                diesel::result::Error::DatabaseError(_, info)
                    if info.message().contains("already inside a transaction")
                        || info.message().contains("already open in this transaction") =>
                {
                    Error::InsideTransaction
                }
                _ => Error::from(error),
            })?;
        let role = role.ok_or(Error::NotMember { tenant, account })?;
        Ok((role_from_db(&role)?, None))
    }

    fn commit(conn: &mut PgConnection, refusal: Option<Error>) -> Result<()> {
        outcome::commit(conn, refusal)
    }

    fn rollback(conn: &mut PgConnection) {
        outcome::rollback(conn)
    }

    fn now(conn: &mut PgConnection) -> Result<NaiveDateTime> {
        Ok(
            diesel::select(diesel::dsl::sql::<Timestamp>("now() AT TIME ZONE 'UTC'"))
                .get_result(conn)?,
        )
    }
}

/// The role and the clock, read in the scope's first statement on MySQL.
#[derive(diesel::QueryableByName)]
struct MysqlEntry {
    #[diesel(sql_type = Nullable<Text>)]
    role: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Datetime)]
    clock: NaiveDateTime,
}

impl ScopeDialect for MySql {
    const REFUSES_AFTER_FAILURE: bool = true;

    fn begin<Conn: ScopeConnection<Dialect = Self>>(conn: &mut Conn) -> Result<()> {
        let conn = conn.scope_connection();
        // A transaction Diesel knows to be open here (the caller's own
        // `conn.transaction`) would take the scope's BEGIN for a savepoint
        // and its COMMIT for a release: refused, as on PostgreSQL.
        if depth(conn).is_some() {
            return Err(Error::InsideTransaction);
        }
        let begun = conn
            .batch_execute(
                "SET time_zone = '+00:00'; SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
            )
            .and_then(|()| {
                <MysqlConnection as Connection>::TransactionManager::begin_transaction(conn)
            });
        begun.map_err(|error| {
            if crate::mysql::is_connection_error(&error) {
                Error::Unavailable(error.to_string())
            } else {
                Error::from(error)
            }
        })
    }

    fn enter(
        conn: &mut MysqlConnection,
        tenant: Uuid,
        account: Uuid,
    ) -> Result<(Role, Option<NaiveDateTime>)> {
        // One row whatever the membership, so the clock comes back too.
        let entry: MysqlEntry = diesel::sql_query(
            "SELECT (SELECT j.role FROM tenant_account_joins j \
             WHERE j.tenant_id = ? AND j.account_id = ?) AS role, \
             CAST(UTC_TIMESTAMP() AS DATETIME) AS clock",
        )
        .bind::<Text, _>(tenant.hyphenated().to_string())
        .bind::<Text, _>(account.hyphenated().to_string())
        .get_result(conn)?;
        let role = entry.role.ok_or(Error::NotMember { tenant, account })?;
        Ok((role_from_db(&role)?, Some(entry.clock)))
    }

    fn commit(conn: &mut MysqlConnection, refusal: Option<Error>) -> Result<()> {
        if let Some(refusal) = refusal {
            Self::rollback(conn);
            return Err(refusal);
        }
        // Only the scope's own transaction may be open: a COMMIT inside a
        // savepoint would be its release, and nothing would be committed.
        if depth(conn) != Some(1) {
            Self::rollback(conn);
            return Err(Error::RolledBack {
                first_failure: "a savepoint of the scope was still open at its end".into(),
            });
        }
        <MysqlConnection as Connection>::TransactionManager::commit_transaction(conn).map_err(
            |error| {
                if crate::mysql::is_connection_error(&error) {
                    Error::CommitOutcomeUnknown(error.to_string())
                } else {
                    Self::rollback(conn);
                    Error::from(error)
                }
            },
        )
    }

    /// Every level, savepoints and the transaction: a connection goes back
    /// to its owner outside any transaction.
    fn rollback(conn: &mut MysqlConnection) {
        while depth(conn).is_some() {
            if <MysqlConnection as Connection>::TransactionManager::rollback_transaction(conn)
                .is_err()
            {
                break;
            }
        }
    }

    fn now(conn: &mut MysqlConnection) -> Result<NaiveDateTime> {
        Ok(
            diesel::select(diesel::dsl::sql::<diesel::sql_types::Datetime>(
                "CAST(UTC_TIMESTAMP() AS DATETIME)",
            ))
            .get_result(conn)?,
        )
    }
}

pub(super) fn role_from_db(role: &str) -> Result<Role> {
    Role::from_db_str(role).map_err(|value| Error::UnknownEnumValue {
        column: Some("tenant_account_joins.role".into()),
        value,
    })
}

/// How deep in transactions Diesel knows the connection to be: `None`
/// outside one, `Some(1)` in a transaction, more in savepoints.
fn depth(conn: &mut MysqlConnection) -> Option<u32> {
    let status =
        <MysqlConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn);
    status
        .transaction_depth()
        .ok()
        .flatten()
        .map(|depth| depth.get())
}
