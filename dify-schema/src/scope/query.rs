//! Composable scoped queries: filters, order, paging and joins chosen by
//! the caller, on top of a base that already carries the tenant predicate.
//!
//! ```ignore
//! let recent = scope
//!     .query::<Conversation>()
//!     .filter(|c| c.from_source.eq("api"))
//!     .order_by(|c| (c.created_at.desc(), c.id.desc()))
//!     .limit(20)
//!     .load()?;
//!
//! // Messages with their conversation: each side keeps its tenant predicate.
//! let page = scope
//!     .query::<Message>()
//!     .join(|m| m.conversation_id)
//!     .filter_joined::<Conversation, _>(|c| c.from_source.eq("api"))
//!     .limit(20)
//!     .load()?; // Vec<(Row<Message>, Row<Conversation>)>
//!
//! // The apps a tag is bound to: a subquery of the same scope.
//! let bound = scope.subquery::<TagBinding>().filter(|b| b.tag_id.eq(tag.id())).select(|b| b.target_id);
//! let apps = scope.query::<App>().filter(|a| a.id.is_in(bound)).load()?;
//! ```
//!
//! The SQL is written here from the entities' table descriptions, never by
//! the caller: `SELECT <columns> FROM t [INNER JOIN p ON p.id = t.p_id AND
//! <p's tenant predicate>] WHERE <t's tenant predicate> AND (<filter>) AND
//! ... ORDER BY ... LIMIT $n OFFSET $m`. What a closure adds is a
//! [`Filter`] (parenthesised, ANDed) or an [`Order`]; there is no way to
//! add SQL text, another table, or an unscoped subquery.

use std::marker::PhantomData;

use diesel::query_builder::{AstPass, Query as DieselQuery, QueryFragment, QueryId};
use diesel::query_dsl::LoadQuery;
use diesel::sql_types::BigInt;
use diesel::{QueryResult, RunQueryDsl};
use uuid::Uuid;

use super::access::ComposableQuery;
use super::backend::QueryBackend;
use super::dialect::ScopeDialect;
use super::filter::{ColumnName, Filter, IntoOrder, Node, QueryColumn};
use super::id::Brand;
use super::outcome::Outcome;
use super::predicate::push_column;
use super::row::Row;
use super::source::Source;
use crate::dialect::{Dialect, Postgres};
use crate::error::{Error, Result};
use crate::role::{Allows, Member};

/// A parent joined through one of the base entity's reference columns.
#[derive(Clone, Copy)]
struct Join {
    parent: Source,
    on: ColumnName,
}

/// Everything a composable query says, rendered by [`Select`].
struct Spec {
    tenant: Uuid,
    base: Source,
    joins: Vec<Join>,
    filters: Vec<Node>,
    order: Vec<(ColumnName, bool)>,
    limit: Option<i64>,
    offset: Option<i64>,
    /// `FOR UPDATE`: lock the rows read until the scope's transaction ends.
    for_update: bool,
    /// A mistake found while building (a table joined twice), reported by
    /// `load` rather than by a panic.
    invalid: Option<String>,
}

