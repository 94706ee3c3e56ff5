//! DDL renderers, one module per backend. A backend reads the same IR
//! ([`crate::schema`]); adding MySQL is a new module with its own type
//! mapping, not a change to the IR.

pub mod diesel;
pub mod postgres;
