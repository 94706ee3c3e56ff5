//! The MariaDB mode (`--mysql`): the scoped API on MySQL against the same
//! statements written by hand in Diesel on the same connection type
//! (`dify_schema::mysql::MysqlConnection`), in the scenarios of the
//! PostgreSQL part that the MySQL scope supports.
//!
//! The database is restored from Dify's MySQL dump
//! (`tests/reference/dify_upstream_mysql_schema.sql`), then filled by
//! `INSERT ... SELECT` from a sequence table (a cross join of digits),
//! through a plain connection; the scoped API only runs what is measured.
//! There is no postgres-crate or SQLAlchemy variant here, and no join
//! (the join scenario needs `list` + `lookup_many` and a Diesel join;
//! `lookup_many` is measured on its own).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Datetime, Text};
use diesel::{Connection, QueryResult, QueryableByName, RunQueryDsl};
use dify_models::app::App;
use dify_models::conversation::{Conversation, Message, MessageChanges};
use dify_models::dataset::{Dataset, Document, DocumentSegment};
use dify_schema::mysql::{connect, MysqlConnection};
use dify_schema::scope::DatasetEditing;
use dify_schema::{with_tenant, Cursor, Error, Page, Row};
use uuid::Uuid;

use super::data::{MessageKey, Samples, Scale, TenantSample};
use super::forms;
use super::harness::{measure, print_summary, report, Ratio, Variant};
use super::mysql_hand::{self as hand, U36};

const DIFY_MYSQL_SCHEMA: &str = include_str!("../../reference/dify_upstream_mysql_schema.sql");

/// The scenarios of this mode, for `--only`.
pub const SCENARIOS: &[&str] = &[
    "find", "list", "keyset", "count", "many", "insert", "update", "bulk",
];

const PAGE: i64 = 20;
const INSERTED_QUERY: &str = "bench insert: where is my invoice?";

/// A MariaDB database made for one run, dropped at the end unless kept.
pub struct BenchDatabase {
    pub name: String,
    pub url: String,
    server: String,
    keep: bool,
}

