//! The databases of the bench and the data set in them: Dify's declared
//! schema in a template database, loaded once by PostgreSQL itself
//! (`INSERT ... SELECT generate_series`, indexes after the load, `VACUUM
//! ANALYZE`), and one copy of it per contender, so each starts from the
//! same pages and statistics.

use std::time::Instant;

use ::postgres::{Client, NoTls};

/// Node executions per workflow run (Dify's runs have a handful to a few
/// dozen nodes; ten is a typical small workflow).
pub const NODES_PER_RUN: i64 = 10;

/// Rows older than this are expired under any cut a contender takes: the
/// data set has nothing between 5 and 40 days old, and the declared
/// retention is 30 days.
pub const EXPIRED_BEFORE: &str = "(now() AT TIME ZONE 'UTC') - interval '20 days'";

/// `created_by_role` of the rows the writers insert: it tells them apart
/// from the loaded rows in the checks without a column of the bench's own.
pub const WRITER_ROLE: &str = "end_user";

/// How many rows of each kind.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub tenants: i64,
    pub apps: i64,
    /// Expired node executions (`DIFY_PURGE_ROWS`).
    pub expired_nodes: i64,
}

impl Scale {
    pub fn expired_runs(&self) -> i64 {
        self.expired_nodes / NODES_PER_RUN
    }

    /// About a tenth of the expired runs are recent and must survive.
    pub fn recent_runs(&self) -> i64 {
        (self.expired_runs() / 10).max(1)
    }
}

/// The server, and the name of the bench's databases on it.
pub struct Server {
    /// `postgres://user@host:port`, without a database.
    base: String,
    prefix: String,
    /// Every database this run created and has not dropped yet.
    created: std::cell::RefCell<Vec<String>>,
}

impl Server {
    pub fn from_env() -> Server {
        let base = std::env::var("DIFY_PURGE_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
        let base = base.trim_end_matches('/').to_owned();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Server {
            base,
            prefix: format!("dify_purge_{}_{stamp}", std::process::id()),
            created: Default::default(),
        }
    }

    /// The URL of database `name`. TLS off: loopback, and every client of
    /// the bench alike (libpq would otherwise negotiate it, the postgres
    /// crate with `NoTls` never does).
    pub fn url(&self, name: &str) -> String {
        format!("{}/{name}?sslmode=disable", self.base)
    }

    pub fn client(&self, name: &str) -> Client {
        let url = self.url(name);
        Client::connect(&url, NoTls)
            .unwrap_or_else(|error| panic!("cannot connect to {url}: {error}"))
    }

    fn admin(&self) -> Client {
        self.client("postgres")
    }

    pub fn name(&self, suffix: &str) -> String {
        format!("{}_{suffix}", self.prefix)
    }

    /// Creates database `name`, empty or as a copy of `template`.
    pub fn create(&self, name: &str, template: Option<&str>) {
        let mut admin = self.admin();
        let sql = match template {
            None => format!("CREATE DATABASE {name}"),
            // FILE_COPY (PostgreSQL 15) copies the files after a
            // checkpoint; the default WAL_LOG would write the whole copy
            // to the WAL, which takes longer and is nothing we measure.
            Some(template) => {
                let version: i32 = admin
                    .query_one("SELECT current_setting('server_version_num')::int", &[])
                    .expect("server version")
                    .get(0);
                let strategy = if version >= 150_000 {
                    " STRATEGY = FILE_COPY"
                } else {
                    ""
                };
                format!("CREATE DATABASE {name} TEMPLATE {template}{strategy}")
            }
        };
        self.created.borrow_mut().push(name.to_owned());
        admin
            .batch_execute(&sql)
            .unwrap_or_else(|error| panic!("{sql}: {error}"));
    }

    pub fn drop_database(&self, name: &str) {
        if let Ok(mut admin) = Client::connect(&self.url("postgres"), NoTls) {
            if let Err(error) =
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            {
                eprintln!("could not drop {name}: {error}");
                return;
            }
        }
        self.created.borrow_mut().retain(|n| n != name);
    }
}

impl Drop for Server {
    /// Nothing the bench made is left behind, even after a panic.
    fn drop(&mut self) {
        let names = self.created.borrow().clone();
        for name in names {
            self.drop_database(&name);
        }
    }
}

/// A schema's DDL in two parts: tables first, then what is cheaper to
/// build once the rows are in (indexes, foreign keys). A partitioned
/// table's `DO` block (it holds `;` line ends of its own) stays whole in
/// the first part, as its pieces neither start an index nor an `ALTER`.
fn split_ddl(schema: &dify_schema::schema::Schema) -> (String, String) {
    let ddl = dify_schema::render::postgres::create_schema(schema);
    let (mut tables, mut after) = (String::new(), String::new());
    for statement in ddl.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
        let late = statement.starts_with("CREATE INDEX")
            || statement.starts_with("CREATE UNIQUE INDEX")
            || statement.starts_with("ALTER TABLE");
        let target = if late { &mut after } else { &mut tables };
        target.push_str(statement);
        target.push_str(";\n");
    }
    (tables, after)
}

