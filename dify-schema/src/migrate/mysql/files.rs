//! MySQL's migrations on disk: a directory of their own
//! (`migrations-mysql/`, beside `migrations/`: Diesel refuses a sub-directory
//! without an `up.sql` in a migrations directory) in Diesel's layout, readable by `diesel
//! migration run` with a `mysql://` URL and by [`super::MysqlRunner`],
//! with the MySQL snapshot beside them (`schema.json`, the IR with its
//! MySQL options). The first one is marked with Dify's Alembic revision,
//! as on PostgreSQL, so that `adopt` finds it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::diff::{diff, MysqlDiff};
use crate::migrate::files::{recorded_schema, DIFY_SCHEMA_RECORD, SCHEMA_RECORD};
use crate::migrate::snapshot::SchemaSnapshot;
use crate::schema::Schema;

/// What [`generate`] wrote.
#[derive(Debug)]
pub struct MysqlGenerated {
    pub diff: MysqlDiff,
    /// The migration directory written, if anything changed.
    pub directory: Option<PathBuf>,
}

/// Writes the MySQL migration that takes the schema recorded in `dir` to
/// `schema`, and records `schema`; with `revision`, marks it as Dify's
/// schema at that Alembic revision. Writes nothing when nothing changed.
pub fn generate(
    dir: &Path,
    schema: &Schema,
    name: &str,
    version: &str,
    revision: Option<&str>,
) -> io::Result<MysqlGenerated> {
    let recorded = recorded_schema(dir)?;
    let snapshot = SchemaSnapshot::of_mysql(schema);
    let diff = diff(&recorded, schema);
    if diff.is_empty() && SchemaSnapshot::of_mysql(&recorded) == snapshot {
        return Ok(MysqlGenerated {
            diff,
            directory: None,
        });
    }
    let json = snapshot.to_json();
    if diff.is_empty() {
        // Only the record changed (a PostgreSQL-only option): keep it exact.
        fs::write(dir.join(SCHEMA_RECORD), json)?;
        return Ok(MysqlGenerated {
            diff,
            directory: None,
        });
    }
    let path = dir.join(format!("{version}-00_{name}"));
    if path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists", path.display()),
        ));
    }
    fs::create_dir_all(&path)?;
    fs::write(path.join("up.sql"), script(&diff.up))?;
    fs::write(path.join("down.sql"), script(&diff.down))?;
    let mut metadata = String::from(
        "# MySQL commits each DDL statement by itself: there is no transaction to run in.\n\
         # The runner records each statement it applied and resumes after the last one.\n\
         run_in_transaction = false\n",
    );
    if let Some(revision) = revision {
        metadata.push_str(&format!(
            "# After this migration the schema is what Dify's migrations build at this Alembic revision.\ndify_revision = \"{revision}\"\n"
        ));
        fs::write(path.join(DIFY_SCHEMA_RECORD), &json)?;
    }
    fs::write(path.join("metadata.toml"), metadata)?;
    fs::write(dir.join(SCHEMA_RECORD), json)?;
    Ok(MysqlGenerated {
        diff,
        directory: Some(path),
    })
}

fn script(statements: &[String]) -> String {
    let mut out = statements.join("\n\n");
    out.push('\n');
    out
}
