//! What a scope knows about its transaction, so that what `with_tenant`
//! reports is exactly what happened to the work.
//!
//! PostgreSQL aborts a transaction at its first failed statement: the rest
//! are refused, and a `COMMIT` is answered with a rollback, not an error.
//! A closure that treats a failure as expected ("insert or ignore") and
//! goes on would see `Ok` for work that was thrown away, as Diesel's own
//! `transaction` reports it. So every statement of a scope passes its
//! result through [`Outcome::note`], which remembers the first failure, and
//! the scope refuses to report success after one
//! ([`Error::RolledBack`]); savepoints undo what they noted.
//!
//! A lost connection is told apart by when it was lost: before `BEGIN`
//! was answered nothing happened ([`Error::Unavailable`]); during the
//! scope nothing was committed ([`Error::ConnectionLost`]); during the
//! `COMMIT` no one can tell ([`Error::CommitOutcomeUnknown`]).

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::result::{DatabaseErrorKind, Error as Diesel};
use diesel::PgConnection;

use crate::error::{Error, Result};
use crate::pool::ScopeConnection;

/// The statements a scope sent and how they went.
#[derive(Debug, Default, Clone)]
pub(super) struct Outcome {
    /// The first statement that failed since the transaction (or the
    /// innermost savepoint) began, and whether PostgreSQL aborted the
    /// transaction for it (a server error) or only the scope must not
    /// commit (a row written but not read back).
    failure: Option<Failure>,
    /// The connection broke; what the error said.
    lost: Option<String>,
}

#[derive(Debug, Clone)]
struct Failure {
    message: String,
    aborted: bool,
}