impl BenchDatabase {
    fn create(keep: bool) -> Result<BenchDatabase, String> {
        let server = dify_tests::mysql::server_url()?;
        let name = format!(
            "dify_bench_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        );
        let mut admin = connect(&server).map_err(|error| error.to_string())?;
        diesel::sql_query(format!(
            "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
        ))
        .execute(&mut admin)
        .map_err(|error| format!("cannot create {name}: {error}"))?;
        let url = match server.rfind('/') {
            Some(slash) if slash > server.find("://").map_or(0, |i| i + 2) => {
                format!("{}/{name}", &server[..slash])
            }
            _ => format!("{server}/{name}"),
        };
        Ok(BenchDatabase {
            name,
            url,
            server,
            keep,
        })
    }

    pub fn connect(&self) -> MysqlConnection {
        connect(&self.url).unwrap_or_else(|error| panic!("cannot connect to {}: {error}", self.url))
    }
}

impl Drop for BenchDatabase {
    fn drop(&mut self) {
        if self.keep {
            return;
        }
        if let Ok(mut admin) = connect(&self.server) {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS `{}`", self.name))
                .execute(&mut admin);
        }
    }
}

/// Restores Dify's MySQL schema and loads the data set; returns the
/// seconds each step took.
pub fn load(conn: &mut MysqlConnection, scale: &Scale) -> Vec<(String, f64)> {
    let mut steps = Vec::new();
    let mut step = |name: &str, sql: &str, conn: &mut MysqlConnection| {
        let start = Instant::now();
        conn.batch_execute(sql)
            .unwrap_or_else(|error| panic!("loading ({name}) failed: {error}\n{sql}"));
        steps.push((name.to_owned(), start.elapsed().as_secs_f64()));
    };
    step("Dify's MySQL schema", DIFY_MYSQL_SCHEMA, conn);
    let t = scale.tenants;
    let a = scale.apps;
    let c = scale.conversations;
    let m = scale.messages;
    let ds = scale.datasets();
    let d = scale.documents();
    let s = scale.segments;
    let most = [t, a, c, m, ds, d, s].into_iter().max().unwrap_or(1);
    // Enough digits for the largest table, 10^k rows.
    let digits = (most as f64).log10().ceil().max(1.0) as u32;
    let sequence = (0..digits)
        .map(|k| format!("d{k}.d * {}", 10_i64.pow(k)))
        .collect::<Vec<_>>()
        .join(" + ");
    let from = (0..digits)
        .map(|k| format!("bench_digit d{k}"))
        .collect::<Vec<_>>()
        .join(", ");
    let literal = |text: &str| text.replace('\\', "\\\\").replace('\'', "''");
    let answer = literal(super::ANSWER);
    let content = literal(super::SEGMENT_CONTENT);
    step(
        "sequence table",
        &format!(
            "CREATE TABLE bench_digit (d INT NOT NULL PRIMARY KEY);
             INSERT INTO bench_digit VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
             CREATE TABLE bench_seq (n INT NOT NULL PRIMARY KEY);
             INSERT INTO bench_seq SELECT {sequence} FROM {from} WHERE {sequence} < {most};"
        ),
        conn,
    );
    step(
        "tenants, accounts, members",
        &format!(
            "CREATE TABLE bench_tenant (n INT NOT NULL PRIMARY KEY, id CHAR(36) NOT NULL,
                                        owner CHAR(36) NOT NULL);
             INSERT INTO bench_tenant SELECT n, UUID(), UUID() FROM bench_seq WHERE n < {t};
             INSERT INTO tenants (id, name, plan)
               SELECT id, CONCAT('Workspace ', n), 'team' FROM bench_tenant;
             INSERT INTO accounts (id, name, email)
               SELECT owner, CONCAT('Owner ', n), CONCAT('owner', n, '@example.com') FROM bench_tenant;
             INSERT INTO tenant_account_joins (id, tenant_id, account_id, current, role)
               SELECT UUID(), id, owner, 1, 'owner' FROM bench_tenant;"
        ),
        conn,
    );
    step(
        "apps",
        &format!(
            "CREATE TABLE bench_app (n INT NOT NULL PRIMARY KEY, id CHAR(36) NOT NULL,
                                     tenant_id CHAR(36) NOT NULL, owner CHAR(36) NOT NULL);
             INSERT INTO bench_app
               SELECT s.n, UUID(), t.id, t.owner FROM bench_seq s
               JOIN bench_tenant t ON t.n = s.n % {t} WHERE s.n < {a};
             INSERT INTO apps (id, tenant_id, name, description, mode, enable_site, enable_api,
                               created_by, updated_by, created_at, updated_at)
               SELECT id, tenant_id, CONCAT('App ', n), '', 'chat', 1, 1, owner, owner,
                      TIMESTAMP '2024-01-01 00:00:00' + INTERVAL n MINUTE,
                      TIMESTAMP '2024-01-01 00:00:00' + INTERVAL n MINUTE
               FROM bench_app;"
        ),
        conn,
    );
    step(
        "conversations",
        &format!(
            "CREATE TABLE bench_conversation (n INT NOT NULL PRIMARY KEY, id CHAR(36) NOT NULL,
                                              app_id CHAR(36) NOT NULL, created_at DATETIME NOT NULL);
             INSERT INTO bench_conversation
               SELECT s.n, UUID(), a.id, TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (s.n * 10) SECOND
               FROM bench_seq s JOIN bench_app a ON a.n = s.n % {a} WHERE s.n < {c};
             INSERT INTO conversations (id, app_id, model_provider, model_id, mode, name, inputs,
                                        status, invoke_from, from_source, dialogue_count,
                                        created_at, updated_at)
               SELECT id, app_id, 'openai', 'gpt-4o-mini', 'chat', CONCAT('Conversation ', n), '{{}}',
                      'normal', 'web-app', 'api', {per}, created_at, created_at
               FROM bench_conversation;",
            per = m / c.max(1),
        ),
        conn,
    );
    step(
        "messages",
        &format!(
            "INSERT INTO messages (id, app_id, conversation_id, model_provider, model_id, inputs,
                                   query, message, message_tokens, message_unit_price, answer,
                                   answer_tokens, answer_unit_price, provider_response_latency,
                                   total_price, currency, status, invoke_from, from_source,
                                   created_at, updated_at)
               SELECT UUID(), c.app_id, c.id, 'openai', 'gpt-4o-mini', '{{}}',
                      CONCAT('Question ', s.n + 1, ': how do I reset my password?'),
                      '[{{\"role\": \"user\", \"text\": \"how do I reset my password?\"}}]',
                      12, 0.001, '{answer}', 96, 0.002, 0.8, 0.0002, 'USD', 'normal', 'web-app',
                      'api', c.created_at + INTERVAL (s.n DIV {c}) SECOND,
                      c.created_at + INTERVAL (s.n DIV {c}) SECOND
               FROM bench_seq s JOIN bench_conversation c ON c.n = s.n % {c} WHERE s.n < {m};"
        ),
        conn,
    );
    step(
        "datasets, documents, segments",
        &format!(
            "CREATE TABLE bench_dataset (n INT NOT NULL PRIMARY KEY, id CHAR(36) NOT NULL,
                                         tenant_id CHAR(36) NOT NULL, owner CHAR(36) NOT NULL);
             INSERT INTO bench_dataset
               SELECT s.n, UUID(), t.id, t.owner FROM bench_seq s
               JOIN bench_tenant t ON t.n = s.n % {t} WHERE s.n < {ds};
             INSERT INTO datasets (id, tenant_id, name, indexing_technique, data_source_type,
                                   created_by, updated_by)
               SELECT id, tenant_id, CONCAT('Knowledge ', n), 'high_quality', 'upload_file', owner,
                      owner
               FROM bench_dataset;
             CREATE TABLE bench_document (n INT NOT NULL PRIMARY KEY, id CHAR(36) NOT NULL,
                                          dataset_id CHAR(36) NOT NULL, tenant_id CHAR(36) NOT NULL,
                                          owner CHAR(36) NOT NULL, created_at DATETIME NOT NULL);
             INSERT INTO bench_document
               SELECT s.n, UUID(), ds.id, ds.tenant_id, ds.owner,
                      TIMESTAMP '2025-02-01 00:00:00' + INTERVAL s.n MINUTE
               FROM bench_seq s JOIN bench_dataset ds ON ds.n = s.n % {ds} WHERE s.n < {d};
             INSERT INTO documents (id, tenant_id, dataset_id, position, data_source_type, batch,
                                    name, created_from, created_by, created_at, updated_at,
                                    indexing_status, word_count, tokens, doc_form)
               SELECT id, tenant_id, dataset_id, n + 1, 'upload_file', CONCAT('batch-', n DIV 100),
                      CONCAT('document-', n, '.pdf'), 'web', owner, created_at, created_at,
                      'completed', 640, 800, 'text_model'
               FROM bench_document;
             INSERT INTO document_segments (id, tenant_id, dataset_id, document_id, position,
                                            content, word_count, tokens, hit_count, index_node_id,
                                            index_node_hash, status, created_by, updated_by,
                                            created_at, updated_at, completed_at)
               SELECT UUID(), doc.tenant_id, doc.dataset_id, doc.id, s.n DIV {d} + 1,
                      CONCAT('{content} ', s.n + 1), 64, 80, 0, MD5(s.n), MD5(CONCAT(s.n, 'h')),
                      'completed', doc.owner, doc.owner,
                      doc.created_at + INTERVAL (s.n DIV {d}) SECOND,
                      doc.created_at + INTERVAL (s.n DIV {d}) SECOND,
                      doc.created_at + INTERVAL (s.n DIV {d}) SECOND
               FROM bench_seq s JOIN bench_document doc ON doc.n = s.n % {d} WHERE s.n < {s};"
        ),
        conn,
    );
    step(
        "drop scaffolding",
        "DROP TABLE bench_digit, bench_seq, bench_tenant, bench_app, bench_conversation, \
         bench_dataset, bench_document;",
        conn,
    );
    step(
        "ANALYZE TABLE",
        "ANALYZE TABLE tenants, accounts, tenant_account_joins, apps, conversations, messages, \
         datasets, documents, document_segments;",
        conn,
    );
    steps
}

