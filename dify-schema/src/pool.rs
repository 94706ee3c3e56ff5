//! Connection pooling with r2d2, set up as Dify's SQLAlchemy engine is
//! (`SQLALCHEMY_POOL_SIZE` 10 + `SQLALCHEMY_MAX_OVERFLOW` 20,
//! `pool_pre_ping`, `pool_recycle` 3600 s), without the ping on every
//! checkout.
//!
//! A ping per checkout is one extra round trip per request: it roughly
//! halves point-read throughput (PERF-NOTES). Instead a connection is tested
//! only when it sat idle longer than [`PoolOptions::test_after_idle`], the
//! case in which a server restart or an idle-connection reaper may have
//! killed it; a connection used a moment ago is handed out as is. A
//! connection that fails its test is dropped and r2d2 takes (or opens)
//! another, so a dead connection is never handed out. Connections that a
//! query found broken are not returned to the pool.
//!
//! A dead connection that slips through (the server restarted less than
//! `test_after_idle` ago) costs no request either: a scope that finds its
//! connection dead at `BEGIN`, before anything was sent, replaces it in
//! place and begins again (see [`ScopeConnection::revive`]).
//!
//! A closure inside a scope on a pooled connection may not check out a
//! second connection of the same pool: with every connection held by such
//! closures, each would wait for another for the whole connection timeout.
//! [`Pool::get`] refuses it at once with [`Error::PoolReentered`].

use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::{Connection, PgConnection};

use crate::dialect::{Dialect, MySql, Postgres};
use crate::error::{Error, Result};

/// How the pool behaves; the defaults are Dify's.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    /// Connections kept open while idle (Dify's pool size).
    pub min_idle: u32,
    /// The most connections open at once (pool size + overflow).
    pub max_size: u32,
    /// How long `get` waits for a free connection before failing.
    pub connection_timeout: Duration,
    /// Connections older than this are closed and replaced (`pool_recycle`).
    pub max_lifetime: Duration,
    /// Connections above `min_idle` idle longer than this are closed.
    pub idle_timeout: Duration,
    /// A connection idle longer than this is tested before it is handed out.
    pub test_after_idle: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            min_idle: 10,
            max_size: 30,
            connection_timeout: Duration::from_secs(30),
            max_lifetime: Duration::from_secs(3600),
            idle_timeout: Duration::from_secs(600),
            test_after_idle: Duration::from_secs(30),
        }
    }
}

/// A pool of PostgreSQL connections.
#[derive(Clone)]
pub struct Pool {
    inner: r2d2::Pool<Manager>,
    id: u64,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("id", &self.id)
            .field("state", &self.inner.state())
            .finish()
    }
}

impl Pool {
    /// Checks a connection out, or fails with [`Error::Pool`] (pool
    /// exhausted or server unreachable for the whole connection timeout),
    /// or at once with [`Error::PoolReentered`] inside a scope that runs
    /// on a connection of this pool.
    pub fn get(&self) -> Result<PooledConnection> {
        if SCOPES.with(|scopes| scopes.borrow().contains(&self.id)) {
            return Err(Error::PoolReentered);
        }
        self.inner
            .get()
            .map_err(|error| Error::Pool(error.to_string()))
    }

    /// How many connections are open and how many of them idle.
    pub fn state(&self) -> r2d2::State {
        self.inner.state()
    }
}

