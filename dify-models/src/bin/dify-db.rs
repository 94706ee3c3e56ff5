//! `dify-db`: migrations and schema checks for Dify's database.
//!
//! Exit codes: 0 success, 1 a check failed (drift, lint, an edited or failed
//! migration), 2 bad usage, 3 the database could not be reached, 4 the
//! migration lock stayed held past `--lock-timeout`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use diesel::{Connection, PgConnection};
use dify_models::SCHEMA;
use dify_schema::introspect::{compare, live_tables};
use dify_schema::migrate::diff::unacknowledged;
use dify_schema::migrate::files::{generate_dify_revision, SCHEMA_RECORD};
use dify_schema::migrate::snapshot::SchemaSnapshot;
use dify_schema::migrate::{
    adopt_with_lock_wait, dify_revision, generate, AdoptError, Event, MigrateError, MigrationSet,
    Runner,
};
use dify_schema::{render, retention};
use indicatif::{ProgressBar, ProgressStyle};

#[path = "dify-db/mysql.rs"]
mod mysql;

/// The exit code when another runner kept the migration lock past
/// `--lock-timeout`: a deployment can tell "try again later" from a failed
/// migration (1).
const LOCK_HELD: u8 = 4;

#[derive(Parser)]
#[command(
    name = "dify-db",
    version,
    about = "Migrations and schema checks for Dify's database",
    after_help = "Exit codes: 0 success, 1 a check or migration failed, 2 usage, 3 no database, \
                  4 gave up waiting for the migration lock (--lock-timeout)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Database {
    /// The database, e.g. postgres://user@host:5432/dify, or
    /// mysql://user@host:3306/dify for MySQL and MariaDB (whose
    /// migrations are those of migrations-mysql/).
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
}

impl Database {
    fn is_mysql(&self) -> bool {
        dify_schema::mysql::is_mysql_url(&self.database_url)
    }
}

#[derive(clap::Args)]
struct LockWait {
    /// Give up after waiting this long (e.g. 30s, 500ms, 2m) for another
    /// runner's migration lock, naming the pid that holds it, and exit 4;
    /// without it, wait as long as it takes.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    lock_timeout: Option<Duration>,
}

