//! Tenant scopes for async services (feature `async`): the scoped API on
//! diesel-async's `AsyncPgConnection`, from a bb8 pool ([`AsyncPool`]).
//!
//! ```ignore
//! let names = pool
//!     .with_tenant(tenant_id, account_id, async |scope| -> Result<Vec<String>, Error> {
//!         let app = scope.lookup::<App>(raw_app_id).await?.ok_or(NotFound)?;
//!         let page = scope.children::<Conversation, _>(app.id(), Page::first(20)).await?;
//!         Ok(page.iter().map(|c| c.name.clone()).collect())
//!     })
//!     .await?;
//! ```
//!
//! Every guarantee of the sync [`crate::scope`] holds here, from the same
//! `#[entity]` declarations and the same query builders in the macros:
//! the tenant predicate on every query, ids branded by the scope (the
//! closure is `for<'t> AsyncFnOnce(&mut AsyncScope<'t>)`, so an id cannot
//! be carried into another scope, across an `.await` or not, and a future
//! that borrows the scope cannot leave it), write capabilities through
//! [`AsyncScope::require`], the session reset and the signed entry of
//! row-level security, no raw SQL inside a scope, and the exact outcome of
//! the scope ([`AsyncPool::with_tenant`]).
//!
//! # Pipelining
//!
//! A scope's first statement does not wait for the scope to be entered:
//! the session reset and `BEGIN`, the entry function and the first
//! statement go out together, and their answers come back together, so a
//! scoped point read costs one round trip. The statements run on the
//! server in that order, so the first statement runs with the tenant
//! recorded; when the entry says the account is no member, the first
//! statement's rows are dropped unseen and the scope is
//! [`Error::NotMember`] (row-level security had already given it nothing,
//! for a role subject to it). Writes need a capability, and
//! [`AsyncScope::require`] waits for the entry, so a write is never sent
//! before the membership is known.
//!
//! A scope that only read returns when its rows arrive: its `COMMIT` (for
//! a read-only transaction, nothing can be lost by it) finishes in a
//! background task before the connection goes back to the pool. A scope
//! that wrote returns after its `COMMIT` was answered.

mod pool;
#[doc(hidden)]
pub mod run;

use std::marker::PhantomData;

use diesel_async::{AsyncPgConnection, SimpleAsyncConnection};
use futures_util::future::join3;
use uuid::Uuid;

pub use pool::{AsyncPool, PoolState};
#[doc(hidden)]
pub use run::{AsyncBelongsTo, AsyncScopedAccess, AsyncSoftDeletable};

use super::enter::{Enter, BEGIN};
use super::id::{Brand, ScopedId};
use super::outcome::{is_connection_error, Outcome};
use super::Row;
use crate::entity::Token;
use crate::error::{Error, Result};
use crate::page::Page;
use crate::role::{Allows, Capability, Member, Role};
use run::BoxFuture;

/// An open tenant scope on an async connection: a transaction, a tenant,
/// an account, its role (read with the scope's first statement), and the
/// capability `C` checked so far.
#[repr(transparent)]
pub struct AsyncScope<'t, C = Member> {
    inner: Inner<'t>,
    capability: PhantomData<C>,
}

struct Inner<'t> {
    conn: &'t AsyncPgConnection,
    tenant: Uuid,
    account: Uuid,
    entry: Entry,
    outcome: Outcome,
    /// A write was sent: the scope's end waits for its `COMMIT`.
    wrote: bool,
    brand: Brand<'t>,
}

/// Whether the scope was entered yet, and how.
enum Entry {
    /// Nothing sent yet: the entry goes out with the first statement.
    Pending,
    Entered(Role),
    /// The scope cannot be used; every later call says why.
    Refused(Refusal),
}

#[derive(Debug, Clone)]
enum Refusal {
    Unavailable(String),
    NotMember,
    NotMigrated(String),
    InsideTransaction,
    Failed(String),
}

impl Refusal {
    fn error(&self, tenant: Uuid, account: Uuid) -> Error {
        match self {
            Refusal::Unavailable(message) => Error::Unavailable(message.clone()),
            Refusal::NotMember => Error::NotMember { tenant, account },
            Refusal::NotMigrated(message) => Error::NotMigrated(message.clone()),
            Refusal::InsideTransaction => Error::InsideTransaction,
            Refusal::Failed(message) => Error::RolledBack {
                first_failure: message.clone(),
            },
        }
    }
}

