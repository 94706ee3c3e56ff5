//! Migrations: the committed ones give exactly the declared schema, they
//! round-trip, and the runner is safe against a second runner, a failing
//! migration and an edited one.

use std::borrow::Cow;
use std::process::Command;
use std::sync::{Arc, Barrier};

use diesel::sql_types::BigInt;
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use dify_models::SCHEMA;
use dify_schema::introspect::{compare, live_tables};
use dify_schema::migrate::runner::CHECKSUM_TABLE;
use dify_schema::migrate::snapshot::SchemaSnapshot;
use dify_schema::migrate::{
    recorded_schema, Event, MigrateError, MigrationFile, MigrationSet, Runner,
};
use dify_tests::TestDatabase;

const BOOKKEEPING: [&str; 2] = ["__diesel_schema_migrations", CHECKSUM_TABLE];

fn migrations_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations")
}

fn apply_all(conn: &mut PgConnection, set: &MigrationSet) -> Vec<String> {
    Runner::new(conn, set).run_pending(|_| {}).unwrap()
}

#[test]
fn the_committed_migrations_give_exactly_the_declared_schema() {
    // Declarations against the record beside the migrations.
    let recorded = recorded_schema(&migrations_dir()).unwrap();
    assert!(
        SchemaSnapshot::of(&recorded) == SchemaSnapshot::of(&SCHEMA),
        "the declarations changed since the last migration: run `cargo run -p dify-models --bin dify-db -- generate <name>`"
    );
    // The snapshot is the IR serialised: the file is exactly what the
    // declarations write, byte for byte.
    let file = std::fs::read_to_string(migrations_dir().join("schema.json")).unwrap();
    assert!(
        SchemaSnapshot::of(&SCHEMA).to_json() == file,
        "migrations/schema.json is not what the declarations serialise to"
    );
    // Migrations against a real database, through the catalogue.
    let db = TestDatabase::new();
    let mut conn = db.connect();
    let set = dify_models::migrations();
    let applied = apply_all(&mut conn, &set);
    assert_eq!(applied.len(), set.migrations().len());
    let drift = compare(&SCHEMA, &live_tables(&mut conn).unwrap(), &BOOKKEEPING);
    assert!(
        drift.is_empty(),
        "drift:\n{}",
        drift.iter().map(|d| format!("  {d}\n")).collect::<String>()
    );
    // The files on disk are the ones compiled in.
    assert_eq!(MigrationSet::from_dir(&migrations_dir()).unwrap(), set);
}

fn pg_dump(db: &TestDatabase) -> String {
    let output = Command::new("pg_dump")
        .args([
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "--dbname",
            db.url(),
        ])
        .output()
        .expect("pg_dump runs (it comes with PostgreSQL's client tools)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // pg_dump (since 15.14, 16.10, 17.6) fences its output with
    // `\restrict <random key>` and `\unrestrict <key>`; the key differs on
    // every run and is not part of the schema.
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with("\\restrict ") && !line.starts_with("\\unrestrict "))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn up_down_up_gives_a_byte_identical_schema_dump() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    let set = dify_models::migrations();
    apply_all(&mut conn, &set);
    let first = pg_dump(&db);
    for _ in set.migrations() {
        Runner::new(&mut conn, &set).rollback(|_| {}).unwrap();
    }
    assert!(
        live_tables(&mut conn)
            .unwrap()
            .keys()
            .all(|table| BOOKKEEPING.contains(&table.as_str())),
        "rolling everything back leaves only the bookkeeping tables"
    );
    apply_all(&mut conn, &set);
    let second = pg_dump(&db);
    assert!(
        first == second,
        "the dumps differ:\n{}",
        line_diff(&first, &second)
    );
}

fn line_diff(a: &str, b: &str) -> String {
    a.lines()
        .zip(b.lines())
        .filter(|(x, y)| x != y)
        .take(10)
        .map(|(x, y)| format!("- {x}\n+ {y}\n"))
        .collect()
}

