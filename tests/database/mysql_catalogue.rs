//! The MySQL migrations build exactly the schema Dify's own migrations
//! build on MariaDB: applied with `dify-db migrate` to an empty database,
//! the catalogue read from information_schema equals Dify's recorded one.

use diesel::connection::SimpleConnection;
use dify_models::SCHEMA;
use dify_schema::introspect::mysql::{compare, expected, read, MysqlCatalogue};
use dify_schema::render;
use dify_tests::mysql::MysqlTestDatabase;
use dify_tests::mysql_reference::dify_mysql_catalogue;

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
fn the_rendered_ddl_builds_difys_mysql_schema() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    for statement in render::mysql::create_schema(&SCHEMA).split(";\n") {
        let statement = statement.trim().trim_end_matches(';');
        if !statement.is_empty() {
            conn.batch_execute(statement)
                .unwrap_or_else(|e| panic!("{e}\n{statement}"));
        }
    }
    let live = read(&mut conn).unwrap();
    assert_same(
        "against Dify's MySQL catalogue",
        &dify_mysql_catalogue(),
        &live,
        &["alembic_version"],
    );
    assert_same("against the declarations", &expected(&SCHEMA), &live, &[]);
}
