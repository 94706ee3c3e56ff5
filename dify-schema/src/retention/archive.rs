//! Archives of purged rows, and bringing them back.
//!
//! A batch's rows go to one gzip-compressed JSON-lines file per table
//! (`DIR/<table>/<day>/<batch>.jsonl.gz`, each line `row_to_json` of a
//! row), written to a temporary name, synced and renamed; then a line
//! naming the file, its row count and its SHA-256 is appended to
//! `DIR/manifest.jsonl` and synced. Only then does the batch's delete
//! commit. A purge killed between the two leaves the rows in the
//! database and, perhaps, in the archive too; restore skips rows that
//! are already there, so that is harmless.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{PgConnection, RunQueryDsl};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::PurgeError;
use crate::schema::Schema;

const MANIFEST: &str = "manifest.jsonl";

/// One archive file, as the manifest records it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    table: String,
    day: String,
    /// Relative to the archive directory.
    file: String,
    rows: u64,
    sha256: String,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PurgeError + '_ {
    move |source| PurgeError::Io {
        path: path.to_owned(),
        source,
    }
}

pub(super) struct Writer {
    dir: PathBuf,
    manifest: File,
}

impl Writer {
    pub(super) fn open(dir: &Path) -> Result<Writer, PurgeError> {
        fs::create_dir_all(dir).map_err(io(dir))?;
        let path = dir.join(MANIFEST);
        let manifest = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(io(&path))?;
        Ok(Writer {
            dir: dir.to_owned(),
            manifest,
        })
    }

    /// Writes one batch (rows per table, all of `day`) and syncs it.
    pub(super) fn write_batch(
        &mut self,
        day: &str,
        tables: Vec<(String, Vec<String>)>,
    ) -> Result<(), PurgeError> {
        let batch = uuid::Uuid::now_v7();
        for (table, rows) in tables {
            let relative = format!("{table}/{day}/{batch}.jsonl.gz");
            let path = self.dir.join(&relative);
            let folder = path.parent().expect("a file in a folder");
            fs::create_dir_all(folder).map_err(io(folder))?;
            let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::fast());
            for row in &rows {
                encoder.write_all(row.as_bytes()).map_err(io(&path))?;
                encoder.write_all(b"\n").map_err(io(&path))?;
            }
            let bytes = encoder.finish().map_err(io(&path))?;
            let partial = path.with_extension("gz.partial");
            let mut file = File::create(&partial).map_err(io(&partial))?;
            file.write_all(&bytes).map_err(io(&partial))?;
            file.sync_all().map_err(io(&partial))?;
            fs::rename(&partial, &path).map_err(io(&path))?;
            File::open(folder)
                .and_then(|folder| folder.sync_all())
                .map_err(io(folder))?;
            let entry = Entry {
                table,
                day: day.to_owned(),
                file: relative,
                rows: rows.len() as u64,
                sha256: hex(&Sha256::digest(&bytes)),
            };
            let mut line = serde_json::to_string(&entry).expect("an entry serialises");
            line.push('\n');
            let manifest = self.dir.join(MANIFEST);
            self.manifest
                .write_all(line.as_bytes())
                .and_then(|()| self.manifest.sync_all())
                .map_err(io(&manifest))?;
        }
        Ok(())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

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
    let reader = BufReader::new(File::open(&manifest).map_err(io(&manifest))?);
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
    for root in super::roots(schema)? {
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
    // A partitioned table may have dropped the month these rows were in.
    for (_, table, day, _) in &files {
        super::partition::ensure_day(conn, table, day)?;
    }

    let mut report = RestoreReport::default();
    for (_, table, _, rows) in files {
        let statement = super::sql::restore(table);
        conn.batch_execute("BEGIN")?;
        let result = rows.chunks(1000).try_fold(0u64, |restored, chunk| {
            let json = format!("[{}]", chunk.join(","));
            diesel::sql_query(&statement)
                .bind::<Text, _>(json)
                .execute(conn)
                .map(|n| restored + n as u64)
        });
        match result {
            Ok(restored) => {
                conn.batch_execute("COMMIT")?;
                report.files += 1;
                report.restored += restored;
                report.present += rows.len() as u64 - restored;
            }
            Err(error) => {
                let _ = conn.batch_execute("ROLLBACK");
                return Err(error.into());
            }
        }
    }
    Ok(report)
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
