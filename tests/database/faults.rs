//! Writers through the pool while the server fails under them, on a
//! PostgreSQL server of the test's own (never the shared one): every
//! backend terminated, a clean restart, a crash (`-m immediate`) with
//! recovery. Each write is a scope that inserts an app and a conversation
//! of it, with ids chosen by the client, so its fate can be checked:
//!
//! * a write that reported success is there, both rows;
//! * a write that reported an error other than
//!   [`Error::CommitOutcomeUnknown`] is not there, neither row;
//! * a write whose commit outcome is unknown is there whole or not at all;
//! * after the faults the same pool serves every writer at its first try,
//!   without restarting the process (a scope that finds its pooled
//!   connection dead at `BEGIN` replaces it).
//!
//! `DIFY_FAULT_ROUNDS` (default 1) repeats the three faults for longer
//! runs; the figures are printed (`-- --nocapture`).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use dify_models::app::{App, NewApp};
use dify_models::conversation::{Conversation, NewConversation};
use dify_schema::error::Retry;
use dify_schema::pool::{self, Pool, PoolOptions};
use dify_schema::scope::Editing;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};
use dify_tests::throwaway::ThrowawayPostgres;

use crate::fixtures::{new_app, new_conversation, two_workspaces, Workspace};

const WRITERS: usize = 3;

/// What one write reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reported {
    Committed,
    /// Nothing of it was committed, by the error's own account.
    Failed,
    /// The commit's outcome is unknown.
    Unknown,
}

struct Write {
    app: Uuid,
    conversation: Uuid,
    reported: Reported,
}

/// The error kinds seen, for the figures.
fn kind(error: &Error) -> String {
    match error {
        Error::Unavailable(_) => "unavailable (before BEGIN)".into(),
        Error::ConnectionLost(_) => "connection lost (during the scope)".into(),
        Error::CommitOutcomeUnknown(_) => "commit outcome unknown".into(),
        Error::Pool(_) => "no connection from the pool".into(),
        Error::RolledBack { .. } => "rolled back".into(),
        Error::Database(inner) => format!("database: {inner}").chars().take(60).collect(),
        other => format!("{other}").chars().take(60).collect(),
    }
}

/// One write: an app and a conversation of it, in one scope.
fn write(pool: &Pool, workspace: &Workspace, n: usize) -> (Write, Option<Error>) {
    let app = Uuid::new_v4();
    let conversation = Uuid::new_v4();
    let result = pool.get().and_then(|mut conn| {
        with_tenant(
            &mut conn,
            workspace.tenant,
            workspace.owner,
            |scope| -> Result<(), Error> {
                let scope = scope.require::<Editing>()?;
                let row = scope.insert::<App>(NewApp {
                    id: Some(app),
                    ..new_app(&format!("fault write {n}"))
                })?;
                scope.insert::<Conversation>(NewConversation {
                    id: Some(conversation),
                    ..new_conversation(row.id(), "fault write")
                })?;
                Ok(())
            },
        )
    });
    let (reported, error) = match result {
        Ok(()) => (Reported::Committed, None),
        Err(error) => {
            let reported = match error.retry() {
                Retry::CheckFirst => Reported::Unknown,
                Retry::Safe | Retry::Pointless => Reported::Failed,
            };
            (reported, Some(error))
        }
    };
    (
        Write {
            app,
            conversation,
            reported,
        },
        error,
    )
}

/// Ends every other backend of the database.
fn terminate_backends(server: &ThrowawayPostgres, database: &str) -> Result<(), String> {
    let mut admin = PgConnection::establish(&server.url()).map_err(|e| e.to_string())?;
    admin
        .batch_execute(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        ))
        .map_err(|e| e.to_string())
}