impl Spec {
    fn walk_select<'b, DB: QueryBackend>(
        &'b self,
        projection: Projection,
        out: &mut AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        if let Some(problem) = &self.invalid {
            return Err(diesel::result::Error::QueryBuilderError(
                problem.clone().into(),
            ));
        }
        out.push_sql("SELECT ");
        match projection {
            Projection::Count => out.push_sql("count(*)"),
            Projection::Rows => {
                let mut first = true;
                self.base.walk_columns(out, &mut first)?;
                for join in &self.joins {
                    join.parent.walk_columns(out, &mut first)?;
                }
            }
        }
        self.walk_from_where(out)?;
        if projection == Projection::Count {
            return Ok(());
        }
        for (position, (column, descending)) in self.order.iter().enumerate() {
            out.push_sql(if position == 0 { " ORDER BY " } else { ", " });
            column.walk(out)?;
            if *descending {
                out.push_sql(" DESC");
            }
        }
        if let Some(limit) = &self.limit {
            out.push_sql(" LIMIT ");
            DB::push_count(out, limit)?;
        }
        if let Some(offset) = &self.offset {
            if self.limit.is_none() {
                out.push_sql(DB::NO_LIMIT);
            }
            out.push_sql(" OFFSET ");
            DB::push_count(out, offset)?;
        }
        if self.for_update {
            DB::push_for_update(out, &self.base.table.name)?;
        }
        Ok(())
    }

    fn walk_from_where<'b, DB: QueryBackend>(
        &'b self,
        out: &mut AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql(" FROM ");
        out.push_identifier(&self.base.table.name)?;
        for join in &self.joins {
            let parent = join.parent.table;
            let key = parent.primary_key.columns.first().ok_or_else(|| {
                diesel::result::Error::QueryBuilderError("a joined entity has no key".into())
            })?;
            out.push_sql(" INNER JOIN ");
            out.push_identifier(&parent.name)?;
            out.push_sql(" ON ");
            push_column(out, &parent.name, key)?;
            out.push_sql(" = ");
            join.on.walk(out)?;
            out.push_sql(" AND ");
            join.parent.walk_scope(out, &self.tenant)?;
        }
        out.push_sql(" WHERE ");
        self.base.walk_scope(out, &self.tenant)?;
        for filter in &self.filters {
            out.push_sql(" AND ");
            filter.walk(out)?;
        }
        Ok(())
    }
}

/// What a [`Select`] returns: rows, or their count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Projection {
    Rows,
    Count,
}

/// The statement of a composable query. Its SQL depends on what the caller
/// composed, so it has no static query id: Diesel caches its prepared
/// statement by the SQL text. Public only because `load`'s bounds name it;
/// nothing outside this module can make one.
#[doc(hidden)]
pub struct Select<ST, DB = diesel::pg::Pg> {
    spec: Spec,
    projection: Projection,
    sql_type: PhantomData<fn() -> (ST, DB)>,
}

impl<ST, DB: QueryBackend> QueryFragment<DB> for Select<ST, DB> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.spec.walk_select(self.projection, &mut out)
    }
}

impl<ST, DB> QueryId for Select<ST, DB> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<ST: 'static, DB> DieselQuery for Select<ST, DB> {
    type SqlType = ST;
}

impl<ST, DB, Conn> RunQueryDsl<Conn> for Select<ST, DB> {}

/// A composable query on `E`'s rows of the scope `'t`, with the parents in
/// `J` joined, in a scope with capability `C`; built by
/// [`super::Scope::query`].
pub struct Query<'s, 't, E, J = (), C = Member, D: Dialect = Postgres> {
    pub(super) conn: &'s mut D::Conn,
    outcome: &'s mut Outcome,
    spec: Spec,
    brand: Brand<'t>,
    types: Types<E, J, C>,
}

/// What a [`Query`] is about, held without owning any of it.
type Types<E, J, C> = PhantomData<fn() -> (E, J, C)>;

impl<'s, 't, E: ComposableQuery<D>, C, D: ScopeDialect> Query<'s, 't, E, (), C, D> {
    pub(super) fn new(conn: &'s mut D::Conn, outcome: &'s mut Outcome, tenant: Uuid) -> Self {
        Query {
            conn,
            outcome,
            spec: Spec {
                tenant,
                base: Source::of::<E>(),
                joins: Vec::new(),
                filters: Vec::new(),
                order: Vec::new(),
                limit: None,
                offset: None,
                for_update: false,
                invalid: None,
            },
            brand: PhantomData,
            types: PhantomData,
        }
    }

