//! Retention (issue 16): `dify_schema::retention` on the database Dify's
//! own migrations built (adopted, row-level security on top), with the
//! retention Dify's models declare: `workflow_runs` and `messages` expire
//! after 30 days and take their children with them.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use dify_models::SCHEMA;
use dify_schema::retention::{self, Keep, Overrides, PurgeOptions, Throttle};
use dify_tests::TestDatabase;

use crate::fixtures::adopted_database;

const NOW: &str = "2026-06-15 12:00:00";
/// Every root row's age in days; the default keeps 30.
const AGES: [i32; 4] = [10, 40, 70, 100];

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str(NOW, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// Three workspaces, `a`, `b` and `c`, each with one app and, at every
/// age, a run with two node executions (each with an offload), an app
/// log, a pause with its reason, and a message with a file, a feedback,
/// a chain and an agent thought. Plus a node execution of no run (a
/// single-step debug run), which no retention reaches.
fn seed(conn: &mut PgConnection) {
    let ages = AGES.map(|a| a.to_string()).join(",");
    conn.batch_execute(&format!(
        r#"
DO $$
DECLARE
    t text; tenant uuid; app uuid; age int; at timestamp; run uuid; node uuid; pause uuid;
    conv uuid; msg uuid; i int;
BEGIN
    FOREACH t IN ARRAY ARRAY['a', 'b', 'c'] LOOP
        INSERT INTO tenants (name) VALUES (t) RETURNING id INTO tenant;
        INSERT INTO apps (tenant_id, name, mode, enable_site, enable_api)
            VALUES (tenant, t, 'workflow', true, true) RETURNING id INTO app;
        INSERT INTO conversations (app_id, mode, name, status, from_source, inputs, created_at)
            VALUES (app, 'chat', t, 'normal', 'api', '{{}}', '{NOW}') RETURNING id INTO conv;
        FOREACH age IN ARRAY ARRAY[{ages}] LOOP
            at := '{NOW}'::timestamp - make_interval(days => age);
            INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from, version,
                status, created_by_role, created_by, created_at)
                VALUES (tenant, app, gen_random_uuid(), 'workflow', 'app-run', 'v1', 'succeeded',
                'account', gen_random_uuid(), at) RETURNING id INTO run;
            FOR i IN 1..2 LOOP
                INSERT INTO workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from,
                    workflow_run_id, index, node_id, node_type, title, status, created_by_role,
                    created_by, created_at)
                    VALUES (tenant, app, gen_random_uuid(), 'workflow-run', run, i, 'n' || i, 'llm',
                    'node', 'succeeded', 'account', gen_random_uuid(), at) RETURNING id INTO node;
                INSERT INTO workflow_node_execution_offload (tenant_id, app_id, node_execution_id,
                    type, file_id, created_at)
                    VALUES (tenant, app, node, 'inputs', gen_random_uuid(), at);
            END LOOP;
            INSERT INTO workflow_app_logs (tenant_id, app_id, workflow_id, workflow_run_id,
                created_from, created_by_role, created_by, created_at)
                VALUES (tenant, app, gen_random_uuid(), run, 'service-api', 'account',
                gen_random_uuid(), at);
            INSERT INTO workflow_pauses (workflow_id, workflow_run_id, state_object_key, created_at)
                VALUES (gen_random_uuid(), run, 'key', at) RETURNING id INTO pause;
            INSERT INTO workflow_pause_reasons (id, pause_id, type_, form_id, node_id, message, created_at)
                VALUES (gen_random_uuid(), pause, 'human_input', 'f', 'n', 'why', at);
            INSERT INTO messages (app_id, conversation_id, inputs, query, message,
                message_unit_price, answer, answer_unit_price, currency, from_source, created_at)
                VALUES (app, conv, '{{}}', 'q', '{{"a": [1, 2]}}', 0, 'a', 0, 'USD', 'api', at)
                RETURNING id INTO msg;
            INSERT INTO message_files (message_id, type, transfer_method, created_by_role, created_by, created_at)
                VALUES (msg, 'image', 'remote_url', 'account', gen_random_uuid(), at);
            INSERT INTO message_feedbacks (app_id, conversation_id, message_id, rating, from_source, created_at)
                VALUES (app, conv, msg, 'like', 'user', at);
            INSERT INTO message_chains (message_id, type, created_at) VALUES (msg, 'system', at);
            INSERT INTO message_agent_thoughts (message_id, position, created_by_role, created_by, created_at)
                VALUES (msg, 1, 'account', gen_random_uuid(), at);
        END LOOP;
        INSERT INTO workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from,
            index, node_id, node_type, title, status, created_by_role, created_by, created_at)
            VALUES (tenant, app, gen_random_uuid(), 'single-step', 1, 'n', 'llm', 'node',
            'succeeded', 'account', gen_random_uuid(), '{NOW}'::timestamp - interval '400 days');
    END LOOP;
END $$;
"#
    ))
    .expect("the data is seeded");
}