/// A node execution's payload: Dify stores each node's inputs, outputs,
/// process data and metadata as JSON text; these are short ones (real
/// LLM nodes often store kilobytes), so rows stay out of TOAST.
const INPUTS: &str = r#"{"sys.query": "How do I reset my password?", "sys.user_id": "end-user-42", "sys.app_id": "app"}"#;
const OUTPUTS: &str = r#"{"text": "Open Settings, choose Account, then Security, and press Reset password. We send a link to the address on file; it is valid for thirty minutes. If the mail does not arrive, check the spam folder or ask an administrator of your workspace to resend it.", "usage": {"prompt_tokens": 212, "completion_tokens": 64}}"#;
const PROCESS_DATA: &str = r#"{"model_mode": "chat", "prompts": [{"role": "user", "text": "How do I reset my password?"}]}"#;
const METADATA: &str = r#"{"total_tokens": 276, "total_price": "0.000414", "currency": "USD"}"#;

pub fn node_payload() -> [&'static str; 4] {
    [INPUTS, OUTPUTS, PROCESS_DATA, METADATA]
}

/// Creates the schema in `db` and loads the data set; prints each step.
pub fn load(db: &mut Client, scale: &Scale) {
    load_with(db, &dify_models::SCHEMA, "", scale, Ages::EXPIRED);
}

/// How old the expired runs are: spread evenly from `oldest` to `newest`
/// days ago.
#[derive(Debug, Clone, Copy)]
pub struct Ages {
    pub oldest: i64,
    pub newest: i64,
}

impl Ages {
    /// The contenders' data set: 40 to 100 days old.
    pub const EXPIRED: Ages = Ages {
        oldest: 100,
        newest: 40,
    };
}

