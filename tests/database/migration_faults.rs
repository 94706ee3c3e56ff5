//! Migrations that fail halfway outside a transaction can be run again.
//!
//! A `CREATE INDEX CONCURRENTLY` that fails (a lock timeout against a long
//! writer, duplicates under a unique index) leaves an INVALID index behind,
//! and the migration is not recorded. The runner drops the invalid indexes
//! the migration names before running it again, so the re-run builds them
//! and records the migration once; valid indexes an earlier partial run
//! built are kept.

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Bool, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use dify_schema::migrate::runner::CHECKSUM_TABLE;
use dify_schema::migrate::{Event, MigrateError, MigrationSet, Runner};
use dify_tests::TestDatabase;

/// A migrations directory of its own, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "dify-migration-faults-{test}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes a migration outside a transaction, as `generate` writes one
    /// for `CREATE INDEX CONCURRENTLY`.
    fn non_transactional(&self, name: &str, up: &str, down: &str) {
        let dir = self.0.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("up.sql"), up).unwrap();
        std::fs::write(dir.join("down.sql"), down).unwrap();
        std::fs::write(dir.join("metadata.toml"), "run_in_transaction = false\n").unwrap();
    }

    fn load(&self) -> MigrationSet {
        MigrationSet::from_dir(self.path()).unwrap()
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[derive(QueryableByName, Debug, Clone, PartialEq, Eq)]
struct IndexState {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Bool)]
    valid: bool,
    #[diesel(sql_type = BigInt)]
    oid: i64,
}

/// The indexes on `items`, by name.
fn indexes(conn: &mut PgConnection) -> Vec<IndexState> {
    diesel::sql_query(
        "SELECT c.relname::text AS name, i.indisvalid AS valid, c.oid::bigint AS oid \
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
         WHERE i.indrelid = 'items'::regclass ORDER BY c.relname",
    )
    .load(conn)
    .unwrap()
}

fn index(conn: &mut PgConnection, name: &str) -> Option<IndexState> {
    indexes(conn).into_iter().find(|index| index.name == name)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How often `version` is recorded, in Diesel's table and in the checksums.
fn recorded(conn: &mut PgConnection, version: &str) -> (i64, i64) {
    let count = |conn: &mut PgConnection, table: &str| {
        diesel::sql_query(format!(
            "SELECT count(*) AS n FROM {table} WHERE version = $1"
        ))
        .bind::<Text, _>(version)
        .get_result::<Count>(conn)
        .unwrap()
        .n
    };
    (
        count(conn, "__diesel_schema_migrations"),
        count(conn, CHECKSUM_TABLE),
    )
}

/// A table with rows, made before the migrations (as a user's database has it).
fn items(conn: &mut PgConnection) {
    conn.batch_execute(
        "CREATE TABLE items (id int, name text); \
         INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) g;",
    )
    .unwrap();
}

/// Runs the pending migrations, keeping the progress events.
fn run(
    conn: &mut PgConnection,
    set: &MigrationSet,
) -> (Result<Vec<String>, MigrateError>, Vec<Event>) {
    let mut events = Vec::new();
    let result = Runner::new(conn, set).run_pending(|event| events.push(event));
    (result, events)
}

/// The invalid indexes the runner reported dropping.
fn dropped(events: &[Event]) -> Vec<(String, String)> {
    events
        .iter()
        .filter_map(|event| match event {
            Event::DroppedInvalidIndex { migration, index } => {
                Some((migration.clone(), index.clone()))
            }
            _ => None,
        })
        .collect()
}

/// Every applied migration is recorded with the checksum of its files.
fn assert_recorded_once(conn: &mut PgConnection, set: &MigrationSet) {
    for migration in set.migrations() {
        assert_eq!(
            recorded(conn, migration.version()),
            (1, 1),
            "{} is recorded once",
            migration.name
        );
    }
    let statuses = Runner::new(conn, set).status().unwrap();
    assert!(
        statuses.iter().all(|s| s.applied && s.unchanged),
        "{statuses:?}"
    );
}

const LOCK_TIMEOUT_INDEX: &str = "2026-01-01-000000-00_index_items_name";

/// A writer's open transaction makes `CREATE INDEX CONCURRENTLY` wait for
/// it after the index is in the catalogue; a short `lock_timeout` cancels
/// the wait and leaves the index INVALID. The migration is hand-written
/// without `IF NOT EXISTS`: dropping the invalid index is what lets it run
/// again.
#[test]
fn a_concurrent_index_that_timed_out_on_a_lock_is_rebuilt_on_the_next_run() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    items(&mut conn);
    let scratch = Scratch::new("lock-timeout");
    scratch.non_transactional(
        LOCK_TIMEOUT_INDEX,
        "SET lock_timeout = '200ms';\nCREATE INDEX CONCURRENTLY items_name_idx ON items (name);\n",
        "DROP INDEX CONCURRENTLY IF EXISTS items_name_idx;\n",
    );
    let set = scratch.load();

    // A long writer: its transaction stays open across the first run.
    let mut writer = db.connect();
    writer.batch_execute("BEGIN").unwrap();
    writer
        .batch_execute("INSERT INTO items VALUES (1000, 'written meanwhile')")
        .unwrap();
    match run(&mut conn, &set).0 {
        Err(MigrateError::Failed {
            name,
            statement,
            message,
        }) => {
            assert_eq!(name, LOCK_TIMEOUT_INDEX);
            assert!(
                statement.contains("CREATE INDEX CONCURRENTLY"),
                "{statement}"
            );
            assert!(message.contains("lock timeout"), "{message}");
        }
        other => panic!("expected a Failed error, got {other:?}"),
    }
    assert_eq!(
        index(&mut conn, "items_name_idx").map(|index| index.valid),
        Some(false),
        "the failed build left an INVALID index"
    );
    assert_eq!(recorded(&mut conn, "2026-01-01-000000-00"), (0, 0));

    // The writer ends; the next run heals.
    writer.batch_execute("COMMIT").unwrap();
    let (result, events) = run(&mut conn, &set);
    assert_eq!(result.unwrap(), vec![LOCK_TIMEOUT_INDEX.to_owned()]);
    assert_eq!(
        dropped(&events),
        vec![(LOCK_TIMEOUT_INDEX.to_owned(), "items_name_idx".to_owned())]
    );
    assert_eq!(
        index(&mut conn, "items_name_idx").map(|index| index.valid),
        Some(true)
    );
    assert_recorded_once(&mut conn, &set);
    // Nothing left to do, and nothing dropped.
    let (result, events) = run(&mut conn, &set);
    assert_eq!(result.unwrap(), Vec::<String>::new());
    assert!(dropped(&events).is_empty(), "{events:?}");
}

