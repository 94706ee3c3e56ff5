//! The unscoped queries generated for every entity ([`Persist`]), which
//! the system escape hatch ([`crate::system`]) and a scope's inserts run,
//! and what an insert fills in besides the caller's values
//! ([`InsertContext`]). The statements themselves are in [`crate::insert`].

use uuid::Uuid;

use crate::dialect::{Dialect, Postgres};

use crate::entity::{Entity, Token};
use crate::error::Result;
use crate::insert::{InsertColumn, OnConflict};

/// What an insert fills in besides the caller's values.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct InsertContext {
    /// The tenant, for tenant-owned entities.
    pub tenant: Option<Uuid>,
    /// The acting account, for `created_by` / `updated_by`.
    pub actor: Option<Uuid>,
}

/// The concrete unscoped queries generated for each entity, used by the
/// system escape hatch, for each dialect `D`.
#[doc(hidden)]
pub trait Persist<D: Dialect = Postgres>: Entity {
    /// The columns an insert writes, in bind order, and where each value
    /// comes from; the insert statements are rendered from these and
    /// [`Entity::TABLE`] once per entity (see [`crate::insert`]).
    const INSERT_COLUMNS: &'static [InsertColumn];
    /// Inserts one row and returns it as stored (with server defaults);
    /// `None` only when `conflict` is [`crate::insert::OnConflict::Ignore`]
    /// and the row conflicted with a unique key.
    fn insert_row(
        token: Token,
        conn: &mut D::Conn,
        cx: InsertContext,
        new: Self::New<'_>,
        conflict: OnConflict,
    ) -> Result<Option<Self>>;
    /// Inserts many rows, each batch of up to
    /// [`crate::insert::BULK_ROWS_PER_STATEMENT`] rows in one statement
    /// (`INSERT ... SELECT ... FROM unnest(...)`); every row is checked
    /// before anything is sent. Returns how many rows were inserted, and the
    /// rows as stored when `returning` (otherwise none: the server sends
    /// back only the count).
    fn insert_rows(
        token: Token,
        conn: &mut D::Conn,
        cx: InsertContext,
        news: Vec<Self::New<'_>>,
        returning: bool,
    ) -> Result<(usize, Vec<Self>)>;
    /// Reads one row by key, with no tenant predicate.
    fn find_row(token: Token, conn: &mut D::Conn, key: Self::Key) -> Result<Option<Self>>;
    /// Reads every row ordered by key, with no tenant predicate.
    fn list_rows(token: Token, conn: &mut D::Conn) -> Result<Vec<Self>>;
}