/// Rows per (table, workspace name, age of the row's root in days); a
/// row whose root is gone (an orphan a purge left) counts under age -1
/// and workspace `?`, as does the node execution of no run.
type Census = BTreeMap<(String, String, i32), i64>;

fn census(conn: &mut PgConnection) -> Census {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        tbl: String,
        #[diesel(sql_type = Text)]
        tenant: String,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        age: i32,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let age = |column: &str| {
        format!("COALESCE(extract(day FROM '{NOW}'::timestamp - {column})::int, -1)")
    };
    let run_age = age("r.created_at");
    let message_age = age("m.created_at");
    let sql = format!(
        "SELECT tbl, tenant, age, count(*) AS n FROM (
           SELECT 'workflow_runs' AS tbl, COALESCE(t.name, '?') AS tenant, {run_age} AS age FROM workflow_runs r LEFT JOIN tenants t ON t.id = r.tenant_id
           UNION ALL SELECT 'workflow_node_executions', COALESCE(t.name, '?'), {run_age} FROM workflow_node_executions n LEFT JOIN tenants t ON t.id = n.tenant_id LEFT JOIN workflow_runs r ON r.id = n.workflow_run_id
           UNION ALL SELECT 'workflow_node_execution_offload', COALESCE(t.name, '?'), {run_age} FROM workflow_node_execution_offload o LEFT JOIN tenants t ON t.id = o.tenant_id LEFT JOIN workflow_node_executions n ON n.id = o.node_execution_id LEFT JOIN workflow_runs r ON r.id = n.workflow_run_id
           UNION ALL SELECT 'workflow_app_logs', COALESCE(t.name, '?'), {run_age} FROM workflow_app_logs l LEFT JOIN tenants t ON t.id = l.tenant_id LEFT JOIN workflow_runs r ON r.id = l.workflow_run_id
           UNION ALL SELECT 'workflow_pauses', COALESCE(t.name, '?'), {run_age} FROM workflow_pauses p LEFT JOIN workflow_runs r ON r.id = p.workflow_run_id LEFT JOIN tenants t ON t.id = r.tenant_id
           UNION ALL SELECT 'workflow_pause_reasons', COALESCE(t.name, '?'), {run_age} FROM workflow_pause_reasons pr LEFT JOIN workflow_pauses p ON p.id = pr.pause_id LEFT JOIN workflow_runs r ON r.id = p.workflow_run_id LEFT JOIN tenants t ON t.id = r.tenant_id
           UNION ALL SELECT 'messages', COALESCE(t.name, '?'), {message_age} FROM messages m LEFT JOIN apps a ON a.id = m.app_id LEFT JOIN tenants t ON t.id = a.tenant_id
           UNION ALL SELECT 'message_files', COALESCE(t.name, '?'), {message_age} FROM message_files f LEFT JOIN messages m ON m.id = f.message_id LEFT JOIN apps a ON a.id = m.app_id LEFT JOIN tenants t ON t.id = a.tenant_id
           UNION ALL SELECT 'message_feedbacks', COALESCE(t.name, '?'), {message_age} FROM message_feedbacks f LEFT JOIN messages m ON m.id = f.message_id LEFT JOIN apps a ON a.id = m.app_id LEFT JOIN tenants t ON t.id = a.tenant_id
           UNION ALL SELECT 'message_chains', COALESCE(t.name, '?'), {message_age} FROM message_chains f LEFT JOIN messages m ON m.id = f.message_id LEFT JOIN apps a ON a.id = m.app_id LEFT JOIN tenants t ON t.id = a.tenant_id
           UNION ALL SELECT 'message_agent_thoughts', COALESCE(t.name, '?'), {message_age} FROM message_agent_thoughts f LEFT JOIN messages m ON m.id = f.message_id LEFT JOIN apps a ON a.id = m.app_id LEFT JOIN tenants t ON t.id = a.tenant_id
         ) rows GROUP BY 1, 2, 3"
    );
    diesel::sql_query(sql)
        .load::<Row>(conn)
        .expect("the census reads")
        .into_iter()
        .map(|row| ((row.tbl, row.tenant, row.age), row.n))
        .collect()
}

