//! The errors of the data layer: typed, so that a caller can tell a bad row
//! from a dead server from a missing permission.

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
    Forbidden {
        need: &'static str,
        role: crate::scope::Role,
    },

    /// The start-up check found tables that row-level security does not protect.
    #[error("row-level security is not in force: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    RowLevelSecurity(Vec<crate::rls::RlsProblem>),

    /// A composable query was put together in a way that cannot run (a
    /// table joined twice); nothing was sent.
    #[error("this query cannot run: {0}")]
    InvalidQuery(String),

    /// No connection could be had from the pool in time: every connection is
    /// in use, or the server cannot be reached.
    #[error("no database connection: {0}")]
    Pool(String),

    /// Any other error from Diesel or the database.
    #[error(transparent)]
    Database(diesel::result::Error),
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
            }
        }
        Error::Database(error)
    }
}
