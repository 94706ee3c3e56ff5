//! The values a filter binds, one enum for single values and one for
//! lists: a leaf, so that what renders them per backend
//! ([`super::backend`]) and what builds them ([`super::filter`]) both
//! depend on it and not on each other.

use bigdecimal::BigDecimal;
use chrono::NaiveDateTime;
use uuid::Uuid;

/// A bound value.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Uuid(Uuid),
    Text(String),
    Integer(i32),
    BigInt(i64),
    Float(f64),
    Bool(bool),
    Timestamp(NaiveDateTime),
    Timestamptz(crate::types::UtcDateTime),
    Numeric(BigDecimal),
}

/// A list of values, for `= ANY($1)` (PostgreSQL: one array parameter
/// whatever its length, so the statement keeps one shape) or `IN (?, ...)`
/// (MySQL).
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum ValueList {
    Uuid(Vec<Uuid>),
    Text(Vec<String>),
    Integer(Vec<i32>),
    BigInt(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
    Timestamp(Vec<NaiveDateTime>),
    Timestamptz(Vec<crate::types::UtcDateTime>),
    Numeric(Vec<BigDecimal>),
}
