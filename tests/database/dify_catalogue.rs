//! The declared schema against Dify's own: the DDL rendered from `SCHEMA`
//! is applied to an empty database, the database's catalogue is read back,
//! and every table, column (SQL type, nullability, server default), index
//! (columns, order, uniqueness, WHERE, method), unique constraint, primary
//! key and foreign key is compared with the catalogue of Dify's models in
//! `tests/reference/dify_schema.json` (a copy of the reference catalogue:
//! 108 tables read from langgenius/dify `api/models/*.py`).
//!
//! The figures are printed (`cargo test ... dify_catalogue -- --nocapture`);
//! the eight domains of the brief must match fully, and so must the rest,
//! apart from the differences listed in `DELIBERATE`, each with its reason.

use std::collections::{BTreeMap, BTreeSet};

use diesel::connection::SimpleConnection;
use dify_models::SCHEMA;
use dify_schema::introspect::{live_tables, normalize_sql, LiveIndex, LiveTable};
use dify_schema::render::postgres;
use dify_tests::TestDatabase;
use serde_json::Value;

/// Indexes Dify added after the catalogue's snapshot of its models, checked
/// exactly as the catalogue's own are: (table, name, columns, WHERE).
/// Dify's migration e288952f2994 (2026-02-26) created both for the
/// conversation lists; the declarations follow it. (Its later e5d7a95e676f,
/// 2026-04-02, drops `conversations.is_deleted` and re-creates them without
/// the WHERE; the catalogue, and so these declarations, still have the
/// column.)
const ADDED_UPSTREAM: &[(&str, &str, &[&str], &str)] = &[
    (
        "conversations",
        "conversation_app_created_at_idx",
        &["app_id", "created_at DESC"],
        "is_deleted IS false",
    ),
    (
        "conversations",
        "conversation_app_updated_at_idx",
        &["app_id", "updated_at DESC"],
        "is_deleted IS false",
    ),
];

/// The catalogue's domains that the brief calls the eight domains.
const EIGHT_DOMAINS: [&str; 8] = [
    "account",
    "application",
    "conversation",
    "knowledge",
    "workflow",
    "tools",
    "file",
    "tagging",
];

/// Where the applied schema differs from the catalogue on purpose:
/// `(table, column, what, why)`.
const DELIBERATE: &[(&str, &str, &str, &str)] = &[(
    "oauth_provider_apps",
    "id",
    "default",
    "Dify's `uuidv7()` server default needs a function PostgreSQL 15 does not have \
     (Dify's migrations create it); the id is filled in by the insert instead (`client_default = uuid7`)",
)];

/// What the catalogue records that a table's DDL cannot show, so the
/// comparison cannot see it either; printed with the figures.
const NOT_IN_THE_DDL: &[(&str, &str)] = &[
    (
        "invitation_codes.id",
        "an autoincrementing (serial) key in Dify; the DSL has no serial or sequence, so the \
         column is a plain integer key the insert must fill",
    ),
    (
        "celery_taskmeta.id, celery_tasksetmeta.id",
        "SQLAlchemy draws them from the sequences `task_id_sequence` and `taskset_id_sequence`, \
         which are separate objects the DSL cannot create (the columns themselves have no default)",
    ),
];

fn catalogue() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/reference/dify_schema.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    serde_json::from_str(&text).unwrap()
}

/// `character varying(255)` and `varchar(255)`, `numeric(10,7)` and
/// `numeric(10, 7)` are the same type.
fn normalize_type(sql_type: &str) -> String {
    sql_type
        .to_ascii_lowercase()
        .replace("character varying", "varchar")
        .replace(' ', "")
}

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// An index as the catalogue describes it and as the database has it, in
/// one spelling: `UNIQUE btree (a, b DESC) WHERE ...`.
fn describe(columns: &[String], unique: bool, method: &str, predicate: Option<&str>) -> String {
    let mut out = format!(
        "{}{} ({})",
        if unique { "UNIQUE " } else { "" },
        method,
        columns.join(", ")
    );
    if let Some(predicate) = predicate {
        out.push_str(&format!(" WHERE {}", normalize_sql(predicate)));
    }
    out
}

