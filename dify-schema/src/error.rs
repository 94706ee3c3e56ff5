//! The errors of the data layer: typed, so that a caller can tell a bad row
//! from a dead server from a missing permission.
//!
//! The base of the runtime: it names only leaf types ([`crate::role::Role`],
//! [`crate::string_enum::UnknownEnumValue`], and [`RlsProblem`], which lives
//! here), never a feature module (`scope`, `rls`, `entity`, `migrate`,
//! `introspect`), so every module can return it without a loop.

use crate::role::Role;
use crate::string_enum::{UnknownEnumInColumn, UnknownEnumValue};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A row held a value its string enum does not have.
    #[error("{}{value}", column.as_ref().map(|c| format!("column `{c}`: ")).unwrap_or_default())]
    UnknownEnumValue {
        /// The column that held it, when Diesel reports one.
        column: Option<String>,
        value: UnknownEnumValue,
    },

    /// A row held a value its Rust type cannot hold (a `NaN` numeric, an
    /// infinite timestamp, JSON nested beyond [`crate::json::MAX_DEPTH`]).
    #[error("{}{reason}", column.as_ref().map(|c| format!("column `{c}` cannot be read: ")).unwrap_or_default())]
    Unreadable {
        /// The column that held it, when Diesel reports one.
        column: Option<String>,
        reason: String,
    },

    /// A value is longer than its varchar column holds; nothing was written.
    #[error("`{table}.{column}` holds at most {max} characters, and the value has {actual}")]
    ValueTooLong {
        table: &'static str,
        column: &'static str,
        max: u32,
        actual: usize,
    },

    /// The write needs an acting account (for `created_by` / `updated_by`), and none was given.
    #[error("writing `{table}` records who did it in `{column}`, so it needs an acting account")]
    MissingActor {
        table: &'static str,
        column: &'static str,
    },

    /// A tenant-owned row was inserted without a tenant.
    #[error("`{table}` is tenant-owned, so inserting into it needs a tenant")]
    MissingTenant { table: &'static str },

    /// The account is not a member of the tenant; no scope was opened.
    #[error("account {account} is not a member of tenant {tenant}")]
    NotMember {
        tenant: uuid::Uuid,
        account: uuid::Uuid,
    },

    /// The database lacks what the scope's entry needs (`dify_scope_enter`):
    /// the migrations have not been applied. No scope was opened.
    #[error(
        "the database cannot open a tenant scope ({0}); apply the migrations (`dify-db migrate`)"
    )]
    NotMigrated(String),

    /// The connection was already inside a transaction (a raw `BEGIN`, or
    /// a scope opened by hand): a scope begins its own and does not join
    /// another. No scope was opened; the other transaction is rolled back.
    #[error("the connection was already inside a transaction; a tenant scope begins its own")]
    InsideTransaction,

    /// The member's role lacks the capability the operation needs.
    #[error("this needs the {need} capability, and the member's role is {role}")]
    Forbidden { need: &'static str, role: Role },

    /// The start-up check found tables that row-level security does not protect.
    #[error("row-level security is not in force: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    RowLevelSecurity(Vec<RlsProblem>),

    /// The database server is set up in a way under which the API's
    /// guarantees would not hold (a MySQL session that is not strict).
    #[error("the database server's settings are not safe for this API: {0}")]
    ServerSettings(String),

    /// A composable query was put together in a way that cannot run (a
    /// table joined twice); nothing was sent.
    #[error("this query cannot run: {0}")]
    InvalidQuery(String),

    /// No connection could be had from the pool in time: every connection is
    /// in use, or the server cannot be reached. Nothing was sent.
    #[error("no database connection: {0}")]
    Pool(String),

    /// A closure running in a scope on a pooled connection asked the same
    /// pool for another connection. It would wait for a connection while
    /// holding one, so a busy pool would stall it for the whole connection
    /// timeout (and a pool of one for ever); it is refused at once. Pass
    /// the work into the scope instead, or use another pool.
    #[error("this thread already holds a connection of this pool inside a tenant scope; a second checkout could wait for ever")]
    PoolReentered,

    /// The connection was lost, or the server refused it, before the scope
    /// began: nothing was sent that could change data, so the work may
    /// simply be run again. (A scope on a pooled connection has already
    /// replaced a dead connection once before this is reported.)
    #[error("the database could not be reached when the scope began ({0}); nothing was done, and running it again is safe")]
    Unavailable(String),

    /// A statement of the scope failed, PostgreSQL aborted the transaction,
    /// and the scope went on: the rest of its statements, and its COMMIT,
    /// were refused, and the whole scope was rolled back. Nothing of it was
    /// committed. Wrap a statement that may fail in
    /// [`crate::Scope::savepoint`] to keep the rest of the scope's work.
    #[error("the scope was rolled back and nothing of it was committed: a statement failed ({first_failure}) and the scope went on; wrap work that may fail in `scope.savepoint`")]
    RolledBack { first_failure: String },

    /// The connection was lost in the middle of the scope, before its
    /// COMMIT was sent: the server rolled the transaction back, nothing of
    /// it was committed.
    #[error(
        "the database connection was lost during the scope ({0}); nothing of it was committed"
    )]
    ConnectionLost(String),

    /// The connection was lost while the scope's COMMIT was under way: the
    /// server may have committed the work or not, and no one can say which
    /// from here. Do not run it again blindly: look for what it wrote
    /// first (by the ids it generated), or make it idempotent.
    #[error("the connection was lost while committing ({0}): the scope's work may or may not have been committed; check before running it again")]
    CommitOutcomeUnknown(String),

    /// Any other error from Diesel or the database.
    #[error(transparent)]
    Database(diesel::result::Error),
}

