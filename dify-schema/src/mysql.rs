//! MySQL and MariaDB, Dify's second backend (`DB_TYPE=mysql`).
//!
//! The connection is Diesel's MySQL backend over a pure-Rust client
//! (`mysql_async`, through diesel-async's sync wrapper), so building and
//! testing need no `libmysqlclient`. It is a plain
//! `diesel::Connection<Backend = diesel::mysql::Mysql>`: `sql_query`,
//! `batch_execute` and transactions work as on Diesel's own
//! `MysqlConnection`.
//!
//! MySQL has no row-level security: on MySQL the typed API of the scopes is
//! the whole wall between workspaces (see the README).

mod types;

use diesel::Connection;

use crate::error::{Error, Result};

pub use types::{whole_seconds, Char36, Datetime, UtcDatetime};

/// A connection to MySQL or MariaDB.
pub type MysqlConnection = diesel_async::async_connection_wrapper::AsyncConnectionWrapper<
    diesel_async::AsyncMysqlConnection,
>;

/// Opens a connection to a `mysql://user:password@host:port/database` URL.
pub fn connect(url: &str) -> Result<MysqlConnection> {
    MysqlConnection::establish(url).map_err(|error| Error::Unavailable(error.to_string()))
}

/// Whether a database URL names MySQL or MariaDB (`mysql://`, as Diesel
/// CLI reads it) rather than PostgreSQL.
pub fn is_mysql_url(url: &str) -> bool {
    url.split("://")
        .next()
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mysql"))
}

/// Whether an error says the connection to MySQL is gone. The pure-Rust
/// client reports a broken connection as an I/O or driver error, which
/// Diesel's MySQL error mapping leaves with kind `Unknown`; its text is
/// all there is to go by.
pub fn is_connection_error(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error as Diesel};
    match error {
        Diesel::DatabaseError(DatabaseErrorKind::ClosedConnection, _)
        | Diesel::BrokenTransactionManager => true,
        Diesel::DatabaseError(DatabaseErrorKind::Unknown, info) => {
            let message = info.message();
            [
                "Input/output error",
                "Driver error",
                "Connection",
                "connection",
            ]
            .iter()
            .any(|sign| message.starts_with(sign))
        }
        _ => false,
    }
}

/// A pool of MySQL connections (r2d2, as Diesel's), each checked with a
/// ping when it is taken out.
pub type MysqlPool = diesel::r2d2::Pool<diesel::r2d2::ConnectionManager<MysqlConnection>>;

/// A connection of a [`MysqlPool`]; a scope runs on it as on a bare one.
pub type PooledMysqlConnection =
    diesel::r2d2::PooledConnection<diesel::r2d2::ConnectionManager<MysqlConnection>>;

/// Opens a pool of up to `max_size` connections to `url`.
pub fn pool(url: &str, max_size: u32) -> Result<MysqlPool> {
    diesel::r2d2::Pool::builder()
        .max_size(max_size)
        .test_on_check_out(true)
        .build(diesel::r2d2::ConnectionManager::new(url))
        .map_err(|error| Error::Pool(error.to_string()))
}
