//! Ids branded by the scope they were read in.

use std::fmt;
use std::marker::PhantomData;

use uuid::Uuid;

use crate::entity::{RefValue, TenantOwned};

/// The brand: invariant in `'scope`, so an `Id<'scope, _>` of one scope is a
/// type error in any other scope, even one of the same tenant.
pub(crate) type Brand<'scope> = PhantomData<fn(&'scope ()) -> &'scope ()>;

/// The id of an `E` row that was read under the scope `'t`.
///
/// There is no public constructor, no `Deserialize` and no `FromSql`: an id
/// comes from a row read under the scope ([`crate::scope::Row::id`]), from a
/// row's parent, or from [`crate::scope::Scope::lookup`], which checks an
/// untrusted uuid against the tenant. So holding an `Id<'t, App>` proves the
/// app belongs to the scope's tenant.
///
/// The lifetime is named `'scope` because the compiler's error for an id
/// used in another scope (E0521, "borrowed data escapes outside of
/// closure") names it: "the struct `Id<'scope, E>` is invariant over the
/// parameter `'scope`" means "this id belongs to another scope".
pub struct Id<'scope, E> {
    raw: Uuid,
    brand: Brand<'scope>,
    kind: PhantomData<fn() -> E>,
}

/// What the accessors that take an id accept: an [`Id`] read in this scope.
/// Its purpose is the message a raw uuid gets.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `Id<'_, {E}>` read in this scope",
    label = "this proves nothing about which workspace the row belongs to",
    note = "check an untrusted uuid against the scope first: `scope.lookup::<{E}>(uuid)?` returns the row when it is the workspace's, and `row.id()` is the `Id` to pass here"
)]
pub trait ScopedId<'scope, E>: Copy {
    #[doc(hidden)]
    fn scoped_uuid(self) -> Uuid;
}

impl<'scope, E> ScopedId<'scope, E> for Id<'scope, E> {
    fn scoped_uuid(self) -> Uuid {
        self.raw
    }
}

impl<'scope, E> Id<'scope, E> {
    /// Brands a uuid. Only the runtime may do this, after a scoped read.
    pub(crate) fn trusted(raw: Uuid) -> Self {
        Id {
            raw,
            brand: PhantomData,
            kind: PhantomData,
        }
    }

    /// The uuid itself, e.g. to return it in an API response.
    pub fn get(self) -> Uuid {
        self.raw
    }
}

impl<E> Clone for Id<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Id<'_, E> {}

impl<E> PartialEq for Id<'_, E> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<E> Eq for Id<'_, E> {}

impl<E> std::hash::Hash for Id<'_, E> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}

impl<E> fmt::Debug for Id<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.raw)
    }
}

impl<E> fmt::Display for Id<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.raw, f)
    }
}

impl<E> RefValue for Id<'_, E> {
    fn uuid(self) -> Uuid {
        self.raw
    }
}

/// The id of a row of one of several tenant-owned entities, read under the
/// scope `'t`: what a form takes for a column declared
/// `references = any(App, Dataset)` (`tag_bindings.target_id`). Made only
/// from an [`Id`] of the same scope, so it cannot name another workspace's
/// row either.
pub struct AnyId<'t> {
    raw: Uuid,
    brand: Brand<'t>,
}

impl<'t, E: TenantOwned> From<Id<'t, E>> for AnyId<'t> {
    fn from(id: Id<'t, E>) -> Self {
        AnyId {
            raw: id.raw,
            brand: PhantomData,
        }
    }
}

impl AnyId<'_> {
    /// The uuid itself.
    pub fn get(self) -> Uuid {
        self.raw
    }
}

impl Clone for AnyId<'_> {
    fn clone(&self) -> Self {
        *self
    }
}

impl Copy for AnyId<'_> {}

impl PartialEq for AnyId<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for AnyId<'_> {}

impl fmt::Debug for AnyId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AnyId({})", self.raw)
    }
}

impl RefValue for AnyId<'_> {
    fn uuid(self) -> Uuid {
        self.raw
    }
}

/// An id compares as its uuid in a filter (`c.app_id.eq(app.id())`).
impl<E> From<Id<'_, E>> for Uuid {
    fn from(id: Id<'_, E>) -> Uuid {
        id.raw
    }
}

impl From<AnyId<'_>> for Uuid {
    fn from(id: AnyId<'_>) -> Uuid {
        id.raw
    }
}
