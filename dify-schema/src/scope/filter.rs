//! What the closures of a composable query may say: comparisons of the
//! entity's own columns with values, combined with `and`, `or` and `not`.
//!
//! ```ignore
//! scope.query::<Conversation>()
//!     .filter(|c| c.from_source.eq("api").and(c.status.ne("archived").or(c.name.like("%demo%"))))
//!     .order_by(|c| (c.created_at.desc(), c.id.desc()))
//! ```
//!
//! This is the whole vocabulary. A closure receives [`QueryColumn`]s, which
//! are only an index into the entity's table description and the Rust type
//! of the column: they implement no Diesel trait, so nothing leads from them
//! to a Diesel table, and a [`Filter`] is a small tree of comparisons, never
//! SQL text. There is no raw fragment, no function call and no subquery but
//! a scoped one ([`Subquery`], which carries its own tenant predicate, and
//! is here because a filter holds one and a subquery holds filters). The query renders each filter in parentheses and ANDs it to
//! the tenant predicate, so an `or` inside a filter cannot escape it.

use std::marker::PhantomData;

use bigdecimal::BigDecimal;
use chrono::NaiveDateTime;
use diesel::query_builder::AstPass;
use diesel::QueryResult;
use uuid::Uuid;

use super::access::ComposableQuery;
use super::backend::QueryBackend;
use super::id::Brand;
use super::predicate::push_column;
use super::source::Source;
pub use super::value::{Value, ValueList};
use crate::entity::Entity;
use crate::string_enum::StringEnum;

/// A column of `E` whose Rust type is `T`, as a filter or order closure
/// receives it. `R` is the entity the column references (`()` when none),
/// which [`crate::scope::Query::join`] follows.
pub struct QueryColumn<E, T, R = ()> {
    index: usize,
    types: PhantomData<ColumnTypes<E, T, R>>,
}

/// The types a [`QueryColumn`] carries, without owning any of them.
type ColumnTypes<E, T, R> = fn() -> (E, T, R);

impl<E, T, R> Clone for QueryColumn<E, T, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E, T, R> Copy for QueryColumn<E, T, R> {}

impl<E: Entity, T, R> QueryColumn<E, T, R> {
    /// The column at `index` of `E`'s table description. Generated code
    /// builds these; a wrong index names another column of the same table
    /// (or fails to render), never another table's.
    #[doc(hidden)]
    pub const fn __new(index: usize) -> Self {
        QueryColumn {
            index,
            types: PhantomData,
        }
    }

    fn name(self) -> ColumnName {
        ColumnName {
            table: &E::TABLE.name,
            column: E::TABLE.columns.get(self.index).map(|column| &*column.name),
        }
    }

    /// Ascending order on this column.
    pub fn asc(self) -> Order<E> {
        Order {
            column: self.name(),
            descending: false,
            entity: PhantomData,
        }
    }

    /// Descending order on this column.
    pub fn desc(self) -> Order<E> {
        Order {
            column: self.name(),
            descending: true,
            entity: PhantomData,
        }
    }

    pub(crate) fn column_name(self) -> ColumnName {
        self.name()
    }
}

/// A field type a filter can compare: the type itself, or `Option` of it
/// for a nullable column (compared with the inner type; see `is_null`).
pub trait ColumnType {
    /// The type of the values a comparison takes.
    type Value: FilterValue;
}

impl<T: FilterValue> ColumnType for T {
    type Value = T;
}

impl<T: FilterValue> ColumnType for Option<T> {
    type Value = T;
}

/// A Rust value that a filter binds as a parameter.
pub trait FilterValue: Sized {
    #[doc(hidden)]
    fn into_value(self) -> Value;
    #[doc(hidden)]
    fn into_list(values: Vec<Self>) -> ValueList;
}

macro_rules! filter_value {
    ($ty:ty, $variant:ident) => {
        impl FilterValue for $ty {
            fn into_value(self) -> Value {
                Value::$variant(self)
            }
            fn into_list(values: Vec<Self>) -> ValueList {
                ValueList::$variant(values)
            }
        }
    };
}

filter_value!(Uuid, Uuid);
filter_value!(String, Text);
filter_value!(i32, Integer);
filter_value!(i64, BigInt);
filter_value!(f64, Float);
filter_value!(bool, Bool);
filter_value!(NaiveDateTime, Timestamp);
filter_value!(crate::types::UtcDateTime, Timestamptz);
filter_value!(BigDecimal, Numeric);

/// A string enum compares as the text it is stored as; the derive
/// implements [`FilterValue`] through this.
#[doc(hidden)]
pub fn enum_value<T: StringEnum>(value: T) -> Value {
    Value::Text(value.as_str().to_owned())
}

