//! The application's writes while a purge runs: each writer, on its own
//! connection, records a workflow run with its node executions in one
//! transaction, as Dify's workflow engine does, and now and then moves a
//! recent run to another status. Every transaction's time is recorded:
//! a purge that holds locks or floods the server shows up here.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use postgres::{Client, NoTls};
use uuid::Uuid;

use super::data::{node_payload, NODES_PER_RUN, WRITER_ROLE};

/// Where writers put their runs: (tenant, app, workflow, creator).
#[derive(Debug, Clone, Copy)]
pub struct App {
    pub tenant: Uuid,
    pub app: Uuid,
    pub workflow: Uuid,
    pub owner: Uuid,
}

/// What the writers need from the data set.
pub struct Targets {
    pub apps: Vec<App>,
    /// Recent (loaded, never expiring) runs the writers update.
    pub recent_runs: Vec<Uuid>,
}

impl Targets {
    pub fn read(db: &mut Client) -> Targets {
        let apps = db
            .query(
                "SELECT a.tenant_id, a.id, a.workflow_id, a.created_by FROM apps a ORDER BY a.id",
                &[],
            )
            .expect("apps")
            .iter()
            .map(|row| App {
                tenant: row.get(0),
                app: row.get(1),
                workflow: row.get(2),
                owner: row.get(3),
            })
            .collect();
        let recent_runs = db
            .query(
                "SELECT id FROM workflow_runs ORDER BY created_at DESC LIMIT 1000",
                &[],
            )
            .expect("recent runs")
            .iter()
            .map(|row| row.get(0))
            .collect();
        Targets { apps, recent_runs }
    }
}

/// One writer's record.
#[derive(Default)]
struct Record {
    latencies: Vec<Duration>,
    /// Runs (each with its node executions) committed.
    runs: u64,
    updates: u64,
    errors: u64,
    first_error: Option<String>,
}

/// The writers of all threads, after they stopped.
pub struct Summary {
    pub transactions: usize,
    pub runs: u64,
    pub updates: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    pub longest: Duration,
    pub p99: Duration,
    pub p50: Duration,
    pub seconds: f64,
}

/// Running writers; [`Writers::stop`] ends them.
pub struct Writers {
    stop: Arc<AtomicBool>,
    handles: Vec<JoinHandle<Record>>,
    started: Instant,
}

impl Writers {
    /// Starts `count` writers on `url`, each pausing `pause` between its
    /// transactions, and returns once all of them are connected and ready.
    pub fn start(url: &str, count: usize, pause: Duration, targets: &Targets) -> Writers {
        let stop = Arc::new(AtomicBool::new(false));
        let ready = Arc::new(Barrier::new(count + 1));
        let handles = (0..count)
            .map(|n| {
                let (url, stop, ready) = (url.to_owned(), stop.clone(), ready.clone());
                let apps = targets.apps.clone();
                let recent = targets.recent_runs.clone();
                std::thread::Builder::new()
                    .name(format!("writer-{n}"))
                    .spawn(move || write(&url, n, pause, &apps, &recent, &stop, &ready))
                    .expect("spawn a writer")
            })
            .collect();
        ready.wait();
        Writers {
            stop,
            handles,
            started: Instant::now(),
        }
    }

    pub fn stop(self) -> Summary {
        self.stop.store(true, Ordering::Relaxed);
        let seconds = self.started.elapsed().as_secs_f64();
        let mut all = Record::default();
        for handle in self.handles {
            let record = handle.join().expect("a writer panicked");
            all.latencies.extend(record.latencies);
            all.runs += record.runs;
            all.updates += record.updates;
            all.errors += record.errors;
            all.first_error = all.first_error.or(record.first_error);
        }
        all.latencies.sort();
        let at = |q: f64| -> Duration {
            if all.latencies.is_empty() {
                return Duration::ZERO;
            }
            let i =
                ((all.latencies.len() as f64 * q).ceil() as usize).clamp(1, all.latencies.len());
            all.latencies[i - 1]
        };
        Summary {
            transactions: all.latencies.len(),
            runs: all.runs,
            updates: all.updates,
            errors: all.errors,
            first_error: all.first_error,
            longest: all.latencies.last().copied().unwrap_or_default(),
            p99: at(0.99),
            p50: at(0.50),
            seconds,
        }
    }
}

