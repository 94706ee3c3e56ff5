//! The Dify-shaped data set: a database of its own, the declared schema,
//! and rows made by PostgreSQL itself (`INSERT ... SELECT generate_series`,
//! indexes built after the load), then `VACUUM ANALYZE`.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Timestamp, Uuid as SqlUuid};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use dify_models::SCHEMA;
use dify_schema::render::postgres;
use uuid::Uuid;

/// How many rows of each kind.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub name: &'static str,
    pub tenants: i64,
    pub apps: i64,
    pub conversations: i64,
    pub messages: i64,
    pub segments: i64,
    /// Segments per document.
    pub segments_per_document: i64,
    /// Datasets per tenant.
    pub datasets_per_tenant: i64,
    /// Workflow runs (each app has one workflow); each run has
    /// `NODES_PER_RUN` node executions.
    pub workflow_runs: i64,
}

/// Node executions per workflow run (start, retrieval, llm, code, end).
pub const NODES_PER_RUN: i64 = 5;

impl Scale {
    pub fn from_env() -> Result<Scale, String> {
        let name = std::env::var("DIFY_BENCH_SCALE").unwrap_or_else(|_| "small".into());
        Scale::named(&name)
    }

    pub fn named(name: &str) -> Result<Scale, String> {
        let base = Scale {
            name: "small",
            tenants: 20,
            apps: 200,
            conversations: 20_000,
            messages: 200_000,
            segments: 50_000,
            segments_per_document: 10,
            datasets_per_tenant: 2,
            workflow_runs: 10_000,
        };
        Ok(match name {
            "small" | "default" | "" => base,
            // The data set.
            "full" => Scale {
                name: "full",
                tenants: 100,
                apps: 5_000,
                conversations: 100_000,
                messages: 1_000_000,
                segments: 200_000,
                workflow_runs: 50_000,
                ..base
            },
            // For callgrind and smoke runs.
            "tiny" => Scale {
                name: "tiny",
                tenants: 4,
                apps: 20,
                conversations: 1_000,
                messages: 10_000,
                segments: 2_000,
                workflow_runs: 500,
                ..base
            },
            other => {
                return Err(format!(
                    "DIFY_BENCH_SCALE={other}: expected small (default), full or tiny"
                ))
            }
        })
    }

    pub fn documents(&self) -> i64 {
        (self.segments / self.segments_per_document).max(1)
    }

    pub fn datasets(&self) -> i64 {
        self.tenants * self.datasets_per_tenant
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} tenants, {} apps, {} conversations, {} messages, {} datasets, {} documents, {} segments, {} workflow runs, {} node executions",
            self.name,
            self.tenants,
            self.apps,
            self.conversations,
            self.messages,
            self.datasets(),
            self.documents(),
            self.segments,
            self.workflow_runs,
            self.workflow_runs * NODES_PER_RUN
        )
    }
}

/// A database made for one run, dropped at the end unless kept.
pub struct BenchDatabase {
    pub name: String,
    pub url: String,
    pub keep: bool,
}

impl BenchDatabase {
    pub fn create(keep: bool) -> BenchDatabase {
        let name = format!(
            "dify_bench_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        );
        let mut admin = admin();
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .unwrap_or_else(|error| panic!("cannot create {name}: {error}"));
        let url = with_sslmode(&dify_tests::database_url(&name), &sslmode());
        BenchDatabase { name, url, keep }
    }

    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url)
            .unwrap_or_else(|error| panic!("cannot connect to {}: {error}", self.url))
    }

    pub fn client(&self) -> ::postgres::Client {
        connect_client(&self.url)
    }
}

/// The sslmode of the bench's connections: `disable` unless
/// `DIFY_BENCH_SSLMODE` says otherwise. libpq (Diesel, psycopg2) defaults
/// to `prefer` and so speaks TLS even on loopback when the server has
/// `ssl = on` (Debian's default), while the postgres crate with `NoTls`
/// never does: the same mode for all keeps the comparison fair.
pub fn sslmode() -> String {
    std::env::var("DIFY_BENCH_SSLMODE").unwrap_or_else(|_| "disable".into())
}

/// `url` with `sslmode=mode`, unless it names an sslmode already.
pub fn with_sslmode(url: &str, mode: &str) -> String {
    if url.contains("sslmode=") {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}sslmode={mode}")
}

