//! Issue 15's load run: the example HTTP service on dify-schema's async
//! scoped API against the same service written by hand with sqlx, under
//! the same load from the same driver, in one run.
//!
//! ```sh
//! cargo build --release --example service
//! cargo run --release -p dify-load --features baseline
//! ```
//!
//! makes a database on `postgres://postgres@127.0.0.1:5432`, starts the dify
//! service on it (`--demo --pool-size 10`: it migrates and prints its demo
//! workspaces), starts the sqlx service (`dify-load serve`, a process of
//! its own, pool of 10) on the same database, checks that both answer the
//! same requests the same way, then loads each in turn and prints the
//! table. `--dify URL --sqlx URL --demo FILE` loads services already
//! running instead.

mod driver;
mod seed;
mod service;
mod spawn;

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::{Command as Process, ExitCode};
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use serde_json::Value;
use uuid::Uuid;

use driver::{LoadConfig, Mix, Report, Route, Workspace};
use spawn::{Database, DemoLine};

#[derive(Parser)]
#[command(
    name = "dify-load",
    about = "Issue 15's load run: the dify async service against a hand-written sqlx service"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    bench: BenchArgs,
}

#[derive(Subcommand)]
enum Command {
    /// The hand-written sqlx service (what the run starts as the baseline).
    Serve {
        #[arg(long, env = "DATABASE_URL")]
        database_url: String,
        #[arg(long, default_value_t = 8081)]
        port: u16,
        #[arg(long, default_value_t = 10)]
        pool_size: u32,
        /// The pause between two chunks of a streamed answer, in milliseconds.
        #[arg(long, default_value_t = 50)]
        chunk_delay_ms: u64,
    },
    /// Demo workspaces made with SQL on a migrated database (`dify-db
    /// migrate`), printed as the dify service's `--demo` prints them.
    Seed {
        #[arg(long, env = "DATABASE_URL")]
        database_url: String,
        #[arg(long, default_value_t = 2)]
        workspaces: u32,
        #[arg(long, default_value_t = 50)]
        conversations: u32,
        #[arg(long, default_value_t = 30)]
        messages: u32,
    },
}

