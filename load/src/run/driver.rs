//! The load: `clients` tasks, each with one keep-alive HTTP/1.1 connection
//! of its own (hyper's connection-level client, no pool in between), send
//! requests back to back for the warm-up and then for the measured window.
//! A request's latency is from sending it to having read its whole body;
//! those that complete inside the window are counted and recorded.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use uuid::Uuid;

/// A demo workspace, as the dify service's `--demo` line names it, with
/// the conversations the driver found in its app.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub tenant: Uuid,
    pub account: Uuid,
    pub app: Uuid,
    pub conversations: Vec<Uuid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Route {
    Conversations,
    Messages,
    Apps,
    Post,
}

impl Route {
    pub const ALL: [Route; 4] = [
        Route::Conversations,
        Route::Messages,
        Route::Apps,
        Route::Post,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Route::Conversations => "GET /apps/{id}/conversations?limit=20",
            Route::Messages => "GET /conversations/{id}/messages?limit=20",
            Route::Apps => "GET /apps",
            Route::Post => "POST /conversations/{id}/messages",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Weights of the routes in the mix (out of their sum).
#[derive(Debug, Clone, Copy)]
pub struct Mix {
    pub conversations: u32,
    pub messages: u32,
    pub apps: u32,
    pub posts: u32,
}

impl Mix {
    fn pick(&self, roll: u32) -> Route {
        let total = self.conversations + self.messages + self.apps + self.posts;
        let mut roll = roll % total;
        for (route, weight) in [
            (Route::Conversations, self.conversations),
            (Route::Messages, self.messages),
            (Route::Apps, self.apps),
            (Route::Post, self.posts),
        ] {
            if roll < weight {
                return route;
            }
            roll -= weight;
        }
        unreachable!("the roll is below the total")
    }

    pub fn describe(&self) -> String {
        let total = (self.conversations + self.messages + self.apps + self.posts) as f64;
        let share = |w: u32| 100.0 * w as f64 / total;
        let mut text = format!(
            "{:.0}% conversations page, {:.0}% messages page, {:.0}% apps",
            share(self.conversations),
            share(self.messages),
            share(self.apps)
        );
        if self.posts > 0 {
            text.push_str(&format!(", {:.0}% POST a message", share(self.posts)));
        }
        text
    }
}

#[derive(Debug, Clone)]
pub struct LoadConfig {
    pub clients: usize,
    pub warmup: Duration,
    pub duration: Duration,
    pub mix: Mix,
    pub limit: u32,
}

/// What one service did under the load.
#[derive(Debug, Default)]
pub struct Report {
    /// Requests completed inside the measured window.
    pub requests: u64,
    /// Answers other than 2xx inside the window, by status.
    pub statuses: BTreeMap<u16, u64>,
    /// Connections that failed (send, read, connect), over the whole run.
    pub transport_errors: u64,
    /// A few bodies of non-2xx answers, to say what went wrong.
    pub samples: Vec<String>,
    /// Latencies in microseconds, all routes, sorted.
    pub latencies: Vec<u32>,
    /// The same per route, sorted.
    pub per_route: BTreeMap<Route, Vec<u32>>,
    pub window: Duration,
    /// CPU seconds (user + system) spent in the window by the service, the
    /// driver and the database's PostgreSQL backends, where known.
    pub cpu: Vec<Option<f64>>,
    /// The 1-minute load average at the start and the end of the window.
    pub load: (Option<f64>, Option<f64>),
}

impl Report {
    pub fn non_2xx(&self) -> u64 {
        self.statuses.values().sum()
    }

    pub fn throughput(&self) -> f64 {
        self.requests as f64 / self.window.as_secs_f64()
    }

    /// Adds another window's figures to these (rounds of one service).
    pub fn merge(&mut self, other: Report) {
        self.requests += other.requests;
        for (status, count) in other.statuses {
            *self.statuses.entry(status).or_default() += count;
        }
        self.transport_errors += other.transport_errors;
        self.samples.extend(other.samples);
        self.samples.truncate(5);
        self.latencies.extend(other.latencies);
        self.latencies.sort_unstable();
        for (route, latencies) in other.per_route {
            let mine = self.per_route.entry(route).or_default();
            mine.extend(latencies);
            mine.sort_unstable();
        }
        self.window += other.window;
        if self.cpu.is_empty() {
            self.cpu = other.cpu;
        } else {
            for (mine, theirs) in self.cpu.iter_mut().zip(other.cpu) {
                *mine = match (*mine, theirs) {
                    (Some(a), Some(b)) => Some(a + b),
                    _ => None,
                };
            }
        }
        self.load = match (self.load.0, other.load.1) {
            (None, _) => other.load,
            (first, last) => (first, last),
        };
    }
}

/// The `q`-quantile (0..=1) of a sorted vector, in milliseconds.
pub fn quantile_ms(sorted: &[u32], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] as f64 / 1000.0
}

#[derive(Default)]
struct ClientTally {
    requests: u64,
    statuses: BTreeMap<u16, u64>,
    transport_errors: u64,
    samples: Vec<String>,
    latencies: [Vec<u32>; 4],
}

/// CPU seconds (user + system) a process has used, from `/proc/<pid>/stat`
/// (`self` for this one); `None` where there is no such file.
pub fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command may hold spaces: the fields that count come after its ')'.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // USER_HZ is 100 on Linux wherever it runs.
    Some((utime + stime) / 100.0)
}

fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split(' ')
        .next()?
        .parse()
        .ok()
}

/// The PostgreSQL backends serving `database`, by their process titles
/// (`postgres: 15/main: <user> <database> 127.0.0.1(port) idle`).
pub fn postgres_backends(database: &str) -> Vec<String> {
    let needle = format!(" {database} ");
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            if !name.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let title = std::fs::read(format!("/proc/{name}/cmdline")).ok()?;
            let title = String::from_utf8_lossy(&title).replace('\0', " ");
            (title.starts_with("postgres: ") && title.contains(&needle)).then_some(name)
        })
        .collect()
}

/// Whose CPU time a run samples over its measured window.
#[derive(Debug, Clone, Default)]
pub struct Sampling {
    /// The service's process, when the run started it.
    pub service: Option<u32>,
    /// The database whose PostgreSQL backends to sample, when known.
    pub database: Option<String>,
}

/// CPU seconds the processes of `pids` used between two samples: `None`
/// when there are none, or one could not be read at the start.
fn cpu_of(pids: &[String]) -> Option<Vec<(String, f64)>> {
    if pids.is_empty() {
        return None;
    }
    pids.iter()
        .map(|pid| Some((pid.clone(), cpu_seconds(pid)?)))
        .collect()
}

fn used_since(before: Option<Vec<(String, f64)>>) -> Option<f64> {
    // A backend that ended during the window is counted up to its last
    // sample (none here: the pools keep their connections).
    Some(
        before?
            .into_iter()
            .map(|(pid, start)| cpu_seconds(&pid).map_or(0.0, |end| end - start))
            .sum(),
    )
}

/// Runs the load against one service and reports what it measured,
/// sampling CPU time over the measured window: the service's, the
/// driver's own, and the database's PostgreSQL backends' (both services'
/// pools; only the loaded one's are busy).
pub async fn run(
    addr: SocketAddr,
    workspaces: Arc<Vec<Workspace>>,
    config: &LoadConfig,
    sampling: &Sampling,
) -> Report {
    let start = Instant::now();
    let measure_from = start + config.warmup;
    let end = measure_from + config.duration;
    let sampling = sampling.clone();
    let sampler = tokio::spawn(async move {
        tokio::time::sleep_until(measure_from.into()).await;
        let service: Vec<String> = sampling.service.iter().map(u32::to_string).collect();
        let backends = sampling
            .database
            .as_deref()
            .map(postgres_backends)
            .unwrap_or_default();
        let before = [
            cpu_of(&service),
            cpu_of(&["self".to_owned()]),
            cpu_of(&backends),
        ];
        let load_before = load_average();
        tokio::time::sleep_until(end.into()).await;
        let cpu = before.into_iter().map(used_since).collect();
        (cpu, (load_before, load_average()))
    });
    let mut tasks = Vec::with_capacity(config.clients);
    for client in 0..config.clients {
        let workspaces = workspaces.clone();
        let config = config.clone();
        tasks.push(tokio::spawn(async move {
            client_loop(addr, client, &workspaces, &config, measure_from, end).await
        }));
    }
    let mut report = Report {
        window: config.duration,
        ..Report::default()
    };
    for task in tasks {
        let tally = task.await.expect("a client task panicked");
        report.requests += tally.requests;
        report.transport_errors += tally.transport_errors;
        for (status, count) in tally.statuses {
            *report.statuses.entry(status).or_default() += count;
        }
        for sample in tally.samples {
            if report.samples.len() < 5 {
                report.samples.push(sample);
            }
        }
        for route in Route::ALL {
            let latencies = &tally.latencies[route.index()];
            if !latencies.is_empty() {
                report.latencies.extend_from_slice(latencies);
                report
                    .per_route
                    .entry(route)
                    .or_default()
                    .extend_from_slice(latencies);
            }
        }
    }
    (report.cpu, report.load) = sampler.await.expect("the CPU sampler");
    report.latencies.sort_unstable();
    for latencies in report.per_route.values_mut() {
        latencies.sort_unstable();
    }
    report
}

type Sender = SendRequest<Full<Bytes>>;

pub async fn connect(addr: SocketAddr) -> Result<Sender, String> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|error| format!("connect to {addr}: {error}"))?;
    stream
        .set_nodelay(true)
        .map_err(|error| error.to_string())?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|error| format!("handshake with {addr}: {error}"))?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(sender)
}

/// A small xorshift: the mix needs no more, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 32) as u32
    }
}

const QUERIES: [&str; 4] = [
    "What is the refund policy?",
    "Summarise the last three tickets in one sentence please",
    "How do I reset my password",
    "Translate hello world into French",
];