#[derive(QueryableByName)]
struct TableSize {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = BigInt)]
    rows: i64,
    #[diesel(sql_type = BigInt)]
    bytes: i64,
}

fn print_sizes(conn: &mut MysqlConnection) {
    let tables = [
        "messages",
        "document_segments",
        "conversations",
        "documents",
        "apps",
        "datasets",
        "tenants",
        "accounts",
        "tenant_account_joins",
    ];
    for table in tables {
        let size: TableSize = diesel::sql_query(format!(
            "SELECT '{table}' AS name, (SELECT COUNT(*) FROM `{table}`) AS `rows`, \
                    CAST(data_length + index_length AS SIGNED) AS bytes \
             FROM information_schema.tables \
             WHERE table_schema = DATABASE() AND table_name = '{table}'"
        ))
        .get_result(conn)
        .unwrap();
        println!(
            "  {:<24} {:>10} rows {:>8.1} MB",
            size.name,
            size.rows,
            size.bytes as f64 / 1e6
        );
    }
}

#[derive(QueryableByName)]
struct TenantRow {
    #[diesel(sql_type = Text)]
    id: U36,
    #[diesel(sql_type = Text)]
    owner: U36,
}

#[derive(QueryableByName)]
struct MessageSampleRow {
    #[diesel(sql_type = Text)]
    id: U36,
    #[diesel(sql_type = Text)]
    app_id: U36,
    #[diesel(sql_type = Text)]
    conversation_id: U36,
    #[diesel(sql_type = Datetime)]
    created_at: chrono::NaiveDateTime,
}