#[doc(hidden)]
pub fn enum_list<T: StringEnum>(values: Vec<T>) -> ValueList {
    ValueList::Text(
        values
            .into_iter()
            .map(|value| value.as_str().to_owned())
            .collect(),
    )
}

/// `"table"."column"`, resolved from the entity's table description. Its
/// fields are private: only a [`QueryColumn`] makes one.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnName {
    pub(crate) table: &'static str,
    /// `None` when the index was out of range: rendering fails.
    pub(crate) column: Option<&'static str>,
}

impl ColumnName {
    pub(crate) fn walk<DB: QueryBackend>(&self, out: &mut AstPass<'_, '_, DB>) -> QueryResult<()> {
        let column = self.column.ok_or_else(|| {
            diesel::result::Error::QueryBuilderError(
                "a query column that its table does not have".into(),
            )
        })?;
        push_column(out, self.table, column)
    }
}

/// A condition on rows of `E`, built from `E`'s columns; `'t` is the
/// scope whose subqueries it may hold.
pub struct Filter<'t, E> {
    pub(crate) node: Node,
    brand: Brand<'t>,
    entity: PhantomData<fn() -> E>,
}

impl<E> std::fmt::Debug for Filter<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.node.fmt(f)
    }
}

impl<'t, E> Filter<'t, E> {
    pub(crate) fn new(node: Node) -> Self {
        Filter {
            node,
            brand: PhantomData,
            entity: PhantomData,
        }
    }

    /// Both conditions.
    pub fn and(self, other: Filter<'t, E>) -> Filter<'t, E> {
        Filter::new(Node::And(Box::new(self.node), Box::new(other.node)))
    }

    /// Either condition (inside this filter only: the query still ANDs the
    /// whole filter to the tenant predicate).
    pub fn or(self, other: Filter<'t, E>) -> Filter<'t, E> {
        Filter::new(Node::Or(Box::new(self.node), Box::new(other.node)))
    }

    /// The opposite condition.
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Filter<'t, E> {
        Filter::new(Node::Not(Box::new(self.node)))
    }
}

/// The tree a filter renders from.
#[doc(hidden)]
#[derive(Debug)]
pub enum Node {
    Compare {
        column: ColumnName,
        op: &'static str,
        value: Value,
    },
    Any {
        column: ColumnName,
        negated: bool,
        values: ValueList,
    },
    Null {
        column: ColumnName,
        negated: bool,
    },
    Like {
        column: ColumnName,
        case_sensitive: bool,
        negated: bool,
        pattern: String,
    },
    InSubquery {
        column: ColumnName,
        negated: bool,
        subquery: SubqueryColumn,
    },
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Not(Box<Node>),
}

impl Node {
    /// Writes the condition, always parenthesised.
    pub(crate) fn walk<'b, DB: QueryBackend>(
        &'b self,
        out: &mut AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql("(");
        match self {
            Node::Compare { column, op, value } => {
                column.walk(out)?;
                out.push_sql(" ");
                out.push_sql(op);
                out.push_sql(" ");
                DB::push_value(out, value)?;
            }
            Node::Any {
                column,
                negated,
                values,
            } => {
                if *negated {
                    out.push_sql("NOT ");
                }
                column.walk(out)?;
                DB::push_among(out, values)?;
            }
            Node::Null { column, negated } => {
                column.walk(out)?;
                out.push_sql(if *negated { " IS NOT NULL" } else { " IS NULL" });
            }
            Node::Like {
                column,
                case_sensitive,
                negated,
                pattern,
            } => {
                column.walk(out)?;
                out.push_sql(" ");
                out.push_sql(DB::like(*case_sensitive, *negated));
                out.push_sql(" ");
                DB::push_text(out, pattern)?;
            }
            Node::InSubquery {
                column,
                negated,
                subquery,
            } => {
                column.walk(out)?;
                out.push_sql(if *negated { " NOT IN (" } else { " IN (" });
                subquery.walk(out)?;
                out.push_sql(")");
            }
            Node::And(left, right) => {
                left.walk(out)?;
                out.push_sql(" AND ");
                right.walk(out)?;
            }
            Node::Or(left, right) => {
                left.walk(out)?;
                out.push_sql(" OR ");
                right.walk(out)?;
            }
            Node::Not(inner) => {
                out.push_sql("NOT ");
                inner.walk(out)?;
            }
        }
        out.push_sql(")");
        Ok(())
    }
}

