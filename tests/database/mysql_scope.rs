//! A tenant scope on MySQL, on a database as Dify's MySQL migrations built
//! it: the scope begins, reads the member's role and the clock once, ends
//! on the closure's error with the connection ready for the next, and
//! refuses a non-member (of this workspace, even one of another).

use diesel::RunQueryDsl;
use dify_schema::{with_tenant, Error, Role};
use dify_tests::mysql::MysqlTestDatabase;
use uuid::Uuid;

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn dify_created() -> Option<(MysqlTestDatabase, dify_schema::mysql::MysqlConnection)> {
    let db = MysqlTestDatabase::dify_created()?;
    let conn = db.connect();
    Some((db, conn))
}

fn join(conn: &mut dify_schema::mysql::MysqlConnection, tenant: Uuid, account: Uuid, role: &str) {
    diesel::sql_query(format!(
        "INSERT INTO tenant_account_joins (id, tenant_id, account_id, role) \
         VALUES ('{}', '{tenant}', '{account}', '{role}')",
        Uuid::new_v4()
    ))
    .execute(conn)
    .unwrap();
}

fn tags(conn: &mut dify_schema::mysql::MysqlConnection) -> i64 {
    diesel::sql_query("SELECT COUNT(*) AS n FROM tags")
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

#[test]
fn a_member_enters_with_its_role_and_the_clock() {
    let Some((_db, mut conn)) = dify_created() else {
        return;
    };
    let (tenant, account) = (Uuid::new_v4(), Uuid::new_v4());
    join(&mut conn, tenant, account, "editor");
    let (role, first, second) = with_tenant(&mut conn, tenant, account, |scope| {
        let first = scope.now()?;
        let second = scope.now()?;
        Ok::<_, Error>((scope.role(), first, second))
    })
    .unwrap();
    assert_eq!(role, Role::Editor);
    assert_eq!(first, second, "one clock for the whole scope");
    let age = chrono::Utc::now().naive_utc() - first;
    assert!(age.num_minutes().abs() < 5, "the clock is UTC: {first}");
}

#[test]
fn a_non_member_gets_not_member() {
    let Some((_db, mut conn)) = dify_created() else {
        return;
    };
    let (tenant, account, stranger) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    join(&mut conn, tenant, account, "owner");
    let ran = std::cell::Cell::new(false);
    let result = with_tenant(&mut conn, tenant, stranger, |_| {
        ran.set(true);
        Ok::<_, Error>(())
    });
    assert!(matches!(result, Err(Error::NotMember { .. })), "{result:?}");
    assert!(!ran.get(), "the closure does not run for a non-member");
    // Another workspace's member is no member here either.
    let other = Uuid::new_v4();
    let result = with_tenant(&mut conn, other, account, |_| Ok::<_, Error>(()));
    assert!(matches!(result, Err(Error::NotMember { .. })), "{result:?}");
}

#[test]
fn an_error_ends_the_scope_and_the_connection_serves_the_next() {
    let Some((_db, mut conn)) = dify_created() else {
        return;
    };
    let (tenant, account) = (Uuid::new_v4(), Uuid::new_v4());
    join(&mut conn, tenant, account, "owner");
    // The closure's own error is what the caller sees, and the scope's
    // transaction is rolled back.
    let result: Result<(), Error> = with_tenant(&mut conn, tenant, account, |_scope| {
        Err(Error::Forbidden {
            need: "test",
            role: Role::Owner,
        })
    });
    assert!(matches!(result, Err(Error::Forbidden { .. })), "{result:?}");
    // The connection is usable again, outside any transaction: a raw
    // statement autocommits, and the next scope begins.
    diesel::sql_query(format!(
        "INSERT INTO tags (id, tenant_id, type, name, created_by) \
         VALUES ('{}', '{tenant}', 'app', 'after', '{account}')",
        Uuid::new_v4()
    ))
    .execute(&mut conn)
    .unwrap();
    assert_eq!(tags(&mut conn), 1);
    let role = with_tenant(&mut conn, tenant, account, |scope| {
        Ok::<_, Error>(scope.role())
    })
    .unwrap();
    assert_eq!(role, Role::Owner);
}

#[test]
fn the_start_up_check_says_there_is_no_row_level_security() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    let start = dify_schema::mysql::start_up_check(&mut conn).unwrap();
    assert!(!start.row_level_security());
    assert!(
        start.notice().contains("no row-level security"),
        "{}",
        start.notice()
    );
    // A session that is not strict would store bad values silently.
    diesel::sql_query("SET SESSION sql_mode = ''")
        .execute(&mut conn)
        .unwrap();
    let refused = dify_schema::mysql::start_up_check(&mut conn);
    assert!(
        matches!(refused, Err(Error::ServerSettings(_))),
        "{refused:?}"
    );
}

#[derive(diesel::QueryableByName)]
struct ConnectionId {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// A connection killed in the middle of a scope: `ConnectionLost`, which is
/// safe to run again, and nothing of the scope committed.
#[test]
fn a_connection_lost_during_the_scope_is_connection_lost() {
    let Some((db, mut conn)) = dify_created() else {
        return;
    };
    let (tenant, account) = (Uuid::new_v4(), Uuid::new_v4());
    join(&mut conn, tenant, account, "owner");
    let id = diesel::sql_query("SELECT CAST(CONNECTION_ID() AS SIGNED) AS id")
        .get_result::<ConnectionId>(&mut conn)
        .unwrap()
        .id;
    let result = with_tenant(&mut conn, tenant, account, |scope| {
        let mut admin = db.connect();
        diesel::sql_query(format!("KILL CONNECTION {id}"))
            .execute(&mut admin)
            .unwrap();
        scope.count::<dify_models::app::App>()?;
        Ok::<_, Error>(())
    });
    match result {
        Err(error @ Error::ConnectionLost(_)) => {
            assert_eq!(error.retry(), dify_schema::error::Retry::Safe);
        }
        other => panic!("expected ConnectionLost, seen {other:?}"),
    }
}
