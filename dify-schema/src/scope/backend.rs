//! What composable queries, subqueries and the tenant predicate write
//! differently on each backend: how a value and a list of values are
//! bound, how a column is tested against a subquery or a list, `LIKE`
//! with and without case, and what a locking read says. Everything else
//! (the structure of the statement, the tenant predicate's walk, the
//! parenthesised filters) is written once, generic over the backend.

use diesel::backend::Backend;
use diesel::mysql::Mysql;
use diesel::pg::Pg;
use diesel::query_builder::AstPass;
use diesel::sql_types::{
    Array, BigInt, Bool, Double, Integer, Numeric, Text, Timestamp, Timestamptz, Uuid as SqlUuid,
};
use diesel::QueryResult;
use uuid::Uuid;

use super::value::{Value, ValueList};
use crate::mysql::{Char36, Datetime, UtcDatetime};

/// A Diesel backend the scoped queries render for.
#[doc(hidden)]
pub trait QueryBackend: Backend<QueryBuilder: Default> + Default {
    /// `column = ANY(SELECT ...` or `column IN (SELECT ...`: the opening of
    /// a membership test against a subquery, closed by one `)`.
    const IN_SUBQUERY: &'static str;
    /// What an `OFFSET` without a `LIMIT` needs before it.
    const NO_LIMIT: &'static str;
    /// What follows the query of a locking read of `table`.
    fn push_for_update(out: &mut AstPass<'_, '_, Self>, table: &str) -> QueryResult<()>;
    /// The operator of a `LIKE` with case (`case_sensitive`) or without.
    fn like(case_sensitive: bool, negated: bool) -> &'static str;
    /// A uuid, bound as the backend stores it.
    fn push_uuid<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b Uuid) -> QueryResult<()>;
    /// A text value, bound.
    fn push_text<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b str) -> QueryResult<()>;
    /// A row count (`LIMIT`, `OFFSET`), bound.
    fn push_count<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b i64) -> QueryResult<()>;
    /// A value, bound.
    fn push_value<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b Value) -> QueryResult<()>;
    /// ` = ANY($1)` or ` IN (?, ?)`: `column` is among `values`, written
    /// after the column.
    fn push_among<'b>(out: &mut AstPass<'_, 'b, Self>, values: &'b ValueList) -> QueryResult<()>;
}

impl QueryBackend for Pg {
    const IN_SUBQUERY: &'static str = " = ANY(SELECT ";
    const NO_LIMIT: &'static str = "";

    fn push_for_update(out: &mut AstPass<'_, '_, Self>, table: &str) -> QueryResult<()> {
        out.push_sql(" FOR UPDATE OF ");
        out.push_identifier(table)
    }

    fn like(case_sensitive: bool, negated: bool) -> &'static str {
        match (case_sensitive, negated) {
            (true, false) => "LIKE",
            (true, true) => "NOT LIKE",
            (false, false) => "ILIKE",
            (false, true) => "NOT ILIKE",
        }
    }

    fn push_uuid<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b Uuid) -> QueryResult<()> {
        out.push_bind_param::<SqlUuid, _>(value)
    }

    fn push_text<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b str) -> QueryResult<()> {
        out.push_bind_param::<Text, _>(value)
    }

    fn push_count<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b i64) -> QueryResult<()> {
        out.push_bind_param::<BigInt, _>(value)
    }

    fn push_value<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b Value) -> QueryResult<()> {
        match value {
            Value::Uuid(v) => out.push_bind_param::<SqlUuid, _>(v),
            Value::Text(v) => out.push_bind_param::<Text, _>(v),
            Value::Integer(v) => out.push_bind_param::<Integer, _>(v),
            Value::BigInt(v) => out.push_bind_param::<BigInt, _>(v),
            Value::Float(v) => out.push_bind_param::<Double, _>(v),
            Value::Bool(v) => out.push_bind_param::<Bool, _>(v),
            Value::Timestamp(v) => out.push_bind_param::<Timestamp, _>(v),
            Value::Timestamptz(v) => out.push_bind_param::<Timestamptz, _>(v),
            Value::Numeric(v) => out.push_bind_param::<Numeric, _>(v),
        }
    }

    /// One array parameter whatever the list's length, so the statement
    /// keeps one shape.
    fn push_among<'b>(out: &mut AstPass<'_, 'b, Self>, values: &'b ValueList) -> QueryResult<()> {
        out.push_sql(" = ANY(");
        match values {
            ValueList::Uuid(v) => out.push_bind_param::<Array<SqlUuid>, _>(v)?,
            ValueList::Text(v) => out.push_bind_param::<Array<Text>, _>(v)?,
            ValueList::Integer(v) => out.push_bind_param::<Array<Integer>, _>(v)?,
            ValueList::BigInt(v) => out.push_bind_param::<Array<BigInt>, _>(v)?,
            ValueList::Float(v) => out.push_bind_param::<Array<Double>, _>(v)?,
            ValueList::Bool(v) => out.push_bind_param::<Array<Bool>, _>(v)?,
            ValueList::Timestamp(v) => out.push_bind_param::<Array<Timestamp>, _>(v)?,
            ValueList::Timestamptz(v) => out.push_bind_param::<Array<Timestamptz>, _>(v)?,
            ValueList::Numeric(v) => out.push_bind_param::<Array<Numeric>, _>(v)?,
        }
        out.push_sql(")");
        Ok(())
    }
}

