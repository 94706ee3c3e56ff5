//! The state machines Dify's status columns follow, and scoped helpers
//! that move a row from one state to the next.
//!
//! * A document's indexing (`documents.indexing_status`, [`IndexingStatus`]):
//!
//!   ```text
//!   waiting ─▶ parsing ─▶ cleaning ─▶ splitting ─▶ indexing ─▶ completed
//!                 └──────────────────────▲
//!   any of waiting … indexing ─▶ paused ─▶ back to any of waiting … indexing (recover)
//!   any of waiting … indexing, or paused ─▶ error
//!   completed, error ─▶ waiting (re-index, retry)
//!   ```
//!
//!   Dify's indexing runner goes from `parsing` straight to `splitting`
//!   (it stamps `parsing_completed_at` and `cleaning_completed_at` together),
//!   so `cleaning` may be skipped; no other stage may.
//!
//! * A workflow run (`workflow_runs.status`, [`WorkflowExecutionStatus`]),
//!   the diagram in Dify's `core.workflow.enums`:
//!
//!   ```text
//!   scheduled ─▶ running ─▶ succeeded | failed | partial-succeeded | stopped
//!   scheduled ─▶ stopped         running ─▶ paused ─▶ running | stopped
//!   ```
//!
//!   `succeeded`, `failed`, `partial-succeeded` and `stopped` are final.
//!
//! `can_move_to` answers without touching anything; `transition` turns a
//! refused move into an [`IllegalTransition`] that names both states. The
//! helpers [`move_document`] and [`move_workflow_run`] lock the row, check
//! the move, and write the new state with the timestamps Dify sets with it;
//! a refused move writes nothing.

use std::fmt;

use dify_schema::scope::{Allows, DatasetEditing, Loads, Member, Scope, ScopeDialect};
use dify_schema::types::Uuid;
use dify_schema::{Entity, Id, Row, StringEnum};

use crate::dataset::{Document, DocumentChanges, IndexingStatus};
use crate::workflow::{WorkflowExecutionStatus, WorkflowRun, WorkflowRunChanges};

/// A move a state machine does not allow, from `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IllegalTransition<S> {
    pub from: S,
    pub to: S,
}

impl<S: StringEnum> fmt::Display for IllegalTransition<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} cannot move from `{}` to `{}`",
            S::NAME,
            self.from.as_str(),
            self.to.as_str()
        )
    }
}

impl<S: StringEnum + fmt::Debug> std::error::Error for IllegalTransition<S> {}

/// Why a scoped move did not happen.
#[derive(Debug)]
pub enum TransitionError<S> {
    /// The state machine refuses the move; nothing was written.
    Illegal(IllegalTransition<S>),
    /// The row is no longer there (deleted since its id was read).
    Gone { table: &'static str, id: Uuid },
    /// The database or the scope failed.
    Database(dify_schema::Error),
}

impl<S: StringEnum> fmt::Display for TransitionError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransitionError::Illegal(illegal) => illegal.fmt(f),
            TransitionError::Gone { table, id } => write!(f, "`{table}` row {id} is gone"),
            TransitionError::Database(error) => error.fmt(f),
        }
    }
}

impl<S: StringEnum + fmt::Debug> std::error::Error for TransitionError<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TransitionError::Database(error) => Some(error),
            _ => None,
        }
    }
}

impl<S> From<dify_schema::Error> for TransitionError<S> {
    fn from(error: dify_schema::Error) -> Self {
        TransitionError::Database(error)
    }
}

impl<S> From<diesel::result::Error> for TransitionError<S> {
    fn from(error: diesel::result::Error) -> Self {
        TransitionError::Database(error.into())
    }
}

impl<S> From<IllegalTransition<S>> for TransitionError<S> {
    fn from(illegal: IllegalTransition<S>) -> Self {
        TransitionError::Illegal(illegal)
    }
}

fn check<S: Copy>(from: S, to: S, allowed: bool) -> Result<S, IllegalTransition<S>> {
    if allowed {
        Ok(to)
    } else {
        Err(IllegalTransition { from, to })
    }
}

