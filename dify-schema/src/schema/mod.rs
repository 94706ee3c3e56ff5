//! The schema description (IR) that generated code registers.
//!
//! Every `#[entity]` expands to one `const TABLE: Table` built from these
//! types, and `dify_schema::schema!` gathers the tables of a crate into a
//! [`Schema`]. Everything that needs the whole schema reads it from here:
//! the DDL renderers, the migration differ, the drift check and the docs.
//!
//! The IR is backend-neutral on purpose: it records *what* a column is
//! ([`SqlType::Varchar`] of 255, a default of "the current timestamp"), never
//! how PostgreSQL spells it. A backend is a renderer plus a type mapping
//! (see [`crate::render`]).

pub mod snapshot;

/// The vocabulary the macros share (one definition, in `dify-schema-ir`).
pub use dify_schema_ir::{Audit, Capability, ClientDefault, IndexMethod, ServerFunction, SqlType};

/// One table, as declared by one `#[entity]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The SQL name of the table, e.g. `apps`.
    pub name: &'static str,
    /// The Rust type that declares it, e.g. `App`.
    pub entity: &'static str,
    /// Columns in declaration order.
    pub columns: &'static [Column],
    pub primary_key: PrimaryKey,
    /// Indexes in declaration order (rendered sorted by name).
    pub indexes: &'static [Index],
    /// Unique constraints declared inside `CREATE TABLE`.
    pub unique_constraints: &'static [UniqueConstraint],
    /// Columns that point at another table's primary key.
    pub relations: &'static [Relation],
    pub ownership: Ownership,
    /// The column whose value marks a row as deleted, if the entity is soft-deleted.
    pub soft_delete: Option<SoftDelete>,
    /// Who may update or delete rows of this table.
    pub write_capability: Capability,
    /// Who may insert rows (usually the same as `write_capability`;
    /// `tenant_account_joins` lets admins invite but only the owner change).
    pub create_capability: Capability,
    /// Which rows a tenant scope may read.
    pub visibility: Visibility,
}

impl Table {
    /// The column with this SQL name.
    pub fn column(&self, name: &str) -> Option<&'static Column> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// The column that carries the tenant, for a tenant-owned table.
    pub fn tenant_column(&self) -> Option<&'static Column> {
        match self.ownership {
            Ownership::Tenant { column } => self.column(column),
            _ => None,
        }
    }
}

/// One column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The SQL name, e.g. `created_at`.
    pub name: &'static str,
    /// The Rust field that holds it, e.g. `created_at` or `r#type`.
    pub field: &'static str,
    pub sql_type: SqlType,
    pub nullable: bool,
    /// The server-side default (part of the DDL).
    pub default: Option<Default>,
    /// A value the generated insert fills in when the caller leaves it out
    /// (not part of the DDL: Dify's newer models generate ids in Python).
    pub client_default: Option<ClientDefault>,
    /// Filled in by the scope rather than by the caller.
    pub audit: Option<Audit>,
    /// The string enum the column holds, when it is one (stored as varchar).
    pub string_enum: Option<EnumInfo>,
    /// Holds another tenant's id on purpose; scopes neither fill nor check it.
    pub cross_tenant: bool,
    /// The values an insert may set, when narrower than the column's enum
    /// (`insert_as`); row-level security checks them too.
    pub insert_values: Option<&'static [&'static str]>,
    /// The expression PostgreSQL computes the column from (`GENERATED
    /// ALWAYS AS (...) STORED`); no insert or update writes it.
    pub generated: Option<&'static str>,
}

/// The values of a string enum, as stored in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumInfo {
    /// The Rust name of the enum, e.g. `AppMode`.
    pub name: &'static str,
    /// Every value, in declaration order, e.g. `["completion", "workflow"]`.
    pub values: &'static [&'static str],
}

/// A server-side default, in backend-neutral form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    /// A string literal (`'normal'`), for text, varchar and json columns.
    Str(&'static str),
    /// An integer literal.
    Int(i64),
    /// A decimal literal, kept as written so that rendering is exact.
    Decimal(&'static str),
    Bool(bool),
    /// A server function (`uuid_generate_v4()`, `CURRENT_TIMESTAMP(0)`, ...).
    Function(ServerFunction),
    /// SQL text passed through as written (`default = sql("...")`).
    Sql(&'static str),
    /// The next value of a sequence of the schema (`nextval('name'::regclass)`);
    /// `owned` when the sequence belongs to the column (`default = serial`).
    Sequence {
        name: &'static str,
        owned: bool,
    },
}




/// The primary key constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrimaryKey {
    /// The constraint name, e.g. `app_pkey` (Dify names them by hand).
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

/// An index, as `CREATE [UNIQUE] INDEX name ON table USING method (...) [WHERE ...]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Index {
    pub name: &'static str,
    pub columns: &'static [IndexColumn],
    pub unique: bool,
    pub method: IndexMethod,
    /// The predicate of a partial index, as SQL text.
    pub predicate: Option<&'static str>,
}

/// One column of an index, with its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexColumn {
    pub name: &'static str,
    pub descending: bool,
}