#[derive(QueryableByName)]
struct PairRow {
    #[diesel(sql_type = Text)]
    a: U36,
    #[diesel(sql_type = Text)]
    b: U36,
}

/// Draws `per_tenant` messages (with their apps and conversations) and up
/// to 20 documents for each tenant, in random order.
fn samples(conn: &mut MysqlConnection, per_tenant: i64) -> Samples {
    let tenants: Vec<TenantRow> = diesel::sql_query(
        "SELECT t.id, j.account_id AS owner FROM tenants t \
         JOIN tenant_account_joins j ON j.tenant_id = t.id AND j.role = 'owner' ORDER BY t.id",
    )
    .load(conn)
    .unwrap();
    let mut out = Vec::new();
    for tenant in tenants {
        let mut sample = TenantSample {
            tenant: tenant.id.0,
            owner: tenant.owner.0,
            ..Default::default()
        };
        let messages: Vec<MessageSampleRow> = diesel::sql_query(
            "SELECT m.id, m.app_id, m.conversation_id, m.created_at FROM messages m \
             WHERE m.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = ?) \
             ORDER BY RAND(1) LIMIT ?",
        )
        .bind::<Text, _>(tenant.id)
        .bind::<BigInt, _>(per_tenant)
        .load(conn)
        .unwrap();
        for row in messages {
            sample.messages.push(MessageKey {
                id: row.id.0,
                app: row.app_id.0,
                conversation: row.conversation_id.0,
                created_at: row.created_at,
            });
            sample
                .conversations
                .push((row.app_id.0, row.conversation_id.0));
            if !sample.apps.contains(&row.app_id.0) {
                sample.apps.push(row.app_id.0);
            }
        }
        let documents: Vec<PairRow> = diesel::sql_query(
            "SELECT dataset_id AS a, id AS b FROM documents WHERE tenant_id = ? \
             ORDER BY RAND(2) LIMIT 20",
        )
        .bind::<Text, _>(tenant.id)
        .load(conn)
        .unwrap();
        sample.documents = documents.into_iter().map(|r| (r.a.0, r.b.0)).collect();
        assert!(
            !sample.messages.is_empty() && !sample.documents.is_empty(),
            "tenant {} has no sampled messages or documents",
            sample.tenant
        );
        out.push(sample);
    }
    let mut rng = super::Rng::new(0x5eed);
    let mut mixed_messages: Vec<(usize, MessageKey)> = out
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.messages.iter().map(move |m| (i, *m)))
        .collect();
    rng.shuffle(&mut mixed_messages);
    let mut mixed_apps: Vec<(usize, Uuid)> = out
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.apps.iter().map(move |a| (i, *a)))
        .collect();
    rng.shuffle(&mut mixed_apps);
    Samples {
        tenants: out,
        mixed_messages,
        mixed_apps,
    }
}

pub struct Ctx<'a> {
    db: &'a BenchDatabase,
    samples: &'a Samples,
    ops: usize,
    rounds: usize,
    bulk_rows: usize,
    bulk_rounds: usize,
}

impl Ctx<'_> {
    fn conn(&self) -> MysqlConnection {
        let mut conn = self.db.connect();
        if std::env::var_os("DIFY_BENCH_MYSQL_TRACE").is_some() {
            trace(&mut conn);
        }
        conn
    }
}

/// Prints each distinct statement a connection sends, once
/// (`DIFY_BENCH_MYSQL_TRACE=1`): what the scopes and the baselines send.
fn trace(conn: &mut MysqlConnection) {
    use diesel::connection::{Instrumentation, InstrumentationEvent};
    let mut seen = std::collections::HashSet::new();
    let mut print = move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            let text = query.to_string();
            let text = text.split(" -- binds").next().unwrap_or(&text).to_owned();
            if seen.insert(text.clone()) {
                eprintln!("  sql: {text}");
            }
        }
    };
    let _: &mut dyn Instrumentation = &mut print;
    conn.set_instrumentation(print);
}

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Diesel inside one transaction, timing only what `f` does inside it.
fn diesel_in_txn(conn: &mut MysqlConnection, f: impl FnOnce(&mut MysqlConnection)) -> Duration {
    let mut elapsed = Duration::ZERO;
    conn.transaction(|c| -> QueryResult<()> {
        elapsed = timed(|| f(c));
        Ok(())
    })
    .unwrap();
    elapsed
}

