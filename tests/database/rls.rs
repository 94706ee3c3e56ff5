//! Row-level security, connected as an application role that is neither
//! superuser nor owner of the tables (superusers bypass RLS even when it is
//! forced).

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, Pool};
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use dify_models::SCHEMA;
use dify_schema::rls::{self, RlsProblem};
use dify_schema::{with_tenant, Error};
use dify_tests::{TestDatabase, TestRole};

use crate::fixtures::{database_with_schema, two_workspaces, Workspace};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Nullable<Text>)]
    value: Option<String>,
}

fn count(conn: &mut PgConnection, table: &str) -> i64 {
    diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

fn tenant_setting(conn: &mut PgConnection) -> Option<String> {
    diesel::sql_query("SELECT current_setting('app.tenant_id', true) AS value")
        .get_result::<Setting>(conn)
        .unwrap()
        .value
}

/// Two workspaces, RLS installed, and the role an application would use.
fn protected() -> (TestDatabase, Workspace, Workspace, TestRole) {
    let (db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    conn.batch_execute(&rls::policies(&SCHEMA)).unwrap();
    let role = TestRole::create(&db);
    (db, a, b, role)
}

const TENANT_TABLES: [&str; 7] = [
    "tenant_account_joins",
    "apps",
    "conversations",
    "messages",
    "datasets",
    "documents",
    "document_segments",
];

#[test]
fn raw_sql_inside_a_scope_sees_only_the_scopes_tenant() {
    let (_db, a, _b, role) = protected();
    let mut conn = role.connect();
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let conn = scope.connection();
        assert_eq!(count(conn, "tenant_account_joins"), 4);
        for table in &TENANT_TABLES[1..] {
            assert_eq!(count(conn, table), 1, "{table} under RLS");
        }
        // Global tables are not filtered.
        assert_eq!(count(conn, "tenants"), 2);
        Ok(())
    })
    .unwrap();
}

#[test]
fn with_no_tenant_set_nothing_is_visible_and_nothing_can_be_inserted() {
    let (_db, a, _b, role) = protected();
    let mut conn = role.connect();
    for table in TENANT_TABLES {
        assert_eq!(count(&mut conn, table), 0, "{table} without a tenant");
    }
    let insert = conn.batch_execute(&format!(
        "INSERT INTO apps (tenant_id, name, mode, enable_site, enable_api) \
         VALUES ('{}', 'sneaky', 'chat', true, true)",
        a.tenant
    ));
    let error = insert.expect_err("an insert without a tenant must fail");
    assert!(error.to_string().contains("row-level security"), "{error}");
    // Once set and reset in a session, the setting reads '' rather than
    // NULL; the policies must still see nothing.
    with_tenant(&mut conn, a.tenant, a.owner, |_| -> Result<(), Error> {
        Ok(())
    })
    .unwrap();
    assert_eq!(tenant_setting(&mut conn).as_deref().unwrap_or(""), "");
    assert_eq!(count(&mut conn, "apps"), 0);
}

#[test]
fn a_scope_cannot_insert_a_row_for_another_tenant_even_in_raw_sql() {
    let (_db, a, b, role) = protected();
    let mut conn = role.connect();
    let result = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        scope.connection().batch_execute(&format!(
            "INSERT INTO apps (tenant_id, name, mode, enable_site, enable_api) \
             VALUES ('{}', 'sneaky', 'chat', true, true)",
            b.tenant
        ))?;
        Ok(())
    });
    assert!(
        result.is_err(),
        "WITH CHECK must refuse a row of tenant B in A's scope"
    );
}

#[test]
fn a_pooled_connection_carries_no_tenant_after_its_scope() {
    let (_db, a, _b, role) = protected();
    let pool = Pool::builder()
        .max_size(1)
        .build(ConnectionManager::<PgConnection>::new(role.url()))
        .unwrap();
    {
        let mut conn = pool.get().unwrap();
        with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
            assert_eq!(
                tenant_setting(scope.connection()),
                Some(a.tenant.to_string())
            );
            Ok(())
        })
        .unwrap();
    }
    // The same (only) connection, back from the pool.
    let mut conn = pool.get().unwrap();
    assert_eq!(tenant_setting(&mut conn).as_deref().unwrap_or(""), "");
    assert_eq!(count(&mut conn, "apps"), 0);
}

#[test]
fn the_start_up_check_passes_for_the_application_role() {
    let (_db, _a, _b, role) = protected();
    let mut conn = role.connect();
    assert_eq!(rls::verify(&mut conn, &SCHEMA).unwrap(), vec![]);
    rls::ensure(&mut conn, &SCHEMA).unwrap();
}

#[test]
fn the_start_up_check_refuses_a_superuser_and_reports_unprotected_tables() {
    let (db, _a, _b, _role) = protected();
    let mut admin = db.connect();
    admin
        .batch_execute("DROP POLICY dify_tenant_isolation ON messages; ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;")
        .unwrap();
    let problems = rls::verify(&mut admin, &SCHEMA).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, RlsProblem::Superuser { .. })),
        "{problems:?}"
    );
    assert!(
        problems.contains(&RlsProblem::MissingPolicy {
            table: "messages".into()
        }),
        "{problems:?}"
    );
    assert!(
        problems.contains(&RlsProblem::NotForced {
            table: "documents".into()
        }),
        "{problems:?}"
    );
    assert!(matches!(
        rls::ensure(&mut admin, &SCHEMA),
        Err(Error::RowLevelSecurity(_))
    ));
}

#[test]
fn the_policies_are_a_reviewed_snapshot() {
    insta::assert_snapshot!("rls_policies.sql", rls::policies(&SCHEMA));
}

/// The bulk insert is an `INSERT ... SELECT FROM unnest(...)`, which
/// row-level security checks row by row; `COPY FROM` would be refused on
/// these tables outright ("COPY FROM not supported with row-level
/// security"), which this test shows too.
#[test]
fn bulk_inserts_pass_row_level_security_where_copy_is_refused() {
    use dify_models::dataset::{Dataset, Document, DocumentSegment};
    use dify_schema::scope::DatasetEditing;

    let (_db, a, b, role) = protected();
    let mut conn = role.connect();
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let dataset = scope.lookup::<Dataset>(a.dataset)?.unwrap();
        let document = scope.lookup::<Document>(a.document)?.unwrap();
        let scope = scope.require::<DatasetEditing>()?;
        let news = (0..500)
            .map(|n| {
                let mut segment =
                    crate::fixtures::new_segment(dataset.id(), document.id(), "Bulk.");
                segment.position = 100 + n;
                segment
            })
            .collect();
        let rows = scope.insert_many::<DocumentSegment>(news)?;
        assert!(rows.iter().all(|row| row.tenant_id == a.tenant));
        assert_eq!(count(scope.connection(), "document_segments"), 501);
        Ok(())
    })
    .unwrap();
    // PostgreSQL refuses COPY FROM before reading any data.
    let copy = diesel::Connection::transaction(&mut conn, |conn| {
        conn.batch_execute("COPY document_segments (id) FROM STDIN")
    });
    let message = copy.expect_err("COPY FROM under RLS").to_string();
    assert!(message.contains("row-level security"), "{message}");
    // The other workspace still sees only its own segment.
    with_tenant(&mut conn, b.tenant, b.owner, |scope| -> Result<(), Error> {
        assert_eq!(count(scope.connection(), "document_segments"), 1);
        Ok(())
    })
    .unwrap();
}
