//! Row-level security, connected as the service role (granted
//! `dify_service`, neither superuser nor owner of the tables; superusers
//! bypass RLS even when it is forced): what PostgreSQL stops when a program
//! gets around the types.
//!
//! Inside a scope the typed API is the only way to say SQL (no raw
//! connection, no raw fragment: the compile-fail suite shows it). These
//! tests play the program that holds a raw connection of the service role
//! anyway (a pooled connection outside any scope, the system escape hatch)
//! and enters a scope by hand, the way `with_tenant` does, before trying
//! every way to reach another workspace.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Nullable, Text, Uuid as SqlUuid};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use dify_models::app::App;
use dify_models::conversation::Conversation;
use dify_models::SCHEMA;
use dify_schema::pool::{self, PoolOptions};
use dify_schema::rls::{self, RlsProblem};
use dify_schema::scope::{Editing, Id};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Page};
use dify_tests::{TestDatabase, TestRole};

use crate::fixtures::{database_with_schema, two_workspaces, Workspace};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Nullable<Text>)]
    value: Option<String>,
}

fn count(conn: &mut PgConnection, sql: &str) -> diesel::QueryResult<i64> {
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .map(|row| row.n)
}

/// Rows of `table` that belong to `workspace`'s tenant (through `column`).
fn rows_of(conn: &mut PgConnection, table: &str, column: &str, tenant: Uuid) -> i64 {
    count(
        conn,
        &format!("SELECT count(*) AS n FROM {table} WHERE {column} = '{tenant}'"),
    )
    .unwrap()
}

fn setting(conn: &mut PgConnection) -> Option<String> {
    diesel::sql_query("SELECT current_setting('dify.scope', true) AS value")
        .get_result::<Setting>(conn)
        .unwrap()
        .value
}

/// Opens a transaction and enters a scope the way `with_tenant` does, runs
/// `f` on the raw connection, and rolls back.
fn raw_scope<T>(
    conn: &mut PgConnection,
    tenant: Uuid,
    account: Uuid,
    f: impl FnOnce(&mut PgConnection) -> T,
) -> T {
    conn.batch_execute("BEGIN; SELECT set_config('dify.begun', statement_timestamp()::text, true)")
        .unwrap();
    let role: Setting = diesel::sql_query("SELECT dify_scope_enter($1, $2) AS value")
        .bind::<SqlUuid, _>(tenant)
        .bind::<SqlUuid, _>(account)
        .get_result(conn)
        .unwrap();
    assert!(role.value.is_some(), "a member enters");
    let out = f(conn);
    conn.batch_execute("ROLLBACK").unwrap();
    out
}

/// Two workspaces, row-level security as the DDL installs it, and the
/// service role.
fn protected() -> (TestDatabase, Workspace, Workspace, TestRole) {
    let (db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    let role = TestRole::create(&db);
    (db, a, b, role)
}

/// (table, tenant column or the parent chain to it), for the workspace's rows.
const TENANT_ROWS: [(&str, &str); 6] = [
    ("tenant_account_joins", "tenant_id"),
    ("apps", "tenant_id"),
    ("datasets", "tenant_id"),
    ("documents", "tenant_id"),
    ("document_segments", "tenant_id"),
    (
        "conversations",
        "(SELECT tenant_id FROM apps WHERE apps.id = conversations.app_id)",
    ),
];

#[test]
fn inside_a_scope_the_service_role_sees_only_the_scopes_workspace() {
    let (_db, a, b, role) = protected();
    let mut conn = role.connect();
    raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        for (table, column) in TENANT_ROWS {
            assert!(rows_of(conn, table, column, a.tenant) > 0, "{table}");
            assert_eq!(rows_of(conn, table, column, b.tenant), 0, "{table}");
        }
        // Messages reach their tenant through conversation and app.
        assert_eq!(
            count(conn, "SELECT count(*) AS n FROM messages").unwrap(),
            1
        );
    });
}