/// How long each workspace keeps each root's rows in these tests:
/// `a` keeps messages 50 days, `b` runs 60, `c` everything forever.
fn keep(tenant: &str, table: &str) -> Keep {
    match (tenant, table) {
        ("a", "messages") => Keep::Days(50),
        ("b", "workflow_runs") => Keep::Days(60),
        ("c", _) => Keep::Forever,
        _ => Keep::Days(30),
    }
}

fn overrides_table(conn: &mut PgConnection) {
    conn.batch_execute(
        "CREATE TABLE retention_overrides (tenant_id uuid, table_name text, days integer);
         INSERT INTO retention_overrides
           SELECT id, 'messages', 50 FROM tenants WHERE name = 'a'
           UNION ALL SELECT id, 'workflow_runs', 60 FROM tenants WHERE name = 'b'
           UNION ALL SELECT id, '*', NULL FROM tenants WHERE name = 'c';",
    )
    .unwrap();
}

fn root_of(table: &str) -> &'static str {
    if table.starts_with("workflow") {
        "workflow_runs"
    } else {
        "messages"
    }
}

/// The census with what the overrides expire taken out.
fn expected_after(before: &Census) -> Census {
    before
        .iter()
        .filter(|((table, tenant, age), _)| {
            *age < 0
                || match keep(tenant, root_of(table)) {
                    Keep::Forever => true,
                    Keep::Days(days) => *age <= days as i32,
                }
        })
        .map(|(key, n)| (key.clone(), *n))
        .collect()
}

fn options() -> PurgeOptions {
    PurgeOptions {
        now: Some(now()),
        batch_size: 1,
        overrides: Overrides::Table("retention_overrides".into()),
        ..PurgeOptions::default()
    }
}

fn tenant_names(conn: &mut PgConnection) -> BTreeMap<uuid::Uuid, String> {
    #[derive(QueryableByName)]
    struct T {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: uuid::Uuid,
        #[diesel(sql_type = Text)]
        name: String,
    }
    diesel::sql_query("SELECT id, name FROM tenants")
        .load::<T>(conn)
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect()
}

#[test]
fn purge_removes_exactly_the_expired_rows_and_their_children_across_workspaces() {
    let (_db, mut conn) = adopted_database();
    seed(&mut conn);
    overrides_table(&mut conn);
    let before = census(&mut conn);
    let expected = expected_after(&before);
    let gone: i64 = before.values().sum::<i64>() - expected.values().sum::<i64>();
    assert!(
        gone > 0 && expected.len() > 20,
        "the fixture expires some rows and keeps others"
    );

    // The dry run counts exactly what will go, per table and workspace,
    // with the overrides read from a table and from a callback alike.
    let names = tenant_names(&mut conn);
    let mut wanted: BTreeMap<(String, String), u64> = BTreeMap::new();
    for (key, n) in &before {
        let kept = expected.get(key).copied().unwrap_or(0);
        if *n > kept {
            *wanted.entry((key.0.clone(), key.1.clone())).or_default() += (*n - kept) as u64;
        }
    }
    let counted = |counts: Vec<retention::Count>| -> BTreeMap<(String, String), u64> {
        counts
            .into_iter()
            .filter(|c| c.rows > 0)
            .map(|c| ((c.table, names[&c.tenant.unwrap()].clone()), c.rows))
            .collect()
    };
    let by_table = retention::dry_run(&mut conn, &SCHEMA, &mut options()).unwrap();
    assert_eq!(counted(by_table), wanted);
    let names_for_callback = names.clone();
    let mut by_callback = PurgeOptions {
        overrides: Overrides::Callback(Box::new(move |tenant, table| {
            Some(keep(&names_for_callback[&tenant], table))
        })),
        ..options()
    };
    let by_callback = retention::dry_run(&mut conn, &SCHEMA, &mut by_callback).unwrap();
    assert_eq!(counted(by_callback), wanted);
    assert_eq!(census(&mut conn), before, "a dry run deletes nothing");

    let report = retention::purge(&mut conn, &SCHEMA, &mut options(), |_| {}).unwrap();
    assert_eq!(census(&mut conn), expected);
    assert_eq!(report.rows() as i64, gone);
    // One run or message per batch here: every batch is one root row.
    let roots = report.deleted["workflow_runs"] + report.deleted["messages"];
    assert_eq!(report.batches, roots);

    // Nothing else has expired: a second purge deletes nothing.
    let again = retention::purge(&mut conn, &SCHEMA, &mut options(), |_| {}).unwrap();
    assert_eq!(again.rows(), 0);

    // A purge commits batch by batch, so it refuses to run inside the
    // caller's transaction (whose work it would commit).
    let inside = conn
        .transaction(|conn| {
            Ok::<_, diesel::result::Error>(retention::purge(conn, &SCHEMA, &mut options(), |_| {}))
        })
        .unwrap();
    assert!(
        matches!(inside, Err(retention::PurgeError::InsideTransaction)),
        "{inside:?}"
    );
}

