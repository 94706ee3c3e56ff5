//! Diesel's own migration harness reads the same migrations: what
//! `diesel migration run` does (it is `diesel_migrations`'
//! `FileBasedMigrations` and `MigrationHarness` underneath), run from the
//! library so that the test needs nothing but Rust and PostgreSQL. The
//! result is the declared schema, row-level security included, and the
//! service role's start-up check passes on it.

use diesel_migrations::{FileBasedMigrations, MigrationHarness};
use dify_models::SCHEMA;
use dify_schema::introspect::{compare, live_tables};
use dify_schema::rls;
use dify_tests::{TestDatabase, TestRole};

#[test]
fn diesel_migration_run_gives_the_declared_schema_with_row_level_security() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let migrations = FileBasedMigrations::from_path(&dir).expect("Diesel reads the directory");
    let applied = conn
        .run_pending_migrations(migrations)
        .expect("diesel migration run succeeds")
        .len();
    assert_eq!(applied, dify_models::migrations().migrations().len());

    let drift = compare(
        &SCHEMA,
        &live_tables(&mut conn).unwrap(),
        &["__diesel_schema_migrations"],
    );
    assert!(drift.is_empty(), "drift: {drift:?}");

    // ENABLE + FORCE and the policies on every protected table, checked
    // as the service role would at start-up.
    let service = TestRole::create(&db);
    assert_eq!(
        rls::verify(&mut service.connect(), &SCHEMA).unwrap(),
        vec![]
    );
    let protected = SCHEMA
        .tables()
        .filter(|table| table.visibility != dify_schema::schema::Visibility::All)
        .count();
    println!(
        "diesel migration run: {} migrations, {} tables, {protected} of them under row-level security",
        applied,
        SCHEMA.tables().len()
    );
}