    /// Joins the parent that `column` references (`INNER JOIN`, so rows
    /// whose reference is NULL or whose parent is deleted drop out); the
    /// parent keeps its own tenant predicate. `load` then returns pairs.
    pub fn join<P: ComposableQuery<D>, T>(
        self,
        column: impl FnOnce(&E::Columns) -> QueryColumn<E, T, P>,
    ) -> Query<'s, 't, E, (P,), C, D> {
        let on = column(&E::Columns::default()).column_name();
        self.add_join::<P, _>(on)
    }
}

impl<'s, 't, E: ComposableQuery<D>, P1: ComposableQuery<D>, C, D: ScopeDialect>
    Query<'s, 't, E, (P1,), C, D>
{
    /// Joins a second parent (see [`Query::join`]); `load` returns triples.
    pub fn join<P: ComposableQuery<D>, T>(
        self,
        column: impl FnOnce(&E::Columns) -> QueryColumn<E, T, P>,
    ) -> Query<'s, 't, E, (P1, P), C, D> {
        let on = column(&E::Columns::default()).column_name();
        self.add_join::<P, _>(on)
    }
}

impl<'s, 't, E: ComposableQuery<D>, J, C, D: ScopeDialect> Query<'s, 't, E, J, C, D> {
    fn add_join<P: ComposableQuery<D>, K>(mut self, on: ColumnName) -> Query<'s, 't, E, K, C, D> {
        let parent = Source::of::<P>();
        let taken = std::iter::once(&self.spec.base.table.name)
            .chain(self.spec.joins.iter().map(|join| &join.parent.table.name));
        if taken.clone().any(|name| name == &parent.table.name) {
            self.spec.invalid = Some(format!(
                "`{}` is already in this query; a table can be joined once",
                &parent.table.name
            ));
        }
        self.spec.joins.push(Join { parent, on });
        Query {
            conn: self.conn,
            outcome: self.outcome,
            spec: self.spec,
            brand: PhantomData,
            types: PhantomData,
        }
    }

    /// Keeps the rows where `filter` holds (ANDed to what is there).
    pub fn filter(mut self, filter: impl FnOnce(&E::Columns) -> Filter<'t, E>) -> Self {
        self.spec.filters.push(filter(&E::Columns::default()).node);
        self
    }

    /// Keeps the rows whose joined parent `P` matches `filter`.
    pub fn filter_joined<P: ComposableQuery<D>, Position>(
        mut self,
        filter: impl FnOnce(&P::Columns) -> Filter<'t, P>,
    ) -> Self
    where
        J: Contains<P, Position>,
    {
        self.spec.filters.push(filter(&P::Columns::default()).node);
        self
    }

    /// Orders the rows (replacing any order set before): a column, an
    /// `asc()`/`desc()` of one, or a tuple of them.
    pub fn order_by<O: IntoOrder<E>>(mut self, order: impl FnOnce(&E::Columns) -> O) -> Self {
        self.spec.order.clear();
        order(&E::Columns::default()).into_order(&mut self.spec.order);
        self
    }

    /// Adds an order after the ones set before.
    pub fn then_order_by<O: IntoOrder<E>>(mut self, order: impl FnOnce(&E::Columns) -> O) -> Self {
        order(&E::Columns::default()).into_order(&mut self.spec.order);
        self
    }

    /// At most `limit` rows.
    pub fn limit(mut self, limit: i64) -> Self {
        if limit < 0 {
            self.spec.invalid = Some(format!("a limit is not negative ({limit})"));
        }
        self.spec.limit = Some(limit);
        self
    }

    /// Skips `offset` rows.
    pub fn offset(mut self, offset: i64) -> Self {
        if offset < 0 {
            self.spec.invalid = Some(format!("an offset is not negative ({offset})"));
        }
        self.spec.offset = Some(offset);
        self
    }

    /// Locks the rows it reads (`FOR UPDATE OF` the queried table, not its
    /// joined parents) until the scope's transaction ends, so that two
    /// workers cannot both act on the same state. A lock is the first half
    /// of a write, so it needs the capability a write of `E` needs:
    /// PostgreSQL's row-level security applies the table's update policy
    /// to a locking read, and without the capability the rows would
    /// silently not be there.
    pub fn for_update(mut self) -> Self
    where
        C: Allows<E::Need>,
    {
        self.spec.for_update = true;
        self
    }

