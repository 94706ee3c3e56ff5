//! What `with_tenant` reports is what happened to the work: never `Ok`
//! for work PostgreSQL rolled back, and a lost connection is told apart by
//! whether the work may have been committed.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::sql_types::Integer;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use dify_models::app::{App, AppChanges};
use dify_schema::error::Retry;
use dify_schema::pool::{self, PoolOptions};
use dify_schema::scope::Editing;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};
use dify_tests::TestDatabase;

use crate::fixtures::{database_with_schema, new_app, two_workspaces, Workspace};

fn app_named(conn: &mut PgConnection, name: &str) -> usize {
    bypass_tenant_isolation(conn, "check")
        .list::<App>()
        .unwrap()
        .iter()
        .filter(|app| app.name == name)
        .count()
}

/// The unique key is hit, the closure shrugs ("insert or ignore") and
/// returns `Ok`; PostgreSQL has aborted the transaction, so its COMMIT is
/// a rollback, and the scope says so, naming the first failure. The app
/// written before is not there.
#[test]
fn ok_is_never_reported_for_work_postgres_rolled_back() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let taken = Uuid::new_v4();
    let result = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(new_app("written first"))?;
        scope.insert::<App>(dify_models::app::NewApp {
            id: Some(taken),
            ..new_app("taken")
        })?;
        let _ignored = scope.insert::<App>(dify_models::app::NewApp {
            id: Some(taken),
            ..new_app("the same key again")
        });
        Ok(())
    });
    match result {
        Err(Error::RolledBack { first_failure }) => {
            assert!(first_failure.contains("app_pkey"), "{first_failure}")
        }
        other => panic!("expected Error::RolledBack, got {other:?}"),
    }
    assert_eq!(app_named(&mut conn, "written first"), 0);
    assert_eq!(app_named(&mut conn, "taken"), 0);
}

/// After a failed statement every later one is refused by PostgreSQL; the
/// scope reports the failure that caused it, not "current transaction is
/// aborted".
#[test]
fn statements_after_a_failure_name_the_first_failure() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let taken = Uuid::new_v4();
    let later = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<_, Error> {
        let scope = scope.require::<Editing>()?;
        for name in ["one", "two"] {
            let _ = scope.insert::<App>(dify_models::app::NewApp {
                id: Some(taken),
                ..new_app(name)
            });
        }
        Ok(scope.count::<App>())
    });
    // The closure returned Ok(Err(..)): the scope still refuses to commit.
    assert!(matches!(later, Err(Error::RolledBack { .. })), "{later:?}");

    let mut seen = None;
    let _ = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(dify_models::app::NewApp {
            id: Some(taken),
            ..new_app("one")
        })?;
        let _ = scope.insert::<App>(dify_models::app::NewApp {
            id: Some(taken),
            ..new_app("two")
        });
        seen = Some(scope.count::<App>());
        Ok(())
    });
    match seen {
        Some(Err(Error::RolledBack { first_failure })) => {
            assert!(first_failure.contains("app_pkey"), "{first_failure}")
        }
        other => panic!("expected Error::RolledBack from the later statement, got {other:?}"),
    }
}

