//! The MySQL migrations build exactly the schema Dify's own migrations
//! build on MariaDB: applied to an empty database by the runner `dify-db
//! migrate` uses, the catalogue read from information_schema equals Dify's
//! recorded one (`tests/reference/dify_upstream_mysql_catalogue.json`),
//! table by table, column by column, key by key. The declarations, the
//! migration files and the MySQL snapshot agree with each other.

use std::path::PathBuf;

use diesel::connection::SimpleConnection;
use dify_models::SCHEMA;
use dify_schema::introspect::mysql::{compare, expected, read, MysqlCatalogue};
use dify_schema::migrate::files::recorded_schema;
use dify_schema::migrate::mysql::{MysqlRunner, MYSQL_BOOKKEEPING};
use dify_schema::migrate::snapshot::SchemaSnapshot;
use dify_schema::render;
use dify_tests::mysql::MysqlTestDatabase;
use dify_tests::mysql_reference::dify_mysql_catalogue;

fn mysql_migrations_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../migrations-mysql")
}

/// Prints the figures of a comparison and fails listing every difference.
fn assert_same(what: &str, expected: &MysqlCatalogue, live: &MysqlCatalogue, ignore: &[&str]) {
    let drift = compare(expected, live, ignore);
    let (tables, columns, indexes) = live.clone().without(ignore).counts();
    eprintln!(
        "{what}: {tables} tables, {columns} columns, {indexes} indexes, {} differences",
        drift.len()
    );
    if !drift.is_empty() {
        let list: Vec<String> = drift.iter().map(|d| format!("  {d}")).collect();
        panic!("{what}: {} differences:\n{}", drift.len(), list.join("\n"));
    }
}

#[test]
fn the_mysql_migrations_build_exactly_difys_mysql_schema() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    let set = dify_models::mysql_migrations();
    let applied = MysqlRunner::new(&mut conn, &set)
        .run_pending(|_| {})
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(applied.len(), set.migrations().len());
    let live = read(&mut conn).unwrap();
    // Dify's catalogue has its alembic_version, the migrated database the
    // runner's bookkeeping: neither is part of the schema.
    let reference = dify_mysql_catalogue().without(&["alembic_version"]);
    let (tables, columns, indexes) = reference.counts();
    assert_eq!(
        (tables, columns, indexes),
        (133, 1470, 404),
        "Dify's recorded catalogue"
    );
    assert_same(
        "the MySQL migrations against Dify's MySQL catalogue",
        &reference,
        &live,
        &MYSQL_BOOKKEEPING,
    );
    assert_same(
        "the MySQL migrations against the declarations",
        &expected(&SCHEMA),
        &live,
        &MYSQL_BOOKKEEPING,
    );
    // Foreign keys and checks are compared above; say how many there were.
    let foreign_keys: usize = live.tables.values().map(|t| t.foreign_keys.len()).sum();
    let checks: usize = live.tables.values().map(|t| t.checks.len()).sum();
    eprintln!("{foreign_keys} foreign keys, {checks} check constraints");
    assert_eq!((foreign_keys, checks), (5, 29));
}

#[test]
fn the_rendered_ddl_builds_the_same_catalogue() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    for statement in
        dify_schema::migrate::sql::split_statements(&render::mysql::create_schema(&SCHEMA))
    {
        conn.batch_execute(&statement)
            .unwrap_or_else(|e| panic!("{e}\n{statement}"));
    }
    let live = read(&mut conn).unwrap();
    assert_same(
        "the rendered DDL against Dify's MySQL catalogue",
        &dify_mysql_catalogue(),
        &live,
        &["alembic_version"],
    );
}

#[test]
fn declarations_migration_files_and_the_mysql_snapshot_agree() {
    let dir = mysql_migrations_dir();
    let recorded = recorded_schema(&dir).unwrap();
    assert!(
        SchemaSnapshot::of_mysql(&recorded) == SchemaSnapshot::of_mysql(&SCHEMA),
        "the declarations changed since the last MySQL migration: run `cargo run -p dify-models --bin dify-db -- generate <name>`"
    );
    let file = std::fs::read_to_string(dir.join("schema.json")).unwrap();
    assert!(
        SchemaSnapshot::of_mysql(&SCHEMA).to_json() == file,
        "migrations-mysql/schema.json is not what the declarations serialise to"
    );
    // The snapshot records the MySQL options; PostgreSQL's does not.
    assert!(file.contains("\"mysql_foreign_key\""));
    let postgres = std::fs::read_to_string(dir.join("../migrations/schema.json")).unwrap();
    assert!(
        !postgres.contains("mysql"),
        "migrations/schema.json has no MySQL option"
    );
    // The first migration is the rendered schema, marked with Dify's revision.
    let set = dify_models::mysql_migrations();
    let first = &set.migrations()[0];
    assert_eq!(
        first.dify_revision.as_deref(),
        Some(dify_tests::DIFY_REVISION)
    );
    assert!(
        !first.run_in_transaction,
        "MySQL DDL runs outside transactions"
    );
    if set.migrations().len() == 1 {
        assert_eq!(
            first.up.trim_end(),
            render::mysql::create_schema(&SCHEMA),
            "the first MySQL migration is the rendered schema"
        );
    }
    let marked = first.dify_schema().unwrap().unwrap();
    assert_eq!(
        SchemaSnapshot::of_mysql(&marked),
        SchemaSnapshot::of_mysql(&recorded),
        "Dify's MySQL schema at the mark is the recorded one"
    );
    // No row-level security on MySQL.
    assert!(!first.up.contains("POLICY") && !file.contains("row_level_security\": \""));
}

/// What `diesel migration run --database-url mysql://...` does with the
/// directory (`diesel_migrations`' `FileBasedMigrations` and
/// `MigrationHarness`, as on PostgreSQL in `diesel_harness.rs`): the same
/// catalogue.
#[test]
fn diesel_migration_run_reads_the_mysql_migrations() {
    use diesel_migrations::{FileBasedMigrations, MigrationHarness};
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    let migrations =
        FileBasedMigrations::from_path(mysql_migrations_dir()).expect("Diesel reads the directory");
    let applied = conn
        .run_pending_migrations(migrations)
        .expect("diesel migration run succeeds")
        .len();
    assert_eq!(applied, dify_models::mysql_migrations().migrations().len());
    assert_same(
        "diesel migration run against Dify's MySQL catalogue",
        &dify_mysql_catalogue().without(&["alembic_version"]),
        &read(&mut conn).unwrap(),
        &["__diesel_schema_migrations"],
    );
}
