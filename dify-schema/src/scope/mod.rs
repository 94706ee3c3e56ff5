//! Tenant scopes: the only way to read or write tenant-owned rows.
//!
//! ```ignore
//! with_tenant(&mut conn, tenant_id, account_id, |scope| {
//!     let app = scope.lookup::<App>(raw_app_id)?.ok_or(NotFound)?;   // checked against the tenant
//!     let conversations = scope.children::<Conversation, _>(app.id(), Page::first(20))?;
//!     let scope = scope.require::<Editing>()?;                           // role checked once, here
//!     scope.update(app.id(), AppChanges { name: Some("Renamed".into()), ..Default::default() })?;
//!     Ok(())
//! })
//! ```
//!
//! # What the types guarantee
//!
//! * Every query a scope runs carries the tenant predicate: `tenant_id = $1`
//!   on a tenant-owned table, and the parent chain
//!   (`app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = $1)`) on a
//!   via-owned one. There is no other way to reach a tenant-owned table
//!   (except [`crate::system::bypass_tenant_isolation`]).
//! * An [`Id<'t, E>`] can only come from a read under the scope `'t`; the
//!   brand `'t` is invariant, so an id cannot be used under another scope or
//!   leave the closure.
//! * Inserts and updates take tenant-owned references as `Id`s, so a row
//!   cannot be linked to another tenant's row, and their forms have no
//!   `tenant_id` field.
//! * A write needs the capability its entity declares (`Editing` for apps,
//!   `DatasetEditing` for datasets, ...); a scope gets it only through
//!   [`Scope::require`], which checks the member's role.
//!
//! # The brand error, explained
//!
//! Using an id outside the scope it was read in fails to compile with an
//! error that does not mention tenants:
//!
//! ```text
//! error[E0521]: borrowed data escapes outside of closure
//!    |
//!    |     with_tenant(&mut conn, tenant_b, account, |scope_b| {
//!    |                                                -------- `scope_b` is a reference that is only valid in the closure body
//!    |         scope_b.find(app_id_from_scope_a)
//!    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ `scope_b` escapes the closure body here
//!    = note: requirement occurs because of the type `Id<'_, App>`, which makes the generic argument `'_` invariant
//! ```
//!
//! It means: this id was read under a different scope (a different tenant,
//! or the same tenant in another transaction), and each scope's ids are
//! its own. The fix is to read the id again in the scope that needs it
//! (`scope_b.lookup::<App>(id.get())`), which checks it against that
//! scope's tenant. The same error (or E0597/E0716, "borrowed value does not
//! live long enough") appears when an `Id` is returned out of the closure:
//! return `id.get()`, the plain uuid, instead.

mod access;
#[cfg(feature = "async")]
pub mod async_scope;
mod backend;
mod dialect;
mod enter;
mod filter;
mod id;
mod outcome;
mod predicate;
mod query;
mod row;
mod source;
mod sql;
mod value;

use std::marker::PhantomData;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use diesel::connection::TransactionManager;
use diesel::Connection;

use outcome::Outcome;
use uuid::Uuid;

pub use crate::role::{
    Allows, Capability, DatasetEditing, Editing, Member, Owner, Privileged, Role,
};
#[doc(hidden)]
pub use access::{BelongsTo, ComposableQuery, ScopedAccess, SoftDeletable, WriteCapability};
#[doc(hidden)]
pub use filter::{enum_list, enum_value, Value as FilterValueRepr, ValueList as FilterValueList};
pub use filter::{ColumnType, Filter, FilterValue, IntoOrder, Order, QueryColumn};
pub use filter::{Subquery, SubqueryBuilder};
pub(crate) use id::Brand;
pub use id::{AnyId, Id, ScopedId};
#[doc(hidden)]
pub use predicate::{push_column, TenantChain, TenantFilter, TenantPredicate};
#[doc(hidden)]
pub use query::{Contains, Joined};
pub use query::{Loads, Query};
pub use row::Row;
#[doc(hidden)]
pub use sql::{after_cursor, AfterCursor, IsFalse};

