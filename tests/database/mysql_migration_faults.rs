//! MySQL commits each DDL statement by itself, so a migration that fails
//! halfway cannot be undone: the runner says so (a typed error naming the
//! statement and how many before it are applied), records what it
//! applied, and the next run resumes at the failed statement once it is
//! fixed. The migration lock is MySQL's `GET_LOCK`.

use std::borrow::Cow;
use std::time::Duration;

use diesel::sql_types::{BigInt, Text};
use diesel::{QueryableByName, RunQueryDsl};
use dify_schema::migrate::mysql::{MysqlRunner, LOCK_NAME_SQL, PROGRESS_TABLE};
use dify_schema::migrate::{MigrateError, MigrationFile, MigrationSet};
use dify_schema::mysql::MysqlConnection;
use dify_tests::mysql::MysqlTestDatabase;

fn migration(up: &str) -> MigrationSet {
    MigrationSet::new(vec![MigrationFile {
        name: Cow::Borrowed("2026-12-04-000000-00_three_tables"),
        up: Cow::Owned(up.to_owned()),
        down: Cow::Borrowed(""),
        run_in_transaction: false,
        dify_revision: None,
        dify_schema: None,
    }])
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut MysqlConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
}

fn has_table(conn: &mut MysqlConnection, table: &str) -> bool {
    diesel::sql_query(
        "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
    )
    .bind::<Text, _>(table)
    .get_result::<Count>(conn)
    .unwrap()
    .n
        == 1
}

const BROKEN: &str = "CREATE TABLE a (id int PRIMARY KEY);\n\
CREATE TABLE b (id int PRIMARY KEY);\n\
ALTER TABLE missing ADD COLUMN x int;\n\
CREATE TABLE c (id int PRIMARY KEY);\n";

#[test]
fn a_migration_failing_halfway_names_its_statement_and_resumes_once_fixed() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    let broken = migration(BROKEN);
    let error = MysqlRunner::new(&mut conn, &broken)
        .run_pending(|_| {})
        .unwrap_err();
    let MigrateError::PartiallyApplied {
        statement,
        position,
        total,
        ..
    } = &error
    else {
        panic!("expected PartiallyApplied, got {error}");
    };
    assert_eq!((*position, *total), (3, 4), "{error}");
    assert!(statement.contains("ALTER TABLE missing"), "{error}");
    assert!(
        error.to_string().contains("the 2 before it are applied"),
        "{error}"
    );
    // What ran is there, recorded; the migration is not applied.
    assert!(has_table(&mut conn, "a") && has_table(&mut conn, "b"));
    assert!(!has_table(&mut conn, "c"));
    assert_eq!(
        count(
            &mut conn,
            &format!("SELECT COUNT(*) AS n FROM {PROGRESS_TABLE}")
        ),
        2
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT COUNT(*) AS n FROM __diesel_schema_migrations"
        ),
        0
    );
    assert_eq!(
        MysqlRunner::new(&mut conn, &broken).unfinished().unwrap(),
        [("2026-12-04-000000-00_three_tables".to_owned(), 2)]
    );

    // Editing a statement that was applied is refused: the database holds the old one.
    let edited = migration(&BROKEN.replace("CREATE TABLE b (id int", "CREATE TABLE b (id bigint"));
    let error = MysqlRunner::new(&mut conn, &edited)
        .run_pending(|_| {})
        .unwrap_err();
    assert!(
        matches!(
            error,
            MigrateError::AppliedStatementEdited { position: 2, .. }
        ),
        "{error}"
    );

    // Fixed: the rerun skips the two applied statements and finishes.
    let fixed = migration(&BROKEN.replace("ALTER TABLE missing", "ALTER TABLE a"));
    let applied = MysqlRunner::new(&mut conn, &fixed)
        .run_pending(|_| {})
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(applied, ["2026-12-04-000000-00_three_tables"]);
    assert!(has_table(&mut conn, "c"));
    assert_eq!(
        count(
            &mut conn,
            "SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'a' AND COLUMN_NAME = 'x'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut conn,
            &format!("SELECT COUNT(*) AS n FROM {PROGRESS_TABLE}")
        ),
        0
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT COUNT(*) AS n FROM __diesel_schema_migrations"
        ),
        1
    );
    assert!(MysqlRunner::new(&mut conn, &fixed)
        .unfinished()
        .unwrap()
        .is_empty());
    let statuses = MysqlRunner::new(&mut conn, &fixed).status().unwrap();
    assert!(statuses[0].applied && statuses[0].unchanged);
    // And nothing more to do.
    assert!(MysqlRunner::new(&mut conn, &fixed)
        .run_pending(|_| {})
        .unwrap()
        .is_empty());
}

#[test]
fn the_lock_held_by_another_session_is_waited_for_and_named() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut holder = db.connect();
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let id = diesel::sql_query("SELECT CAST(CONNECTION_ID() AS SIGNED) AS n")
        .get_result::<Id>(&mut holder)
        .unwrap()
        .n;
    let locked = diesel::sql_query(format!(
        "SELECT CAST(GET_LOCK({LOCK_NAME_SQL}, 0) AS SIGNED) AS n"
    ))
    .get_result::<Id>(&mut holder)
    .unwrap()
    .n;
    assert_eq!(
        locked, 1,
        "the lock is this database's: no other test holds it"
    );
    let mut conn = db.connect();
    let set = migration("CREATE TABLE a (id int PRIMARY KEY);");
    let mut runner = MysqlRunner::new(&mut conn, &set);
    runner.lock_wait = Some(Duration::from_millis(300));
    let error = runner.run_pending(|_| {}).unwrap_err();
    assert!(
        matches!(error, MigrateError::LockTimeout { holder: Some(h), .. } if i64::from(h) == id),
        "{error}"
    );
    // Released by the holder (a dropped connection frees it only once the
    // server has seen the disconnect).
    diesel::sql_query(format!(
        "SELECT CAST(RELEASE_LOCK({LOCK_NAME_SQL}) AS SIGNED) AS n"
    ))
    .get_result::<Id>(&mut holder)
    .unwrap();
    let applied = MysqlRunner::new(&mut conn, &set)
        .run_pending(|_| {})
        .unwrap();
    assert_eq!(applied.len(), 1);
}
