//! What the diff has found: statements by the migration they go to, the
//! notes for the author and the unsafe operations, each unsafe statement
//! behind a marker.

use super::phase::{transactional_phase, Main, Phase};

/// The marker a statement that loses data or may fail carries until the
/// author acknowledges it.
pub const UNSAFE_MARKER: &str = "-- UNSAFE(";

/// Everything `diff` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// The migrations, in the order they must run.
    pub phases: Vec<Phase>,
    /// Proposals and observations for the author (possible renames, enum changes).
    pub notes: Vec<String>,
    /// The unsafe operations, one line each.
    pub unsafe_operations: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.phases.is_empty()
    }
}

/// What the diff has found so far: statements by the migration they go
/// to, and what to tell the author.
#[derive(Default)]
pub(super) struct Changes {
    pub(super) main: Main,
    /// The migration that validates the `NOT VALID` checks of the main one.
    pub(super) validate: Vec<(String, String)>,
    /// One non-transactional migration per index built or dropped.
    pub(super) concurrent: Vec<Phase>,
    pub(super) notes: Vec<String>,
    pub(super) unsafe_operations: Vec<String>,
}

impl Changes {
    /// `statement` behind an `UNSAFE` marker, its reason recorded among
    /// the unsafe operations.
    pub(super) fn flag(&mut self, kind: &str, reason: String, statement: &str) -> String {
        let flagged = unsafe_statement(kind, &reason, statement);
        self.unsafe_operations.push(reason);
        flagged
    }

    /// The migrations in the order they must run: the main one, the
    /// validation, then each concurrent index.
    pub(super) fn into_diff(self) -> Diff {
        let mut out = Diff {
            phases: Vec::new(),
            notes: self.notes,
            unsafe_operations: self.unsafe_operations,
        };
        if let Some(phase) = self.main.into_phase(&out.notes) {
            out.phases.push(phase);
        }
        if !self.validate.is_empty() {
            out.phases
                .push(transactional_phase("validate", self.validate));
        }
        out.phases.extend(self.concurrent);
        out
    }
}

fn unsafe_statement(kind: &str, reason: &str, statement: &str) -> String {
    format!("{UNSAFE_MARKER}{kind}): {reason}. Review, then change UNSAFE to ACKNOWLEDGED.\n{statement}")
}

/// The unsafe statements of a migration's SQL that are not acknowledged yet.
pub fn unacknowledged(sql: &str) -> Vec<String> {
    sql.lines()
        .filter(|line| line.trim_start().starts_with(UNSAFE_MARKER))
        .map(|line| line.trim().to_owned())
        .collect()
}