/// Every row of every table a purge touches, as JSON text, sorted.
pub(crate) fn contents(conn: &mut PgConnection) -> BTreeMap<String, Vec<String>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        json: String,
    }
    let roots = retention::roots(&SCHEMA).unwrap();
    let mut out = BTreeMap::new();
    for root in &roots {
        for (table, _) in root.tables() {
            let rows = diesel::sql_query(format!(
                "SELECT row_to_json(t)::text AS json FROM {} t ORDER BY 1",
                table.name
            ))
            .load::<Row>(conn)
            .unwrap()
            .into_iter()
            .map(|r| r.json)
            .collect();
            out.insert(table.name.to_string(), rows);
        }
    }
    out
}

#[test]
fn archive_then_restore_gives_back_identical_rows() {
    let (_db, mut conn) = adopted_database();
    seed(&mut conn);
    overrides_table(&mut conn);
    let before = contents(&mut conn);
    let dir = tempdir("archive");
    let mut options = PurgeOptions {
        archive: Some(dir.clone()),
        batch_size: 2,
        ..options()
    };
    let report = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).unwrap();
    assert!(report.rows() > 0);
    assert_ne!(contents(&mut conn), before);

    let restored = retention::restore(&mut conn, &SCHEMA, &dir).unwrap();
    assert_eq!(restored.restored, report.rows());
    assert_eq!(
        contents(&mut conn),
        before,
        "every row is back, byte for byte"
    );
    // Files per table and day, each in the manifest.
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).unwrap();
    assert!(manifest.lines().count() >= 12, "{manifest}");
    assert!(dir.join("workflow_node_executions").is_dir());

    // Restoring again changes nothing.
    let again = retention::restore(&mut conn, &SCHEMA, &dir).unwrap();
    assert_eq!((again.restored, again.present), (0, report.rows()));
    assert_eq!(contents(&mut conn), before);

    // A purge killed while appending to the manifest leaves a torn line;
    // the next purge cuts it off before it appends its own.
    let manifest_path = dir.join("manifest.jsonl");
    let mut torn = std::fs::read(&manifest_path).unwrap();
    torn.extend_from_slice(br#"{"table":"workflow_ru"#);
    std::fs::write(&manifest_path, torn).unwrap();
    retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).unwrap();
    let after_second = contents(&mut conn);
    let lines = std::fs::read_to_string(&manifest_path).unwrap();
    assert!(lines.ends_with('\n'));
    for line in lines.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("every manifest line is whole");
    }
    assert_eq!(lines.lines().count(), manifest.lines().count() * 2);

    // A file that is not what the manifest says restores nothing.
    let file = manifest.lines().next().unwrap();
    let file: serde_json::Value = serde_json::from_str(file).unwrap();
    let path = dir.join(file["file"].as_str().unwrap());
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&path, bytes).unwrap();
    let error = retention::restore(&mut conn, &SCHEMA, &dir).unwrap_err();
    assert!(
        matches!(error, retention::PurgeError::Corrupt { .. }),
        "{error}"
    );
    assert_eq!(contents(&mut conn), after_second);
    std::fs::remove_dir_all(&dir).ok();
}