#[test]
fn every_raw_way_of_switching_workspaces_reads_nothing_of_the_other() {
    let (_db, a, b, role) = protected();
    let mut conn = role.connect();
    let sees_b = |conn: &mut PgConnection| {
        TENANT_ROWS
            .iter()
            .map(|(table, column)| rows_of(conn, table, column, b.tenant))
            .sum::<i64>()
            + count(
                conn,
                &format!(
                    "SELECT count(*) AS n FROM messages WHERE id = '{}'",
                    b.message
                ),
            )
            .unwrap()
    };

    // A's value with B's tenant written in: the signature does not match.
    let forged = raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        let value = setting(conn).expect("the entry records the scope");
        let forged = value.replacen(&a.tenant.to_string(), &b.tenant.to_string(), 1);
        for statement in [
            format!("SELECT set_config('dify.scope', '{forged}', true)"),
            format!("SELECT set_config('dify.scope', '{forged}', false)"),
            format!("SET dify.scope = '{forged}'"),
            format!("SET LOCAL dify.scope = '{forged}'"),
            "RESET dify.scope".to_owned(),
            "RESET ALL".to_owned(),
            format!("SET app.tenant_id = '{}'", b.tenant),
            // Two statements in one string.
            format!("SELECT 1; SELECT set_config('dify.scope', '{forged}', true)"),
        ] {
            conn.batch_execute(&statement).unwrap();
            assert_eq!(sees_b(conn), 0, "after `{statement}`");
        }
        forged
    });

    // B's own, genuinely signed value, carried into A's scope on the same
    // connection: it was signed for another transaction.
    let signed_for_b = raw_scope(&mut conn, b.tenant, b.owner, |conn| setting(conn).unwrap());
    raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        conn.batch_execute(&format!("SET LOCAL dify.scope = '{signed_for_b}'"))
            .unwrap();
        assert_eq!(sees_b(conn), 0, "a value signed for another transaction");
    });
    // Outside any scope, at session level: still nothing.
    for value in [&signed_for_b, &forged] {
        conn.batch_execute(&format!("SET dify.scope = '{value}'"))
            .unwrap();
        assert_eq!(sees_b(&mut conn), 0);
        conn.batch_execute("RESET dify.scope").unwrap();
    }

    // A second entry in the same transaction (a nested scope) is refused.
    let nested = raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        diesel::sql_query("SELECT dify_scope_enter($1, $2) AS value")
            .bind::<SqlUuid, _>(b.tenant)
            .bind::<SqlUuid, _>(b.owner)
            .get_result::<Setting>(conn)
            .map(|_| ())
    });
    let message = nested.expect_err("a nested scope").to_string();
    assert!(message.contains("already open"), "{message}");

    // The keys, and the function that signs with them, are the owner's.
    for statement in [
        "SELECT count(*) AS n FROM dify_scope_keys",
        "SELECT length(dify_scope_signature('x')) AS n",
    ] {
        let refused = raw_scope(&mut conn, a.tenant, a.owner, |conn| count(conn, statement));
        let message = refused.expect_err(statement).to_string();
        assert!(
            message.contains("permission denied"),
            "{statement}: {message}"
        );
    }

    // Becoming a trusted role, or dropping the policies, is refused.
    for statement in [
        "SET ROLE dify_trusted",
        "ALTER TABLE apps DISABLE ROW LEVEL SECURITY",
        "DROP POLICY dify_scope_read ON apps",
    ] {
        let refused = raw_scope(&mut conn, a.tenant, a.owner, |conn| {
            conn.batch_execute(statement)
        });
        assert!(refused.is_err(), "`{statement}` must be refused");
    }
}