impl<E: Entity, T: ColumnType, R> QueryColumn<E, T, R> {
    fn compare<'t>(self, op: &'static str, value: impl Into<T::Value>) -> Filter<'t, E> {
        Filter::new(Node::Compare {
            column: self.name(),
            op,
            value: value.into().into_value(),
        })
    }

    /// `column = value`.
    pub fn eq<'t>(self, value: impl Into<T::Value>) -> Filter<'t, E> {
        self.compare("=", value)
    }

    /// `column <> value` (false for NULL; see `is_null`).
    pub fn ne<'t>(self, value: impl Into<T::Value>) -> Filter<'t, E> {
        self.compare("<>", value)
    }

    /// `column > value`.
    pub fn gt<'t>(self, value: impl Into<T::Value>) -> Filter<'t, E> {
        self.compare(">", value)
    }

    /// `column >= value`.
    pub fn ge<'t>(self, value: impl Into<T::Value>) -> Filter<'t, E> {
        self.compare(">=", value)
    }

    /// `column < value`.
    pub fn lt<'t>(self, value: impl Into<T::Value>) -> Filter<'t, E> {
        self.compare("<", value)
    }

    /// `column <= value`.
    pub fn le<'t>(self, value: impl Into<T::Value>) -> Filter<'t, E> {
        self.compare("<=", value)
    }

    /// `column = ANY($1)`: one of the values (one array parameter).
    pub fn eq_any<'t, V: Into<T::Value>>(
        self,
        values: impl IntoIterator<Item = V>,
    ) -> Filter<'t, E> {
        let values = values.into_iter().map(Into::into).collect();
        Filter::new(Node::Any {
            column: self.name(),
            negated: false,
            values: T::Value::into_list(values),
        })
    }

    /// `NOT column = ANY($1)`: none of the values.
    pub fn ne_all<'t, V: Into<T::Value>>(
        self,
        values: impl IntoIterator<Item = V>,
    ) -> Filter<'t, E> {
        let values = values.into_iter().map(Into::into).collect();
        Filter::new(Node::Any {
            column: self.name(),
            negated: true,
            values: T::Value::into_list(values),
        })
    }

    /// `column IN (<subquery>)`, where the subquery is a column of another
    /// entity's rows of the same scope, its own tenant predicate included.
    pub fn is_in<'t>(self, subquery: Subquery<'t, T::Value>) -> Filter<'t, E> {
        Filter::new(Node::InSubquery {
            column: self.name(),
            negated: false,
            subquery: subquery.column,
        })
    }

    /// `column NOT IN (<subquery>)`.
    pub fn not_in<'t>(self, subquery: Subquery<'t, T::Value>) -> Filter<'t, E> {
        Filter::new(Node::InSubquery {
            column: self.name(),
            negated: true,
            subquery: subquery.column,
        })
    }
}

impl<E: Entity, T, R> QueryColumn<E, Option<T>, R> {
    /// `column IS NULL`.
    pub fn is_null<'t>(self) -> Filter<'t, E> {
        Filter::new(Node::Null {
            column: self.name(),
            negated: false,
        })
    }

    /// `column IS NOT NULL`.
    pub fn is_not_null<'t>(self) -> Filter<'t, E> {
        Filter::new(Node::Null {
            column: self.name(),
            negated: true,
        })
    }
}

impl<E: Entity, T: ColumnType<Value = String>, R> QueryColumn<E, T, R> {
    fn pattern<'t>(
        self,
        case_sensitive: bool,
        negated: bool,
        pattern: impl Into<String>,
    ) -> Filter<'t, E> {
        Filter::new(Node::Like {
            column: self.name(),
            case_sensitive,
            negated,
            pattern: pattern.into(),
        })
    }

    /// `column LIKE pattern` (`%` and `_` are wildcards), case counting
    /// (on MySQL, whose tables ignore case, `LIKE BINARY`).
    pub fn like<'t>(self, pattern: impl Into<String>) -> Filter<'t, E> {
        self.pattern(true, false, pattern)
    }

    /// `column ILIKE pattern`: like `like`, ignoring case (`LIKE` on MySQL).
    pub fn ilike<'t>(self, pattern: impl Into<String>) -> Filter<'t, E> {
        self.pattern(false, false, pattern)
    }

    /// `column NOT LIKE pattern`.
    pub fn not_like<'t>(self, pattern: impl Into<String>) -> Filter<'t, E> {
        self.pattern(true, true, pattern)
    }
}

/// One `ORDER BY` term on a column of `E`.
pub struct Order<E> {
    pub(crate) column: ColumnName,
    pub(crate) descending: bool,
    entity: PhantomData<fn() -> E>,
}

impl<E> Clone for Order<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Order<E> {}

