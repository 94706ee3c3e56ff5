//! A PostgreSQL server of one's own: initdb and pg_ctl from the local
//! installation, in a temporary directory, on a free port, removed on drop.
//! The quickstart runs on one when no server is given; the tests run on one
//! when nothing answers at the default address; the fault suite restarts
//! and crashes one (never the shared server).
//!
//! PostgreSQL refuses to run as root, so as root the server runs as the
//! `postgres` system user (or `nobody`), through `runuser`.
//!
//! (The examples include this file by path: one copy for both.)

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

pub struct ThrowawayPostgres {
    dir: PathBuf,
    bin: PathBuf,
    user: Option<String>,
    port: u16,
    settings: Vec<String>,
}

impl ThrowawayPostgres {
    /// Starts a server, or says exactly what is missing.
    pub fn start() -> Result<ThrowawayPostgres, String> {
        ThrowawayPostgres::start_with(&[])
    }

    /// Starts a server with extra settings (`name=value`, as `-c` gives
    /// them), or says exactly what is missing.
    pub fn start_with(settings: &[&str]) -> Result<ThrowawayPostgres, String> {
        let bin = find_bin_dir().ok_or(
            "no PostgreSQL installation found (initdb and pg_ctl). Install it \
             (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) \
             or set DATABASE_URL to a server you may create databases on.",
        )?;
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|error| format!("no free port: {error}"))?
            .port();
        static SERVERS: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "dify-schema-pg-{}-{}",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
        let user = if is_root() {
            Some(unprivileged_user()?)
        } else {
            None
        };
        if let Some(user) = &user {
            run(Command::new("chown").args(["-R", user]).arg(&dir))?;
        }
        let server = ThrowawayPostgres {
            dir,
            bin,
            user,
            port,
            settings: settings.iter().map(|s| (*s).to_owned()).collect(),
        };
        let data = server.dir.join("data");
        server.pg(
            "initdb",
            &[
                "-D",
                path(&data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync",
            ],
        )?;
        server.pg_ctl("start", &[])?;
        Ok(server)
    }

    /// Runs `pg_ctl <action>` on the data directory with the server's
    /// options, waiting for it to finish.
    fn pg_ctl(&self, action: &str, extra: &[&str]) -> Result<(), String> {
        let data = self.dir.join("data");
        let mut options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {}",
            self.port,
            self.dir.display()
        );
        for setting in &self.settings {
            options.push_str(&format!(" -c {setting}"));
        }
        let log = self.dir.join("server.log");
        let mut args = vec!["-D", path(&data), "-o", &options, "-l", path(&log), "-w"];
        args.extend_from_slice(extra);
        args.push(action);
        self.pg("pg_ctl", &args)
    }

    /// A clean restart (`pg_ctl restart -m fast`): open transactions are
    /// rolled back and every client is disconnected.
    pub fn restart(&self) -> Result<(), String> {
        self.pg_ctl("restart", &["-m", "fast"])
    }

    /// A crash (`pg_ctl stop -m immediate`: every server process killed,
    /// nothing flushed), then a start, which recovers from the WAL.
    pub fn crash_and_recover(&self) -> Result<(), String> {
        self.pg_ctl("stop", &["-m", "immediate"])?;
        self.pg_ctl("start", &[])
    }

    /// Keeps the server running until this process exits, then stops it
    /// and removes its directory: for a server shared by a whole test
    /// binary, held in a static that is never dropped. A watcher process
    /// waits for this one to end.
    pub fn stop_when_process_exits(self) -> Result<(), String> {
        let data = self.dir.join("data");
        let pg_ctl = self.bin.join("pg_ctl");
        let stop = match &self.user {
            Some(user) => format!(
                "runuser -u {user} -- {} -D {} -m immediate -w stop",
                pg_ctl.display(),
                data.display()
            ),
            None => format!(
                "{} -D {} -m immediate -w stop",
                pg_ctl.display(),
                data.display()
            ),
        };
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            dir = self.dir.display()
        );
        Command::new("sh")
            .args(["-c", &script])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|error| format!("cannot start the watcher: {error}"))?;
        std::mem::forget(self);
        Ok(())
    }

    /// The URL of the server's `postgres` database.
    pub fn url(&self) -> String {
        self.database_url("postgres")
    }

    /// The URL of database `name` on the server.
    pub fn database_url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    fn pg(&self, program: &str, args: &[&str]) -> Result<(), String> {
        let program = self.bin.join(program);
        let mut command = match &self.user {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(&program);
                command
            }
            None => Command::new(&program),
        };
        command.args(args).current_dir(&self.dir);
        run(&mut command)
    }
}

impl Drop for ThrowawayPostgres {
    fn drop(&mut self) {
        let _ = self.pg_ctl("stop", &["-m", "immediate"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|error| format!("cannot run {command:?}: {error}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}

fn path(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// Where initdb and pg_ctl live: PATH, `pg_config --bindir`, or Debian's
/// versioned directories (newest first).
fn find_bin_dir() -> Option<PathBuf> {
    let has_tools = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(paths) = std::env::var_os("PATH") {
        if let Some(dir) = std::env::split_paths(&paths).find(|dir| has_tools(dir)) {
            return Some(dir);
        }
    }
    if let Ok(output) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        if has_tools(&dir) {
            return Some(dir);
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|dir| has_tools(dir))
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
        .unwrap_or(false)
}

fn unprivileged_user() -> Result<String, String> {
    for user in ["postgres", "nobody"] {
        if Command::new("id")
            .arg(user)
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return Ok(user.to_owned());
        }
    }
    Err("running as root, and there is no `postgres` or `nobody` user to run PostgreSQL as".into())
}
