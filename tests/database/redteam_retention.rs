//! Red-team attacks on `dify_schema::retention` (purge, dry run, restore):
//! each test asserts what should hold, so a failing test is a hole.
//!
//! The clock is fixed at `NOW` (2026-06-15 12:00:00); Dify's roots keep
//! 30 days, so the default cut is 2026-05-16 12:00:00.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use dify_models::SCHEMA;
use dify_schema::retention::{self, Keep, Overrides, PurgeError, PurgeOptions, Throttle};
use uuid::Uuid;

use crate::fixtures::adopted_database;
use crate::retention::{contents, partitioned_database, partitioned_schema, tempdir};

const NOW: &str = "2026-06-15 12:00:00";

fn ts(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").unwrap()
}

fn now() -> NaiveDateTime {
    ts(NOW)
}

/// `days` days (may be fractional via hours) before `NOW`, as SQL text.
fn ago(days: i64) -> String {
    (now() - chrono::Duration::days(days))
        .format("%Y-%m-%d %H:%M:%S%.6f")
        .to_string()
}

fn options() -> PurgeOptions {
    PurgeOptions {
        now: Some(now()),
        batch_size: 10,
        ..PurgeOptions::default()
    }
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
}

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    t: Option<String>,
}

fn id(conn: &mut PgConnection, sql: &str) -> Uuid {
    diesel::sql_query(sql)
        .get_result::<IdRow>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .id
}

fn n(conn: &mut PgConnection, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<N>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .n
}

fn text(conn: &mut PgConnection, sql: &str) -> Option<String> {
    diesel::sql_query(sql)
        .get_result::<TextRow>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .t
}

#[derive(Clone, Copy, Debug)]
struct Ws {
    tenant: Uuid,
    app: Uuid,
    conv: Uuid,
}

fn workspace(conn: &mut PgConnection, name: &str) -> Ws {
    let tenant = id(
        conn,
        &format!("INSERT INTO tenants (name) VALUES ('{name}') RETURNING id"),
    );
    let app = id(
        conn,
        &format!(
            "INSERT INTO apps (tenant_id, name, mode, enable_site, enable_api)
             VALUES ('{tenant}', '{name}', 'workflow', true, true) RETURNING id"
        ),
    );
    let conv = id(
        conn,
        &format!(
            "INSERT INTO conversations (app_id, mode, name, status, from_source, inputs, created_at)
             VALUES ('{app}', 'chat', '{name}', 'normal', 'api', '{{}}', '{NOW}') RETURNING id"
        ),
    );
    Ws { tenant, app, conv }
}

/// A run at `at` (SQL timestamp text) with a node execution (with an
/// offload), an app log and a pause (with a reason).
fn run(conn: &mut PgConnection, ws: Ws, at: &str) -> Uuid {
    let Ws { tenant, app, .. } = ws;
    id(
        conn,
        &format!(
            "WITH r AS (
               INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from, version,
                 status, created_by_role, created_by, created_at)
               VALUES ('{tenant}', '{app}', gen_random_uuid(), 'workflow', 'app-run', 'v1', 'succeeded',
                 'account', gen_random_uuid(), '{at}'::timestamp) RETURNING id, created_at),
             ne AS (
               INSERT INTO workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from,
                 workflow_run_id, index, node_id, node_type, title, status, created_by_role,
                 created_by, created_at)
               SELECT '{tenant}', '{app}', gen_random_uuid(), 'workflow-run', r.id, 1, 'n1', 'llm',
                 'node', 'succeeded', 'account', gen_random_uuid(), r.created_at FROM r RETURNING id, created_at),
             o AS (
               INSERT INTO workflow_node_execution_offload (tenant_id, app_id, node_execution_id,
                 type, file_id, created_at)
               SELECT '{tenant}', '{app}', ne.id, 'inputs', gen_random_uuid(), ne.created_at FROM ne),
             l AS (
               INSERT INTO workflow_app_logs (tenant_id, app_id, workflow_id, workflow_run_id,
                 created_from, created_by_role, created_by, created_at)
               SELECT '{tenant}', '{app}', gen_random_uuid(), r.id, 'service-api', 'account',
                 gen_random_uuid(), r.created_at FROM r),
             p AS (
               INSERT INTO workflow_pauses (workflow_id, workflow_run_id, state_object_key, created_at)
               SELECT gen_random_uuid(), r.id, 'key', r.created_at FROM r RETURNING id, created_at),
             pr AS (
               INSERT INTO workflow_pause_reasons (id, pause_id, type_, form_id, node_id, message, created_at)
               SELECT gen_random_uuid(), p.id, 'human_input', 'f', 'n', 'why', p.created_at FROM p)
             SELECT id FROM r"
        ),
    )
}

/// A message at `at` with a file and a chain.
fn message(conn: &mut PgConnection, ws: Ws, at: &str) -> Uuid {
    let Ws { app, conv, .. } = ws;
    id(
        conn,
        &format!(
            "WITH m AS (
               INSERT INTO messages (app_id, conversation_id, inputs, query, message,
                 message_unit_price, answer, answer_unit_price, currency, from_source, created_at)
               VALUES ('{app}', '{conv}', '{{}}', 'q', '{{\"a\": [1, 2]}}', 0, 'a', 0, 'USD', 'api',
                 '{at}'::timestamp) RETURNING id, created_at),
             f AS (
               INSERT INTO message_files (message_id, type, transfer_method, created_by_role, created_by, created_at)
               SELECT m.id, 'image', 'remote_url', 'account', gen_random_uuid(), m.created_at FROM m),
             c AS (INSERT INTO message_chains (message_id, type, created_at) SELECT m.id, 'system', m.created_at FROM m)
             SELECT id FROM m"
        ),
    )
}

fn run_exists(conn: &mut PgConnection, run: Uuid) -> bool {
    n(
        conn,
        &format!("SELECT count(*) AS n FROM workflow_runs WHERE id = '{run}'"),
    ) == 1
}

fn message_exists(conn: &mut PgConnection, message: Uuid) -> bool {
    n(
        conn,
        &format!("SELECT count(*) AS n FROM messages WHERE id = '{message}'"),
    ) == 1
}

fn table_exists(conn: &mut PgConnection, table: &str) -> bool {
    text(
        conn,
        &format!("SELECT to_regclass('public.{table}')::text AS t"),
    )
    .is_some()
}