fn describe_live(index: &LiveIndex) -> String {
    let columns: Vec<String> = index
        .columns
        .iter()
        .zip(&index.descending)
        .map(|(column, desc)| {
            if *desc {
                format!("{column} DESC")
            } else {
                column.clone()
            }
        })
        .collect();
    describe(
        &columns,
        index.unique,
        &index.method,
        index.predicate.as_deref(),
    )
}

#[derive(Default)]
struct Figures {
    tables: (usize, usize),
    columns: (usize, usize),
    types: usize,
    nullability: usize,
    defaults: usize,
    indexes: (usize, usize),
    unique_constraints: (usize, usize),
    primary_keys: (usize, usize),
    foreign_keys: (usize, usize),
}

/// Compares one catalogue table with the live one; every mismatch goes to
/// `problems` unless `DELIBERATE` lists it, in which case it goes to `deliberate`.
fn compare_table(
    expected: &Value,
    live: Option<&LiveTable>,
    figures: &mut Figures,
    problems: &mut Vec<String>,
    deliberate: &mut Vec<String>,
) {
    let table = text(expected, "table");
    let columns = expected["columns"].as_array().unwrap();
    let indexes = expected["indexes"].as_array().unwrap();
    let uniques = expected["unique_constraints"].as_array().unwrap();
    let foreign_keys = expected["foreign_keys"].as_array().unwrap();
    figures.tables.1 += 1;
    figures.columns.1 += columns.len();
    let added_upstream: Vec<_> = ADDED_UPSTREAM
        .iter()
        .filter(|(added_to, ..)| *added_to == table)
        .collect();
    figures.indexes.1 += indexes.len() + added_upstream.len();
    figures.unique_constraints.1 += uniques.len();
    figures.primary_keys.1 += 1;
    figures.foreign_keys.1 += foreign_keys.len();
    let Some(live) = live else {
        problems.push(format!("table `{table}` is not in the applied schema"));
        return;
    };
    figures.tables.0 += 1;
    let mut report = |column: &str, what: &str, message: String| match DELIBERATE
        .iter()
        .find(|(t, c, w, _)| *t == table && *c == column && *w == what)
    {
        Some((_, _, _, why)) => deliberate.push(format!("{message}: {why}")),
        None => problems.push(message),
    };

    // Columns: SQL type, nullability, server default.
    for column in columns {
        let name = text(column, "name");
        let Some(live_column) = live.columns.iter().find(|c| c.name == name) else {
            report(
                &name,
                "column",
                format!("column `{table}.{name}` is missing"),
            );
            continue;
        };
        let mut matched = true;
        let expected_type = normalize_type(&text(column, "pg_type"));
        if normalize_type(&live_column.sql_type) == expected_type {
            figures.types += 1;
        } else {
            matched = false;
            report(
                &name,
                "type",
                format!(
                    "column `{table}.{name}` is `{}`, Dify's is `{expected_type}`",
                    live_column.sql_type
                ),
            );
        }
        let nullable = column["nullable"].as_bool().unwrap();
        if live_column.nullable == nullable {
            figures.nullability += 1;
        } else {
            matched = false;
            report(
                &name,
                "nullable",
                format!(
                    "column `{table}.{name}` is {}NULL, Dify's is {}NULL",
                    if live_column.nullable { "" } else { "NOT " },
                    if nullable { "" } else { "NOT " }
                ),
            );
        }
        let expected_default = column["server_default"].as_str().map(normalize_sql);
        let live_default = live_column.default.as_deref().map(normalize_sql);
        if expected_default == live_default {
            figures.defaults += 1;
        } else {
            report(
                &name,
                "default",
                format!(
                    "column `{table}.{name}` defaults to {:?}, Dify's to {:?}",
                    live_column.default,
                    column["server_default"].as_str()
                ),
            );
        }
        if matched {
            figures.columns.0 += 1;
        }
    }
    for live_column in &live.columns {
        if !columns.iter().any(|c| text(c, "name") == live_column.name) {
            report(
                &live_column.name,
                "column",
                format!("column `{table}.{}` is not Dify's", live_column.name),
            );
        }
    }

    // Indexes, unique constraints and the primary key, each by name.
    let mut expected_names = BTreeSet::new();
    let mut check_index = |name: String,
                           description: String,
                           constraint: Option<char>,
                           counter: &mut usize,
                           problems: &mut Vec<String>| {
        expected_names.insert(name.clone());
        match live.indexes.iter().find(|index| index.name == name) {
            None => problems.push(format!("index `{name}` on `{table}` is missing")),
            Some(index) if describe_live(index) != description => problems.push(format!(
                "index `{name}` on `{table}` is {}, Dify's is {description}",
                describe_live(index)
            )),
            Some(index) if index.constraint != constraint => problems.push(format!(
                "index `{name}` on `{table}` is {:?}, Dify's is {constraint:?} (p = primary key, u = unique constraint)",
                index.constraint
            )),
            Some(_) => *counter += 1,
        }
    };
    for index in indexes {
        let columns = strings(&index["columns"]);
        let method = index["using"].as_str().unwrap_or("btree");
        let description = describe(
            &columns,
            index["unique"].as_bool().unwrap(),
            method,
            index["where"].as_str(),
        );
        check_index(
            text(index, "name"),
            description,
            None,
            &mut figures.indexes.0,
            problems,
        );
    }
    for (_, name, columns, predicate) in added_upstream {
        let columns: Vec<String> = columns.iter().map(|column| column.to_string()).collect();
        check_index(
            name.to_string(),
            describe(&columns, false, "btree", Some(predicate)),
            None,
            &mut figures.indexes.0,
            problems,
        );
    }
    for unique in uniques {
        let description = describe(&strings(&unique["columns"]), true, "btree", None);
        check_index(
            text(unique, "name"),
            description,
            Some('u'),
            &mut figures.unique_constraints.0,
            problems,
        );
    }
    let key = &expected["primary_key"];
    let description = describe(&strings(&key["columns"]), true, "btree", None);
    check_index(
        text(key, "name"),
        description,
        Some('p'),
        &mut figures.primary_keys.0,
        problems,
    );
    for index in &live.indexes {
        if !expected_names.contains(&index.name) {
            problems.push(format!("index `{}` on `{table}` is not Dify's", index.name));
        }
    }

    // Foreign keys (Dify declares three).
    for foreign_key in foreign_keys {
        let name = text(foreign_key, "name");
        let column = strings(&foreign_key["columns"]).remove(0);
        let parent = text(foreign_key, "ref_table");
        if live
            .foreign_keys
            .iter()
            .any(|fk| fk.name == name && fk.column == column && fk.parent_table == parent)
        {
            figures.foreign_keys.0 += 1;
        } else {
            problems.push(format!(
                "foreign key `{name}` ({table}.{column} -> {parent}) is missing"
            ));
        }
    }
    for fk in &live.foreign_keys {
        if !foreign_keys.iter().any(|f| text(f, "name") == fk.name) {
            problems.push(format!(
                "foreign key `{}` on `{table}` is not Dify's",
                fk.name
            ));
        }
    }
}