#[doc(hidden)]
pub use backend::QueryBackend;
#[doc(hidden)]
pub use dialect::ScopeDialect;

use crate::dialect::{Dialect, Postgres};
use crate::entity::Token;
use crate::error::{Error, Result};
use crate::page::Page;
use crate::persist::{InsertContext, Persist};

/// An open tenant scope: a transaction on one connection, a tenant, an
/// account, its role, and the capability `C` checked so far.
///
/// `D` is the SQL dialect, taken from the connection the scope was opened
/// on: [`Postgres`] unless it was a [`crate::mysql::MysqlConnection`].
#[repr(transparent)]
pub struct Scope<'t, C = Member, D: Dialect = Postgres> {
    inner: ScopeInner<'t, D>,
    capability: PhantomData<C>,
}

struct ScopeInner<'t, D: Dialect> {
    conn: &'t mut D::Conn,
    tenant: Uuid,
    account: Uuid,
    role: Role,
    /// The database's clock when the scope began, where the dialect has no
    /// transaction clock of its own (MySQL).
    clock: Option<chrono::NaiveDateTime>,
    brand: Brand<'t>,
    outcome: Outcome,
}

/// Runs `f` in a tenant scope: one transaction, opened with the session's
/// settings reset (so nothing an earlier user of a pooled connection set
/// applies), whose first statement is the entry function: it reads the
/// account's role from `tenant_account_joins` and records the tenant, for
/// row-level security, in a form only it can write and only this
/// transaction accepts (see [`crate::rls`]).
///
/// What it returns is what happened (the retry rules are on
/// [`crate::error::Retry`]):
///
/// * `Ok` only when the transaction committed.
/// * `f`'s error, after a rollback: nothing of the scope was committed. So
///   does a panic, which then continues unwinding.
/// * [`Error::RolledBack`] when `f` returned `Ok` after a statement had
///   failed: PostgreSQL aborted the transaction there, so nothing was
///   committed. Work that may fail goes in [`Scope::savepoint`].
/// * [`Error::Unavailable`] when the server could not be reached at
///   `BEGIN` (a dead pooled connection is replaced and `BEGIN` sent again
///   first): nothing was done, `f` did not run.
/// * [`Error::ConnectionLost`] when the connection broke during the scope:
///   nothing was committed.
/// * [`Error::CommitOutcomeUnknown`] when it broke during the `COMMIT`:
///   the only case in which the work may have been committed or not.
/// * [`Error::NotMember`] when the account is not a member of the tenant;
///   `f` does not run.
pub fn with_tenant<Conn, T, E, F>(
    conn: &mut Conn,
    tenant: Uuid,
    account: Uuid,
    f: F,
) -> std::result::Result<T, E>
where
    Conn: crate::pool::ScopeConnection,
    Conn::Dialect: ScopeDialect,
    F: for<'t> FnOnce(&mut Scope<'t, Member, Conn::Dialect>) -> std::result::Result<T, E>,
    E: From<Error>,
{
    <Conn::Dialect as ScopeDialect>::begin(conn).map_err(E::from)?;
    // Until the scope ends, this thread may not take a second connection
    // of the same pool (see `crate::pool`).
    let _running = crate::pool::scope_running(conn.pool_id());
    let conn = conn.scope_connection();
    let result = catch_unwind(AssertUnwindSafe(
        || -> (std::result::Result<T, E>, Outcome) {
            let mut outcome = Outcome::default();
            let entered = outcome.note(<Conn::Dialect as ScopeDialect>::enter(
                conn, tenant, account,
            ));
            let (role, clock) = match entered {
                Ok(entered) => entered,
                Err(error) => return (Err(E::from(error)), outcome),
            };
            let mut scope = Scope {
                inner: ScopeInner {
                    conn: &mut *conn,
                    tenant,
                    account,
                    role,
                    clock,
                    brand: PhantomData,
                    outcome,
                },
                capability: PhantomData,
            };
            let result = f(&mut scope);
            (result, scope.inner.outcome)
        },
    ));
    match result {
        Ok((Ok(value), outcome)) => {
            <Conn::Dialect as ScopeDialect>::commit(conn, outcome.refusal()).map_err(E::from)?;
            Ok(value)
        }
        Ok((Err(error), _)) => {
            // The caller's error is the one worth reporting.
            <Conn::Dialect as ScopeDialect>::rollback(conn);
            Err(error)
        }
        Err(panic) => {
            <Conn::Dialect as ScopeDialect>::rollback(conn);
            resume_unwind(panic)
        }
    }
}

