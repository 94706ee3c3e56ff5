//! The one way around tenant isolation, for system work (migrations,
//! cleanup jobs, billing). Every use is a call to
//! [`bypass_tenant_isolation`]: grep for it to review them all.

use uuid::Uuid;

use crate::dialect::{Dialect, DialectConnection, Postgres};

use crate::entity::Token;
use crate::error::Result;
use crate::insert::OnConflict;
use crate::persist::{InsertContext, Persist};
use crate::scope::Id;

/// Unscoped access to every table, on one connection.
pub struct SystemAccess<'c, D: Dialect = Postgres> {
    conn: &'c mut D::Conn,
    reason: &'static str,
    // Invariant, like a scope's brand: an access made from a leaked
    // `'static` connection cannot pass its ids off as a scope's.
    brand: crate::scope::Brand<'c>,
}

/// Opens unscoped access for system work. `reason` says why, for review
/// and for logs; it is not checked.
pub fn bypass_tenant_isolation<'c, Conn: DialectConnection>(
    conn: &'c mut Conn,
    reason: &'static str,
) -> SystemAccess<'c, Conn::Dialect> {
    SystemAccess {
        conn,
        reason,
        brand: std::marker::PhantomData,
    }
}

impl<'c, D: Dialect> SystemAccess<'c, D> {
    /// Why this access was opened.
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// Inserts a row; `tenant` fills `tenant_id` of a tenant-owned entity,
    /// `actor` fills its `created_by` / `updated_by`.
    pub fn insert<E: Persist<D>>(
        &mut self,
        tenant: Option<Uuid>,
        actor: Option<Uuid>,
        new: E::New<'c>,
    ) -> Result<E> {
        E::insert_row(
            Token::new(),
            self.conn,
            InsertContext { tenant, actor },
            new,
            OnConflict::Error,
        )?
        .ok_or(crate::Error::Database(diesel::result::Error::NotFound))
    }

    /// Inserts a row unless it conflicts with a unique key (`ON CONFLICT
    /// DO NOTHING`): `None` then, and nothing written.
    pub fn insert_or_ignore<E: Persist<D>>(
        &mut self,
        tenant: Option<Uuid>,
        actor: Option<Uuid>,
        new: E::New<'c>,
    ) -> Result<Option<E>> {
        E::insert_row(
            Token::new(),
            self.conn,
            InsertContext { tenant, actor },
            new,
            OnConflict::Ignore,
        )
    }

    /// Inserts many rows (see [`crate::Scope::insert_many`]).
    pub fn insert_many<E: Persist<D>>(
        &mut self,
        tenant: Option<Uuid>,
        actor: Option<Uuid>,
        news: Vec<E::New<'c>>,
    ) -> Result<Vec<E>> {
        let cx = InsertContext { tenant, actor };
        let (_, rows) = E::insert_rows(Token::new(), self.conn, cx, news, true)?;
        Ok(rows)
    }

    /// Inserts many rows and returns how many (see [`crate::Scope::bulk_insert`]).
    pub fn bulk_insert<E: Persist<D>>(
        &mut self,
        tenant: Option<Uuid>,
        actor: Option<Uuid>,
        news: Vec<E::New<'c>>,
    ) -> Result<usize> {
        let cx = InsertContext { tenant, actor };
        let (written, _) = E::insert_rows(Token::new(), self.conn, cx, news, false)?;
        Ok(written)
    }

    /// Reads a row by key, whichever tenant owns it.
    pub fn find<E: Persist<D>>(&mut self, key: E::Key) -> Result<Option<E>> {
        E::find_row(Token::new(), self.conn, key)
    }

    /// Reads every row of a table, ordered by key.
    pub fn list<E: Persist<D>>(&mut self) -> Result<Vec<E>> {
        E::list_rows(Token::new(), self.conn)
    }

    /// Brands a uuid for insert and update forms, trusting the caller:
    /// system work may link any rows. This is part of the escape hatch: an
    /// id made here carries the access's own brand, not a scope's.
    pub fn trust<E>(&self, raw: Uuid) -> Id<'c, E> {
        Id::trusted(raw)
    }

    /// The raw connection.
    pub fn connection(&mut self) -> &mut D::Conn {
        self.conn
    }
}