const UNIQUE_INDEX: &str = "2026-01-01-000000-00_index_items_name_key";

/// Duplicates fail a unique index built concurrently, leaving it INVALID;
/// once they are removed the migration runs again. An invalid index the
/// migration does not name is left alone.
#[test]
fn a_unique_concurrent_index_that_met_duplicates_is_rebuilt_once_they_are_gone() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    items(&mut conn);
    conn.batch_execute("INSERT INTO items VALUES (101, 'item 1'), (102, 'item 2')")
        .unwrap();
    // Somebody else's invalid index, which no migration names.
    assert!(conn
        .batch_execute("CREATE UNIQUE INDEX CONCURRENTLY items_other_key ON items (name)")
        .is_err());
    let scratch = Scratch::new("unique");
    scratch.non_transactional(
        UNIQUE_INDEX,
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_name_key ON items (name);\n",
        "DROP INDEX CONCURRENTLY IF EXISTS items_name_key;\n",
    );
    let set = scratch.load();

    match run(&mut conn, &set).0 {
        Err(MigrateError::Failed { name, message, .. }) => {
            assert_eq!(name, UNIQUE_INDEX);
            assert!(
                message.contains("could not create unique index"),
                "{message}"
            );
        }
        other => panic!("expected a Failed error, got {other:?}"),
    }
    assert_eq!(
        index(&mut conn, "items_name_key").map(|index| index.valid),
        Some(false),
        "the failed build left an INVALID index"
    );
    assert_eq!(recorded(&mut conn, "2026-01-01-000000-00"), (0, 0));

    conn.batch_execute("DELETE FROM items WHERE id > 100")
        .unwrap();
    let (result, events) = run(&mut conn, &set);
    assert_eq!(result.unwrap(), vec![UNIQUE_INDEX.to_owned()]);
    assert_eq!(
        dropped(&events),
        vec![(UNIQUE_INDEX.to_owned(), "items_name_key".to_owned())]
    );
    assert_eq!(
        index(&mut conn, "items_name_key").map(|index| index.valid),
        Some(true)
    );
    assert!(
        conn.batch_execute("INSERT INTO items VALUES (103, 'item 3')")
            .is_err(),
        "the rebuilt index is unique"
    );
    assert_eq!(
        index(&mut conn, "items_other_key").map(|index| index.valid),
        Some(false),
        "an index the migration does not name is not touched"
    );
    assert_recorded_once(&mut conn, &set);
}

