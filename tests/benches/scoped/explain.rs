//! `--explain`: the plans of the SQL our accessors send, at the data set's
//! scale. The statements are captured from the connection (Diesel's
//! instrumentation, with their binds), prepared again on a plain client
//! and explained twice: `EXPLAIN (ANALYZE)` with the captured values (the
//! custom plan) and with `plan_cache_mode = force_generic_plan` (the plan
//! a prepared statement may settle on). A sequential scan of messages,
//! conversations, documents, document_segments, workflow_runs or
//! workflow_node_executions fails the run.

use std::sync::{Arc, Mutex};

use diesel::connection::{Connection, InstrumentationEvent};
use diesel::sql_types::Text;
use diesel::{QueryableByName, RunQueryDsl};
use dify_models::app::App;
use dify_models::conversation::{Conversation, Message};
use dify_models::dataset::{Document, DocumentSegment};
use dify_models::workflow::{WorkflowNodeExecutionModel, WorkflowRun};
use dify_schema::{with_tenant, Cursor, Error, OrderKey, Page};
use serde_json::Value;

use super::data::{BenchDatabase, Samples};
use super::hand::sql;

/// The tables of issue 6 that must never be read by a sequential scan.
const WATCHED: &[&str] = &[
    "messages",
    "conversations",
    "documents",
    "document_segments",
    "workflow_runs",
    "workflow_node_executions",
];

struct Captured {
    label: String,
    sql: String,
    binds: Vec<Option<String>>,
    /// An accessor's statement (a seq scan fails the run), or a
    /// hand-written one shown for comparison.
    accessor: bool,
}

/// Runs the checks; false when an accessor's plan scans a watched table
/// sequentially.
pub fn run(db: &BenchDatabase, samples: &Samples) -> bool {
    let captured = capture(db, samples);
    let mut client = db.client();
    let mut failures: Vec<String> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    println!();
    println!("## EXPLAIN of the accessors' SQL (custom plan with ANALYZE, then the generic plan)");
    for c in &captured {
        let custom = explain(&mut client, c, false);
        let generic = explain(&mut client, c, true);
        let (Ok(custom), Ok(generic)) = (custom, generic) else {
            println!("\n### {}\n  could not explain: {}", c.label, c.sql);
            continue;
        };
        let mut seq: Vec<String> = Vec::new();
        for (kind, plan) in [("custom", &custom), ("generic", &generic)] {
            for relation in seq_scans(plan) {
                if WATCHED.contains(&relation.as_str()) {
                    seq.push(format!("Seq Scan on {relation} ({kind} plan)"));
                }
            }
        }
        // An index scan that reads far more than it returns is a seq scan
        // in disguise: report it (a warning, not a failure).
        for (relation, read, returned) in wasted_reads(&custom) {
            let note = format!(
                "{}: read {read} rows of {relation} through the index to return {returned}",
                c.label
            );
            if c.accessor {
                warnings.push(note);
            }
        }
        let verdict = if seq.is_empty() {
            "ok".to_owned()
        } else if c.accessor {
            failures.push(format!("{}: {}", c.label, seq.join(", ")));
            format!("SEQ SCAN: {}", seq.join(", "))
        } else {
            format!("seq scan (not an accessor): {}", seq.join(", "))
        };
        let time = custom
            .get("Execution Time")
            .and_then(Value::as_f64)
            .unwrap_or(f64::NAN);
        println!("\n### {} [{verdict}] {:.3} ms", c.label, time);
        println!("  {}", shorten(&compact_sql(&c.sql), 600));
        println!("  custom plan:");
        print_plan(&custom["Plan"], 2);
        let generic_shape = shape(&generic["Plan"]);
        if generic_shape != shape(&custom["Plan"]) {
            println!("  generic plan (differs):");
            print_plan(&generic["Plan"], 2);
        } else {
            println!("  generic plan: same shape");
        }
    }
    println!();
    if !warnings.is_empty() {
        println!("Index scans that filter away most of what they read (keyset or order not in the index):");
        for warning in &warnings {
            println!("  - {warning}");
        }
        println!();
    }
    if failures.is_empty() {
        println!("EXPLAIN check: no sequential scan of {WATCHED:?} in the accessors' plans.");
        true
    } else {
        println!("EXPLAIN check FAILED: sequential scans in the accessors' plans:");
        for failure in &failures {
            println!("  - {failure}");
        }
        false
    }
}