#[derive(clap::Args)]
struct Directory {
    /// The migrations directory; without it, the migrations compiled into
    /// this binary (for `migrate`, `status`, `rollback`) or `./migrations`.
    /// With a mysql:// URL it is the MySQL migrations' directory; for
    /// `generate` and `lint` MySQL's are `<dir>-mysql`.
    #[arg(long)]
    dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply pending migrations (under an advisory lock, each in a transaction).
    Migrate {
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        dir: Directory,
        #[command(flatten)]
        lock: LockWait,
    },
    /// List migrations and whether each is applied.
    Status {
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        dir: Directory,
    },
    /// Write the migration that takes the recorded schema to the declarations.
    Generate {
        /// A short name, e.g. add_app_tags.
        name: String,
        /// The declarations are Dify's schema at this Alembic revision: write
        /// the migration up to Dify's schema (without the project's
        /// row-level security, which a plain `generate` then adds) and mark
        /// it with the revision, for `adopt`.
        #[arg(long, value_name = "REVISION")]
        dify_revision: Option<String>,
        /// Write only the MySQL migration (migrations-mysql/), e.g. to mark
        /// Dify's revision there when PostgreSQL's migrations already have it.
        #[arg(long)]
        mysql_only: bool,
        #[command(flatten)]
        dir: Directory,
    },
    /// Take a database Dify created into the migration history: check it
    /// against Dify's schema at its Alembic revision, then record the
    /// migrations up to that point as applied (`migrate` adds the rest).
    Adopt {
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        dir: Directory,
        #[command(flatten)]
        lock: LockWait,
    },
    /// Fail (exit 1) if declarations, migration files and the database disagree.
    Check {
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        dir: Directory,
    },
    /// Print the Diesel table! definitions of the declared schema.
    PrintSchema,
    /// Fail (exit 1) on unsafe statements nobody acknowledged.
    Lint {
        #[command(flatten)]
        dir: Directory,
    },
    /// Let a login role in: `--service` for the Rust service (granted
    /// `dify_service`: table privileges, subject to row-level security) or
    /// `--trusted` for Dify's Python services and system jobs (granted
    /// `dify_trusted`: full access, no tenant needed).
    Grant {
        /// The login role, e.g. dify_api.
        role: String,
        /// The role is a Rust service's.
        #[arg(long, conflicts_with = "trusted", required_unless_present = "trusted")]
        service: bool,
        /// The role is Dify's own, or a system job's.
        #[arg(long)]
        trusted: bool,
        #[command(flatten)]
        database: Database,
    },
    /// Delete expired rows (`#[retention]`) and what goes with them, in
    /// small index-ordered batches, each its own short transaction.
    /// Resumable: a killed purge leaves whole batches, and a rerun goes on.
    Purge {
        #[command(flatten)]
        database: Database,
        /// Print what would go, per table and workspace; delete nothing.
        #[arg(long)]
        dry_run: bool,
        /// Root rows per batch (their children come with them).
        #[arg(long, default_value_t = 100)]
        batch_size: u32,
        /// How long a batch waits for a lock before it is rolled back and
        /// tried again (e.g. 2s, 500ms).
        #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "2s")]
        lock_timeout: Duration,
        /// At most this many deleted rows per second.
        #[arg(long, conflicts_with = "pause")]
        rows_per_second: Option<u32>,
        /// Pause this long after each batch (e.g. 100ms).
        #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
        pause: Option<Duration>,
        /// Per-workspace retention from this table (tenant_id, table_name
        /// or `*`, days; NULL days keeps forever).
        #[arg(long, value_name = "TABLE")]
        overrides_table: Option<String>,
        /// Only this root table (repeatable); all by default.
        #[arg(long = "table", value_name = "TABLE")]
        tables: Vec<String>,
        /// Write each batch to this directory (gzip JSON lines per table
        /// and day, manifest.jsonl with SHA-256) before deleting it.
        #[arg(long, value_name = "DIR")]
        archive: Option<PathBuf>,
    },
    /// Bring back an archive written by `purge --archive`; rows already
    /// there are skipped, so running it twice is harmless.
    Restore {
        /// The archive directory.
        dir: PathBuf,
        #[command(flatten)]
        database: Database,
    },
    /// Create the partitions of partitioned tables (`#[partition]`) up to
    /// `--months` ahead (a purge does this too).
    Partitions {
        #[command(flatten)]
        database: Database,
        #[arg(long, default_value_t = 3)]
        months: u32,
    },
    /// Revert the last applied migration.
    Rollback {
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        dir: Directory,
        #[command(flatten)]
        lock: LockWait,
    },
}

/// A failure with its exit code.
struct Failure {
    code: u8,
    message: String,
}

