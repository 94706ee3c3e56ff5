//! A MySQL statement rendered at run time from the IR: SQL text with
//! binds between its pieces. The scoped queries of MySQL are built from
//! the same `Table` descriptions and the same walk to the tenant
//! (`schema::tenant_path`) as PostgreSQL's, so the tenant predicate is
//! never written by hand per entity.

use std::marker::PhantomData;

use chrono::NaiveDateTime;
use diesel::mysql::Mysql;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::BigInt;
use diesel::{QueryResult, RunQueryDsl};
use uuid::Uuid;

use crate::insert::{Bind, BindValue};
use crate::mysql::{Char36, Datetime, MysqlConnection};

/// One piece of a statement.
enum Piece<'a> {
    Sql(String),
    Bind(&'a dyn BindValue<Mysql>),
    Owned(Box<dyn BindValue<Mysql> + 'a>),
}

/// A statement being written.
#[derive(Default)]
pub struct Statement<'a> {
    pieces: Vec<Piece<'a>>,
}

impl<'a> Statement<'a> {
    pub fn new(sql: impl Into<String>) -> Statement<'a> {
        let mut statement = Statement::default();
        statement.sql(sql);
        statement
    }

    /// Appends SQL text.
    pub fn sql(&mut self, text: impl Into<String>) -> &mut Self {
        let text = text.into();
        match self.pieces.last_mut() {
            Some(Piece::Sql(last)) => last.push_str(&text),
            _ => self.pieces.push(Piece::Sql(text)),
        }
        self
    }

    /// Appends `` `name` ``.
    pub fn ident(&mut self, name: &str) -> &mut Self {
        self.sql(crate::quote::mysql_ident(name))
    }

    /// Appends `` `table`.`column` ``.
    pub fn column(&mut self, table: &str, column: &str) -> &mut Self {
        self.ident(table).sql(".").ident(column)
    }

    /// Appends a bind of a value the caller holds.
    pub fn bind(&mut self, value: &'a dyn BindValue<Mysql>) -> &mut Self {
        self.pieces.push(Piece::Bind(value));
        self
    }

    /// Appends a bind of a value the statement holds.
    pub fn bind_owned(&mut self, value: impl BindValue<Mysql> + 'a) -> &mut Self {
        self.pieces.push(Piece::Owned(Box::new(value)));
        self
    }

    /// Appends a uuid bound as `char(36)`.
    pub fn uuid(&mut self, value: Uuid) -> &mut Self {
        self.bind_owned(Bind::<Char36, Uuid>::new(value))
    }

    /// Appends a `datetime`.
    pub fn datetime(&mut self, value: NaiveDateTime) -> &mut Self {
        self.bind_owned(Bind::<Datetime, NaiveDateTime>::new(value))
    }

    /// Appends an integer.
    pub fn integer(&mut self, value: i64) -> &mut Self {
        self.bind_owned(Bind::<BigInt, i64>::new(value))
    }

    /// The statement, as returning rows of the SQL type `ST`.
    pub fn returning<ST>(self) -> Returning<'a, ST> {
        Returning {
            statement: self,
            sql_type: PhantomData,
        }
    }
}

impl QueryFragment<Mysql> for Statement<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Mysql>) -> QueryResult<()> {
        for piece in &self.pieces {
            match piece {
                Piece::Sql(text) => out.push_sql(text),
                Piece::Bind(value) => value.push_to(&mut out)?,
                Piece::Owned(value) => value.push_to(&mut out)?,
            }
        }
        Ok(())
    }
}

impl QueryId for Statement<'_> {
    type QueryId = ();
    // The text varies with the entity and the shape; Diesel caches the
    // prepared statement by its text.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl RunQueryDsl<MysqlConnection> for Statement<'_> {}

/// A statement that returns rows of the SQL type `ST`.
pub struct Returning<'a, ST> {
    statement: Statement<'a>,
    sql_type: PhantomData<fn() -> ST>,
}

impl<ST> QueryFragment<Mysql> for Returning<'_, ST> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Mysql>) -> QueryResult<()> {
        self.statement.walk_ast(out)
    }
}

impl<ST> QueryId for Returning<'_, ST> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<ST: diesel::sql_types::SqlType> Query for Returning<'_, ST> {
    type SqlType = ST;
}

impl<ST> RunQueryDsl<MysqlConnection> for Returning<'_, ST> {}