/// [`load`] with another schema (its tables, then `extra`, such as the
/// partitions the rows need) and other ages of the expired runs.
pub fn load_with(
    db: &mut Client,
    schema: &dify_schema::schema::Schema,
    extra: &str,
    scale: &Scale,
    ages: Ages,
) {
    let (mut tables, after) = split_ddl(schema);
    tables.push_str(extra);
    let (oldest, span) = (ages.oldest, ages.oldest - ages.newest);
    let mut step = |name: &str, sql: &str| {
        let start = Instant::now();
        db.batch_execute(sql)
            .unwrap_or_else(|error| panic!("loading ({name}) failed: {error}\n{sql}"));
        println!("  load {name:<34} {:>7.1} s", start.elapsed().as_secs_f64());
    };
    step("schema", &tables);
    let (t, a) = (scale.tenants, scale.apps);
    let (expired, recent) = (scale.expired_runs(), scale.recent_runs());
    step(
        "tenants, accounts, apps, workflows",
        &format!(
            "SET synchronous_commit = off;
             CREATE TABLE bench_tenant AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, gen_random_uuid() AS owner
               FROM generate_series(1, {t}) g;
             INSERT INTO tenants (id, name, plan) SELECT id, 'Workspace ' || n, 'team' FROM bench_tenant;
             INSERT INTO accounts (id, name, email)
               SELECT owner, 'Owner ' || n, 'owner' || n || '@example.com' FROM bench_tenant;
             CREATE TABLE bench_app AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, gen_random_uuid() AS workflow_id,
                      t.id AS tenant_id, t.owner
               FROM generate_series(1, {a}) g JOIN bench_tenant t ON t.n = (g - 1) % {t};
             INSERT INTO apps (id, tenant_id, name, mode, enable_site, enable_api, created_by, updated_by,
                               workflow_id)
               SELECT id, tenant_id, 'App ' || n, 'workflow', true, true, owner, owner, workflow_id
               FROM bench_app;
             INSERT INTO workflows (id, tenant_id, app_id, type, version, graph, features, created_by,
                                    environment_variables, conversation_variables, rag_pipeline_variables,
                                    updated_at)
               SELECT workflow_id, tenant_id, id, 'workflow', '2025-06-01', '{{\"nodes\": []}}', '{{}}', owner,
                      '[]', '[]', '[]', timestamp '2025-06-01'
               FROM bench_app;"
        ),
    );
    // Runs in time order, as a live system writes them: the expired ones
    // spread over `ages` (40 to 100 days ago), the recent ones over the last five
    // days (less ten minutes, so the writers' rows come after them).
    step(
        "workflow runs",
        &format!(
            "CREATE TABLE bench_run AS
               SELECT g - 1 AS n, gen_random_uuid() AS id, a.id AS app_id, a.tenant_id, a.workflow_id,
                      a.owner,
                      CASE WHEN g <= {expired}
                        THEN base - interval '{oldest} days' + (g - 1) * (interval '{span} days' / {expired})
                        ELSE base - interval '5 days'
                             + (g - 1 - {expired}) * ((interval '5 days' - interval '10 minutes') / {recent})
                      END AS created_at
               FROM generate_series(1, {expired} + {recent}) g
               JOIN bench_app a ON a.n = (g - 1) % {a}
               CROSS JOIN (SELECT date_trunc('second', now() AT TIME ZONE 'UTC') AS base) b;
             INSERT INTO workflow_runs (id, tenant_id, app_id, workflow_id, type, triggered_from, version,
                                        inputs, status, outputs, elapsed_time, total_tokens, total_steps,
                                        created_by_role, created_by, created_at, finished_at)
               SELECT id, tenant_id, app_id, workflow_id, 'workflow', 'app-run', '2025-06-01',
                      '{{\"query\": \"How do I reset my password?\"}}', 'succeeded',
                      '{{\"answer\": \"Open Settings, then Security.\"}}', 2.4, 276, {NODES_PER_RUN},
                      'account', owner, created_at, created_at + interval '3 seconds'
               FROM bench_run ORDER BY n;"
        ),
    );
    let [inputs, outputs, process_data, metadata] = node_payload();
    step(
        "workflow node executions",
        &format!(
            "INSERT INTO workflow_node_executions (id, tenant_id, app_id, workflow_id, triggered_from,
                                                   workflow_run_id, index, predecessor_node_id,
                                                   node_execution_id, node_id, node_type, title, inputs,
                                                   process_data, outputs, status, elapsed_time,
                                                   execution_metadata, created_at, created_by_role,
                                                   created_by, finished_at)
               SELECT gen_random_uuid(), r.tenant_id, r.app_id, r.workflow_id, 'workflow-run', r.id, k,
                      CASE WHEN k > 1 THEN 'node-' || (k - 1) END, gen_random_uuid()::text,
                      'node-' || k, (ARRAY['start', 'llm', 'knowledge-retrieval', 'code', 'if-else',
                                           'llm', 'template-transform', 'http-request', 'code', 'end'])[k],
                      'Node ' || k, '{inputs}', '{process_data}', '{outputs}', 'succeeded', 0.24,
                      '{metadata}', r.created_at + k * interval '100 milliseconds', 'account', r.owner,
                      r.created_at + k * interval '300 milliseconds'
               FROM bench_run r CROSS JOIN generate_series(1, {NODES_PER_RUN}) k;"
        ),
    );
    step("indexes and foreign keys", &after);
    step(
        "drop scaffolding",
        "DROP TABLE bench_tenant, bench_app, bench_run; RESET synchronous_commit;",
    );
    // VACUUM cannot run inside the implicit transaction of a multi-statement string.
    step("VACUUM ANALYZE", "VACUUM ANALYZE");
}