pub fn connect_client(url: &str) -> ::postgres::Client {
    ::postgres::Client::connect(url, ::postgres::NoTls)
        .unwrap_or_else(|error| panic!("cannot connect to {url}: {error}"))
}

impl Drop for BenchDatabase {
    fn drop(&mut self) {
        if self.keep {
            return;
        }
        drop_database(&self.name);
    }
}

pub fn drop_database(name: &str) {
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        eprintln!("refusing to drop {name:?}: not a plain database name");
        return;
    }
    if let Ok(mut admin) = PgConnection::establish(&dify_tests::server_url()) {
        let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut admin);
    }
}

fn admin() -> PgConnection {
    let url = dify_tests::server_url();
    PgConnection::establish(&url).unwrap_or_else(|error| {
        panic!(
            "cannot reach PostgreSQL at {url}: {error}\n\
             Start it (`bash .ci/ensure-postgres`), or set DIFY_TEST_DATABASE_URL to a server \
             where this user may CREATE DATABASE."
        )
    })
}

/// The declared schema's DDL split in two: tables first, then what is
/// cheaper to build after the load (indexes, foreign keys).
fn split_ddl() -> (String, String) {
    let ddl = postgres::create_schema(&SCHEMA);
    let mut tables = String::new();
    let mut after = String::new();
    for statement in ddl.split(";\n") {
        let trimmed = statement.trim();
        if trimmed.is_empty() {
            continue;
        }
        let target = if trimmed.starts_with("CREATE INDEX")
            || trimmed.starts_with("CREATE UNIQUE INDEX")
            || trimmed.starts_with("ALTER TABLE")
        {
            &mut after
        } else {
            &mut tables
        };
        target.push_str(trimmed);
        target.push_str(";\n");
    }
    (tables, after)
}