/// What a scope sends, by hand: the session's time zone, `BEGIN`, the
/// role and clock, `f`'s statements, `COMMIT`.
fn as_scope<T>(
    conn: &mut MysqlConnection,
    tenant: Uuid,
    account: Uuid,
    f: impl FnOnce(&mut MysqlConnection) -> QueryResult<T>,
) -> T {
    hand::set_time_zone(conn).unwrap();
    conn.transaction(|c| {
        let entry = hand::enter(c, tenant, account)?;
        black_box((entry.role.expect("a member"), entry.clock));
        f(c)
    })
    .unwrap()
}

/// Runs the MariaDB mode: load, then the scenarios `only` names (all by
/// default).
pub fn run(
    only: Option<&[String]>,
    scale: &Scale,
    rounds: usize,
    ops: usize,
    keep: bool,
    load_only: bool,
) -> ExitCode {
    if let Some(bad) = only
        .into_iter()
        .flatten()
        .find(|n| !SCENARIOS.contains(&n.as_str()))
    {
        eprintln!("--only with --mysql: unknown scenario {bad:?}; one of {SCENARIOS:?}");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let db = match BenchDatabase::create(keep) {
        Ok(db) => db,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::FAILURE;
        }
    };
    let mut conn = db.connect();
    let version: super::TextRow = diesel::sql_query("SELECT VERSION() AS text")
        .get_result(&mut conn)
        .unwrap();
    println!("# dify-schema scoped API bench, MariaDB/MySQL");
    println!();
    println!(
        "machine: {} cores; server: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        version.text
    );
    println!(
        "data set {}: {} tenants, {} apps, {} conversations, {} messages, {} datasets, \
         {} documents, {} segments (no workflows)",
        scale.name,
        scale.tenants,
        scale.apps,
        scale.conversations,
        scale.messages,
        scale.datasets(),
        scale.documents(),
        scale.segments
    );
    println!("database: {}", db.name);
    let load_start = Instant::now();
    for (step, seconds) in load(&mut conn, scale) {
        println!("  load {step:<28} {seconds:>7.2} s");
    }
    println!("  loaded in {:.1} s", load_start.elapsed().as_secs_f64());
    print_sizes(&mut conn);
    let samples = samples(&mut conn, 100);
    drop(conn);
    if load_only {
        println!();
        println!("database kept: {}", db.url);
        return ExitCode::SUCCESS;
    }

    let cx = Ctx {
        db: &db,
        samples: &samples,
        ops,
        rounds,
        bulk_rows: super::env_number("DIFY_BENCH_BULK_ROWS", 10_000),
        bulk_rounds: super::env_number("DIFY_BENCH_BULK_ROUNDS", 3),
    };
    println!();
    println!(
        "{ops} operations per round, {rounds} rounds after a warm-up; times are medians; \
         throughput ratios are medians of per-round ratios (above 1: ours is faster)."
    );
    let wanted = |name: &str| only.is_none_or(|o| o.iter().any(|n| n == name));
    let mut ratios = Vec::new();
    if wanted("find") {
        ratios.extend(find(&cx));
    }
    if wanted("list") {
        ratios.extend(list(&cx));
    }
    if wanted("keyset") {
        ratios.extend(keyset(&cx));
    }
    if wanted("count") {
        ratios.extend(count(&cx));
    }
    if wanted("many") {
        ratios.extend(many(&cx));
    }
    if wanted("insert") {
        ratios.extend(insert(&cx));
    }
    if wanted("update") {
        ratios.extend(update(&cx));
    }
    if wanted("bulk") {
        ratios.extend(bulk(&cx));
    }
    print_summary(&ratios);
    println!();
    println!("total {:.0} s", started.elapsed().as_secs_f64());
    if db.keep {
        println!();
        println!("database kept: {}", db.url);
    }
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------- find

fn find(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let mut ratios = Vec::new();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped lookup::<Message>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    black_box(scope.lookup::<Message>(m.id)?.expect("sampled message"));
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    black_box(hand::find_message(c, t.tenant, m.id).unwrap().unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "MariaDB: find a message by id, in one scope",
        ops,
        &series,
        &["scoped lookup::<Message>"],
    ));

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped lookup::<App>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for i in 0..ops {
                    black_box(scope.lookup::<App>(t.apps[i % t.apps.len()])?.expect("app"));
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    black_box(hand::find_app(c, t.tenant, app).unwrap().unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "MariaDB: find an app by id, in one scope",
        ops,
        &series,
        &["scoped lookup::<App>"],
    ));

    let mixed = &s.mixed_messages;
    let pick = move |round: usize, i: usize| {
        let (t, m) = &mixed[(round * ops + i) % mixed.len()];
        (&s.tenants[*t], m)
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped (with_tenant per op)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row =
                        with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<_, Error> {
                            Ok(scope.lookup::<Message>(m.id)?.map(Row::into_inner))
                        })
                        .unwrap();
                    black_box(row.expect("sampled message"));
                }
            })
        }),
        Variant::new("diesel (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    black_box(
                        hand::find_message(&mut c2, t.tenant, m.id)
                            .unwrap()
                            .unwrap(),
                    );
                }
            })
        }),
        Variant::new("diesel (txn + enter, as a scope)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row = as_scope(&mut c3, t.tenant, t.owner, |c| {
                        hand::find_message(c, t.tenant, m.id)
                    });
                    black_box(row.unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "MariaDB: find a message by id, one op per scope",
        ops,
        &series,
        &["scoped (with_tenant per op)"],
    ));
    ratios
}