/// An `Id` whose brand was laundered (what a soundness bug in rustc, such
/// as rust-lang/rust#25860 as `cve-rs` uses it, would let safe code do;
/// `transmute` stands in for it here) finds nothing of the other workspace
/// either: every query carries the tenant predicate, and a write with it
/// is refused by PostgreSQL.
#[test]
fn a_laundered_brand_reads_and_writes_nothing_of_the_other_workspace() {
    let (_db, a, b, role) = protected();
    let mut conn = role.connect();
    let mut other_conn = role.connect();
    with_tenant(
        &mut other_conn,
        b.tenant,
        b.owner,
        |scope_b| -> Result<(), Error> {
            let app_b = scope_b.lookup::<App>(b.app)?.unwrap().id();
            with_tenant(
                &mut conn,
                a.tenant,
                a.owner,
                |scope_a| -> Result<(), Error> {
                    // SAFETY: `Id` has the same layout for every brand; this forges
                    // exactly what a compiler bug would.
                    let forged: Id<'_, App> = unsafe { std::mem::transmute(app_b) };
                    assert!(scope_a.find(forged)?.is_none());
                    assert!(scope_a
                        .children::<Conversation, App>(forged, Page::first(10))?
                        .is_empty());
                    assert_eq!(
                        scope_a
                            .query::<Conversation>()
                            .filter(|c| c.app_id.eq(forged))
                            .count()?,
                        0
                    );
                    let scope_a = scope_a.require::<Editing>()?;
                    assert!(scope_a
                        .update(
                            forged,
                            dify_models::app::AppChanges {
                                name: Some("taken".into()),
                                ..Default::default()
                            }
                        )?
                        .is_none());
                    assert!(!scope_a.delete(forged)?);
                    let insert = scope_a.insert::<Conversation>(crate::fixtures::new_conversation(
                        forged, "planted",
                    ));
                    match insert {
                        Err(Error::Database(error)) => {
                            assert!(error.to_string().contains("row-level security"), "{error}")
                        }
                        other => panic!("a conversation in another workspace's app: {other:?}"),
                    }
                    Err(Error::InvalidQuery("roll back".into()))
                },
            )
            .expect_err("rolled back");
            assert_eq!(scope_b.lookup::<App>(b.app)?.unwrap().name, "Support bot");
            Ok(())
        },
    )
    .unwrap();
}

#[test]
fn with_no_scope_the_service_role_sees_and_writes_nothing() {
    let (_db, a, _b, role) = protected();
    let mut conn = role.connect();
    for (table, _) in TENANT_ROWS {
        assert_eq!(
            count(&mut conn, &format!("SELECT count(*) AS n FROM {table}")).unwrap(),
            0,
            "{table} without a scope"
        );
    }
    let insert = conn.batch_execute(&format!(
        "INSERT INTO apps (tenant_id, name, mode, enable_site, enable_api) \
         VALUES ('{}', 'sneaky', 'chat', true, true)",
        a.tenant
    ));
    let error = insert.expect_err("an insert without a scope must fail");
    assert!(error.to_string().contains("row-level security"), "{error}");
}

#[test]
fn global_tables_show_a_scope_only_what_a_member_may_see() {
    let (db, a, b, role) = protected();
    let mut conn = role.connect();
    raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        // The members of this workspace, not the other's.
        assert_eq!(
            count(conn, "SELECT count(*) AS n FROM accounts").unwrap(),
            4
        );
        assert_eq!(
            count(
                conn,
                &format!(
                    "SELECT count(*) AS n FROM accounts WHERE id = '{}'",
                    b.owner
                )
            )
            .unwrap(),
            0
        );
        // Its own workspace only.
        assert_eq!(count(conn, "SELECT count(*) AS n FROM tenants").unwrap(), 1);
    });
    // Secrets and other workspaces' data are for the system path alone.
    for table in [
        "account_integrates",
        "invitation_codes",
        "oauth_provider_apps",
        "embeddings",
        "celery_taskmeta",
    ] {
        let refused = raw_scope(&mut conn, a.tenant, a.owner, |conn| {
            count(conn, &format!("SELECT count(*) AS n FROM {table}"))
        });
        assert!(refused.is_err(), "{table} is not the service's to read");
    }
    // Shared reference data is readable, not writable.
    raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        count(conn, "SELECT count(*) AS n FROM recommended_apps").unwrap();
    });
    let write = raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        conn.batch_execute("DELETE FROM recommended_apps")
    });
    assert!(write.is_err());
    drop(db);
}