/// Table sizes, for the record.
pub fn print_sizes(db: &mut Client) {
    let rows = db
        .query(
            "SELECT relname::text, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) \
             FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY n_live_tup DESC",
            &[],
        )
        .expect("table sizes");
    for row in rows {
        let (name, live, size): (String, i64, String) = (row.get(0), row.get(1), row.get(2));
        println!("  {name:<28} {live:>10} rows {size:>10}");
    }
}

/// What the checks after a contender found.
pub struct Check {
    pub expired_runs: i64,
    pub expired_nodes: i64,
    /// Node executions whose run is gone.
    pub orphan_nodes: i64,
    pub recent_runs: i64,
    pub recent_nodes: i64,
    pub writer_runs: i64,
    pub writer_nodes: i64,
}

impl Check {
    pub fn run(db: &mut Client) -> Check {
        let count = |db: &mut Client, sql: &str| -> i64 {
            db.query_one(sql, &[])
                .unwrap_or_else(|error| panic!("{sql}: {error}"))
                .get(0)
        };
        Check {
            expired_runs: count(db, &format!("SELECT count(*) FROM workflow_runs WHERE created_at < {EXPIRED_BEFORE}")),
            expired_nodes: count(
                db,
                &format!("SELECT count(*) FROM workflow_node_executions WHERE created_at < {EXPIRED_BEFORE}"),
            ),
            orphan_nodes: count(
                db,
                "SELECT count(*) FROM workflow_node_executions n \
                 WHERE NOT EXISTS (SELECT 1 FROM workflow_runs r WHERE r.id = n.workflow_run_id)",
            ),
            recent_runs: count(
                db,
                &format!(
                    "SELECT count(*) FROM workflow_runs \
                     WHERE created_at >= {EXPIRED_BEFORE} AND created_by_role <> '{WRITER_ROLE}'"
                ),
            ),
            recent_nodes: count(
                db,
                &format!(
                    "SELECT count(*) FROM workflow_node_executions \
                     WHERE created_at >= {EXPIRED_BEFORE} AND created_by_role <> '{WRITER_ROLE}'"
                ),
            ),
            writer_runs: count(
                db,
                &format!("SELECT count(*) FROM workflow_runs WHERE created_by_role = '{WRITER_ROLE}'"),
            ),
            writer_nodes: count(
                db,
                &format!("SELECT count(*) FROM workflow_node_executions WHERE created_by_role = '{WRITER_ROLE}'"),
            ),
        }
    }

    /// What is wrong, if anything: `committed` is how many runs the
    /// writers committed.
    pub fn problems(&self, scale: &Scale, committed: u64) -> Vec<String> {
        let mut out = Vec::new();
        let mut expect = |what: &str, found: i64, wanted: i64| {
            if found != wanted {
                out.push(format!("{what}: {found}, expected {wanted}"));
            }
        };
        expect("expired runs left", self.expired_runs, 0);
        expect("expired node executions left", self.expired_nodes, 0);
        expect("node executions without their run", self.orphan_nodes, 0);
        expect("recent runs", self.recent_runs, scale.recent_runs());
        expect(
            "recent node executions",
            self.recent_nodes,
            scale.recent_runs() * NODES_PER_RUN,
        );
        expect("writers' runs", self.writer_runs, committed as i64);
        expect(
            "writers' node executions",
            self.writer_nodes,
            committed as i64 * NODES_PER_RUN,
        );
        out
    }
}