fn migration(name: &'static str, up: &'static str, down: &'static str) -> MigrationFile {
    MigrationFile {
        dify_revision: None,
        dify_schema: None,
        name: Cow::Borrowed(name),
        up: Cow::Borrowed(up),
        down: Cow::Borrowed(down),
        run_in_transaction: true,
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
}

#[test]
fn two_runners_started_together_apply_once() {
    let db = TestDatabase::new();
    let set = Arc::new(MigrationSet::new(vec![
        migration(
            "2026-01-01-000000-00_slow",
            "CREATE TABLE slow (id int); SELECT pg_sleep(1);",
            "DROP TABLE slow;",
        ),
        migration(
            "2026-01-01-000000-01_counter",
            "CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);",
            "DROP TABLE counter;",
        ),
    ]));
    let start = Arc::new(Barrier::new(2));
    let runners: Vec<_> = (0..2)
        .map(|_| {
            let (set, start, url) = (set.clone(), start.clone(), db.url().to_owned());
            std::thread::spawn(move || {
                let mut conn = <PgConnection as diesel::Connection>::establish(&url).unwrap();
                let mut waited = false;
                start.wait();
                let applied = Runner::new(&mut conn, &set)
                    .run_pending(|event| waited |= matches!(event, Event::WaitingForLock { .. }))
                    .expect("neither runner fails");
                (applied.len(), waited)
            })
        })
        .collect();
    let mut results: Vec<(usize, bool)> = runners.into_iter().map(|r| r.join().unwrap()).collect();
    results.sort();
    assert_eq!(
        results,
        vec![(0, true), (2, false)],
        "one applies both, the other waits and finds nothing"
    );
    let mut conn = db.connect();
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM counter"),
        1,
        "applied once"
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM __diesel_schema_migrations"
        ),
        2
    );
}

#[test]
fn a_migration_that_fails_halfway_leaves_the_database_as_it_was() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    let set = MigrationSet::new(vec![
        migration("2026-01-01-000000-00_good", "CREATE TABLE good (id int);", "DROP TABLE good;"),
        migration(
            "2026-01-01-000000-01_bad",
            "CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\nINSERT INTO missing_table VALUES (1);\n",
            "DROP TABLE half;",
        ),
    ]);
    match Runner::new(&mut conn, &set).run_pending(|_| {}) {
        Err(MigrateError::Failed {
            name,
            statement,
            message,
        }) => {
            assert_eq!(name, "2026-01-01-000000-01_bad");
            assert_eq!(statement, "INSERT INTO missing_table VALUES (1)");
            assert!(message.contains("missing_table"), "{message}");
        }
        other => panic!("expected a Failed error, got {other:?}"),
    }
    let tables = live_tables(&mut conn).unwrap();
    assert!(
        tables.contains_key("good"),
        "the migration before it stays applied"
    );
    assert!(
        !tables.contains_key("half"),
        "the failed migration left nothing behind"
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM __diesel_schema_migrations"
        ),
        1
    );
    // The lock was released: another run can take it (and fails the same way).
    assert!(matches!(
        Runner::new(&mut conn, &set).run_pending(|_| {}),
        Err(MigrateError::Failed { .. })
    ));
}

#[test]
fn an_edited_applied_migration_is_refused_by_name() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    let original = MigrationSet::new(vec![migration(
        "2026-01-01-000000-00_first",
        "CREATE TABLE first (id int);",
        "DROP TABLE first;",
    )]);
    apply_all(&mut conn, &original);
    let edited = MigrationSet::new(vec![
        migration(
            "2026-01-01-000000-00_first",
            "CREATE TABLE first (id bigint);",
            "DROP TABLE first;",
        ),
        migration(
            "2026-01-01-000000-01_second",
            "CREATE TABLE second (id int);",
            "DROP TABLE second;",
        ),
    ]);
    match Runner::new(&mut conn, &edited).run_pending(|_| {}) {
        Err(error @ MigrateError::Edited { .. }) => {
            assert!(
                error.to_string().contains("2026-01-01-000000-00_first"),
                "{error}"
            );
        }
        other => panic!("expected an Edited error, got {other:?}"),
    }
    assert!(
        !live_tables(&mut conn).unwrap().contains_key("second"),
        "nothing ran"
    );
    let statuses = Runner::new(&mut conn, &edited).status().unwrap();
    assert!(statuses[0].applied && !statuses[0].unchanged);
}

#[test]
fn unacknowledged_unsafe_statements_are_refused_before_anything_runs() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    let set = MigrationSet::new(vec![migration(
        "2026-01-01-000000-00_drop",
        "CREATE TABLE t (id int);\n-- UNSAFE(drop-column): dropping `t.id` loses its data. Review, then change UNSAFE to ACKNOWLEDGED.\nALTER TABLE t DROP COLUMN id;",
        "",
    )]);
    assert!(matches!(
        Runner::new(&mut conn, &set).run_pending(|_| {}),
        Err(MigrateError::Unacknowledged { .. })
    ));
    assert!(!live_tables(&mut conn).unwrap().contains_key("t"));
}