fn overrides(conn: &mut PgConnection, rows: &str) {
    conn.batch_execute(&format!(
        "CREATE TABLE IF NOT EXISTS retention_overrides (tenant_id uuid, table_name text, days integer);
         INSERT INTO retention_overrides VALUES {rows};"
    ))
    .unwrap();
}

fn table_overrides() -> PurgeOptions {
    PurgeOptions {
        overrides: Overrides::Table("retention_overrides".into()),
        ..options()
    }
}

fn rows_per_table(conn: &mut PgConnection) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for root in &retention::roots(&SCHEMA).unwrap() {
        for (table, _) in root.tables() {
            let count = n(conn, &format!("SELECT count(*) AS n FROM {}", table.name));
            out.insert(table.name.to_string(), count);
        }
    }
    out
}

/// Dry-run totals per table (all workspaces).
fn dry_totals(conn: &mut PgConnection, options: &mut PurgeOptions) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for count in retention::dry_run(conn, &SCHEMA, options).unwrap() {
        if count.rows > 0 {
            *out.entry(count.table).or_default() += count.rows;
        }
    }
    out
}

fn report_totals(report: &retention::PurgeReport) -> BTreeMap<String, u64> {
    report
        .deleted
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(t, n)| (t.clone(), *n))
        .collect()
}

/// Runs `f` on its own thread; `None` if it did not finish in time.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs)).ok()
}

// ---------------------------------------------------------------------
// Overrides tables an operator might write
// ---------------------------------------------------------------------

/// Two override rows for the same workspace and table (10 and 90 days),
/// in both insertion orders. A purge must not pick the shorter one: the
/// longer (or an error) is the only choice that loses nothing someone
/// asked to keep.
#[test]
fn duplicate_overrides_never_choose_the_shorter_retention() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let b = workspace(&mut conn, "b");
    let runs: Vec<Uuid> = [a, b]
        .iter()
        .flat_map(|ws| [20, 50, 80].map(|d| (ws, d)))
        .map(|(ws, d)| run(&mut conn, *ws, &ago(d)))
        .collect();
    let (ta, tb) = (a.tenant, b.tenant);
    overrides(
        &mut conn,
        &format!(
            "('{ta}', 'workflow_runs', 90), ('{ta}', 'workflow_runs', 10),
             ('{tb}', 'workflow_runs', 10), ('{tb}', 'workflow_runs', 90)"
        ),
    );
    let result = retention::purge(&mut conn, &SCHEMA, &mut table_overrides(), |_| {});
    let lost: Vec<Uuid> = runs
        .iter()
        .copied()
        .filter(|r| !run_exists(&mut conn, *r))
        .collect();
    assert!(
        matches!(result, Err(PurgeError::Overrides(_))) || lost.is_empty(),
        "duplicate overrides (10 and 90 days): runs aged 20-80 days deleted ({} of 6): {result:?}",
        lost.len()
    );
}

/// A workspace keeps everything (`'*'`, NULL) except messages (10 days),
/// another keeps runs forever but everything else 5 days: the row naming
/// the table beats the wildcard, whatever the order.
#[test]
fn a_table_override_beats_the_wildcard() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let b = workspace(&mut conn, "b");
    let a_run = run(&mut conn, a, &ago(20));
    let a_msg = message(&mut conn, a, &ago(20));
    let b_run = run(&mut conn, b, &ago(20));
    let b_msg = message(&mut conn, b, &ago(20));
    let (ta, tb) = (a.tenant, b.tenant);
    overrides(
        &mut conn,
        &format!(
            "('{ta}', '*', NULL), ('{ta}', 'messages', 10),
             ('{tb}', 'workflow_runs', NULL), ('{tb}', '*', 5)"
        ),
    );
    retention::purge(&mut conn, &SCHEMA, &mut table_overrides(), |_| {}).unwrap();
    let state = (
        run_exists(&mut conn, a_run),
        message_exists(&mut conn, a_msg),
        run_exists(&mut conn, b_run),
        message_exists(&mut conn, b_msg),
    );
    assert_eq!(
        state,
        (true, false, true, false),
        "(a's run kept, a's message gone, b's run kept, b's message gone)"
    );
}

/// An override row with a NULL tenant (a half-filled admin form) and 1
/// day: it names no workspace, so it must not shorten anyone's retention.
#[test]
fn an_override_with_a_null_tenant_shortens_nobodys_retention() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let young = run(&mut conn, a, &ago(10));
    let young_msg = message(&mut conn, a, &ago(10));
    let old = run(&mut conn, a, &ago(40));
    overrides(&mut conn, "(NULL, '*', 1), (NULL, 'workflow_runs', 1)");
    let result = retention::purge(&mut conn, &SCHEMA, &mut table_overrides(), |_| {});
    assert!(
        run_exists(&mut conn, young) && message_exists(&mut conn, young_msg),
        "a NULL-tenant override with 1 day deleted 10-day-old rows: {result:?}"
    );
    if result.is_ok() {
        assert!(
            !run_exists(&mut conn, old),
            "the expired run is still there"
        );
    }
}

/// Negative days (`-5`) make no sense: the purge must refuse them, not
/// move the cut into the future and delete everything the workspace has.
#[test]
fn negative_override_days_are_refused() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let young = run(&mut conn, a, &ago(1));
    let young_msg = message(&mut conn, a, &ago(1));
    let ta = a.tenant;
    overrides(&mut conn, &format!("('{ta}', '*', -5)"));
    let mut options = table_overrides();
    let dry = retention::dry_run(&mut conn, &SCHEMA, &mut options);
    let result = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {});
    assert!(
        run_exists(&mut conn, young) && message_exists(&mut conn, young_msg),
        "days = -5 deleted a 1-day-old run/message: {result:?}"
    );
    assert!(
        matches!(result, Err(PurgeError::Overrides(_))) && dry.is_err(),
        "days = -5 is accepted: purge {result:?}, dry run {dry:?}"
    );
}

/// Days = 2,000,000,000 in the overrides table ("keep for ever", typed
/// as a big number): no panic, and nothing of that workspace goes.
#[test]
fn huge_override_days_in_the_table_keep_everything_without_panicking() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let ancient = run(&mut conn, a, "1990-01-01 00:00:00");
    let ta = a.tenant;
    overrides(&mut conn, &format!("('{ta}', '*', 2000000000)"));
    let result = catch_unwind(AssertUnwindSafe(|| {
        retention::purge(&mut conn, &SCHEMA, &mut table_overrides(), |_| {})
    }));
    assert!(result.is_ok(), "purge panicked on days = 2,000,000,000");
    assert!(
        run_exists(&mut conn, ancient),
        "a run the workspace keeps 2e9 days is gone: {:?}",
        result.unwrap()
    );
}

