//! Dify's own cleanup, by hand: the statements of
//! `api/schedule/clean_workflow_runlogs_precise.py` with its default
//! `WORKFLOW_LOG_CLEANUP_BATCH_SIZE` of 100, in the order and transactions
//! SQLAlchemy sends them through psycopg2.
//!
//! psycopg2 interpolates parameters on the client, so the server sees
//! each statement as text with literals (`IN ('…', '…')`, a
//! `'…'::timestamp` cut) and parses and plans it afresh; the simple query
//! protocol here does the same. The session opens a transaction at its
//! first statement (the count, then each batch's `SELECT … LIMIT`), and
//! `begin_nested()` wraps the deletes in a savepoint released just before
//! the commit. Python's own time (SQLAlchemy building the statements) is
//! not reproduced: this is Dify's SQL at its fastest.

use postgres::{Client, SimpleQueryMessage};

const BATCH_SIZE: usize = 100;

/// What the cleanup deleted.
#[derive(Debug, Default)]
pub struct Report {
    /// The first `count(*)`.
    pub counted: u64,
    pub runs: u64,
    pub nodes: u64,
    pub app_logs: u64,
    pub messages: u64,
    pub batches: u64,
}

/// Runs the cleanup with `cutoff` (Python's `datetime.now() -
/// timedelta(days=30)`, as psycopg2 renders a naive datetime).
pub fn clean(
    db: &mut Client,
    cutoff: &str,
    mut progress: impl FnMut(&Report),
) -> Result<Report, postgres::Error> {
    let mut report = Report::default();
    let cut = format!("'{cutoff}'::timestamp");
    db.batch_execute("BEGIN")?;
    let count = rows(
        db,
        &format!(
            "SELECT count(*) AS count_1 FROM workflow_runs WHERE workflow_runs.created_at < {cut}"
        ),
    )?;
    report.counted = count[0][0].parse().expect("a count");
    if report.counted == 0 {
        db.batch_execute("ROLLBACK")?;
        return Ok(report);
    }
    let mut open = true;
    loop {
        if !open {
            db.batch_execute("BEGIN")?;
        }
        // No ORDER BY: whichever expired rows the plan meets first.
        let ids: Vec<String> = rows(
            db,
            &format!(
                "SELECT workflow_runs.id AS workflow_runs_id FROM workflow_runs \
                 WHERE workflow_runs.created_at < {cut} LIMIT {BATCH_SIZE}"
            ),
        )?
        .into_iter()
        .map(|mut row| row.remove(0))
        .collect();
        if ids.is_empty() {
            // The session's transaction ends when it is closed.
            db.batch_execute("ROLLBACK")?;
            break;
        }
        let runs = in_list(&ids);
        db.batch_execute("SAVEPOINT sa_savepoint_1")?;
        let messages = rows(
            db,
            &format!(
                "SELECT messages.id AS messages_id, messages.conversation_id AS messages_conversation_id \
                 FROM messages WHERE messages.workflow_run_id IN ({runs})"
            ),
        )?;
        let message_ids: Vec<String> = messages.iter().map(|row| row[0].clone()).collect();
        let mut conversation_ids: Vec<String> = messages
            .iter()
            .map(|row| row[1].clone())
            .filter(|c| !c.is_empty())
            .collect();
        conversation_ids.sort();
        conversation_ids.dedup();
        if !message_ids.is_empty() {
            let list = in_list(&message_ids);
            for table in [
                "app_annotation_hit_histories",
                "message_agent_thoughts",
                "message_chains",
                "message_files",
                "message_annotations",
                "message_feedbacks",
            ] {
                execute(
                    db,
                    &format!("DELETE FROM {table} WHERE {table}.message_id IN ({list})"),
                )?;
            }
            report.messages += execute(
                db,
                &format!("DELETE FROM messages WHERE messages.workflow_run_id IN ({runs})"),
            )?;
        }
        report.app_logs += execute(
            db,
            &format!(
                "DELETE FROM workflow_app_logs WHERE workflow_app_logs.workflow_run_id IN ({runs})"
            ),
        )?;
        report.nodes += execute(
            db,
            &format!("DELETE FROM workflow_node_executions WHERE workflow_node_executions.workflow_run_id IN ({runs})"),
        )?;
        if !conversation_ids.is_empty() {
            let list = in_list(&conversation_ids);
            execute(
                db,
                &format!(
                    "DELETE FROM workflow_conversation_variables \
                     WHERE workflow_conversation_variables.conversation_id IN ({list})"
                ),
            )?;
            execute(
                db,
                &format!("DELETE FROM conversations WHERE conversations.id IN ({list})"),
            )?;
        }
        report.runs += execute(
            db,
            &format!("DELETE FROM workflow_runs WHERE workflow_runs.id IN ({runs})"),
        )?;
        db.batch_execute("RELEASE SAVEPOINT sa_savepoint_1")?;
        db.batch_execute("COMMIT")?;
        open = false;
        report.batches += 1;
        progress(&report);
    }
    Ok(report)
}

/// `'a', 'b', …`: how psycopg2 writes a list of string ids.
fn in_list(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("'{id}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A statement's rows as text (NULL as empty).
fn rows(db: &mut Client, sql: &str) -> Result<Vec<Vec<String>>, postgres::Error> {
    Ok(db
        .simple_query(sql)?
        .into_iter()
        .filter_map(|message| match message {
            SimpleQueryMessage::Row(row) => Some(
                (0..row.len())
                    .map(|i| row.get(i).unwrap_or_default().to_owned())
                    .collect(),
            ),
            _ => None,
        })
        .collect())
}

/// A statement's affected rows.
fn execute(db: &mut Client, sql: &str) -> Result<u64, postgres::Error> {
    Ok(db
        .simple_query(sql)?
        .into_iter()
        .map(|message| match message {
            SimpleQueryMessage::CommandComplete(n) => n,
            _ => 0,
        })
        .sum())
}
