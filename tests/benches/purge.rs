//! Retention (issue 16): `dify_schema::retention::purge` against Dify's
//! own cleanup (`api/schedule/clean_workflow_runlogs_precise.py`, by
//! hand in `purge/dify.rs`), each deleting the same expired workflow runs
//! and node executions from a fresh copy of the same data set while
//! writers keep recording new runs.
//!
//! ```sh
//! cargo bench -p dify-tests --bench purge                          # 1,000,000 expired node executions
//! DIFY_PURGE_ROWS=20000 cargo bench -p dify-tests --bench purge    # a quick run
//! cargo bench -p dify-tests --bench purge -- --only=dify-schema    # or --only=dify, --only=partitions
//! ```
//!
//! After the contenders, a section of its own (`partitions`, in
//! `purge/partitions.rs`): `workflow_node_executions` made a retention
//! root of its own, purged once from an unpartitioned table by row
//! batches and once from monthly partitions, most of which go by
//! `DETACH ... CONCURRENTLY` and `DROP`, with the same writers going.
//!
//! Environment: `DIFY_PURGE_ROWS` (expired node executions, 1,000,000;
//! ten per run, and a tenth as many recent runs that must survive),
//! `DIFY_PURGE_WRITERS` (writer threads, 4), `DIFY_PURGE_WRITER_PAUSE_MS`
//! (each writer's pause between transactions, 10: a busy application,
//! not one that saturates the server by itself),
//! `DIFY_PURGE_DATABASE_URL` (the server, without a database name;
//! `postgres://postgres@127.0.0.1:5432`; its user may CREATE DATABASE).
//!
//! The data set is loaded once into a template database; each contender
//! gets a `CREATE DATABASE ... TEMPLATE` copy, dropped after its checks.
//! Every database the bench makes is dropped at the end, after a panic
//! too.

#[path = "purge/data.rs"]
mod data;
#[path = "purge/dify.rs"]
mod dify;
#[path = "purge/partitions.rs"]
mod partitions;
#[path = "purge/writers.rs"]
mod writers;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use diesel::Connection;
use dify_schema::retention::{self, PurgeOptions};

use data::{Check, Scale, Server, NODES_PER_RUN};
use writers::{Summary, Targets, Writers};

struct Config {
    scale: Scale,
    writers: usize,
    pause: Duration,
    only: Option<Vec<String>>,
}

/// What `--only` may name: the two contenders, and the partition section.
const CONTENDERS: [&str; 3] = ["dify-schema", "dify", "partitions"];

fn config() -> Result<Config, String> {
    let number = |name: &str, default: u64| -> Result<u64, String> {
        match std::env::var(name) {
            Ok(v) => v
                .replace(['_', ','], "")
                .parse()
                .map_err(|_| format!("{name}={v}: not a number")),
            Err(_) => Ok(default),
        }
    };
    let rows = number("DIFY_PURGE_ROWS", 1_000_000)?;
    if rows < NODES_PER_RUN as u64 {
        return Err(format!(
            "DIFY_PURGE_ROWS={rows}: at least {NODES_PER_RUN} (one run)"
        ));
    }
    let mut only = None;
    for arg in std::env::args().skip(1) {
        match arg.split_once('=') {
            // `cargo bench` passes --bench to every bench binary.
            None if arg == "--bench" => {}
            Some(("--only", names)) => {
                let names: Vec<String> = names.split(',').map(str::to_owned).collect();
                if let Some(bad) = names.iter().find(|n| !CONTENDERS.contains(&n.as_str())) {
                    return Err(format!(
                        "--only: unknown contender {bad:?}; one of {CONTENDERS:?}"
                    ));
                }
                only = Some(names);
            }
            _ => {
                return Err(format!(
                    "unknown argument {arg:?}\nusage: purge [--only=dify-schema,dify,partitions]"
                ))
            }
        }
    }
    Ok(Config {
        scale: Scale {
            tenants: 4,
            apps: 20,
            expired_nodes: rows as i64,
        },
        writers: number("DIFY_PURGE_WRITERS", 4)? as usize,
        pause: Duration::from_millis(number("DIFY_PURGE_WRITER_PAUSE_MS", 10)?),
        only,
    })
}

/// What a contender deleted.
struct Deleted {
    nodes: u64,
    runs: u64,
    /// Rows of the other tables that go with a run (none in this data set).
    others: u64,
    batches: u64,
    note: String,
}

/// A contender's figures.
struct Outcome {
    name: &'static str,
    deleted: Option<Deleted>,
    seconds: f64,
    writers: Summary,
    problems: Vec<String>,
}

impl Outcome {
    fn rows_per_second(&self) -> f64 {
        self.deleted
            .as_ref()
            .map_or(0.0, |d| (d.nodes + d.runs) as f64 / self.seconds)
    }
}

