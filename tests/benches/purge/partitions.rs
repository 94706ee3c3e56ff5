//! Partition drop against row deletes: `workflow_node_executions` made a
//! retention root of its own (`created_at`, 30 days, with the `(created_at,
//! id)` index a root needs; no other table purged), once unpartitioned
//! and once partitioned by month on `created_at`. The same rows (40 to
//! 130 days old, so whole months have expired, and a tenth recent) go by
//! row batches from the one and mostly by `DETACH PARTITION ...
//! CONCURRENTLY` and `DROP TABLE` from the other, while the writers of
//! `writers.rs` keep recording runs with their node executions at the
//! current time and every transaction's time is taken.
//!
//! Each layout gets a database of its own, created and loaded from its
//! own schema (`render::postgres::create_schema` of the variant) and
//! dropped after its checks, after a panic too (`Server`).

use std::time::Instant;

use chrono::Datelike;
use diesel::Connection;
use dify_schema::render::postgres::create_partitions;
use dify_schema::retention::{self, PurgeOptions, PurgeReport};
use dify_schema::schema::{
    Index, IndexColumn, IndexMethod, MysqlIndex, Partition, Retention, Schema, Security,
};

use super::data::{self, Ages, Server, NODES_PER_RUN, WRITER_ROLE};
use super::writers::{Summary, Targets, Writers};
use super::{ms, print_writers, ticker, Config};

/// The table purged, and the only root of the variant.
const TABLE: &str = "workflow_node_executions";

/// Its retention in the variant.
const DAYS: u32 = 30;

/// How old the expired node executions are: about three whole months
/// and parts of two more.
const AGES: Ages = Ages {
    oldest: 130,
    newest: 40,
};

/// `SCHEMA` with `workflow_node_executions` the only root (every other
/// table's retention gone) and, if asked, partitioned by month.
fn variant(partitioned: bool) -> Schema {
    let tables = dify_models::SCHEMA
        .tables()
        .map(|table| {
            let mut table = table.clone();
            if table.name == TABLE {
                table.retention = Some(Retention::Expires {
                    column: "created_at".into(),
                    days: DAYS,
                });
                let column = |name: &'static str| IndexColumn {
                    name: name.into(),
                    descending: false,
                };
                let mut indexes = table.indexes.into_owned();
                indexes.push(Index {
                    name: "workflow_node_execution_created_at_id_idx".into(),
                    columns: vec![column("created_at"), column("id")].into(),
                    unique: false,
                    method: IndexMethod::Btree,
                    predicate: None,
                    mysql: MysqlIndex::NONE,
                });
                table.indexes = indexes.into();
                if partitioned {
                    table.partition = Some(Partition {
                        column: "created_at".into(),
                    });
                }
            } else {
                table.retention = None;
            }
            table
        })
        .collect();
    Schema::owned(tables, Security::Current)
}

/// The partitions the loaded rows need, from the month of the oldest
/// (a day early, for the clock moving on) to the current one; the table's
/// own `CREATE` makes the current month and three ahead.
fn data_partitions(schema: &Schema) -> String {
    let table = schema.table(TABLE).expect("the variant has the table");
    let now = chrono::Utc::now().date_naive();
    let first = now - chrono::Duration::days(AGES.oldest + 1);
    let months =
        (now.year() * 12 + now.month0() as i32) - (first.year() * 12 + first.month0() as i32) + 1;
    let from = format!("'{:04}-{:02}-01'::timestamp", first.year(), first.month());
    create_partitions(table, &from, months as u32)
}

/// One layout's figures.
struct Outcome {
    name: &'static str,
    report: Option<PurgeReport>,
    /// Node executions in the partitions the purge dropped, counted before
    /// it began (the rest went by row batches).
    in_dropped: u64,
    seconds: f64,
    writers: Summary,
    problems: Vec<String>,
}

impl Outcome {
    fn rows(&self) -> u64 {
        self.report
            .as_ref()
            .and_then(|r| r.deleted.get(TABLE).copied())
            .unwrap_or(0)
    }