/// The callback says `Keep::Days(u32::MAX)`: no panic, nothing goes.
#[test]
fn huge_callback_days_keep_everything_without_panicking() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let ancient = run(&mut conn, a, "1990-01-01 00:00:00");
    let mut options = PurgeOptions {
        overrides: Overrides::Callback(Box::new(|_, _| Some(Keep::Days(u32::MAX)))),
        ..options()
    };
    let dry = catch_unwind(AssertUnwindSafe(|| {
        retention::dry_run(&mut conn, &SCHEMA, &mut options).map(|c| c.len())
    }));
    assert!(dry.is_ok(), "dry_run panicked on Keep::Days(u32::MAX)");
    let result = catch_unwind(AssertUnwindSafe(|| {
        retention::purge(&mut conn, &SCHEMA, &mut options, |_| {})
    }));
    assert!(result.is_ok(), "purge panicked on Keep::Days(u32::MAX)");
    assert!(
        run_exists(&mut conn, ancient),
        "a run kept u32::MAX days is gone"
    );
}

/// An override naming a table that is not a root: a typo
/// (`workflow_run`) or a child (`message_files`), meant as "keep
/// forever". Silently ignoring it deletes what the operator meant to keep.
#[test]
fn an_override_naming_no_root_table_is_refused() {
    let (_db, mut conn) = adopted_database();
    let c = workspace(&mut conn, "c");
    let old_run = run(&mut conn, c, &ago(40));
    let old_msg = message(&mut conn, c, &ago(40));
    let tc = c.tenant;
    overrides(
        &mut conn,
        &format!("('{tc}', 'workflow_run', NULL), ('{tc}', 'message_files', NULL)"),
    );
    let result = retention::purge(&mut conn, &SCHEMA, &mut table_overrides(), |_| {});
    assert!(
        matches!(result, Err(PurgeError::Overrides(_))),
        "overrides naming `workflow_run` (typo) and `message_files` (a child) were accepted \
         and ignored: {result:?}; run kept: {}, message kept: {}",
        run_exists(&mut conn, old_run),
        message_exists(&mut conn, old_msg)
    );
}

/// `--overrides-table` names a table that does not exist: the purge must
/// fail before deleting anything, and must not leave the purge lock held
/// (a purge on another connection then runs).
#[test]
fn a_missing_overrides_table_fails_cleanly_and_releases_the_lock() {
    let (db, mut conn) = adopted_database();
    let c = workspace(&mut conn, "c");
    let old = run(&mut conn, c, &ago(40));
    let mut options = PurgeOptions {
        overrides: Overrides::Table("no_such_overrides".into()),
        ..options()
    };
    let result = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {});
    assert!(
        matches!(
            result,
            Err(PurgeError::Overrides(_)) | Err(PurgeError::Database(_))
        ),
        "{result:?}"
    );
    assert!(
        run_exists(&mut conn, old),
        "rows went although the overrides could not be read"
    );
    // `conn` stays open: a leaked session lock would block this one.
    let mut other = PgConnection::establish(db.url()).unwrap();
    let second = retention::purge(&mut other, &SCHEMA, &mut options_none(), |_| {});
    assert!(
        second.is_ok(),
        "after a failed purge, a purge on another connection fails: {second:?}"
    );
    assert!(!run_exists(&mut conn, old));
}

fn options_none() -> PurgeOptions {
    options()
}

/// SQL in names: the overrides table name and a `tables` entry carry a
/// `DROP TABLE`. Nothing may run; each call fails. A legitimate name that
/// needs quoting (`Retention Overrides`) either works or fails, never
/// ignores its rows.
#[test]
fn sql_looking_names_do_not_inject_and_quoted_names_are_not_ignored() {
    let (_db, mut conn) = adopted_database();
    let c = workspace(&mut conn, "c");
    let old = run(&mut conn, c, &ago(40));
    conn.batch_execute("CREATE TABLE victim (x int)").unwrap();
    let mut evil = PurgeOptions {
        overrides: Overrides::Table("retention_overrides; DROP TABLE victim; --".into()),
        ..options()
    };
    let r1 = retention::purge(&mut conn, &SCHEMA, &mut evil, |_| {});
    let mut evil2 = PurgeOptions {
        overrides: Overrides::Table("\"x\" WHERE false; DROP TABLE victim; --".into()),
        ..options()
    };
    let r2 = retention::dry_run(&mut conn, &SCHEMA, &mut evil2).map(|c| c.len());
    let mut evil3 = PurgeOptions {
        tables: vec!["workflow_runs'; DROP TABLE victim; --".into()],
        ..options()
    };
    let r3 = retention::purge(&mut conn, &SCHEMA, &mut evil3, |_| {});
    assert!(
        table_exists(&mut conn, "victim"),
        "a name's SQL ran: {r1:?} {r2:?} {r3:?}"
    );
    assert!(
        r1.is_err() && r2.is_err() && r3.is_err(),
        "{r1:?} {r2:?} {r3:?}"
    );
    assert!(run_exists(&mut conn, old));

    let tc = c.tenant;
    conn.batch_execute(&format!(
        "CREATE TABLE \"Retention Overrides\" (tenant_id uuid, table_name text, days integer);
         INSERT INTO \"Retention Overrides\" VALUES ('{tc}', '*', NULL);"
    ))
    .unwrap();
    let mut quoted = PurgeOptions {
        overrides: Overrides::Table("Retention Overrides".into()),
        ..options()
    };
    let r4 = retention::purge(&mut conn, &SCHEMA, &mut quoted, |_| {});
    assert!(
        r4.is_err() || run_exists(&mut conn, old),
        "the override in \"Retention Overrides\" (keep forever) was ignored: {r4:?}"
    );
}

/// `tables` with a typo (`workflow_run`) or a child table: "only these
/// root tables" must not turn into "nothing, Ok".
#[test]
fn an_unknown_table_filter_is_an_error_not_an_empty_success() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let old = run(&mut conn, a, &ago(40));
    for table in ["workflow_run", "workflow_node_executions", "WORKFLOW_RUNS"] {
        let mut options = PurgeOptions {
            tables: vec![table.into()],
            ..options()
        };
        let result = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {});
        assert!(
            result.is_err() || !run_exists(&mut conn, old),
            "tables = [{table:?}]: Ok with nothing done: {result:?}"
        );
    }
}