/// One request of the mix, for the workspace whose turn it is.
pub fn request(
    route: Route,
    workspace: &Workspace,
    conversation: Uuid,
    limit: u32,
    query: &str,
) -> Request<Full<Bytes>> {
    let (method, path, body) = match route {
        Route::Apps => (Method::GET, "/apps".to_string(), Bytes::new()),
        Route::Conversations => (
            Method::GET,
            format!("/apps/{}/conversations?limit={limit}", workspace.app),
            Bytes::new(),
        ),
        Route::Messages => (
            Method::GET,
            format!("/conversations/{conversation}/messages?limit={limit}"),
            Bytes::new(),
        ),
        Route::Post => (
            Method::POST,
            format!("/conversations/{conversation}/messages"),
            Bytes::from(serde_json::json!({ "query": query }).to_string()),
        ),
    };
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header(hyper::header::HOST, "127.0.0.1")
        .header("x-tenant-id", workspace.tenant.to_string())
        .header("x-account-id", workspace.account.to_string());
    if !body.is_empty() {
        builder = builder.header(hyper::header::CONTENT_TYPE, "application/json");
    }
    builder
        .body(Full::new(body))
        .expect("a request of valid parts")
}

/// Sends one request and reads its whole body.
pub async fn send(
    sender: &mut Sender,
    request: Request<Full<Bytes>>,
) -> Result<(StatusCode, Bytes), String> {
    sender.ready().await.map_err(|error| error.to_string())?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|error| error.to_string())?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|error| error.to_string())?
        .to_bytes();
    Ok((status, body))
}

async fn client_loop(
    addr: SocketAddr,
    client: usize,
    workspaces: &[Workspace],
    config: &LoadConfig,
    measure_from: Instant,
    end: Instant,
) -> ClientTally {
    let mut tally = ClientTally::default();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((client as u64 + 1) * 0x2545_F491_4F6C_DD1D));
    let mut sender: Option<Sender> = None;
    let mut turn = client;
    while Instant::now() < end {
        let current = match sender.as_mut() {
            Some(current) => current,
            None => match connect(addr).await {
                Ok(fresh) => sender.insert(fresh),
                Err(_) => {
                    tally.transport_errors += 1;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        // The workspaces take turns, request by request.
        let workspace = &workspaces[turn % workspaces.len()];
        turn += 1;
        let route = config.mix.pick(rng.next());
        let conversation =
            workspace.conversations[rng.next() as usize % workspace.conversations.len()];
        let query = QUERIES[rng.next() as usize % QUERIES.len()];
        let request = request(route, workspace, conversation, config.limit, query);
        let sent = Instant::now();
        let answer = send(current, request).await;
        let done = Instant::now();
        let measured = done >= measure_from && done < end;
        match answer {
            Ok((status, body)) => {
                if measured {
                    tally.requests += 1;
                    let micros = (done - sent).as_micros().min(u32::MAX as u128) as u32;
                    tally.latencies[route.index()].push(micros);
                    if !status.is_success() {
                        *tally.statuses.entry(status.as_u16()).or_default() += 1;
                        if tally.samples.len() < 2 {
                            tally.samples.push(format!(
                                "{} {}: {}",
                                route.label(),
                                status,
                                String::from_utf8_lossy(&body[..body.len().min(300)])
                            ));
                        }
                    }
                }
            }
            Err(error) => {
                tally.transport_errors += 1;
                if tally.samples.len() < 2 {
                    tally.samples.push(format!("{}: {error}", route.label()));
                }
                sender = None;
            }
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_take_the_rank_at_or_above() {
        let sorted: Vec<u32> = (1..=100).map(|ms| ms * 1000).collect();
        assert_eq!(quantile_ms(&sorted, 0.5), 50.0);
        assert_eq!(quantile_ms(&sorted, 0.99), 99.0);
        assert_eq!(quantile_ms(&sorted, 1.0), 100.0);
        assert_eq!(quantile_ms(&sorted, 0.0), 1.0);
        assert!(quantile_ms(&[], 0.5).is_nan());
    }

    #[test]
    fn the_mix_follows_its_weights() {
        let mix = Mix {
            conversations: 45,
            messages: 45,
            apps: 10,
            posts: 0,
        };
        let mut rng = Rng(42);
        let mut counts = BTreeMap::new();
        for _ in 0..100_000 {
            *counts.entry(mix.pick(rng.next())).or_insert(0u32) += 1;
        }
        assert!(!counts.contains_key(&Route::Post));
        let share = |route| counts[&route] as f64 / 100_000.0;
        assert!((share(Route::Conversations) - 0.45).abs() < 0.01);
        assert!((share(Route::Messages) - 0.45).abs() < 0.01);
        assert!((share(Route::Apps) - 0.10).abs() < 0.01);
    }

    #[test]
    fn this_process_has_a_cpu_time() {
        assert!(cpu_seconds("self").is_some());
        assert!(cpu_seconds("no-such-process").is_none());
    }
}
