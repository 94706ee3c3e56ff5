//! The partitioned layout (`#[partition(by = created_at, interval = month)]`):
//! keeping partitions ahead of the clock, and purging a month whose rows
//! have all expired by detaching and dropping it instead of deleting rows.
//!
//! Partitions are named `<table>_pYYYY_MM` (`render::postgres::create_partitions`)
//! and hold `[first of the month, first of the next)`, so the bounds are
//! read from the name. A month goes whole only when it ends before the
//! earliest cut of every workspace (an override that keeps rows longer,
//! or forever, keeps the month); its children are deleted first in
//! batches, its rows archived if asked, then it is detached
//! (`CONCURRENTLY`: writers to other months do not wait) and dropped.
//! A purge killed in between finds a detach pending (finished with
//! `FINALIZE`) or a detached table (dropped) on its next run.

use diesel::connection::SimpleConnection;
use diesel::sql_types::{Bool, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

use super::archive::Writer;
use super::error::PurgeError;
use super::options::{PurgeOptions, PurgeReport};
use super::plan::Root;
use super::run::{begin, delete_children, in_transaction};
use super::sql;
use crate::quote::{ident, string_literal};
use crate::render::postgres::create_partitions;
use crate::schema::{Schema, Table};

/// Creates the partitions of every partitioned table up to `months`
/// months ahead of the current one, where missing.
pub fn ensure_ahead(
    conn: &mut PgConnection,
    schema: &Schema,
    months: u32,
) -> Result<(), PurgeError> {
    for table in schema.tables().filter(|table| table.partition.is_some()) {
        conn.batch_execute(&create_partitions(
            table,
            "now() AT TIME ZONE 'UTC'",
            months + 1,
        ))?;
    }
    Ok(())
}

/// Creates, where missing, the partition holding `day` (`YYYY-MM-DD`):
/// what a restore of old rows needs.
pub(super) fn ensure_day(
    conn: &mut PgConnection,
    table: &Table,
    day: &str,
) -> Result<(), PurgeError> {
    if table.partition.is_some() {
        let from = format!("{}::timestamp", string_literal(day));
        conn.batch_execute(&create_partitions(table, &from, 1))?;
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Part {
    #[diesel(sql_type = Text)]
    name: String,
    /// Still attached (a detached one is left over from a killed purge).
    #[diesel(sql_type = Bool)]
    attached: bool,
    #[diesel(sql_type = Bool)]
    pending: bool,
}

/// Detaches and drops the root's partitions whose every row has expired
/// for every workspace, children first.
pub(super) fn drop_expired(
    conn: &mut PgConnection,
    root: &Root,
    cuts: &sql::Cuts,
    options: &PurgeOptions,
    mut archive: Option<&mut Writer>,
    report: &mut PurgeReport,
) -> Result<(), PurgeError> {
    let table = root.table;
    match &table.partition {
        Some(partition) if partition.column == root.column => {}
        _ => return Ok(()),
    }
    // The earliest cut: a month ending before it has expired everywhere.
    let Some(earliest) = std::iter::once(&cuts.default)
        .chain(cuts.overrides.iter().map(|(_, cut)| cut))
        .min()
        .cloned()
    else {
        return Ok(());
    };
    if earliest == "-infinity" {
        return Ok(());
    }
    let parts: Vec<Part> = diesel::sql_query(
        "SELECT c.relname::text AS name, i.inhrelid IS NOT NULL AS attached, \
                COALESCE(i.inhdetachpending, false) AS pending \
         FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid \
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' \
           AND c.relname ~ ('^' || $1 || '_p[0-9]{4}_[0-9]{2}$') \
         ORDER BY c.relname",
    )
    .bind::<Text, _>(regex_escape(&table.name))
    .load(conn)?;
    for part in parts {
        let Some(end) = month_end(&table.name, &part.name) else {
            continue;
        };
        if end > earliest {
            break;
        }
        let name = ident(&part.name);
        if part.attached && !part.pending {
            delete_children_of(
                conn,
                root,
                &part.name,
                options,
                archive.as_deref_mut(),
                report,
            )?;
            if let Some(writer) = archive.as_deref_mut() {
                archive_rows(conn, root, &part.name, options, writer)?;
            }
        }
        let rows = count(conn, &part.name)?;
        if part.pending {
            conn.batch_execute(&format!(
                "ALTER TABLE {} DETACH PARTITION {name} FINALIZE",
                ident(&table.name)
            ))?;
        } else if part.attached {
            conn.batch_execute(&format!(
                "ALTER TABLE {} DETACH PARTITION {name} CONCURRENTLY",
                ident(&table.name)
            ))?;
        }
        conn.batch_execute(&format!("DROP TABLE {name}"))?;
        *report.deleted.entry(table.name.to_string()).or_default() += rows;
        report.dropped_partitions.push(part.name);
    }
    Ok(())
}

/// `2026_11` of `<table>_p2026_11` as the first instant after it, in the
/// cuts' text form, so the two compare as text.
fn month_end(table: &str, partition: &str) -> Option<String> {
    let suffix = partition.strip_prefix(table)?.strip_prefix("_p")?;
    let (year, month) = suffix.split_once('_')?;
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    let (year, month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    Some(format!("{year:04}-{month:02}-01 00:00:00.000000"))
}

fn regex_escape(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            let escape = !c.is_ascii_alphanumeric() && c != '_';
            escape.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

fn count(conn: &mut PgConnection, partition: &str) -> Result<u64, PurgeError> {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: N = diesel::sql_query(format!("SELECT count(*) AS n FROM {}", ident(partition)))
        .get_result(conn)?;
    Ok(n.n as u64)
}

/// Walks the partition's rows by key, deleting their children in batches.
fn delete_children_of(
    conn: &mut PgConnection,
    root: &Root,
    partition: &str,
    options: &PurgeOptions,
    mut archive: Option<&mut Writer>,
    report: &mut PurgeReport,
) -> Result<(), PurgeError> {
    if root.children.is_empty() {
        return Ok(());
    }
    let mut after: Option<String> = None;
    loop {
        let page = keys(conn, root, partition, after.as_deref(), options.batch_size)?;
        let Some(last) = page.last().map(|(key, _)| key.clone()) else {
            return Ok(());
        };
        // Children are archived under their root's day, one batch per day.
        let mut by_day: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (key, day) in page {
            by_day.entry(day).or_default().push(key);
        }
        for (day, keys) in by_day {
            let deleted = in_transaction(conn, &begin(options), |conn| {
                let mut deleted = Vec::new();
                let mut archived = Vec::new();
                delete_children(
                    conn,
                    &root.children,
                    &root.key.sql_type,
                    &keys,
                    archive.is_some(),
                    &mut deleted,
                    &mut archived,
                )?;
                if let Some(writer) = archive.as_deref_mut().filter(|_| !archived.is_empty()) {
                    writer.write_batch(&day, archived)?;
                }
                Ok(deleted)
            })?;
            for (table, rows) in deleted {
                *report.deleted.entry(table).or_default() += rows;
            }
            report.batches += 1;
        }
        after = Some(last);
    }
}

/// Copies the partition's rows into the archive, a day per batch.
fn archive_rows(
    conn: &mut PgConnection,
    root: &Root,
    partition: &str,
    options: &PurgeOptions,
    writer: &mut Writer,
) -> Result<(), PurgeError> {
    let column = ident(root.column);
    let key = ident(root.key.name);
    let mut after: Option<(String, String)> = None;
    loop {
        let mut statement = format!(
            "SELECT row_to_json(p)::text AS json, p.{column}::date::text AS day, p.{column}::text AS at, p.{key}::text AS id FROM {} p",
            ident(partition)
        );
        if let Some((at, id)) = &after {
            statement.push_str(&format!(
                " WHERE (p.{column}, p.{key}) > ({}::timestamp, {}::{})",
                string_literal(at),
                string_literal(id),
                root.key.sql_type
            ));
        }
        statement.push_str(&format!(
            " ORDER BY p.{column}, p.{key} LIMIT {}",
            options.batch_size.max(1) * 10
        ));
        #[derive(QueryableByName)]
        struct Full {
            #[diesel(sql_type = Text)]
            json: String,
            #[diesel(sql_type = Text)]
            day: String,
            #[diesel(sql_type = Text)]
            at: String,
            #[diesel(sql_type = Text)]
            id: String,
        }
        let rows: Vec<Full> = diesel::sql_query(statement).load(conn)?;
        let Some(last) = rows.last().map(|r| (r.at.clone(), r.id.clone())) else {
            return Ok(());
        };
        let mut by_day: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for row in rows {
            by_day.entry(row.day).or_default().push(row.json);
        }
        for (day, rows) in by_day {
            writer.write_batch(&day, vec![(root.table.name.to_string(), rows)])?;
        }
        after = Some(last);
    }
}

/// A page of the partition's keys after `after`, with each row's day.
fn keys(
    conn: &mut PgConnection,
    root: &Root,
    partition: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<(String, String)>, PurgeError> {
    #[derive(QueryableByName)]
    struct Key {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Text)]
        day: String,
    }
    let key = ident(root.key.name);
    let column = ident(root.column);
    let mut statement = format!(
        "SELECT {key}::text AS id, {column}::date::text AS day FROM {}",
        ident(partition)
    );
    if let Some(after) = after {
        statement.push_str(&format!(
            " WHERE {key} > {}::{}",
            string_literal(after),
            root.key.sql_type
        ));
    }
    statement.push_str(&format!(" ORDER BY {key} LIMIT {}", limit.max(1)));
    let rows: Vec<Key> = diesel::sql_query(statement).load(conn)?;
    Ok(rows.into_iter().map(|k| (k.id, k.day)).collect())
}