#[test]
fn writes_need_the_role_in_the_database_too() {
    let (_db, a, _b, role) = protected();
    let mut conn = role.connect();
    // A normal member promoting themself, as in the red team's program.
    let promoted = raw_scope(&mut conn, a.tenant, a.normal, |conn| {
        diesel::sql_query(format!(
            "UPDATE tenant_account_joins SET role = 'owner' WHERE account_id = '{}'",
            a.normal
        ))
        .execute(conn)
    });
    assert_eq!(promoted.unwrap(), 0, "the update policy needs the owner");
    // An editor (not an admin) inviting, and an editor editing a dataset
    // is fine while deleting the workspace's members is not.
    let invite = raw_scope(&mut conn, a.tenant, a.editor, |conn| {
        conn.batch_execute(&format!(
            "INSERT INTO tenant_account_joins (id, tenant_id, account_id, role) \
             VALUES (gen_random_uuid(), '{}', gen_random_uuid(), 'normal')",
            a.tenant
        ))
    });
    assert!(invite.is_err(), "inviting needs owner or admin");
    // The owner may invite, but never a second owner.
    let second_owner = raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        conn.batch_execute(&format!(
            "INSERT INTO tenant_account_joins (id, tenant_id, account_id, role) \
             VALUES (gen_random_uuid(), '{}', gen_random_uuid(), 'owner')",
            a.tenant
        ))
    });
    assert!(second_owner.is_err(), "no one is invited as owner");
    let removed = raw_scope(&mut conn, a.tenant, a.editor, |conn| {
        diesel::sql_query("DELETE FROM tenant_account_joins").execute(conn)
    });
    assert_eq!(removed.unwrap(), 0, "removing members needs the owner");
    // A dataset operator may not touch apps.
    let renamed = raw_scope(&mut conn, a.tenant, a.dataset_operator, |conn| {
        diesel::sql_query("UPDATE apps SET name = 'mine'").execute(conn)
    });
    assert_eq!(renamed.unwrap(), 0, "editing apps needs an editing role");
}

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pid: i32,
}

fn backend_pid(conn: &mut PgConnection) -> i32 {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(conn)
        .unwrap()
        .pid
}

/// A pooled connection used raw is closed when it comes back: whatever it
/// holds (a prepared statement rewritten under Diesel's name, a
/// transaction left open, a cursor `WITH HOLD`, a setting, a temporary
/// table) never reaches the next user. The red team's poisoned statement
/// (`DEALLOCATE` + `PREPARE` of the scope's entry, reporting each tenant
/// and account on `pg_notify`) is the case here.
#[test]
fn a_pooled_connection_used_raw_is_not_handed_to_the_next_user() {
    let (db, a, _b, role) = protected();
    let pool = pool::open(
        &role.url(),
        PoolOptions {
            min_idle: 1,
            max_size: 1,
            connection_timeout: Duration::from_secs(5),
            ..Default::default()
        },
    )
    .unwrap();
    // A scope, so that Diesel has prepared the entry statement.
    let first = {
        let mut conn = pool::get(&pool).unwrap();
        with_tenant(&mut conn, a.tenant, a.owner, |_| -> Result<(), Error> {
            Ok(())
        })
        .unwrap();
        // Used through a scope only: it goes back to the pool.
        conn.backend_pid().unwrap()
    };
    let poisoned = {
        let mut conn = pool::get(&pool).unwrap();
        assert_eq!(
            conn.backend_pid().unwrap(),
            first,
            "a connection used in scopes is reused"
        );
        let raw: &mut PgConnection = &mut conn;
        let entry = diesel::sql_query(
            "SELECT name AS value FROM pg_prepared_statements WHERE statement LIKE 'SELECT dify_scope_enter%'",
        )
        .get_result::<Setting>(raw)
        .unwrap()
        .value
        .unwrap();
        raw.batch_execute(&format!(
            "DEALLOCATE {entry}; PREPARE {entry}(uuid, uuid) AS \
             SELECT dify_scope_enter($1, $2) FROM (SELECT pg_notify('leak', $1::text)) s; \
             SET search_path = pg_catalog; BEGIN; \
             DECLARE loot CURSOR WITH HOLD FOR SELECT 1;"
        ))
        .unwrap();
        backend_pid(raw)
    };
    let mut conn = pool::get(&pool).unwrap();
    let raw: &mut PgConnection = &mut conn;
    assert_ne!(
        backend_pid(raw),
        poisoned,
        "the raw-used connection was closed"
    );
    let cursors = count(
        raw,
        "SELECT count(*) AS n FROM pg_cursors WHERE name = 'loot'",
    )
    .unwrap();
    assert_eq!(cursors, 0);
    drop(conn);
    let mut conn = pool::get(&pool).unwrap();
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        assert!(scope.lookup::<App>(a.app)?.is_some());
        Ok(())
    })
    .unwrap();
    drop(db);
}