/// A scratch directory of its own (an archive's).
pub(crate) fn tempdir(what: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dify-{what}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A purge whose connection dies mid-batch (the server ends its backend
/// while it works, as a crash or a kill would) and is then run again:
/// nothing expired is left, nothing kept is lost, and the archive holds
/// everything that went (restoring it gives the original back).
#[test]
fn a_purge_killed_midway_and_rerun_finishes_with_nothing_lost_or_left() {
    let (db, mut conn) = adopted_database();
    seed(&mut conn);
    overrides_table(&mut conn);
    let before_census = census(&mut conn);
    let before = contents(&mut conn);
    let dir = tempdir("killed");

    let mut purging = PgConnection::establish(db.url()).unwrap();
    purging
        .batch_execute("SET application_name = 'purge-under-test'")
        .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let killer = {
        let url = db.url().to_owned();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut conn = PgConnection::establish(&url).unwrap();
            // Wait for the purge to be inside a batch, after some batches.
            loop {
                if stop.load(Ordering::SeqCst) {
                    return false;
                }
                #[derive(QueryableByName)]
                struct Killed {
                    #[diesel(sql_type = diesel::sql_types::Bool)]
                    killed: bool,
                }
                let killed: Vec<Killed> = diesel::sql_query(
                    "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity \
                     WHERE application_name = 'purge-under-test' AND state = 'idle in transaction' \
                     AND (SELECT count(*) FROM workflow_runs) < 10",
                )
                .load(&mut conn)
                .unwrap();
                if killed.iter().any(|k| k.killed) {
                    return true;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
        })
    };
    let mut slow = PurgeOptions {
        archive: Some(dir.clone()),
        throttle: Throttle::Pause(Duration::from_millis(5)),
        ..options()
    };
    let first = retention::purge(&mut purging, &SCHEMA, &mut slow, |_| {});
    stop.store(true, Ordering::SeqCst);
    let killed = killer.join().unwrap();
    assert!(killed, "the purge was killed mid-way");
    assert!(first.is_err(), "a killed purge reports it: {first:?}");
    let midway = census(&mut conn);
    assert_ne!(
        midway, before_census,
        "some batches were done before the kill"
    );
    assert_ne!(midway, expected_after(&before_census), "and some were not");

    let mut rerun = PurgeOptions {
        archive: Some(dir.clone()),
        ..options()
    };
    retention::purge(&mut conn, &SCHEMA, &mut rerun, |_| {}).unwrap();
    assert_eq!(census(&mut conn), expected_after(&before_census));
    retention::restore(&mut conn, &SCHEMA, &dir).unwrap();
    assert_eq!(
        contents(&mut conn),
        before,
        "the archive holds everything that went"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Writers insert runs with their node executions and update recent
/// runs while a purge deletes old ones: no writer sees an error, and the
/// purge finishes with every expired row gone.
#[test]
fn purge_and_ordinary_writes_run_at_the_same_time_without_errors() {
    let (db, mut conn) = adopted_database();
    seed(&mut conn);
    // More expired runs, so the purge lasts while the writers write.
    conn.batch_execute(&format!(
        "INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from, version,
             status, created_by_role, created_by, created_at)
         SELECT tenant_id, app_id, workflow_id, type, triggered_from, version, status,
             created_by_role, created_by, created_at - make_interval(secs => g)
         FROM workflow_runs, generate_series(1, 300) g WHERE created_at < '{NOW}'::timestamp - interval '60 days'"
    ))
    .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let writers: Vec<_> = (0..3)
        .map(|_| {
            let url = db.url().to_owned();
            let (stop, written) = (stop.clone(), written.clone());
            std::thread::spawn(move || -> Result<(), String> {
                let mut conn = PgConnection::establish(&url).map_err(|e| e.to_string())?;
                while !stop.load(Ordering::SeqCst) {
                    conn.transaction::<_, diesel::result::Error, _>(|conn| {
                        conn.batch_execute(&format!(
                            "WITH run AS (
                               INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from,
                                 version, status, created_by_role, created_by, created_at)
                               SELECT tenant_id, app_id, workflow_id, type, triggered_from, version, 'running',
                                 created_by_role, created_by, '{NOW}' FROM workflow_runs LIMIT 1 RETURNING *)
                             INSERT INTO workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from,
                               workflow_run_id, index, node_id, node_type, title, status, created_by_role,
                               created_by, created_at)
                             SELECT tenant_id, app_id, workflow_id, 'workflow-run', id, 1, 'n', 'llm', 't',
                               'running', created_by_role, created_by, created_at FROM run;
                             UPDATE workflow_runs SET status = 'succeeded'
                               WHERE id = (SELECT id FROM workflow_runs WHERE created_at = '{NOW}' LIMIT 1);"
                        ))
                    })
                    .map_err(|e| format!("a writer failed: {e}"))?;
                    written.fetch_add(1, Ordering::SeqCst);
                }
                Ok(())
            })
        })
        .collect();
    let mut options = PurgeOptions {
        now: Some(now()),
        batch_size: 20,
        tables: vec!["workflow_runs".into()],
        ..PurgeOptions::default()
    };
    let report = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).unwrap();
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().unwrap().unwrap();
    }
    assert!(report.deleted["workflow_runs"] > 600, "{report:?}");
    assert!(written.load(Ordering::SeqCst) > 0, "the writers wrote");
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let left: N = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM workflow_runs WHERE created_at < '{NOW}'::timestamp - interval '30 days'"
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(left.n, 0);
}