thread_local! {
    /// The pools whose connections run a scope on this thread right now.
    static SCOPES: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Marks a scope on a connection of pool `id` as running on this thread
/// until the guard drops (panics included).
pub(crate) fn scope_running(id: Option<u64>) -> ScopeRunning {
    if let Some(id) = id {
        SCOPES.with(|scopes| scopes.borrow_mut().push(id));
    }
    ScopeRunning { id }
}

pub(crate) struct ScopeRunning {
    id: Option<u64>,
}

impl Drop for ScopeRunning {
    fn drop(&mut self) {
        if let Some(id) = self.id {
            SCOPES.with(|scopes| {
                let mut scopes = scopes.borrow_mut();
                if let Some(at) = scopes.iter().rposition(|running| *running == id) {
                    scopes.remove(at);
                }
            });
        }
    }
}

static NEXT_POOL: AtomicU64 = AtomicU64::new(1);

/// A connection checked out of the pool; derefs to `PgConnection`.
pub type PooledConnection = r2d2::PooledConnection<Manager>;

/// Opens a pool. Fails with [`Error::Pool`] when the server cannot be
/// reached within the connection timeout.
pub fn open(url: &str, options: PoolOptions) -> Result<Pool> {
    let id = NEXT_POOL.fetch_add(1, Ordering::Relaxed);
    let manager = Manager {
        origin: Arc::new(Origin {
            url: url.to_owned(),
            pool: id,
        }),
        test_after_idle: options.test_after_idle,
        max_lifetime: options.max_lifetime,
    };
    let inner = r2d2::Pool::builder()
        .min_idle(Some(options.min_idle.min(options.max_size)))
        .max_size(options.max_size)
        .connection_timeout(options.connection_timeout)
        .max_lifetime(Some(options.max_lifetime))
        .idle_timeout(Some(options.idle_timeout))
        // Our `is_valid` is free unless the connection sat idle.
        .test_on_check_out(true)
        .build(manager)
        .map_err(|error| Error::Pool(error.to_string()))?;
    Ok(Pool { inner, id })
}

/// Checks a connection out (see [`Pool::get`]).
pub fn get(pool: &Pool) -> Result<PooledConnection> {
    pool.get()
}

/// Where a pool's connections come from: enough for a connection to
/// replace itself.
#[derive(Debug)]
struct Origin {
    url: String,
    pool: u64,
}

/// A `PgConnection` that remembers when it was last used, and whether it
/// was used raw (outside a scope) since it was last reset.
pub struct Tracked {
    conn: PgConnection,
    origin: Arc<Origin>,
    born: Instant,
    last_used: Instant,
    used_raw: bool,
}

impl Deref for Tracked {
    type Target = PgConnection;
    fn deref(&self) -> &PgConnection {
        &self.conn
    }
}

impl DerefMut for Tracked {
    /// The raw connection: whatever it runs may leave state in the session
    /// (prepared statements, an open transaction, cursors, settings), so
    /// the pool closes the connection when it comes back instead of
    /// handing it to the next user.
    fn deref_mut(&mut self) -> &mut PgConnection {
        self.used_raw = true;
        &mut self.conn
    }
}

impl Tracked {
    /// The server process serving this connection (`pg_backend_pid()`),
    /// for logs: it runs one fixed statement, so it does not count as raw
    /// use.
    pub fn backend_pid(&mut self) -> Result<i32> {
        use diesel::RunQueryDsl;
        Ok(
            diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>(
                "pg_backend_pid()",
            ))
            .get_result(&mut self.conn)?,
        )
    }
}

/// A connection a scope can run on: a `PgConnection`, one from this
/// crate's pool (which then goes back to the pool: a scope leaves no
/// session state), or a [`crate::mysql::MysqlConnection`].
pub trait ScopeConnection {
    /// The dialect the scope speaks on it.
    #[doc(hidden)]
    type Dialect: Dialect;

    #[doc(hidden)]
    fn scope_connection(&mut self) -> &mut <Self::Dialect as Dialect>::Conn;

    /// Replaces a connection found dead before anything was sent on it:
    /// `None` when this kind of connection cannot (a bare `PgConnection`
    /// does not know where it came from).
    #[doc(hidden)]
    fn revive(&mut self) -> Option<std::result::Result<(), String>> {
        None
    }

    /// The pool the connection belongs to, if any.
    #[doc(hidden)]
    fn pool_id(&self) -> Option<u64> {
        None
    }
}

impl ScopeConnection for PgConnection {
    type Dialect = Postgres;