fn fail(code: u8, message: impl std::fmt::Display) -> Failure {
    Failure {
        code,
        message: message.to_string(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Migrate {
            database,
            dir,
            lock,
        } if database.is_mysql() => mysql::migrate(&database, &dir, &lock),
        Command::Migrate {
            database,
            dir,
            lock,
        } => migrate(&database, &dir, &lock),
        Command::Status { database, dir } if database.is_mysql() => mysql::status(&database, &dir),
        Command::Status { database, dir } => status(&database, &dir),
        Command::Generate {
            name,
            dify_revision,
            mysql_only,
            dir,
        } => generate_migration(&name, dify_revision.as_deref(), mysql_only, &dir),
        Command::Adopt {
            database,
            dir,
            lock,
        } if database.is_mysql() => mysql::adopt(&database, &dir, &lock),
        Command::Adopt {
            database,
            dir,
            lock,
        } => adopt(&database, &dir, &lock),
        Command::Check { database, dir } if database.is_mysql() => mysql::check(&database, &dir),
        Command::Check { database, dir } => check(&database, &dir),
        Command::PrintSchema => {
            print!("{}", render::diesel::print_schema(&SCHEMA));
            Ok(())
        }
        Command::Lint { dir } => lint(&dir),
        Command::Rollback { database, .. } if database.is_mysql() => {
            Err(mysql::unsupported("rollback"))
        }
        Command::Rollback {
            database,
            dir,
            lock,
        } => rollback(&database, &dir, &lock),
        Command::Purge { database, .. }
        | Command::Restore { database, .. }
        | Command::Partitions { database, .. }
            if database.is_mysql() =>
        {
            Err(mysql::unsupported("purge, restore and partitions"))
        }
        Command::Purge {
            database,
            dry_run,
            batch_size,
            lock_timeout,
            rows_per_second,
            pause,
            overrides_table,
            tables,
            archive,
        } => {
            let throttle = match (rows_per_second, pause) {
                (Some(rate), _) => retention::Throttle::RowsPerSecond(rate),
                (None, Some(pause)) => retention::Throttle::Pause(pause),
                (None, None) => retention::Throttle::None,
            };
            let mut options = retention::PurgeOptions {
                batch_size,
                lock_timeout,
                throttle,
                overrides: overrides_table
                    .map_or(retention::Overrides::None, retention::Overrides::Table),
                tables,
                archive,
                ..retention::PurgeOptions::default()
            };
            purge(&database, &mut options, dry_run)
        }
        Command::Restore { dir, database } => {
            let mut conn = connect(&database)?;
            let report =
                retention::restore(&mut conn, &SCHEMA, &dir).map_err(|error| fail(1, error))?;
            println!(
                "restored {} rows from {} files ({} already there)",
                report.restored, report.files, report.present
            );
            Ok(())
        }
        Command::Partitions { database, months } => {
            let mut conn = connect(&database)?;
            retention::partition::ensure_ahead(&mut conn, &SCHEMA, months)
                .map_err(|error| fail(1, error))?;
            println!("partitions exist up to {months} months ahead");
            Ok(())
        }
        Command::Grant { database, .. } if database.is_mysql() => Err(mysql::unsupported("grant")),
        Command::Grant {
            role,
            service,
            database,
            ..
        } => grant(&database, &role, service),
    }
}

fn grant(database: &Database, role: &str, service: bool) -> Result<(), Failure> {
    use diesel::connection::SimpleConnection;
    let statement = if service {
        dify_schema::rls::grant_service_role(role)
    } else {
        dify_schema::rls::trust_role(role)
    };
    connect(database)?
        .batch_execute(&statement)
        .map_err(|error| fail(1, format!("{statement} failed: {error}")))?;
    println!("{statement}");
    Ok(())
}

fn purge(
    database: &Database,
    options: &mut retention::PurgeOptions,
    dry_run: bool,
) -> Result<(), Failure> {
    let mut conn = connect(database)?;
    if dry_run {
        let counts =
            retention::dry_run(&mut conn, &SCHEMA, options).map_err(|error| fail(1, error))?;
        println!("{:<36} {:<36} {:>12}", "table", "workspace", "rows");
        let mut totals: std::collections::BTreeMap<&str, u64> = Default::default();
        for count in &counts {
            let tenant = count.tenant.map_or("(none)".to_owned(), |t| t.to_string());
            println!("{:<36} {:<36} {:>12}", count.table, tenant, count.rows);
            *totals.entry(&count.table).or_default() += count.rows;
        }
        for (table, rows) in totals {
            println!("{:<36} {:<36} {:>12}", table, "(all)", rows);
        }
        return Ok(());
    }
    let mut last = std::time::Instant::now();
    let report = retention::purge(&mut conn, &SCHEMA, options, |progress| {
        if last.elapsed() >= Duration::from_secs(1) {
            last = std::time::Instant::now();
            let rate = progress.rows as f64 / progress.elapsed.as_secs_f64().max(0.001);
            eprintln!(
                "{}: {} batches, {} rows deleted, {rate:.0} rows/s",
                progress.table, progress.batches, progress.rows
            );
        }
    })
    .map_err(|error| fail(1, error))?;
    for (table, rows) in &report.deleted {
        println!("{table}: {rows} rows deleted");
    }
    for partition in &report.dropped_partitions {
        println!("{partition}: partition dropped");
    }
    println!(
        "{} rows in {} batches ({} retried after a lock timeout)",
        report.rows(),
        report.batches,
        report.lock_retries
    );
    Ok(())
}

fn connect(database: &Database) -> Result<PgConnection, Failure> {
    PgConnection::establish(&database.database_url)
        .map_err(|error| fail(3, format!("cannot connect to the database: {error}")))
}

fn migration_set(dir: &Directory) -> Result<MigrationSet, Failure> {
    match &dir.dir {
        Some(path) => MigrationSet::from_dir(path)
            .map_err(|error| fail(1, format!("cannot read {}: {error}", path.display()))),
        None => Ok(dify_models::migrations()),
    }
}

/// MySQL's migrations beside PostgreSQL's: `migrations-mysql` for
/// `migrations` (Diesel refuses a sub-directory without an `up.sql` inside
/// a migrations directory, so they cannot live in `migrations/mysql`).
fn mysql_dir(postgres: &std::path::Path) -> PathBuf {
    let mut name = postgres.as_os_str().to_owned();
    name.push("-mysql");
    PathBuf::from(name)
}

fn source_dir(dir: &Directory) -> PathBuf {
    dir.dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("migrations"))
}

