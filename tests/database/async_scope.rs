//! The async scope (`AsyncPool::with_tenant`) against a real server, as a
//! service role subject to row-level security: the same guarantees as the
//! sync scope, the pipelined entry, and what happens to a scope whose
//! future is dropped, that panics, or that re-enters its pool.

use std::time::Duration;

use dify_models::app::*;
use dify_models::conversation::*;
use dify_schema::pool::PoolOptions;
use dify_schema::scope::Editing;
use dify_schema::types::Uuid;
use dify_schema::{AsyncPool, Error, Page, Role};
use dify_tests::{TestDatabase, TestRole};

use crate::fixtures::{database_with_schema, new_conversation, two_workspaces, Workspace};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A database with two seeded workspaces, and the service role.
fn setup() -> (TestDatabase, TestRole, Workspace, Workspace) {
    let (db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    let role = TestRole::create(&db);
    (db, role, a, b)
}

fn options(size: u32) -> PoolOptions {
    PoolOptions {
        min_idle: 1,
        max_size: size,
        connection_timeout: Duration::from_secs(5),
        ..PoolOptions::default()
    }
}

/// How many rows of `table` there are, seen by the owner.
fn count(db: &TestDatabase, table: &str) -> i64 {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<N>(&mut db.connect())
        .unwrap()
        .n
}

#[test]
fn an_async_scope_reads_and_writes_only_its_own_workspace() {
    let (_db, role, a, b) = setup();
    runtime().block_on(async {
        let pool = AsyncPool::open(&role.url(), options(4)).await.unwrap();
        let seen = pool
            .with_tenant(a.tenant, a.owner, async |scope| -> Result<_, Error> {
                assert_eq!(scope.role().await?, Role::Owner);
                let apps = scope.list::<App>(Page::first(50)).await?;
                let ids: Vec<Uuid> = apps.iter().map(|app| app.id().get()).collect();
                // Another workspace's ids name nothing here.
                assert!(scope.lookup::<App>(b.app).await?.is_none());
                assert!(scope
                    .lookup::<Conversation>(b.conversation)
                    .await?
                    .is_none());
                assert!(scope.lookup_many::<App>(&[b.app, a.app]).await?.len() == 1);
                let app = scope.lookup::<App>(a.app).await?.expect("own app");
                let editing = scope.require::<Editing>().await?;
                let conversation = editing
                    .insert::<Conversation>(new_conversation(app.id(), "async"))
                    .await?;
                let renamed = editing
                    .update::<Conversation>(
                        conversation.id(),
                        ConversationChanges {
                            name: Some("renamed".into()),
                            ..Default::default()
                        },
                    )
                    .await?
                    .expect("the row is there");
                assert_eq!(renamed.name, "renamed");
                let children = editing
                    .children::<Conversation, App>(app.id(), Page::first(50))
                    .await?;
                assert!(children
                    .iter()
                    .any(|c| c.id().get() == conversation.id().get()));
                let total = editing.count::<Conversation>().await?;
                Ok((ids, total, conversation.id().get()))
            })
            .await
            .unwrap();
        let (ids, total, conversation) = seen;
        assert_eq!(ids, vec![a.app]);
        assert_eq!(total, 2, "the seeded conversation and the new one");

        // Committed: the other workspace cannot see it, its own can.
        let theirs = pool
            .with_tenant(b.tenant, b.owner, async |scope| -> Result<_, Error> {
                Ok(scope.lookup::<Conversation>(conversation).await?.is_some())
            })
            .await
            .unwrap();
        assert!(!theirs);
        let ours = pool
            .with_tenant(a.tenant, a.normal, async |scope| -> Result<_, Error> {
                Ok(scope.lookup::<Conversation>(conversation).await?.is_some())
            })
            .await
            .unwrap();
        assert!(ours);
    });
}

/// The entry goes out with the first statement. On a fresh connection
/// nothing is prepared yet, so diesel-async prepares both first; the read
/// must still run after the entry (row-level security would otherwise give
/// it nothing), and a non-member's read must come back as `NotMember`
/// even as a role that row-level security does not stop.
#[test]
fn the_pipelined_first_read_runs_after_the_entry_and_a_non_member_sees_none_of_it() {
    let (db, role, a, b) = setup();
    runtime().block_on(async {
        for _ in 0..3 {
            // A new pool each time: fresh connections, nothing prepared.
            let pool = AsyncPool::open(&role.url(), options(1)).await.unwrap();
            let found = pool
                .with_tenant(a.tenant, a.normal, async |scope| -> Result<_, Error> {
                    Ok(scope
                        .lookup::<App>(a.app)
                        .await?
                        .map(|app| app.name.clone()))
                })
                .await
                .unwrap();
            assert!(
                found.is_some(),
                "the first read ran with the tenant recorded"
            );
        }
        // The table owner is not stopped by row-level security: the read
        // itself would find the row; the scope must not hand it out.
        let owner = AsyncPool::open(db.url(), options(1)).await.unwrap();
        let mut reached = false;
        let result = owner
            .with_tenant(a.tenant, b.owner, async |scope| -> Result<_, Error> {
                let row = scope.lookup::<App>(a.app).await;
                reached = true;
                Ok(row?.map(|app| app.name.clone()))
            })
            .await;
        assert!(reached);
        assert!(
            matches!(result, Err(Error::NotMember { .. })),
            "got {result:?}"
        );
        // A scope that sends nothing still checks the membership.
        let result = owner
            .with_tenant(a.tenant, b.owner, async |_| -> Result<_, Error> { Ok(1) })
            .await;
        assert!(
            matches!(result, Err(Error::NotMember { .. })),
            "got {result:?}"
        );
        // And the connection is fine for the next scope.
        let ok = owner
            .with_tenant(a.tenant, a.owner, async |scope| -> Result<_, Error> {
                scope.count::<App>().await
            })
            .await
            .unwrap();
        assert_eq!(ok, 1);
    });
}

#[test]
fn a_member_without_the_capability_is_forbidden_and_nothing_is_written() {
    let (db, role, a, _) = setup();
    runtime().block_on(async {
        let pool = AsyncPool::open(&role.url(), options(2)).await.unwrap();
        let result = pool
            .with_tenant(a.tenant, a.normal, async |scope| -> Result<(), Error> {
                scope.require::<Editing>().await?;
                Ok(())
            })
            .await;
        assert!(
            matches!(result, Err(Error::Forbidden { .. })),
            "got {result:?}"
        );
    });
    assert_eq!(count(&db, "apps"), 2);
}

/// A statement failed, the closure went on and returned `Ok`: nothing is
/// committed and the scope says so.
#[test]
fn a_scope_whose_statement_failed_reports_rolled_back_and_keeps_nothing() {
    let (db, role, a, _) = setup();
    let before = count(&db, "conversations");
    runtime().block_on(async {
        let pool = AsyncPool::open(&role.url(), options(2)).await.unwrap();
        let result = pool
            .with_tenant(a.tenant, a.owner, async |scope| -> Result<(), Error> {
                let app = scope.lookup::<App>(a.app).await?.unwrap();
                let scope = scope.require::<Editing>().await?;
                scope
                    .insert::<Conversation>(new_conversation(app.id(), "kept?"))
                    .await?;
                // The same key again: the server refuses it.
                let again = scope.insert::<Conversation>(NewConversation {
                    id: Some(a.conversation),
                    ..new_conversation(app.id(), "duplicate")
                });
                let _ = again.await;
                Ok(())
            })
            .await;
        assert!(
            matches!(result, Err(Error::RolledBack { .. })),
            "got {result:?}"
        );
        // The pool's connection is usable afterwards.
        let n = pool
            .with_tenant(a.tenant, a.owner, async |scope| -> Result<_, Error> {
                scope.count::<Conversation>().await
            })
            .await
            .unwrap();
        assert_eq!(n, 1);
    });
    assert_eq!(count(&db, "conversations"), before);
}

/// A client that goes away drops the handler's future mid-scope; a
/// panic unwinds through it. Either way nothing is committed, and the
/// connection, still inside the transaction, is closed instead of being
/// handed to the next scope.
#[test]
fn a_dropped_or_panicking_scope_commits_nothing_and_its_connection_is_not_reused() {
    let (db, role, a, _) = setup();
    let before = count(&db, "conversations");
    runtime().block_on(async {
        let pool = AsyncPool::open(&role.url(), options(1)).await.unwrap();
        let dropped = tokio::time::timeout(
            Duration::from_millis(300),
            pool.with_tenant(a.tenant, a.owner, async |scope| -> Result<(), Error> {
                let app = scope.lookup::<App>(a.app).await?.unwrap();
                let scope = scope.require::<Editing>().await?;
                scope
                    .insert::<Conversation>(new_conversation(app.id(), "never committed"))
                    .await?;
                tokio::time::sleep(Duration::from_secs(60)).await;
                Ok(())
            }),
        )
        .await;
        assert!(dropped.is_err(), "the scope was cut off");

        let pool2 = pool.clone();
        let (a2_tenant, a2_owner, a2_app) = (a.tenant, a.owner, a.app);
        let panicked = tokio::spawn(async move {
            pool2
                .with_tenant(a2_tenant, a2_owner, async |scope| -> Result<(), Error> {
                    let app = scope.lookup::<App>(a2_app).await?.unwrap();
                    let scope = scope.require::<Editing>().await?;
                    scope
                        .insert::<Conversation>(new_conversation(app.id(), "panicked"))
                        .await?;
                    panic!("the handler panics mid-scope");
                })
                .await
        })
        .await;
        assert!(panicked.is_err());

        // A pool of one: the next scope gets a new connection, outside any
        // transaction, and sees none of the two writes.
        let n = pool
            .with_tenant(a.tenant, a.owner, async |scope| -> Result<_, Error> {
                scope.count::<Conversation>().await
            })
            .await
            .unwrap();
        assert_eq!(n, 1);
    });
    assert_eq!(count(&db, "conversations"), before);
}

#[test]
fn a_scope_that_takes_a_second_connection_of_its_pool_is_refused_at_once() {
    let (_db, role, a, _) = setup();
    runtime().block_on(async {
        let pool = AsyncPool::open(&role.url(), options(1)).await.unwrap();
        let inner = pool
            .with_tenant(a.tenant, a.owner, async |scope| -> Result<_, Error> {
                scope.count::<App>().await?;
                let nested = pool
                    .with_tenant(a.tenant, a.owner, async |scope| -> Result<_, Error> {
                        scope.count::<App>().await
                    })
                    .await;
                Ok(nested)
            })
            .await
            .unwrap();
        assert!(matches!(inner, Err(Error::PoolReentered)), "got {inner:?}");
    });
}

/// A scope that only read answers before its `COMMIT` does; the
/// connection goes back to the pool once the `COMMIT` is through, and a
/// pool of one serves the next scope without waiting for the timeout.
#[test]
fn read_only_scopes_return_their_connection_after_the_background_commit() {
    let (_db, role, a, _) = setup();
    runtime().block_on(async {
        let pool = AsyncPool::open(&role.url(), options(1)).await.unwrap();
        for _ in 0..20 {
            let n = pool
                .with_tenant(a.tenant, a.owner, async |scope| -> Result<_, Error> {
                    scope.count::<App>().await
                })
                .await
                .unwrap();
            assert_eq!(n, 1);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let state = pool.state();
        assert_eq!(state.idle, state.connections, "{state:?}");
    });
}
