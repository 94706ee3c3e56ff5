//! DDL renderers, one module per backend. A backend reads the same IR
//! ([`crate::schema`]) with its own type mapping; what the mapping cannot
//! decide per type, the declaration says (the IR's MySQL options).

pub mod diesel;
pub mod mysql;
pub mod postgres;