fn main() -> ExitCode {
    let config = match config() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let server = Server::from_env();
    let version: String = server
        .client("postgres")
        .query_one("SELECT version()", &[])
        .expect("version")
        .get(0);
    println!("# Retention purge: dify-schema against Dify's clean_workflow_runlogs_precise");
    println!();
    println!(
        "machine: {} cores; {version}",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let wanted = |name: &str| {
        config
            .only
            .as_ref()
            .is_none_or(|o| o.iter().any(|n| n == name))
    };
    let mut pass = true;
    if wanted("dify-schema") || wanted("dify") {
        let outcomes = contenders(&server, &config, &wanted);
        summary(&outcomes);
        pass &= outcomes.iter().all(|o| o.problems.is_empty());
    }
    if wanted("partitions") {
        pass &= partitions::run(&server, &config);
    }
    if pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The contenders (those `wanted`), each on a copy of one template
/// database holding the data set.
fn contenders(server: &Server, config: &Config, wanted: &dyn Fn(&str) -> bool) -> Vec<Outcome> {
    let scale = config.scale;
    let template = server.name("template");
    server.create(&template, None);
    let mut db = server.client(&template);
    println!(
        "data: {} expired node executions in {} runs (40 to 100 days old), {} recent runs with {} node \
         executions (last 5 days), {} tenants, {} apps",
        scale.expired_runs() * NODES_PER_RUN,
        scale.expired_runs(),
        scale.recent_runs(),
        scale.recent_runs() * NODES_PER_RUN,
        scale.tenants,
        scale.apps
    );
    print_writers(config);
    println!("template database: {template}");
    let start = Instant::now();
    data::load(&mut db, &scale);
    println!("  loaded in {:.1} s", start.elapsed().as_secs_f64());
    data::print_sizes(&mut db);
    let targets = Targets::read(&mut db);
    // A template must have no connections while it is copied.
    drop(db);

    let mut outcomes = Vec::new();
    if wanted("dify-schema") {
        outcomes.push(contend(
            server,
            &template,
            config,
            &targets,
            "dify-schema",
            "schema",
            purge_with_dify_schema,
        ));
    }
    if wanted("dify") {
        outcomes.push(contend(
            server,
            &template,
            config,
            &targets,
            "dify",
            "dify",
            purge_like_dify,
        ));
    }
    server.drop_database(&template);
    outcomes
}

/// The writers' line of the report.
fn print_writers(config: &Config) {
    println!(
        "writers: {} threads, {} ms apart; each transaction 1 run + {NODES_PER_RUN} node executions, \
         every 4th followed by an UPDATE of a recent run's status (its own transaction)",
        config.writers,
        config.pause.as_millis()
    );
}

/// Runs one contender on a fresh copy of the template, with the writers
/// going, then checks what is left.
fn contend(
    server: &Server,
    template: &str,
    config: &Config,
    targets: &Targets,
    name: &'static str,
    suffix: &str,
    purge: impl FnOnce(&str) -> Result<Deleted, String>,
) -> Outcome {
    println!();
    println!("## {name}");
    let db = server.name(suffix);
    let copied = Instant::now();
    server.create(&db, Some(template));
    println!(
        "  copied the template in {:.1} s",
        copied.elapsed().as_secs_f64()
    );
    let url = server.url(&db);
    let writers = Writers::start(&url, config.writers, config.pause, targets);
    let start = Instant::now();
    let result = purge(&url);
    let seconds = start.elapsed().as_secs_f64();
    let writers = writers.stop();
    let check = Check::run(&mut server.client(&db));
    let mut problems = check.problems(&config.scale, writers.runs);
    let deleted = match result {
        Ok(deleted) => {
            let (nodes, runs) = (
                config.scale.expired_runs() * NODES_PER_RUN,
                config.scale.expired_runs(),
            );
            if deleted.nodes != nodes as u64 || deleted.runs != runs as u64 {
                problems.push(format!(
                    "reported {} node executions and {} runs deleted, expected {nodes} and {runs}",
                    deleted.nodes, deleted.runs
                ));
            }
            Some(deleted)
        }
        Err(error) => {
            problems.push(format!("failed: {error}"));
            None
        }
    };
    if writers.errors > 0 {
        problems.push(format!(
            "{} writer transactions failed; the first: {}",
            writers.errors,
            writers.first_error.as_deref().unwrap_or("?")
        ));
    }
    server.drop_database(&db);
    let outcome = Outcome {
        name,
        deleted,
        seconds,
        writers,
        problems,
    };
    print_outcome(&outcome);
    outcome
}

/// Prints a contender's progress at most every ten seconds (stderr, so
/// the report stays clean).
fn ticker(name: &'static str) -> impl FnMut(u64, f64) {
    let mut last = Instant::now();
    move |rows, seconds| {
        if last.elapsed() >= Duration::from_secs(10) {
            last = Instant::now();
            eprintln!(
                "  [{name}] {seconds:>6.0} s: {rows} rows deleted ({:.0} rows/s)",
                rows as f64 / seconds
            );
        }
    }
}

/// Contender a: the library, with its defaults (100 runs a batch), on the
/// workflow-run tree only.
fn purge_with_dify_schema(url: &str) -> Result<Deleted, String> {
    let mut conn = diesel::PgConnection::establish(url).map_err(|e| format!("{url}: {e}"))?;
    let mut options = PurgeOptions {
        tables: vec!["workflow_runs".into()],
        ..PurgeOptions::default()
    };
    let mut tick = ticker("dify-schema");
    let report = retention::purge(&mut conn, &dify_models::SCHEMA, &mut options, |p| {
        tick(p.rows, p.elapsed.as_secs_f64())
    })
    .map_err(|e| e.to_string())?;
    let of = |table: &str| report.deleted.get(table).copied().unwrap_or(0);
    let (nodes, runs) = (of("workflow_node_executions"), of("workflow_runs"));
    Ok(Deleted {
        nodes,
        runs,
        others: report.rows() - nodes - runs,
        batches: report.batches,
        note: format!("{} lock retries", report.lock_retries),
    })
}

/// Contender b: Dify's statements, cut 30 days before now as Dify takes it.
fn purge_like_dify(url: &str) -> Result<Deleted, String> {
    let mut db =
        postgres::Client::connect(url, postgres::NoTls).map_err(|e| format!("{url}: {e}"))?;
    let cutoff = (chrono::Utc::now().naive_utc() - chrono::Duration::days(30))
        .format("%Y-%m-%dT%H:%M:%S%.6f")
        .to_string();
    let started = Instant::now();
    let mut tick = ticker("dify");
    let report = dify::clean(&mut db, &cutoff, |r| {
        tick(
            r.nodes + r.runs + r.app_logs + r.messages,
            started.elapsed().as_secs_f64(),
        )
    })
    .map_err(|e| e.to_string())?;
    Ok(Deleted {
        nodes: report.nodes,
        runs: report.runs,
        others: report.app_logs + report.messages,
        batches: report.batches,
        note: format!("first count(*): {}", report.counted),
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn print_outcome(o: &Outcome) {
    if let Some(d) = &o.deleted {
        println!(
            "  deleted: {} node executions, {} runs (+ {} other rows) in {} batches; {}",
            d.nodes, d.runs, d.others, d.batches, d.note
        );
    }
    println!(
        "  elapsed: {:.1} s, {:.0} rows/s (node executions + runs)",
        o.seconds,
        o.rows_per_second()
    );
    let w = &o.writers;
    println!(
        "  writers: {} transactions in {:.1} s ({} runs, {} updates), longest {:.1} ms, p99 {:.1} ms, \
         p50 {:.1} ms, errors {}",
        w.transactions,
        w.seconds,
        w.runs,
        w.updates,
        ms(w.longest),
        ms(w.p99),
        ms(w.p50),
        w.errors
    );
    if o.problems.is_empty() {
        println!("  check: PASS (no expired run or node execution left, every recent row there)");
    } else {
        println!("  check: FAIL");
        for problem in &o.problems {
            println!("    - {problem}");
        }
    }
}

fn summary(outcomes: &[Outcome]) {
    println!();
    println!("## Summary");
    println!();
    println!(
        "| contender | node executions | runs | seconds | rows/s | writers' longest ms | writers' p99 ms | \
         writer errors | check |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for o in outcomes {
        let (nodes, runs) = o.deleted.as_ref().map_or((0, 0), |d| (d.nodes, d.runs));
        println!(
            "| {} | {nodes} | {runs} | {:.1} | {:.0} | {:.1} | {:.1} | {} | {} |",
            o.name,
            o.seconds,
            o.rows_per_second(),
            ms(o.writers.longest),
            ms(o.writers.p99),
            o.writers.errors,
            if o.problems.is_empty() {
                "PASS"
            } else {
                "FAIL"
            }
        );
    }
    let find = |name: &str| outcomes.iter().find(|o| o.name == name);
    if let (Some(ours), Some(dify)) = (find("dify-schema"), find("dify")) {
        println!();
        println!(
            "dify-schema / Dify: rows/s {:.2}x (above 1: faster); writers' longest wait {:.2}x, p99 {:.2}x \
             (below 1: shorter)",
            ours.rows_per_second() / dify.rows_per_second(),
            ms(ours.writers.longest) / ms(dify.writers.longest),
            ms(ours.writers.p99) / ms(dify.writers.p99)
        );
    }
}