impl Outcome {
    /// Passes a statement's result through, noting a failure. A statement
    /// refused because an earlier one aborted the transaction reports that
    /// earlier failure ([`Error::RolledBack`]), which is the one to fix.
    pub(super) fn note<T>(&mut self, result: Result<T>) -> Result<T> {
        let error = match result {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        if let Some(lost) = &self.lost {
            return Err(Error::ConnectionLost(lost.clone()));
        }
        match &error {
            Error::Database(diesel) if is_connection_error(diesel) => {
                let message = describe(&error);
                self.lost = Some(message.clone());
                Err(Error::ConnectionLost(message))
            }
            Error::Database(Diesel::DatabaseError(..)) => match &mut self.failure {
                Some(failure) if failure.aborted => Err(Error::RolledBack {
                    first_failure: failure.message.clone(),
                }),
                Some(failure) => {
                    failure.aborted = true;
                    Err(error)
                }
                None => {
                    self.failure = Some(Failure {
                        message: describe(&error),
                        aborted: true,
                    });
                    Err(error)
                }
            },
            _ => Err(error),
        }
    }

    /// Like [`Outcome::note`], for a statement that wrote: an error after
    /// the server did the write (the row it sent back could not be read)
    /// leaves the write in the transaction, so the scope must not commit.
    pub(super) fn note_write<T>(&mut self, result: Result<T>) -> Result<T> {
        let result = self.note(result);
        if let Err(error) = &result {
            let written = matches!(
                error,
                Error::UnknownEnumValue { .. }
                    | Error::Unreadable { .. }
                    | Error::Database(Diesel::DeserializationError(_))
            );
            if written && self.failure.is_none() {
                self.failure = Some(Failure {
                    message: format!("a written row could not be read back: {error}"),
                    aborted: false,
                });
            }
        }
        result
    }

    /// Whether the transaction can take more statements: it was not
    /// aborted and the connection is alive.
    pub(super) fn healthy(&self) -> bool {
        self.lost.is_none() && self.failure.is_none()
    }

    /// Why the work must not be committed, if it must not.
    pub(super) fn refusal(&self) -> Option<Error> {
        if let Some(lost) = &self.lost {
            return Some(Error::ConnectionLost(lost.clone()));
        }
        self.failure.as_ref().map(|failure| Error::RolledBack {
            first_failure: failure.message.clone(),
        })
    }

    /// After a savepoint was rolled back: its failures are undone, the
    /// connection's state is not.
    pub(super) fn restore(&mut self, before: Outcome) {
        self.failure = before.failure;
    }
}

/// Whether a Diesel error means the connection is gone.
pub(super) fn is_connection_error(error: &Diesel) -> bool {
    matches!(
        error,
        Diesel::DatabaseError(DatabaseErrorKind::ClosedConnection, _)
            // How diesel-async reports a client error that has no SQL
            // state: the connection closed, or an I/O error on it.
            | Diesel::DatabaseError(DatabaseErrorKind::UnableToSendCommand, _)
            | Diesel::BrokenTransactionManager
    ) || terminated(error)
        || crate::mysql::is_connection_error(error)
}

/// The server's own notice that it ends the session (SQLSTATE class 57P:
/// `pg_terminate_backend`, a shutdown, a crash of another backend), which
/// diesel-async passes on as a database error before the socket closes.
fn terminated(error: &Diesel) -> bool {
    match error {
        Diesel::DatabaseError(_, info) => {
            let message = info.message();
            message.starts_with("terminating connection")
                || message.starts_with("the database system is shutting down")
        }
        _ => false,
    }
}

/// One line that says what failed: the message, and the constraint or the
/// details when PostgreSQL gave them.
fn describe(error: &Error) -> String {
    match error {
        Error::Database(Diesel::DatabaseError(_, info)) => {
            let mut text = info.message().to_owned();
            if let Some(constraint) = info.constraint_name() {
                text.push_str(&format!(" (constraint `{constraint}`)"));
            }
            if let Some(details) = info.details() {
                text.push_str(&format!(": {details}"));
            }
            text
        }
        other => other.to_string(),
    }
}

/// Begins the scope's transaction with `begin` (which sends nothing that
/// changes data). A connection found dead here is replaced once, when it
/// can be, and the `BEGIN` sent again; otherwise the failure is
/// [`Error::Unavailable`]: nothing was done.
pub(super) fn begin(
    conn: &mut impl ScopeConnection<Dialect = crate::dialect::Postgres>,
    begin: &str,
) -> Result<()> {
    match AnsiTransactionManager::begin_transaction_sql(conn.scope_connection(), begin) {
        Ok(()) => Ok(()),
        Err(error) if is_connection_error(&error) => {
            let first = error.to_string();
            match conn.revive() {
                None => Err(Error::Unavailable(first)),
                Some(Err(again)) => Err(Error::Unavailable(format!(
                    "{first}; a new connection failed too: {again}"
                ))),
                Some(Ok(())) => {
                    AnsiTransactionManager::begin_transaction_sql(conn.scope_connection(), begin)
                        .map_err(|error| {
                            if is_connection_error(&error) {
                                Error::Unavailable(error.to_string())
                            } else {
                                error.into()
                            }
                        })
                }
            }
        }
        Err(error) => Err(error.into()),
    }
}

/// Ends a scope whose closure returned `Ok`: commits when every statement
/// went through, otherwise rolls back and says why.
///
/// The `COMMIT` goes in one message with a `SELECT 1`, which PostgreSQL
/// refuses in an aborted transaction: a failure that did not pass through
/// [`Outcome::note`] is still not reported as a commit.
pub(super) fn commit(conn: &mut PgConnection, refusal: Option<Error>) -> Result<()> {
    if let Some(refusal) = refusal {
        rollback(conn);
        return Err(refusal);
    }
    match conn.batch_execute("SELECT 1; COMMIT") {
        Ok(()) => Ok(()),
        Err(error) if is_connection_error(&error) => {
            Err(Error::CommitOutcomeUnknown(error.to_string()))
        }
        Err(error) => {
            // Still in the transaction (the `SELECT 1` was refused: the
            // transaction was aborted), or out of it (the `COMMIT` failed:
            // a deferred constraint, a serialization failure; Diesel saw
            // the connection leave the transaction); either way nothing
            // was committed.
            let aborted = in_transaction(conn);
            rollback(conn);
            if aborted {
                Err(Error::RolledBack {
                    first_failure: "a statement failed outside the scope's API".into(),
                })
            } else {
                Err(error.into())
            }
        }
    }
}

/// Rolls the scope's transaction back, if the connection is still in it.
/// Its error is not worth reporting over the one that led here; a failed
/// rollback leaves Diesel's transaction manager broken, and the pool then
/// drops the connection.
pub(super) fn rollback(conn: &mut PgConnection) {
    // A panic inside a savepoint leaves it open: roll back every level.
    while in_transaction(conn) {
        if AnsiTransactionManager::rollback_transaction(conn).is_err() {
            break;
        }
    }
}

fn in_transaction(conn: &mut PgConnection) -> bool {
    let status = AnsiTransactionManager::transaction_manager_status_mut(conn);
    matches!(status.transaction_depth(), Ok(Some(_)))
}