/// What the start-up check ([`crate::rls::verify`]) found wrong. Here, below
/// the check, so that [`Error::RowLevelSecurity`] can hold it; its messages
/// (`Display`) are written in [`crate::rls`], beside the role and function
/// names they cite. Also `dify_schema::rls::RlsProblem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RlsProblem {
    /// The connected role is a superuser: row-level security does not apply to it.
    Superuser { role: String },
    /// The connected role has `BYPASSRLS`.
    BypassRls { role: String },
    /// The connected role is a member of `dify_trusted`, whose policy lets it see everything.
    Trusted { role: String },
    /// The connected role is not a member of `dify_service`, so it lacks the table privileges.
    NotService { role: String },
    /// The connected role owns a protected table (and could turn its security off).
    OwnsTable { role: String, table: String },
    /// The scope entry function is missing or of another version.
    MissingEntry { found: Option<String> },
    /// Row-level security is not enabled on a protected table.
    NotEnabled { table: String },
    /// Enabled but not forced, so the table's owner bypasses it.
    NotForced { table: String },
    /// A policy is missing, or differs from what the declarations generate.
    Policy { table: String, policy: String },
}

/// What a caller may do after an error, as far as the database goes (see
/// [`Error::retry`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Nothing was sent, or nothing was committed and the cause may pass
    /// (a lost connection, a serialization failure, a deadlock, a busy
    /// pool): running the same work again may succeed.
    Safe,
    /// Nothing was committed, but the same work would fail the same way (a
    /// constraint, a missing permission, a bad value): change something
    /// first.
    Pointless,
    /// The work may have been committed: check what it wrote before
    /// running it again.
    CheckFirst,
}

impl Error {
    /// Whether running the work again is safe, pointless, or needs a check
    /// first. Every error a scope returns, except
    /// [`Error::CommitOutcomeUnknown`], means that nothing of the scope was
    /// committed.
    pub fn retry(&self) -> Retry {
        use diesel::result::{DatabaseErrorKind, Error as Diesel};
        match self {
            Error::CommitOutcomeUnknown(_) => Retry::CheckFirst,
            Error::Unavailable(_) | Error::ConnectionLost(_) | Error::Pool(_) => Retry::Safe,
            Error::Database(Diesel::DatabaseError(
                DatabaseErrorKind::SerializationFailure | DatabaseErrorKind::ClosedConnection,
                _,
            )) => Retry::Safe,
            // PostgreSQL's deadlock, and MySQL's (which rolled the whole
            // transaction back).
            Error::Database(Diesel::DatabaseError(_, info))
                if info.message().contains("deadlock detected")
                    || info.message().starts_with("Deadlock found") =>
            {
                Retry::Safe
            }
            _ => Retry::Pointless,
        }
    }

    /// Whether the work may have been committed despite the error.
    pub fn may_have_committed(&self) -> bool {
        self.retry() == Retry::CheckFirst
    }
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Self {
        // Diesel wraps a failed column conversion in an opaque box; an
        // unknown enum value is worth its own variant.
        if let diesel::result::Error::DeserializationError(inner) = &error {
            if let Some(unknown) = inner.downcast_ref::<UnknownEnumInColumn>() {
                return Error::UnknownEnumValue {
                    column: Some(unknown.column.to_owned()),
                    value: unknown.value.clone(),
                };
            }
            if let Some(unknown) = inner.downcast_ref::<UnknownEnumValue>() {
                return Error::UnknownEnumValue {
                    column: None,
                    value: unknown.clone(),
                };
            }
            if let Some(field) = inner.downcast_ref::<diesel::result::DeserializeFieldError>() {
                if let Some(unknown) = field.error.downcast_ref::<UnknownEnumValue>() {
                    return Error::UnknownEnumValue {
                        column: field.field_name.clone(),
                        value: unknown.clone(),
                    };
                }
                return Error::Unreadable {
                    column: field.field_name.clone(),
                    reason: field.error.to_string(),
                };
            }
            return Error::Unreadable {
                column: None,
                reason: inner.to_string(),
            };
        }
        Error::Database(error)
    }
}
