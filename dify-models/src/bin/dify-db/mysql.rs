//! `dify-db` on a `mysql://` URL: the same commands over
//! `migrations-mysql/` and MySQL's runner, catalogue and adopt. What MySQL
//! cannot do (row-level security, so `grant`; transactional DDL, so
//! `rollback`) is refused with a reason.

use diesel::Connection;
use dify_models::SCHEMA;
use dify_schema::introspect::mysql::{compare, expected, read};
use dify_schema::migrate::files::SCHEMA_RECORD;
use dify_schema::migrate::mysql::{
    adopt as adopt_mysql, dify_revision, MysqlAdoptError, MysqlRunner, MYSQL_BOOKKEEPING,
};
use dify_schema::migrate::snapshot::SchemaSnapshot;
use dify_schema::migrate::{Event, MigrationSet};
use dify_schema::mysql::MysqlConnection;
use indicatif::{ProgressBar, ProgressStyle};

use super::{fail, migrate_failure, report, Database, Directory, Failure, LockWait};

fn connect(database: &Database) -> Result<MysqlConnection, Failure> {
    MysqlConnection::establish(&database.database_url)
        .map_err(|error| fail(3, format!("cannot connect to the database: {error}")))
}

fn migration_set(dir: &Directory) -> Result<MigrationSet, Failure> {
    match &dir.dir {
        Some(path) => MigrationSet::from_dir(path)
            .map_err(|error| fail(1, format!("cannot read {}: {error}", path.display()))),
        None => Ok(dify_models::mysql_migrations()),
    }
}

fn runner<'a>(
    conn: &'a mut MysqlConnection,
    set: &'a MigrationSet,
    lock: &LockWait,
) -> MysqlRunner<'a> {
    let mut runner = MysqlRunner::new(conn, set);
    runner.lock_wait = lock.lock_timeout;
    runner
}

pub fn migrate(database: &Database, dir: &Directory, lock: &LockWait) -> Result<(), Failure> {
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

pub fn status(database: &Database, dir: &Directory) -> Result<(), Failure> {
    let set = migration_set(dir)?;
    let mut conn = connect(database)?;
    let mut runner = MysqlRunner::new(&mut conn, &set);
    let statuses = runner.status().map_err(|error| fail(1, error))?;
    let unfinished = runner.unfinished().map_err(|error| fail(1, error))?;
    let printed = super::print_statuses(&statuses);
    // MySQL cannot roll DDL back: say where a failed run stopped.
    for (name, applied) in &unfinished {
        println!(
            "{:>22}  {name}: {applied} statement(s) applied by a run that failed; `migrate` resumes after them",
            "partially applied"
        );
    }
    printed
}

pub fn adopt(database: &Database, dir: &Directory, lock: &LockWait) -> Result<(), Failure> {
    let set = migration_set(dir)?;
    let mut conn = connect(database)?;
    match adopt_mysql(&mut conn, &set, lock.lock_timeout) {
        Ok(adopted) => {
            println!(
                "the database is Dify's MySQL schema at Alembic revision {}",
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
        Err(MysqlAdoptError::Migrate(error)) => Err(migrate_failure(error)),
        Err(error) => Err(fail(1, error)),
    }
}

pub fn check(database: &Database, dir: &Directory) -> Result<(), Failure> {
    let mut problems = Vec::new();
    let set = migration_set(dir)?;
    let recorded = set.recorded_schema().map_err(|error| fail(1, error))?;
    if SchemaSnapshot::of_mysql(&recorded) != SchemaSnapshot::of_mysql(&SCHEMA) {
        problems.push(format!(
            "the declarations differ from the MySQL migrations' {SCHEMA_RECORD}: run `dify-db generate <name>`"
        ));
    }
    let mut conn = connect(database)?;
    match MysqlRunner::new(&mut conn, &set).status() {
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
    if let Some(revision) = dify_revision(&mut conn).map_err(|error| fail(1, error))? {
        let known = set.dify_revisions();
        if known.contains(&revision.as_str()) {
            println!("Dify's Alembic revision: {revision}");
        } else {
            problems.push(format!(
                "the database is at Dify's Alembic revision {revision}, which the project's MySQL migrations do not reproduce (they know {}): Dify has moved on; the differences below are what changed",
                known.join(", ")
            ));
        }
    }
    let live = read(&mut conn).map_err(|error| fail(1, error))?;
    problems.extend(
        compare(&expected(&SCHEMA), &live, &MYSQL_BOOKKEEPING)
            .iter()
            .map(ToString::to_string),
    );
    if problems.is_empty() {
        println!("no drift: declarations, MySQL migrations and the database agree");
        return Ok(());
    }
    for problem in &problems {
        println!("drift: {problem}");
    }
    Err(fail(1, format!("{} differences", problems.len())))
}

/// Commands MySQL cannot serve, with the reason.
pub fn unsupported(command: &str) -> Failure {
    let why = match command {
        "grant" => {
            "MySQL has no row-level security, so there are no dify_service/dify_trusted roles to grant; \
             give the login table privileges with GRANT (the scopes' typed API is the only wall between workspaces on MySQL)"
        }
        "rollback" => {
            "MySQL commits each DDL statement by itself, so a migration cannot be reverted atomically; \
             run the migration's down.sql by hand and delete its version from __diesel_schema_migrations and __dify_schema_migrations"
        }
        _ => "this command does not take a database",
    };
    fail(2, format!("`{command}` is not available on MySQL: {why}"))
}