    /// How many rows match (order, limit and offset aside).
    pub fn count(self) -> Result<i64>
    where
        Select<BigInt, D::Backend>: for<'q> LoadQuery<'q, D::Conn, i64>,
    {
        let select = Select::<BigInt, D::Backend> {
            spec: self.spec,
            projection: Projection::Count,
            sql_type: PhantomData,
        };
        let count = select.get_result(self.conn).map_err(invalid_query);
        self.outcome.note(count)
    }

    /// The SQL text the query sends (without bind values), for review and tests.
    pub fn sql(&self) -> String {
        use diesel::query_builder::QueryBuilder;
        let borrowed = BorrowedSelect { spec: &self.spec };
        let mut builder = <D::Backend as diesel::backend::Backend>::QueryBuilder::default();
        match borrowed.to_sql(&mut builder, &D::Backend::default()) {
            Ok(()) => builder.finish(),
            Err(error) => format!("-- cannot be rendered: {error}"),
        }
    }

    /// Runs the query. One row that cannot be read fails it;
    /// [`Query::load_each`] returns the others.
    pub fn load(self) -> Result<Vec<J::Rows<'t>>>
    where
        J: Joined<E, D>,
        Select<J::SqlType, D::Backend>: for<'q> LoadQuery<'q, D::Conn, J::Loaded>,
    {
        self.load_each()?.into_iter().collect()
    }

    /// Runs the query, each row read on its own: a row that cannot be read
    /// (see [`super::Scope::list_each`]) is an error in its place, and the
    /// others come back.
    pub fn load_each(self) -> Result<Vec<Result<J::Rows<'t>>>>
    where
        J: Joined<E, D>,
        Select<J::SqlType, D::Backend>: for<'q> LoadQuery<'q, D::Conn, J::Loaded>,
    {
        let select = Select::<J::SqlType, D::Backend> {
            spec: self.spec,
            projection: Projection::Rows,
            sql_type: PhantomData,
        };
        let rows = select
            .load_iter::<J::Loaded, diesel::connection::DefaultLoadingMode>(self.conn)
            .map_err(invalid_query);
        let rows = self.outcome.note(rows)?;
        Ok(rows
            .map(|row| row.map(J::brand).map_err(Error::from))
            .collect())
    }

    /// Runs the query for its first row.
    pub fn first(self) -> Result<Option<J::Rows<'t>>>
    where
        J: Joined<E, D>,
        Select<J::SqlType, D::Backend>: for<'q> LoadQuery<'q, D::Conn, J::Loaded>,
    {
        Ok(self.limit(1).load()?.into_iter().next())
    }
}

impl<'s, 't, E: Loads<D>, C, D: ScopeDialect> Query<'s, 't, E, (), C, D> {
    /// [`Query::first`] through [`Loads`], for code generic over the
    /// dialect, which cannot name Diesel's load bounds.
    pub(super) fn first_row(self) -> Result<Option<Row<'t, E>>> {
        let query = self.limit(1);
        let select = Select::<E::SqlRow, D::Backend> {
            spec: query.spec,
            projection: Projection::Rows,
            sql_type: PhantomData,
        };
        let rows = E::load_rows(select, query.conn).map_err(invalid_query);
        let rows = query.outcome.note(rows)?;
        match rows.into_iter().next() {
            None => Ok(None),
            Some(row) => Ok(Some(Row::new(row.map_err(Error::from)?))),
        }
    }
}

/// An entity whose rows a scope on `D` reads whole: every entity with
/// scoped access is one on both dialects. Code generic over the dialect
/// names this bound where it would otherwise need Diesel's load bounds.
pub trait Loads<D: ScopeDialect>: ComposableQuery<D> {
    #[doc(hidden)]
    fn load_rows(
        select: Select<Self::SqlRow, D::Backend>,
        conn: &mut D::Conn,
    ) -> QueryResult<Vec<QueryResult<Self>>>;
}