/// `CONSTRAINT name UNIQUE (columns)` inside `CREATE TABLE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UniqueConstraint {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

/// A column that points at the primary key of another table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub column: &'static str,
    pub parent_table: &'static str,
    pub parent_entity: &'static str,
    /// The name of a real `FOREIGN KEY` constraint, where Dify declares one
    /// (most of Dify's relations are unconstrained uuid columns).
    pub foreign_key: Option<&'static str>,
    /// The foreign key's `ON DELETE` action (`CASCADE`, `SET NULL`), if any.
    pub on_delete: Option<&'static str>,
}

/// How a row belongs to a tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    /// The row has a tenant column (`tenant_id`).
    Tenant { column: &'static str },
    /// The row belongs to a tenant through a parent row: `column` points at
    /// `parent_table`, which is itself tenant-owned or via-owned.
    Via {
        column: &'static str,
        parent_table: &'static str,
    },
    /// The row belongs to no tenant (accounts, tenants, embeddings).
    Global,
}

impl Ownership {
    /// True for rows that belong to exactly one tenant, directly or through a parent.
    pub fn is_tenant_owned(&self) -> bool {
        !matches!(self, Ownership::Global)
    }
}

/// How a soft-deleted row is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoftDelete {
    /// A boolean column set to true (`conversations.is_deleted`).
    Flag(&'static str),
    /// A timestamp column set to the deletion time.
    Timestamp(&'static str),
}

impl SoftDelete {
    pub fn column(&self) -> &'static str {
        match *self {
            SoftDelete::Flag(column) | SoftDelete::Timestamp(column) => column,
        }
    }
}


/// Which rows of a table a tenant scope may read; row-level security on the
/// service role enforces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Visibility {
    /// A tenant-owned table: the rows of the scope's tenant.
    Tenant,
    /// A global table of shared reference data that every scope reads.
    All,
    /// A global table no scope reads (secrets, other workspaces' data):
    /// only the system path, on a trusted role, reaches it.
    None,
    /// A global table whose rows a scope reads where this SQL condition
    /// holds; `{tenant}` stands for the scope's tenant.
    Rows(&'static str),
}

/// All tables of a crate, gathered by `dify_schema::schema!`.
#[derive(Debug, Clone, Copy)]
pub struct Schema {
    tables: &'static [&'static Table],
    security: Security,
}

/// Which row-level-security support a schema has: this crate's (a schema
/// built from declarations), one recorded in a snapshot, or none (a
/// snapshot written before row-level security was part of the migrations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    None,
    Current,
    Recorded(&'static str),
}

impl Schema {
    /// A schema of these tables, with row-level security.
    /// `schema!` is the usual way to build one.
    pub const fn new(tables: &'static [&'static Table]) -> Self {
        Schema {
            tables,
            security: Security::Current,
        }
    }

    /// No tables and nothing else: where the first migration starts from.
    pub const fn empty() -> Self {
        Schema {
            tables: &[],
            security: Security::None,
        }
    }

    /// The same tables with other row-level-security support (snapshots).
    pub const fn with_security(self, security: Security) -> Self {
        Schema {
            tables: self.tables,
            security,
        }
    }

    /// The SQL that installs row-level security's support objects, when
    /// the schema has row-level security.
    pub fn security_support(&self) -> Option<String> {
        match self.security {
            Security::None => None,
            Security::Current => Some(crate::rls::support_migration()),
            Security::Recorded(sql) => Some(sql.to_owned()),
        }
    }

    /// The row-level security of one table (see [`crate::rls::table_security`]),
    /// empty when the schema has none.
    pub fn table_security(&self, table: &Table) -> String {
        match self.security {
            Security::None => String::new(),
            _ => crate::rls::table_security(self, table),
        }
    }

    /// The tables in declaration order.
    pub fn tables(
        &self,
    ) -> impl DoubleEndedIterator<Item = &'static Table> + ExactSizeIterator + '_ {
        self.tables.iter().copied()
    }

    /// The tables sorted by name: the order every rendering uses, so that
    /// output does not depend on the order of the `schema!` list.
    pub fn sorted_tables(&self) -> Vec<&'static Table> {
        let mut tables: Vec<_> = self.tables().collect();
        tables.sort_by_key(|table| table.name);
        tables
    }

    /// The table with this SQL name.
    pub fn table(&self, name: &str) -> Option<&'static Table> {
        self.tables().find(|table| table.name == name)
    }

    /// The tables that belong to tenants, directly or through a parent.
    pub fn tenant_owned_tables(&self) -> impl Iterator<Item = &'static Table> + '_ {
        self.tables()
            .filter(|table| table.ownership.is_tenant_owned())
    }
}

/// Whether `names` holds `name`; usable in constants, which is how each
/// entity checks at compile time that it is listed in its crate's `schema!`.
#[doc(hidden)]
pub const fn contains_name(names: &[&str], name: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether every name of `names` is in `of`; usable in constants.
#[doc(hidden)]
pub const fn all_contained(names: &[&str], of: &[&str]) -> bool {
    let mut i = 0;
    while i < names.len() {
        if !contains_name(of, names[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// `a == b` for string constants.
#[doc(hidden)]
pub const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
