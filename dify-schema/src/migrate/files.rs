//! Migrations on disk, in Diesel's layout (`<version>_<name>/up.sql`,
//! `down.sql`, and `metadata.toml` with `run_in_transaction = false` for
//! the few that must run outside a transaction), so `diesel migration run`
//! and this crate's runner read the same files. `schema.json` beside them
//! records the schema as of the last migration.
//!
//! A migration that brings the schema to what Dify's own migrations build
//! at an Alembic revision is marked: `dify_revision = "c3d4e5f6a7b8"` in its
//! `metadata.toml` (Diesel ignores the key), and the schema at that point
//! beside it (`dify_schema.json`). `dify-db adopt` finds a database's
//! revision among these marks, and the project's additions (row-level
//! security) come in the migrations after it.

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use diesel::backend::Backend;
use diesel::connection::BoxableConnection;
use diesel::migration::{
    Migration, MigrationMetadata, MigrationName, MigrationSource, MigrationVersion,
};
use diesel::pg::Pg;
use sha2::{Digest, Sha256};

use super::diff::{diff, Diff};
use crate::migrate::snapshot::SchemaSnapshot;
use crate::schema::Schema;

/// The file beside the migrations that records the schema they produce.
pub const SCHEMA_RECORD: &str = "schema.json";

/// The file in a marked migration that records the schema Dify's
/// migrations build at its revision.
pub const DIFY_SCHEMA_RECORD: &str = "dify_schema.json";

/// One migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationFile {
    /// The directory name, `2026-11-25-194500-00_initial`.
    pub name: Cow<'static, str>,
    pub up: Cow<'static, str>,
    pub down: Cow<'static, str>,
    pub run_in_transaction: bool,
    /// The Alembic revision of Dify whose schema this migration completes.
    pub dify_revision: Option<Cow<'static, str>>,
    /// That schema, for a marked migration (`dify_schema.json`).
    pub dify_schema: Option<Cow<'static, str>>,
}

impl MigrationFile {
    /// The schema Dify's migrations build at this migration's revision.
    pub fn dify_schema(&self) -> Option<io::Result<Schema>> {
        let json = self.dify_schema.as_deref()?;
        Some(
            SchemaSnapshot::from_json(json)
                .map(SchemaSnapshot::into_schema)
                .map_err(|error| {
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("{}/{DIFY_SCHEMA_RECORD}: {error}", self.name),
                    )
                }),
        )
    }

    /// The version: the directory name up to the first `_`, as Diesel reads it.
    pub fn version(&self) -> &str {
        self.name.split('_').next().unwrap_or(&self.name)
    }

    /// SHA-256 of the migration's files, to notice an applied one being edited.
    pub fn checksum(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.up.as_bytes());
        hasher.update([0]);
        hasher.update(self.down.as_bytes());
        hasher.update([u8::from(self.run_in_transaction)]);
        hasher
            .finalize()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

/// The migrations of a project, sorted by version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationSet {
    migrations: Vec<MigrationFile>,
    /// The `schema.json` beside the migrations, if there is one.
    record: Option<Cow<'static, str>>,
}

/// What `embed_migrations!` writes for each directory.
#[doc(hidden)]
pub struct EmbeddedMigration {
    pub name: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub metadata: &'static str,
    pub dify_schema: Option<&'static str>,
}

impl MigrationSet {
    pub fn new(mut migrations: Vec<MigrationFile>) -> MigrationSet {
        migrations.sort_by(|a, b| a.version().cmp(b.version()));
        MigrationSet {
            migrations,
            record: None,
        }
    }

    /// Migrations compiled into the binary by `dify_schema::embed_migrations!`.
    pub fn embedded(
        migrations: &'static [EmbeddedMigration],
        record: Option<&'static str>,
    ) -> MigrationSet {
        let set = MigrationSet::new(
            migrations
                .iter()
                .map(|m| MigrationFile {
                    name: Cow::Borrowed(m.name),
                    up: Cow::Borrowed(m.up),
                    down: Cow::Borrowed(m.down),
                    run_in_transaction: runs_in_transaction(m.metadata),
                    dify_revision: dify_revision(m.metadata).map(Cow::Owned),
                    dify_schema: m.dify_schema.map(Cow::Borrowed),
                })
                .collect(),
        );
        MigrationSet {
            record: record.map(Cow::Borrowed),
            ..set
        }
    }