/// A savepoint keeps the rest: the failed insert inside it is undone, the
/// work before and after it commits.
#[test]
fn a_savepoint_keeps_the_rest_of_the_scope() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let taken = Uuid::new_v4();
    let ignored = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<_, Error> {
        let scope = scope.require::<Editing>()?;
        let before = scope.insert::<App>(dify_models::app::NewApp {
            id: Some(taken),
            ..new_app("before")
        })?;
        let duplicate = scope.savepoint(|s| {
            s.insert::<App>(dify_models::app::NewApp {
                id: Some(taken),
                ..new_app("duplicate")
            })
            .map(|_| ())
        });
        // A savepoint whose closure swallows the failure is still undone,
        // and says so.
        let swallowed = scope.savepoint(|s| -> Result<(), Error> {
            s.insert::<App>(new_app("inside, then undone"))?;
            let _ = s.insert::<App>(dify_models::app::NewApp {
                id: Some(taken),
                ..new_app("duplicate")
            });
            Ok(())
        });
        // Nested savepoints, and ids read before keep working.
        let kept = scope.savepoint(|outer| {
            outer.savepoint(|inner| inner.insert::<App>(new_app("nested")).map(|_| ()))?;
            outer.update(
                before.id(),
                AppChanges {
                    description: Some("changed in a savepoint".into()),
                    ..Default::default()
                },
            )
        });
        scope.insert::<App>(new_app("after"))?;
        Ok((duplicate, swallowed, kept.map(|row| row.is_some())))
    })
    .expect("the scope commits");
    assert!(
        matches!(ignored.0, Err(Error::Database(_))),
        "{:?}",
        ignored.0
    );
    assert!(
        matches!(&ignored.1, Err(Error::RolledBack { first_failure }) if first_failure.contains("app_pkey")),
        "{:?}",
        ignored.1
    );
    assert!(matches!(ignored.2, Ok(true)), "{:?}", ignored.2);
    for (name, count) in [
        ("before", 1),
        ("after", 1),
        ("nested", 1),
        ("duplicate", 0),
        ("inside, then undone", 0),
    ] {
        assert_eq!(app_named(&mut conn, name), count, "{name}");
    }
}

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

/// Ends every backend whose `application_name` is `name` and waits until
/// they are gone.
fn terminate(admin: &mut PgConnection, name: &str) {
    admin
        .batch_execute(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{name}'"
        ))
        .unwrap();
    let mut left = Vec::new();
    for _ in 0..500 {
        left = diesel::sql_query(format!(
            "SELECT pid FROM pg_stat_activity WHERE application_name = '{name}'"
        ))
        .load::<Pid>(admin)
        .unwrap()
        .into_iter()
        .map(|row| row.pid)
        .collect::<Vec<_>>();
        if left.is_empty() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the backends {left:?} of {name} did not end");
}

fn named_url(db: &TestDatabase, name: &str) -> String {
    let separator = if db.url().contains('?') { '&' } else { '?' };
    format!("{}{separator}application_name={name}", db.url())
}

fn seeded(db: &TestDatabase) -> Workspace {
    let mut conn = db.connect();
    conn.batch_execute(&dify_schema::render::postgres::create_schema(
        &dify_models::SCHEMA,
    ))
    .unwrap();
    two_workspaces(&mut conn).0
}

/// The connection breaks after the work was sent and before COMMIT was
/// answered: the server may or may not have committed, and the error says
/// to check first, unlike a failure before anything was sent.
#[test]
fn a_connection_lost_at_commit_is_an_unknown_outcome() {
    let db = TestDatabase::new();
    let a = seeded(&db);
    let mut admin = db.connect();
    let name = format!("victim_{}", std::process::id());
    let mut conn = PgConnection::establish(&named_url(&db, &name)).unwrap();
    let result = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        scope
            .require::<Editing>()?
            .insert::<App>(new_app("sent, then the connection died"))?;
        terminate(&mut admin, &name);
        Ok(())
    });
    match &result {
        Err(error @ Error::CommitOutcomeUnknown(_)) => {
            assert_eq!(error.retry(), Retry::CheckFirst);
            assert!(error.may_have_committed());
        }
        other => panic!("expected Error::CommitOutcomeUnknown, got {other:?}"),
    }
}

