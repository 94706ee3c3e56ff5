//! The one way around tenant isolation, for system work (migrations,
//! cleanup jobs, billing). Every use is a call to
//! [`bypass_tenant_isolation`]: grep for it to review them all.

use diesel::PgConnection;
use uuid::Uuid;

use crate::entity::{InsertContext, Persist};
use crate::error::Result;

/// Unscoped access to every table, on one connection.
pub struct SystemAccess<'c> {
    conn: &'c mut PgConnection,
    reason: &'static str,
}

/// Opens unscoped access for system work. `reason` says why, for review
/// and for logs; it is not checked.
pub fn bypass_tenant_isolation<'c>(
    conn: &'c mut PgConnection,
    reason: &'static str,
) -> SystemAccess<'c> {
    SystemAccess { conn, reason }
}

impl SystemAccess<'_> {
    /// Why this access was opened.
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// Inserts a row; `tenant` fills `tenant_id` of a tenant-owned entity,
    /// `actor` fills its `created_by` / `updated_by`.
    pub fn insert<E: Persist>(
        &mut self,
        tenant: Option<Uuid>,
        actor: Option<Uuid>,
        new: E::New,
    ) -> Result<E> {
        E::insert_row(self.conn, InsertContext { tenant, actor }, new)
    }

    /// Reads a row by key, whichever tenant owns it.
    pub fn find<E: Persist>(&mut self, key: E::Key) -> Result<Option<E>> {
        E::find_row(self.conn, key)
    }

    /// Reads every row of a table, ordered by key.
    pub fn list<E: Persist>(&mut self) -> Result<Vec<E>> {
        E::list_rows(self.conn)
    }

    /// The raw connection.
    pub fn connection(&mut self) -> &mut PgConnection {
        self.conn
    }
}