    fn scope_connection(&mut self) -> &mut PgConnection {
        self
    }
}

impl ScopeConnection for crate::mysql::MysqlConnection {
    type Dialect = MySql;

    fn scope_connection(&mut self) -> &mut crate::mysql::MysqlConnection {
        self
    }
}

impl ScopeConnection for crate::mysql::PooledMysqlConnection {
    type Dialect = MySql;

    fn scope_connection(&mut self) -> &mut crate::mysql::MysqlConnection {
        self
    }
}

impl ScopeConnection for Tracked {
    type Dialect = Postgres;

    fn scope_connection(&mut self) -> &mut PgConnection {
        &mut self.conn
    }

    fn revive(&mut self) -> Option<std::result::Result<(), String>> {
        Some(match PgConnection::establish(&self.origin.url) {
            Ok(conn) => {
                let now = Instant::now();
                self.conn = conn;
                self.born = now;
                self.last_used = now;
                self.used_raw = false;
                Ok(())
            }
            Err(error) => Err(error.to_string()),
        })
    }

    fn pool_id(&self) -> Option<u64> {
        Some(self.origin.pool)
    }
}

impl ScopeConnection for PooledConnection {
    type Dialect = Postgres;

    fn scope_connection(&mut self) -> &mut PgConnection {
        let tracked: &mut Tracked = self;
        &mut tracked.conn
    }

    fn revive(&mut self) -> Option<std::result::Result<(), String>> {
        let tracked: &mut Tracked = self;
        tracked.revive()
    }

    fn pool_id(&self) -> Option<u64> {
        let tracked: &Tracked = self;
        tracked.pool_id()
    }
}

/// The r2d2 manager that tests only idle connections.
#[derive(Debug)]
pub struct Manager {
    origin: Arc<Origin>,
    test_after_idle: Duration,
    max_lifetime: Duration,
}

impl ManageConnection for Manager {
    type Connection = Tracked;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> std::result::Result<Tracked, Self::Error> {
        let conn = PgConnection::establish(&self.origin.url)
            .map_err(diesel::r2d2::Error::ConnectionError)?;
        let now = Instant::now();
        Ok(Tracked {
            conn,
            origin: Arc::clone(&self.origin),
            born: now,
            last_used: now,
            used_raw: false,
        })
    }

    fn is_valid(&self, conn: &mut Tracked) -> std::result::Result<(), Self::Error> {
        // r2d2 enforces the lifetime only every 30 s; a connection past it
        // is refused here, so the recycle time holds at checkout.
        if conn.born.elapsed() >= self.max_lifetime {
            return Err(diesel::r2d2::Error::QueryError(
                diesel::result::Error::BrokenTransactionManager,
            ));
        }
        if conn.last_used.elapsed() >= self.test_after_idle {
            conn.conn
                .batch_execute("SELECT 1")
                .map_err(diesel::r2d2::Error::QueryError)?;
        }
        conn.last_used = Instant::now();
        Ok(())
    }

    fn has_broken(&self, conn: &mut Tracked) -> bool {
        // Called when a connection comes back: a good moment to note its
        // last use, and to drop one whose transaction manager is broken (a
        // failed rollback) or that is still inside a transaction.
        conn.last_used = Instant::now();
        use diesel::connection::{AnsiTransactionManager, TransactionManager};
        let status = AnsiTransactionManager::transaction_manager_status_mut(&mut conn.conn);
        if !matches!(status.transaction_depth(), Ok(None)) {
            return true;
        }
        // A connection used raw may carry anything a session can hold
        // that no reset undoes without breaking Diesel: its prepared
        // statements (which Diesel runs by name, so a `DEALLOCATE` +
        // `PREPARE` would rewrite the next user's queries), a transaction
        // left open, cursors `WITH HOLD`, `LISTEN`, session advisory locks.
        // It is closed rather than handed to the next user.
        conn.used_raw
    }
}
