//! What generated code implements for scoped access only: the scoped
//! queries of each tenant-owned entity with a uuid key ([`ScopedAccess`]),
//! of soft-deletable ones ([`SoftDeletable`]) and of via-owned ones and
//! their parent ([`BelongsTo`]), every one carrying the tenant predicate,
//! and what makes an entity queryable compositionally ([`ComposableQuery`]).

use uuid::Uuid;

use crate::dialect::{Dialect, Postgres};

use super::predicate::TenantPredicate;
use crate::entity::{Entity, TenantOwned, Token};
use crate::error::Result;
use crate::page::{OrderKey, Page};
use crate::role::Capability;

/// The capabilities a scope needs to write an entity: the same on every
/// dialect, so code generic over the dialect knows them.
#[doc(hidden)]
pub trait WriteCapability {
    /// The capability an update or a delete needs (`#[entity(write = ...)]`).
    type Need: Capability;
    /// The capability an insert needs (`#[entity(create = ...)]`, else `write`).
    type CreateNeed: Capability;
}

/// The concrete scoped queries generated for each tenant-owned entity with
/// a uuid key, for each dialect; every one carries the tenant predicate.
#[doc(hidden)]
pub trait ScopedAccess<D: Dialect = Postgres>:
    TenantOwned + Entity<Key = Uuid> + OrderKey + WriteCapability
{
    fn scoped_find(
        token: Token,
        conn: &mut D::Conn,
        tenant: Uuid,
        id: Uuid,
    ) -> Result<Option<Self>>;
    /// The rows among `ids` that the tenant has (`id = ANY($1)` and the
    /// tenant predicate), in no particular order.
    fn scoped_find_many(
        token: Token,
        conn: &mut D::Conn,
        tenant: Uuid,
        ids: &[Uuid],
    ) -> Result<Vec<Self>>;
    /// A page of rows, each read on its own: a row that cannot be read is
    /// an error in its place.
    fn scoped_list(
        token: Token,
        conn: &mut D::Conn,
        tenant: Uuid,
        page: Page,
    ) -> Result<Vec<Result<Self>>>;
    fn scoped_count(token: Token, conn: &mut D::Conn, tenant: Uuid) -> Result<i64>;
    fn scoped_insert(
        token: Token,
        conn: &mut D::Conn,
        tenant: Uuid,
        actor: Uuid,
        new: Self::New<'_>,
    ) -> Result<Self>;
    fn scoped_update(
        token: Token,
        conn: &mut D::Conn,
        tenant: Uuid,
        actor: Uuid,
        id: Uuid,
        changes: Self::Changes<'_>,
    ) -> Result<Option<Self>>;
    fn scoped_delete(token: Token, conn: &mut D::Conn, tenant: Uuid, id: Uuid) -> Result<bool>;
}

/// A scoped entity with `soft_delete = ...`.
#[doc(hidden)]
pub trait SoftDeletable<D: Dialect = Postgres>: ScopedAccess<D> {
    fn scoped_soft_delete(token: Token, conn: &mut D::Conn, tenant: Uuid, id: Uuid)
        -> Result<bool>;
}

/// A via-owned entity and the parent that owns it.
#[doc(hidden)]
pub trait BelongsTo<P, D: Dialect = Postgres>: ScopedAccess<D> {
    /// The owning parent's uuid (the `via` column).
    fn parent_uuid(&self) -> Uuid;
    /// The children of a parent the caller holds as a branded id (with the
    /// tenant predicate all the same).
    fn scoped_children(
        token: Token,
        conn: &mut D::Conn,
        tenant: Uuid,
        parent: Uuid,
        page: Page,
    ) -> Result<Vec<Result<Self>>>;
}

/// An entity that can be queried compositionally; generated.
#[doc(hidden)]
pub trait ComposableQuery<D: Dialect = Postgres>: ScopedAccess<D> + TenantPredicate {
    /// One [`super::QueryColumn`] per column.
    type Columns: Default;
    /// The Diesel SQL types of a row on `D`, in column order.
    type SqlRow;
}