/// Runs each accessor once in a scope and keeps the statements it sent.
fn capture(db: &BenchDatabase, samples: &Samples) -> Vec<Captured> {
    let mut conn = db.connect();
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = log.clone();
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            sink.lock().unwrap().push(query.to_string());
        }
    });
    let t = &samples.tenants[0];
    let m = t.messages[t.messages.len() / 2];
    let (_, document) = t.documents[0];
    let mut out: Vec<Captured> = Vec::new();
    let mut take = |label: &str| {
        for text in log.lock().unwrap().drain(..) {
            let (sql, binds) = match text.split_once(" -- binds: ") {
                Some((sql, binds)) => (sql.to_owned(), parse_binds(binds)),
                None => (text.clone(), Vec::new()),
            };
            out.push(Captured {
                label: label.to_owned(),
                sql,
                binds,
                accessor: true,
            });
        }
    };
    with_tenant(&mut conn, t.tenant, t.owner, |scope| -> Result<(), Error> {
        take("enter a scope (tenant setting + role)");
        let cursor = Cursor {
            created_at: Some(m.created_at),
            id: m.id,
        };

        scope.lookup::<Message>(m.id)?.expect("message");
        take("find messages (lookup)");
        scope.list::<Message>(Page::first(20))?;
        take("list messages, first page");
        scope.list::<Message>(Page::after(cursor, 20))?;
        take("list messages, keyset page");
        scope.list::<Message>(Page::offset(1000, 20))?;
        take("list messages, offset 1000");
        let app = scope.lookup::<App>(m.app)?.expect("app");
        take("find apps (lookup)");
        scope.children::<Message, _>(app.id(), Page::first(20))?;
        take("children messages of an app, first page");
        scope.children::<Message, _>(app.id(), Page::after(cursor, 20))?;
        take("children messages of an app, keyset page");
        scope.count::<Message>()?;
        take("count messages");

        let conversation = scope
            .lookup::<Conversation>(m.conversation)?
            .expect("conversation");
        take("find conversations (lookup)");
        let cursor = conversation.cursor();
        scope.list::<Conversation>(Page::first(20))?;
        take("list conversations, first page");
        scope.list::<Conversation>(Page::after(cursor, 20))?;
        take("list conversations, keyset page");
        scope.children::<Conversation, _>(app.id(), Page::first(20))?;
        take("children conversations of an app, first page");
        scope.children::<Conversation, _>(app.id(), Page::after(cursor, 20))?;
        take("children conversations of an app, keyset page");
        scope.count::<Conversation>()?;
        take("count conversations");

        let document = scope.lookup::<Document>(document)?.expect("document");
        take("find documents (lookup)");
        scope.list::<Document>(Page::first(20))?;
        take("list documents, first page");
        scope.list::<Document>(Page::after(document.cursor(), 20))?;
        take("list documents, keyset page");
        scope.count::<Document>()?;
        take("count documents");

        let segments = scope.list::<DocumentSegment>(Page::first(20))?;
        take("list document_segments, first page");
        let segment = segments.last().expect("a segment");
        scope.lookup::<DocumentSegment>(segment.id)?;
        take("find document_segments (lookup)");
        scope.list::<DocumentSegment>(Page::after(segment.cursor(), 20))?;
        take("list document_segments, keyset page");
        scope.count::<DocumentSegment>()?;
        take("count document_segments");

        let (run, node) = *t.workflow_runs.first().expect("a sampled workflow run");
        let run = scope.lookup::<WorkflowRun>(run)?.expect("workflow run");
        take("find workflow_runs (lookup)");
        scope.list::<WorkflowRun>(Page::first(20))?;
        take("list workflow_runs, first page");
        scope.list::<WorkflowRun>(Page::after(run.cursor(), 20))?;
        take("list workflow_runs, keyset page");
        scope.count::<WorkflowRun>()?;
        take("count workflow_runs");
        let node = scope
            .lookup::<WorkflowNodeExecutionModel>(node)?
            .expect("node execution");
        take("find workflow_node_executions (lookup)");
        scope.list::<WorkflowNodeExecutionModel>(Page::first(20))?;
        take("list workflow_node_executions, first page");
        scope.list::<WorkflowNodeExecutionModel>(Page::after(node.cursor(), 20))?;
        take("list workflow_node_executions, keyset page");
        scope.count::<WorkflowNodeExecutionModel>()?;
        take("count workflow_node_executions");
        Ok(())
    })
    .expect("the accessors run");
    take("leave the scope");
    statements_per_scope(&mut conn, &out, samples);

    // Hand-written statements, for comparison (they do not fail the run).
    let tenant = t.tenant.to_string();
    let extra: [(&str, &str, Vec<String>); 3] = [
        (
            "join messages -> conversations -> apps for a tenant (no accessor)",
            sql::JOIN,
            vec![tenant, "20".into()],
        ),
        (
            "messages of a conversation, newest first (Dify's query; no accessor)",
            "SELECT * FROM messages WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT $2",
            vec![m.conversation.to_string(), "20".into()],
        ),
        (
            "children messages keyset as a row comparison (a possible fix)",
            "SELECT * FROM messages WHERE app_id = $1 AND (created_at, id) > ($2, $3) \
             ORDER BY created_at, id LIMIT $4",
            vec![
                m.app.to_string(),
                m.created_at.to_string(),
                m.id.to_string(),
                "20".into(),
            ],
        ),
    ];
    for (label, sql, binds) in extra {
        out.push(Captured {
            label: label.to_owned(),
            sql: sql.to_owned(),
            binds: binds.into_iter().map(Some).collect(),
            accessor: false,
        });
    }
    out.retain(|c| {
        let head = c.sql.trim_start();
        !(head.starts_with("BEGIN") || head.starts_with("COMMIT"))
    });
    out
}

