//! A migration to write (`Phase`), the main migration's statements in
//! their buckets, and how statements become a transactional migration.

/// How long a migration waits for a lock before giving up, rather than
/// queueing every other query behind it.
pub const LOCK_TIMEOUT: &str = "10s";

/// A migration to write: SQL both ways and whether it runs in a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    /// Appended to the migration's name (`""`, `"validate"`, `"index_foo"`).
    pub suffix: String,
    pub transactional: bool,
    pub up: String,
    pub down: String,
}

/// Statements of the main (transactional) migration, kept in buckets so
/// that dependent statements run in a working order.
#[derive(Default)]
pub(super) struct Main {
    /// Row-level security's functions and keys, before any policy names them.
    pub(super) security_support: Vec<(String, String)>,
    /// Functions a default calls, before any column names them.
    pub(super) create_functions: Vec<(String, String)>,
    /// Sequences a default draws from, before any column names them.
    pub(super) create_sequences: Vec<(String, String)>,
    pub(super) drop_foreign_keys: Vec<(String, String)>,
    pub(super) drop_constraints: Vec<(String, String)>,
    pub(super) drop_tables: Vec<(String, String)>,
    pub(super) create_tables: Vec<(String, String)>,
    pub(super) alter_columns: Vec<(String, String)>,
    pub(super) add_constraints: Vec<(String, String)>,
    pub(super) add_foreign_keys: Vec<(String, String)>,
    /// `ALTER SEQUENCE ... OWNED BY`, once the owning column exists.
    pub(super) own_sequences: Vec<(String, String)>,
    /// Functions and sequences no default needs any more, last.
    pub(super) drop_functions: Vec<(String, String)>,
    /// Policies and grants, after every table they name exists.
    pub(super) table_security: Vec<(String, String)>,
    pub(super) comments: Vec<String>,
}

impl Main {
    pub(super) fn into_phase(self, notes: &[String]) -> Option<Phase> {
        let statements: Vec<(String, String)> = [
            self.security_support,
            self.create_functions,
            self.create_sequences,
            self.drop_foreign_keys,
            self.drop_constraints,
            self.drop_tables,
            self.create_tables,
            self.alter_columns,
            self.add_constraints,
            self.add_foreign_keys,
            self.own_sequences,
            self.table_security,
            self.drop_functions,
        ]
        .into_iter()
        .flatten()
        .collect();
        if statements.is_empty() && self.comments.is_empty() {
            return None;
        }
        let mut phase = transactional_phase("", statements);
        let mut header: String = notes
            .iter()
            .map(|note| format!("-- NOTE: {note}\n"))
            .collect();
        for comment in &self.comments {
            header.push_str(comment);
            header.push('\n');
        }
        if !header.is_empty() {
            phase.up = insert_after_first_line(&phase.up, &header);
        }
        Some(phase)
    }
}

pub(super) fn transactional_phase(suffix: &str, statements: Vec<(String, String)>) -> Phase {
    let mut up = format!("SET LOCAL lock_timeout = '{LOCK_TIMEOUT}';\n");
    let mut down = up.clone();
    for (statement, _) in &statements {
        up.push('\n');
        up.push_str(statement);
        up.push('\n');
    }
    for (_, revert) in statements.iter().rev() {
        if revert.is_empty() {
            continue;
        }
        down.push('\n');
        down.push_str(revert);
        down.push('\n');
    }
    Phase {
        suffix: suffix.into(),
        transactional: true,
        up,
        down,
    }
}

fn insert_after_first_line(text: &str, insert: &str) -> String {
    match text.find('\n') {
        Some(end) => format!("{}\n{insert}{}", &text[..end], &text[end + 1..]),
        None => format!("{text}\n{insert}"),
    }
}