/// A migration error with its exit code: a lock another runner kept is
/// told apart from a migration that failed.
fn migrate_failure(error: MigrateError) -> Failure {
    match error {
        MigrateError::LockTimeout { .. } => fail(LOCK_HELD, error),
        error => fail(1, error),
    }
}

/// Parses `30s`, `500ms`, `2m`, `1h`: a whole number and its unit.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let expected = || format!("`{text}` is not a duration such as 30s, 500ms or 2m");
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(expected)?;
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().map_err(|_| expected())?;
    match unit {
        "ms" => Ok(Duration::from_millis(number)),
        "s" => Ok(Duration::from_secs(number)),
        "m" => Ok(Duration::from_secs(number.saturating_mul(60))),
        "h" => Ok(Duration::from_secs(number.saturating_mul(3600))),
        _ => Err(expected()),
    }
}

/// A runner for `set` that gives up on the lock after `--lock-timeout`.
fn runner<'a>(conn: &'a mut PgConnection, set: &'a MigrationSet, lock: &LockWait) -> Runner<'a> {
    let mut runner = Runner::new(conn, set);
    runner.lock_wait = lock.lock_timeout;
    runner
}

/// Prints the events every locking command shares (the lock, indexes
/// cleared for a re-run); the progress bar's own go to `bar`.
fn report(event: &Event, bar: &ProgressBar) {
    match event {
        Event::WaitingForLock { holder } => bar.suspend(|| {
            eprintln!(
                "waiting for another runner (pid {}) to finish",
                holder.map_or("?".into(), |pid| pid.to_string())
            )
        }),
        Event::DroppedInvalidIndex { migration, index } => bar.suspend(|| {
            eprintln!(
                "dropped index {index}, left INVALID by an earlier failed run of {migration}; it is built again"
            )
        }),
        _ => {}
    }
}

