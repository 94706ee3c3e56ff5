//! The scoped API against hand-written Diesel, the postgres crate and
//! SQLAlchemy's ORM on a Dify-shaped data set (issue 6; BENCHMARKS.md has
//! the figures), and, with `--mysql`, against hand-written Diesel on
//! MariaDB (issue 14).
//!
//! ```sh
//! cargo bench -p dify-tests --bench scoped                    # every scenario, default scale
//! DIFY_BENCH_SCALE=full cargo bench -p dify-tests --bench scoped
//! cargo bench -p dify-tests --bench scoped -- --explain       # plans of the accessors' SQL
//! cargo bench -p dify-tests --bench scoped -- --only=find,bulk
//! cargo bench -p dify-tests --bench scoped -- --only=async     # the async scope (issue 15)
//! DIFY_BENCH_KEEP=1 cargo bench -p dify-tests --bench scoped -- --load-only
//! tests/benches/callgrind.sh                                  # instructions per find
//! cargo bench -p dify-tests --bench scoped -- --mysql         # MariaDB: every scenario
//! cargo bench -p dify-tests --bench scoped -- --mysql --only=find,insert,update
//! ```
//!
//! `--mysql` runs the MariaDB mode instead of the PostgreSQL one
//! (`scoped/mysql.rs`): a database restored from Dify's MySQL dump
//! (`tests/reference/dify_upstream_mysql_schema.sql`) on the server of
//! `DIFY_TEST_MYSQL_URL` (default `mysql://root@127.0.0.1:3306/mysql`),
//! loaded at `DIFY_BENCH_SCALE` (tenants, accounts, memberships, apps,
//! conversations, messages, datasets, documents, segments; no workflows),
//! and the scenarios the MySQL scope supports (`find`, `list`, `keyset`,
//! `count`, `many` for `lookup_many`, `insert`, `update`, `bulk`), each
//! against the same statements in Diesel's DSL on the same
//! `dify_schema::mysql::MysqlConnection` (`scoped/mysql_hand.rs`). The
//! other knobs apply as below; there is no postgres-crate, SQLAlchemy,
//! join or EXPLAIN variant on MariaDB. `DIFY_BENCH_MYSQL_TRACE=1` prints
//! each statement the scopes and the baselines send, once.
//!
//! Environment: `DIFY_BENCH_SCALE` (`small`, the default: 20 tenants, 200
//! apps, 20,000 conversations, 200,000 messages, 50,000 segments; `full`:
//! the issue's 100 / 5,000 / 100,000 / 1,000,000 / 200,000; `tiny`),
//! `DIFY_BENCH_ROUNDS` (15), `DIFY_BENCH_OPS` (operations per round, 200),
//! `DIFY_BENCH_BULK_ROWS` (10,000), `DIFY_BENCH_BULK_ROUNDS` (3),
//! `DIFY_BENCH_KEEP=1` (leave the database and print its URL),
//! `DIFY_BENCH_PYTHON` (the interpreter for the SQLAlchemy script),
//! `DIFY_BENCH_SSLMODE` (`disable` by default, for every client alike:
//! libpq would otherwise negotiate TLS on loopback and the postgres crate
//! would not),
//! `DIFY_TEST_DATABASE_URL` (the server, as for the tests).
//!
//! The data set is loaded with `INSERT ... SELECT generate_series` (on
//! MariaDB, from a sequence table) through a plain connection; the scoped
//! API is only what is measured.

#[path = "scoped/asynchronous.rs"]
mod asynchronous;
#[path = "scoped/callgrind.rs"]
mod callgrind;
#[path = "scoped/data.rs"]
mod data;
#[path = "scoped/explain.rs"]
mod explain;
#[path = "scoped/forms.rs"]
mod forms;
#[path = "scoped/hand.rs"]
mod hand;
#[path = "scoped/harness.rs"]
mod harness;
#[path = "scoped/mysql.rs"]
mod mysql;
#[path = "scoped/mysql_hand.rs"]
mod mysql_hand;
#[path = "scoped/python.rs"]
mod python;
#[path = "scoped/scenarios.rs"]
mod scenarios;

use std::cell::RefCell;
use std::process::ExitCode;
use std::time::Instant;

use diesel::sql_types::{BigInt, Text};
use diesel::{QueryableByName, RunQueryDsl};

