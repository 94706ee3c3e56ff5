//! Diesel's own tools read the same migrations: `diesel migration run`
//! applies them, and `diesel print-schema` of the result describes the same
//! tables and columns as the generated Diesel definitions.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use dify_models::SCHEMA;
use dify_schema::render::diesel::print_schema;
use dify_tests::TestDatabase;

/// The `diesel` binary (diesel_cli), which `.ci/run` installs.
fn diesel_cli() -> PathBuf {
    let candidates = std::env::var_os("PATH")
        .map(|path| {
            std::env::split_paths(&path)
                .map(|dir| dir.join("diesel"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .chain(std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo/bin/diesel")));
    for candidate in candidates {
        if candidate.is_file() {
            return candidate;
        }
    }
    panic!(
        "diesel_cli is not installed; install it with \
         `cargo install diesel_cli --no-default-features --features postgres --locked` (.ci/run does)"
    );
}

fn run(command: &mut Command) -> String {
    let output = command.output().expect("diesel_cli runs");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// table -> [(column, type)] from `diesel::table!` text.
fn tables(text: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut tables = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut sql_name: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if let Some(name) = line
            .strip_prefix("#[sql_name = \"")
            .and_then(|rest| rest.strip_suffix("\"]"))
        {
            sql_name = Some(name.to_owned());
            continue;
        }
        if line.starts_with("#[") || line.starts_with("///") {
            continue;
        }
        if line.ends_with('{') && line.contains('(') && !line.starts_with("diesel::") {
            let name = line.split_whitespace().next().unwrap().to_owned();
            tables.insert(name.clone(), Vec::new());
            current = Some(name);
            continue;
        }
        if let (Some(table), Some((column, ty))) = (&current, line.split_once(" -> ")) {
            let column = sql_name.take().unwrap_or_else(|| column.trim().to_owned());
            let ty = ty.trim_end_matches(',').trim().to_owned();
            tables.get_mut(table).unwrap().push((column, ty));
        }
        if line == "}" {
            current = None;
        }
    }
    tables
}

#[test]
fn diesel_cli_applies_the_migrations_and_print_schema_agrees() {
    let diesel = diesel_cli();
    let db = TestDatabase::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    run(Command::new(&diesel)
        .args(["migration", "run", "--migration-dir"])
        .arg(&dir)
        .args(["--database-url", db.url()]));
    let printed = run(Command::new(&diesel).args(["print-schema", "--database-url", db.url()]));

    let theirs = tables(&printed);
    let ours = tables(&print_schema(&SCHEMA));
    assert_eq!(
        theirs.len(),
        SCHEMA.tables().len(),
        "diesel print-schema lists every table:\n{printed}"
    );
    for (table, columns) in &ours {
        assert_eq!(theirs.get(table), Some(columns), "table `{table}` differs");
    }
    println!(
        "diesel print-schema: {} tables, {} columns agree",
        ours.len(),
        ours.values().map(Vec::len).sum::<usize>()
    );
}