// ---------------------------------------------------------------------
// The cut
// ---------------------------------------------------------------------

/// `now` with microseconds: rows a microsecond either side of the cut,
/// and rows in the same second as the cut, go exactly when older than it;
/// the dry run counts the same.
#[test]
fn the_cut_is_exact_to_the_microsecond() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let now = ts("2026-06-15 12:00:00.250000");
    // cut = 2026-05-16 12:00:00.25
    let older = [
        run(&mut conn, a, "2026-05-16 12:00:00.249999"),
        run(&mut conn, a, "2026-05-16 12:00:00.000000"),
    ];
    let younger = [
        run(&mut conn, a, "2026-05-16 12:00:00.250001"),
        run(&mut conn, a, "2026-05-16 12:00:00.999999"),
        run(&mut conn, a, "2026-05-16 12:00:01.000000"),
    ];
    let mut options = PurgeOptions {
        now: Some(now),
        batch_size: 1,
        ..PurgeOptions::default()
    };
    let dry = dry_totals(&mut conn, &mut options);
    let report = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).unwrap();
    let gone: Vec<bool> = older.iter().map(|r| !run_exists(&mut conn, *r)).collect();
    let kept: Vec<bool> = younger.iter().map(|r| run_exists(&mut conn, *r)).collect();
    assert_eq!(
        (gone, kept),
        (vec![true, true], vec![true, true, true]),
        "(older than the cut gone, younger kept); now = {now}"
    );
    assert_eq!(dry.get("workflow_runs"), Some(&2), "dry run: {dry:?}");
    assert_eq!(
        report_totals(&report),
        dry,
        "the dry run and the purge agree"
    );
}

/// Many expired rows in the same second, differing in microseconds, with
/// random keys, and a pair straddling midnight: with batches of 1 and 3
/// the keyset cursor must neither skip nor stop early.
#[test]
fn microsecond_timestamps_in_one_second_are_all_purged_batch_by_batch() {
    for batch_size in [1u32, 3] {
        let (_db, mut conn) = adopted_database();
        let a = workspace(&mut conn, "a");
        let (tenant, app) = (a.tenant, a.app);
        conn.batch_execute(&format!(
            "INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from, version,
                 status, created_by_role, created_by, created_at)
             SELECT '{tenant}', '{app}', gen_random_uuid(), 'workflow', 'app-run', 'v1', 'succeeded',
                 'account', gen_random_uuid(),
                 '2026-01-01 00:00:00'::timestamp + make_interval(secs => (random() * 0.999999)::numeric(8,6)::float8)
             FROM generate_series(1, 60);
             INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from, version,
                 status, created_by_role, created_by, created_at)
             SELECT '{tenant}', '{app}', gen_random_uuid(), 'workflow', 'app-run', 'v1', 'succeeded',
                 'account', gen_random_uuid(), t::timestamp
             FROM unnest(ARRAY['2026-01-01 23:59:59.999999', '2026-01-02 00:00:00.000000',
                 '2026-01-01 00:00:00.000001', '2026-01-01 00:00:00.999999', '2025-12-31 23:59:59.999999']) t;"
        ))
        .unwrap();
        let young = run(&mut conn, a, &ago(1));
        let mut options = PurgeOptions {
            batch_size,
            ..options()
        };
        let dry = dry_totals(&mut conn, &mut options);
        let report = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).unwrap();
        let left = n(
            &mut conn,
            &format!(
                "SELECT count(*) AS n FROM workflow_runs WHERE created_at < '{}'",
                ago(30)
            ),
        );
        assert_eq!(left, 0, "batch size {batch_size}: expired runs left behind");
        assert!(run_exists(&mut conn, young));
        assert_eq!(report.deleted.get("workflow_runs"), Some(&65));
        assert_eq!(dry.get("workflow_runs"), Some(&65));
    }
}

/// The database's session time zone is not UTC (a pooled connection set
/// for a user, or `ALTER DATABASE ... SET timezone`), and `now` is left to
/// the database: the cut must still be UTC's, as documented.
#[test]
fn the_database_clock_is_utc_whatever_the_session_time_zone() {
    let (db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let utc = |conn: &mut PgConnection, offset: &str| {
        text(
            conn,
            &format!(
                "SELECT to_char((now() AT TIME ZONE 'UTC') - interval '30 days' + interval '{offset}',
                   'YYYY-MM-DD HH24:MI:SS.US') AS t"
            ),
        )
        .unwrap()
    };
    let (young_at, old_at) = (utc(&mut conn, "6 hours"), utc(&mut conn, "-6 hours"));
    let young = run(&mut conn, a, &young_at);
    let old = run(&mut conn, a, &old_at);
    // UTC-12: a local clock 12 hours behind would keep `old`.
    let mut behind = PgConnection::establish(db.url()).unwrap();
    behind.batch_execute("SET TimeZone = 'Etc/GMT+12'").unwrap();
    let mut opts = PurgeOptions {
        now: None,
        ..PurgeOptions::default()
    };
    retention::purge(&mut behind, &SCHEMA, &mut opts, |_| {}).unwrap();
    let old_gone = !run_exists(&mut conn, old);
    // UTC+14: a local clock 14 hours ahead would delete `young`.
    let mut ahead = PgConnection::establish(db.url()).unwrap();
    ahead.batch_execute("SET TimeZone = 'Etc/GMT-14'").unwrap();
    retention::purge(&mut ahead, &SCHEMA, &mut opts, |_| {}).unwrap();
    let young_kept = run_exists(&mut conn, young);
    assert_eq!(
        (old_gone, young_kept),
        (true, true),
        "(run expired 6h ago by UTC gone under UTC-12, run expiring in 6h kept under UTC+14)"
    );
}

/// `now` at chrono's extremes (a bad config, a zeroed field): no panic;
/// at the minimum nothing has expired.
#[test]
fn extreme_now_does_not_panic() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let old = run(&mut conn, a, "1990-01-01 00:00:00");
    for now in [NaiveDateTime::MIN, ts("0001-01-01 00:00:00")] {
        let mut options = PurgeOptions {
            now: Some(now),
            ..options()
        };
        let result = catch_unwind(AssertUnwindSafe(|| {
            retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).map(|r| r.rows())
        }));
        assert!(result.is_ok(), "purge panicked with now = {now}");
        assert!(
            run_exists(&mut conn, old),
            "now = {now} deleted a 1990 run: {result:?}"
        );
    }
    let mut options = PurgeOptions {
        now: Some(NaiveDateTime::MAX),
        ..options()
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        retention::dry_run(&mut conn, &SCHEMA, &mut options).map(|c| c.len())
    }));
    assert!(
        result.is_ok(),
        "dry_run panicked with now = NaiveDateTime::MAX"
    );
}