/// The answer text of generated and inserted messages (~380 bytes, a
/// typical short chat answer).
pub const ANSWER: &str = "To reset your password, open Settings, choose Account, then \
     Security, and press Reset password. We send a link to the address on file; it is \
     valid for thirty minutes. If the mail does not arrive, check the spam folder or ask \
     an administrator of your workspace to resend the invitation from the Members page. \
     Single sign-on accounts change their password with their identity provider instead.";

/// The content of generated and inserted segments (~450 bytes).
pub const SEGMENT_CONTENT: &str = "Refunds are issued to the original payment method \
     within five business days of approval. Orders shipped internationally may take up to \
     ten days. A refund request needs the order number and the email address used at \
     checkout; partial refunds apply when only some items of an order are returned. Gift \
     cards and promotional credits are not refundable. Contact support with the subject \
     line Refund and a photo of the item when it arrived damaged, and keep the packaging.";

/// Segments the bulk scenario inserts have positions from here on, so
/// they can be deleted between rounds.
pub const BULK_POSITION: i32 = 1_000_000;

/// A small deterministic generator (xorshift64*), for shuffles.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

struct Args {
    explain: bool,
    load_only: bool,
    only: Option<Vec<String>>,
    callgrind_op: Option<String>,
    url: Option<String>,
    ops: Option<usize>,
    drop: Option<String>,
    mysql: bool,
}

const SCENARIOS: &[&str] = &["find", "list", "keyset", "insert", "bulk", "join", "async"];

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        explain: false,
        load_only: false,
        only: None,
        callgrind_op: None,
        url: None,
        ops: None,
        drop: None,
        mysql: false,
    };
    for arg in std::env::args().skip(1) {
        let (key, value) = match arg.split_once('=') {
            Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        match (key.as_str(), value) {
            // `cargo bench` passes --bench to every bench binary.
            ("--bench", None) => {}
            ("--explain", None) => args.explain = true,
            ("--load-only", None) => args.load_only = true,
            ("--mysql", None) => args.mysql = true,
            // Checked against the mode's scenarios once every argument is read.
            ("--only", Some(v)) => args.only = Some(v.split(',').map(str::to_owned).collect()),
            ("--callgrind-op", Some(v)) => args.callgrind_op = Some(v),
            ("--url", Some(v)) => args.url = Some(v),
            ("--ops", Some(v)) => {
                args.ops = Some(v.parse().map_err(|_| format!("--ops={v}: not a number"))?)
            }
            ("--drop", Some(v)) => args.drop = Some(v),
            _ => {
                return Err(format!(
                    "unknown argument {arg:?}\n\
                     usage: scoped [--explain] [--load-only] [--only=find,list,keyset,insert,bulk,join,async]\n\
                     \x20      scoped --mysql [--load-only] [--only=find,list,keyset,count,many,insert,update,bulk]\n\
                     \x20      scoped --callgrind-op=scoped|scoped-per-op|diesel|postgres --url=URL --ops=N\n\
                     \x20      scoped --drop=DATABASE_NAME_OR_URL"
                ))
            }
        }
    }
    if !args.mysql {
        if let Some(bad) = args
            .only
            .iter()
            .flatten()
            .find(|n| !SCENARIOS.contains(&n.as_str()))
        {
            return Err(format!(
                "--only: unknown scenario {bad:?}; one of {SCENARIOS:?}"
            ));
        }
    }
    if args.mysql && args.explain {
        return Err("--explain is PostgreSQL's only".into());
    }
    Ok(args)
}

fn env_number(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v}: not a number")),
        Err(_) => default,
    }
}

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Text)]
    text: String,
}