#[derive(QueryableByName)]
struct PreparedRow {
    #[diesel(sql_type = Text)]
    statement: String,
}

/// How many statements a scope sends around its operations, and which of
/// them the connection keeps as prepared statements.
fn statements_per_scope(conn: &mut diesel::PgConnection, out: &[Captured], samples: &Samples) {
    let enter = out
        .iter()
        .filter(|c| c.label.starts_with("enter") || c.label.starts_with("leave"))
        .count();
    println!();
    println!(
        "A scope sends {enter} statements besides its operations (BEGIN, the tenant/role \
         statement, COMMIT)."
    );
    // Run a few more scopes, then ask the server what is prepared.
    let t = &samples.tenants[0];
    for _ in 0..3 {
        with_tenant(conn, t.tenant, t.owner, |scope| -> Result<(), Error> {
            scope.lookup::<Message>(t.messages[0].id)?;
            Ok(())
        })
        .unwrap();
    }
    // An insert, rolled back (a scope rolls back when its closure fails).
    let m = t.messages[0];
    let _ = with_tenant(conn, t.tenant, t.owner, |scope| -> Result<(), Error> {
        let app = scope.lookup::<App>(m.app)?.expect("app");
        let conversation = scope
            .lookup::<Conversation>(m.conversation)?
            .expect("conversation");
        let new = super::forms::new_message(app.id(), conversation.id(), "explain: rolled back");
        scope.insert::<Message>(new)?;
        Err(Error::Forbidden {
            need: "nothing: roll back",
            role: scope.role(),
        })
    });
    let prepared: Vec<PreparedRow> =
        diesel::sql_query("SELECT statement FROM pg_prepared_statements ORDER BY prepare_time")
            .load(conn)
            .unwrap();
    let enter_cached = prepared
        .iter()
        .any(|p| p.statement.contains("set_config('app.tenant_id'"));
    let insert_cached = prepared
        .iter()
        .any(|p| p.statement.starts_with("INSERT INTO messages "));
    println!(
        "Prepared statements cached on the scope's connection: {}; the enter statement is {}; \
         the insert of a message is {}.",
        prepared.len(),
        if enter_cached {
            "cached"
        } else {
            "NOT cached (diesel::sql_query: parsed and planned on every scope)"
        },
        if insert_cached {
            "cached"
        } else {
            "NOT cached (parsed and planned on every insert)"
        }
    );
}

/// Diesel's debug list of binds (`[6f1c..., 20, false]`) as SQL literals.
fn parse_binds(text: &str) -> Vec<Option<String>> {
    let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
    if inner.trim().is_empty() {
        return Vec::new();
    }
    let mut values = Vec::new();
    let mut current = String::new();
    let mut in_string = false;
    let mut depth = 0i32;
    let mut chars = inner.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => {
                in_string = !in_string;
                current.push(ch);
            }
            '\\' if in_string => {
                current.push(ch);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '(' | '[' | '{' if !in_string => {
                depth += 1;
                current.push(ch);
            }
            ')' | ']' | '}' if !in_string => {
                depth -= 1;
                current.push(ch);
            }
            ',' if !in_string && depth == 0 => {
                values.push(bind_value(current.trim()));
                current.clear();
            }
            _ => current.push(ch),
        }
    }
    values.push(bind_value(current.trim()));
    values
}

fn bind_value(token: &str) -> Option<String> {
    let token = token
        .strip_prefix("Some(")
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(token);
    if token == "None" {
        return None;
    }
    let token = token
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(token);
    Some(token.to_owned())
}

fn literal(value: &Option<String>) -> String {
    match value {
        None => "NULL".into(),
        Some(v) => format!("'{}'", v.replace('\'', "''")),
    }
}

