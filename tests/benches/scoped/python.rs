//! SQLAlchemy 2 ORM as a variant of the harness: `tests/python/sqlalchemy_bench.py
//! --serve` runs in a child process and times batches of operations on
//! command, so its rounds interleave with ours.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

use serde_json::json;

use super::data::Samples;

pub struct Python {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    sample_file: PathBuf,
}

pub fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python/sqlalchemy_bench.py")
}

pub fn interpreter() -> String {
    std::env::var("DIFY_BENCH_PYTHON").unwrap_or_else(|_| "python3".into())
}

pub const INSTALL_HINT: &str = "pip install 'sqlalchemy>=2' psycopg2-binary \
     (or set DIFY_BENCH_PYTHON to an interpreter that has them)";

impl Python {
    /// Starts the script when python3 with SQLAlchemy 2 and psycopg2 is
    /// there; otherwise says why not.
    pub fn start(url: &str, samples: &Samples) -> Result<Python, String> {
        let python = interpreter();
        let probe = Command::new(&python)
            .args([
                "-c",
                "import sqlalchemy, psycopg2; assert int(sqlalchemy.__version__.split('.')[0]) >= 2",
            ])
            .output()
            .map_err(|error| format!("{python} not runnable ({error}); {INSTALL_HINT}"))?;
        if !probe.status.success() {
            return Err(format!(
                "{python} lacks SQLAlchemy 2 or psycopg2; {INSTALL_HINT}"
            ));
        }
        let find: Vec<_> = samples
            .mixed_messages
            .iter()
            .map(|(t, m)| json!([samples.tenants[*t].tenant, m.id]))
            .collect();
        let list: Vec<_> = samples
            .mixed_apps
            .iter()
            .map(|(t, a)| json!([samples.tenants[*t].tenant, a]))
            .collect();
        let sample_file =
            std::env::temp_dir().join(format!("dify_bench_sample_{}.json", std::process::id()));
        std::fs::write(
            &sample_file,
            json!({"find": find, "list": list}).to_string(),
        )
        .map_err(|error| format!("cannot write {}: {error}", sample_file.display()))?;
        let mut child = Command::new(&python)
            .arg(script())
            .arg("--url")
            .arg(url)
            .arg("--sample")
            .arg(&sample_file)
            .arg("--serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", script().display()))?;
        let stdin = child.stdin.take().expect("piped stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .map_err(|error| format!("sqlalchemy_bench.py: {error}"))?;
        let version = line
            .trim()
            .strip_prefix("ready ")
            .ok_or_else(|| format!("sqlalchemy_bench.py did not start: {line:?}"))?
            .to_owned();
        println!("SQLAlchemy variant: {version}");
        Ok(Python {
            child,
            stdin,
            stdout,
            sample_file,
        })
    }

    /// Runs `ops` operations of `op` (`find` or `list`) for `round`, the
    /// same sample positions the Rust variants use; their time.
    pub fn run(&mut self, op: &str, round: usize, ops: usize) -> Duration {
        writeln!(self.stdin, "{op} {round} {ops}").expect("write to sqlalchemy_bench.py");
        self.stdin.flush().expect("flush");
        let mut line = String::new();
        self.stdout
            .read_line(&mut line)
            .expect("read from sqlalchemy_bench.py");
        let seconds: f64 = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("sqlalchemy_bench.py answered {line:?}"));
        Duration::from_secs_f64(seconds)
    }
}

impl Drop for Python {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "quit");
        let _ = self.stdin.flush();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.sample_file);
    }
}
