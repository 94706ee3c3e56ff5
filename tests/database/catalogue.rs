//! Applies the rendered DDL to a fresh database and reads the catalogue
//! back: every declared column, default and index must be there as declared.

use diesel::connection::SimpleConnection;
use dify_models::SCHEMA;
use dify_schema::introspect::{compare, live_tables, Drift};
use dify_schema::render::postgres;
use dify_tests::TestDatabase;

#[test]
fn the_applied_ddl_matches_the_declarations_in_the_catalogue() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    conn.batch_execute(&postgres::create_schema(&SCHEMA))
        .unwrap();

    let live = live_tables(&mut conn).unwrap();
    let drift = compare(&SCHEMA, &live, &[]);
    assert!(drift.is_empty(), "drift:\n{}", lines(&drift));

    let columns: usize = SCHEMA.tables().map(|t| t.columns.len()).sum();
    let indexes: usize = SCHEMA
        .tables()
        .map(|t| t.indexes.len() + t.unique_constraints.len() + 1)
        .sum();
    println!(
        "catalogue: {} tables, {columns} columns, {indexes} indexes (with keys and unique constraints) as declared",
        live.len()
    );
    // Every declared table, and row-level security's keys.
    assert_eq!(live.len(), SCHEMA.tables().len() + 1);
    assert!(live.contains_key(dify_schema::rls::KEYS_TABLE));
}

/// The comparison must see each kind of difference; otherwise the test
/// above could pass with a broken comparator.
#[test]
fn the_comparison_reports_every_kind_of_difference() {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    conn.batch_execute(&postgres::create_schema(&SCHEMA))
        .unwrap();
    conn.batch_execute(
        "ALTER TABLE apps ALTER COLUMN name DROP NOT NULL;
         ALTER TABLE apps ALTER COLUMN api_rpm SET DEFAULT 7;
         ALTER TABLE apps ALTER COLUMN icon TYPE varchar(100);
         ALTER TABLE apps ADD COLUMN surprise text;
         DROP INDEX app_tenant_id_idx;
         DROP INDEX document_metadata_idx;
         CREATE INDEX document_metadata_idx ON documents (doc_metadata);
         CREATE INDEX extra_idx ON accounts (name) WHERE status = 'active';",
    )
    .unwrap();
    let drift = compare(&SCHEMA, &live_tables(&mut conn).unwrap(), &[]);
    let expected = [
        Drift::Nullability {
            table: "apps".into(),
            column: "name".into(),
            declared_nullable: false,
        },
        Drift::ColumnDefault {
            table: "apps".into(),
            column: "api_rpm".into(),
            declared: Some("0".into()),
            live: Some("7".into()),
        },
        Drift::ColumnType {
            table: "apps".into(),
            column: "icon".into(),
            declared: "varchar(255)".into(),
            live: "varchar(100)".into(),
        },
        Drift::ExtraColumn {
            table: "apps".into(),
            column: "surprise".into(),
        },
        Drift::MissingIndex {
            table: "apps".into(),
            index: "app_tenant_id_idx".into(),
        },
        Drift::ExtraIndex {
            table: "accounts".into(),
            index: "extra_idx".into(),
        },
    ];
    for difference in &expected {
        assert!(
            drift.contains(difference),
            "missing {difference:?} in:\n{}",
            lines(&drift)
        );
    }
    assert!(
        drift.iter().any(|d| matches!(d, Drift::IndexDefinition { index, .. } if index == "document_metadata_idx")),
        "a GIN index rebuilt as btree must show: {}",
        lines(&drift)
    );
    assert_eq!(drift.len(), expected.len() + 1, "{}", lines(&drift));
}

fn lines(drift: &[Drift]) -> String {
    drift.iter().map(|d| format!("  {d}\n")).collect()
}