impl<E, D> Loads<D> for E
where
    D: ScopeDialect,
    E: ComposableQuery<D>,
    Select<E::SqlRow, D::Backend>: for<'q> LoadQuery<'q, D::Conn, E>,
{
    fn load_rows(
        select: Select<Self::SqlRow, D::Backend>,
        conn: &mut D::Conn,
    ) -> QueryResult<Vec<QueryResult<Self>>> {
        Ok(select
            .load_iter::<E, diesel::connection::DefaultLoadingMode>(conn)?
            .collect())
    }
}

/// A mistake in how the query was composed comes back as
/// [`Error::InvalidQuery`]; a database error stays one.
fn invalid_query(error: diesel::result::Error) -> Error {
    match error {
        diesel::result::Error::QueryBuilderError(problem) => {
            Error::InvalidQuery(problem.to_string())
        }
        other => other.into(),
    }
}

/// The spec rendered by reference, for [`Query::sql`].
struct BorrowedSelect<'a> {
    spec: &'a Spec,
}

impl<DB: QueryBackend> QueryFragment<DB> for BorrowedSelect<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.spec.walk_select(Projection::Rows, &mut out)
    }
}

/// The parents a query joined, and what its rows load as.
#[doc(hidden)]
pub trait Joined<E, D: Dialect = Postgres> {
    /// The SQL types of one result row.
    type SqlType: 'static;
    /// What Diesel loads a row into.
    type Loaded;
    /// What the caller gets: each entity's row, branded by the scope.
    type Rows<'t>;
    fn brand<'t>(loaded: Self::Loaded) -> Self::Rows<'t>;
}

impl<E: ComposableQuery<D>, D: Dialect> Joined<E, D> for ()
where
    E::SqlRow: 'static,
{
    type SqlType = E::SqlRow;
    type Loaded = E;
    type Rows<'t> = Row<'t, E>;
    fn brand<'t>(loaded: E) -> Row<'t, E> {
        Row::new(loaded)
    }
}

impl<E: ComposableQuery<D>, P1: ComposableQuery<D>, D: Dialect> Joined<E, D> for (P1,)
where
    E::SqlRow: 'static,
    P1::SqlRow: 'static,
{
    type SqlType = (E::SqlRow, P1::SqlRow);
    type Loaded = (E, P1);
    type Rows<'t> = (Row<'t, E>, Row<'t, P1>);
    fn brand<'t>((row, p1): (E, P1)) -> Self::Rows<'t> {
        (Row::new(row), Row::new(p1))
    }
}

impl<E: ComposableQuery<D>, P1: ComposableQuery<D>, P2: ComposableQuery<D>, D: Dialect> Joined<E, D>
    for (P1, P2)
where
    E::SqlRow: 'static,
    P1::SqlRow: 'static,
    P2::SqlRow: 'static,
{
    type SqlType = (E::SqlRow, P1::SqlRow, P2::SqlRow);
    type Loaded = (E, P1, P2);
    type Rows<'t> = (Row<'t, E>, Row<'t, P1>, Row<'t, P2>);
    fn brand<'t>((row, p1, p2): (E, P1, P2)) -> Self::Rows<'t> {
        (Row::new(row), Row::new(p1), Row::new(p2))
    }
}

/// `Self` (the joined parents) contains `P`, at `Position`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{P}` is not joined in this query",
    label = "join it first",
    note = "join the parent through the column that references it: `.join(|row| row.<column>)`"
)]
pub trait Contains<P, Position> {}

#[doc(hidden)]
pub struct First;
#[doc(hidden)]
pub struct Second;

impl<P> Contains<P, First> for (P,) {}
impl<P, P2> Contains<P, First> for (P, P2) {}
impl<P1, P> Contains<P, Second> for (P1, P) {}
