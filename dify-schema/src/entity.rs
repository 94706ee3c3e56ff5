//! What every `#[entity]` is: the [`Entity`] trait (its table, forms and
//! key), how forms refer to its rows ([`Ref`], [`RefValue`]), the
//! [`TenantOwned`] marker, and the [`Token`] that proves a caller is the
//! runtime.
//!
//! What only some entities implement lives with the feature that uses it:
//! the scoped queries in [`crate::scope`] (`ScopedAccess`, `BelongsTo`,
//! `SoftDeletable`), the unscoped ones in [`crate::persist`], keyset paging
//! in [`crate::page`].

use uuid::Uuid;

use crate::schema::Table;

/// A declared entity: one table, its row type, and its insert and update forms.
pub trait Entity: Sized + 'static {
    /// The static description of the table: columns, types, defaults,
    /// indexes, ownership.
    const TABLE: &'static Table;
    /// The table's name alone (`TABLE.name`), for other entities' relations:
    /// a separate constant, so two entities that reference each other do not
    /// make their `TABLE`s depend on each other.
    const TABLE_NAME: &'static str;
    /// The insert form (`NewApp`): no tenant, no audit columns; columns with
    /// a default are optional; references to tenant-owned rows are branded
    /// [`crate::scope::Id`]s of the scope `'t`.
    type New<'t>;
    /// The update form (`AppChanges`): every column that may change, each
    /// optional; never the key, the tenant, the owning parent or the audit
    /// columns.
    type Changes<'t>: Default;
    /// The primary key's value: `Uuid` for the usual `id`, a tuple for a
    /// composite key.
    type Key: Clone;
    /// How an insert or update form refers to a row of this entity: a
    /// branded `Id<'t, Self>` when the entity is tenant-owned (so it cannot
    /// name another tenant's row), a plain `Uuid` when it is global.
    type Ref<'t>: RefValue;

    /// This row's key.
    fn key(&self) -> Self::Key;
}

/// How a form refers to a row of `E` (see [`Entity::Ref`]).
pub type Ref<'t, E> = <E as Entity>::Ref<'t>;

/// A value that stands for a row's uuid in an insert or update form:
/// `Uuid` for a global parent, [`crate::Id`] or [`crate::AnyId`] (whose
/// impls are in [`crate::scope`]) for a tenant-owned one.
pub trait RefValue: Copy {
    fn uuid(self) -> Uuid;
}

impl RefValue for Uuid {
    fn uuid(self) -> Uuid {
        self
    }
}

/// An entity whose rows belong to one tenant, directly (`owner = tenant`)
/// or through a parent (`owner = via(...)`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not tenant-owned, so it cannot be the parent of a `via` entity",
    label = "this parent is `owner = global` (or not an entity)",
    note = "a `via` entity belongs to a tenant through its parent, so the parent must be `owner = tenant` or `owner = via(...)`; a child of a global entity is `owner = global` or has its own `tenant_id`"
)]
pub trait TenantOwned: Entity {}

/// Fails to compile unless `T` is tenant-owned; the check behind `via`.
#[doc(hidden)]
pub const fn assert_tenant_owned<T: TenantOwned>() {}

/// Proof that the caller is the runtime: the generated query functions take
/// one, and only `dify_schema` can make one, so the only ways to run them
/// are a tenant scope and [`crate::system::bypass_tenant_isolation`].
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Token(());

impl Token {
    pub(crate) fn new() -> Token {
        Token(())
    }
}
