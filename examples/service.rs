//! An async service: an HTTP API (axum) over the async scoped API.
//!
//! ```sh
//! cargo run --example service -- --demo             # a throwaway server, two demo workspaces
//! DATABASE_URL=postgres://dify@db/dify cargo run --example service -- --port 8080 --pool-size 20
//! ```
//!
//! Routes (the caller in `X-Tenant-Id` and `X-Account-Id`, as a gateway
//! passes them): `GET /apps`, `GET /apps/{app_id}/conversations`,
//! `GET /conversations/{id}/messages` (each `?limit=&after=`, keyset pages
//! whose answer carries `next`), and `POST /conversations/{id}/messages`
//! with `{"query": "..."}`, which streams a stand-in answer as server-sent
//! events. See `service/app.rs`.
//!
//! With `DATABASE_URL` it uses that database as it is, after applying the
//! pending migrations. Without it, it starts a throwaway PostgreSQL server
//! from the local installation (stopped when the process exits, however it
//! exits), creates a database there, and serves as a login role granted
//! `dify_service`, so row-level security applies to every request.
//!
//! With `--demo` it first makes two workspaces and prints one JSON line for
//! each (`{"tenant_id":…,"account_id":…,"app_id":…,"conversation_id":…,
//! "workspace":…}`) before the line saying where it listens. Progress goes
//! to standard error; standard output holds only those lines.

#[path = "service/app.rs"]
mod app;
#[path = "service/seed.rs"]
mod seed;
// Shared with the tests, which also restart and crash it.
#[allow(dead_code)]
#[path = "../tests/support/throwaway.rs"]
mod throwaway_postgres;

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use dify_schema::async_scope::AsyncPool;
use dify_schema::migrate::{Event, Runner};
use dify_schema::pool::PoolOptions;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

#[derive(Debug, Parser)]
#[command(about = "An HTTP API over dify-schema's async scoped API")]
struct Args {
    /// The port to listen on, at 127.0.0.1 (0: any free port).
    #[arg(long, env = "PORT", default_value_t = 8080)]
    port: u16,
    /// The most connections the pool opens (default: Dify's pool, 10 kept
    /// and up to 30).
    #[arg(long)]
    pool_size: Option<u32>,
    /// Make two demo workspaces first and print their ids, one JSON line each.
    #[arg(long)]
    demo: bool,
    /// The pause between two chunks of a streamed answer, in milliseconds.
    #[arg(long, default_value_t = 50)]
    chunk_delay_ms: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Args::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("service failed: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<()> {
    // Migrations and seeding use the sync API: on a blocking thread.
    let database = tokio::task::spawn_blocking(prepare_database).await??;
    if args.demo {
        let url = database.admin_url.clone();
        let seeded = tokio::task::spawn_blocking(move || -> Result<Vec<seed::Seeded>> {
            let mut conn = PgConnection::establish(&url)?;
            Ok(vec![
                seed::workspace(&mut conn, "Acme", 3)?,
                seed::workspace(&mut conn, "Globex", 3)?,
            ])
        })
        .await??;
        for workspace in &seeded {
            println!("{}", serde_json::to_string(workspace)?);
        }
    }

    let options = match args.pool_size {
        None => PoolOptions::default(),
        Some(0) => return Err("--pool-size is at least 1".into()),
        Some(size) => {
            let default = PoolOptions::default();
            PoolOptions {
                max_size: size,
                min_idle: default.min_idle.min(size),
                ..default
            }
        }
    };
    eprintln!(
        "pool: up to {} connections, {} kept",
        options.max_size, options.min_idle
    );
    let pool = AsyncPool::open(&database.service_url, options).await?;
    let mut state = app::AppState::new(pool);
    state.chunk_delay = Duration::from_millis(args.chunk_delay_ms);

    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app::router(state))
        .with_graceful_shutdown(shutdown())
        .await?;
    eprintln!("stopped");
    Ok(())
}

/// Where the service works: the URL that migrates and seeds, and the URL
/// its pool connects with.
struct Database {
    admin_url: String,
    service_url: String,
}

fn prepare_database() -> Result<Database> {
    if let Ok(url) = std::env::var("DATABASE_URL") {
        let mut conn = PgConnection::establish(&url)
            .map_err(|error| format!("cannot reach PostgreSQL at {url}: {error}"))?;
        migrate(&mut conn)?;
        // Used as it is: say so when row-level security does not apply to
        // the role (a superuser, the migrating role, ...).
        let problems = dify_schema::rls::verify(&mut conn, &dify_models::SCHEMA)?;
        if !problems.is_empty() {
            eprintln!(
                "note: row-level security does not hold for this role ({} problem(s), e.g. {}); \
                 serve as a role granted dify_service (`dify-db grant <role> --service`) to have it",
                problems.len(),
                problems[0]
            );
        }
        return Ok(Database {
            admin_url: url.clone(),
            service_url: url,
        });
    }

    eprintln!("DATABASE_URL is not set: starting a throwaway PostgreSQL server");
    let server = throwaway_postgres::ThrowawayPostgres::start()?;
    let name = "dify_service";
    let mut admin = PgConnection::establish(&server.url())?;
    diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin)?;
    let admin_url = server.database_url(name);
    let mut conn = PgConnection::establish(&admin_url)?;
    migrate(&mut conn)?;
    // The service's login role: every row-level security policy applies to it.
    conn.batch_execute(&format!(
        "CREATE ROLE dify_api LOGIN; {}",
        dify_schema::rls::grant_service_role("dify_api")
    ))?;
    let service_url = admin_url.replacen("postgres://postgres@", "postgres://dify_api@", 1);
    dify_schema::rls::ensure(
        &mut PgConnection::establish(&service_url)?,
        &dify_models::SCHEMA,
    )?;
    eprintln!("database {name}, served as role dify_api (row-level security applies)");
    // Stopped and removed when this process exits, however it exits.
    server.stop_when_process_exits()?;
    Ok(Database {
        admin_url,
        service_url,
    })
}

/// The runner a service uses at start-up: locked, transactional, checksummed.
fn migrate(conn: &mut PgConnection) -> Result<()> {
    let migrations = dify_models::migrations();
    let applied = Runner::new(conn, &migrations).run_pending(|event| {
        if let Event::Applying { index, total, name } = event {
            eprintln!("migrating [{}/{total}] {name}", index + 1);
        }
    })?;
    eprintln!("{} migration(s) applied", applied.len());
    Ok(())
}

/// Ctrl-C or SIGTERM: stop taking requests, finish those under way.
async fn shutdown() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("a SIGTERM handler");
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