// ---------------------------------------------------------------------
// Batches and locks
// ---------------------------------------------------------------------

/// `batch_size: 0` through the struct: the purge must either refuse it or
/// delete everything expired; not loop for ever, not return Ok with the
/// expired rows still there.
#[test]
fn batch_size_zero_neither_hangs_nor_pretends() {
    let (db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let old = run(&mut conn, a, &ago(40));
    let url = db.url().to_owned();
    let result = within(60, move || {
        let mut conn = PgConnection::establish(&url).unwrap();
        let mut options = PurgeOptions {
            batch_size: 0,
            ..options()
        };
        retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).map(|r| r.rows())
    });
    let result = result.expect("batch_size 0: the purge did not return within 60s");
    assert!(
        result.is_err() || !run_exists(&mut conn, old),
        "batch_size 0: Ok({:?}) with the expired run still there",
        result.ok()
    );
}

/// `batch_size: u32::MAX` (the "no batching" a hurried developer sets):
/// everything expired goes, nothing panics.
#[test]
fn batch_size_u32_max_purges_everything() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let olds: Vec<Uuid> = (0..5).map(|i| run(&mut conn, a, &ago(40 + i))).collect();
    let young = run(&mut conn, a, &ago(1));
    let mut options = PurgeOptions {
        batch_size: u32::MAX,
        ..options()
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).map(|r| r.rows())
    }));
    let result = result.expect("batch_size u32::MAX panicked");
    assert!(result.is_ok(), "batch_size u32::MAX: {result:?}");
    assert!(olds.iter().all(|r| !run_exists(&mut conn, *r)));
    assert!(run_exists(&mut conn, young));
}

/// A writer holds a row lock on an expired run's node execution; the
/// purge's lock timeout is 500 microseconds (rounds to 0 ms, which in
/// PostgreSQL means "wait for ever"). The purge must give up with
/// `LockTimeout`, not block the writer's table for ever.
#[test]
fn a_sub_millisecond_lock_timeout_does_not_wait_for_ever() {
    let (db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let old = run(&mut conn, a, &ago(40));
    let mut holder = PgConnection::establish(db.url()).unwrap();
    holder
        .batch_execute(&format!(
            "BEGIN; SELECT * FROM workflow_node_executions WHERE workflow_run_id = '{old}' FOR UPDATE;"
        ))
        .unwrap();
    let url = db.url().to_owned();
    let result = within(15, move || {
        let mut conn = PgConnection::establish(&url).unwrap();
        let mut options = PurgeOptions {
            lock_timeout: Duration::from_micros(500),
            retries: 1,
            ..options()
        };
        retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).map(|r| r.rows())
    });
    holder.batch_execute("ROLLBACK").unwrap();
    let result =
        result.expect("lock_timeout 500µs: the purge was still waiting for the lock after 15s");
    assert!(
        matches!(result, Err(PurgeError::LockTimeout { .. })),
        "{result:?}"
    );
}

/// A writer holds a lock on an expired run itself, longer than the purge
/// waits, with no retries: the purge must report `LockTimeout`, not skip
/// the locked row and report Ok with expired rows left.
#[test]
fn a_locked_expired_root_is_a_lock_timeout_not_a_silent_skip() {
    let (db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let old = run(&mut conn, a, &ago(40));
    let older = run(&mut conn, a, &ago(50));
    let mut holder = PgConnection::establish(db.url()).unwrap();
    holder
        .batch_execute(&format!(
            "BEGIN; SELECT * FROM workflow_runs WHERE id = '{old}' FOR UPDATE;"
        ))
        .unwrap();
    let mut options = PurgeOptions {
        lock_timeout: Duration::from_millis(200),
        retries: 0,
        ..options()
    };
    let result = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {});
    holder.batch_execute("ROLLBACK").unwrap();
    assert!(
        result.is_err() || (!run_exists(&mut conn, old) && !run_exists(&mut conn, older)),
        "Ok although a locked expired run is left: {result:?}"
    );
}

/// Two purges at once (two cron jobs): the second says `AlreadyRunning`
/// and deletes nothing; the first finishes everything.
#[test]
fn two_purges_at_once_one_refuses_the_other_finishes() {
    let (db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    for i in 0..20 {
        run(&mut conn, a, &ago(40 + i));
    }
    let url = db.url().to_owned();
    let (started_tx, started_rx) = mpsc::channel();
    let first = std::thread::spawn(move || {
        let mut conn = PgConnection::establish(&url).unwrap();
        let mut options = PurgeOptions {
            batch_size: 1,
            throttle: Throttle::Pause(Duration::from_millis(100)),
            ..options()
        };
        let mut sent = false;
        retention::purge(&mut conn, &SCHEMA, &mut options, |_| {
            if !sent {
                let _ = started_tx.send(());
                sent = true;
            }
        })
    });
    started_rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the first purge did a batch");
    let mut other = PgConnection::establish(db.url()).unwrap();
    let second = retention::purge(&mut other, &SCHEMA, &mut options(), |_| {});
    let first = first.join().unwrap();
    assert!(
        matches!(second, Err(PurgeError::AlreadyRunning)),
        "the second purge: {second:?}"
    );
    let first = first.unwrap();
    assert_eq!(first.deleted.get("workflow_runs"), Some(&20));
}

// ---------------------------------------------------------------------
// Archives and restores
// ---------------------------------------------------------------------

fn archive_options(dir: &Path) -> PurgeOptions {
    PurgeOptions {
        archive: Some(dir.to_path_buf()),
        batch_size: 2,
        ..options()
    }
}

/// A fixture with runs and messages of two workspaces at several ages.
fn seeded(conn: &mut PgConnection) -> (Ws, Ws) {
    let a = workspace(conn, "a");
    let b = workspace(conn, "b");
    for ws in [a, b] {
        for d in [10, 40, 41, 70] {
            run(conn, ws, &ago(d));
            message(conn, ws, &ago(d));
        }
    }
    (a, b)
}

/// The database has a column the declarations do not (Dify shipped a
/// migration first): the archive holds it (`row_to_json`), so a restore
/// must bring its values back too, not NULL them.
#[test]
fn restore_keeps_the_values_of_columns_the_declarations_do_not_know() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let old = run(&mut conn, a, &ago(40));
    conn.batch_execute(&format!(
        "ALTER TABLE workflow_runs ADD COLUMN note text;
         UPDATE workflow_runs SET note = 'keep me' WHERE id = '{old}';"
    ))
    .unwrap();
    let before = contents(&mut conn);
    let dir = tempdir("extra-column");
    let report = retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    assert!(report.rows() > 0);
    retention::restore(&mut conn, &SCHEMA, &dir).unwrap();
    let note = text(
        &mut conn,
        &format!("SELECT note AS t FROM workflow_runs WHERE id = '{old}'"),
    );
    assert_eq!(
        note.as_deref(),
        Some("keep me"),
        "the undeclared column's value was lost"
    );
    assert_eq!(contents(&mut conn), before);
    std::fs::remove_dir_all(&dir).ok();
}