/// Creates the schema and loads the data set; returns the seconds each
/// step took.
pub fn load(conn: &mut PgConnection, scale: &Scale) -> Vec<(String, f64)> {
    let (tables, after) = split_ddl();
    let mut steps = Vec::new();
    let mut step = |name: &str, sql: &str, conn: &mut PgConnection| {
        let start = Instant::now();
        conn.batch_execute(sql)
            .unwrap_or_else(|error| panic!("loading ({name}) failed: {error}\n{sql}"));
        steps.push((name.to_owned(), start.elapsed().as_secs_f64()));
    };
    step("schema", &tables, conn);
    let t = scale.tenants;
    let a = scale.apps;
    let c = scale.conversations;
    let m = scale.messages;
    let ds = scale.datasets();
    let d = scale.documents();
    let s = scale.segments;
    let answer = super::ANSWER.replace('\'', "''");
    let content = super::SEGMENT_CONTENT.replace('\'', "''");
    step(
        "tenants, accounts, members",
        &format!(
            "SET synchronous_commit = off;
             CREATE TABLE bench_tenant AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, gen_random_uuid() AS owner
               FROM generate_series(1, {t}) g;
             INSERT INTO tenants (id, name, plan) SELECT id, 'Workspace ' || n, 'team' FROM bench_tenant;
             INSERT INTO accounts (id, name, email)
               SELECT owner, 'Owner ' || n, 'owner' || n || '@example.com' FROM bench_tenant;
             INSERT INTO tenant_account_joins (id, tenant_id, account_id, current, role)
               SELECT gen_random_uuid(), id, owner, true, 'owner' FROM bench_tenant;"
        ),
        conn,
    );
    step(
        "apps",
        &format!(
            "CREATE TABLE bench_app AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, t.id AS tenant_id, t.owner
               FROM generate_series(1, {a}) g JOIN bench_tenant t ON t.n = (g - 1) % {t};
             CREATE INDEX ON bench_app (n);
             INSERT INTO apps (id, tenant_id, name, mode, enable_site, enable_api, created_by, updated_by,
                               created_at, updated_at)
               SELECT id, tenant_id, 'App ' || n, 'chat', true, true, owner, owner,
                      timestamp '2024-01-01' + n * interval '1 minute',
                      timestamp '2024-01-01' + n * interval '1 minute'
               FROM bench_app;"
        ),
        conn,
    );
    step(
        "conversations",
        &format!(
            "CREATE TABLE bench_conversation AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, a.id AS app_id,
                      timestamp '2025-01-01' + (g - 1) * interval '10 seconds' AS created_at
               FROM generate_series(1, {c}) g JOIN bench_app a ON a.n = (g - 1) % {a};
             CREATE INDEX ON bench_conversation (n);
             INSERT INTO conversations (id, app_id, model_provider, model_id, mode, name, inputs,
                                        status, invoke_from, from_source, dialogue_count,
                                        created_at, updated_at)
               SELECT id, app_id, 'openai', 'gpt-4o-mini', 'chat', 'Conversation ' || n, '{{}}',
                      'normal', 'web-app', 'api', {per}, created_at, created_at
               FROM bench_conversation;",
            per = m / c.max(1),
        ),
        conn,
    );
    step(
        "messages",
        &format!(
            "INSERT INTO messages (app_id, conversation_id, model_provider, model_id, inputs, query,
                                   message, message_tokens, message_unit_price, answer, answer_tokens,
                                   answer_unit_price, provider_response_latency, total_price,
                                   currency, status, invoke_from, from_source, created_at, updated_at)
               SELECT c.app_id, c.id, 'openai', 'gpt-4o-mini', '{{}}',
                      'Question ' || g || ': how do I reset my password?',
                      '[{{\"role\": \"user\", \"text\": \"how do I reset my password?\"}}]',
                      12, 0.001, '{answer}', 96, 0.002, 0.8, 0.0002, 'USD', 'normal', 'web-app',
                      'api', ts, ts
               FROM generate_series(1, {m}) g
               JOIN bench_conversation c ON c.n = (g - 1) % {c}
               CROSS JOIN LATERAL (SELECT c.created_at + ((g - 1) / {c}) * interval '1 second' AS ts) t;"
        ),
        conn,
    );
    step(
        "datasets, documents, segments",
        &format!(
            "CREATE TABLE bench_dataset AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, t.id AS tenant_id, t.owner
               FROM generate_series(1, {ds}) g JOIN bench_tenant t ON t.n = (g - 1) % {t};
             INSERT INTO datasets (id, tenant_id, name, indexing_technique, data_source_type,
                                   created_by, updated_by)
               SELECT id, tenant_id, 'Knowledge ' || n, 'high_quality', 'upload_file', owner, owner
               FROM bench_dataset;
             CREATE TABLE bench_document AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, ds.id AS dataset_id, ds.tenant_id, ds.owner,
                      timestamp '2025-02-01' + (g - 1) * interval '1 minute' AS created_at
               FROM generate_series(1, {d}) g JOIN bench_dataset ds ON ds.n = (g - 1) % {ds};
             CREATE INDEX ON bench_document (n);
             INSERT INTO documents (id, tenant_id, dataset_id, position, data_source_type, batch, name,
                                    created_from, created_by, created_at, updated_at, indexing_status,
                                    word_count, tokens, doc_form)
               SELECT id, tenant_id, dataset_id, n + 1, 'upload_file', 'batch-' || (n / 100),
                      'document-' || n || '.pdf', 'web', owner, created_at, created_at, 'completed',
                      640, 800, 'text_model'
               FROM bench_document;
             INSERT INTO document_segments (id, tenant_id, dataset_id, document_id, position, content,
                                            word_count, tokens, hit_count, index_node_id,
                                            index_node_hash, status, created_by, updated_by,
                                            created_at, updated_at, completed_at)
               SELECT gen_random_uuid(), doc.tenant_id, doc.dataset_id, doc.id, (g - 1) / {d} + 1,
                      '{content} ' || g, 64, 80, 0, md5(g::text), md5(g::text || 'h'), 'completed',
                      doc.owner, doc.owner, ts, ts, ts
               FROM generate_series(1, {s}) g
               JOIN bench_document doc ON doc.n = (g - 1) % {d}
               CROSS JOIN LATERAL (SELECT doc.created_at + ((g - 1) / {d}) * interval '1 second' AS ts) t;"
        ),
        conn,
    );
    let r = scale.workflow_runs;
    step(
        "workflows, runs, node executions",
        &format!(
            "CREATE TABLE bench_workflow AS
               SELECT a.n, gen_random_uuid() AS id, a.id AS app_id, a.tenant_id, a.owner FROM bench_app a;
             CREATE INDEX ON bench_workflow (n);
             INSERT INTO workflows (id, tenant_id, app_id, type, version, graph, features, created_by,
                                    environment_variables, conversation_variables, rag_pipeline_variables,
                                    updated_at)
               SELECT id, tenant_id, app_id, 'workflow', 'draft', '{{\"nodes\": []}}', '{{}}', owner,
                      '[]', '[]', '[]', timestamp '2025-03-01'
               FROM bench_workflow;
             CREATE TABLE bench_run AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, w.id AS workflow_id, w.app_id, w.tenant_id,
                      w.owner, timestamp '2025-03-01' + (g - 1) * interval '5 seconds' AS created_at
               FROM generate_series(1, {r}) g JOIN bench_workflow w ON w.n = (g - 1) % {a};
             INSERT INTO workflow_runs (id, tenant_id, app_id, workflow_id, type, triggered_from, version,
                                        inputs, status, outputs, elapsed_time, total_tokens, total_steps,
                                        created_by_role, created_by, created_at, finished_at)
               SELECT id, tenant_id, app_id, workflow_id, 'workflow', 'app-run', 'draft',
                      '{{\"query\": \"reset my password\"}}', 'succeeded',
                      '{{\"answer\": \"Open Settings, then Security.\"}}', 1.5, 320, {nodes},
                      'account', owner, created_at, created_at + interval '2 seconds'
               FROM bench_run;
             INSERT INTO workflow_node_executions (id, tenant_id, app_id, workflow_id, triggered_from,
                                                   workflow_run_id, index, node_execution_id, node_id,
                                                   node_type, title, inputs, outputs, status,
                                                   elapsed_time, created_by_role, created_by, created_at,
                                                   finished_at)
               SELECT gen_random_uuid(), r.tenant_id, r.app_id, r.workflow_id, 'workflow-run', r.id, k,
                      md5(r.id::text || k), 'node-' || k,
                      (ARRAY['start', 'knowledge-retrieval', 'llm', 'code', 'end'])[k], 'Node ' || k,
                      '{{}}', '{{\"text\": \"Open Settings, then Security.\"}}', 'succeeded', 0.3,
                      'account', r.owner, r.created_at + k * interval '100 milliseconds',
                      r.created_at + k * interval '300 milliseconds'
               FROM bench_run r CROSS JOIN generate_series(1, {nodes}) k;",
            nodes = NODES_PER_RUN,
        ),
        conn,
    );
    step("indexes and foreign keys", &after, conn);
    step(
        "drop scaffolding",
        "DROP TABLE bench_tenant, bench_app, bench_conversation, bench_dataset, bench_document, \
         bench_workflow, bench_run;",
        conn,
    );
    step("reset", "RESET synchronous_commit;", conn);
    // VACUUM cannot share a (multi-statement, so implicit) transaction.
    step("VACUUM ANALYZE", "VACUUM ANALYZE", conn);
    steps
}

