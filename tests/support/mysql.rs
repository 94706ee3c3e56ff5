//! A throwaway MariaDB/MySQL database per test, as [`crate::TestDatabase`]
//! is for PostgreSQL.
//!
//! The server is `DIFY_TEST_MYSQL_URL` (default
//! `mysql://root@127.0.0.1:3306/mysql`). A machine without MariaDB (the
//! README's fresh machine has only Rust and PostgreSQL) skips the MySQL
//! tests with a message naming what is missing, unless
//! `DIFY_REQUIRE_MYSQL=1` (which `.ci/run` sets) makes that a failure.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use diesel::RunQueryDsl;
use dify_schema::mysql::{connect, MysqlConnection};

const DEFAULT_SERVER: &str = "mysql://root@127.0.0.1:3306/mysql";

/// The MySQL server the tests use, or why there is none.
pub fn server_url() -> Result<String, String> {
    static URL: OnceLock<Result<String, String>> = OnceLock::new();
    URL.get_or_init(|| {
        let url = std::env::var("DIFY_TEST_MYSQL_URL").unwrap_or_else(|_| DEFAULT_SERVER.into());
        match connect(&url) {
            Ok(_) => Ok(url),
            Err(error) => Err(format!(
                "MariaDB/MySQL does not let us in at {url} ({error}); install and start \
                 MariaDB (`.ci/run` starts it when it is installed), or point \
                 DIFY_TEST_MYSQL_URL at a server where this user may CREATE DATABASE"
            )),
        }
    })
    .clone()
}

/// A database on the MySQL server that exists for the life of this value.
pub struct MysqlTestDatabase {
    name: String,
    url: String,
    server: String,
}

impl MysqlTestDatabase {
    /// An empty utf8mb4 database, or `None` (after saying why on stderr)
    /// when there is no MySQL server and `DIFY_REQUIRE_MYSQL` is not set.
    pub fn new() -> Option<MysqlTestDatabase> {
        let server = match server_url() {
            Ok(server) => server,
            Err(why) if std::env::var_os("DIFY_REQUIRE_MYSQL").is_some() => panic!("{why}"),
            Err(why) => {
                eprintln!("skipped: {why}");
                return None;
            }
        };
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "dify_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(0)
        );
        let mut admin = connect(&server).unwrap_or_else(|error| panic!("{error}"));
        diesel::sql_query(format!(
            "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
        ))
        .execute(&mut admin)
        .unwrap_or_else(|error| panic!("cannot create MySQL test database {name}: {error}"));
        let url = match server.rfind('/') {
            Some(slash) if slash > server.find("://").map_or(0, |i| i + 2) => {
                format!("{}/{name}", &server[..slash])
            }
            _ => format!("{server}/{name}"),
        };
        Some(MysqlTestDatabase { name, url, server })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// A new connection to this database.
    pub fn connect(&self) -> MysqlConnection {
        connect(&self.url).unwrap_or_else(|error| panic!("cannot connect to {}: {error}", self.url))
    }
}

impl Drop for MysqlTestDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = connect(&self.server) {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS `{}`", self.name))
                .execute(&mut admin);
        }
    }
}

impl MysqlTestDatabase {
    /// A database Dify's migrations created on MySQL: the schema dump of
    /// `tests/reference/dify_upstream_mysql_schema.sql` (a `mariadb-dump
    /// --no-data` of the database they build, plus its `alembic_version`
    /// row) restored into a new database.
    pub fn dify_created() -> Option<MysqlTestDatabase> {
        use diesel::connection::SimpleConnection;
        let db = MysqlTestDatabase::new()?;
        let dump = std::fs::read_to_string(crate::mysql_reference::reference_path(
            "dify_upstream_mysql_schema.sql",
        ))
        .expect("the MySQL dump is in tests/reference");
        let mut conn = db.connect();
        for statement in dify_schema::migrate::sql::split_statements(&dump) {
            conn.batch_execute(&statement).unwrap_or_else(|error| {
                panic!("restoring Dify's MySQL dump: {error}\n{statement}")
            });
        }
        Some(db)
    }
}
