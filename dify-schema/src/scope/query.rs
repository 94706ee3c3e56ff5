//! Composable scoped queries: filters, order and paging chosen by the
//! caller, on top of a base that already carries the tenant predicate.
//!
//! ```ignore
//! let recent = scope
//!     .query::<Conversation>()
//!     .filter(|c| c.from_source.eq("api"))
//!     .order_by(|c| (c.created_at.desc(), c.id.desc()))
//!     .limit(20)
//!     .load()?;
//! ```
//!
//! Whatever the caller adds is ANDed to the base (`.filter` only; there is
//! no `or_filter`, which would let an `OR` escape the predicate), so no
//! query built here can see another tenant's rows. The query is a static
//! Diesel type, built from the columns the closure receives
//! (`E::Columns`, one field per column).

use std::marker::PhantomData;

use diesel::dsl;
use diesel::pg::Pg;
use diesel::query_dsl::methods::{FilterDsl, LimitDsl, OffsetDsl, OrderDsl, ThenOrderDsl};
use diesel::query_dsl::LoadQuery;
use diesel::{PgConnection, RunQueryDsl};

use super::{Brand, Row};
use crate::entity::ScopedAccess;
use crate::error::Result;

/// An entity that can be queried compositionally; generated.
#[doc(hidden)]
pub trait Queryable: ScopedAccess {
    /// One field per column, each a Diesel column.
    type Columns: Default;
    /// The entity's table filtered to the tenant (and to live rows, for a
    /// soft-deleted entity).
    type Base;
    fn base(tenant: uuid::Uuid) -> Self::Base;
}

/// A query on `E`'s rows of the scope `'t`; built by [`super::Scope::query`].
pub struct Query<'s, 't, E, Q> {
    pub(super) conn: &'s mut PgConnection,
    pub(super) query: Q,
    pub(super) brand: Brand<'t>,
    pub(super) entity: PhantomData<fn() -> E>,
}

impl<'s, 't, E: Queryable, Q> Query<'s, 't, E, Q> {
    fn map<R>(self, f: impl FnOnce(Q) -> R) -> Query<'s, 't, E, R> {
        Query {
            conn: self.conn,
            query: f(self.query),
            brand: PhantomData,
            entity: PhantomData,
        }
    }

    /// Keeps the rows where `predicate` holds (ANDed to what is there).
    pub fn filter<P>(
        self,
        predicate: impl FnOnce(&E::Columns) -> P,
    ) -> Query<'s, 't, E, dsl::Filter<Q, P>>
    where
        Q: FilterDsl<P>,
    {
        let predicate = predicate(&E::Columns::default());
        self.map(|query| query.filter(predicate))
    }

    /// Orders the rows (replacing any order set before).
    pub fn order_by<O>(
        self,
        order: impl FnOnce(&E::Columns) -> O,
    ) -> Query<'s, 't, E, dsl::Order<Q, O>>
    where
        O: diesel::Expression,
        Q: OrderDsl<O>,
    {
        let order = order(&E::Columns::default());
        self.map(|query| query.order(order))
    }

    /// Adds an order after the ones set before.
    pub fn then_order_by<O>(
        self,
        order: impl FnOnce(&E::Columns) -> O,
    ) -> Query<'s, 't, E, dsl::ThenOrderBy<Q, O>>
    where
        O: diesel::Expression,
        Q: ThenOrderDsl<O>,
    {
        let order = order(&E::Columns::default());
        self.map(|query| query.then_order_by(order))
    }

    /// At most `limit` rows.
    pub fn limit(self, limit: i64) -> Query<'s, 't, E, dsl::Limit<Q>>
    where
        Q: LimitDsl,
    {
        self.map(|query| query.limit(limit))
    }

    /// Skips `offset` rows.
    pub fn offset(self, offset: i64) -> Query<'s, 't, E, dsl::Offset<Q>>
    where
        Q: OffsetDsl,
    {
        self.map(|query| query.offset(offset))
    }

    /// Runs the query.
    pub fn load(self) -> Result<Vec<Row<'t, E>>>
    where
        Q: for<'q> LoadQuery<'q, PgConnection, E>,
    {
        let rows = self.query.load::<E>(self.conn)?;
        Ok(rows.into_iter().map(Row::new).collect())
    }

    /// Runs the query for its first row.
    pub fn first(self) -> Result<Option<Row<'t, E>>>
    where
        Q: LimitDsl,
        dsl::Limit<Q>: for<'q> LoadQuery<'q, PgConnection, E>,
    {
        let rows = self.query.limit(1).load::<E>(self.conn)?;
        Ok(rows.into_iter().next().map(Row::new))
    }
}

// The SQL a query would send, for review and tests.
impl<E, Q: diesel::query_builder::QueryFragment<Pg>> Query<'_, '_, E, Q> {
    /// The SQL text (without bind values).
    pub fn sql(&self) -> String {
        diesel::debug_query::<Pg, _>(&self.query)
            .to_string()
            .split(" -- binds:")
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}
