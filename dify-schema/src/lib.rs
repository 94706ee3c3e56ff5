//! dify-schema: Dify's multi-tenant data layer, declared once and checked by
//! the compiler.
//!
//! An `#[entity]` declaration generates the Diesel table, the row, insert and
//! update structs, and a static [`schema::Table`] description; `schema!`
//! gathers a crate's tables into a [`schema::Schema`], from which
//! [`render::postgres`] produces the DDL.
//!
//! [`dsl`] is the reference of the declaration language: every key of
//! `#[entity]`, `#[column]`, `#[index]`, `#[unique]` and
//! `#[derive(StringEnum)]`, with examples that compile. The README has the
//! overview and ARCHITECTURE.md how the pieces fit.

// Generated code names the runtime as `::dify_schema::__private`, which
// must resolve inside this crate's own tests too.
extern crate self as dify_schema;

pub mod dialect;
pub mod dsl;
pub mod entity;
pub mod error;
pub mod insert;
pub mod introspect;
pub mod json;
pub mod migrate;
pub mod mysql;
#[doc(hidden)]
pub mod mysql_queries;
pub mod page;
pub mod persist;
pub mod pool;
mod quote;
pub mod render;
pub mod retention;
pub mod rls;
pub mod role;
pub mod schema;
pub mod scope;
pub mod string_enum;
pub mod system;
pub mod types;

pub use dify_schema_macros::{embed_migrations, entity, StringEnum};
pub use entity::{Entity, Ref};
pub use error::{Error, Result};
pub use page::{Cursor, OrderKey, Page};
pub use role::Role;
/// The scoped API for async services (feature `async`).
#[cfg(feature = "async")]
pub use scope::async_scope;
#[cfg(feature = "async")]
pub use scope::async_scope::{AsyncPool, AsyncScope};
pub use scope::{with_tenant, AnyId, Id, Row, Scope};
pub use string_enum::{StringEnum, UnknownEnumValue};

/// What a module of declarations imports.
pub mod prelude {
    pub use crate::types::{BigDecimal, Json, NaiveDateTime, UtcDateTime, Uuid};
    pub use crate::{entity, AnyId, Entity, Id, Page, Ref, StringEnum};
}

/// Gathers the entities of a crate into one [`schema::Schema`].
///
/// ```ignore
/// dify_schema::schema! {
///     /// Dify's schema.
///     pub static SCHEMA = [account::Tenant, account::Account, app::App];
/// }
/// ```
///
/// Every `#[entity]` checks at compile time that it is listed here, so a
/// table cannot silently go missing from the DDL and the migrations. One
/// `schema!` per crate, at its root; see [`dsl`](crate::dsl#schema).
#[macro_export]
macro_rules! schema {
    ($(#[$meta:meta])* $vis:vis static $name:ident = [$($entity:path),* $(,)?];) => {
        $(#[$meta])*
        $vis static $name: $crate::__private::schema::Schema = $crate::__private::schema::Schema::new(&[
            $($crate::__private::Cow::Borrowed(<$entity as $crate::__private::Entity>::TABLE),)*
        ]);

        /// Names each entity's Diesel table by type for generated joins. The
        /// trait is `pub` (generated impls of Diesel's public traits name it)
        /// inside a crate-private module, so no other crate can reach a table
        /// through it.
        #[doc(hidden)]
        pub(crate) mod __dify_private {
            pub trait DieselTable {
                type Table: $crate::__private::diesel::Table + ::core::default::Default + ::core::marker::Copy;
            }
        }

        /// The table names `schema!` lists, read by each entity's
        /// compile-time registration check.
        #[doc(hidden)]
        pub(crate) const __DIFY_SCHEMA_TABLES: &[&str] = &[
            $(<$entity as $crate::__private::Entity>::TABLE_NAME,)*
        ];
    };
}

/// What generated code uses, and the only path it names the runtime by
/// (`#[entity]`, `#[derive(StringEnum)]`, `embed_migrations!` and
/// `schema!`). Not a public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::dialect::{MySql, Postgres};
    pub use crate::entity::{assert_tenant_owned, RefValue, TenantOwned, Token};
    pub use crate::insert::{
        Bind, BindValue, Bulk, BulkCount, Fill, InsertColumn, InsertStatement, InsertTemplate,
        OnConflict, Single, SingleOrIgnore, BULK_ROWS_PER_STATEMENT,
    };
    pub use crate::json;
    pub use crate::migrate::{files::EmbeddedMigration, MigrationSet};
    pub use crate::persist::{InsertContext, Persist};
    pub use crate::schema::{all_contained, contains_name};
    #[cfg(feature = "async")]
    pub use crate::scope::async_scope::run as async_run;
    #[cfg(feature = "async")]
    pub use crate::scope::async_scope::{
        AsyncBelongsTo, AsyncReferences, AsyncScopedAccess, AsyncSoftDeletable,
    };
    pub use crate::scope::{
        after_cursor, enum_list, enum_value, push_column, ComposableQuery, FilterValue,
        FilterValueList, FilterValueRepr, IsFalse, QueryColumn, TenantChain, TenantFilter,
        TenantPredicate,
    };
    pub use crate::scope::{BelongsTo, ScopedAccess, SoftDeletable, WriteCapability};
    pub use crate::string_enum::{
        assert_string_enum, enum_from_row, max_len, StringEnum, StringEnumColumn, UnknownEnumValue,
    };
    pub use crate::{mysql, mysql_queries, schema, scope, types};
    pub use crate::{AnyId, Cursor, Entity, Error, Id, OrderKey, Page, Ref, Result};
    #[cfg(feature = "async")]
    pub use diesel_async::AsyncPgConnection;
    pub use std::borrow::Cow;
    pub use {chrono, diesel, serde_json, uuid};

    /// Refuses a value longer than its `varchar(max)` column before it is sent.
    pub fn check_varchar(
        table: &'static str,
        column: &'static str,
        max: u32,
        value: &str,
    ) -> crate::Result<()> {
        // Only count characters when the byte length could exceed the limit.
        if value.len() <= max as usize {
            return Ok(());
        }
        let actual = value.chars().count();
        if actual <= max as usize {
            return Ok(());
        }
        Err(crate::Error::ValueTooLong {
            table,
            column,
            max,
            actual,
        })
    }

    /// The current time as Dify stores it: UTC, without a time zone.
    pub fn now() -> chrono::NaiveDateTime {
        chrono::Utc::now().naive_utc()
    }
}