fn print_figures(label: &str, figures: &Figures) {
    let f = figures;
    println!(
        "{label:<24} tables {}/{}, columns {}/{} (types {}, nullability {}, server defaults {}), \
         indexes {}/{}, unique constraints {}/{}, primary keys {}/{}, foreign keys {}/{}",
        f.tables.0,
        f.tables.1,
        f.columns.0,
        f.columns.1,
        f.types,
        f.nullability,
        f.defaults,
        f.indexes.0,
        f.indexes.1,
        f.unique_constraints.0,
        f.unique_constraints.1,
        f.primary_keys.0,
        f.primary_keys.1,
        f.foreign_keys.0,
        f.foreign_keys.1,
    );
}

fn add(sum: &mut Figures, figures: &Figures) {
    let pairs = [
        (&mut sum.tables, figures.tables),
        (&mut sum.columns, figures.columns),
        (&mut sum.indexes, figures.indexes),
        (&mut sum.unique_constraints, figures.unique_constraints),
        (&mut sum.primary_keys, figures.primary_keys),
        (&mut sum.foreign_keys, figures.foreign_keys),
    ];
    for (total, (matched, all)) in pairs {
        total.0 += matched;
        total.1 += all;
    }
    sum.types += figures.types;
    sum.nullability += figures.nullability;
    sum.defaults += figures.defaults;
}