/// How the scope's transaction must end.
enum Ending {
    /// Only reads: `COMMIT`, answered in the background.
    CommitReads,
    /// Writes: `COMMIT`, waited for.
    CommitWrites,
    /// `ROLLBACK`, and this is the scope's result.
    Rollback(Error),
    /// Nothing to end: the connection is unusable.
    Discard(Error),
    /// Nothing was sent: the connection goes back as it came.
    Untouched,
}

impl AsyncPool {
    /// Runs `f` in a tenant scope on a connection of this pool, held only
    /// while `f` runs: one transaction, opened with the session's settings
    /// reset, entered through the signed entry function (see
    /// [`crate::rls`]).
    ///
    /// What it returns is what happened, as [`crate::with_tenant`] says:
    ///
    /// * `Ok` only when the work is committed (for a scope that only read,
    ///   when its reads are done: its `COMMIT` finishes in the background
    ///   and nothing can be lost by it).
    /// * `f`'s error, after a rollback: nothing of the scope was committed.
    /// * [`Error::RolledBack`] when `f` returned `Ok` after a statement had
    ///   failed: nothing was committed.
    /// * [`Error::NotMember`] when the account is not a member of the
    ///   tenant; whatever `f` read is dropped unseen.
    /// * [`Error::Unavailable`] when the server could not be reached at the
    ///   scope's start: nothing was done. [`Error::Pool`] when no
    ///   connection was free for the connection timeout;
    ///   [`Error::PoolReentered`] inside a scope of this pool.
    /// * [`Error::ConnectionLost`] when the connection broke during the
    ///   scope: nothing was committed. [`Error::CommitOutcomeUnknown`] when
    ///   it broke during the `COMMIT` of a scope that wrote.
    ///
    /// A scope whose future is dropped before it ends (a client went away,
    /// a timeout fired) or that panics commits nothing: its connection is
    /// closed instead of going back to the pool, which rolls it back.
    pub async fn with_tenant<T, E, F>(
        &self,
        tenant: Uuid,
        account: Uuid,
        f: F,
    ) -> std::result::Result<T, E>
    where
        F: for<'t> AsyncFnOnce(&mut AsyncScope<'t, Member>) -> std::result::Result<T, E>,
        E: From<Error>,
    {
        let mut conn = self.checkout().await.map_err(E::from)?;
        // Until the transaction is over, the pool must not take it back.
        conn.busy = true;
        let (result, ending) = {
            let mut scope = AsyncScope::<Member>::new(&conn.conn, tenant, account);
            let result = self.marked(f(&mut scope)).await;
            let ending = scope.ending(result.is_ok()).await;
            (result, ending)
        };
        match (result, ending) {
            (Ok(value), Ending::CommitReads) => {
                end_in_background(conn, "COMMIT").await;
                Ok(value)
            }
            (Ok(value), Ending::CommitWrites) => {
                commit(&mut conn).await.map_err(E::from)?;
                Ok(value)
            }
            (Ok(_), Ending::Rollback(error)) => {
                end_in_background(conn, "ROLLBACK").await;
                Err(E::from(error))
            }
            (Ok(_), Ending::Discard(error)) => {
                conn.broken = true;
                Err(E::from(error))
            }
            (Err(error), Ending::Discard(_)) => {
                conn.broken = true;
                Err(error)
            }
            (result, Ending::Untouched) => {
                conn.released();
                result
            }
            // The caller's error is the one worth reporting.
            (Err(error), _) => {
                end_in_background(conn, "ROLLBACK").await;
                Err(error)
            }
        }
    }
}

/// Commits a scope that wrote, and says exactly what happened. The
/// `COMMIT` goes in one message with a `SELECT 1`, which PostgreSQL
/// refuses in an aborted transaction, as the sync scope does.
async fn commit(conn: &mut bb8::PooledConnection<'static, pool::Manager>) -> Result<()> {
    match conn.conn.batch_execute("SELECT 1; COMMIT").await {
        Ok(()) => {
            conn.released();
            Ok(())
        }
        Err(error) if is_connection_error(&error) => {
            conn.broken = true;
            Err(Error::CommitOutcomeUnknown(error.to_string()))
        }
        Err(error) => {
            // Refused (nothing committed either way): make sure the
            // transaction is gone before the connection is reused.
            match conn.conn.batch_execute("ROLLBACK").await {
                Ok(()) => conn.released(),
                Err(_) => conn.broken = true,
            }
            Err(error.into())
        }
    }
}

