//! What the integration tests share: a throwaway database per test.
//!
//! Each [`TestDatabase`] is a new database with a unique name on the server
//! named by `DIFY_TEST_DATABASE_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`), dropped again when the
//! value is dropped, so tests run in parallel and leave nothing behind.
//! When that variable is not set and nothing lets this user in at the
//! default address (a fresh machine whose PostgreSQL is installed but not
//! running, or asks for a password), the test process starts a server of
//! its own from the local installation ([`throwaway`]) and stops it when
//! it exits: `cargo test --workspace` needs PostgreSQL installed, not
//! configured.

pub mod catalogue;
pub mod mysql;
pub mod mysql_reference;
pub mod throwaway;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};

const DEFAULT_SERVER: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// The server the tests use, as an URL to its maintenance database.
pub fn server_url() -> String {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(url) = std::env::var("DIFY_TEST_DATABASE_URL") {
            return url;
        }
        let refused = match PgConnection::establish(DEFAULT_SERVER) {
            Ok(_) => return DEFAULT_SERVER.to_owned(),
            Err(error) => error.to_string(),
        };
        let server = throwaway::ThrowawayPostgres::start().unwrap_or_else(|why| {
            panic!(
                "PostgreSQL does not let us in at {DEFAULT_SERVER} ({refused}), and no server \
                 of our own could be started: {why}\n\
                 Install PostgreSQL, or point DIFY_TEST_DATABASE_URL at a server where this \
                 user may CREATE DATABASE and CREATE ROLE."
            )
        });
        let url = server.url();
        eprintln!(
            "dify-tests: nothing lets us in at {DEFAULT_SERVER} ({}); the tests of this process run on a server of their own at {url}",
            refused.trim()
        );
        server
            .stop_when_process_exits()
            .unwrap_or_else(|why| panic!("{why}"));
        url
    })
    .clone()
}

/// A database that exists for the life of this value.
pub struct TestDatabase {
    name: String,
    url: String,
}

impl TestDatabase {
    /// Creates an empty database with a name no other test uses.
    pub fn new() -> TestDatabase {
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
        let mut admin = admin_connection();
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .unwrap_or_else(|error| panic!("cannot create test database {name}: {error}"));
        let url = database_url(&name);
        TestDatabase { name, url }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// A new connection to this database.
    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url)
            .unwrap_or_else(|error| panic!("cannot connect to {}: {error}", self.url))
    }
}

impl TestDatabase {
    /// A database as Dify's own Alembic migrations create it (head
    /// `c3d4e5f6a7b8`): `reference/dify_upstream_schema.sql`, the
    /// `pg_dump --schema-only` of one, restored.
    pub fn dify_created() -> TestDatabase {
        let db = TestDatabase::new();
        // The dump clears the session's search_path: a connection of its own.
        db.connect()
            .batch_execute(DIFY_UPSTREAM_SCHEMA)
            .unwrap_or_else(|error| panic!("cannot restore Dify's schema: {error}"));
        db
    }
}

/// The schema Dify's migrations build, as `pg_dump --schema-only` wrote it
/// (with the `alembic_version` row).
pub const DIFY_UPSTREAM_SCHEMA: &str = include_str!("../reference/dify_upstream_schema.sql");

/// Dify's Alembic revision that [`DIFY_UPSTREAM_SCHEMA`] is at.
pub const DIFY_REVISION: &str = "c3d4e5f6a7b8";

impl Default for TestDatabase {
    fn default() -> Self {
        TestDatabase::new()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // FORCE ends connections a failed test may have left open.
        if let Ok(mut admin) = PgConnection::establish(&server_url()) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut admin);
        }
    }
}

fn admin_connection() -> PgConnection {
    let url = server_url();
    PgConnection::establish(&url).unwrap_or_else(|error| {
        panic!(
            "cannot reach PostgreSQL at {url}: {error}\n\
             Start it (`.ci/run` does), or point DIFY_TEST_DATABASE_URL at a server where this user may CREATE DATABASE."
        )
    })
}

/// A login role that is neither superuser nor owner of the tables: what the
/// Rust service connects as, granted `dify_service` (which the migrations
/// create and give the table privileges), so that row-level security
/// applies to it. Dropped (with its privileges) when the value is dropped.
pub struct TestRole {
    name: String,
    database: String,
}

impl TestRole {
    /// Creates the service role of `db` (whose migrations made
    /// `dify_service`).
    pub fn create(db: &TestDatabase) -> TestRole {
        TestRole::create_as(db, "app", "dify_service")
    }

    /// Creates a login role of `db` named after `suffix`, granted `group`
    /// (`dify_service`, or `dify_trusted` for a role standing in for Dify's
    /// Python services).
    pub fn create_as(db: &TestDatabase, suffix: &str, group: &str) -> TestRole {
        let name = format!("{}_{suffix}", db.name());
        let mut admin = admin_connection();
        diesel::sql_query(format!(
            "CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE {group}"
        ))
        .execute(&mut admin)
        .unwrap_or_else(|error| panic!("cannot create role {name}: {error}"));
        TestRole {
            name,
            database: db.name().to_owned(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The URL of the test database, logged in as this role.
    pub fn url(&self) -> String {
        with_user(&database_url(&self.database), &self.name)
    }

    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url())
            .unwrap_or_else(|error| panic!("cannot connect as {}: {error}", self.name))
    }
}

impl Drop for TestRole {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&database_url(&self.database)) {
            let _ = diesel::sql_query(format!("DROP OWNED BY {}", self.name)).execute(&mut conn);
        }
        if let Ok(mut admin) = PgConnection::establish(&server_url()) {
            let _ =
                diesel::sql_query(format!("DROP ROLE IF EXISTS {}", self.name)).execute(&mut admin);
        }
    }
}

/// `url` with its user replaced by `user` (and no password).
fn with_user(url: &str, user: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let rest = &url[scheme_end..];
    let host = rest.find('@').map_or(rest, |at| &rest[at + 1..]);
    format!("{}{user}@{host}", &url[..scheme_end])
}

/// The URL of database `name` on the test server.
pub fn database_url(name: &str) -> String {
    let url = server_url();
    match url.rfind('/') {
        Some(slash) if url[..slash].contains("://") && slash > url.find("://").unwrap() + 2 => {
            let query = url[slash..]
                .find('?')
                .map(|q| &url[slash + q..])
                .unwrap_or("");
            format!("{}/{name}{query}", &url[..slash])
        }
        _ => format!("{url}/{name}"),
    }
}
