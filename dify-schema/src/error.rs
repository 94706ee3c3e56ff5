//! The errors of the data layer: typed, so that a caller can tell a bad row
//! from a dead server from a missing permission.

use crate::string_enum::UnknownEnumValue;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A row held a value its string enum does not have.
    #[error("{0}")]
    UnknownEnumValue(UnknownEnumValue),

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

    /// Any other error from Diesel or the database.
    #[error(transparent)]
    Database(diesel::result::Error),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Self {
        // Diesel wraps a failed column conversion in an opaque box; an
        // unknown enum value is worth its own variant.
        if let diesel::result::Error::DeserializationError(inner) = &error {
            if let Some(unknown) = inner.downcast_ref::<UnknownEnumValue>() {
                return Error::UnknownEnumValue(unknown.clone());
            }
        }
        Error::Database(error)
    }
}