    /// The migrations in a directory (sub-directories with an `up.sql`).
    pub fn from_dir(dir: &Path) -> io::Result<MigrationSet> {
        let mut migrations = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if !path.is_dir() || name.starts_with('.') || !path.join("up.sql").exists() {
                continue;
            }
            let metadata = fs::read_to_string(path.join("metadata.toml")).unwrap_or_default();
            migrations.push(MigrationFile {
                name: Cow::Owned(name),
                up: Cow::Owned(fs::read_to_string(path.join("up.sql"))?),
                down: Cow::Owned(fs::read_to_string(path.join("down.sql")).unwrap_or_default()),
                run_in_transaction: runs_in_transaction(&metadata),
                dify_revision: dify_revision(&metadata).map(Cow::Owned),
                dify_schema: fs::read_to_string(path.join(DIFY_SCHEMA_RECORD))
                    .ok()
                    .map(Cow::Owned),
            });
        }
        let record = fs::read_to_string(dir.join(SCHEMA_RECORD))
            .ok()
            .map(Cow::Owned);
        Ok(MigrationSet {
            record,
            ..MigrationSet::new(migrations)
        })
    }

    /// The schema the migrations produce, as recorded beside them (an empty
    /// schema before the first migration).
    pub fn recorded_schema(&self) -> io::Result<Schema> {
        match &self.record {
            Some(json) => SchemaSnapshot::from_json(json)
                .map(SchemaSnapshot::into_schema)
                .map_err(|error| {
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("{SCHEMA_RECORD}: {error}"),
                    )
                }),
            None => Ok(Schema::empty()),
        }
    }

    pub fn migrations(&self) -> &[MigrationFile] {
        &self.migrations
    }

    pub fn get(&self, version: &str) -> Option<&MigrationFile> {
        self.migrations.iter().find(|m| m.version() == version)
    }

    /// The last migration marked with Dify's Alembic `revision`, if the
    /// project supports that revision.
    pub fn for_dify_revision(&self, revision: &str) -> Option<&MigrationFile> {
        self.migrations
            .iter()
            .rev()
            .find(|m| m.dify_revision.as_deref() == Some(revision))
    }

    /// The Dify revisions the project supports, oldest first.
    pub fn dify_revisions(&self) -> Vec<&str> {
        self.migrations
            .iter()
            .filter_map(|m| m.dify_revision.as_deref())
            .collect()
    }
}

/// `dify_revision = "..."` from a `metadata.toml`.
fn dify_revision(metadata: &str) -> Option<String> {
    metadata.lines().find_map(|line| {
        let value = line.trim().strip_prefix("dify_revision")?.trim_start();
        let value = value.strip_prefix('=')?.trim();
        Some(value.trim_matches('"').to_owned())
    })
}

/// Reads `run_in_transaction = false` from a `metadata.toml`.
fn runs_in_transaction(metadata: &str) -> bool {
    !metadata.lines().any(|line| {
        let line = line.split('#').next().unwrap_or("").replace(' ', "");
        line == "run_in_transaction=false"
    })
}

impl fmt::Display for MigrationFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl MigrationName for MigrationFile {
    fn version(&self) -> MigrationVersion<'_> {
        MigrationVersion::from(MigrationFile::version(self))
    }
}

impl MigrationMetadata for MigrationFile {
    fn run_in_transaction(&self) -> bool {
        self.run_in_transaction
    }
}

impl Migration<Pg> for MigrationFile {
    fn run(&self, conn: &mut dyn BoxableConnection<Pg>) -> diesel::migration::Result<()> {
        conn.batch_execute(&self.up)?;
        Ok(())
    }

    fn revert(&self, conn: &mut dyn BoxableConnection<Pg>) -> diesel::migration::Result<()> {
        conn.batch_execute(&self.down)?;
        Ok(())
    }

