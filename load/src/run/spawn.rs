//! The database the run makes for itself and the two services it starts on
//! it, as child processes it stops (by their handles) when it is done.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Deserialize;
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

/// One line of the dify service's `--demo` output.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize)]
pub struct DemoLine {
    pub tenant_id: Uuid,
    pub account_id: Uuid,
    pub app_id: Uuid,
    pub conversation_id: Uuid,
}

impl DemoLine {
    pub fn parse(line: &str) -> Option<DemoLine> {
        let line = line.trim();
        if !line.starts_with('{') {
            return None;
        }
        serde_json::from_str(line).ok()
    }
}

/// `server` with its database replaced by `name`, and `sslmode=disable`
/// unless it says otherwise (libpq would negotiate TLS on loopback).
pub fn database_url(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (server, None),
    };
    let authority_start = base.find("://").map_or(0, |at| at + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    let mut url = format!("{base}/{name}");
    let mut params: Vec<&str> = query.map(|q| q.split('&').collect()).unwrap_or_default();
    if !params.iter().any(|param| param.starts_with("sslmode=")) {
        params.push("sslmode=disable");
    }
    url.push('?');
    url.push_str(&params.join("&"));
    url
}

/// A database of the run's own, dropped when the run ends (unless kept).
pub struct Database {
    pub name: String,
    pub url: String,
    admin_url: String,
    pub keep: bool,
}

impl Database {
    pub async fn create(server: &str, keep: bool) -> Result<Database, String> {
        let name = format!("dify_load_{}", std::process::id());
        let admin_url = database_url(server, "postgres");
        let mut admin = PgConnection::connect(&admin_url)
            .await
            .map_err(|error| format!("cannot reach PostgreSQL at {admin_url}: {error}"))?;
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .map_err(|error| format!("CREATE DATABASE {name}: {error}"))?;
        admin.close().await.ok();
        Ok(Database {
            url: database_url(server, &name),
            name,
            admin_url,
            keep,
        })
    }

    pub async fn drop_now(&self) -> Result<(), String> {
        if self.keep {
            eprintln!("kept database {} ({})", self.name, self.url);
            return Ok(());
        }
        let mut admin = PgConnection::connect(&self.admin_url)
            .await
            .map_err(|error| error.to_string())?;
        sqlx::raw_sql(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))
        .execute(&mut admin)
        .await
        .map_err(|error| format!("DROP DATABASE {}: {error}", self.name))?;
        Ok(())
    }
}

/// A port nobody listens on now (the OS's choice).
pub fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|error| error.to_string())?;
    Ok(listener
        .local_addr()
        .map_err(|error| error.to_string())?
        .port())
}

/// A service the run started; stopped (killed and reaped) when dropped.
pub struct Service {
    pub addr: SocketAddr,
    pub log: PathBuf,
    child: Child,
    /// Demo lines arrive here; kept so the stdout reader keeps draining.
    demo: mpsc::Receiver<DemoLine>,
}

impl Service {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

/// Starts `command` (its stderr, and stdout lines that are not demo
/// lines, go to a log file), waits until it accepts connections on `port`,
/// and returns it with the demo lines it printed before.
pub fn start(
    name: &'static str,
    mut command: Command,
    port: u16,
    timeout: Duration,
) -> Result<(Service, Vec<DemoLine>), String> {
    let log = std::env::temp_dir().join(format!("dify-load-{}-{name}.log", std::process::id()));
    let log_file = File::create(&log).map_err(|error| format!("{}: {error}", log.display()))?;
    let stderr = log_file.try_clone().map_err(|error| error.to_string())?;
    command
        .stdout(Stdio::piped())
        .stderr(stderr)
        .stdin(Stdio::null());
    let mut child = command
        .spawn()
        .map_err(|error| format!("cannot start the {name} service ({command:?}): {error}"))?;
    let stdout = child.stdout.take().expect("a piped stdout");
    let (lines_tx, lines_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut log_file = log_file;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            match DemoLine::parse(&line) {
                Some(demo) => {
                    if lines_tx.send(demo).is_err() {
                        break;
                    }
                }
                None => {
                    let _ = writeln!(log_file, "{line}");
                }
            }
        }
    });
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut service = Service {
        addr,
        log,
        child,
        demo: lines_rx,
    };
    let started = Instant::now();
    loop {
        if let Some(status) = service
            .child
            .try_wait()
            .map_err(|error| error.to_string())?
        {
            return Err(format!(
                "the {name} service exited ({status}) before it listened on {addr}; the end of {}:\n{}",
                service.log.display(),
                log_tail(&service.log)
            ));
        }
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            break;
        }
        if started.elapsed() > timeout {
            return Err(format!(
                "the {name} service did not listen on {addr} within {timeout:?}; the end of {}:\n{}",
                service.log.display(),
                log_tail(&service.log)
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // The demo lines come before the service listens; give the reader a
    // moment to pass on the last of them.
    std::thread::sleep(Duration::from_millis(300));
    let demo: Vec<DemoLine> = service.demo.try_iter().collect();
    Ok((service, demo))
}

/// Where `cargo build --release --example service` puts the dify service.
pub fn default_dify_bin() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("target")
        });
    target.join("release").join("examples").join("service")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_is_replaced_and_tls_turned_off() {
        assert_eq!(
            database_url("postgres://postgres@127.0.0.1:5432", "x"),
            "postgres://postgres@127.0.0.1:5432/x?sslmode=disable"
        );
        assert_eq!(
            database_url("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x?sslmode=disable"
        );
        assert_eq!(
            database_url("postgres://u@h/db?sslmode=require&application_name=a", "x"),
            "postgres://u@h/x?sslmode=require&application_name=a"
        );
    }

    #[test]
    fn demo_lines_are_json_objects_with_the_four_ids() {
        let id = Uuid::new_v4();
        let line = format!(
            r#"{{"tenant_id":"{id}","account_id":"{id}","app_id":"{id}","conversation_id":"{id}","workspace":"Acme"}}"#
        );
        assert_eq!(DemoLine::parse(&line).map(|demo| demo.app_id), Some(id));
        assert!(DemoLine::parse("listening on http://127.0.0.1:8080").is_none());
        assert!(DemoLine::parse(r#"{"tenant_id": 1}"#).is_none());
    }
}