/// What `order_by` takes: a column (ascending), an [`Order`], or a tuple
/// or list of them.
pub trait IntoOrder<E> {
    #[doc(hidden)]
    fn into_order(self, terms: &mut Vec<(ColumnName, bool)>);
}

impl<E> IntoOrder<E> for Order<E> {
    fn into_order(self, terms: &mut Vec<(ColumnName, bool)>) {
        terms.push((self.column, self.descending));
    }
}

impl<E: Entity, T, R> IntoOrder<E> for QueryColumn<E, T, R> {
    fn into_order(self, terms: &mut Vec<(ColumnName, bool)>) {
        terms.push((self.name(), false));
    }
}

impl<E> IntoOrder<E> for Vec<Order<E>> {
    fn into_order(self, terms: &mut Vec<(ColumnName, bool)>) {
        terms.extend(
            self.into_iter()
                .map(|order| (order.column, order.descending)),
        );
    }
}

impl<E, const N: usize> IntoOrder<E> for [Order<E>; N] {
    fn into_order(self, terms: &mut Vec<(ColumnName, bool)>) {
        terms.extend(
            self.into_iter()
                .map(|order| (order.column, order.descending)),
        );
    }
}

macro_rules! tuple_order {
    ($($name:ident),+) => {
        impl<E, $($name: IntoOrder<E>),+> IntoOrder<E> for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_order(self, terms: &mut Vec<(ColumnName, bool)>) {
                let ($($name,)+) = self;
                $($name.into_order(terms);)+
            }
        }
    };
}

tuple_order!(A);
tuple_order!(A, B);
tuple_order!(A, B, C);
tuple_order!(A, B, C, D);

/// A column of another entity's rows of the same scope, for
/// [`QueryColumn::is_in`]: `SELECT t.column FROM t WHERE <t's tenant
/// predicate> AND (<filters>) AND t.column IS NOT NULL`.
pub struct Subquery<'t, V> {
    pub(crate) column: SubqueryColumn,
    brand: Brand<'t>,
    value: PhantomData<fn() -> V>,
}

#[doc(hidden)]
#[derive(Debug)]
pub struct SubqueryColumn {
    tenant: Uuid,
    source: SourceDebug,
    column: ColumnName,
    filters: Vec<Node>,
}

/// [`Source`] with a `Debug` that names the table (a `fn` pointer does not
/// print usefully).
#[derive(Clone, Copy)]
struct SourceDebug(Source);

impl std::fmt::Debug for SourceDebug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.table.name)
    }
}

impl SubqueryColumn {
    pub(crate) fn walk<'b, DB: QueryBackend>(
        &'b self,
        out: &mut AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        let source = &self.source.0;
        out.push_sql("SELECT ");
        self.column.walk(out)?;
        out.push_sql(" FROM ");
        out.push_identifier(&source.table.name)?;
        out.push_sql(" WHERE ");
        source.walk_scope(out, &self.tenant)?;
        for filter in &self.filters {
            out.push_sql(" AND ");
            filter.walk(out)?;
        }
        // `NOT IN` a set that holds NULL is never true; a NULL reference
        // is no row's id anyway.
        out.push_sql(" AND ");
        self.column.walk(out)?;
        out.push_sql(" IS NOT NULL");
        Ok(())
    }
}

/// The rows of `E` a subquery selects from; built by
/// [`super::Scope::subquery`].
pub struct SubqueryBuilder<'t, E, D = crate::dialect::Postgres> {
    tenant: Uuid,
    filters: Vec<Node>,
    brand: Brand<'t>,
    entity: PhantomData<fn() -> (E, D)>,
}

impl<'t, E: ComposableQuery<D>, D: crate::dialect::Dialect> SubqueryBuilder<'t, E, D> {
    pub(super) fn new(tenant: Uuid) -> Self {
        SubqueryBuilder {
            tenant,
            filters: Vec::new(),
            brand: PhantomData,
            entity: PhantomData,
        }
    }

    /// Keeps the rows where `filter` holds.
    pub fn filter(mut self, filter: impl FnOnce(&E::Columns) -> Filter<'t, E>) -> Self {
        self.filters.push(filter(&E::Columns::default()).node);
        self
    }

    /// The column the subquery returns.
    pub fn select<T: ColumnType, R>(
        self,
        column: impl FnOnce(&E::Columns) -> QueryColumn<E, T, R>,
    ) -> Subquery<'t, T::Value> {
        let column = column(&E::Columns::default()).column_name();
        Subquery {
            column: SubqueryColumn {
                tenant: self.tenant,
                source: SourceDebug(Source::of::<E>()),
                column,
                filters: self.filters,
            },
            brand: PhantomData,
            value: PhantomData,
        }
    }
}