/// The JSON plan of one statement (the top object: Plan, Execution Time).
fn explain(client: &mut postgres::Client, c: &Captured, generic: bool) -> Result<Value, String> {
    let run = |client: &mut postgres::Client, sql: &str| -> Result<Vec<String>, String> {
        let messages = client.simple_query(sql).map_err(|e| e.to_string())?;
        Ok(messages
            .into_iter()
            .filter_map(|m| match m {
                postgres::SimpleQueryMessage::Row(row) => row.get(0).map(str::to_owned),
                _ => None,
            })
            .collect())
    };
    let _ = run(client, "DEALLOCATE ALL");
    run(client, &format!("PREPARE bench_q AS {}", c.sql))?;
    let args = if c.binds.is_empty() {
        String::new()
    } else {
        format!(
            "({})",
            c.binds.iter().map(literal).collect::<Vec<_>>().join(", ")
        )
    };
    let result = if generic {
        run(client, "SET plan_cache_mode = force_generic_plan")?;
        let r = run(
            client,
            &format!("EXPLAIN (FORMAT JSON) EXECUTE bench_q{args}"),
        );
        run(client, "RESET plan_cache_mode")?;
        r
    } else {
        run(
            client,
            &format!("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE bench_q{args}"),
        )
    };
    let _ = run(client, "DEALLOCATE bench_q");
    let text = result?.join("");
    let json: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(json[0].clone())
}

fn nodes<'a>(plan: &'a Value, out: &mut Vec<&'a Value>) {
    out.push(plan);
    if let Some(children) = plan.get("Plans").and_then(Value::as_array) {
        for child in children {
            nodes(child, out);
        }
    }
}

fn seq_scans(top: &Value) -> Vec<String> {
    let mut all = Vec::new();
    nodes(&top["Plan"], &mut all);
    all.iter()
        .filter(|n| n["Node Type"] == "Seq Scan")
        .filter_map(|n| n["Relation Name"].as_str().map(str::to_owned))
        .collect()
}

/// Scans of watched tables whose filter removed more than 1,000 rows and
/// ten times what they returned: (relation, rows read, rows returned).
fn wasted_reads(top: &Value) -> Vec<(String, u64, u64)> {
    let mut all = Vec::new();
    nodes(&top["Plan"], &mut all);
    all.iter()
        .filter_map(|n| {
            let relation = n["Relation Name"].as_str()?;
            let loops = n["Actual Loops"].as_f64().unwrap_or(1.0);
            let removed = n["Rows Removed by Filter"].as_f64()? * loops;
            let returned = n["Actual Rows"].as_f64().unwrap_or(0.0) * loops;
            (WATCHED.contains(&relation) && removed > 1000.0 && removed > 10.0 * returned).then(
                || {
                    (
                        relation.to_owned(),
                        (removed + returned) as u64,
                        returned as u64,
                    )
                },
            )
        })
        .collect()
}

fn shape(plan: &Value) -> Vec<String> {
    let mut all = Vec::new();
    nodes(plan, &mut all);
    all.iter()
        .map(|n| {
            format!(
                "{} {} {}",
                n["Node Type"].as_str().unwrap_or(""),
                n["Index Name"].as_str().unwrap_or(""),
                n["Relation Name"].as_str().unwrap_or("")
            )
        })
        .collect()
}

fn print_plan(node: &Value, depth: usize) {
    let mut line = format!(
        "{}{}",
        "  ".repeat(depth),
        node["Node Type"].as_str().unwrap_or("?")
    );
    if let Some(index) = node["Index Name"].as_str() {
        line.push_str(&format!(" using {index}"));
    }
    if let Some(relation) = node["Relation Name"].as_str() {
        line.push_str(&format!(" on {relation}"));
    }
    if let Some(rows) = node["Actual Rows"].as_f64() {
        let loops = node["Actual Loops"].as_f64().unwrap_or(1.0);
        line.push_str(&format!(" (rows={rows}"));
        if loops != 1.0 {
            line.push_str(&format!(" x{loops} loops"));
        }
        if let Some(removed) = node["Rows Removed by Filter"].as_f64() {
            if removed > 0.0 {
                line.push_str(&format!(", removed by filter={removed}"));
            }
        }
        line.push(')');
    } else if let Some(rows) = node["Plan Rows"].as_f64() {
        line.push_str(&format!(" (est. rows={rows})"));
    }
    for key in ["Index Cond", "Filter", "Sort Key", "Presorted Key"] {
        if let Some(v) = node.get(key) {
            let text = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            line.push_str(&format!("  {key}: {}", shorten(&text, 140)));
        }
    }
    println!("{line}");
    if let Some(children) = node.get("Plans").and_then(Value::as_array) {
        for child in children {
            print_plan(child, depth + 1);
        }
    }
}

/// The SQL with a plain select list shown as `<N columns>`, so the
/// predicate and the order are what is read.
fn compact_sql(sql: &str) -> String {
    let Some(rest) = sql.strip_prefix("SELECT ") else {
        return sql.to_owned();
    };
    let Some(from) = rest.find(" FROM ") else {
        return sql.to_owned();
    };
    let list = &rest[..from];
    if list.contains('(') || !list.contains(',') {
        return sql.to_owned();
    }
    format!(
        "SELECT <{} columns>{}",
        list.split(',').count(),
        &rest[from..]
    )
}

fn shorten(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &text[..end])
}
