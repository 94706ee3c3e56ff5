//! The traits every `#[entity]` implements.

use diesel::PgConnection;
use uuid::Uuid;

use crate::error::Result;
use crate::schema::Table;
use crate::scope::Capability;

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
    type Ref<'t>: crate::scope::RefValue;

    /// This row's key.
    fn key(&self) -> Self::Key;
}

/// How a form refers to a row of `E` (see [`Entity::Ref`]).
pub type Ref<'t, E> = <E as Entity>::Ref<'t>;

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

/// What an insert fills in besides the caller's values.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct InsertContext {
    /// The tenant, for tenant-owned entities.
    pub tenant: Option<Uuid>,
    /// The acting account, for `created_by` / `updated_by`.
    pub actor: Option<Uuid>,
}

/// Which rows a list returns: keyset paging on the entity's order key
/// (`created_at, id` where the entity has `created_at`, else the key).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    /// Rows strictly after this cursor, from [`Page::after`].
    pub after: Option<Cursor>,
    /// Skip this many rows first (offset paging; prefer the cursor).
    pub offset: i64,
    /// At most this many rows.
    pub limit: i64,
}

/// Where a keyset page starts: the order key of the last row seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub created_at: Option<chrono::NaiveDateTime>,
    pub id: Uuid,
}

impl Page {
    /// The first `limit` rows.
    pub fn first(limit: i64) -> Page {
        Page {
            after: None,
            offset: 0,
            limit,
        }
    }

    /// The `limit` rows after `cursor` (the [`OrderKey::cursor`] of the last row of the previous page).
    pub fn after(cursor: Cursor, limit: i64) -> Page {
        Page {
            after: Some(cursor),
            offset: 0,
            limit,
        }
    }

    /// A negative limit or offset is a mistake PostgreSQL would answer with
    /// an error that aborts the scope's transaction; it is refused before
    /// anything is sent.
    pub(crate) fn check(&self) -> crate::Result<()> {
        if self.limit < 0 || self.offset < 0 {
            return Err(crate::Error::InvalidQuery(format!(
                "a page's limit and offset are not negative (limit {}, offset {})",
                self.limit, self.offset
            )));
        }
        Ok(())
    }

    /// `limit` rows starting at row `offset` (0-based).
    pub fn offset(offset: i64, limit: i64) -> Page {
        Page {
            after: None,
            offset,
            limit,
        }
    }
}

/// The order key of a row, for keyset paging.
pub trait OrderKey {
    fn cursor(&self) -> Cursor;
}

/// The concrete unscoped queries generated for each entity, used by the
/// system escape hatch.
#[doc(hidden)]
pub trait Persist: Entity {
    /// The columns an insert writes, in bind order, and where each value
    /// comes from; the insert statements are rendered from these and
    /// [`Entity::TABLE`] once per entity (see [`crate::insert`]).
    const INSERT_COLUMNS: &'static [crate::insert::InsertColumn];
    /// Inserts one row and returns it as stored (with server defaults);
    /// `None` only when `conflict` is [`crate::insert::OnConflict::Ignore`]
    /// and the row conflicted with a unique key.
    fn insert_row(
        token: Token,
        conn: &mut PgConnection,
        cx: InsertContext,
        new: Self::New<'_>,
        conflict: crate::insert::OnConflict,
    ) -> Result<Option<Self>>;
    /// Inserts many rows, each batch of up to
    /// [`crate::insert::BULK_ROWS_PER_STATEMENT`] rows in one statement
    /// (`INSERT ... SELECT ... FROM unnest(...)`); every row is checked
    /// before anything is sent. Returns how many rows were inserted, and the
    /// rows as stored when `returning` (otherwise none: the server sends
    /// back only the count).
    fn insert_rows(
        token: Token,
        conn: &mut PgConnection,
        cx: InsertContext,
        news: Vec<Self::New<'_>>,
        returning: bool,
    ) -> Result<(usize, Vec<Self>)>;
    /// Reads one row by key, with no tenant predicate.
    fn find_row(token: Token, conn: &mut PgConnection, key: Self::Key) -> Result<Option<Self>>;
    /// Reads every row ordered by key, with no tenant predicate.
    fn list_rows(token: Token, conn: &mut PgConnection) -> Result<Vec<Self>>;
}

/// The concrete scoped queries generated for each tenant-owned entity with
/// a uuid key; every one carries the tenant predicate.
#[doc(hidden)]
pub trait ScopedAccess: TenantOwned + Entity<Key = Uuid> + OrderKey {
    /// The capability an update or a delete needs (`#[entity(write = ...)]`).
    type Need: Capability;
    /// The capability an insert needs (`#[entity(create = ...)]`, else `write`).
    type CreateNeed: Capability;
    fn scoped_find(
        token: Token,
        conn: &mut PgConnection,
        tenant: Uuid,
        id: Uuid,
    ) -> Result<Option<Self>>;
    /// The rows among `ids` that the tenant has (`id = ANY($1)` and the
    /// tenant predicate), in no particular order.
    fn scoped_find_many(
        token: Token,
        conn: &mut PgConnection,
        tenant: Uuid,
        ids: &[Uuid],
    ) -> Result<Vec<Self>>;
    /// A page of rows, each read on its own: a row that cannot be read is
    /// an error in its place.
    fn scoped_list(
        token: Token,
        conn: &mut PgConnection,
        tenant: Uuid,
        page: Page,
    ) -> Result<Vec<Result<Self>>>;
    fn scoped_count(token: Token, conn: &mut PgConnection, tenant: Uuid) -> Result<i64>;
    fn scoped_insert(
        token: Token,
        conn: &mut PgConnection,
        tenant: Uuid,
        actor: Uuid,
        new: Self::New<'_>,
    ) -> Result<Self>;
    fn scoped_update(
        token: Token,
        conn: &mut PgConnection,
        tenant: Uuid,
        actor: Uuid,
        id: Uuid,
        changes: Self::Changes<'_>,
    ) -> Result<Option<Self>>;
    fn scoped_delete(token: Token, conn: &mut PgConnection, tenant: Uuid, id: Uuid)
        -> Result<bool>;
}

/// A scoped entity with `soft_delete = ...`.
#[doc(hidden)]
pub trait SoftDeletable: ScopedAccess {
    fn scoped_soft_delete(
        token: Token,
        conn: &mut PgConnection,
        tenant: Uuid,
        id: Uuid,
    ) -> Result<bool>;
}

/// A via-owned entity and the parent that owns it.
#[doc(hidden)]
pub trait BelongsTo<P>: ScopedAccess {
    /// The owning parent's uuid (the `via` column).
    fn parent_uuid(&self) -> Uuid;
    /// The children of a parent the caller holds as a branded id (with the
    /// tenant predicate all the same).
    fn scoped_children(
        token: Token,
        conn: &mut PgConnection,
        tenant: Uuid,
        parent: Uuid,
        page: Page,
    ) -> Result<Vec<Result<Self>>>;
}
