//! The pool: Dify's sizes, no ping on every checkout, never a dead
//! connection handed out, typed errors when none can be had.

use std::time::Duration;

use diesel::sql_types::Integer;
use diesel::{QueryableByName, RunQueryDsl};
use dify_schema::pool::{self, PoolOptions};
use dify_schema::Error;
use dify_tests::TestDatabase;

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

fn backend_pid(conn: &mut diesel::PgConnection) -> i32 {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(conn)
        .unwrap()
        .pid
}

fn small(options: PoolOptions) -> PoolOptions {
    PoolOptions {
        min_idle: 1,
        max_size: 1,
        connection_timeout: Duration::from_millis(500),
        ..options
    }
}

#[test]
fn the_defaults_are_difys() {
    let options = PoolOptions::default();
    assert_eq!(
        (options.min_idle, options.max_size),
        (10, 30),
        "pool 10 + overflow 20"
    );
    assert_eq!(
        options.max_lifetime,
        Duration::from_secs(3600),
        "recycle after an hour"
    );
}

#[test]
fn a_connection_killed_while_idle_is_never_handed_out() {
    let db = TestDatabase::new();
    let pool = pool::open(
        db.url(),
        small(PoolOptions {
            test_after_idle: Duration::from_millis(50),
            ..Default::default()
        }),
    )
    .unwrap();
    let killed = pool::get(&pool).unwrap().backend_pid().unwrap();
    // The server (or a reaper, or a restart) ends the idle connection.
    let mut admin = db.connect();
    diesel::sql_query(format!("SELECT pg_terminate_backend({killed})"))
        .execute(&mut admin)
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let mut conn = pool::get(&pool).expect("a live connection replaces the dead one");
    let pid = backend_pid(&mut conn);
    assert_ne!(pid, killed);
}

#[test]
fn a_connection_used_a_moment_ago_is_not_pinged() {
    let db = TestDatabase::new();
    let pool = pool::open(db.url(), small(PoolOptions::default())).unwrap();
    let first = pool::get(&pool).unwrap().backend_pid().unwrap();
    // Killed, but handed out again at once without a test: the next query
    // fails, and the broken connection is not returned to the pool.
    let mut admin = db.connect();
    diesel::sql_query(format!("SELECT pg_terminate_backend({first})"))
        .execute(&mut admin)
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    {
        let mut conn = pool::get(&pool).unwrap();
        let result =
            diesel::sql_query("SELECT pg_backend_pid() AS pid").get_result::<Pid>(&mut **conn);
        assert!(result.is_err(), "no ping was spent on a fresh connection");
    }
}

#[test]
fn an_exhausted_pool_is_a_typed_error() {
    let db = TestDatabase::new();
    let pool = pool::open(db.url(), small(PoolOptions::default())).unwrap();
    let _held = pool::get(&pool).unwrap();
    match pool::get(&pool) {
        Err(Error::Pool(message)) => assert!(message.contains("timed out"), "{message}"),
        other => panic!("expected Error::Pool, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn a_dead_server_is_a_typed_error() {
    let options = PoolOptions {
        connection_timeout: Duration::from_millis(300),
        ..small(PoolOptions::default())
    };
    match pool::open("postgres://postgres@127.0.0.1:1/none", options) {
        Err(Error::Pool(message)) => assert!(!message.is_empty()),
        other => panic!("expected Error::Pool, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn connections_are_recycled_after_their_lifetime() {
    let db = TestDatabase::new();
    let options = PoolOptions {
        max_lifetime: Duration::from_millis(200),
        ..small(PoolOptions::default())
    };
    let pool = pool::open(db.url(), options).unwrap();
    let first = pool::get(&pool).unwrap().backend_pid().unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let mut conn = pool::get(&pool).unwrap();
    assert_ne!(backend_pid(&mut conn), first);
}