impl IndexingStatus {
    /// Waiting, or one of the stages a document goes through while it is
    /// indexed (what Dify may pause).
    pub fn is_in_progress(self) -> bool {
        use IndexingStatus::*;
        matches!(self, Waiting | Parsing | Cleaning | Splitting | Indexing)
    }

    /// Whether a document in this state may move to `to`.
    pub fn can_move_to(self, to: IndexingStatus) -> bool {
        use IndexingStatus::*;
        match (self, to) {
            (Waiting, Parsing)
            | (Parsing, Cleaning | Splitting)
            | (Cleaning, Splitting)
            | (Splitting, Indexing)
            | (Indexing, Completed) => true,
            (from, Paused | Error) if from.is_in_progress() => true,
            (Paused, to) if to.is_in_progress() => true,
            (Paused, Error) => true,
            (Completed | Error, Waiting) => true,
            _ => false,
        }
    }

    /// `to`, when the move is allowed; otherwise an error naming both states.
    pub fn transition(self, to: IndexingStatus) -> Result<IndexingStatus, IllegalTransition<Self>> {
        check(self, to, self.can_move_to(to))
    }
}

impl WorkflowExecutionStatus {
    /// Succeeded, failed, partially succeeded or stopped: Dify's `is_ended`.
    pub fn is_ended(self) -> bool {
        use WorkflowExecutionStatus::*;
        matches!(self, Succeeded | Failed | PartialSucceeded | Stopped)
    }

    /// Whether a run in this state may move to `to`.
    pub fn can_move_to(self, to: WorkflowExecutionStatus) -> bool {
        use WorkflowExecutionStatus::*;
        matches!(
            (self, to),
            (Scheduled, Running | Stopped)
                | (
                    Running,
                    Paused | Succeeded | Failed | Stopped | PartialSucceeded
                )
                | (Paused, Running | Stopped)
        )
    }

    /// `to`, when the move is allowed; otherwise an error naming both states.
    pub fn transition(
        self,
        to: WorkflowExecutionStatus,
    ) -> Result<WorkflowExecutionStatus, IllegalTransition<Self>> {
        check(self, to, self.can_move_to(to))
    }
}

/// Moves a document to `to` if its indexing state machine allows it, with
/// the timestamps Dify sets on the way (`processing_started_at` when
/// parsing starts, `parsing_completed_at` …, `completed_at`; `stopped_at`
/// on an error; `is_paused`, `paused_at` and `paused_by` while paused), and
/// returns the row as written. A refused move writes nothing.
pub fn move_document<'t, C, D>(
    scope: &mut Scope<'t, C, D>,
    id: Id<'t, Document>,
    to: IndexingStatus,
) -> Result<Row<'t, Document>, TransitionError<IndexingStatus>>
where
    C: Allows<DatasetEditing>,
    D: ScopeDialect,
    Document: Loads<D>,
{
    let gone = || TransitionError::Gone {
        table: Document::TABLE_NAME,
        id: id.get(),
    };
    // Locked until the scope ends, so two workers cannot both make a move
    // from the same state.
    let document = scope.lock(id)?.ok_or_else(gone)?;
    let now = scope.now()?;
    let from = document.indexing_status;
    from.transition(to)?;

    use IndexingStatus::*;
    let mut changes = DocumentChanges {
        indexing_status: Some(to),
        ..Default::default()
    };
    match (from, to) {
        (_, Parsing) if document.processing_started_at.is_none() => {
            changes.processing_started_at = Some(Some(now));
        }
        (Parsing, Cleaning) => changes.parsing_completed_at = Some(Some(now)),
        (Parsing, Splitting) => {
            changes.parsing_completed_at = Some(Some(now));
            changes.cleaning_completed_at = Some(Some(now));
        }
        (Cleaning, Splitting) => changes.cleaning_completed_at = Some(Some(now)),
        (Splitting, Indexing) => changes.splitting_completed_at = Some(Some(now)),
        (Indexing, Completed) => changes.completed_at = Some(Some(now)),
        (_, Error) => changes.stopped_at = Some(Some(now)),
        (_, Waiting) => {
            // Queued again: the last run's outcome no longer applies.
            changes.error = Some(None);
            changes.stopped_at = Some(None);
            changes.completed_at = Some(None);
        }
        _ => {}
    }
    if to == Paused {
        changes.is_paused = Some(Some(true));
        changes.paused_at = Some(Some(now));
        changes.paused_by = Some(Some(scope.account_id()));
    } else if from == Paused {
        changes.is_paused = Some(Some(false));
        changes.paused_at = Some(None);
        changes.paused_by = Some(None);
    }
    scope.update(id, changes)?.ok_or_else(gone)
}