/// The database changed between purge and restore: a column was added
/// (with a default) to a root and a child. The restore still works and
/// every row is back.
#[test]
fn restore_into_a_database_with_an_added_column() {
    let (_db, mut conn) = adopted_database();
    seeded(&mut conn);
    let before = rows_per_table(&mut conn);
    let dir = tempdir("added-column");
    let report = retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    assert!(report.rows() > 0);
    conn.batch_execute(
        "ALTER TABLE workflow_runs ADD COLUMN extra text NOT NULL DEFAULT 'x';
         ALTER TABLE message_files ADD COLUMN extra integer;",
    )
    .unwrap();
    let restored = retention::restore(&mut conn, &SCHEMA, &dir);
    assert!(restored.is_ok(), "{restored:?}");
    assert_eq!(rows_per_table(&mut conn), before);
    std::fs::remove_dir_all(&dir).ok();
}

/// A restore that fails part-way (a constraint added since rejects the
/// archived offloads): nothing of it may stay: no runs back without their
/// node executions' offloads.
#[test]
fn a_restore_that_fails_midway_leaves_nothing_half_applied() {
    let (_db, mut conn) = adopted_database();
    seeded(&mut conn);
    let dir = tempdir("half");
    retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    let after_purge = rows_per_table(&mut conn);
    conn.batch_execute(
        "ALTER TABLE workflow_node_execution_offload ADD CONSTRAINT no_inputs CHECK (type <> 'inputs') NOT VALID",
    )
    .unwrap();
    let result = retention::restore(&mut conn, &SCHEMA, &dir);
    assert!(result.is_err(), "the restore reported success: {result:?}");
    assert_eq!(
        rows_per_table(&mut conn),
        after_purge,
        "a failed restore left part of the archive in the database"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Two purges into the same archive directory take rows of the same table
/// and day (the first keeps workspace b by a callback, the second does
/// not): the second's files must not replace the first's, and a restore
/// brings everything back.
#[test]
fn two_purges_into_one_archive_restore_everything() {
    let (_db, mut conn) = adopted_database();
    let (_, b) = seeded(&mut conn);
    let before = contents(&mut conn);
    let dir = tempdir("twice");
    let tb = b.tenant;
    let mut first = PurgeOptions {
        overrides: Overrides::Callback(Box::new(move |tenant, _| {
            (tenant == tb).then_some(Keep::Forever)
        })),
        ..archive_options(&dir)
    };
    let r1 = retention::purge(&mut conn, &SCHEMA, &mut first, |_| {}).unwrap();
    let r2 = retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    assert!(r1.rows() > 0 && r2.rows() > 0);
    let restored = retention::restore(&mut conn, &SCHEMA, &dir);
    assert!(restored.is_ok(), "{restored:?}");
    assert_eq!(restored.unwrap().restored, r1.rows() + r2.rows());
    assert_eq!(
        contents(&mut conn),
        before,
        "every row of both purges is back"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The manifest's lines reversed (children's files before their
/// parents'; a hand merge of two manifests): restore still puts parents
/// first and brings everything back.
#[test]
fn restore_does_not_depend_on_manifest_order() {
    let (_db, mut conn) = adopted_database();
    seeded(&mut conn);
    let before = contents(&mut conn);
    let dir = tempdir("reversed");
    retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    let manifest = dir.join("manifest.jsonl");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.reverse();
    std::fs::write(&manifest, lines.join("\n") + "\n").unwrap();
    let restored = retention::restore(&mut conn, &SCHEMA, &dir);
    assert!(restored.is_ok(), "{restored:?}");
    assert_eq!(contents(&mut conn), before);
    std::fs::remove_dir_all(&dir).ok();
}

/// A manifest edited by hand: its `table` names another table (with SQL
/// in it, or `tenants`), or its `file` leaves the archive. Restore must
/// refuse, run no SQL from the manifest, and restore nothing.
#[test]
fn a_hand_edited_manifest_cannot_inject_or_redirect() {
    let (_db, mut conn) = adopted_database();
    seeded(&mut conn);
    conn.batch_execute("CREATE TABLE victim (x int)").unwrap();
    let dir = tempdir("edited");
    retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    let after_purge = rows_per_table(&mut conn);
    let manifest = dir.join("manifest.jsonl");
    let original = std::fs::read_to_string(&manifest).unwrap();
    let first: serde_json::Value = serde_json::from_str(original.lines().next().unwrap()).unwrap();
    let table = first["table"]
        .as_str()
        .expect("a manifest line names its table")
        .to_owned();
    for replacement in [
        format!("{table}\\\" (id) SELECT 1; DROP TABLE victim; --"),
        format!("{table}; DROP TABLE victim; --"),
        "tenants".to_string(),
    ] {
        let edited = original.replacen(
            &format!("\"table\":\"{table}\""),
            &format!("\"table\":\"{replacement}\""),
            1,
        );
        assert_ne!(edited, original, "the manifest's format: {original}");
        std::fs::write(&manifest, &edited).unwrap();
        let result = retention::restore(&mut conn, &SCHEMA, &dir);
        assert!(
            table_exists(&mut conn, "victim"),
            "manifest SQL ran: {result:?}"
        );
        assert!(
            result.is_err(),
            "table = {replacement:?} accepted: {result:?}"
        );
        assert_eq!(
            rows_per_table(&mut conn),
            after_purge,
            "table = {replacement:?}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The archive directory is a regular file (a typo'd path): the purge
/// fails with an I/O error and deletes nothing.
#[test]
fn an_unwritable_archive_deletes_nothing() {
    let (_db, mut conn) = adopted_database();
    seeded(&mut conn);
    let before = rows_per_table(&mut conn);
    let dir = tempdir("file");
    let file = dir.join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    for path in [file.clone(), file.join("below")] {
        let result = retention::purge(&mut conn, &SCHEMA, &mut archive_options(&path), |_| {});
        assert!(matches!(result, Err(PurgeError::Io { .. })), "{result:?}");
        assert_eq!(
            rows_per_table(&mut conn),
            before,
            "rows went without an archive"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Odd values in expired rows (NaN and infinite floats, `-infinity` and
/// microsecond timestamps, unicode, backslashes, newlines, bigint max):
/// archived and restored byte for byte.
#[test]
fn odd_values_survive_archive_and_restore() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let r1 = run(&mut conn, a, "2026-01-01 01:02:03.456789");
    let r2 = run(&mut conn, a, "-infinity");
    let m1 = message(&mut conn, a, "2026-01-01 23:59:59.999999");
    conn.batch_execute(&format!(
        "UPDATE workflow_runs SET elapsed_time = 'NaN', graph = E'line\\nbreak \\\\ \"q\" \\u00e9 \\U0001F600',
             finished_at = 'infinity', total_tokens = 9223372036854775807
           WHERE id = '{r1}';
         UPDATE workflow_runs SET elapsed_time = '-Infinity' WHERE id = '{r2}';
         UPDATE messages SET message = '{{\"b\": 1e400, \"c\": [1.0, 1.00],   \"d\" : \"\\u00e9\"}}',
             message_unit_price = 0.0000001, provider_response_latency = 'Infinity'
           WHERE id = '{m1}';"
    ))
    .unwrap();
    let before = contents(&mut conn);
    let dir = tempdir("odd");
    let report = retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {});
    assert!(report.is_ok(), "{report:?}");
    assert!(
        !run_exists(&mut conn, r2),
        "the -infinity run was not purged"
    );
    let restored = retention::restore(&mut conn, &SCHEMA, &dir);
    assert!(restored.is_ok(), "{restored:?}");
    assert_eq!(contents(&mut conn), before);
    std::fs::remove_dir_all(&dir).ok();
}

/// A message whose `json` column holds `\u0000` (valid in PostgreSQL's
/// `json`, not in `jsonb`; LLM output has it): the purge archives and
/// deletes it, so the restore must be able to bring it back, or the purge
/// must not delete what it cannot restore.
#[test]
fn a_json_nul_escape_is_not_archived_beyond_restore() {
    let (_db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let m = message(&mut conn, a, &ago(40));
    conn.batch_execute(&format!(
        "UPDATE messages SET message = '{{\"a\": \"x\\u0000y\"}}' WHERE id = '{m}'"
    ))
    .unwrap();
    let before = contents(&mut conn);
    let dir = tempdir("nul");
    let report = retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {});
    if report.is_ok() && !message_exists(&mut conn, m) {
        let restored = retention::restore(&mut conn, &SCHEMA, &dir);
        assert!(
            restored.is_ok(),
            "the purge deleted a message its archive cannot restore: {restored:?}"
        );
        assert_eq!(contents(&mut conn), before);
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// `Throttle::RowsPerSecond(0)` (`--rows-per-second 0`, "as slow as
/// possible" or an unset config): no panic, no endless sleep; either
/// refused or treated as some finite pace.
#[test]
fn rows_per_second_zero_neither_panics_nor_sleeps_for_ever() {
    let (db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    run(&mut conn, a, &ago(40));
    run(&mut conn, a, &ago(41));
    let url = db.url().to_owned();
    let result = within(60, move || {
        let mut conn = PgConnection::establish(&url).unwrap();
        let mut options = PurgeOptions {
            batch_size: 1,
            throttle: Throttle::RowsPerSecond(0),
            ..options()
        };
        catch_unwind(AssertUnwindSafe(|| {
            retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).map(|r| r.rows())
        }))
        .map_err(|p| {
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        })
    });
    let result = result.expect("rows per second 0: the purge had not returned after 60s");
    assert!(result.is_ok(), "rows per second 0 panicked: {result:?}");
}

/// A manifest saved by a Windows editor (CRLF line ends) after a look:
/// the restore still reads it, or refuses it whole; it does not restore
/// part and report the rest as done.
#[test]
fn a_crlf_manifest_restores_everything_or_nothing() {
    let (_db, mut conn) = adopted_database();
    seeded(&mut conn);
    let before = contents(&mut conn);
    let dir = tempdir("crlf");
    retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    let after_purge = contents(&mut conn);
    let manifest = dir.join("manifest.jsonl");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace('\n', "\r\n")).unwrap();
    let restored = retention::restore(&mut conn, &SCHEMA, &dir);
    let now = contents(&mut conn);
    assert!(
        (restored.is_ok() && now == before) || (restored.is_err() && now == after_purge),
        "CRLF manifest: {restored:?}, everything back: {}",
        now == before
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// One archive file deleted (a partial copy of the archive): restore
/// checks every file first, so it fails with nothing restored.
#[test]
fn a_missing_archive_file_restores_nothing() {
    let (_db, mut conn) = adopted_database();
    seeded(&mut conn);
    let dir = tempdir("missing");
    retention::purge(&mut conn, &SCHEMA, &mut archive_options(&dir), |_| {}).unwrap();
    let after_purge = rows_per_table(&mut conn);
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).unwrap();
    let last: serde_json::Value = serde_json::from_str(manifest.lines().last().unwrap()).unwrap();
    std::fs::remove_file(dir.join(last["file"].as_str().unwrap())).unwrap();
    let restored = retention::restore(&mut conn, &SCHEMA, &dir);
    assert!(restored.is_err(), "{restored:?}");
    assert_eq!(
        rows_per_table(&mut conn),
        after_purge,
        "a partial restore happened"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// An overrides table whose `tenant_id` is `text` and `days` `bigint`
/// (as an operator types it by hand): it works or fails, but its "keep
/// forever" row is not silently ignored.
#[test]
fn an_overrides_table_with_other_column_types_is_not_ignored() {
    let (_db, mut conn) = adopted_database();
    let c = workspace(&mut conn, "c");
    let old = run(&mut conn, c, &ago(40));
    let tc = c.tenant;
    conn.batch_execute(&format!(
        "CREATE TABLE retention_overrides (tenant_id text, table_name varchar(64), days bigint);
         INSERT INTO retention_overrides VALUES ('{tc}', '*', NULL);"
    ))
    .unwrap();
    let result = retention::purge(&mut conn, &SCHEMA, &mut table_overrides(), |_| {});
    assert!(
        result.is_err() || run_exists(&mut conn, old),
        "the keep-forever override in a text-typed table was ignored: {result:?}"
    );
}

// ---------------------------------------------------------------------
// Odd references
// ---------------------------------------------------------------------

/// A messy database: messages whose app was deleted (no workspace), a
/// node execution of workspace c (kept forever) under a run of a, an app
/// log of a under c's run, with overrides: the dry run and the purge
/// agree table by table, and c's run keeps its children.
#[test]
fn dry_run_and_purge_agree_on_a_messy_database() {
    let (_db, mut conn) = adopted_database();
    let (a, b) = seeded(&mut conn);
    let c = workspace(&mut conn, "c");
    let c_run = run(&mut conn, c, &ago(40));
    let a_run = run(&mut conn, a, &ago(40));
    let orphan_msg = message(&mut conn, b, &ago(40));
    let (ta, tc) = (a.tenant, c.tenant);
    conn.batch_execute(&format!(
        "UPDATE workflow_node_executions SET tenant_id = '{tc}' WHERE workflow_run_id = '{a_run}';
         UPDATE workflow_app_logs SET tenant_id = '{ta}' WHERE workflow_run_id = '{c_run}';
         DELETE FROM apps WHERE id = '{}';",
        b.app
    ))
    .unwrap();
    overrides(
        &mut conn,
        &format!("('{tc}', '*', NULL), ('{ta}', 'messages', 60)"),
    );
    let mut options = table_overrides();
    let dry = dry_totals(&mut conn, &mut options);
    let report = retention::purge(&mut conn, &SCHEMA, &mut options, |_| {}).unwrap();
    assert_eq!(report_totals(&report), dry, "dry run vs purge");
    assert!(run_exists(&mut conn, c_run));
    assert_eq!(
        n(
            &mut conn,
            &format!(
                "SELECT count(*) AS n FROM workflow_app_logs WHERE workflow_run_id = '{c_run}'"
            )
        ),
        1,
        "c's run lost its app log"
    );
    assert!(
        !message_exists(&mut conn, orphan_msg),
        "documented: no app, default retention"
    );
}

// ---------------------------------------------------------------------
// Partitions
// ---------------------------------------------------------------------

/// Whole months dropped with `--archive`: their rows (and children) are
/// in the archive, and a restore (which must recreate the dropped
/// partitions) brings every row back.
#[test]
fn dropped_partitions_are_archived_and_restored() {
    let schema = partitioned_schema();
    let (_db, mut conn) = partitioned_database(&schema);
    seeded(&mut conn);
    let a = workspace(&mut conn, "z");
    for at in [
        "2026-01-31 23:59:59.999999",
        "2026-02-01 00:00:00",
        "2026-03-15 10:00:00.5",
    ] {
        run(&mut conn, a, at);
    }
    let before = contents(&mut conn);
    let dir = tempdir("partitions");
    let mut options = archive_options(&dir);
    let report = retention::purge(&mut conn, &schema, &mut options, |_| {}).unwrap();
    assert!(!report.dropped_partitions.is_empty(), "{report:?}");
    let restored = retention::restore(&mut conn, &schema, &dir);
    assert!(restored.is_ok(), "{restored:?}");
    assert_eq!(
        contents(&mut conn),
        before,
        "every row of the dropped months is back"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A workspace that keeps runs forever but has no rows in an old month:
/// the month may go. A workspace with a row in that month and a longer
/// override (400 days): the month must stay, with that row.
#[test]
fn a_partition_with_a_row_some_workspace_keeps_is_not_dropped() {
    let schema = partitioned_schema();
    let (_db, mut conn) = partitioned_database(&schema);
    let a = workspace(&mut conn, "a");
    let b = workspace(&mut conn, "b");
    let kept = run(&mut conn, b, "2026-02-10 00:00:00");
    let gone = run(&mut conn, a, "2026-02-11 00:00:00");
    let tb = b.tenant;
    let mut options = PurgeOptions {
        overrides: Overrides::Callback(Box::new(move |tenant, _| {
            (tenant == tb).then_some(Keep::Days(400))
        })),
        ..options()
    };
    let report = retention::purge(&mut conn, &schema, &mut options, |_| {}).unwrap();
    assert!(
        run_exists(&mut conn, kept),
        "b's kept run was dropped with its month: {report:?}"
    );
    assert!(!run_exists(&mut conn, gone), "a's expired run is left");
    assert_eq!(
        n(&mut conn, &format!("SELECT count(*) AS n FROM workflow_node_executions WHERE workflow_run_id = '{kept}'")),
        1
    );
}

// ---------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------

fn dify_db() -> std::process::Command {
    let exe = std::env::var("CARGO_BIN_EXE_dify-db")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/dify-db")
        });
    std::process::Command::new(exe)
}

/// `dify-db purge --table workflow_run` (typo) and `--overrides-table`
/// naming a missing table: a non-zero exit, not "done".
#[test]
fn the_cli_fails_on_a_typo_instead_of_succeeding() {
    let (db, mut conn) = adopted_database();
    let a = workspace(&mut conn, "a");
    let old = run(&mut conn, a, "2000-01-01 00:00:00");
    let out = dify_db()
        .args([
            "purge",
            "--database-url",
            db.url(),
            "--table",
            "workflow_run",
        ])
        .output()
        .expect("dify-db runs");
    assert!(
        !out.status.success() || !run_exists(&mut conn, old),
        "`purge --table workflow_run` exited 0 having done nothing: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let old = run(&mut conn, a, "2000-01-01 00:00:00");
    let out = dify_db()
        .args([
            "purge",
            "--database-url",
            db.url(),
            "--overrides-table",
            "no_such",
        ])
        .output()
        .expect("dify-db runs");
    assert!(!out.status.success(), "--overrides-table no_such exited 0");
    assert!(
        run_exists(&mut conn, old),
        "a purge with unreadable overrides deleted rows"
    );
}