    fn dropped(&self) -> usize {
        self.report
            .as_ref()
            .map_or(0, |r| r.dropped_partitions.len())
    }

    fn rows_per_second(&self) -> f64 {
        self.rows() as f64 / self.seconds
    }
}

/// Runs the section: both layouts, then their comparison. True if both
/// passed their checks.
pub fn run(server: &Server, config: &Config) -> bool {
    let scale = config.scale;
    println!();
    println!("# Partition drop against row deletes");
    println!();
    println!(
        "schema: {TABLE} a retention root (created_at, {DAYS} days, index (created_at, id)), no other table \
         purged; (a) unpartitioned, (b) partitioned by month on created_at"
    );
    println!(
        "data: {} node executions in {} runs ({} to {} days old), {} recent node executions in {} runs \
         (last 5 days), {} tenants, {} apps",
        scale.expired_runs() * NODES_PER_RUN,
        scale.expired_runs(),
        AGES.newest,
        AGES.oldest,
        scale.recent_runs() * NODES_PER_RUN,
        scale.recent_runs(),
        scale.tenants,
        scale.apps
    );
    print_writers(config);
    let outcomes = [
        layout(server, config, "unpartitioned", false),
        layout(server, config, "partitioned", true),
    ];
    summary(&outcomes);
    outcomes.iter().all(|o| o.problems.is_empty())
}