/// A scope does not join a transaction it did not begin (a raw `BEGIN`
/// left on the connection, with a cursor that would read the scope's rows
/// at its `COMMIT`): a typed error, and nothing of the scope's workspace
/// reaches the cursor.
#[test]
fn a_scope_refuses_to_join_a_transaction_it_did_not_begin() {
    let (_db, a, _b, role) = protected();
    let mut conn = role.connect();
    conn.batch_execute("BEGIN; DECLARE loot CURSOR WITH HOLD FOR SELECT name FROM apps")
        .unwrap();
    let result = with_tenant(&mut conn, a.tenant, a.owner, |_| -> Result<(), Error> {
        Ok(())
    });
    assert!(
        matches!(result, Err(Error::InsideTransaction)),
        "{result:?}"
    );
    let loot = diesel::sql_query("FETCH ALL FROM loot").load::<Setting>(&mut conn);
    assert!(
        loot.map(|rows| rows.is_empty()).unwrap_or(true),
        "the cursor saw nothing"
    );
}

#[test]
fn a_scope_ignores_what_an_earlier_user_left_in_the_session() {
    let (_db, a, _b, role) = protected();
    let mut conn = role.connect();
    conn.batch_execute(
        "SET search_path = pg_catalog; CREATE TEMP TABLE apps (id uuid); \
         SET dify.scope = 'left behind'",
    )
    .unwrap();
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let app = scope.lookup::<App>(a.app)?.expect("the real apps table");
        assert_eq!(app.name, "Support bot");
        Ok(())
    })
    .unwrap();
}

#[test]
fn the_start_up_check_passes_for_the_service_role() {
    let (_db, _a, _b, role) = protected();
    let mut conn = role.connect();
    assert_eq!(rls::verify(&mut conn, &SCHEMA).unwrap(), vec![]);
    rls::ensure(&mut conn, &SCHEMA).unwrap();
}

#[test]
fn the_start_up_check_refuses_what_would_not_hold() {
    let (db, _a, _b, role) = protected();
    let mut admin = db.connect();
    admin
        .batch_execute(
            "DROP POLICY dify_scope_read ON messages; \
             ALTER TABLE documents NO FORCE ROW LEVEL SECURITY; \
             DROP POLICY dify_scope_update ON apps; \
             CREATE POLICY dify_scope_update ON apps USING (true);",
        )
        .unwrap();
    let problems = rls::verify(&mut role.connect(), &SCHEMA).unwrap();
    for expected in [
        RlsProblem::Policy {
            table: "messages".into(),
            policy: "dify_scope_read".into(),
        },
        RlsProblem::Policy {
            table: "apps".into(),
            policy: "dify_scope_update".into(),
        },
        RlsProblem::NotForced {
            table: "documents".into(),
        },
    ] {
        assert!(problems.contains(&expected), "{expected:?} in {problems:?}");
    }
    // A superuser, a trusted role and the owner of a table are refused too.
    assert!(rls::verify(&mut admin, &SCHEMA)
        .unwrap()
        .iter()
        .any(|p| matches!(p, RlsProblem::Superuser { .. })));
    let trusted = TestRole::create_as(&db, "python", "dify_trusted");
    assert!(rls::verify(&mut trusted.connect(), &SCHEMA)
        .unwrap()
        .iter()
        .any(|p| matches!(p, RlsProblem::Trusted { .. })));
    admin
        .batch_execute(&format!("ALTER TABLE apps OWNER TO {}", role.name()))
        .unwrap();
    assert!(rls::verify(&mut role.connect(), &SCHEMA)
        .unwrap()
        .iter()
        .any(|p| matches!(p, RlsProblem::OwnsTable { table, .. } if table == "apps")));
    admin
        .batch_execute("DROP FUNCTION dify_scope_enter(uuid, uuid)")
        .unwrap();
    assert!(matches!(
        rls::ensure(&mut role.connect(), &SCHEMA),
        Err(Error::RowLevelSecurity(problems)) if problems.contains(&RlsProblem::MissingEntry { found: None })
    ));
}

#[test]
fn without_the_entry_function_a_scope_is_a_typed_error() {
    let (db, a, _b, role) = protected();
    db.connect()
        .batch_execute("DROP FUNCTION dify_scope_enter(uuid, uuid)")
        .unwrap();
    let result = with_tenant(
        &mut role.connect(),
        a.tenant,
        a.owner,
        |_| -> Result<(), Error> { Ok(()) },
    );
    assert!(matches!(result, Err(Error::NotMigrated(_))), "{result:?}");
}

