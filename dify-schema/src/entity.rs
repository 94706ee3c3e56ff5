//! The traits every `#[entity]` implements.

use diesel::PgConnection;
use uuid::Uuid;

use crate::error::Result;
use crate::schema::Table;

/// A declared entity: one table, its row type, and its insert and update forms.
pub trait Entity: Sized + 'static {
    /// The static description of the table: columns, types, defaults,
    /// indexes, ownership.
    const TABLE: &'static Table;
    /// The insert form (`NewApp`): no tenant, no audit columns; columns with
    /// a default are optional.
    type New;
    /// The update form (`AppChanges`): every column that may change, each
    /// optional; never the key, the tenant or the audit columns.
    type Changes: Default;
    /// The primary key's value: `Uuid` for the usual `id`, a tuple for a
    /// composite key.
    type Key: Copy;
}

/// Names an entity's Diesel table by type, so generated code in another
/// module can join to it.
#[doc(hidden)]
pub trait HasDieselTable {
    type Table: diesel::Table + Default + Copy;
}

/// What an insert fills in besides the caller's values.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct InsertContext {
    /// The tenant, for tenant-owned entities.
    pub tenant: Option<Uuid>,
    /// The acting account, for `created_by` / `updated_by`.
    pub actor: Option<Uuid>,
}

/// The concrete queries generated for each entity. Scopes and the system
/// escape hatch add the ownership rules around these.
#[doc(hidden)]
pub trait Persist: Entity {
    /// Inserts one row and returns it as stored (with server defaults).
    fn insert_row(conn: &mut PgConnection, cx: InsertContext, new: Self::New) -> Result<Self>;
    /// Reads one row by key, with no tenant predicate.
    fn find_row(conn: &mut PgConnection, key: Self::Key) -> Result<Option<Self>>;
    /// Reads every row ordered by key, with no tenant predicate.
    fn list_rows(conn: &mut PgConnection) -> Result<Vec<Self>>;
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