// ---------------------------------------------------------------- list

fn list(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let mut ratios = Vec::new();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped children::<Conversation>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let mut apps = Vec::new();
                for app in &t.apps {
                    apps.push(scope.lookup::<App>(*app)?.expect("app"));
                }
                let start = Instant::now();
                for i in 0..ops {
                    let app = &apps[i % apps.len()];
                    let page = scope.children::<Conversation, _>(app.id(), Page::first(PAGE))?;
                    black_box(page);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    black_box(hand::app_conversations(c, t.tenant, app, PAGE).unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "MariaDB: list a page (20) of an app's conversations, in one scope",
        ops,
        &series,
        &["scoped children::<Conversation>"],
    ));

    let mixed = &s.mixed_apps;
    let pick = move |round: usize, i: usize| {
        let (t, a) = &mixed[(round * ops + i) % mixed.len()];
        (&s.tenants[*t], *a)
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped (with_tenant per op)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, app) = pick(round, i);
                    let page =
                        with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<_, Error> {
                            let app = scope.lookup::<App>(app)?.expect("app");
                            let page =
                                scope.children::<Conversation, _>(app.id(), Page::first(PAGE))?;
                            Ok(page.into_iter().map(Row::into_inner).collect::<Vec<_>>())
                        })
                        .unwrap();
                    black_box(page);
                }
            })
        }),
        Variant::new("diesel (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, app) = pick(round, i);
                    let app = hand::find_app(&mut c2, t.tenant, app).unwrap().unwrap();
                    let page = hand::app_conversations(&mut c2, t.tenant, app.id.0, PAGE);
                    black_box(page.unwrap());
                }
            })
        }),
        Variant::new("diesel (txn + enter, as a scope)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, app) = pick(round, i);
                    let page = as_scope(&mut c3, t.tenant, t.owner, |c| {
                        let app = hand::find_app(c, t.tenant, app)?.unwrap();
                        hand::app_conversations(c, t.tenant, app.id.0, PAGE)
                    });
                    black_box(page);
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "MariaDB: check an app and list a page of its conversations, one op per scope",
        ops,
        &series,
        &["scoped (with_tenant per op)"],
    ));
    ratios
}

// ------------------------------------------------------- keyset messages

