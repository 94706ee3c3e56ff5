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
            // mysql_async's I/O and driver errors (a closed socket, a
            // killed connection); no PostgreSQL message starts so.
            ["Input/output error", "Driver error"]
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

/// What [`start_up_check`] found: the server, and what isolation rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartUp {
    /// `SELECT VERSION()`, e.g. `10.11.19-MariaDB-0+deb12u1` or `8.0.40`.
    pub server_version: String,
    /// The session's `sql_mode`.
    pub sql_mode: String,
}

impl StartUp {
    /// Always false: MySQL and MariaDB have no row-level security.
    pub fn row_level_security(&self) -> bool {
        false
    }

    /// What a service should log at start-up on MySQL.
    pub fn notice(&self) -> String {
        format!(
            "MySQL {}: there is no row-level security on MySQL; tenant isolation rests on the \
             typed API alone (every scoped query carries the tenant predicate), and raw SQL on \
             this connection can read and write every workspace",
            self.server_version
        )
    }
}

#[derive(diesel::QueryableByName)]
struct ServerSettings {
    #[diesel(sql_type = diesel::sql_types::Text)]
    version: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    sql_mode: String,
}

/// The start-up check of a MySQL database, the counterpart of
/// [`crate::rls::verify`]: there is no security to verify, and this says
/// so ([`StartUp::notice`]). It refuses a session whose `sql_mode` is not
/// strict, where MySQL would silently cut an over-long value or store a
/// bad one instead of refusing the write (Dify's servers run strict, as
/// MySQL 8 and MariaDB do by default).
pub fn start_up_check(conn: &mut MysqlConnection) -> Result<StartUp> {
    use diesel::RunQueryDsl;
    let settings: ServerSettings = diesel::sql_query(
        "SELECT CAST(VERSION() AS CHAR) AS version, CAST(@@SESSION.sql_mode AS CHAR) AS sql_mode",
    )
    .get_result(conn)?;
    let strict = settings
        .sql_mode
        .split(',')
        .any(|mode| mode == "STRICT_TRANS_TABLES" || mode == "STRICT_ALL_TABLES");
    if !strict {
        return Err(Error::ServerSettings(format!(
            "the MySQL session's sql_mode ({:?}) is not strict: MySQL would store over-long or \
             invalid values silently; set STRICT_TRANS_TABLES",
            settings.sql_mode
        )));
    }
    Ok(StartUp {
        server_version: settings.version,
        sql_mode: settings.sql_mode,
    })
}