/// Binds each element of `values` as `ST`, comma-separated.
fn push_each<'b, ST, T>(out: &mut AstPass<'_, 'b, Mysql>, values: &'b [T]) -> QueryResult<()>
where
    Mysql: diesel::sql_types::HasSqlType<ST>,
    T: diesel::serialize::ToSql<ST, Mysql>,
{
    for (position, value) in values.iter().enumerate() {
        if position > 0 {
            out.push_sql(", ");
        }
        out.push_bind_param::<ST, T>(value)?;
    }
    Ok(())
}

impl QueryBackend for Mysql {
    const IN_SUBQUERY: &'static str = " IN (SELECT ";
    /// MySQL has no `OFFSET` alone; its manual's idiom is the largest
    /// `LIMIT`.
    const NO_LIMIT: &'static str = " LIMIT 18446744073709551615";

    /// MariaDB has no `FOR UPDATE OF`: the joined parents' rows are locked
    /// too.
    fn push_for_update(out: &mut AstPass<'_, '_, Self>, _table: &str) -> QueryResult<()> {
        out.push_sql(" FOR UPDATE");
        Ok(())
    }

    /// Dify's MySQL tables compare text without case (`utf8mb4_general_ci`):
    /// `LIKE BINARY` is PostgreSQL's `LIKE`, and `LIKE` its `ILIKE`.
    fn like(case_sensitive: bool, negated: bool) -> &'static str {
        match (case_sensitive, negated) {
            (true, false) => "LIKE BINARY",
            (true, true) => "NOT LIKE BINARY",
            (false, false) => "LIKE",
            (false, true) => "NOT LIKE",
        }
    }

    fn push_uuid<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b Uuid) -> QueryResult<()> {
        out.push_bind_param::<Char36, _>(value)
    }

    fn push_text<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b str) -> QueryResult<()> {
        out.push_bind_param::<Text, _>(value)
    }

    fn push_count<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b i64) -> QueryResult<()> {
        out.push_bind_param::<BigInt, _>(value)
    }

    fn push_value<'b>(out: &mut AstPass<'_, 'b, Self>, value: &'b Value) -> QueryResult<()> {
        match value {
            Value::Uuid(v) => out.push_bind_param::<Char36, _>(v),
            Value::Text(v) => out.push_bind_param::<Text, _>(v),
            Value::Integer(v) => out.push_bind_param::<Integer, _>(v),
            Value::BigInt(v) => out.push_bind_param::<BigInt, _>(v),
            Value::Float(v) => out.push_bind_param::<Double, _>(v),
            Value::Bool(v) => out.push_bind_param::<Bool, _>(v),
            Value::Timestamp(v) => out.push_bind_param::<Datetime, _>(v),
            Value::Timestamptz(v) => out.push_bind_param::<UtcDatetime, _>(v),
            Value::Numeric(v) => out.push_bind_param::<Numeric, _>(v),
        }
    }

    /// One parameter per element (MySQL has no arrays); an empty list is an
    /// empty subquery, false for every row (NULL included) as `= ANY('{}')`
    /// is, so that its `NOT` holds for every row (`IN (NULL)` would be
    /// NULL, and its `NOT` too).
    fn push_among<'b>(out: &mut AstPass<'_, 'b, Self>, values: &'b ValueList) -> QueryResult<()> {
        out.push_sql(" IN (");
        let empty = match values {
            ValueList::Uuid(v) => v.is_empty(),
            ValueList::Text(v) => v.is_empty(),
            ValueList::Integer(v) => v.is_empty(),
            ValueList::BigInt(v) => v.is_empty(),
            ValueList::Float(v) => v.is_empty(),
            ValueList::Bool(v) => v.is_empty(),
            ValueList::Timestamp(v) => v.is_empty(),
            ValueList::Timestamptz(v) => v.is_empty(),
            ValueList::Numeric(v) => v.is_empty(),
        };
        if empty {
            out.push_sql("SELECT NULL FROM DUAL WHERE FALSE)");
            return Ok(());
        }
        match values {
            ValueList::Uuid(v) => push_each::<Char36, _>(out, v)?,
            ValueList::Text(v) => push_each::<Text, _>(out, v)?,
            ValueList::Integer(v) => push_each::<Integer, _>(out, v)?,
            ValueList::BigInt(v) => push_each::<BigInt, _>(out, v)?,
            ValueList::Float(v) => push_each::<Double, _>(out, v)?,
            ValueList::Bool(v) => push_each::<Bool, _>(out, v)?,
            ValueList::Timestamp(v) => push_each::<Datetime, _>(out, v)?,
            ValueList::Timestamptz(v) => push_each::<UtcDatetime, _>(out, v)?,
            ValueList::Numeric(v) => push_each::<Numeric, _>(out, v)?,
        }
        out.push_sql(")");
        Ok(())
    }
}