/// Every statement a purge sends finds its rows through an index: with
/// sequential scans priced out, a plan that still has one has no index
/// to use.
#[test]
fn every_purge_statement_uses_an_index() {
    let (_db, mut conn) = adopted_database();
    conn.batch_execute("SET enable_seqscan = off").unwrap();
    let cuts = [
        retention::sql::Cuts {
            default: "2026-01-01 00:00:00".into(),
            latest: "2026-01-01 00:00:00".into(),
            overrides: vec![],
        },
        retention::sql::Cuts {
            default: "2026-01-01 00:00:00".into(),
            latest: "2026-02-01 00:00:00".into(),
            overrides: vec![(uuid::Uuid::nil().to_string(), "2026-02-01 00:00:00".into())],
        },
    ];
    let uuid = uuid::Uuid::nil().to_string();
    let mut statements = Vec::new();
    for root in retention::roots(&SCHEMA).unwrap() {
        for cuts in &cuts {
            statements.push(retention::sql::root_batch(&root, cuts, None, 100));
            statements.push(retention::sql::root_batch(
                &root,
                cuts,
                Some(("2025-01-01 00:00:00", &uuid)),
                100,
            ));
        }
        let mut stack: Vec<(&retention::Child, &str)> = root
            .children
            .iter()
            .map(|c| (c, root.key.sql_type.as_str()))
            .collect();
        statements.push(retention::sql::delete(
            &root.table.name,
            root.key.name,
            &root.key.sql_type,
            vec![uuid.clone()],
            true,
        ));
        while let Some((child, parent_type)) = stack.pop() {
            statements.push(retention::sql::child_keys(
                child,
                parent_type,
                vec![uuid.clone()],
            ));
            statements.push(retention::sql::delete(
                &child.table.name,
                child.column,
                parent_type,
                vec![uuid.clone()],
                false,
            ));
            stack.extend(
                child
                    .children
                    .iter()
                    .map(|c| (c, child.key.sql_type.as_str())),
            );
        }
    }
    assert!(statements.len() >= 30, "{}", statements.len());
    #[derive(QueryableByName)]
    struct Plan {
        #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
        line: String,
    }
    for statement in statements {
        let sql = statement.inlined();
        let plan: Vec<Plan> = diesel::sql_query(format!("EXPLAIN {sql}"))
            .load(&mut conn)
            .unwrap();
        let plan: Vec<String> = plan.into_iter().map(|p| p.line).collect();
        assert!(
            !plan.iter().any(|line| line.contains("Seq Scan")),
            "{sql}\n{}",
            plan.join("\n")
        );
    }
}