impl<'t, C: Capability, D: ScopeDialect> Scope<'t, C, D> {
    /// The tenant (workspace) of this scope.
    pub fn tenant_id(&self) -> Uuid {
        self.inner.tenant
    }

    /// The account acting in this scope.
    pub fn account_id(&self) -> Uuid {
        self.inner.account
    }

    /// The account's role in the tenant, read when the scope was entered.
    pub fn role(&self) -> Role {
        self.inner.role
    }

    /// This scope with capability `D`, if the member's role has it; ids read
    /// before keep working, since the brand stays the same.
    pub fn require<N: Capability>(&mut self) -> Result<&mut Scope<'t, N, D>> {
        if !N::granted_to(self.inner.role) {
            return Err(Error::Forbidden {
                need: N::NAME,
                role: self.inner.role,
            });
        }
        // SAFETY: `Scope` is `repr(transparent)` over `ScopeInner`, which
        // does not depend on `C`, so `Scope<'t, C, D>` and `Scope<'t, N, D>`
        // have the same layout; only the phantom capability changes, and it
        // was just checked.
        Ok(unsafe { &mut *(self as *mut Scope<'t, C, D>).cast::<Scope<'t, N, D>>() })
    }

    /// Runs `f` in a savepoint, for work that may fail while the rest of
    /// the scope goes on (an insert that may hit a unique key). When `f`
    /// returns an error, or a statement in it failed, everything `f` did is
    /// undone (`ROLLBACK TO SAVEPOINT`), the error is returned, and the
    /// scope's earlier work and its later statements are unaffected. When a
    /// statement failed and `f` still returned `Ok`, the error is
    /// [`Error::RolledBack`]: `f`'s work is not there.
    ///
    /// Ids read inside keep working after it; one of a row that `f` wrote
    /// and that was undone names nothing any more.
    pub fn savepoint<T, E>(
        &mut self,
        f: impl FnOnce(&mut Scope<'t, C, D>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<Error>,
    {
        if let Some(refusal) = self.inner.outcome.refusal() {
            return Err(E::from(refusal));
        }
        let before = self.inner.outcome.clone();
        let begun = <D::Conn as Connection>::TransactionManager::begin_transaction(self.inner.conn)
            .map_err(Error::from);
        self.inner.outcome.note(begun).map_err(E::from)?;
        // A panic in `f` undoes the savepoint before it goes on unwinding:
        // left open, it would take the scope's COMMIT for its own release,
        // or be committed with the scope.
        let result = match catch_unwind(AssertUnwindSafe(|| f(self))) {
            Ok(result) => result,
            Err(panic) => {
                let _ = self.undo_savepoint::<Error>(before);
                resume_unwind(panic)
            }
        };
        match result {
            Ok(value) if self.inner.outcome.healthy() => {
                let released = <D::Conn as Connection>::TransactionManager::commit_transaction(
                    self.inner.conn,
                )
                .map_err(Error::from);
                self.inner.outcome.note(released).map_err(E::from)?;
                Ok(value)
            }
            Ok(_) => {
                let refusal = self.inner.outcome.refusal();
                self.undo_savepoint(before)?;
                Err(E::from(refusal.unwrap_or_else(|| Error::RolledBack {
                    first_failure: "unknown".into(),
                })))
            }
            Err(error) => {
                self.undo_savepoint(before)?;
                Err(error)
            }
        }
    }

    /// Rolls back to the innermost savepoint and forgets the failures noted
    /// since; when that fails too (the connection is gone), the scope
    /// cannot go on and says why.
    fn undo_savepoint<E: From<Error>>(&mut self, before: Outcome) -> std::result::Result<(), E> {
        let undone =
            <D::Conn as Connection>::TransactionManager::rollback_transaction(self.inner.conn)
                .map_err(Error::from);
        match undone {
            Ok(()) => {
                self.inner.outcome.restore(before);
                Ok(())
            }
            Err(error) => match self.inner.outcome.note::<()>(Err(error)) {
                Ok(()) => Ok(()),
                Err(error) => Err(E::from(error)),
            },
        }
    }

    /// The row with this id, unless it was (soft-)deleted.
    pub fn find<E: ScopedAccess<D>>(
        &mut self,
        id: impl ScopedId<'t, E>,
    ) -> Result<Option<Row<'t, E>>> {
        self.guard()?;
        let row = self.inner.outcome.note(E::scoped_find(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            id.scoped_uuid(),
        ))?;
        Ok(row.map(Row::new))
    }

    /// The database's clock, in UTC without a time zone as Dify stores
    /// times: the same instant for every statement of the scope (the
    /// transaction's start).
    pub fn now(&mut self) -> Result<chrono::NaiveDateTime> {
        if let Some(clock) = self.inner.clock {
            return Ok(clock);
        }
        self.guard()?;
        let now = D::now(self.inner.conn);
        self.inner.outcome.note(now)
    }

    /// Checks an untrusted uuid (from a request) against the tenant: the
    /// row if it exists in this tenant, `None` otherwise, whoever owns it.
    pub fn lookup<E: ScopedAccess<D>>(&mut self, raw: Uuid) -> Result<Option<Row<'t, E>>> {
        self.guard()?;
        let row = self.inner.outcome.note(E::scoped_find(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            raw,
        ))?;
        Ok(row.map(Row::new))
    }