struct Comparison {
    /// Figures and mismatches per catalogue domain.
    by_domain: BTreeMap<String, (Figures, Vec<String>)>,
    /// The `DELIBERATE` differences found, with their reasons.
    deliberate: Vec<String>,
    /// Live tables the catalogue does not have.
    extra: Vec<String>,
}

fn compare_catalogue(catalogue: &Value, live: &BTreeMap<String, LiveTable>) -> Comparison {
    let expected_tables = catalogue["tables"].as_array().unwrap();
    let mut by_domain: BTreeMap<String, (Figures, Vec<String>)> = BTreeMap::new();
    let mut deliberate = Vec::new();
    for expected in expected_tables {
        let domain = text(expected, "domain");
        let (figures, problems) = by_domain.entry(domain).or_default();
        compare_table(
            expected,
            live.get(&text(expected, "table")),
            figures,
            problems,
            &mut deliberate,
        );
    }
    let catalogued: BTreeSet<String> = expected_tables.iter().map(|t| text(t, "table")).collect();
    // Row-level security's keys are the one table the project adds.
    let extra = live
        .keys()
        .filter(|t| !catalogued.contains(*t) && *t != dify_schema::rls::KEYS_TABLE)
        .cloned()
        .collect();
    Comparison {
        by_domain,
        deliberate,
        extra,
    }
}

#[test]
fn the_applied_schema_is_difys_schema() {
    let catalogue = catalogue();
    let expected_tables = catalogue["tables"].as_array().unwrap();
    assert_eq!(
        expected_tables.len(),
        catalogue["table_count"].as_u64().unwrap() as usize
    );

    let db = TestDatabase::new();
    let mut conn = db.connect();
    conn.batch_execute(&postgres::create_schema(&SCHEMA))
        .unwrap();
    let live = live_tables(&mut conn).unwrap();

    let Comparison {
        by_domain,
        deliberate,
        extra,
    } = compare_catalogue(&catalogue, &live);

    println!("Dify's catalogue against the applied DDL (tests/reference/dify_schema.json):");
    let mut total = Figures::default();
    let mut eight = Figures::default();
    for (domain, (figures, _)) in &by_domain {
        print_figures(domain, figures);
        add(&mut total, figures);
        if EIGHT_DOMAINS.contains(&domain.as_str()) {
            add(&mut eight, figures);
        }
    }
    print_figures("the eight domains", &eight);
    print_figures("all domains", &total);
    println!("tables in the applied schema that Dify's catalogue does not have: {extra:?}");
    println!("deliberately different ({}):", deliberate.len());
    for line in &deliberate {
        println!("  {line}");
    }
    println!("recorded by the catalogue but not part of a table's DDL:");
    for (what, why) in NOT_IN_THE_DDL {
        println!("  {what}: {why}");
    }
    let mut all_problems = Vec::new();
    for (domain, (_, problems)) in &by_domain {
        for problem in problems {
            println!("  MISMATCH [{domain}] {problem}");
            all_problems.push(format!("[{domain}] {problem}"));
        }
    }

    for (domain, (figures, problems)) in &by_domain {
        if EIGHT_DOMAINS.contains(&domain.as_str()) {
            assert!(
                problems.is_empty(),
                "domain `{domain}` differs from Dify's schema:\n{}",
                problems.join("\n")
            );
            assert_eq!(figures.tables.0, figures.tables.1);
        }
    }
    assert!(
        all_problems.is_empty(),
        "the schema differs from Dify's:\n{}",
        all_problems.join("\n")
    );
    assert!(extra.is_empty(), "tables Dify does not have: {extra:?}");
    assert_eq!(
        deliberate.len(),
        DELIBERATE.len(),
        "each deliberate difference is still there (or remove it from DELIBERATE)"
    );
}