#[derive(QueryableByName)]
struct SizeRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = BigInt)]
    rows: i64,
    #[diesel(sql_type = Text)]
    size: String,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(op) = &args.callgrind_op {
        let Some(url) = &args.url else {
            eprintln!("--callgrind-op needs --url=postgres://... (a database --load-only left)");
            return ExitCode::from(2);
        };
        return match callgrind::run(op, url, args.ops.unwrap_or(100)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(target) = &args.drop {
        let name = target.rsplit('/').next().unwrap_or(target);
        let name = name.split('?').next().unwrap_or(name);
        data::drop_database(name);
        return ExitCode::SUCCESS;
    }

    let scale = match data::Scale::from_env() {
        Ok(scale) => scale,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let rounds = env_number("DIFY_BENCH_ROUNDS", 15);
    let ops = env_number("DIFY_BENCH_OPS", 200);
    let keep = std::env::var("DIFY_BENCH_KEEP").is_ok_and(|v| v == "1") || args.load_only;
    if args.mysql {
        return mysql::run(
            args.only.as_deref(),
            &scale,
            rounds,
            ops,
            keep,
            args.load_only,
        );
    }
    let started = Instant::now();

    let db = data::BenchDatabase::create(keep);
    let mut conn = db.connect();
    let version: TextRow = diesel::sql_query("SELECT version() AS text")
        .get_result(&mut conn)
        .unwrap();
    println!("# dify-schema scoped API bench");
    println!();
    println!(
        "machine: {} cores; PostgreSQL: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        version.text
    );
    println!("data set {scale}");
    println!("database: {}", db.name);
    let load_start = Instant::now();
    for (step, seconds) in data::load(&mut conn, &scale) {
        println!("  load {step:<28} {seconds:>7.2} s");
    }
    println!("  loaded in {:.1} s", load_start.elapsed().as_secs_f64());
    let sizes: Vec<SizeRow> = diesel::sql_query(
        "SELECT relname::text AS name, n_live_tup AS rows, \
                pg_size_pretty(pg_total_relation_size(relid)) AS size \
         FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY n_live_tup DESC",
    )
    .load(&mut conn)
    .unwrap();
    for s in sizes {
        println!("  {:<24} {:>10} rows {:>10}", s.name, s.rows, s.size);
    }
    let samples = data::samples(&mut conn, &scale, 100);
    drop(conn);

    if args.explain {
        let ok = explain::run(&db, &samples);
        print_kept(&db);
        return if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if args.load_only {
        print_kept(&db);
        return ExitCode::SUCCESS;
    }

    let python = match python::Python::start(&db.url, &samples) {
        Ok(p) => Some(RefCell::new(p)),
        Err(why) => {
            println!("SQLAlchemy variant skipped: {why}");
            None
        }
    };
    let cx = scenarios::Ctx {
        db: &db,
        samples: &samples,
        ops,
        rounds,
        bulk_rows: env_number("DIFY_BENCH_BULK_ROWS", 10_000),
        bulk_rounds: env_number("DIFY_BENCH_BULK_ROUNDS", 3),
        python: python.as_ref(),
    };
    println!();
    println!(
        "{ops} operations per round, {rounds} rounds after a warm-up; times are medians; \
         throughput ratios are medians of per-round ratios (above 1: ours is faster)."
    );
    let wanted = |name: &str| {
        args.only
            .as_ref()
            .is_none_or(|o| o.iter().any(|n| n == name))
    };
    let mut ratios = Vec::new();
    if wanted("find") {
        ratios.extend(scenarios::find_by_id(&cx));
    }
    if wanted("list") {
        ratios.extend(scenarios::list_conversations(&cx));
    }
    if wanted("keyset") {
        ratios.extend(scenarios::keyset_messages(&cx));
    }
    if wanted("insert") {
        ratios.extend(scenarios::insert_message(&cx));
    }
    if wanted("bulk") {
        ratios.extend(scenarios::bulk_segments(&cx));
    }
    if wanted("join") {
        ratios.extend(scenarios::join(&cx));
    }
    if wanted("async") {
        ratios.extend(asynchronous::run(&cx));
    }
    drop(python);
    harness::print_summary(&ratios);
    println!();
    println!(
        "Targets (issue 6): scoped >= 0.95x hand-written Diesel's throughput, within 1.3x \
         of the prepared postgres statement's time, >= 5x SQLAlchemy ORM, bulk >= 50,000 rows/s."
    );
    println!("total {:.0} s", started.elapsed().as_secs_f64());
    print_kept(&db);
    ExitCode::SUCCESS
}

fn print_kept(db: &data::BenchDatabase) {
    if db.keep {
        println!();
        println!("database kept: {}", db.url);
        println!("  python3 {} --url {}", python::script().display(), db.url);
        println!(
            "  drop it with: cargo bench -p dify-tests --bench scoped -- --drop={}",
            db.name
        );
    }
}