/// Ends the transaction with `sql` in a task of its own, so the caller
/// does not wait for the answer; the connection goes back to the pool
/// once it is answered, or is closed when it fails. Outside a tokio
/// runtime it is waited for here.
async fn end_in_background(
    mut conn: bb8::PooledConnection<'static, pool::Manager>,
    sql: &'static str,
) {
    let end = async move {
        match conn.conn.batch_execute(sql).await {
            Ok(()) => conn.released(),
            Err(_) => conn.broken = true,
        }
    };
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) => {
            runtime.spawn(end);
        }
        Err(_) => end.await,
    }
}

impl<'t> AsyncScope<'t, Member> {
    fn new(conn: &'t AsyncPgConnection, tenant: Uuid, account: Uuid) -> Self {
        AsyncScope {
            inner: Inner {
                conn,
                tenant,
                account,
                entry: Entry::Pending,
                outcome: Outcome::default(),
                wrote: false,
                brand: PhantomData,
            },
            capability: PhantomData,
        }
    }
}

impl<'t, C: Capability> AsyncScope<'t, C> {
    /// The tenant (workspace) of this scope.
    pub fn tenant_id(&self) -> Uuid {
        self.inner.tenant
    }

    /// The account acting in this scope.
    pub fn account_id(&self) -> Uuid {
        self.inner.account
    }

    /// The account's role in the tenant (entering the scope first, if no
    /// statement has yet).
    pub async fn role(&mut self) -> Result<Role> {
        self.entered().await
    }

    /// This scope with capability `N`, if the member's role has it; ids
    /// read before keep working, since the brand stays the same.
    pub async fn require<N: Capability>(&mut self) -> Result<&mut AsyncScope<'t, N>> {
        let role = self.entered().await?;
        if !N::granted_to(role) {
            return Err(Error::Forbidden {
                need: N::NAME,
                role,
            });
        }
        // SAFETY: `AsyncScope` is `repr(transparent)` over `Inner`, which
        // does not depend on `C`; only the phantom capability changes, and
        // it was just checked.
        Ok(unsafe { &mut *(self as *mut AsyncScope<'t, C>).cast::<AsyncScope<'t, N>>() })
    }

