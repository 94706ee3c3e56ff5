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
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::PurgeError;

pub(super) const MANIFEST: &str = "manifest.jsonl";

/// One archive file, as the manifest records it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Entry {
    pub(super) table: String,
    pub(super) day: String,
    /// Relative to the archive directory.
    pub(super) file: String,
    pub(super) rows: u64,
    pub(super) sha256: String,
}

pub(super) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PurgeError + '_ {
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
            .read(true)
            .open(&path)
            .map_err(io(&path))?;
        drop_torn_line(&manifest).map_err(io(&path))?;
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

/// Cuts off a last line a killed purge left half written: its batch's
/// delete never committed, and a line appended after it would otherwise
/// be read as part of it.
fn drop_torn_line(manifest: &File) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    (&*manifest).read_to_end(&mut bytes)?;
    if bytes.last().is_some_and(|last| *last != b'\n') {
        let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |n| n + 1);
        manifest.set_len(keep as u64)?;
        manifest.sync_all()?;
    }
    Ok(())
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
