//! Bringing an archive back (`archive.rs` wrote it).

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use diesel::sql_types::Text;
use diesel::{PgConnection, RunQueryDsl};
use flate2::read::GzDecoder;
use sha2::{Digest, Sha256};

use super::archive::{hex, io, Entry, MANIFEST};
use super::error::PurgeError;
use super::partition::ensure_day;
use super::plan::roots;
use super::run::in_transaction;
use super::sql;
use crate::schema::Schema;

/// What [`restore`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RestoreReport {
    pub files: u64,
    /// Rows written back.
    pub restored: u64,
    /// Rows skipped because a row with their key is there already.
    pub present: u64,
}

/// Brings an archive back: checks every file against the manifest first
/// (a mismatch restores nothing), then inserts parents before children,
/// skipping rows whose key is already there, so running it twice is the
/// same as once.
pub fn restore(
    conn: &mut PgConnection,
    schema: &Schema,
    dir: &Path,
) -> Result<RestoreReport, PurgeError> {
    let manifest = dir.join(MANIFEST);
    let reader = BufReader::new(fs::File::open(&manifest).map_err(io(&manifest))?);
    let lines: Vec<String> = reader
        .lines()
        .collect::<Result<_, _>>()
        .map_err(io(&manifest))?;
    let mut entries = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        match serde_json::from_str::<Entry>(line) {
            Ok(entry) => entries.push(entry),
            // A purge killed while appending leaves a torn last line; its
            // file's rows were not deleted.
            Err(_) if n + 1 == lines.len() => {}
            Err(error) => {
                return Err(PurgeError::Corrupt {
                    path: manifest,
                    reason: format!("line {}: {error}", n + 1),
                })
            }
        }
    }
    // Parents before children: a table's depth in its retention tree.
    let mut depth = std::collections::HashMap::new();
    for root in roots(schema)? {
        for (table, d) in root.tables() {
            depth.insert(table.name.to_string(), d);
        }
    }
    let mut files = Vec::new();
    for entry in entries {
        let table = schema
            .table(&entry.table)
            .ok_or_else(|| PurgeError::Corrupt {
                path: dir.join(&entry.file),
                reason: format!("the schema has no table `{}`", entry.table),
            })?;
        let rows = read_checked(dir, &entry)?;
        files.push((
            depth.get(&entry.table).copied().unwrap_or(0),
            table,
            entry.day,
            rows,
        ));
    }
    files.sort_by_key(|(depth, ..)| *depth);
    // All or nothing: a restore that fails part-way (a constraint added
    // since, a row the table no longer takes) leaves the database as it was.
    in_transaction(conn, "BEGIN", |conn| restore_files(conn, &files))
}

type File<'s> = (usize, &'s crate::schema::Table, String, Vec<String>);

fn restore_files(conn: &mut PgConnection, files: &[File]) -> Result<RestoreReport, PurgeError> {
    // A partitioned table may have dropped the month these rows were in.
    for (_, table, day, _) in files {
        ensure_day(conn, table, day)?;
    }
    let mut report = RestoreReport::default();
    for (_, table, _, rows) in files {
        // The table's columns as the database has them now that the
        // archive holds: every column it holds goes back, declared or not,
        // and a column added since takes its default.
        let Some(first) = rows.first() else {
            continue;
        };
        let archived = keys(conn, first)?;
        let columns: Vec<String> = live_columns(conn, &table.name)?
            .into_iter()
            .filter(|column| archived.contains(column))
            .collect();
        let statement = sql::restore(&table.name, &columns);
        let mut restored = 0u64;
        for chunk in rows.chunks(1000) {
            let json = format!("[{}]", chunk.join(","));
            restored += diesel::sql_query(&statement)
                .bind::<Text, _>(json)
                .execute(conn)? as u64;
        }
        report.files += 1;
        report.restored += restored;
        report.present += rows.len() as u64 - restored;
    }
    Ok(report)
}

/// The keys of one archived row, read by PostgreSQL's JSON parser (the
/// one that wrote it).
fn keys(conn: &mut PgConnection, row: &str) -> Result<Vec<String>, PurgeError> {
    #[derive(diesel::QueryableByName)]
    struct Key {
        #[diesel(sql_type = Text)]
        key: String,
    }
    let keys: Vec<Key> = diesel::sql_query("SELECT json_object_keys($1::json) AS key")
        .bind::<Text, _>(row)
        .load(conn)?;
    Ok(keys.into_iter().map(|k| k.key).collect())
}

/// The columns an insert may write: not dropped, not generated.
fn live_columns(conn: &mut PgConnection, table: &str) -> Result<Vec<String>, PurgeError> {
    #[derive(diesel::QueryableByName)]
    struct Column {
        #[diesel(sql_type = Text)]
        name: String,
    }
    let columns: Vec<Column> = diesel::sql_query(
        "SELECT attname::text AS name FROM pg_attribute \
         WHERE attrelid = to_regclass(quote_ident($1)) AND attnum > 0 \
           AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
    )
    .bind::<Text, _>(table)
    .load(conn)?;
    Ok(columns.into_iter().map(|c| c.name).collect())
}

/// The file's rows, after checking its checksum and row count.
fn read_checked(dir: &Path, entry: &Entry) -> Result<Vec<String>, PurgeError> {
    let path = dir.join(&entry.file);
    let corrupt = |reason: String| PurgeError::Corrupt {
        path: path.clone(),
        reason,
    };
    let bytes = fs::read(&path).map_err(io(&path))?;
    let sum = hex(&Sha256::digest(&bytes));
    if sum != entry.sha256 {
        return Err(corrupt(format!(
            "SHA-256 {sum}, the manifest says {}",
            entry.sha256
        )));
    }
    let mut text = String::new();
    GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .map_err(|error| corrupt(error.to_string()))?;
    let rows: Vec<String> = text.lines().map(str::to_owned).collect();
    if rows.len() as u64 != entry.rows {
        return Err(corrupt(format!(
            "{} rows, the manifest says {}",
            rows.len(),
            entry.rows
        )));
    }
    Ok(rows)
}