/// Dify's Python services connect as a role that sets no tenant; granted
/// `dify_trusted`, it keeps full access beside the service role.
#[test]
fn a_trusted_role_sets_no_tenant_and_keeps_full_access() {
    let (db, a, b, _role) = protected();
    let python = TestRole::create_as(&db, "python", "dify_trusted");
    let mut conn = python.connect();
    for (table, column) in TENANT_ROWS {
        assert!(rows_of(&mut conn, table, column, a.tenant) > 0, "{table}");
        assert!(rows_of(&mut conn, table, column, b.tenant) > 0, "{table}");
    }
    conn.batch_execute(&format!(
        "UPDATE apps SET name = 'renamed by Dify' WHERE id = '{}'; \
         SELECT count(*) FROM account_integrates; DELETE FROM recommended_apps;",
        b.app
    ))
    .unwrap();
}

#[test]
fn the_policies_are_a_reviewed_snapshot() {
    insta::assert_snapshot!("rls_policies.sql", rls::policies(&SCHEMA));
}

/// The bulk insert is an `INSERT ... SELECT FROM unnest(...)`, which
/// row-level security checks row by row; `COPY FROM` would be refused on
/// these tables outright ("COPY FROM not supported with row-level
/// security"), which this test shows too.
#[test]
fn bulk_inserts_pass_row_level_security_where_copy_is_refused() {
    use dify_models::dataset::{Dataset, Document, DocumentSegment};
    use dify_schema::scope::DatasetEditing;

    let (_db, a, b, role) = protected();
    let mut conn = role.connect();
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let dataset = scope.lookup::<Dataset>(a.dataset)?.unwrap();
        let document = scope.lookup::<Document>(a.document)?.unwrap();
        let scope = scope.require::<DatasetEditing>()?;
        let news = (0..500)
            .map(|n| {
                let mut segment =
                    crate::fixtures::new_segment(dataset.id(), document.id(), "Bulk.");
                segment.position = 100 + n;
                segment
            })
            .collect();
        let rows = scope.insert_many::<DocumentSegment>(news)?;
        assert!(rows.iter().all(|row| row.tenant_id == a.tenant));
        assert_eq!(scope.count::<DocumentSegment>()?, 501);
        Ok(())
    })
    .unwrap();
    // PostgreSQL refuses COPY FROM before reading any data.
    let copy = diesel::Connection::transaction(&mut conn, |conn| {
        conn.batch_execute("COPY document_segments (id) FROM STDIN")
    });
    let message = copy.expect_err("COPY FROM under RLS").to_string();
    assert!(message.contains("row-level security"), "{message}");
    // The other workspace still sees only its own segment.
    raw_scope(&mut conn, b.tenant, b.owner, |conn| {
        assert_eq!(
            count(conn, "SELECT count(*) AS n FROM document_segments").unwrap(),
            1
        );
    });
}

#[derive(QueryableByName)]
struct PlanLine {
    #[diesel(sql_type = Text)]
    #[diesel(column_name = "QUERY PLAN")]
    line: String,
}

/// The policies read the scope's tenant once per statement (an init plan)
/// and compare it with an indexed column, so a scope's read of its tenant's
/// rows is an index scan, not a filter evaluated row by row.
#[test]
fn the_policies_read_the_tenant_once_and_use_the_tenant_index() {
    let (_db, a, _b, role) = protected();
    let mut conn = role.connect();
    let plan = raw_scope(&mut conn, a.tenant, a.owner, |conn| {
        conn.batch_execute("SET LOCAL enable_seqscan = off")
            .unwrap();
        diesel::sql_query("EXPLAIN SELECT count(*) FROM documents")
            .load::<PlanLine>(conn)
            .unwrap()
            .into_iter()
            .map(|row| row.line)
            .collect::<Vec<_>>()
            .join("\n")
    });
    println!("{plan}");
    assert!(plan.contains("InitPlan"), "{plan}");
    assert!(plan.contains("Index"), "{plan}");
    assert!(plan.contains("Index Cond: (tenant_id = $"), "{plan}");
}