const TWO_INDEXES: &str = "2026-01-01-000000-00_index_items_two";

/// Of two concurrent indexes, the first was built and the second failed:
/// the re-run keeps the first (the same index, not rebuilt) and builds the
/// second.
#[test]
fn a_migration_of_two_concurrent_indexes_that_failed_at_the_second_completes() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    items(&mut conn);
    conn.batch_execute("INSERT INTO items VALUES (101, 'item 1')")
        .unwrap();
    let scratch = Scratch::new("two");
    scratch.non_transactional(
        TWO_INDEXES,
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_id_idx ON items (id);\n\
         CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_name_key ON items (name);\n",
        "DROP INDEX CONCURRENTLY IF EXISTS items_name_key;\n\
         DROP INDEX CONCURRENTLY IF EXISTS items_id_idx;\n",
    );
    let set = scratch.load();

    match run(&mut conn, &set).0 {
        Err(MigrateError::Failed {
            name, statement, ..
        }) => {
            assert_eq!(name, TWO_INDEXES);
            assert!(statement.contains("items_name_key"), "{statement}");
        }
        other => panic!("expected a Failed error, got {other:?}"),
    }
    let first = index(&mut conn, "items_id_idx").expect("the first index was built");
    assert!(first.valid);
    assert_eq!(
        index(&mut conn, "items_name_key").map(|index| index.valid),
        Some(false)
    );
    assert_eq!(recorded(&mut conn, "2026-01-01-000000-00"), (0, 0));

    conn.batch_execute("DELETE FROM items WHERE id > 100")
        .unwrap();
    let (result, events) = run(&mut conn, &set);
    assert_eq!(result.unwrap(), vec![TWO_INDEXES.to_owned()]);
    assert_eq!(
        dropped(&events),
        vec![(TWO_INDEXES.to_owned(), "items_name_key".to_owned())],
        "only the invalid index is dropped"
    );
    assert_eq!(
        index(&mut conn, "items_id_idx"),
        Some(first),
        "the valid index is kept as it was"
    );
    assert_eq!(
        index(&mut conn, "items_name_key").map(|index| index.valid),
        Some(true)
    );
    assert_recorded_once(&mut conn, &set);
}

const DROP_INDEX: &str = "2026-01-01-000000-00_drop_index_items_name_key";

/// Rolling back a dropped index builds it again concurrently; when that
/// fails (duplicates written since), the migration stays applied, and the
/// next rollback drops the INVALID index and builds it.
#[test]
fn a_rollback_whose_concurrent_index_failed_can_be_run_again() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    items(&mut conn);
    conn.batch_execute("CREATE UNIQUE INDEX items_name_key ON items (name)")
        .unwrap();
    let scratch = Scratch::new("rollback");
    scratch.non_transactional(
        DROP_INDEX,
        "DROP INDEX CONCURRENTLY IF EXISTS items_name_key;\n",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_name_key ON items (name);\n",
    );
    let set = scratch.load();
    run(&mut conn, &set).0.unwrap();
    assert_eq!(index(&mut conn, "items_name_key"), None);
    conn.batch_execute("INSERT INTO items VALUES (101, 'item 1')")
        .unwrap();

    let rollback = |conn: &mut PgConnection| {
        let mut events = Vec::new();
        let result = Runner::new(conn, &set).rollback(|event| events.push(event));
        (result, events)
    };
    assert!(matches!(
        rollback(&mut conn).0,
        Err(MigrateError::Failed { .. })
    ));
    assert_eq!(
        index(&mut conn, "items_name_key").map(|index| index.valid),
        Some(false)
    );
    assert_eq!(
        recorded(&mut conn, "2026-01-01-000000-00"),
        (1, 1),
        "still applied"
    );

    conn.batch_execute("DELETE FROM items WHERE id > 100")
        .unwrap();
    let (result, events) = rollback(&mut conn);
    assert_eq!(result.unwrap(), DROP_INDEX);
    assert_eq!(
        dropped(&events),
        vec![(DROP_INDEX.to_owned(), "items_name_key".to_owned())]
    );
    assert_eq!(
        index(&mut conn, "items_name_key").map(|index| index.valid),
        Some(true)
    );
    assert_eq!(recorded(&mut conn, "2026-01-01-000000-00"), (0, 0));
}
