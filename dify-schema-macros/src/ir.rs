//! The validated description of one entity: what `validate/` produces
//! and every expander consumes. The facts derived from it (which form a
//! column is in, how an insert fills it) are methods in `props.rs`.
//!
//! Everything here has been checked: columns named by indexes exist, types
//! fit, names are unique. Expanders never re-validate and never report
//! errors. Each node keeps the span of the token it came from, so generated
//! code that the compiler checks further (trait bounds on the parent of a
//! `via`, string-enum bounds) points back at the user's declaration.

use proc_macro2::Span;
use syn::{Attribute, Ident, LitStr, Path, Type, Visibility};

pub use dify_schema_ir::{
    Audit, Capability, ClientDefault, Fill, IndexMethod, MysqlBuild, ServerFunction, SqlType,
};

use crate::rust_type::RustKind;

pub struct Entity {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub table: LitStr,
    pub columns: Vec<Column>,
    pub primary_key: PrimaryKey,
    pub indexes: Vec<Index>,
    pub unique_constraints: Vec<UniqueConstraint>,
    pub ownership: Ownership,
    pub soft_delete: Option<SoftDelete>,
    /// What an update or a delete needs (`write = ...`).
    pub write: Capability,
    /// What an insert needs (`create = ...`, else `write`).
    pub create: Capability,
    /// Which rows a scope may read: a tenant's, or for a global table what
    /// `visible = ...` says.
    pub visibility: Visible,
    /// The insert form, `NewApp` unless renamed.
    pub insert_ident: Ident,
    /// The update form, `AppChanges` unless renamed.
    pub changes_ident: Ident,
    /// What a tenant scope may do with the rows, decided in validation.
    pub access: Access,
    /// `#[retention(...)]`: when rows expire, or whose row they go with.
    pub retention: Option<Retention>,
    /// `#[partition(by = ..., interval = month)]`: the column (an index
    /// into `columns`) the table is range-partitioned on, by month.
    pub partition: Option<usize>,
}

/// What `#[retention(...)]` declares, its columns resolved.
pub enum Retention {
    /// Rows expire `days` after the timestamp in `column`.
    Expires { column: usize, days: u32 },
    /// Rows go with the row `column` references (a run's node executions).
    With { column: usize },
}

pub struct Column {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    /// The Rust field, also the Diesel column's name (`r#type` stays raw).
    pub field: Ident,
    /// The SQL name (`type`).
    pub name: String,
    /// The field type as written (`Option<String>`).
    pub ty: Type,
    /// The type without `Option` (`String`).
    pub value_ty: Type,
    pub nullable: bool,
    pub rust: RustKind,
    pub sql_type: SqlType,
    pub sql_type_span: Span,
    pub primary_key: bool,
    pub default: Option<Default>,
    /// Where the default was written, for errors rustc reports about it.
    pub default_span: Span,
    pub client_default: Option<ClientDefault>,
    pub audit: Option<Audit>,
    pub relation: Option<Relation>,
    /// `references = any(App, Dataset)`: the row of one of several
    /// tenant-owned entities; forms take an `AnyId` of the scope.
    pub any_of: Vec<Path>,
    /// `no_reference = "..."`: a uuid that deliberately points at no one
    /// row (an account or an end user, by a role column), and why.
    pub no_reference: Option<String>,
    /// `insert_as = InvitedRole`: the string enum the insert form takes
    /// instead of the column's own, whose values an insert may set.
    pub insert_as: Option<Path>,
    /// `generated = "..."`: PostgreSQL computes and stores the value
    /// (`GENERATED ALWAYS AS (...) STORED`); no form sets it.
    pub generated: Option<String>,
    /// `fixed`: in the insert form only (a membership's account).
    pub fixed: bool,
    /// Points at another tenant on purpose (`installed_apps.app_owner_tenant_id`).
    pub cross_tenant: bool,
    /// What the declaration says about MySQL.
    pub mysql: MysqlColumn,
}

/// A column's MySQL options, where the mapping from its type does not
/// settle them.
#[derive(Default)]
pub struct MysqlColumn {
    /// `mysql_type = "text"`.
    pub sql_type: Option<String>,
    /// `mysql_default = -1`.
    pub default: Option<Default>,
    /// `mysql_generated = "..."`.
    pub generated: Option<String>,
}

pub enum Default {
    Str(String),
    Int(i64),
    Decimal(String),
    Bool(bool),
    Function(ServerFunction),
    Sql(String),
    /// `nextval('<name>'::regclass)`; `owned` for `default = serial`, whose
    /// sequence `<table>_<column>_seq` belongs to the column (and is
    /// dropped with it), as PostgreSQL's `serial` makes it.
    Sequence {
        name: String,
        owned: bool,
    },
}

pub struct Relation {
    /// The parent entity as written (`App`, `crate::app::App`).
    pub parent: Path,
    /// Whether to emit the Diesel join for this pair.
    pub join: bool,
    pub foreign_key: Option<String>,
    /// The foreign key's `ON DELETE` action (`CASCADE`, `SET NULL`).
    pub on_delete: Option<&'static str>,
    /// The foreign key's name on MySQL (`mysql_foreign_key = "..."`).
    pub mysql_foreign_key: Option<String>,
}

pub struct PrimaryKey {
    pub name: String,
    /// Indexes into `Entity::columns`.
    pub columns: Vec<usize>,
}

pub struct Index {
    pub name: String,
    pub name_span: Span,
    pub columns: Vec<(usize, bool)>,
    pub unique: bool,
    pub method: IndexMethod,
    pub predicate: Option<String>,
    /// How MySQL builds it (`mysql = "skip" | "whole"`).
    pub mysql_build: MysqlBuild,
    /// Columns MySQL indexes by a prefix: (index into `Entity::columns`,
    /// length in characters).
    pub mysql_prefixes: Vec<(usize, u16)>,
}

pub struct UniqueConstraint {
    pub name: String,
    pub name_span: Span,
    pub columns: Vec<usize>,
    /// Its name on MySQL (`mysql_name = "..."`).
    pub mysql_name: Option<String>,
}

pub enum Ownership {
    /// `owner = tenant`: `column` holds the tenant's id.
    Tenant {
        column: usize,
    },
    /// `owner = via(column)`: the row belongs to the tenant of `parent`,
    /// which `column` (NOT NULL, `references = parent`) points at.
    Via {
        column: usize,
        parent: Path,
    },
    Global,
}

/// Whether a tenant scope gets the scoped accessors of an entity
/// (`ScopedAccess`, `OrderKey`, the composable query, `SoftDeletable`,
/// `BelongsTo`).
pub enum Access {
    /// A tenant-owned entity keyed by one NOT NULL uuid column (`key`, an
    /// index into `Entity::columns`): the shape every scoped accessor
    /// takes, and every tenant-owned Dify table but one has.
    Scoped { key: usize },
    /// A global entity, or a tenant-owned one with another key (a
    /// composite key, like `conversation_variables`): only the system
    /// path reads and writes it; a tenant-owned one still has its tenant
    /// predicate, for the scoped queries of entities below it.
    SystemOnly,
}

pub enum SoftDelete {
    Flag(usize),
    Timestamp(usize),
}

/// Which rows of a table a tenant scope may read.
pub enum Visible {
    /// A tenant-owned table: the scope's tenant's rows.
    Tenant,
    /// A global table every scope reads (`visible = all`).
    All,
    /// A global table no scope reads (`visible = none`): the system path only.
    None,
    /// A global table whose rows a scope reads where this SQL condition
    /// holds; `{tenant}` stands for the scope's tenant (`visible = rows(...)`).
    Rows(String),
}
