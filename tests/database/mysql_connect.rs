//! The MySQL connection itself: a pure-Rust client behind Diesel's MySQL
//! backend reaches MariaDB, runs statements and transactions.

use diesel::connection::SimpleConnection;
use diesel::{Connection, RunQueryDsl};
use dify_tests::mysql::MysqlTestDatabase;

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[test]
fn connects_and_rolls_back() {
    let Some(db) = MysqlTestDatabase::new() else {
        return;
    };
    let mut conn = db.connect();
    conn.batch_execute("CREATE TABLE t (id CHAR(36) PRIMARY KEY) ENGINE=InnoDB")
        .unwrap();
    let _ = conn.transaction::<(), diesel::result::Error, _>(|conn| {
        diesel::sql_query("INSERT INTO t VALUES ('x')").execute(conn)?;
        Err(diesel::result::Error::RollbackTransaction)
    });
    let count: Count = diesel::sql_query("SELECT COUNT(*) AS n FROM t")
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(count.n, 0, "the rolled-back insert is not there");
}