    /// Checks many untrusted uuids at once: the rows among them that exist
    /// in this tenant (and are not soft-deleted), in no particular order;
    /// the others, whoever owns them, are simply absent. One query
    /// (`id = ANY($1)` and the tenant predicate), so the parents of a page
    /// of rows (a page of messages, then their conversations and apps) cost
    /// one query per parent table instead of one per row.
    pub fn lookup_many<E: ScopedAccess<D>>(&mut self, raw: &[Uuid]) -> Result<Vec<Row<'t, E>>> {
        self.guard()?;
        let rows = self.inner.outcome.note(E::scoped_find_many(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            raw,
        ))?;
        Ok(rows.into_iter().map(Row::new).collect())
    }

    /// A page of the tenant's rows, in the entity's key order. One row
    /// that cannot be read fails the page; [`Scope::list_each`] returns the
    /// others.
    pub fn list<E: ScopedAccess<D>>(&mut self, page: Page) -> Result<Vec<Row<'t, E>>> {
        self.list_each(page)?.into_iter().collect()
    }

    /// A page like [`Scope::list`], each row read on its own: a row that
    /// cannot be read (a string enum value this build does not know, a
    /// `NaN` numeric, an infinite timestamp: values Dify's Python may
    /// write) is an error in its place, and the rest of the page is there.
    pub fn list_each<E: ScopedAccess<D>>(&mut self, page: Page) -> Result<Vec<Result<Row<'t, E>>>> {
        self.guard()?;
        page.check()?;
        let rows = self.inner.outcome.note(E::scoped_list(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            page,
        ))?;
        Ok(rows.into_iter().map(|row| row.map(Row::new)).collect())
    }

    /// How many rows the tenant has (not counting soft-deleted ones).
    pub fn count<E: ScopedAccess<D>>(&mut self) -> Result<i64> {
        self.guard()?;
        self.inner.outcome.note(E::scoped_count(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
        ))
    }

    /// A page of the children of a parent held as a branded id. The tenant
    /// predicate is there as well, so even an id whose brand was forged
    /// reads nothing of another workspace. One row that cannot be read
    /// fails the page; [`Scope::children_each`] returns the others.
    pub fn children<E: BelongsTo<P, D>, P>(
        &mut self,
        parent: impl ScopedId<'t, P>,
        page: Page,
    ) -> Result<Vec<Row<'t, E>>> {
        self.children_each(parent, page)?.into_iter().collect()
    }

    /// A page like [`Scope::children`], each row read on its own (see
    /// [`Scope::list_each`]).
    pub fn children_each<E: BelongsTo<P, D>, P>(
        &mut self,
        parent: impl ScopedId<'t, P>,
        page: Page,
    ) -> Result<Vec<Result<Row<'t, E>>>> {
        self.guard()?;
        page.check()?;
        let rows = self.inner.outcome.note(E::scoped_children(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            parent.scoped_uuid(),
            page,
        ))?;
        Ok(rows.into_iter().map(|row| row.map(Row::new)).collect())
    }

    /// Inserts a row owned by this tenant; the tenant and the audit columns
    /// come from the scope.
    pub fn insert<E: ScopedAccess<D>>(&mut self, new: E::New<'t>) -> Result<Row<'t, E>>
    where
        C: Allows<E::CreateNeed>,
    {
        self.guard()?;
        let row = self.inner.outcome.note_write(E::scoped_insert(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            self.inner.account,
            new,
        ))?;
        Ok(Row::new(row))
    }

    /// Inserts a row unless it conflicts with a unique key (Dify's "get
    /// or create": a tag binding, a star, a membership): `None` then, and
    /// nothing written, while the scope's transaction goes on. Unlike a
    /// failed [`Scope::insert`], the conflict does not abort the scope.
    pub fn insert_or_ignore<E: ScopedAccess<D> + Persist<D>>(
        &mut self,
        new: E::New<'t>,
    ) -> Result<Option<Row<'t, E>>>
    where
        C: Allows<E::CreateNeed>,
    {
        self.guard()?;
        let row = self.inner.outcome.note_write(E::insert_row(
            Token::new(),
            self.inner.conn,
            self.insert_context(),
            new,
            crate::insert::OnConflict::Ignore,
        ))?;
        Ok(row.map(Row::new))
    }

    /// Inserts many rows at once, in this scope's transaction: each batch of
    /// up to [`crate::insert::BULK_ROWS_PER_STATEMENT`] rows is one prepared
    /// statement (`INSERT ... SELECT ... FROM unnest(...)`, one array per
    /// column), and row-level security still checks every row. Every row is
    /// checked first: one bad row writes nothing. Rows come back in the
    /// order given.
    pub fn insert_many<E: ScopedAccess<D> + Persist<D>>(
        &mut self,
        news: Vec<E::New<'t>>,
    ) -> Result<Vec<Row<'t, E>>>
    where
        C: Allows<E::CreateNeed>,
    {
        self.guard()?;
        let (_, rows) = self.inner.outcome.note_write(E::insert_rows(
            Token::new(),
            self.inner.conn,
            self.insert_context(),
            news,
            true,
        ))?;
        Ok(rows.into_iter().map(Row::new).collect())
    }

    /// Inserts many rows like [`Scope::insert_many`] but returns only how
    /// many: the server sends no rows back. For bulk loads (segments, node
    /// executions) whose caller does not need what the server filled in.
    pub fn bulk_insert<E: ScopedAccess<D> + Persist<D>>(
        &mut self,
        news: Vec<E::New<'t>>,
    ) -> Result<usize>
    where
        C: Allows<E::CreateNeed>,
    {
        self.guard()?;
        let (written, _) = self.inner.outcome.note_write(E::insert_rows(
            Token::new(),
            self.inner.conn,
            self.insert_context(),
            news,
            false,
        ))?;
        Ok(written)
    }

    /// Writes the `Some` fields of `changes`; `None` when the row is gone.
    pub fn update<E: ScopedAccess<D>>(
        &mut self,
        id: impl ScopedId<'t, E>,
        changes: E::Changes<'t>,
    ) -> Result<Option<Row<'t, E>>>
    where
        C: Allows<E::Need>,
    {
        self.guard()?;
        let row = self.inner.outcome.note_write(E::scoped_update(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            self.inner.account,
            id.scoped_uuid(),
            changes,
        ))?;
        Ok(row.map(Row::new))
    }

    /// Marks the row deleted (`is_deleted = true`, or `deleted_at = now`);
    /// false when it was not there.
    pub fn soft_delete<E: SoftDeletable<D>>(&mut self, id: impl ScopedId<'t, E>) -> Result<bool>
    where
        C: Allows<E::Need>,
    {
        self.guard()?;
        self.inner.outcome.note_write(E::scoped_soft_delete(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            id.scoped_uuid(),
        ))
    }

    /// Deletes the row; false when it was not there.
    pub fn delete<E: ScopedAccess<D>>(&mut self, id: impl ScopedId<'t, E>) -> Result<bool>
    where
        C: Allows<E::Need>,
    {
        self.guard()?;
        self.inner.outcome.note_write(E::scoped_delete(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            id.scoped_uuid(),
        ))
    }

    /// The row with this id, locked (`SELECT ... FOR UPDATE`) until the
    /// scope's transaction ends; `None` when it is gone. Locking is the
    /// first half of a write, so it needs the write capability of `E` (see
    /// [`Query::for_update`]).
    pub fn lock<E: Loads<D>>(&mut self, id: impl ScopedId<'t, E>) -> Result<Option<Row<'t, E>>>
    where
        C: Allows<E::Need>,
    {
        let key = E::TABLE
            .primary_key
            .columns
            .first()
            .map_or("id", |key| &**key);
        let index = E::TABLE
            .columns
            .iter()
            .position(|column| column.name == key)
            .unwrap_or(0);
        self.query::<E>()
            .filter(|_| QueryColumn::<E, Uuid>::__new(index).eq(id.scoped_uuid()))
            .for_update()
            .first_row()
    }

    /// A composable query on the tenant's rows of `E`: add filters, order
    /// and paging, then `load`. The tenant predicate is already in it.
    pub fn query<E: ComposableQuery<D>>(&mut self) -> Query<'_, 't, E, (), C, D> {
        Query::new(self.inner.conn, &mut self.inner.outcome, self.inner.tenant)
    }

    /// A column of `E`'s rows of this scope, to filter another query by
    /// (`c.id.is_in(subquery)`); it carries `E`'s tenant predicate.
    pub fn subquery<E: ComposableQuery<D>>(&self) -> SubqueryBuilder<'t, E, D> {
        SubqueryBuilder::new(self.inner.tenant)
    }

    /// On a dialect whose server runs statements after one failed (MySQL),
    /// refuses to send another: the failed work must not be half-kept.
    fn guard(&self) -> Result<()> {
        match self.inner.outcome.refusal() {
            Some(refusal) if D::REFUSES_AFTER_FAILURE => Err(refusal),
            _ => Ok(()),
        }
    }

    /// What an insert in this scope fills in: the tenant, and the account
    /// for `created_by` / `updated_by`.
    fn insert_context(&self) -> InsertContext {
        InsertContext {
            tenant: Some(self.inner.tenant),
            actor: Some(self.inner.account),
        }
    }
}