/// `workflow_runs` in the partitioned layout: the same declarations with
/// `#[partition(by = created_at, interval = month)]` on it.
pub(crate) fn partitioned_schema() -> dify_schema::schema::Schema {
    let tables = SCHEMA
        .tables()
        .map(|table| {
            let mut table = table.clone();
            if table.name == "workflow_runs" {
                table.partition = Some(dify_schema::schema::Partition {
                    column: "created_at".into(),
                });
            }
            table
        })
        .collect();
    dify_schema::schema::Schema::owned(tables, dify_schema::schema::Security::Current)
}

/// A fresh database in `schema`'s layout, with `workflow_runs`'
/// partitions for January to June 2026 (old months, as rows a restore
/// would bring back).
pub(crate) fn partitioned_database(
    schema: &dify_schema::schema::Schema,
) -> (TestDatabase, PgConnection) {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    conn.batch_execute(&dify_schema::render::postgres::create_schema(schema))
        .unwrap();
    for month in 1..=6 {
        conn.batch_execute(&dify_schema::render::postgres::create_partitions(
            schema.table("workflow_runs").unwrap(),
            &format!("'2026-{month:02}-01'::timestamp"),
            1,
        ))
        .unwrap();
    }
    (db, conn)
}

#[test]
fn a_partitioned_root_loses_whole_months_by_drop_and_check_knows_the_layout() {
    let schema = partitioned_schema();
    let (_db, mut conn) = partitioned_database(&schema);
    seed(&mut conn);
    let before = census(&mut conn);
    let mut options = PurgeOptions {
        now: Some(now()),
        ..PurgeOptions::default()
    };
    let report = retention::purge(&mut conn, &schema, &mut options, |_| {}).unwrap();
    // The cut is May 16: the months up to April end before it and go
    // whole (March and April with their runs' children); May's expired
    // rows (40 days old) go by batches.
    assert_eq!(
        report.dropped_partitions,
        vec![
            "workflow_runs_p2026_01",
            "workflow_runs_p2026_02",
            "workflow_runs_p2026_03",
            "workflow_runs_p2026_04"
        ]
    );
    let expected: Census = before
        .iter()
        .filter(|((_, _, age), _)| *age < 0 || *age <= 30)
        .map(|(k, n)| (k.clone(), *n))
        .collect();
    assert_eq!(census(&mut conn), expected);

    // The declarations and the database agree on the layout; Dify's
    // unpartitioned declarations do not, and `check` says where.
    let live = dify_schema::introspect::live_tables(&mut conn).unwrap();
    let ignore = dify_schema::migrate::adopt::BOOKKEEPING;
    let drift = dify_schema::introspect::compare(&schema, &live, &ignore);
    assert!(drift.is_empty(), "{drift:#?}");
    let drift = dify_schema::introspect::compare(&SCHEMA, &live, &ignore);
    let shown: Vec<String> = drift.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(|d| d.contains("`workflow_runs` is partitioned on `created_at` in the database but declared unpartitioned")),
        "{shown:#?}"
    );
    // On Dify's own database the partitioned declarations are refused.
    let dify = TestDatabase::dify_created();
    let live = dify_schema::introspect::live_tables(&mut dify.connect()).unwrap();
    let shown: Vec<String> = dify_schema::introspect::compare(&schema, &live, &ignore)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        shown.iter().any(|d| d.contains("`workflow_runs` is declared partitioned by month on `created_at` but is not partitioned")),
        "{shown:#?}"
    );
    assert!(
        shown.iter().any(|d| d.contains("workflow_run_pkey")),
        "the primary key with created_at differs too: {shown:#?}"
    );

    // A database Dify created whose runs someone partitioned by hand (as
    // pg_partman would) is not adopted: adopt names the layout.
    let partitioned_by_hand = TestDatabase::dify_created();
    let mut conn = partitioned_by_hand.connect();
    conn.batch_execute(
        "ALTER TABLE workflow_runs RENAME TO workflow_runs_old;
         ALTER INDEX workflow_run_pkey RENAME TO workflow_run_pkey_old;
         CREATE TABLE workflow_runs (LIKE workflow_runs_old INCLUDING DEFAULTS,
             CONSTRAINT workflow_run_pkey PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
         DROP TABLE workflow_runs_old;",
    )
    .unwrap();
    let error = dify_schema::migrate::adopt(&mut conn, &dify_models::migrations()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("`workflow_runs` is partitioned on `created_at` in the database but declared unpartitioned"),
        "{message}"
    );
}