#[test]
fn writes_through_the_pool_survive_restarts_crashes_and_terminated_backends() {
    let rounds: usize = std::env::var("DIFY_FAULT_ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(1);
    // fsync off: a crash here kills the server's processes, not the
    // machine, so what a commit wrote is in the page cache either way.
    let server = ThrowawayPostgres::start_with(&["fsync=off", "max_connections=50"])
        .unwrap_or_else(|why| panic!("the fault suite needs a server of its own: {why}"));
    let database = "faults";
    let mut admin = PgConnection::establish(&server.url()).unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {database}"))
        .unwrap();
    let url = server.database_url(database);
    let mut setup = PgConnection::establish(&url).unwrap();
    setup
        .batch_execute(&dify_schema::render::postgres::create_schema(
            &dify_models::SCHEMA,
        ))
        .unwrap();
    let (a, b) = two_workspaces(&mut setup);
    drop(setup);

    let pool = pool::open(
        &url,
        PoolOptions {
            min_idle: WRITERS as u32,
            max_size: WRITERS as u32 + 2,
            connection_timeout: Duration::from_secs(2),
            ..PoolOptions::default()
        },
    )
    .unwrap();

    let done = Arc::new(AtomicBool::new(false));
    let writes = Arc::new(Mutex::new(Vec::<Write>::new()));
    let errors = Arc::new(Mutex::new(BTreeMap::<String, usize>::new()));
    let started = Instant::now();
    let writers: Vec<_> = (0..WRITERS)
        .map(|thread| {
            let (pool, done, writes, errors) = (
                pool.clone(),
                Arc::clone(&done),
                Arc::clone(&writes),
                Arc::clone(&errors),
            );
            let workspace = if thread % 2 == 0 { a } else { b };
            std::thread::spawn(move || {
                let mut n = 0;
                while !done.load(Ordering::Relaxed) {
                    let (write, error) = write(&pool, &workspace, thread * 1_000_000 + n);
                    if let Some(error) = error {
                        *errors.lock().unwrap().entry(kind(&error)).or_default() += 1;
                        // A server that is down answers at once; do not spin.
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    writes.lock().unwrap().push(write);
                    n += 1;
                }
            })
        })
        .collect();

    let mut faults = 0;
    let pause = || std::thread::sleep(Duration::from_millis(700));
    for _ in 0..rounds {
        pause();
        terminate_backends(&server, database).unwrap();
        pause();
        server.restart().unwrap();
        pause();
        server.crash_and_recover().unwrap();
        pause();
        faults += 3;
    }
    done.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.join().expect("a writer panicked");
    }
    let elapsed = started.elapsed();

    // The pool serves again: every writer's next write commits at once,
    // although each pooled connection died in the crash.
    let mut served = 0;
    for thread in 0..WRITERS {
        let workspace = if thread % 2 == 0 { &a } else { &b };
        let (write, error) = write(&pool, workspace, 9_000_000 + thread);
        assert_eq!(
            write.reported,
            Reported::Committed,
            "the pool serves after the faults: {error:?}"
        );
        writes.lock().unwrap().push(write);
        served += 1;
    }

    // Every write's fate is what it reported.
    let mut check = PgConnection::establish(&url).unwrap();
    let mut system = bypass_tenant_isolation(&mut check, "the fault suite checks every write");
    let writes = std::mem::take(&mut *writes.lock().unwrap());
    let mut by_report = BTreeMap::<Reported, usize>::new();
    let mut unknown_committed = 0;
    for write in &writes {
        *by_report.entry(write.reported).or_default() += 1;
        let app = system.find::<App>(write.app).unwrap().is_some();
        let conversation = system
            .find::<Conversation>(write.conversation)
            .unwrap()
            .is_some();
        assert_eq!(
            app, conversation,
            "a write is whole or absent: app {} {app}, conversation {conversation} ({:?})",
            write.app, write.reported
        );
        match write.reported {
            Reported::Committed => {
                assert!(app, "a write reported committed is lost: {}", write.app)
            }
            Reported::Failed => {
                assert!(!app, "a write reported failed was committed: {}", write.app)
            }
            Reported::Unknown => unknown_committed += usize::from(app),
        }
    }
    println!(
        "fault suite: {} writes by {WRITERS} writers in {elapsed:.1?} through {faults} faults \
         ({rounds} round(s): backends terminated, restart, crash); reported {by_report:?} \
         ({unknown_committed} of the unknown ones had committed); errors by kind {:?}; \
         {} rows checked; after the faults {served} of {WRITERS} writers served at the first try",
        writes.len(),
        errors.lock().unwrap(),
        writes.len() * 2,
    );
    assert!(
        by_report.get(&Reported::Committed).copied().unwrap_or(0) > WRITERS,
        "writes went through between the faults"
    );
    drop(pool);
}