#[derive(Args)]
struct BenchArgs {
    /// The PostgreSQL server the run makes its database on.
    #[arg(
        long,
        env = "DIFY_LOAD_SERVER_URL",
        default_value = "postgres://postgres@127.0.0.1:5432"
    )]
    server_url: String,
    /// The dify example service (`cargo build --release --example service`).
    #[arg(long)]
    dify_bin: Option<PathBuf>,
    /// Load a dify service already running at this base URL (with --demo).
    #[arg(long, requires = "demo")]
    dify: Option<String>,
    /// Load a sqlx service already running at this base URL (with --demo).
    #[arg(long, requires = "demo")]
    sqlx: Option<String>,
    /// The demo lines of the running services' database, one JSON a line.
    #[arg(long)]
    demo: Option<PathBuf>,
    #[arg(long, default_value_t = 64)]
    clients: usize,
    /// Seconds of warm-up before each measured window.
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,
    /// Seconds measured, per service.
    #[arg(long, default_value_t = 10.0)]
    duration: f64,
    /// Measure each service this many times, the order rotated each round.
    #[arg(long, default_value_t = 2)]
    rounds: u32,
    /// Also load a second sqlx service on the same database, as a control:
    /// the two identical services' ratio is the noise of the run.
    #[arg(long)]
    control: bool,
    /// Page size of the list requests.
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// The read mix, as weights: `conversations=45,messages=45,apps=10`
    /// (a route left out has none).
    #[arg(long, default_value = "conversations=45,messages=45,apps=10", value_parser = parse_mix)]
    mix: Mix,
    /// Also a run whose mix has this percentage of POSTs (0: none).
    #[arg(long, default_value_t = 0)]
    posts: u32,
    /// Pool size of both services.
    #[arg(long, default_value_t = 10)]
    pool_size: u32,
    /// The pause between two chunks of a streamed answer, both services
    /// (0: the POSTs measure the database work, not a model's pace).
    #[arg(long, default_value_t = 0)]
    chunk_delay_ms: u64,
    /// Add this many conversations to each demo app before the load.
    #[arg(long, default_value_t = 0)]
    fill_conversations: u32,
    /// ... and bring every conversation of a demo app up to this many messages.
    #[arg(long, default_value_t = 0)]
    fill_messages: u32,
    /// Worker threads of the driver's runtime.
    #[arg(long, default_value_t = 2)]
    client_threads: usize,
    /// Keep the database (and say its name) instead of dropping it.
    #[arg(long)]
    keep: bool,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Serve {
            database_url,
            port,
            pool_size,
            chunk_delay_ms,
        }) => {
            let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
            let chunk_delay = Duration::from_millis(chunk_delay_ms);
            match runtime.block_on(service::serve(&database_url, port, pool_size, chunk_delay)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("dify-load serve: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Seed {
            database_url,
            workspaces,
            conversations,
            messages,
        }) => {
            let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
            match runtime.block_on(seed_command(
                &database_url,
                workspaces,
                conversations,
                messages,
            )) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("dify-load seed: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        None => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(cli.bench.client_threads.max(1))
                .enable_all()
                .build()
                .expect("a tokio runtime");
            match runtime.block_on(bench(cli.bench)) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(error) => {
                    eprintln!("dify-load: {error}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

async fn seed_command(
    database_url: &str,
    workspaces: u32,
    conversations: u32,
    messages: u32,
) -> Result<(), String> {
    let pool = sqlx::PgPool::connect(database_url)
        .await
        .map_err(|error| error.to_string())?;
    for n in 0..workspaces {
        let name = format!("Load{n}");
        let line = seed::workspace(&pool, &name, conversations, messages)
            .await
            .map_err(|error| error.to_string())?;
        println!("{}", serde_json::to_string(&line).expect("a demo line"));
    }
    Ok(())
}

fn parse_mix(text: &str) -> Result<Mix, String> {
    let mut mix = Mix {
        conversations: 0,
        messages: 0,
        apps: 0,
        posts: 0,
    };
    for part in text.split(',') {
        let (route, weight) = part
            .split_once('=')
            .ok_or_else(|| format!("{part}: expected route=weight"))?;
        let weight: u32 = weight
            .trim()
            .parse()
            .map_err(|_| format!("{part}: the weight is not a whole number"))?;
        match route.trim() {
            "conversations" => mix.conversations = weight,
            "messages" => mix.messages = weight,
            "apps" => mix.apps = weight,
            other => {
                return Err(format!(
                    "{other}: the routes are conversations, messages, apps"
                ))
            }
        }
    }
    if mix.conversations + mix.messages + mix.apps == 0 {
        return Err("the mix has no weight".into());
    }
    Ok(mix)
}

/// A service under load: its name in the table and where it listens.
struct Target {
    name: &'static str,
    addr: SocketAddr,
    /// The service's process, when the run started it (for its CPU time).
    pid: Option<u32>,
}

fn resolve(base: &str) -> Result<SocketAddr, String> {
    let authority = base
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default();
    authority
        .to_socket_addrs()
        .map_err(|error| format!("{base}: {error}"))?
        .next()
        .ok_or_else(|| format!("{base}: no address"))
}

const DIFY: &str = "dify (async scoped API)";
const SQLX: &str = "sqlx (hand-written)";
const CONTROL: &str = "sqlx again (control)";

async fn bench(args: BenchArgs) -> Result<bool, String> {
    let mut database: Option<Database> = None;
    let mut services: Vec<spawn::Service> = Vec::new();
    let outcome = bench_inner(&args, &mut database, &mut services).await;
    // Stop the services before dropping their database.
    drop(services);
    if let Some(database) = database {
        if let Err(error) = database.drop_now().await {
            eprintln!("dify-load: {error}");
        }
    }
    outcome
}

async fn bench_inner(
    args: &BenchArgs,
    database: &mut Option<Database>,
    services: &mut Vec<spawn::Service>,
) -> Result<bool, String> {
    let mut targets = Vec::new();
    let demo: Vec<DemoLine>;
    let database_url: Option<String>;
    if args.dify.is_some() || args.sqlx.is_some() {
        let path = args.demo.as_ref().expect("clap requires --demo");
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        demo = text.lines().filter_map(DemoLine::parse).collect();
        if let Some(base) = &args.dify {
            targets.push(Target {
                name: DIFY,
                addr: resolve(base)?,
                pid: None,
            });
        }
        if let Some(base) = &args.sqlx {
            targets.push(Target {
                name: SQLX,
                addr: resolve(base)?,
                pid: None,
            });
        }
        database_url = None;
    } else {
        let dify_bin = args
            .dify_bin
            .clone()
            .unwrap_or_else(spawn::default_dify_bin);
        if !dify_bin.exists() {
            return Err(format!(
                "{} is missing: build the dify service first with `cargo build --release --example service` \
                 (or name it with --dify-bin)",
                dify_bin.display()
            ));
        }
        let created = Database::create(&args.server_url, args.keep).await?;
        eprintln!("database {} created", created.name);
        let url = created.url.clone();
        *database = Some(created);

        let port = spawn::free_port()?;
        let mut command = Process::new(&dify_bin);
        command
            .args([
                "--demo",
                "--port",
                &port.to_string(),
                "--pool-size",
                &args.pool_size.to_string(),
                "--chunk-delay-ms",
                &args.chunk_delay_ms.to_string(),
            ])
            .env("DATABASE_URL", &url);
        let (dify, lines) = spawn::start("dify", command, port, Duration::from_secs(300))?;
        eprintln!("dify service: {} (log {})", dify.addr, dify.log.display());
        targets.push(Target {
            name: DIFY,
            addr: dify.addr,
            pid: Some(dify.pid()),
        });
        services.push(dify);
        if lines.is_empty() {
            return Err("the dify service printed no demo line before it listened".into());
        }
        demo = lines;

        // The baseline, and with --control a second instance of it: what
        // two identical services measure apart is the noise of the run.
        let instances: &[(&'static str, &'static str)] = if args.control {
            &[("sqlx", SQLX), ("control", CONTROL)]
        } else {
            &[("sqlx", SQLX)]
        };
        for &(short, name) in instances {
            let port = spawn::free_port()?;
            let mut command =
                Process::new(std::env::current_exe().map_err(|error| error.to_string())?);
            command.args([
                "serve",
                "--database-url",
                &url,
                "--port",
                &port.to_string(),
                "--pool-size",
                &args.pool_size.to_string(),
                "--chunk-delay-ms",
                &args.chunk_delay_ms.to_string(),
            ]);
            let (service, _) = spawn::start(short, command, port, Duration::from_secs(60))?;
            eprintln!("{name}: {} (log {})", service.addr, service.log.display());
            targets.push(Target {
                name,
                addr: service.addr,
                pid: Some(service.pid()),
            });
            services.push(service);
        }
        database_url = Some(url);
    }
    if demo.is_empty() {
        return Err("no demo workspace to load".into());
    }

    if let Some(url) = database_url.as_deref() {
        let pool = sqlx::PgPool::connect(url)
            .await
            .map_err(|error| error.to_string())?;
        if args.fill_conversations > 0 || args.fill_messages > 0 {
            for line in &demo {
                seed::fill(
                    &pool,
                    line.app_id,
                    line.account_id,
                    args.fill_conversations,
                    args.fill_messages,
                )
                .await
                .map_err(|error| format!("fill: {error}"))?;
            }
        }
        seed::settle(&pool)
            .await
            .map_err(|error| format!("VACUUM ANALYZE: {error}"))?;
        pool.close().await;
    } else if args.fill_conversations > 0 || args.fill_messages > 0 {
        return Err("--fill-conversations and --fill-messages need the run's own database".into());
    }

    let workspaces = Arc::new(discover(&targets[0], &demo).await?);
    for (n, workspace) in workspaces.iter().enumerate() {
        eprintln!(
            "workspace {n}: tenant {}, app {}, {} conversation(s) in the app's first 100",
            workspace.tenant,
            workspace.app,
            workspace.conversations.len()
        );
    }
    let mut ok = check(&targets, &workspaces).await;

    let config = LoadConfig {
        clients: args.clients,
        warmup: Duration::from_secs_f64(args.warmup),
        duration: Duration::from_secs_f64(args.duration),
        mix: args.mix,
        limit: args.limit,
    };
    // Whose PostgreSQL backends to sample: the run's own database's.
    let database_name = database.as_ref().map(|database| database.name.clone());
    let database_name = database_name.as_deref();
    ok &= measure(&targets, &workspaces, &config, args.rounds, database_name).await;
    if args.posts > 0 {
        // The read mix scaled to the rest of 100 (in tenths), and the POSTs.
        let reads = args.mix.conversations + args.mix.messages + args.mix.apps;
        let rest = 1000 * 100u32.saturating_sub(args.posts.min(100)) / 100;
        let post_config = LoadConfig {
            mix: Mix {
                conversations: args.mix.conversations * rest / reads,
                messages: args.mix.messages * rest / reads,
                apps: args.mix.apps * rest / reads,
                posts: args.posts.min(100) * 10,
            },
            ..config.clone()
        };
        ok &= measure(
            &targets,
            &workspaces,
            &post_config,
            args.rounds,
            database_name,
        )
        .await;
    }
    Ok(ok)
}

/// Sends one request and parses the answer as JSON (`Null` if it is not).
async fn fetch(
    addr: SocketAddr,
    request: hyper::Request<http_body_util::Full<bytes::Bytes>>,
) -> Result<(u16, Value, String), String> {
    let mut sender = driver::connect(addr).await?;
    let (status, body) = driver::send(&mut sender, request).await?;
    let text = String::from_utf8_lossy(&body).into_owned();
    let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
    Ok((status.as_u16(), json, text))
}

/// The ids of a list answer: a top-level array, or the first array field
/// (`data` first) of an object, of objects with an `id`.
fn ids(value: &Value) -> Vec<String> {
    let array = match value {
        Value::Array(items) => Some(items),
        Value::Object(fields) => fields
            .get("data")
            .and_then(Value::as_array)
            .or_else(|| fields.values().find_map(Value::as_array)),
        _ => None,
    };
    array
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.get("id").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The demo workspaces with the conversations of their apps (the first
/// 100, as the first service lists them), so the messages requests spread
/// over the conversations.
async fn discover(target: &Target, demo: &[DemoLine]) -> Result<Vec<Workspace>, String> {
    let mut workspaces = Vec::new();
    for line in demo {
        let mut workspace = Workspace {
            tenant: line.tenant_id,
            account: line.account_id,
            app: line.app_id,
            conversations: vec![line.conversation_id],
        };
        let request = driver::request(
            Route::Conversations,
            &workspace,
            line.conversation_id,
            100,
            "",
        );
        let (status, json, text) = fetch(target.addr, request).await?;
        if status != 200 {
            return Err(format!(
                "{}: listing the conversations of app {}: {status} {text}",
                target.name, line.app_id
            ));
        }
        for id in ids(&json) {
            if let Ok(id) = Uuid::parse_str(&id) {
                if !workspace.conversations.contains(&id) {
                    workspace.conversations.push(id);
                }
            }
        }
        workspaces.push(workspace);
    }
    Ok(workspaces)
}

/// One request of the checks.
struct Case {
    what: &'static str,
    tenant: Uuid,
    account: Uuid,
    method: &'static str,
    path: String,
    body: Option<&'static str>,
    expected: u16,
}

fn case_request(case: &Case) -> hyper::Request<http_body_util::Full<bytes::Bytes>> {
    let mut builder = hyper::Request::builder()
        .method(case.method)
        .uri(case.path.as_str())
        .header(hyper::header::HOST, "127.0.0.1")
        .header("x-tenant-id", case.tenant.to_string())
        .header("x-account-id", case.account.to_string());
    if case.body.is_some() {
        builder = builder.header(hyper::header::CONTENT_TYPE, "application/json");
    }
    let body = bytes::Bytes::from_static(case.body.unwrap_or_default().as_bytes());
    builder
        .body(http_body_util::Full::new(body))
        .expect("a request of valid parts")
}

/// The `event` of each server-sent event of a body, in order.
fn events(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("data: "))
        .filter_map(|data| serde_json::from_str::<Value>(data).ok())
        .filter_map(|event| {
            event
                .get("event")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect()
}

/// Both services answer the same requests with the same status, the same
/// rows (by id) for the lists, and the same events for a POST: the
/// comparison is like for like.
async fn check(targets: &[Target], workspaces: &[Workspace]) -> bool {
    let first = &workspaces[0];
    let (tenant, account) = (first.tenant, first.account);
    let conversation = first.conversations[0];
    let case = |what, method, path: String, body, expected| Case {
        what,
        tenant,
        account,
        method,
        path,
        body,
        expected,
    };
    let mut cases = vec![
        case("list apps", "GET", "/apps".into(), None, 200),
        case(
            "list conversations of the app",
            "GET",
            format!("/apps/{}/conversations?limit=20", first.app),
            None,
            200,
        ),
        case(
            "list messages of the conversation",
            "GET",
            format!("/conversations/{conversation}/messages?limit=20"),
            None,
            200,
        ),
        case(
            "malformed app id",
            "GET",
            "/apps/not-a-uuid/conversations".into(),
            None,
            400,
        ),
        case("malformed limit", "GET", "/apps?limit=0".into(), None, 400),
        case(
            "malformed cursor",
            "GET",
            "/apps?after=yesterday".into(),
            None,
            400,
        ),
        case(
            "unknown conversation",
            "GET",
            format!("/conversations/{}/messages", Uuid::new_v4()),
            None,
            404,
        ),
        case("no such route", "GET", "/nothing".into(), None, 404),
        case(
            "POST without a query",
            "POST",
            format!("/conversations/{conversation}/messages"),
            Some("{}"),
            400,
        ),
        case(
            "POST a message",
            "POST",
            format!("/conversations/{conversation}/messages"),
            Some(r#"{"query": "Where is my order?"}"#),
            200,
        ),
    ];
    if let Some(other) = workspaces.get(1) {
        cases.push(case(
            "the other workspace's app",
            "GET",
            format!("/apps/{}/conversations", other.app),
            None,
            404,
        ));
        cases.push(case(
            "the other workspace's conversation",
            "GET",
            format!("/conversations/{}/messages", other.conversations[0]),
            None,
            404,
        ));
        cases.push(case(
            "POST to the other workspace's conversation",
            "POST",
            format!("/conversations/{}/messages", other.conversations[0]),
            Some(r#"{"query": "hello"}"#),
            404,
        ));
        let mut stranger = case(
            "a workspace the account is not in",
            "GET",
            "/apps".into(),
            None,
            403,
        );
        stranger.tenant = other.tenant;
        cases.push(stranger);
    }
    // The second page of the conversations, after the first service's cursor.
    let first_page = case(
        "",
        "GET",
        format!("/apps/{}/conversations?limit=3", first.app),
        None,
        200,
    );
    if let Ok((200, json, _)) = fetch(targets[0].addr, case_request(&first_page)).await {
        if let Some(next) = json.get("next").and_then(Value::as_str) {
            cases.push(case(
                "second page of conversations (the first service's cursor)",
                "GET",
                format!("/apps/{}/conversations?limit=3&after={next}", first.app),
                None,
                200,
            ));
        }
    }

    let mut ok = true;
    eprintln!("\nchecks (the expected status; the listed rows' ids, or the events, must agree):");
    for case in cases {
        let mut answers = Vec::new();
        for target in targets {
            match fetch(target.addr, case_request(&case)).await {
                Ok((status, json, text)) => {
                    let seen = if case.method == "POST" {
                        events(&text)
                    } else {
                        ids(&json)
                    };
                    answers.push((status, seen, text))
                }
                Err(error) => answers.push((0, Vec::new(), error)),
            }
        }
        let statuses_ok = answers
            .iter()
            .all(|(status, _, _)| *status == case.expected);
        let same = answers.windows(2).all(|pair| pair[0].1 == pair[1].1);
        let verdict = if statuses_ok && same { "ok" } else { "DIFFERS" };
        let seen: Vec<String> = targets
            .iter()
            .zip(&answers)
            .map(|(target, (status, seen, _))| {
                let short = target.name.split(' ').next().unwrap_or_default();
                if case.method == "POST" && *status == 200 {
                    format!("{short} {status} ({} events)", seen.len())
                } else {
                    format!("{short} {status} ({} rows)", seen.len())
                }
            })
            .collect();
        eprintln!(
            "  {verdict:7} {}: expected {}; {}",
            case.what,
            case.expected,
            seen.join(", ")
        );
        if !statuses_ok || !same {
            ok = false;
            for (target, (_, _, text)) in targets.iter().zip(&answers) {
                eprintln!(
                    "          {}: {}",
                    target.name,
                    text.chars().take(300).collect::<String>()
                );
            }
        }
    }
    ok
}

fn ratio(a: f64, b: f64) -> String {
    if b > 0.0 && a.is_finite() && b.is_finite() {
        format!("{:.2}x", a / b)
    } else {
        "-".into()
    }
}

/// Loads each service in turn (the order swapped each round), prints the
/// tables (each round's, and all rounds together), and says whether every
/// answer was 2xx.
async fn measure(
    targets: &[Target],
    workspaces: &Arc<Vec<Workspace>>,
    config: &LoadConfig,
    rounds: u32,
    database: Option<&str>,
) -> bool {
    println!(
        "\n{} clients, keep-alive HTTP/1.1, {:.0} s warm-up + {:.0} s measured per service{}; mix: {}; the workspaces alternate",
        config.clients,
        config.warmup.as_secs_f64(),
        config.duration.as_secs_f64(),
        if rounds > 1 {
            format!(", {rounds} rounds (the order rotated each round)")
        } else {
            String::new()
        },
        config.mix.describe()
    );
    let mut ok = true;
    let mut merged: Vec<Report> = targets.iter().map(|_| Report::default()).collect();
    for round in 0..rounds.max(1) {
        let count = targets.len();
        let order: Vec<usize> = (0..count).map(|k| (k + round as usize) % count).collect();
        let mut reports: Vec<(usize, Report)> = Vec::new();
        for index in order {
            let target = &targets[index];
            eprintln!(
                "round {}: loading {} at {}",
                round + 1,
                target.name,
                target.addr
            );
            let sampling = driver::Sampling {
                service: target.pid,
                database: database.map(str::to_owned),
            };
            let report = driver::run(target.addr, workspaces.clone(), config, &sampling).await;
            if report.non_2xx() > 0 || report.transport_errors > 0 {
                ok = false;
            }
            reports.push((index, report));
        }
        reports.sort_by_key(|(index, _)| *index);
        if rounds > 1 {
            println!("\nround {}", round + 1);
        }
        print_tables(targets, &reports);
        for (index, report) in reports {
            merged[index].merge(report);
        }
    }
    if rounds > 1 {
        println!("\nall {rounds} rounds together");
        let merged: Vec<(usize, Report)> = merged.into_iter().enumerate().collect();
        print_tables(targets, &merged);
    }
    ok
}

fn print_tables(targets: &[Target], reports: &[(usize, Report)]) {
    println!();
    println!(
        "| service | requests/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx | transport errors | CPU µs/request: service | PostgreSQL | driver | load avg |"
    );
    println!(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for (index, report) in reports {
        let per_request = |cpu: Option<&Option<f64>>| match cpu {
            Some(Some(seconds)) if report.requests > 0 => {
                format!("{:.0}", seconds * 1e6 / report.requests as f64)
            }
            _ => "-".to_owned(),
        };
        let load = match report.load {
            (Some(before), Some(after)) => format!("{before:.2}→{after:.2}"),
            _ => "-".to_owned(),
        };
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.1} | {} | {} | {} | {} | {} | {} | {} |",
            targets[*index].name,
            report.throughput(),
            driver::quantile_ms(&report.latencies, 0.50),
            driver::quantile_ms(&report.latencies, 0.90),
            driver::quantile_ms(&report.latencies, 0.99),
            driver::quantile_ms(&report.latencies, 1.0),
            report.requests,
            report.non_2xx(),
            report.transport_errors,
            per_request(report.cpu.first()),
            per_request(report.cpu.get(2)),
            per_request(report.cpu.get(1)),
            load
        );
    }
    println!();
    println!(
        "| route | {} |",
        reports
            .iter()
            .map(|(index, _)| format!("{} p50 / p99 ms (requests)", targets[*index].name))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("| --- |{}", " ---: |".repeat(reports.len()));
    for route in Route::ALL {
        if reports
            .iter()
            .all(|(_, report)| !report.per_route.contains_key(&route))
        {
            continue;
        }
        let cells: Vec<String> = reports
            .iter()
            .map(|(_, report)| {
                let latencies = report
                    .per_route
                    .get(&route)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                format!(
                    "{:.2} / {:.2} ({})",
                    driver::quantile_ms(latencies, 0.5),
                    driver::quantile_ms(latencies, 0.99),
                    latencies.len()
                )
            })
            .collect();
        println!("| {} | {} |", route.label(), cells.join(" | "));
    }
    let by_name = |name: &str| {
        reports
            .iter()
            .find(|(index, _)| targets[*index].name == name)
            .map(|(_, report)| report)
    };
    for (name, label) in [(DIFY, "dify"), (CONTROL, "control")] {
        if let (Some(this), Some(sqlx)) = (by_name(name), by_name(SQLX)) {
            println!(
                "\n{label} / sqlx: throughput {}, p50 latency {}, p99 latency {}",
                ratio(this.throughput(), sqlx.throughput()),
                ratio(
                    driver::quantile_ms(&this.latencies, 0.5),
                    driver::quantile_ms(&sqlx.latencies, 0.5)
                ),
                ratio(
                    driver::quantile_ms(&this.latencies, 0.99),
                    driver::quantile_ms(&sqlx.latencies, 0.99)
                ),
            );
        }
    }
    for (index, report) in reports {
        for sample in &report.samples {
            println!("{}: {sample}", targets[*index].name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_data_or_the_first_array() {
        let page = serde_json::json!({"data": [{"id": "a"}, {"id": "b"}], "limit": 20});
        assert_eq!(ids(&page), ["a", "b"]);
        let bare = serde_json::json!([{"id": "c"}]);
        assert_eq!(ids(&bare), ["c"]);
        assert!(ids(&serde_json::json!({"error": "x"})).is_empty());
    }

    #[test]
    fn mixes_parse_by_route() {
        let mix = parse_mix("messages=100").unwrap();
        assert_eq!((mix.conversations, mix.messages, mix.apps), (0, 100, 0));
        assert!(parse_mix("posts=3").is_err());
        assert!(parse_mix("apps=0").is_err());
    }

    #[test]
    fn events_are_read_from_the_data_lines() {
        let body = "data: {\"event\":\"message\",\"answer\":\"a\"}\n\ndata: {\"event\":\"message_end\"}\n\n";
        assert_eq!(events(body), ["message", "message_end"]);
    }
}