/// Loads one layout into a database of its own and purges it under the
/// writers.
fn layout(server: &Server, config: &Config, name: &'static str, partitioned: bool) -> Outcome {
    let scale = config.scale;
    println!();
    println!("## {name}");
    let schema = variant(partitioned);
    let db = server.name(if partitioned { "partitioned" } else { "rows" });
    server.create(&db, None);
    println!("database: {db}");
    let mut client = server.client(&db);
    let extra = if partitioned {
        data_partitions(&schema)
    } else {
        String::new()
    };
    let start = Instant::now();
    data::load_with(&mut client, &schema, &extra, &scale, AGES);
    println!("  loaded in {:.1} s", start.elapsed().as_secs_f64());
    data::print_sizes(&mut client);
    let by_partition = per_partition(&mut client);
    if partitioned {
        for (partition, rows) in &by_partition {
            println!("  {partition:<40} {rows:>10} node executions");
        }
    }
    let targets = Targets::read(&mut client);
    let url = server.url(&db);
    let writers = Writers::start(&url, config.writers, config.pause, &targets);
    let start = Instant::now();
    let result = purge(&url, &schema, name);
    let seconds = start.elapsed().as_secs_f64();
    let writers = writers.stop();
    let mut problems = check(&mut client, config, writers.runs);
    let mut in_dropped = 0;
    let report = match result {
        Ok(report) => {
            let expected = (scale.expired_runs() * NODES_PER_RUN) as u64;
            let rows = report.deleted.get(TABLE).copied().unwrap_or(0);
            if rows != expected {
                problems.push(format!(
                    "reported {rows} node executions deleted, expected {expected}"
                ));
            }
            let others: Vec<_> = report
                .deleted
                .iter()
                .filter(|(table, n)| table.as_str() != TABLE && **n > 0)
                .collect();
            if !others.is_empty() {
                problems.push(format!("deleted rows of other tables: {others:?}"));
            }
            in_dropped = by_partition
                .iter()
                .filter(|(p, _)| report.dropped_partitions.contains(p))
                .map(|(_, n)| *n as u64)
                .sum();
            Some(report)
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
    drop(client);
    server.drop_database(&db);
    let outcome = Outcome {
        name,
        report,
        in_dropped,
        seconds,
        writers,
        problems,
    };
    print_outcome(&outcome);
    outcome
}

/// Node executions per partition (the table itself when unpartitioned).
fn per_partition(db: &mut postgres::Client) -> Vec<(String, i64)> {
    db.query(
        &format!("SELECT tableoid::regclass::text, count(*) FROM {TABLE} GROUP BY 1 ORDER BY 1"),
        &[],
    )
    .expect("rows per partition")
    .iter()
    .map(|row| (row.get(0), row.get(1)))
    .collect()
}

/// The library, with its defaults (100 rows a batch), on the one root.
fn purge(url: &str, schema: &Schema, name: &'static str) -> Result<PurgeReport, String> {
    let mut conn = diesel::PgConnection::establish(url).map_err(|e| format!("{url}: {e}"))?;
    let mut options = PurgeOptions {
        tables: vec![TABLE.into()],
        ..PurgeOptions::default()
    };
    let mut tick = ticker(name);
    retention::purge(&mut conn, schema, &mut options, |p| {
        tick(p.rows, p.elapsed.as_secs_f64())
    })
    .map_err(|e| e.to_string())
}

/// What is wrong after a purge: an expired node execution left, a
/// recent or written one gone, a run gone (no run expires here).
fn check(db: &mut postgres::Client, config: &Config, committed: u64) -> Vec<String> {
    let scale = config.scale;
    let cut = format!("(now() AT TIME ZONE 'UTC') - interval '{DAYS} days'");
    let mut count = |sql: String| -> i64 {
        db.query_one(&sql, &[])
            .unwrap_or_else(|error| panic!("{sql}: {error}"))
            .get(0)
    };
    let found = [
        (
            "node executions older than 30 days left",
            count(format!("SELECT count(*) FROM {TABLE} WHERE created_at < {cut}")),
            0,
        ),
        (
            "recent node executions",
            count(format!(
                "SELECT count(*) FROM {TABLE} WHERE created_at >= {cut} AND created_by_role <> '{WRITER_ROLE}'"
            )),
            scale.recent_runs() * NODES_PER_RUN,
        ),
        (
            "writers' node executions",
            count(format!(
                "SELECT count(*) FROM {TABLE} WHERE created_by_role = '{WRITER_ROLE}'"
            )),
            committed as i64 * NODES_PER_RUN,
        ),
        (
            "workflow runs (none expire here)",
            count("SELECT count(*) FROM workflow_runs".into()),
            scale.expired_runs() + scale.recent_runs() + committed as i64,
        ),
    ];
    found
        .into_iter()
        .filter(|(_, found, wanted)| found != wanted)
        .map(|(what, found, wanted)| format!("{what}: {found}, expected {wanted}"))
        .collect()
}

fn print_outcome(o: &Outcome) {
    if let Some(report) = &o.report {
        println!(
            "  deleted: {} node executions ({} in dropped partitions, {} by row batches) in {} batches; \
             {} lock retries",
            o.rows(),
            o.in_dropped,
            o.rows() - o.in_dropped,
            report.batches,
            report.lock_retries
        );
        println!(
            "  partitions dropped: {} {:?}",
            report.dropped_partitions.len(),
            report.dropped_partitions
        );
    }
    println!(
        "  elapsed: {:.1} s, {:.0} rows/s",
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
        println!(
            "  check: PASS (no node execution older than {DAYS} days left, every recent one there, no run gone)"
        );
    } else {
        println!("  check: FAIL");
        for problem in &o.problems {
            println!("    - {problem}");
        }
    }
}

fn summary(outcomes: &[Outcome]) {
    println!();
    println!("## Summary: partition drop against row deletes");
    println!();
    println!(
        "| layout | node executions deleted | partitions dropped | seconds | rows/s | writers' longest ms | \
         writers' p99 ms | writer errors | check |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for o in outcomes {
        println!(
            "| {} | {} | {} | {:.1} | {:.0} | {:.1} | {:.1} | {} | {} |",
            o.name,
            o.rows(),
            o.dropped(),
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
    if let (Some(parts), Some(rows)) = (find("partitioned"), find("unpartitioned")) {
        println!();
        println!(
            "partitioned / unpartitioned: rows/s {:.2}x (above 1: faster); writers' longest wait {:.2}x, \
             p99 {:.2}x (below 1: shorter)",
            parts.rows_per_second() / rows.rows_per_second(),
            ms(parts.writers.longest) / ms(rows.writers.longest),
            ms(parts.writers.p99) / ms(rows.writers.p99)
        );
    }
}
