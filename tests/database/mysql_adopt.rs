//! A database Dify's migrations created on MySQL is adopted, never
//! re-created: restored from `tests/reference/dify_upstream_mysql_schema.sql`,
//! `adopt` records the MySQL migrations up to Dify's revision, after which
//! the comparison `check` makes is clean and `migrate` has nothing to do.
//! One changed the way a newer Dify would is refused, every difference
//! named, nothing recorded.

use diesel::connection::SimpleConnection;
use dify_models::SCHEMA;
use dify_schema::introspect::mysql::{compare, expected, read};
use dify_schema::migrate::mysql::{adopt, MysqlAdoptError, MysqlRunner, MYSQL_BOOKKEEPING};
use dify_tests::mysql::MysqlTestDatabase;

#[test]
fn difys_mysql_database_is_adopted_and_then_up_to_date() {
    let Some(db) = MysqlTestDatabase::dify_created() else {
        return;
    };
    let mut conn = db.connect();
    let set = dify_models::mysql_migrations();
    let adopted = adopt(&mut conn, &set, None).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(adopted.revision, dify_tests::DIFY_REVISION);
    assert_eq!(adopted.recorded.len(), 1, "{adopted:?}");
    assert!(
        adopted.pending.is_empty(),
        "MySQL has no project additions yet: {adopted:?}"
    );
    // Again: nothing new.
    let again = adopt(&mut conn, &set, None).unwrap();
    assert!(again.recorded.is_empty());
    // migrate has nothing left to do.
    let applied = MysqlRunner::new(&mut conn, &set)
        .run_pending(|_| {})
        .unwrap();
    assert!(applied.is_empty(), "{applied:?}");
    let statuses = MysqlRunner::new(&mut conn, &set).status().unwrap();
    assert!(
        statuses.iter().all(|s| s.applied && s.unchanged),
        "{statuses:?}"
    );
    // check's comparison: the declarations against the live catalogue.
    let drift = compare(
        &expected(&SCHEMA),
        &read(&mut conn).unwrap(),
        &MYSQL_BOOKKEEPING,
    );
    assert!(drift.is_empty(), "{drift:#?}");
}

#[test]
fn a_newer_difys_database_is_refused_with_each_difference() {
    let Some(db) = MysqlTestDatabase::dify_created() else {
        return;
    };
    let mut conn = db.connect();
    conn.batch_execute(
        "ALTER TABLE apps ADD COLUMN newer_flag tinyint(1) NOT NULL DEFAULT 0; \
         DROP INDEX message_account_idx ON messages; \
         ALTER TABLE documents ALTER COLUMN doc_form SET DEFAULT 'qa_model'; \
         CREATE TABLE newer_things (id char(36) PRIMARY KEY)",
    )
    .unwrap();
    let set = dify_models::mysql_migrations();
    let error = adopt(&mut conn, &set, None).unwrap_err();
    let MysqlAdoptError::Differs { drift, .. } = &error else {
        panic!("expected the differences, got {error}");
    };
    let text = error.to_string();
    for expected in [
        "apps.newer_flag",
        "message_account_idx",
        "documents.doc_form",
        "newer_things",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert_eq!(drift.len(), 4, "{text}");
    // Nothing was recorded.
    let statuses = MysqlRunner::new(&mut conn, &set).status().unwrap();
    assert!(statuses.iter().all(|s| !s.applied), "{statuses:?}");
}

#[test]
fn the_comparison_sees_each_kind_of_difference() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    let set = dify_models::mysql_migrations();
    MysqlRunner::new(&mut conn, &set)
        .run_pending(|_| {})
        .unwrap();
    conn.batch_execute(
        "ALTER TABLE accounts MODIFY COLUMN name varchar(100) NOT NULL; \
         ALTER TABLE accounts MODIFY COLUMN avatar varchar(255) NOT NULL; \
         ALTER TABLE accounts ALTER COLUMN status SET DEFAULT 'banned'; \
         ALTER TABLE accounts DROP COLUMN timezone; \
         DROP INDEX account_email_idx ON accounts; \
         CREATE INDEX account_email_idx ON accounts (email DESC); \
         DROP INDEX uq_oauth_active_per_device ON oauth_access_tokens; \
         CREATE UNIQUE INDEX uq_oauth_active_per_device ON oauth_access_tokens (subject_email(100), subject_issuer(191), client_id, device_label(191)); \
         ALTER TABLE tool_published_apps DROP FOREIGN KEY tool_published_apps_ibfk_1; \
         ALTER TABLE accounts ADD CONSTRAINT name_not_empty CHECK (name <> ''); \
         DROP TABLE celery_tasksetmeta",
    )
    .unwrap();
    let drift = compare(
        &expected(&SCHEMA),
        &read(&mut conn).unwrap(),
        &MYSQL_BOOKKEEPING,
    );
    let text: Vec<String> = drift.iter().map(ToString::to_string).collect();
    let text = text.join("\n");
    for expected in [
        "column `accounts.name`: the type is varchar(100), expected varchar(255)",
        "column `accounts.avatar`: nullability is NOT NULL, expected NULL",
        "column `accounts.status`: the default is 'banned', expected 'active'",
        "column `accounts.timezone` is missing",
        "index `account_email_idx` on `accounts` is (email DESC), expected (email)",
        "index `uq_oauth_active_per_device` on `oauth_access_tokens` is UNIQUE (subject_email(100)",
        "foreign key `tool_published_apps_ibfk_1` on `tool_published_apps` is missing",
        "check constraint `name_not_empty` on `accounts` is not declared",
        "table `celery_tasksetmeta` is missing",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
}
