//! A row read under a scope ([`Row`]): the row and the branded ids it
//! carries.

use std::marker::PhantomData;
use std::ops::Deref;

use super::access::BelongsTo;
use super::id::{Brand, Id};
use crate::entity::{Entity, TenantOwned};

/// A row read under the scope `'t`: the row itself (through `Deref`) and
/// the branded ids it carries.
pub struct Row<'t, E> {
    row: E,
    brand: Brand<'t>,
}

impl<'t, E> Row<'t, E> {
    pub(crate) fn new(row: E) -> Self {
        Row {
            row,
            brand: PhantomData,
        }
    }

    /// The row, without its brand.
    pub fn into_inner(self) -> E {
        self.row
    }

    /// This row's id, branded by the scope it was read in.
    pub fn id(&self) -> Id<'t, E>
    where
        E: TenantOwned + Entity<Key = uuid::Uuid>,
    {
        Id::trusted(self.row.key())
    }

    /// The id of the parent this row belongs to (its `via` column): the
    /// parent is in the same tenant by construction.
    pub fn parent<P>(&self) -> Id<'t, P>
    where
        E: BelongsTo<P>,
    {
        Id::trusted(self.row.parent_uuid())
    }
}

impl<E> Deref for Row<'_, E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.row
    }
}

impl<E: std::fmt::Debug> std::fmt::Debug for Row<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.row.fmt(f)
    }
}