    /// The row with this id, unless it was (soft-)deleted.
    pub async fn find<E: AsyncScopedAccess>(
        &mut self,
        id: impl ScopedId<'t, E>,
    ) -> Result<Option<Row<'t, E>>> {
        let id = id.scoped_uuid();
        let row = E::async_find(Token::new(), self.inner.conn, self.inner.tenant, id);
        Ok(self.run(row, false).await?.map(Row::new))
    }

    /// Checks an untrusted uuid (from a request) against the tenant: the
    /// row if it exists in this tenant, `None` otherwise, whoever owns it.
    pub async fn lookup<E: AsyncScopedAccess>(&mut self, raw: Uuid) -> Result<Option<Row<'t, E>>> {
        let row = E::async_find(Token::new(), self.inner.conn, self.inner.tenant, raw);
        Ok(self.run(row, false).await?.map(Row::new))
    }

    /// Checks many untrusted uuids at once (see [`crate::Scope::lookup_many`]).
    pub async fn lookup_many<E: AsyncScopedAccess>(
        &mut self,
        raw: &[Uuid],
    ) -> Result<Vec<Row<'t, E>>> {
        let rows = E::async_find_many(Token::new(), self.inner.conn, self.inner.tenant, raw);
        Ok(self
            .run(rows, false)
            .await?
            .into_iter()
            .map(Row::new)
            .collect())
    }

    /// A page of the tenant's rows, in the entity's key order; one row that
    /// cannot be read fails the page ([`AsyncScope::list_each`] returns the
    /// others).
    pub async fn list<E: AsyncScopedAccess>(&mut self, page: Page) -> Result<Vec<Row<'t, E>>> {
        self.list_each(page).await?.into_iter().collect()
    }

    /// A page like [`AsyncScope::list`], each row read on its own.
    pub async fn list_each<E: AsyncScopedAccess>(
        &mut self,
        page: Page,
    ) -> Result<Vec<Result<Row<'t, E>>>> {
        page.check()?;
        let rows = E::async_list(Token::new(), self.inner.conn, self.inner.tenant, page);
        let rows = self.run(rows, false).await?;
        Ok(rows.into_iter().map(|row| row.map(Row::new)).collect())
    }

    /// How many rows the tenant has (not counting soft-deleted ones).
    pub async fn count<E: AsyncScopedAccess>(&mut self) -> Result<i64> {
        let count = E::async_count(Token::new(), self.inner.conn, self.inner.tenant);
        self.run(count, false).await
    }

    /// A page of the children of a parent held as a branded id, with the
    /// tenant predicate as well.
    pub async fn children<E: AsyncBelongsTo<P>, P>(
        &mut self,
        parent: impl ScopedId<'t, P>,
        page: Page,
    ) -> Result<Vec<Row<'t, E>>> {
        self.children_each(parent, page)
            .await?
            .into_iter()
            .collect()
    }

    /// A page like [`AsyncScope::children`], each row read on its own.
    pub async fn children_each<E: AsyncBelongsTo<P>, P>(
        &mut self,
        parent: impl ScopedId<'t, P>,
        page: Page,
    ) -> Result<Vec<Result<Row<'t, E>>>> {
        page.check()?;
        let parent = parent.scoped_uuid();
        let rows = E::async_children(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            parent,
            page,
        );
        let rows = self.run(rows, false).await?;
        Ok(rows.into_iter().map(|row| row.map(Row::new)).collect())
    }

    /// Inserts a row owned by this tenant; the tenant and the audit
    /// columns come from the scope.
    pub async fn insert<E: AsyncScopedAccess>(&mut self, new: E::New<'t>) -> Result<Row<'t, E>>
    where
        C: Allows<E::CreateNeed>,
    {
        let row = E::async_insert(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            self.inner.account,
            new,
        );
        Ok(Row::new(self.run(row, true).await?))
    }

    /// Writes the `Some` fields of `changes`; `None` when the row is gone.
    pub async fn update<E: AsyncScopedAccess>(
        &mut self,
        id: impl ScopedId<'t, E>,
        changes: E::Changes<'t>,
    ) -> Result<Option<Row<'t, E>>>
    where
        C: Allows<E::Need>,
    {
        let row = E::async_update(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            self.inner.account,
            id.scoped_uuid(),
            changes,
        );
        Ok(self.run(row, true).await?.map(Row::new))
    }

    /// Marks the row deleted; false when it was not there.
    pub async fn soft_delete<E: AsyncSoftDeletable>(
        &mut self,
        id: impl ScopedId<'t, E>,
    ) -> Result<bool>
    where
        C: Allows<E::Need>,
    {
        let changed = E::async_soft_delete(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            id.scoped_uuid(),
        );
        self.run(changed, true).await
    }

    /// Deletes the row; false when it was not there.
    pub async fn delete<E: AsyncScopedAccess>(&mut self, id: impl ScopedId<'t, E>) -> Result<bool>
    where
        C: Allows<E::Need>,
    {
        let deleted = E::async_delete(
            Token::new(),
            self.inner.conn,
            self.inner.tenant,
            id.scoped_uuid(),
        );
        self.run(deleted, true).await
    }

    /// The database's clock, in UTC without a time zone as Dify stores
    /// times: the transaction's start.
    pub async fn now(&mut self) -> Result<chrono::NaiveDateTime> {
        let now = run::load_one::<chrono::NaiveDateTime, _, _>(
            self.inner.conn,
            diesel::select(diesel::dsl::sql::<diesel::sql_types::Timestamp>(
                "now() AT TIME ZONE 'UTC'",
            )),
        );
        self.run(now, false).await
    }

    /// Sends `statement` (already rendered, not yet sent), with the scope's
    /// entry in front of it when this is the scope's first statement, and
    /// notes how it went.
    async fn run<T: Send>(
        &mut self,
        statement: BoxFuture<'t, Result<T>>,
        write: bool,
    ) -> Result<T> {
        let result = match &self.inner.entry {
            Entry::Entered(_) => statement.await,
            Entry::Refused(refusal) => {
                return Err(refusal.error(self.inner.tenant, self.inner.account))
            }
            Entry::Pending => {
                let (entered, result) = self.enter_with(statement).await;
                entered?;
                result
            }
        };
        if write {
            // Whatever came back, the write may be in the transaction.
            self.inner.wrote = true;
            self.inner.outcome.note_write(result)
        } else {
            self.inner.outcome.note(result)
        }
    }

    /// The role, entering the scope first when nothing was sent yet.
    async fn entered(&mut self) -> Result<Role> {
        match &self.inner.entry {
            Entry::Entered(role) => Ok(*role),
            Entry::Refused(refusal) => Err(refusal.error(self.inner.tenant, self.inner.account)),
            Entry::Pending => {
                let nothing: BoxFuture<'t, Result<()>> = Box::pin(std::future::ready(Ok(())));
                let (entered, _) = self.enter_with(nothing).await;
                entered?;
                match &self.inner.entry {
                    Entry::Entered(role) => Ok(*role),
                    _ => unreachable!("an entry that succeeded records the role"),
                }
            }
        }
    }

    /// The session reset and `BEGIN`, the entry and `statement`, sent
    /// together and answered together. The entry's answer decides: only
    /// an entered scope sees the statement's result.
    async fn enter_with<T>(
        &mut self,
        statement: BoxFuture<'t, Result<T>>,
    ) -> (Result<()>, Result<T>) {
        let conn = self.inner.conn;
        let (tenant, account) = (self.inner.tenant, self.inner.account);
        let begin = async move {
            let mut conn = conn;
            conn.batch_execute(BEGIN).await
        };
        let enter = run::load_one::<Option<String>, _, _>(conn, Enter { tenant, account });
        // `join3` polls in this order, and each future sends its statement
        // when first polled (diesel-async prepares uncached statements
        // under one lock, in the same order), so the server runs them in
        // this order.
        let (begun, entered, result) = join3(begin, enter, statement).await;
        let settled = self.settle(begun, entered);
        (settled, result)
    }

    /// Records what the scope's entry said.
    fn settle(
        &mut self,
        begun: diesel::QueryResult<()>,
        entered: Result<Option<String>>,
    ) -> Result<()> {
        let (tenant, account) = (self.inner.tenant, self.inner.account);
        let (refusal, error) = match (begun, entered) {
            (Err(error), _) if is_connection_error(&error) => {
                let refusal = Refusal::Unavailable(error.to_string());
                (refusal.clone(), refusal.error(tenant, account))
            }
            (Err(error), _) => (Refusal::Failed(error.to_string()), Error::from(error)),
            (Ok(()), Err(error)) => match entry_error(error) {
                Error::NotMigrated(message) => {
                    let refusal = Refusal::NotMigrated(message);
                    (refusal.clone(), refusal.error(tenant, account))
                }
                Error::InsideTransaction => (Refusal::InsideTransaction, Error::InsideTransaction),
                Error::Database(error) if is_connection_error(&error) => {
                    let refusal = Refusal::Unavailable(error.to_string());
                    (refusal.clone(), refusal.error(tenant, account))
                }
                error => (Refusal::Failed(error.to_string()), error),
            },
            (Ok(()), Ok(None)) => (Refusal::NotMember, Error::NotMember { tenant, account }),
            (Ok(()), Ok(Some(role))) => match super::dialect::role_from_db(&role) {
                Ok(role) => {
                    self.inner.entry = Entry::Entered(role);
                    return Ok(());
                }
                Err(error) => (Refusal::Failed(error.to_string()), error),
            },
        };
        self.inner.entry = Entry::Refused(refusal);
        Err(error)
    }

    /// How the transaction must end, once `f` returned (`Ok` or not). A
    /// scope that sent nothing is entered now: a non-member must get
    /// `NotMember` whatever `f` did.
    async fn ending(&mut self, succeeded: bool) -> Ending {
        if succeeded && matches!(self.inner.entry, Entry::Pending) {
            let _ = self.entered().await;
        }
        let (tenant, account) = (self.inner.tenant, self.inner.account);
        match &self.inner.entry {
            // `f` failed before sending anything: nothing began.
            Entry::Pending => return Ending::Untouched,
            Entry::Refused(refusal @ Refusal::Unavailable(_)) => {
                return Ending::Discard(refusal.error(tenant, account))
            }
            Entry::Refused(refusal) => return Ending::Rollback(refusal.error(tenant, account)),
            Entry::Entered(_) => {}
        }
        if let Some(refusal) = self.inner.outcome.refusal() {
            return match refusal {
                Error::ConnectionLost(_) => Ending::Discard(refusal),
                refusal => Ending::Rollback(refusal),
            };
        }
        if self.inner.wrote {
            Ending::CommitWrites
        } else {
            Ending::CommitReads
        }
    }
}

/// What an error of the entry function means (as the sync scope reads it).
fn entry_error(error: Error) -> Error {
    match &error {
        Error::Database(diesel::result::Error::DatabaseError(_, info))
            if info.message().contains(crate::rls::ENTER_FUNCTION) =>
        {
            Error::NotMigrated(info.message().to_owned())
        }
        Error::Database(diesel::result::Error::DatabaseError(_, info))
            if info.message().contains("already inside a transaction")
                || info.message().contains("already open in this transaction") =>
        {
            Error::InsideTransaction
        }
        _ => error,
    }
}
