//! Integration tests against a real PostgreSQL server, one binary for all
//! (one link, one build). Each test creates its own database.

mod catalogue;
mod ddl;
mod fixtures;
mod isolation;
mod panic;
mod rls;
mod round_trip;
mod scoped_sql;