const INSERT_RUN: &str = "INSERT INTO workflow_runs (id, tenant_id, app_id, workflow_id, type, triggered_from, \
     version, inputs, status, created_by_role, created_by, created_at) \
     VALUES ($1, $2, $3, $4, 'workflow', 'app-run', '2025-06-01', '{\"query\": \"reset my password\"}', \
             'running', $5, $6, now() AT TIME ZONE 'UTC')";

const INSERT_NODE: &str = "INSERT INTO workflow_node_executions (id, tenant_id, app_id, workflow_id, \
     triggered_from, workflow_run_id, index, node_execution_id, node_id, node_type, title, inputs, \
     process_data, outputs, status, elapsed_time, execution_metadata, created_at, created_by_role, \
     created_by, finished_at) \
     VALUES (gen_random_uuid(), $1, $2, $3, 'workflow-run', $4, $5, gen_random_uuid()::text, $6, 'llm', $7, \
             $8, $9, $10, 'succeeded', 0.24, $11, now() AT TIME ZONE 'UTC', $12, $13, \
             now() AT TIME ZONE 'UTC')";

const UPDATE_RUN: &str =
    "UPDATE workflow_runs SET status = $2, finished_at = now() AT TIME ZONE 'UTC' WHERE id = $1";

/// Every this many runs, a writer also updates a recent run.
const UPDATE_EVERY: u64 = 4;

fn write(
    url: &str,
    n: usize,
    pause: Duration,
    apps: &[App],
    recent: &[Uuid],
    stop: &AtomicBool,
    ready: &Barrier,
) -> Record {
    let mut record = Record::default();
    let connect =
        || Client::connect(url, NoTls).unwrap_or_else(|error| panic!("writer {n}: {url}: {error}"));
    let mut db = connect();
    let prepare = |db: &mut Client| {
        (
            db.prepare(INSERT_RUN).expect("prepare the run insert"),
            db.prepare(INSERT_NODE).expect("prepare the node insert"),
            db.prepare(UPDATE_RUN).expect("prepare the run update"),
        )
    };
    let mut statements = prepare(&mut db);
    let [inputs, outputs, process_data, metadata] = node_payload();
    let role = WRITER_ROLE;
    let mut random = 0x9E37_79B9_7F4A_7C15u64 ^ (n as u64 + 1);
    let mut next = move || {
        // xorshift64: a different, repeatable sequence per writer.
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        random
    };
    ready.wait();
    let mut i = 0u64;
    while !stop.load(Ordering::Relaxed) {
        i += 1;
        let app = apps[(next() % apps.len() as u64) as usize];
        let started = Instant::now();
        let result = (|| -> Result<(), postgres::Error> {
            let (insert_run, insert_node, _) = &statements;
            let mut tx = db.transaction()?;
            let run = Uuid::new_v4();
            tx.execute(
                insert_run,
                &[
                    &run,
                    &app.tenant,
                    &app.app,
                    &app.workflow,
                    &role,
                    &app.owner,
                ],
            )?;
            for k in 1..=NODES_PER_RUN as i32 {
                tx.execute(
                    insert_node,
                    &[
                        &app.tenant,
                        &app.app,
                        &app.workflow,
                        &run,
                        &k,
                        &format!("node-{k}"),
                        &format!("Node {k}"),
                        &inputs,
                        &process_data,
                        &outputs,
                        &metadata,
                        &role,
                        &app.owner,
                    ],
                )?;
            }
            tx.commit()
        })();
        record.latencies.push(started.elapsed());
        match result {
            Ok(()) => record.runs += 1,
            Err(error) => failed(&mut record, error),
        }
        if i.is_multiple_of(UPDATE_EVERY) && !recent.is_empty() {
            let run = recent[(next() % recent.len() as u64) as usize];
            let status = if i.is_multiple_of(2 * UPDATE_EVERY) {
                "succeeded"
            } else {
                "partial-succeeded"
            };
            let started = Instant::now();
            let result = (|| -> Result<(), postgres::Error> {
                let mut tx = db.transaction()?;
                tx.execute(&statements.2, &[&run, &status])?;
                tx.commit()
            })();
            record.latencies.push(started.elapsed());
            match result {
                Ok(()) => record.updates += 1,
                Err(error) => failed(&mut record, error),
            }
        }
        if db.is_closed() {
            db = connect();
            statements = prepare(&mut db);
        }
        if !pause.is_zero() {
            std::thread::sleep(pause);
        }
    }
    record
}

fn failed(record: &mut Record, error: postgres::Error) {
    record.errors += 1;
    if record.first_error.is_none() {
        record.first_error = Some(error.to_string());
    }
}