/// One tenant's ids, drawn at random from the data set.
#[derive(Debug, Clone, Default)]
pub struct TenantSample {
    pub tenant: Uuid,
    pub owner: Uuid,
    pub apps: Vec<Uuid>,
    pub messages: Vec<MessageKey>,
    pub conversations: Vec<(Uuid, Uuid)>,
    /// (dataset, document) pairs.
    pub documents: Vec<(Uuid, Uuid)>,
    /// (workflow run, one of its node executions) pairs.
    pub workflow_runs: Vec<(Uuid, Uuid)>,
}

#[derive(Debug, Clone, Copy)]
pub struct MessageKey {
    pub id: Uuid,
    pub app: Uuid,
    pub conversation: Uuid,
    pub created_at: NaiveDateTime,
}

/// Ids for the scenarios: per tenant (for many operations in one scope)
/// and mixed (for one operation per scope).
#[derive(Debug, Clone)]
pub struct Samples {
    pub tenants: Vec<TenantSample>,
    /// (tenant index, message) in random order across tenants.
    pub mixed_messages: Vec<(usize, MessageKey)>,
    /// (tenant index, app) in random order across tenants.
    pub mixed_apps: Vec<(usize, Uuid)>,
}

#[derive(QueryableByName)]
struct TenantRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    owner: Uuid,
}

