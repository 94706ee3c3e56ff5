//! The SQL types Dify's MySQL schema stores values as, where they differ
//! from PostgreSQL's: a uuid is `char(36)` text, a timestamp (with or
//! without time zone) a `datetime` of whole seconds in UTC.
//!
//! A `NaiveDateTime` with a fraction of a second is written truncated to
//! the second, on MySQL and on MariaDB alike (MySQL would round it,
//! MariaDB truncates), so what a scope writes is what it reads back and
//! what `check` compares.

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use diesel::deserialize::{self, FromSql};
use diesel::mysql::{Mysql, MysqlValue};
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{Datetime as DieselDatetime, SqlType};
use std::io::Write;
use uuid::Uuid;

/// A uuid as Dify's MySQL schema holds it: `char(36)`, hyphenated, lower
/// case.
#[derive(Debug, Clone, Copy, Default, SqlType, diesel::query_builder::QueryId)]
#[diesel(mysql_type(name = "String"))]
pub struct Char36;

/// A `datetime` of whole seconds, read and written as a `NaiveDateTime`
/// in UTC.
#[derive(Debug, Clone, Copy, Default, SqlType, diesel::query_builder::QueryId)]
#[diesel(mysql_type(name = "DateTime"))]
pub struct Datetime;

/// A `datetime` that PostgreSQL holds as `timestamptz`: a `UtcDateTime`.
#[derive(Debug, Clone, Copy, Default, SqlType, diesel::query_builder::QueryId)]
#[diesel(mysql_type(name = "DateTime"))]
pub struct UtcDatetime;

impl ToSql<Char36, Mysql> for Uuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Mysql>) -> serialize::Result {
        let mut text = Uuid::encode_buffer();
        out.write_all(self.hyphenated().encode_lower(&mut text).as_bytes())?;
        Ok(IsNull::No)
    }
}

impl FromSql<Char36, Mysql> for Uuid {
    fn from_sql(value: MysqlValue<'_>) -> deserialize::Result<Self> {
        let text = std::str::from_utf8(value.as_bytes())?;
        Uuid::parse_str(text.trim_end()).map_err(|error| format!("{error}: {text:?}").into())
    }
}

/// `at` without its fraction of a second.
pub fn whole_seconds(at: NaiveDateTime) -> NaiveDateTime {
    at.with_nanosecond(0).unwrap_or(at)
}

impl ToSql<Datetime, Mysql> for NaiveDateTime {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Mysql>) -> serialize::Result {
        let whole = whole_seconds(*self);
        <NaiveDateTime as ToSql<DieselDatetime, Mysql>>::to_sql(&whole, &mut out.reborrow())
    }
}

impl FromSql<Datetime, Mysql> for NaiveDateTime {
    fn from_sql(value: MysqlValue<'_>) -> deserialize::Result<Self> {
        <NaiveDateTime as FromSql<DieselDatetime, Mysql>>::from_sql(value)
    }
}

impl ToSql<UtcDatetime, Mysql> for DateTime<Utc> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Mysql>) -> serialize::Result {
        let whole = whole_seconds(self.naive_utc());
        <NaiveDateTime as ToSql<DieselDatetime, Mysql>>::to_sql(&whole, &mut out.reborrow())
    }
}

impl FromSql<UtcDatetime, Mysql> for DateTime<Utc> {
    fn from_sql(value: MysqlValue<'_>) -> deserialize::Result<Self> {
        let naive = <NaiveDateTime as FromSql<DieselDatetime, Mysql>>::from_sql(value)?;
        Ok(naive.and_utc())
    }
}