fn migrate(database: &Database, dir: &Directory, lock: &LockWait) -> Result<(), Failure> {
    let set = migration_set(dir)?;
    let mut conn = connect(database)?;
    let bar = ProgressBar::hidden();
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let applied = runner(&mut conn, &set, lock)
        .run_pending(|event| match event {
            Event::Plan { pending } if pending > 0 => {
                bar.set_length(pending as u64);
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            Event::Applying { name, .. } => bar.set_message(name),
            Event::Applied { .. } => bar.inc(1),
            event => report(&event, &bar),
        })
        .map_err(migrate_failure)?;
    bar.finish_and_clear();
    if applied.is_empty() {
        println!("nothing to migrate: the database is up to date");
    }
    for name in applied {
        println!("applied {name}");
    }
    Ok(())
}

fn status(database: &Database, dir: &Directory) -> Result<(), Failure> {
    let set = migration_set(dir)?;
    let mut conn = connect(database)?;
    let statuses = Runner::new(&mut conn, &set)
        .status()
        .map_err(|error| fail(1, error))?;
    print_statuses(&statuses)
}

/// Lists migrations, applied or pending; exit 1 when an applied one was edited.
fn print_statuses(statuses: &[dify_schema::migrate::Status]) -> Result<(), Failure> {
    let mut edited = false;
    for status in statuses {
        let state = match (status.applied, status.unchanged) {
            (true, true) => "applied",
            (true, false) => {
                edited = true;
                "applied, EDITED since"
            }
            (false, _) => "pending",
        };
        println!("{state:>22}  {}", status.name);
    }
    if edited {
        return Err(fail(1, "an applied migration was edited"));
    }
    Ok(())
}

fn generate_migration(
    name: &str,
    revision: Option<&str>,
    mysql_only: bool,
    dir: &Directory,
) -> Result<(), Failure> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(fail(
            2,
            "the name is lower-case letters, digits and `_`, e.g. add_app_tags",
        ));
    }
    let path = source_dir(dir);
    let version = diesel_version_now();
    // MySQL's migrations, from the same declarations, beside PostgreSQL's
    // (once their directory exists, or asked for with --mysql-only).
    let mysql_path = mysql_dir(&path);
    let mysql = if mysql_only || mysql_path.is_dir() {
        dify_schema::migrate::mysql::generate(&mysql_path, &SCHEMA, name, &version, revision)
            .map_err(|error| fail(1, error))?
    } else {
        dify_schema::migrate::mysql::MysqlGenerated {
            diff: Default::default(),
            directory: None,
        }
    };
    if let Some(directory) = &mysql.directory {
        println!("wrote {}", directory.display());
        if !mysql.diff.unsafe_operations.is_empty() {
            println!("\nunsafe MySQL operations, marked `-- UNSAFE(` in the SQL; review each and change UNSAFE to ACKNOWLEDGED:");
            for operation in &mysql.diff.unsafe_operations {
                println!("  - {operation}");
            }
        }
    } else if mysql_path.is_dir() {
        println!(
            "nothing to generate for MySQL: the declarations match {}",
            mysql_path.join(SCHEMA_RECORD).display()
        );
    }
    if mysql_only {
        return Ok(());
    }
    let generated = match revision {
        Some(revision) => generate_dify_revision(&path, &SCHEMA, name, &version, revision),
        None => generate(&path, &SCHEMA, name, &version),
    }
    .map_err(|error| fail(1, error))?;
    if generated.directories.is_empty() {
        println!(
            "nothing to generate for PostgreSQL: the declarations match {}",
            path.join(SCHEMA_RECORD).display()
        );
        return Ok(());
    }
    for directory in &generated.directories {
        println!("wrote {}", directory.display());
    }
    for note in &generated.diff.notes {
        println!("note: {note}");
    }
    if !generated.diff.unsafe_operations.is_empty() {
        println!("\nunsafe operations, marked `-- UNSAFE(` in the SQL; review each and change UNSAFE to ACKNOWLEDGED:");
        for operation in &generated.diff.unsafe_operations {
            println!("  - {operation}");
        }
    }
    Ok(())
}

fn adopt(database: &Database, dir: &Directory, lock: &LockWait) -> Result<(), Failure> {
    let set = migration_set(dir)?;
    let mut conn = connect(database)?;
    match adopt_with_lock_wait(&mut conn, &set, lock.lock_timeout) {
        Ok(adopted) => {
            println!(
                "the database is Dify's schema at Alembic revision {}",
                adopted.revision
            );
            if adopted.recorded.is_empty() {
                println!("already adopted: nothing recorded");
            }
            for name in &adopted.recorded {
                println!("recorded {name} as applied");
            }
            println!(
                "{} migration(s) of the project's own to apply: run `dify-db migrate`",
                adopted.pending.len()
            );
            Ok(())
        }
        Err(AdoptError::Migrate(error)) => Err(migrate_failure(error)),
        Err(error) => Err(fail(1, error)),
    }
}