#[derive(QueryableByName)]
struct MessageSampleRow {
    #[diesel(sql_type = SqlUuid)]
    tenant_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    app_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    conversation_id: Uuid,
    #[diesel(sql_type = Timestamp)]
    created_at: NaiveDateTime,
}

#[derive(QueryableByName)]
struct PairRow {
    #[diesel(sql_type = SqlUuid)]
    tenant_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    a: Uuid,
    #[diesel(sql_type = SqlUuid)]
    b: Uuid,
}

/// Draws `per_tenant` messages (and their apps and conversations) and
/// documents for each tenant.
pub fn samples(conn: &mut PgConnection, scale: &Scale, per_tenant: i64) -> Samples {
    let tenants: Vec<TenantRow> = diesel::sql_query(
        "SELECT t.id, j.account_id AS owner FROM tenants t \
         JOIN tenant_account_joins j ON j.tenant_id = t.id AND j.role = 'owner' ORDER BY t.id",
    )
    .load(conn)
    .unwrap();
    let mut by_tenant: BTreeMap<Uuid, usize> = BTreeMap::new();
    let mut out: Vec<TenantSample> = Vec::new();
    for (i, row) in tenants.iter().enumerate() {
        by_tenant.insert(row.id, i);
        out.push(TenantSample {
            tenant: row.id,
            owner: row.owner,
            ..Default::default()
        });
    }
    let messages: Vec<MessageSampleRow> = diesel::sql_query(format!(
        "SELECT tenant_id, id, app_id, conversation_id, created_at FROM ( \
           SELECT a.tenant_id, m.id, m.app_id, m.conversation_id, m.created_at, \
                  row_number() OVER (PARTITION BY a.tenant_id ORDER BY random()) AS k \
           FROM messages m TABLESAMPLE SYSTEM ({percent}) JOIN apps a ON a.id = m.app_id) s \
         WHERE k <= $1",
        // A fifth of a large table is plenty; a small one is read whole.
        percent = if scale.messages >= 100_000 { 20 } else { 100 },
    ))
    .bind::<BigInt, _>(per_tenant)
    .load(conn)
    .unwrap();
    for row in messages {
        let sample = &mut out[by_tenant[&row.tenant_id]];
        sample.messages.push(MessageKey {
            id: row.id,
            app: row.app_id,
            conversation: row.conversation_id,
            created_at: row.created_at,
        });
        sample.conversations.push((row.app_id, row.conversation_id));
        if !sample.apps.contains(&row.app_id) {
            sample.apps.push(row.app_id);
        }
    }
    for row in sample_pairs(conn, "documents", "dataset_id", scale.documents()) {
        out[by_tenant[&row.tenant_id]]
            .documents
            .push((row.a, row.b));
    }
    let node_executions = scale.workflow_runs * NODES_PER_RUN;
    for row in sample_pairs(
        conn,
        "workflow_node_executions",
        "workflow_run_id",
        node_executions,
    ) {
        out[by_tenant[&row.tenant_id]]
            .workflow_runs
            .push((row.a, row.b));
    }
    for sample in &out {
        assert!(
            !sample.messages.is_empty()
                && !sample.documents.is_empty()
                && !sample.workflow_runs.is_empty(),
            "tenant {} has no sampled messages, documents or workflow runs",
            sample.tenant
        );
    }
    // Mixed orders: interleave the tenants with a fixed stride.
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

/// Up to 20 random (`parent`, id) pairs per tenant from `table`. A large
/// table is sampled (a tenth of its pages), a small one read whole.
fn sample_pairs(conn: &mut PgConnection, table: &str, parent: &str, rows: i64) -> Vec<PairRow> {
    let sample = if rows >= 100_000 {
        " TABLESAMPLE SYSTEM (10)"
    } else {
        ""
    };
    diesel::sql_query(format!(
        "SELECT tenant_id, {parent} AS a, id AS b FROM ( \
           SELECT tenant_id, {parent}, id, \
                  row_number() OVER (PARTITION BY tenant_id ORDER BY random()) AS k \
           FROM {table}{sample}) s WHERE k <= 20"
    ))
    .load(conn)
    .unwrap()
}
