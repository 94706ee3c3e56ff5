//! The SQL dialects a scope, the system escape hatch and the generated
//! queries run on: PostgreSQL (Dify's first backend, with row-level
//! security) and MySQL/MariaDB (`DB_TYPE=mysql`, where the typed API is
//! the whole wall). The types that run queries (`Scope`, `SystemAccess`,
//! `Persist`, `ScopedAccess`) take a dialect parameter that defaults to
//! [`Postgres`], and pick it up from the connection they are given, so
//! PostgreSQL code never names it.

use diesel::backend::Backend;
use diesel::connection::LoadConnection;
use diesel::Connection;

/// A backend and the connection type the generated queries run on.
pub trait Dialect: Sized + 'static {
    /// Diesel's backend.
    type Backend: Backend;
    /// The connection.
    type Conn: Connection<Backend = Self::Backend>
        + LoadConnection
        + DialectConnection<Dialect = Self>
        + 'static;
    /// For messages: `PostgreSQL`, `MySQL`.
    const NAME: &'static str;
}

/// A connection, and the dialect it speaks: how `with_tenant(&mut conn,
/// ..)` and `bypass_tenant_isolation(&mut conn, ..)` know which queries to
/// run.
pub trait DialectConnection: Connection + Sized {
    type Dialect: Dialect<Conn = Self>;
}

/// PostgreSQL (15 and later).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Postgres;

/// MySQL 8 or MariaDB 10.11, as Dify's MySQL migrations build it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MySql;

impl Dialect for Postgres {
    type Backend = diesel::pg::Pg;
    type Conn = diesel::PgConnection;
    const NAME: &'static str = "PostgreSQL";
}

impl DialectConnection for diesel::PgConnection {
    type Dialect = Postgres;
}

impl Dialect for MySql {
    type Backend = diesel::mysql::Mysql;
    type Conn = crate::mysql::MysqlConnection;
    const NAME: &'static str = "MySQL";
}

impl DialectConnection for crate::mysql::MysqlConnection {
    type Dialect = MySql;
}