    fn metadata(&self) -> &dyn MigrationMetadata {
        self
    }

    fn name(&self) -> &dyn MigrationName {
        self
    }
}

impl<DB: Backend> MigrationSource<DB> for &MigrationSet
where
    MigrationFile: Migration<DB>,
{
    fn migrations(&self) -> diesel::migration::Result<Vec<Box<dyn Migration<DB>>>> {
        Ok(self
            .migrations
            .iter()
            .map(|m| Box::new(m.clone()) as Box<dyn Migration<DB>>)
            .collect())
    }
}

/// The schema recorded beside the migrations, or an empty one before the first.
pub fn recorded_schema(dir: &Path) -> io::Result<Schema> {
    match fs::read_to_string(dir.join(SCHEMA_RECORD)) {
        Ok(json) => SchemaSnapshot::from_json(&json)
            .map(SchemaSnapshot::into_schema)
            .map_err(|error| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {error}", SCHEMA_RECORD),
                )
            }),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Schema::empty()),
        Err(error) => Err(error),
    }
}

/// What `generate` wrote.
#[derive(Debug)]
pub struct Generated {
    pub diff: Diff,
    /// The migration directories written, in order.
    pub directories: Vec<PathBuf>,
}

/// Writes the migrations that take the recorded schema to `schema`, and
/// records `schema`. `version` is the base version (a timestamp such as
/// `2026-11-25-194500`); phases get `-00`, `-01`, ... appended. Writes
/// nothing when nothing changed.
pub fn generate(dir: &Path, schema: &Schema, name: &str, version: &str) -> io::Result<Generated> {
    generate_to(dir, schema, name, version, None)
}

/// [`generate`] up to Dify's own schema at the Alembic `revision`: the
/// declarations without the project's additions (row-level security, which
/// a later `generate` adds), the last migration marked with the revision
/// and holding that schema.
pub fn generate_dify_revision(
    dir: &Path,
    schema: &Schema,
    name: &str,
    version: &str,
    revision: &str,
) -> io::Result<Generated> {
    let dify = schema.clone().with_security(crate::schema::Security::None);
    generate_to(dir, &dify, name, version, Some(revision))
}

fn generate_to(
    dir: &Path,
    schema: &Schema,
    name: &str,
    version: &str,
    revision: Option<&str>,
) -> io::Result<Generated> {
    let recorded = recorded_schema(dir)?;
    let diff = diff(&recorded, schema);
    let mut directories = Vec::new();
    if diff.is_empty() {
        return Ok(Generated { diff, directories });
    }
    fs::create_dir_all(dir)?;
    for (index, phase) in diff.phases.iter().enumerate() {
        let suffix = if phase.suffix.is_empty() {
            String::new()
        } else {
            format!("_{}", phase.suffix)
        };
        let path = dir.join(format!("{version}-{index:02}_{name}{suffix}"));
        if path.exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} already exists", path.display()),
            ));
        }
        fs::create_dir_all(&path)?;
        fs::write(path.join("up.sql"), &phase.up)?;
        fs::write(path.join("down.sql"), &phase.down)?;
        let mut metadata = String::new();
        if !phase.transactional {
            metadata.push_str("# CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction.\nrun_in_transaction = false\n");
        }
        let last = index + 1 == diff.phases.len();
        if let (Some(revision), true) = (revision, last) {
            metadata.push_str(&format!(
                "# After this migration the schema is what Dify's migrations build at this Alembic revision.\ndify_revision = \"{revision}\"\n"
            ));
            fs::write(
                path.join(DIFY_SCHEMA_RECORD),
                SchemaSnapshot::of(schema).to_json(),
            )?;
        }
        if !metadata.is_empty() {
            fs::write(path.join("metadata.toml"), metadata)?;
        }
        directories.push(path);
    }
    fs::write(
        dir.join(SCHEMA_RECORD),
        SchemaSnapshot::of(schema).to_json(),
    )?;
    Ok(Generated { diff, directories })
}