fn keyset(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped children::<Message> after", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let mut apps = Vec::new();
                for m in &t.messages {
                    apps.push(scope.lookup::<App>(m.app)?.expect("app"));
                }
                let start = Instant::now();
                for i in 0..ops {
                    let k = i % t.messages.len();
                    let m = &t.messages[k];
                    let cursor = Cursor {
                        created_at: Some(m.created_at),
                        id: m.id,
                    };
                    let page =
                        scope.children::<Message, _>(apps[k].id(), Page::after(cursor, PAGE))?;
                    black_box(page);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    let page =
                        hand::app_messages_after(c, t.tenant, m.app, m.created_at, m.id, PAGE);
                    black_box(page.unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    report(
        "MariaDB: keyset page (20) of an app's messages after a cursor, in one scope",
        ops,
        &series,
        &["scoped children::<Message> after"],
    )
}

// ---------------------------------------------------------------- count

fn count(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    // A count reads every one of the tenant's rows: fewer per round.
    let ops = (cx.ops / 4).max(10);
    let nt = s.tenants.len();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped count::<Conversation>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for _ in 0..ops {
                    black_box(scope.count::<Conversation>()?);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for _ in 0..ops {
                    black_box(hand::count_conversations(c, t.tenant).unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    report(
        "MariaDB: count a tenant's conversations, in one scope",
        ops,
        &series,
        &["scoped count::<Conversation>"],
    )
}

// ------------------------------------------------------------ lookup_many

fn many(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    // 20 ids a call, a window sliding over the tenant's sampled messages.
    let ids = move |t: &TenantSample, i: usize| -> Vec<Uuid> {
        (0..PAGE as usize)
            .map(|k| t.messages[(i + k) % t.messages.len()].id)
            .collect()
    };

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped lookup_many::<Message>", move |round| {
            let t = &s.tenants[round % nt];
            let batches: Vec<Vec<Uuid>> = (0..ops).map(|i| ids(t, i)).collect();
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for batch in &batches {
                    let rows = scope.lookup_many::<Message>(batch)?;
                    assert_eq!(rows.len(), batch.len());
                    black_box(rows);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            let batches: Vec<Vec<Uuid>> = (0..ops).map(|i| ids(t, i)).collect();
            diesel_in_txn(&mut c2, |c| {
                for batch in &batches {
                    let rows = hand::find_messages(c, t.tenant, batch).unwrap();
                    assert_eq!(rows.len(), batch.len());
                    black_box(rows);
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    report(
        "MariaDB: lookup_many of 20 messages by id, in one scope",
        ops,
        &series,
        &["scoped lookup_many::<Message>"],
    )
}

// ---------------------------------------------------------------- insert

fn insert(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let mut ratios = Vec::new();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped insert::<Message>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let mut parents = Vec::new();
                for (app, conversation) in t.conversations.iter().take(20) {
                    let app = scope.lookup::<App>(*app)?.expect("app");
                    let conversation = scope
                        .lookup::<Conversation>(*conversation)?
                        .expect("conversation");
                    parents.push((app, conversation));
                }
                let start = Instant::now();
                for i in 0..ops {
                    let (app, conversation) = &parents[i % parents.len()];
                    let new = forms::new_message(app.id(), conversation.id(), INSERTED_QUERY);
                    black_box(scope.insert::<Message>(new)?);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel insert + read back", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let (app, conversation) = t.conversations[i % t.conversations.len().min(20)];
                    let new = hand::NewMessageRow::sample(app, conversation, INSERTED_QUERY);
                    black_box(hand::insert_message_read_back(c, &new).unwrap());
                }
            })
        }),
        Variant::new("diesel insert (no read back)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c3, |c| {
                for i in 0..ops {
                    let (app, conversation) = t.conversations[i % t.conversations.len().min(20)];
                    let new = hand::NewMessageRow::sample(app, conversation, INSERTED_QUERY);
                    black_box(hand::insert_message(c, &new).unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "MariaDB: insert a message, in one scope",
        ops,
        &series,
        &["scoped insert::<Message>"],
    ));

    let mixed = &s.mixed_messages;
    let pick = move |round: usize, i: usize| {
        let (t, m) = &mixed[(round * ops + i) % mixed.len()];
        (&s.tenants[*t], m)
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped (with_tenant per op)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row =
                        with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<_, Error> {
                            let app = scope.lookup::<App>(m.app)?.expect("app");
                            let conversation = scope
                                .lookup::<Conversation>(m.conversation)?
                                .expect("conversation");
                            let new =
                                forms::new_message(app.id(), conversation.id(), INSERTED_QUERY);
                            Ok(scope.insert::<Message>(new)?.into_inner())
                        })
                        .unwrap();
                    black_box(row);
                }
            })
        }),
        Variant::new("diesel (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let app = hand::find_app(&mut c2, t.tenant, m.app).unwrap().unwrap();
                    let conversation = hand::find_conversation(&mut c2, t.tenant, m.conversation)
                        .unwrap()
                        .unwrap();
                    let new =
                        hand::NewMessageRow::sample(app.id.0, conversation.id.0, INSERTED_QUERY);
                    black_box(hand::insert_message_read_back(&mut c2, &new).unwrap());
                }
            })
        }),
        Variant::new("diesel (txn + enter, as a scope)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row = as_scope(&mut c3, t.tenant, t.owner, |c| {
                        let app = hand::find_app(c, t.tenant, m.app)?.unwrap();
                        let conversation =
                            hand::find_conversation(c, t.tenant, m.conversation)?.unwrap();
                        let new = hand::NewMessageRow::sample(
                            app.id.0,
                            conversation.id.0,
                            INSERTED_QUERY,
                        );
                        hand::insert_message_read_back(c, &new)
                    });
                    black_box(row);
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "MariaDB: check app and conversation, insert a message, one op per scope",
        ops,
        &series,
        &["scoped (with_tenant per op)"],
    ));

    let mut conn = cx.conn();
    diesel::sql_query(format!(
        "DELETE FROM messages WHERE query = '{INSERTED_QUERY}'"
    ))
    .execute(&mut conn)
    .unwrap();
    ratios
}

// ---------------------------------------------------------------- update

