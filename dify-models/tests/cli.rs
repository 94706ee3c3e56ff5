//! `dify-db` as an operator runs it: exit codes, messages, `--help`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use diesel::connection::SimpleConnection;
use dify_tests::TestDatabase;

fn dify_db(args: &[&str], database: Option<&TestDatabase>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dify-db"));
    command.args(args).env_remove("DATABASE_URL");
    if let Some(db) = database {
        command.env("DATABASE_URL", db.url());
    }
    command.output().expect("dify-db runs")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A scratch copy of the project's migrations.
fn copy_migrations(name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let to = std::env::temp_dir().join(format!("dify-db-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy_dir(&from, &to);
    to
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn every_command_has_help() {
    for command in [
        "migrate",
        "status",
        "generate",
        "adopt",
        "check",
        "print-schema",
        "lint",
        "rollback",
        "grant",
        "purge",
        "restore",
        "partitions",
    ] {
        let output = dify_db(&[command, "--help"], None);
        assert!(
            output.status.success(),
            "{command} --help: {}",
            text(&output)
        );
        assert!(text(&output).contains("Usage: dify-db"), "{command}");
        // The commands that take the migration lock can bound the wait,
        // and so can a purge's batches (each waits that long for its row locks).
        let locks = ["migrate", "adopt", "rollback", "purge"].contains(&command);
        assert_eq!(
            text(&output).contains("--lock-timeout <DURATION>"),
            locks,
            "{command} --help: {}",
            text(&output)
        );
    }
    let help = dify_db(&["--help"], None);
    assert!(
        text(&help).contains("4 gave up waiting for the migration lock"),
        "the exit codes are in the help: {}",
        text(&help)
    );
}

/// With `--lock-timeout`, a command that needs the migration lock while
/// another session holds it gives up after that long, names the holder's
/// pid and exits 4 (not 1: nothing failed, try again later).
#[test]
fn a_held_migration_lock_makes_lock_timeout_give_up_with_exit_4_naming_the_holder() {
    use diesel::RunQueryDsl;

    #[derive(diesel::QueryableByName)]
    struct Pid {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        pid: i32,
    }

    // A database Dify created, so that `adopt` too gets as far as the lock.
    let db = TestDatabase::dify_created();
    let mut holder = db.connect();
    diesel::sql_query("SELECT pg_advisory_lock($1)")
        .bind::<diesel::sql_types::BigInt, _>(dify_schema::migrate::runner::LOCK_KEY)
        .execute(&mut holder)
        .unwrap();
    let pid = diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(&mut holder)
        .unwrap()
        .pid;
    for command in ["migrate", "rollback", "adopt"] {
        let started = std::time::Instant::now();
        let output = dify_db(&[command, "--lock-timeout", "300ms"], Some(&db));
        assert_eq!(
            output.status.code(),
            Some(4),
            "{command}: {}",
            text(&output)
        );
        assert!(
            text(&output).contains(&format!("held by pid {pid}")),
            "{command} names the holder {pid}: {}",
            text(&output)
        );
        assert!(
            started.elapsed() >= std::time::Duration::from_millis(300),
            "{command} waited"
        );
    }
    drop(holder);
    let status = dify_db(&["status"], Some(&db));
    assert!(
        !text(&status).contains("applied "),
        "nothing ran: {}",
        text(&status)
    );

    // Not a duration: a usage error.
    let output = dify_db(&["migrate", "--lock-timeout", "soon"], Some(&db));
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("30s"), "{}", text(&output));
}

#[test]
fn migrate_applies_then_finds_nothing_and_check_sees_no_drift() {
    let db = TestDatabase::new();
    let first = dify_db(&["migrate"], Some(&db));
    assert!(first.status.success(), "{}", text(&first));
    assert!(text(&first).contains("applied "), "{}", text(&first));
    let second = dify_db(&["migrate"], Some(&db));
    assert!(second.status.success());
    assert!(
        text(&second).contains("nothing to migrate"),
        "{}",
        text(&second)
    );
    let status = dify_db(&["status"], Some(&db));
    assert!(
        status.status.success() && text(&status).contains("applied"),
        "{}",
        text(&status)
    );
    let check = dify_db(&["check"], Some(&db));
    assert!(check.status.success(), "{}", text(&check));

    // A change made behind the migrations' back is drift: exit 1.
    db.connect()
        .batch_execute("ALTER TABLE apps ADD COLUMN surprise text")
        .unwrap();
    let check = dify_db(&["check"], Some(&db));
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains("apps.surprise"), "{}", text(&check));
}

#[test]
fn a_failing_migration_exits_non_zero_with_the_statement() {
    let dir = copy_migrations("failing");
    let bad = dir.join("9999-01-01-000000-00_bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("up.sql"),
        "CREATE TABLE half (id int);\nSELECT * FROM no_such_table;\n",
    )
    .unwrap();
    std::fs::write(bad.join("down.sql"), "DROP TABLE half;\n").unwrap();
    let db = TestDatabase::new();
    let output = dify_db(&["migrate", "--dir", dir.to_str().unwrap()], Some(&db));
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        text(&output).contains("SELECT * FROM no_such_table"),
        "{}",
        text(&output)
    );
    assert!(
        text(&output).contains("9999-01-01-000000-00_bad"),
        "{}",
        text(&output)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_edited_applied_migration_fails_migrate_and_check_by_name() {
    let dir = copy_migrations("edited");
    let db = TestDatabase::new();
    let dir_arg = dir.to_str().unwrap().to_owned();
    assert!(dify_db(&["migrate", "--dir", &dir_arg], Some(&db))
        .status
        .success());
    let first = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .min()
        .expect("a migration");
    let up = first.join("up.sql");
    let sql = std::fs::read_to_string(&up).unwrap();
    std::fs::write(&up, format!("{sql}\n-- an innocent-looking edit\n")).unwrap();
    let name = first.file_name().unwrap().to_string_lossy().into_owned();
    for command in ["migrate", "check"] {
        let output = dify_db(&[command, "--dir", &dir_arg], Some(&db));
        assert_eq!(
            output.status.code(),
            Some(1),
            "{command}: {}",
            text(&output)
        );
        assert!(
            text(&output).contains(&name),
            "{command} names the migration: {}",
            text(&output)
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn rollback_reverts_the_last_migration() {
    let db = TestDatabase::new();
    assert!(dify_db(&["migrate"], Some(&db)).status.success());
    let output = dify_db(&["rollback"], Some(&db));
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("rolled back"), "{}", text(&output));
    let status = dify_db(&["status"], Some(&db));
    assert!(text(&status).contains("pending"), "{}", text(&status));
}

#[test]
fn generate_writes_nothing_when_the_declarations_match_and_lint_passes() {
    let dir = copy_migrations("generate");
    let output = dify_db(
        &["generate", "nothing_new", "--dir", dir.to_str().unwrap()],
        None,
    );
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains("nothing to generate"),
        "{}",
        text(&output)
    );
    let lint = dify_db(&["lint", "--dir", dir.to_str().unwrap()], None);
    assert!(lint.status.success(), "{}", text(&lint));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn generate_from_scratch_writes_the_initial_migration() {
    let dir = std::env::temp_dir().join(format!("dify-db-scratch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let output = dify_db(
        &["generate", "initial", "--dir", dir.to_str().unwrap()],
        None,
    );
    assert!(output.status.success(), "{}", text(&output));
    assert!(dir.join("schema.json").exists());
    let written: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .collect();
    assert_eq!(written.len(), 1, "one migration for a fresh schema");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn without_a_database_it_says_so_and_exits_2_or_3() {
    let missing = dify_db(&["migrate"], None);
    assert_eq!(
        missing.status.code(),
        Some(2),
        "no DATABASE_URL is a usage error: {}",
        text(&missing)
    );
    let output = Command::new(env!("CARGO_BIN_EXE_dify-db"))
        .args([
            "status",
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", text(&output));
    assert!(
        text(&output).contains("cannot connect"),
        "{}",
        text(&output)
    );
}

#[test]
fn print_schema_prints_diesel_tables() {
    let output = dify_db(&["print-schema"], None);
    assert!(output.status.success());
    let printed = text(&output);
    assert!(
        printed.contains("diesel::table! {\n    apps (id) {"),
        "{printed}"
    );

    // Two `joinable!`s between the same two tables (two columns, or one
    // each way) implement the same join twice and do not compile; such
    // pairs are printed as comments, as Diesel CLI leaves them out.
    let mut pairs = std::collections::BTreeSet::new();
    for line in printed
        .lines()
        .filter(|line| line.starts_with("diesel::joinable!("))
    {
        let inner = &line["diesel::joinable!(".len()..];
        let (child, rest) = inner.split_once(" -> ").expect("child -> parent");
        let parent = rest.split_once(' ').expect("parent (column)").0;
        let pair = if child < parent {
            (child, parent)
        } else {
            (parent, child)
        };
        assert!(
            pairs.insert(pair),
            "a second joinable! for {pair:?}:\n{line}"
        );
    }
    assert!(pairs.len() > 100, "{} joinable!s", pairs.len());
    assert!(
        printed.contains("// diesel::joinable!(conversations -> accounts"),
        "conversations and accounts are related twice: {printed}"
    );
}

/// `grant --service` lets the Rust service's role in under row-level
/// security (its start-up check then passes); `grant --trusted` gives a
/// role of Dify's full access without a tenant.
#[test]
fn grant_makes_a_service_role_and_a_trusted_role() {
    use dify_tests::TestRole;

    let db = TestDatabase::new();
    assert!(dify_db(&["migrate"], Some(&db)).status.success());
    // Login roles that belong to no group yet.
    let service = TestRole::create_as(&db, "svc", "pg_monitor");
    let python = TestRole::create_as(&db, "py", "pg_monitor");
    let granted = dify_db(&["grant", service.name(), "--service"], Some(&db));
    assert!(granted.status.success(), "{}", text(&granted));
    let granted = dify_db(&["grant", python.name(), "--trusted"], Some(&db));
    assert!(granted.status.success(), "{}", text(&granted));
    assert_eq!(
        dify_schema::rls::verify(&mut service.connect(), &dify_models::SCHEMA).unwrap(),
        vec![]
    );
    let count = python
        .connect()
        .batch_execute("SELECT count(*) FROM account_integrates; UPDATE apps SET name = name");
    assert!(count.is_ok(), "{count:?}");
    // One of the two is required.
    let neither = dify_db(&["grant", "someone"], Some(&db));
    assert_eq!(neither.status.code(), Some(2), "{}", text(&neither));
}

/// `adopt` a database Dify created, then `migrate` applies only the
/// project's row-level security, and `check` is clean; once a newer Dify
/// has changed it (a column, a table, a default, its Alembic revision),
/// `check` names each change and exits 1.
#[test]
fn adopt_then_check_names_what_a_newer_dify_changed() {
    let db = TestDatabase::dify_created();
    let adopted = dify_db(&["adopt"], Some(&db));
    assert!(adopted.status.success(), "{}", text(&adopted));
    assert!(
        text(&adopted).contains(dify_tests::DIFY_REVISION),
        "{}",
        text(&adopted)
    );
    let migrated = dify_db(&["migrate"], Some(&db));
    assert!(migrated.status.success(), "{}", text(&migrated));
    assert!(
        text(&migrated).contains("row_level_security"),
        "{}",
        text(&migrated)
    );
    assert_eq!(
        text(&migrated).matches("applied ").count(),
        1,
        "{}",
        text(&migrated)
    );
    let check = dify_db(&["check"], Some(&db));
    assert!(check.status.success(), "{}", text(&check));

    db.connect()
        .batch_execute(
            "ALTER TABLE apps ADD COLUMN newer_flag boolean DEFAULT false NOT NULL; \
             CREATE TABLE newer_things (id uuid PRIMARY KEY); \
             ALTER TABLE documents ALTER COLUMN doc_form SET DEFAULT 'qa_model'; \
             UPDATE alembic_version SET version_num = 'd1e2f3a4b5c6';",
        )
        .unwrap();
    let check = dify_db(&["check"], Some(&db));
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    for expected in [
        "d1e2f3a4b5c6",
        "apps.newer_flag",
        "newer_things",
        "documents.doc_form",
    ] {
        assert!(
            text(&check).contains(expected),
            "{expected} in:\n{}",
            text(&check)
        );
    }
}

/// `adopt` refuses a database that differs from Dify's schema at its
/// revision, listing the differences, and records nothing.
#[test]
fn adopt_refuses_a_database_that_differs() {
    let db = TestDatabase::dify_created();
    db.connect()
        .batch_execute("ALTER TABLE messages DROP COLUMN app_mode")
        .unwrap();
    let adopted = dify_db(&["adopt"], Some(&db));
    assert_eq!(adopted.status.code(), Some(1), "{}", text(&adopted));
    assert!(
        text(&adopted).contains("messages.app_mode"),
        "{}",
        text(&adopted)
    );
    let status = dify_db(&["status"], Some(&db));
    assert!(text(&status).contains("pending"), "{}", text(&status));
    assert!(!text(&status).contains("applied "), "{}", text(&status));
}

/// `dify-db` with a `mysql://` URL, as an operator runs it on MariaDB.
fn dify_db_mysql(args: &[&str], db: &dify_tests::mysql::MysqlTestDatabase) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dify-db"));
    command
        .args(args)
        .env_remove("DATABASE_URL")
        .args(["--database-url", db.url()]);
    command.output().expect("dify-db runs")
}

/// An empty MySQL database: `migrate` builds Dify's MySQL schema, after
/// which `status` lists it applied, `check` is clean and `migrate` has
/// nothing to do.
#[test]
fn migrate_status_and_check_on_mysql() {
    let Some(db) = dify_tests::mysql::MysqlTestDatabase::new() else {
        return;
    };
    let migrated = dify_db_mysql(&["migrate"], &db);
    assert!(migrated.status.success(), "{}", text(&migrated));
    assert!(text(&migrated).contains("applied "), "{}", text(&migrated));
    let status = dify_db_mysql(&["status"], &db);
    assert!(status.status.success(), "{}", text(&status));
    assert!(!text(&status).contains("pending"), "{}", text(&status));
    let check = dify_db_mysql(&["check"], &db);
    assert!(check.status.success(), "{}", text(&check));
    let again = dify_db_mysql(&["migrate"], &db);
    assert!(
        text(&again).contains("nothing to migrate"),
        "{}",
        text(&again)
    );
}

/// Dify's MySQL database is adopted, `check` passes and `migrate` has
/// nothing left; once changed the way a newer Dify would, `check` names
/// each change, and `adopt` refuses such a database.
#[test]
fn adopt_then_check_on_a_database_dify_created_on_mysql() {
    use diesel::connection::SimpleConnection;
    let Some(db) = dify_tests::mysql::MysqlTestDatabase::dify_created() else {
        return;
    };
    let adopted = dify_db_mysql(&["adopt"], &db);
    assert!(adopted.status.success(), "{}", text(&adopted));
    assert!(
        text(&adopted).contains(dify_tests::DIFY_REVISION),
        "{}",
        text(&adopted)
    );
    let check = dify_db_mysql(&["check"], &db);
    assert!(check.status.success(), "{}", text(&check));
    let migrated = dify_db_mysql(&["migrate"], &db);
    assert!(
        text(&migrated).contains("nothing to migrate"),
        "{}",
        text(&migrated)
    );

    let newer = "ALTER TABLE apps ADD COLUMN newer_flag tinyint(1) NOT NULL DEFAULT 0; \
                 DROP INDEX message_account_idx ON messages";
    db.connect()
        .batch_execute(&format!(
            "{newer}; UPDATE alembic_version SET version_num = 'd1e2f3a4b5c6'"
        ))
        .unwrap();
    let check = dify_db_mysql(&["check"], &db);
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    for expected in ["d1e2f3a4b5c6", "apps.newer_flag", "message_account_idx"] {
        assert!(
            text(&check).contains(expected),
            "{expected} in:\n{}",
            text(&check)
        );
    }

    let Some(fresh) = dify_tests::mysql::MysqlTestDatabase::dify_created() else {
        return;
    };
    fresh.connect().batch_execute(newer).unwrap();
    let refused = dify_db_mysql(&["adopt"], &fresh);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    for expected in ["apps.newer_flag", "message_account_idx"] {
        assert!(
            text(&refused).contains(expected),
            "{expected} in:\n{}",
            text(&refused)
        );
    }
}

/// What MySQL cannot do is refused with the reason, exit 2, never a panic.
#[test]
fn grant_and_rollback_say_why_mysql_cannot() {
    let Some(db) = dify_tests::mysql::MysqlTestDatabase::new() else {
        return;
    };
    for (args, reason) in [
        (
            &["grant", "rust_api", "--service"][..],
            "row-level security",
        ),
        (&["rollback"][..], "DDL"),
    ] {
        let output = dify_db_mysql(args, &db);
        assert_eq!(output.status.code(), Some(2), "{}", text(&output));
        assert!(text(&output).contains(reason), "{}", text(&output));
        assert!(!text(&output).contains("panicked"), "{}", text(&output));
    }
}

/// A digest of every run and node execution, to compare a database
/// with itself before a purge and after its archive is restored.
fn digest(db: &TestDatabase) -> String {
    use diesel::{QueryableByName, RunQueryDsl};
    #[derive(QueryableByName)]
    struct Digest {
        #[diesel(sql_type = diesel::sql_types::Text)]
        digest: String,
    }
    let row: Digest = diesel::sql_query(
        "SELECT md5(
           (SELECT coalesce(string_agg(row_to_json(r)::text, '' ORDER BY id), '') FROM workflow_runs r) ||
           (SELECT coalesce(string_agg(row_to_json(n)::text, '' ORDER BY id), '') FROM workflow_node_executions n)
         ) AS digest",
    )
    .get_result(&mut db.connect())
    .unwrap();
    row.digest
}

fn count(db: &TestDatabase, sql: &str) -> i64 {
    use diesel::{QueryableByName, RunQueryDsl};
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(sql)
        .get_result::<N>(&mut db.connect())
        .unwrap()
        .n
}

/// `dify-db purge --archive` killed with SIGKILL in the middle, then run
/// again: every expired run and node execution is gone, every recent one
/// is there, and `dify-db restore` gives back the database as it was,
/// byte for byte, however the kill fell between a batch's archive and its
/// commit.
#[test]
fn a_killed_purge_reruns_to_the_end_and_its_archive_restores_everything() {
    let db = TestDatabase::dify_created();
    db.connect()
        .batch_execute(
            "WITH run AS (
               INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from, version,
                 status, created_by_role, created_by, created_at)
               SELECT '00000000-0000-0000-0000-00000000000a', gen_random_uuid(), gen_random_uuid(),
                 'workflow', 'app-run', 'v1', 'succeeded', 'account', gen_random_uuid(),
                 (now() AT TIME ZONE 'UTC') - make_interval(days => CASE WHEN g % 10 = 0 THEN 5 ELSE 40 + g % 60 END,
                                                            secs => g)
               FROM generate_series(1, 1500) g RETURNING id, tenant_id, app_id, workflow_id, created_at)
             INSERT INTO workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from,
               workflow_run_id, index, node_id, node_type, title, status, created_by_role, created_by, created_at)
             SELECT tenant_id, app_id, workflow_id, 'workflow-run', id, i, 'n', 'llm', 't', 'succeeded',
               'account', gen_random_uuid(), created_at FROM run, generate_series(1, 3) i;",
        )
        .unwrap();
    let before = digest(&db);
    let recent = "SELECT count(*) AS n FROM workflow_runs WHERE created_at > (now() AT TIME ZONE 'UTC') - interval '30 days'";
    let expired = "SELECT count(*) AS n FROM workflow_runs WHERE created_at < (now() AT TIME ZONE 'UTC') - interval '30 days'";
    let (recent_runs, expired_runs) = (count(&db, recent), count(&db, expired));
    assert_eq!((recent_runs, expired_runs), (150, 1350));

    let archive = std::env::temp_dir().join(format!(
        "dify-db-killed-{}",
        dify_schema::types::Uuid::new_v4()
    ));
    let archive_arg = archive.to_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dify-db"))
        .args([
            "purge",
            "--table",
            "workflow_runs",
            "--batch-size",
            "10",
            "--pause",
            "10ms",
        ])
        .args(["--archive", archive_arg])
        .env("DATABASE_URL", db.url())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while count(&db, expired) > expired_runs - 300 {
        assert!(
            std::time::Instant::now() < deadline,
            "the purge made no progress"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let midway = count(&db, expired);
    assert!(
        midway > 0 && midway < expired_runs,
        "killed mid-way: {midway} expired runs left"
    );

    let rerun = dify_db(
        &[
            "purge",
            "--table",
            "workflow_runs",
            "--archive",
            archive_arg,
        ],
        Some(&db),
    );
    assert!(rerun.status.success(), "{}", text(&rerun));
    assert_eq!((count(&db, recent), count(&db, expired)), (recent_runs, 0));
    assert_eq!(
        count(&db, "SELECT count(*) AS n FROM workflow_node_executions n WHERE NOT EXISTS (SELECT 1 FROM workflow_runs r WHERE r.id = n.workflow_run_id)"),
        0,
        "no node execution outlives its run"
    );

    let restored = dify_db(&["restore", archive_arg], Some(&db));
    assert!(restored.status.success(), "{}", text(&restored));
    assert!(
        text(&restored).contains("restored 5400 rows"),
        "{}",
        text(&restored)
    );
    assert_eq!(digest(&db), before, "the archive gives back what went");
    std::fs::remove_dir_all(&archive).ok();
}

#[test]
fn purge_dry_run_prints_rows_per_table_and_workspace_and_deletes_nothing() {
    let db = TestDatabase::dify_created();
    db.connect()
        .batch_execute(
            "INSERT INTO workflow_runs (tenant_id, app_id, workflow_id, type, triggered_from, version,
               status, created_by_role, created_by, created_at)
             SELECT '00000000-0000-0000-0000-00000000000b', gen_random_uuid(), gen_random_uuid(),
               'workflow', 'app-run', 'v1', 'succeeded', 'account', gen_random_uuid(),
               (now() AT TIME ZONE 'UTC') - interval '45 days'
             FROM generate_series(1, 7);",
        )
        .unwrap();
    let output = dify_db(&["purge", "--dry-run"], Some(&db));
    assert!(output.status.success(), "{}", text(&output));
    let out = text(&output);
    assert!(
        out.lines().any(|line| line.starts_with("workflow_runs")
            && line.contains("00000000-0000-0000-0000-00000000000b")
            && line.trim_end().ends_with(" 7")),
        "{out}"
    );
    assert_eq!(count(&db, "SELECT count(*) AS n FROM workflow_runs"), 7);
    // A second purge while one holds the lock is refused.
    let mut holder = db.connect();
    holder
        .batch_execute("SELECT pg_advisory_lock(hashtext('dify_purge')::bigint)")
        .unwrap();
    let refused = dify_db(&["purge"], Some(&db));
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(
        text(&refused).contains("another purge is running"),
        "{}",
        text(&refused)
    );
    assert_eq!(count(&db, "SELECT count(*) AS n FROM workflow_runs"), 7);
}