/// The comparison must see each kind of difference, or the test above
/// could pass with a comparator that looks at nothing.
#[test]
fn the_comparison_sees_each_kind_of_difference() {
    let catalogue = catalogue();
    let db = TestDatabase::new();
    let mut conn = db.connect();
    conn.batch_execute(&postgres::create_schema(&SCHEMA))
        .unwrap();
    conn.batch_execute(
        "ALTER TABLE sites ALTER COLUMN title TYPE varchar(100);
         ALTER TABLE workflow_runs ALTER COLUMN error SET NOT NULL;
         ALTER TABLE tags ALTER COLUMN type SET DEFAULT 'app';
         ALTER TABLE tag_bindings DROP COLUMN target_id;
         ALTER TABLE end_users ADD COLUMN surprise text;
         DROP INDEX message_app_mode_idx;
         DROP INDEX document_metadata_idx;
         CREATE INDEX document_metadata_idx ON documents (doc_metadata);
         DROP INDEX workflow_node_executions_tenant_id_idx;
         CREATE INDEX workflow_node_executions_tenant_id_idx
             ON workflow_node_executions (tenant_id, workflow_id, node_id, created_at);
         ALTER TABLE installed_apps DROP CONSTRAINT unique_tenant_app;
         ALTER TABLE messages DROP CONSTRAINT messages_conversation_id_fkey;
         CREATE TABLE surplus (id uuid PRIMARY KEY);",
    )
    .unwrap();
    let comparison = compare_catalogue(&catalogue, &live_tables(&mut conn).unwrap());
    let problems: Vec<&String> = comparison
        .by_domain
        .values()
        .flat_map(|(_, problems)| problems)
        .collect();
    let expected = [
        "column `sites.title` is `varchar(100)`, Dify's is `varchar(255)`",
        "column `workflow_runs.error` is NOT NULL, Dify's is NULL",
        "column `tags.type` defaults to",
        "column `tag_bindings.target_id` is missing",
        // Dropping the column drops its index too.
        "index `tag_bind_target_id_idx` on `tag_bindings` is missing",
        "column `end_users.surprise` is not Dify's",
        "index `message_app_mode_idx` on `messages` is missing",
        "index `document_metadata_idx` on `documents` is btree (doc_metadata), Dify's is gin (doc_metadata)",
        "index `workflow_node_executions_tenant_id_idx` on `workflow_node_executions` is btree (tenant_id, workflow_id, node_id, created_at), Dify's is btree (tenant_id, workflow_id, node_id, created_at DESC)",
        "index `unique_tenant_app` on `installed_apps` is missing",
        "foreign key `messages_conversation_id_fkey` (messages.conversation_id -> conversations) is missing",
    ];
    for wanted in expected {
        assert!(
            problems.iter().any(|problem| problem.starts_with(wanted)),
            "`{wanted}` not reported in:\n{problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    assert_eq!(comparison.extra, vec!["surplus".to_owned()]);
}
