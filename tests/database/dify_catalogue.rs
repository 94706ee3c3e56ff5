//! The project's migrations against the database Dify's own migrations
//! build: `tests/reference/dify_upstream_schema.sql` (the `pg_dump
//! --schema-only` of a database Alembic brought to head `c3d4e5f6a7b8`) is
//! restored into one database, the project's migrations are applied to an
//! empty one, and the two catalogues are compared exactly (see
//! `dify_tests::catalogue`): every table, column type, nullability and
//! default as PostgreSQL prints them, every constraint, index, sequence and
//! function. The only things the project adds are row-level security and
//! what serves it, and the bookkeeping tables of the migration runners.
//!
//! Both are also compared with the raw catalogue rows recorded off Dify's
//! own database (`tests/reference/dify_upstream_catalogue.json`), so the
//! restored dump is not the only witness.
//!
//! The figures are printed (`cargo test ... dify_catalogue -- --nocapture`).

use diesel::connection::SimpleConnection;
use diesel::PgConnection;
use diesel_migrations::{FileBasedMigrations, MigrationHarness};
use dify_tests::catalogue::Catalogue;
use dify_tests::TestDatabase;
use serde_json::Value;

/// Tables one side has for bookkeeping: Alembic's on Dify's side; Diesel's,
/// the runner's and row-level security's keys on the project's.
const BOOKKEEPING: [&str; 4] = [
    "alembic_version",
    "__diesel_schema_migrations",
    "__dify_schema_migrations",
    "dify_scope_keys",
];

/// The catalogue of a database Dify created, and of one the project's
/// migrations built from empty, both without bookkeeping and without what
/// the project adds (row-level security and its functions).
fn both(apply: fn(&mut PgConnection)) -> (Catalogue, Catalogue) {
    let dify = TestDatabase::dify_created();
    let ours = TestDatabase::new();
    let mut conn = ours.connect();
    apply(&mut conn);
    let strip = |catalogue: Catalogue| {
        catalogue
            .without(&BOOKKEEPING, &["dify_scope_"])
            .without_security()
    };
    (
        strip(Catalogue::read(&mut dify.connect())),
        strip(Catalogue::read(&mut conn)),
    )
}

/// `dify-db migrate`: the project's runner.
fn runner(conn: &mut PgConnection) {
    dify_schema::migrate::Runner::new(conn, &dify_models::migrations())
        .run_pending(|_| {})
        .unwrap();
}

/// `diesel migration run`: Diesel's harness on the same directory.
fn diesel(conn: &mut PgConnection) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let migrations = FileBasedMigrations::from_path(&dir).expect("Diesel reads the directory");
    conn.run_pending_migrations(migrations)
        .expect("diesel migration run succeeds");
}

fn assert_no_differences(dify: &Catalogue, ours: &Catalogue) {
    let differences = dify.differences(ours);
    assert!(
        differences.is_empty(),
        "{} difference(s) (A = Dify's, B = the migrations'):\n{}",
        differences.len(),
        differences.join("\n")
    );
}

fn reference_file(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("reference")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn reference() -> Value {
    reference_file("dify_upstream_schema.json")
}

/// The raw catalogue rows read off the database Dify's migrations built
/// (`dify_upstream_catalogue.json`), in the terms of `Catalogue`.
fn recorded_catalogue() -> Catalogue {
    Catalogue::from_reference(&reference_file("dify_upstream_catalogue.json"))
        .without(&BOOKKEEPING, &["dify_scope_"])
        .without_security()
}

#[test]
fn the_migrations_build_exactly_the_database_dify_builds() {
    let (dify, ours) = both(runner);
    println!("Dify's database: {}", dify.figures());
    println!("the migrations:  {}", ours.figures());
    assert_no_differences(&dify, &ours);
    let recorded = recorded_catalogue();
    println!("Dify's recorded catalogue: {}", recorded.figures());
    assert_no_differences(&recorded, &ours);
    // The restored database is the reference catalogue's: 133 tables and
    // 1470 columns besides Alembic's, and its three sequences.
    let reference = reference();
    let tables = reference["tables"].as_array().unwrap();
    let columns: usize = tables
        .iter()
        .map(|table| table["columns"].as_array().unwrap().len())
        .sum();
    assert_eq!(dify.tables.len(), tables.len());
    assert_eq!(dify.columns.len(), columns);
    assert_eq!(
        dify.sequences.len(),
        reference["sequences"].as_array().unwrap().len()
    );
    assert_eq!(ours.tables.len(), dify_models::SCHEMA.tables().len());
}

#[test]
fn diesel_migration_run_builds_exactly_the_database_dify_builds() {
    let (dify, ours) = both(diesel);
    println!("diesel migration run: {}", ours.figures());
    assert_no_differences(&dify, &ours);
    assert_no_differences(&recorded_catalogue(), &ours);
}

/// The comparison must see each kind of difference; otherwise the test
/// above could pass with a broken comparator.
#[test]
fn the_comparison_sees_each_kind_of_difference() {
    let ours = TestDatabase::new();
    let mut conn = ours.connect();
    dify_schema::migrate::Runner::new(&mut conn, &dify_models::migrations())
        .run_pending(|_| {})
        .unwrap();
    let before = Catalogue::read(&mut conn);
    conn.batch_execute(
        "ALTER TABLE apps ADD COLUMN surplus text; \
         ALTER TABLE apps ALTER COLUMN name TYPE varchar(300); \
         ALTER TABLE apps ALTER COLUMN icon SET NOT NULL; \
         ALTER TABLE apps ALTER COLUMN status SET DEFAULT 'other'; \
         DROP INDEX app_tenant_id_idx; \
         CREATE INDEX app_surplus_idx ON apps (surplus); \
         ALTER TABLE tenant_account_joins DROP CONSTRAINT unique_tenant_account_join; \
         ALTER SEQUENCE task_id_sequence INCREMENT BY 2; \
         DROP FUNCTION uuidv7_boundary(timestamptz); \
         CREATE TABLE surplus (id uuid); \
         ALTER TABLE documents NO FORCE ROW LEVEL SECURITY; \
         DROP POLICY dify_scope_read ON messages; \
         ALTER TABLE agents ALTER COLUMN roster_unique_name DROP EXPRESSION;",
    )
    .unwrap();
    let after = Catalogue::read(&mut conn);
    let differences = before.differences(&after).join("\n");
    for expected in [
        "column (\"apps\", \"surplus\") only in B",
        "column (\"apps\", \"name\") differs",
        "column (\"apps\", \"icon\") differs",
        "column (\"apps\", \"status\") differs",
        "index (\"apps\", \"app_tenant_id_idx\") only in A",
        "index (\"apps\", \"app_surplus_idx\") only in B",
        "constraint (\"tenant_account_joins\", \"unique_tenant_account_join\") only in A",
        "sequence \"task_id_sequence\" differs",
        "function uuidv7_boundary(timestamp with time zone) only in A",
        "table \"surplus\" only in B",
        "table \"documents\" differs",
        "policy (\"messages\", \"dify_scope_read\") only in A",
        "column (\"agents\", \"roster_unique_name\") differs",
    ] {
        assert!(
            differences.contains(expected),
            "`{expected}` is not reported:\n{differences}"
        );
    }
}