/// A connection that died while idle fails at BEGIN, before anything was
/// sent: on a bare connection that is `Unavailable` (safe to retry) and
/// the closure does not run; on a pooled one the scope replaces the
/// connection and runs, once.
#[test]
fn a_connection_dead_before_the_scope_is_safe_to_retry_and_the_pool_replaces_it() {
    let db = TestDatabase::new();
    let a = seeded(&db);
    let mut admin = db.connect();

    let name = format!("bare_{}", std::process::id());
    let mut conn = PgConnection::establish(&named_url(&db, &name)).unwrap();
    terminate(&mut admin, &name);
    let mut ran = 0;
    let result = with_tenant(&mut conn, a.tenant, a.owner, |_| -> Result<(), Error> {
        ran += 1;
        Ok(())
    });
    match &result {
        Err(error @ Error::Unavailable(_)) => assert_eq!(error.retry(), Retry::Safe),
        other => panic!("expected Error::Unavailable, got {other:?}"),
    }
    assert_eq!(ran, 0);

    let name = format!("pooled_{}", std::process::id());
    let pool = pool::open(
        &named_url(&db, &name),
        PoolOptions {
            min_idle: 1,
            max_size: 1,
            ..PoolOptions::default()
        },
    )
    .unwrap();
    let mut pooled = pool::get(&pool).unwrap();
    terminate(&mut admin, &name);
    let mut ran = 0;
    with_tenant(
        &mut pooled,
        a.tenant,
        a.owner,
        |scope| -> Result<(), Error> {
            ran += 1;
            scope
                .require::<Editing>()?
                .insert::<App>(new_app("after the pool replaced its connection"))?;
            Ok(())
        },
    )
    .expect("the scope replaced the dead connection and ran");
    assert_eq!(ran, 1);
    assert_eq!(
        app_named(&mut admin, "after the pool replaced its connection"),
        1
    );
}

/// A closure inside a scope on a pooled connection that asks the same pool
/// for another connection is refused at once, instead of waiting (a pool
/// of one would wait the whole connection timeout, here ten minutes).
#[test]
fn a_second_checkout_inside_a_scope_is_refused_at_once() {
    let db = TestDatabase::new();
    let a = seeded(&db);
    let pool = pool::open(
        db.url(),
        PoolOptions {
            min_idle: 1,
            max_size: 1,
            connection_timeout: Duration::from_secs(600),
            ..PoolOptions::default()
        },
    )
    .unwrap();
    let other = pool::open(
        db.url(),
        PoolOptions {
            min_idle: 0,
            max_size: 1,
            ..PoolOptions::default()
        },
    )
    .unwrap();
    let mut conn = pool::get(&pool).unwrap();
    with_tenant(&mut conn, a.tenant, a.owner, |_| -> Result<(), Error> {
        assert!(matches!(pool.get(), Err(Error::PoolReentered)));
        // Another pool is fine.
        other.get()?;
        Ok(())
    })
    .unwrap();
    drop(conn);
    // Outside the scope the pool serves again.
    pool.get().expect("the pool serves after the scope");
}

/// Dify's "get or create" without a savepoint: a conflicting insert writes
/// nothing, returns `None`, and the scope goes on and commits. The two
/// insert statements are prepared apart (one after the other on the same
/// connection, each still does its own thing).
#[test]
fn insert_or_ignore_keeps_the_scope_going() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let taken = Uuid::new_v4();
    let outcome = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<_, Error> {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(dify_models::app::NewApp {
            id: Some(taken),
            ..new_app("the first")
        })?;
        let again = scope.insert_or_ignore::<App>(dify_models::app::NewApp {
            id: Some(taken),
            ..new_app("the same key again")
        })?;
        let fresh = scope.insert_or_ignore::<App>(new_app("a new one"))?;
        let plain = scope.insert::<App>(new_app("a plain insert after"))?;
        Ok((again.is_none(), fresh.is_some(), plain.name.clone()))
    })
    .expect("the scope commits");
    assert_eq!(outcome, (true, true, "a plain insert after".to_owned()));
    for (name, count) in [
        ("the first", 1),
        ("the same key again", 0),
        ("a new one", 1),
        ("a plain insert after", 1),
    ] {
        assert_eq!(app_named(&mut conn, name), count, "{name}");
    }
}