/// Moves a workflow run to `to` if the run state machine allows it; a move
/// to a final state stamps `finished_at`. Returns the row as written; a
/// refused move writes nothing.
pub fn move_workflow_run<'t, C, D>(
    scope: &mut Scope<'t, C, D>,
    id: Id<'t, WorkflowRun>,
    to: WorkflowExecutionStatus,
) -> Result<Row<'t, WorkflowRun>, TransitionError<WorkflowExecutionStatus>>
where
    C: Allows<Member>,
    D: ScopeDialect,
    WorkflowRun: Loads<D>,
{
    let gone = || TransitionError::Gone {
        table: WorkflowRun::TABLE_NAME,
        id: id.get(),
    };
    let run = scope.lock(id)?.ok_or_else(gone)?;
    let now = scope.now()?;
    run.status.transition(to)?;
    let mut changes = WorkflowRunChanges {
        status: Some(to),
        ..Default::default()
    };
    if to.is_ended() {
        changes.finished_at = Some(Some(now));
    }
    scope.update(id, changes)?.ok_or_else(gone)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of states: allowed exactly when `allowed` lists it.
    fn check_table<S: StringEnum + fmt::Debug + PartialEq>(
        allowed: &[(S, S)],
        can_move_to: fn(S, S) -> bool,
    ) {
        for &from in S::ALL {
            for &to in S::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(can_move_to(from, to), expected, "{from:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn indexing_moves_forward_stage_by_stage_with_pause_error_and_retry() {
        use IndexingStatus::*;
        let in_progress = [Waiting, Parsing, Cleaning, Splitting, Indexing];
        let mut allowed = vec![
            (Waiting, Parsing),
            (Parsing, Cleaning),
            (Parsing, Splitting),
            (Cleaning, Splitting),
            (Splitting, Indexing),
            (Indexing, Completed),
            (Paused, Error),
            (Completed, Waiting),
            (Error, Waiting),
        ];
        for stage in in_progress {
            allowed.push((stage, Paused));
            allowed.push((stage, Error));
            allowed.push((Paused, stage));
        }
        check_table(&allowed, IndexingStatus::can_move_to);
        assert_eq!(Parsing.transition(Splitting), Ok(Splitting));
        assert_eq!(
            Waiting.transition(Completed),
            Err(IllegalTransition {
                from: Waiting,
                to: Completed
            })
        );
    }

    #[test]
    fn workflow_runs_follow_difys_diagram() {
        use WorkflowExecutionStatus::*;
        let allowed = [
            (Scheduled, Running),
            (Scheduled, Stopped),
            (Running, Paused),
            (Running, Succeeded),
            (Running, Failed),
            (Running, Stopped),
            (Running, PartialSucceeded),
            (Paused, Running),
            (Paused, Stopped),
        ];
        check_table(&allowed, WorkflowExecutionStatus::can_move_to);
        for ended in [Succeeded, Failed, PartialSucceeded, Stopped] {
            assert!(ended.is_ended());
            assert!(WorkflowExecutionStatus::ALL
                .iter()
                .all(|&to| !ended.can_move_to(to)));
        }
        assert!(!Paused.is_ended() && !Scheduled.is_ended());
    }

    #[test]
    fn an_illegal_transition_names_both_states() {
        let illegal = WorkflowExecutionStatus::Failed
            .transition(WorkflowExecutionStatus::PartialSucceeded)
            .unwrap_err();
        assert_eq!(
            illegal.to_string(),
            "WorkflowExecutionStatus cannot move from `failed` to `partial-succeeded`"
        );
        let error: TransitionError<_> = illegal.into();
        assert_eq!(error.to_string(), illegal.to_string());
    }
}
