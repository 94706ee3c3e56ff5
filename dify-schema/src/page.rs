//! Keyset paging: which rows a list returns ([`Page`]), where a page starts
//! ([`Cursor`]), and the order key every scoped entity has ([`OrderKey`]).

use uuid::Uuid;

use crate::error::{Error, Result};

/// Which rows a list returns: keyset paging on the entity's order key
/// (`created_at, id` where the entity has `created_at`, else the key).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    /// Rows strictly after this cursor, from [`Page::after`].
    pub after: Option<Cursor>,
    /// Skip this many rows first (offset paging; prefer the cursor).
    pub offset: i64,
    /// At most this many rows.
    pub limit: i64,
}

/// Where a keyset page starts: the order key of the last row seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub created_at: Option<chrono::NaiveDateTime>,
    pub id: Uuid,
}

impl Page {
    /// The first `limit` rows.
    pub fn first(limit: i64) -> Page {
        Page {
            after: None,
            offset: 0,
            limit,
        }
    }

    /// The `limit` rows after `cursor` (the [`OrderKey::cursor`] of the last row of the previous page).
    pub fn after(cursor: Cursor, limit: i64) -> Page {
        Page {
            after: Some(cursor),
            offset: 0,
            limit,
        }
    }

    /// A negative limit or offset is a mistake PostgreSQL would answer with
    /// an error that aborts the scope's transaction; it is refused before
    /// anything is sent.
    pub(crate) fn check(&self) -> Result<()> {
        if self.limit < 0 || self.offset < 0 {
            return Err(Error::InvalidQuery(format!(
                "a page's limit and offset are not negative (limit {}, offset {})",
                self.limit, self.offset
            )));
        }
        Ok(())
    }

    /// `limit` rows starting at row `offset` (0-based).
    pub fn offset(offset: i64, limit: i64) -> Page {
        Page {
            after: None,
            offset,
            limit,
        }
    }
}

/// The order key of a row, for keyset paging.
pub trait OrderKey {
    fn cursor(&self) -> Cursor;
}