fn update(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let tokens = move |round: usize, i: usize| (round * ops + i) as i32 % 1000;

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped update::<Message>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let mut messages = Vec::new();
                for m in &t.messages {
                    messages.push(scope.lookup::<Message>(m.id)?.expect("message"));
                }
                let start = Instant::now();
                for i in 0..ops {
                    let message = &messages[i % messages.len()];
                    let changes = MessageChanges {
                        answer_tokens: Some(tokens(round, i)),
                        ..Default::default()
                    };
                    black_box(scope.update(message.id(), changes)?.expect("updated"));
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel update + read back", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    let row = hand::update_message_read_back(c, t.tenant, m.id, tokens(round, i));
                    black_box(row.unwrap().expect("updated"));
                }
            })
        }),
        Variant::new("diesel update (no read back)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c3, |c| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    let n = hand::update_message(c, t.tenant, m.id, tokens(round, i));
                    black_box(n.unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    report(
        "MariaDB: update a message (one column + updated_at), in one scope",
        ops,
        &series,
        &["scoped update::<Message>"],
    )
}

// ------------------------------------------------------------------ bulk

fn bulk(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let rows = cx.bulk_rows;
    let nt = s.tenants.len();
    let base = super::BULK_POSITION;
    let target = move |round: usize| {
        let t = &s.tenants[round % nt];
        let (dataset, document) = t.documents[0];
        (t, dataset, document)
    };
    let cleanup = move |conn: &mut MysqlConnection, document: Uuid| {
        diesel::sql_query(format!(
            "DELETE FROM document_segments WHERE document_id = '{document}' AND position >= {base}"
        ))
        .execute(conn)
        .unwrap();
    };

    let scoped_bulk = move |name: &'static str, mut conn: MysqlConnection, count_only: bool| {
        Variant::new(name, move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                with_tenant(&mut conn, t.tenant, t.owner, |scope| -> Result<(), Error> {
                    let dataset = scope.lookup::<Dataset>(dataset)?.expect("dataset");
                    let document = scope.lookup::<Document>(document)?.expect("document");
                    let scope = scope.require::<DatasetEditing>()?;
                    let news: Vec<_> = (0..rows)
                        .map(|i| forms::new_segment(dataset.id(), document.id(), base + i as i32))
                        .collect();
                    if count_only {
                        black_box(scope.bulk_insert::<DocumentSegment>(news)?);
                    } else {
                        black_box(scope.insert_many::<DocumentSegment>(news)?);
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut conn, document);
            elapsed
        })
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let mut variants = vec![
        scoped_bulk("scoped bulk_insert (one scope)", cx.conn(), true),
        scoped_bulk("scoped insert_many (one scope)", cx.conn(), false),
        Variant::new("scoped insert loop (one scope)", move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                    let dataset = scope.lookup::<Dataset>(dataset)?.expect("dataset");
                    let document = scope.lookup::<Document>(document)?.expect("document");
                    let scope = scope.require::<DatasetEditing>()?;
                    for i in 0..rows {
                        let new = forms::new_segment(dataset.id(), document.id(), base + i as i32);
                        black_box(scope.insert::<DocumentSegment>(new)?);
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut c1, document);
            elapsed
        }),
        Variant::new("diesel insert loop (txn)", move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                c2.transaction(|c| -> QueryResult<()> {
                    for i in 0..rows {
                        let new = hand::NewSegmentRow::sample(
                            t.tenant,
                            dataset,
                            document,
                            t.owner,
                            base + i as i32,
                        );
                        black_box(hand::insert_segment(c, &new)?);
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut c2, document);
            elapsed
        }),
        Variant::new("diesel multi-row INSERT x1000 (txn)", move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                c3.transaction(|c| -> QueryResult<()> {
                    let mut batch = Vec::with_capacity(1000);
                    for i in 0..rows {
                        batch.push(hand::NewSegmentRow::sample(
                            t.tenant,
                            dataset,
                            document,
                            t.owner,
                            base + i as i32,
                        ));
                        if batch.len() == 1000 || i + 1 == rows {
                            hand::insert_segments(c, &batch)?;
                            batch.clear();
                        }
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut c3, document);
            elapsed
        }),
    ];
    let series = measure(rows, cx.bulk_rounds, &mut variants);
    drop(variants);
    let ratios = report(
        &format!(
            "MariaDB: bulk insert of {rows} segments (whole transaction timed; ops/s = rows/s)"
        ),
        rows,
        &series,
        &[
            "scoped bulk_insert (one scope)",
            "scoped insert_many (one scope)",
            "scoped insert loop (one scope)",
        ],
    );
    for s in &series {
        println!("  {:<38} {:>9.0} rows/s", s.name, 1.0 / s.median());
    }
    ratios
}
