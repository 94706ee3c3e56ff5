//! The async pool: bb8 over diesel-async's `AsyncPgConnection`, with the
//! sync pool's options and rules (see [`crate::pool`]): Dify's sizes, a
//! test only for a connection that sat idle longer than
//! `test_after_idle` (a ping on every checkout would be one more round
//! trip per request), recycling after `max_lifetime`, and no connection
//! back into the pool that a scope left in an unknown state.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};

use crate::error::{Error, Result};
use crate::pool::PoolOptions;

/// A pool of async PostgreSQL connections; cheap to clone (the clones
/// share the connections).
#[derive(Clone)]
pub struct AsyncPool {
    pub(super) inner: bb8::Pool<Manager>,
    pub(super) id: u64,
}

impl std::fmt::Debug for AsyncPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncPool")
            .field("id", &self.id)
            .field("state", &self.state())
            .finish()
    }
}

/// How many connections a pool has open, and how many of them are idle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolState {
    pub connections: u32,
    pub idle: u32,
}

static NEXT_POOL: AtomicU64 = AtomicU64::new(1);

tokio::task_local! {
    /// The async pools whose connections run a scope in this task.
    static SCOPES: Vec<u64>;
}

impl AsyncPool {
    /// Opens a pool and its first connection (the rest up to `min_idle`
    /// open in the background). Fails with [`Error::Pool`] when the server
    /// cannot be reached within the connection timeout.
    pub async fn open(url: &str, options: PoolOptions) -> Result<AsyncPool> {
        let manager = Manager {
            url: url.to_owned(),
            test_after_idle: options.test_after_idle,
        };
        let inner = bb8::Pool::builder()
            .min_idle(Some(options.min_idle.min(options.max_size)))
            .max_size(options.max_size)
            .connection_timeout(options.connection_timeout)
            .max_lifetime(Some(options.max_lifetime))
            .idle_timeout(Some(options.idle_timeout))
            // `is_valid` is free unless the connection sat idle.
            .test_on_check_out(true)
            .build(manager)
            .await
            .map_err(|error| Error::Pool(error.to_string()))?;
        Ok(AsyncPool {
            inner,
            id: NEXT_POOL.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// How many connections are open and how many of them idle.
    pub fn state(&self) -> PoolState {
        let state = self.inner.state();
        PoolState {
            connections: state.connections,
            idle: state.idle_connections,
        }
    }

    /// Checks a connection out for a scope. Refused at once with
    /// [`Error::PoolReentered`] inside a scope of this pool in the same
    /// task: with every connection held by such scopes, each would wait
    /// for another for the whole connection timeout.
    pub(super) async fn checkout(&self) -> Result<bb8::PooledConnection<'static, Manager>> {
        if self.reentered() {
            return Err(Error::PoolReentered);
        }
        self.inner.get_owned().await.map_err(|error| match error {
            bb8::RunError::User(error) => Error::Unavailable(error),
            bb8::RunError::TimedOut => Error::Pool(
                "timed out waiting for a connection (every connection is in use, or the server is unreachable)"
                    .into(),
            ),
        })
    }

    fn reentered(&self) -> bool {
        SCOPES
            .try_with(|scopes| scopes.contains(&self.id))
            .unwrap_or(false)
    }

    /// Runs `future` marked as a scope of this pool in the current task.
    pub(super) async fn marked<F: std::future::Future>(&self, future: F) -> F::Output {
        let mut scopes = SCOPES.try_with(Clone::clone).unwrap_or_default();
        scopes.push(self.id);
        SCOPES.scope(scopes, future).await
    }
}

/// Opens and checks the pool's connections.
#[doc(hidden)]
pub struct Manager {
    url: String,
    test_after_idle: Duration,
}

/// A pooled connection and what the pool must know of it.
#[doc(hidden)]
pub struct Tracked {
    pub(super) conn: AsyncPgConnection,
    last_used: Instant,
    /// A scope is running on it, or ended without finishing its
    /// transaction (its future was dropped: a client went away, a timeout
    /// fired; or it panicked): it must not go back to the pool, where the
    /// next user would find the transaction open. Closing it rolls the
    /// transaction back.
    pub(super) busy: bool,
    /// A statement found the connection broken.
    pub(super) broken: bool,
}

impl Tracked {
    /// The scope ended and its transaction with it.
    pub(super) fn released(&mut self) {
        self.busy = false;
        self.last_used = Instant::now();
    }
}

impl bb8::ManageConnection for Manager {
    type Connection = Tracked;
    type Error = String;

    async fn connect(&self) -> std::result::Result<Tracked, String> {
        let conn = AsyncPgConnection::establish(&self.url)
            .await
            .map_err(|error| error.to_string())?;
        Ok(Tracked {
            conn,
            last_used: Instant::now(),
            busy: false,
            broken: false,
        })
    }

    async fn is_valid(&self, conn: &mut Tracked) -> std::result::Result<(), String> {
        if conn.last_used.elapsed() < self.test_after_idle {
            return Ok(());
        }
        conn.conn
            .batch_execute("SELECT 1")
            .await
            .map_err(|error| error.to_string())?;
        conn.last_used = Instant::now();
        Ok(())
    }

    fn has_broken(&self, conn: &mut Tracked) -> bool {
        conn.busy || conn.broken
    }
}