fn check(database: &Database, dir: &Directory) -> Result<(), Failure> {
    let mut problems = Vec::new();
    // Declarations against the migration files' record.
    let set = migration_set(dir)?;
    let recorded = set.recorded_schema().map_err(|error| fail(1, error))?;
    if SchemaSnapshot::of(&recorded) != SchemaSnapshot::of(&SCHEMA) {
        problems.push(format!(
            "the declarations differ from the migrations' {SCHEMA_RECORD}: run `dify-db generate <name>`"
        ));
    }
    // Migration files against the database.
    let mut conn = connect(database)?;
    let mut runner = Runner::new(&mut conn, &set);
    match runner.status() {
        Ok(statuses) => {
            for status in statuses {
                if !status.applied {
                    problems.push(format!("migration {} is not applied", status.name));
                } else if !status.unchanged {
                    problems.push(format!(
                        "migration {} was applied, but its files have changed since",
                        status.name
                    ));
                }
            }
        }
        Err(error) => problems.push(error.to_string()),
    }
    // A database Dify created: is it still at a revision the project knows?
    if let Some(revision) = dify_revision(&mut conn).map_err(|error| fail(1, error))? {
        let known = set.dify_revisions();
        if known.contains(&revision.as_str()) {
            println!("Dify's Alembic revision: {revision}");
        } else {
            problems.push(format!(
                "the database is at Dify's Alembic revision {revision}, which the project's migrations do not reproduce (they know {}): Dify has moved on; the differences below are what changed",
                known.join(", ")
            ));
        }
    }
    // The database against the declarations, through the catalogue.
    let live = live_tables(&mut conn).map_err(|error| fail(1, error))?;
    let ignore = dify_schema::migrate::adopt::BOOKKEEPING;
    problems.extend(
        compare(&SCHEMA, &live, &ignore)
            .iter()
            .map(ToString::to_string),
    );
    if problems.is_empty() {
        println!("no drift: declarations, migrations and the database agree");
        return Ok(());
    }
    for problem in &problems {
        println!("drift: {problem}");
    }
    Err(fail(1, format!("{} differences", problems.len())))
}

fn lint(dir: &Directory) -> Result<(), Failure> {
    let path = source_dir(dir);
    let set = MigrationSet::from_dir(&path)
        .map_err(|error| fail(1, format!("cannot read {}: {error}", path.display())))?;
    let mysql_path = mysql_dir(&path);
    let mysql = if mysql_path.is_dir() {
        MigrationSet::from_dir(&mysql_path)
            .map_err(|error| fail(1, format!("cannot read {}: {error}", mysql_path.display())))?
    } else {
        MigrationSet::new(Vec::new())
    };
    let mut count = 0;
    for migration in set.migrations().iter().chain(mysql.migrations()) {
        for line in unacknowledged(&migration.up)
            .into_iter()
            .chain(unacknowledged(&migration.down))
        {
            println!("{}: {line}", migration.name);
            count += 1;
        }
    }
    if count > 0 {
        return Err(fail(
            1,
            format!("{count} unsafe statements are not acknowledged"),
        ));
    }
    println!(
        "lint: {} migrations ({} for MySQL), no unacknowledged unsafe statements",
        set.migrations().len() + mysql.migrations().len(),
        mysql.migrations().len()
    );
    Ok(())
}

fn rollback(database: &Database, dir: &Directory, lock: &LockWait) -> Result<(), Failure> {
    let set = migration_set(dir)?;
    let mut conn = connect(database)?;
    let bar = ProgressBar::hidden();
    let name = runner(&mut conn, &set, lock)
        .rollback(|event| report(&event, &bar))
        .map_err(migrate_failure)?;
    println!("rolled back {name}");
    Ok(())
}

/// Diesel's version format, `2026-11-25-194500`, in UTC.
fn diesel_version_now() -> String {
    dify_schema::__private::now()
        .format("%Y-%m-%d-%H%M%S")
        .to_string()
}
