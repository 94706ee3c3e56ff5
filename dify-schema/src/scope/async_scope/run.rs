//! What the generated async accessors call: a statement is rendered and
//! its values bound when the accessor is called, so the future it returns
//! holds only the SQL text and the bytes to send (no borrow of the form or
//! of the ids it was built from), and the statement goes out, in the order
//! the futures were made, when the scope polls it (see [`super`] on
//! pipelining).

use diesel::deserialize::FromSqlRow;
use diesel::pg::Pg;
use diesel::query_builder::{AsQuery, QueryFragment, QueryId};
use diesel::result::Error as Diesel;
use diesel_async::{AsyncConnectionCore, AsyncPgConnection};
use futures_util::{StreamExt, TryStreamExt};
use uuid::Uuid;

use crate::entity::Token;
use crate::error::{Error, Result};
use crate::page::Page;
use crate::scope::{BelongsTo, ScopedAccess, SoftDeletable};

/// A boxed future that may move between threads, as a tokio task needs.
pub type BoxFuture<'c, T> = futures_util::future::BoxFuture<'c, T>;

/// Every row `query` returns, each read on its own: one that cannot be
/// read is an error in its place.
pub fn load_each<'c, U, Q, ST>(
    conn: &'c AsyncPgConnection,
    query: Q,
) -> BoxFuture<'c, Result<Vec<Result<U>>>>
where
    Q: AsQuery<SqlType = ST>,
    Q::Query: QueryFragment<Pg> + QueryId,
    U: FromSqlRow<ST, Pg> + Send + 'static,
    ST: 'static,
{
    let mut conn = conn;
    let rows = AsyncConnectionCore::load(&mut conn, query);
    Box::pin(async move {
        let rows = rows.await?;
        Ok(rows
            .map(|row| {
                row.and_then(|row| U::build_from_row(&row).map_err(Diesel::DeserializationError))
                    .map_err(Error::from)
            })
            .collect::<Vec<_>>()
            .await)
    })
}

/// Every row `query` returns; the first that cannot be read fails them all.
pub fn load<'c, U, Q, ST>(conn: &'c AsyncPgConnection, query: Q) -> BoxFuture<'c, Result<Vec<U>>>
where
    Q: AsQuery<SqlType = ST>,
    Q::Query: QueryFragment<Pg> + QueryId,
    U: FromSqlRow<ST, Pg> + Send + 'static,
    ST: 'static,
{
    let mut conn = conn;
    let rows = AsyncConnectionCore::load(&mut conn, query);
    Box::pin(async move {
        let rows = rows.await?;
        Ok(rows
            .map(|row| {
                row.and_then(|row| U::build_from_row(&row).map_err(Diesel::DeserializationError))
            })
            .try_collect::<Vec<_>>()
            .await?)
    })
}

/// The first row `query` returns, if any (the query says `LIMIT 1` where
/// more could match).
pub fn load_optional<'c, U, Q, ST>(
    conn: &'c AsyncPgConnection,
    query: Q,
) -> BoxFuture<'c, Result<Option<U>>>
where
    Q: AsQuery<SqlType = ST>,
    Q::Query: QueryFragment<Pg> + QueryId,
    U: FromSqlRow<ST, Pg> + Send + 'static,
    ST: 'static,
{
    let rows = load::<U, Q, ST>(conn, query);
    Box::pin(async move { Ok(rows.await?.into_iter().next()) })
}

/// The one row `query` returns; none is Diesel's `NotFound`.
pub fn load_one<'c, U, Q, ST>(conn: &'c AsyncPgConnection, query: Q) -> BoxFuture<'c, Result<U>>
where
    Q: AsQuery<SqlType = ST>,
    Q::Query: QueryFragment<Pg> + QueryId,
    U: FromSqlRow<ST, Pg> + Send + 'static,
    ST: 'static,
{
    let row = load_optional::<U, Q, ST>(conn, query);
    Box::pin(async move { row.await?.ok_or(Error::Database(Diesel::NotFound)) })
}

/// How many rows `statement` changed.
pub fn execute<'c, Q>(conn: &'c AsyncPgConnection, statement: Q) -> BoxFuture<'c, Result<usize>>
where
    Q: QueryFragment<Pg> + QueryId,
{
    let mut conn = conn;
    let changed = AsyncConnectionCore::execute_returning_count(&mut conn, statement);
    Box::pin(async move { Ok(changed.await?) })
}

/// A failure found before anything was sent (a value too long, a missing
/// tenant), as the future the accessor returns.
pub fn refused<'c, T: Send + 'c>(error: Error) -> BoxFuture<'c, Result<T>> {
    Box::pin(std::future::ready(Err(error)))
}

/// The async twins of [`ScopedAccess`]'s queries, generated from the same
/// declaration and the same query builders, for diesel-async's
/// PostgreSQL connection; every one carries the tenant predicate.
#[doc(hidden)]
pub trait AsyncScopedAccess: ScopedAccess + Send + 'static {
    fn async_find<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        id: Uuid,
    ) -> BoxFuture<'c, Result<Option<Self>>>;
    fn async_find_many<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        ids: &[Uuid],
    ) -> BoxFuture<'c, Result<Vec<Self>>>;
    fn async_list<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        page: Page,
    ) -> BoxFuture<'c, Result<Vec<Result<Self>>>>;
    fn async_count<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
    ) -> BoxFuture<'c, Result<i64>>;
    fn async_insert<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        actor: Uuid,
        new: Self::New<'_>,
    ) -> BoxFuture<'c, Result<Self>>;
    fn async_update<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        actor: Uuid,
        id: Uuid,
        changes: Self::Changes<'_>,
    ) -> BoxFuture<'c, Result<Option<Self>>>;
    fn async_delete<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        id: Uuid,
    ) -> BoxFuture<'c, Result<bool>>;
}

/// [`SoftDeletable`], async.
#[doc(hidden)]
pub trait AsyncSoftDeletable: AsyncScopedAccess + SoftDeletable {
    fn async_soft_delete<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        id: Uuid,
    ) -> BoxFuture<'c, Result<bool>>;
}

/// [`BelongsTo`], async.
#[doc(hidden)]
pub trait AsyncBelongsTo<P>: AsyncScopedAccess + BelongsTo<P> {
    fn async_children<'c>(
        token: Token,
        conn: &'c AsyncPgConnection,
        tenant: Uuid,
        parent: Uuid,
        page: Page,
    ) -> BoxFuture<'c, Result<Vec<Result<Self>>>>;
}
