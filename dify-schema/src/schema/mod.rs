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

/// The vocabulary the macros share (one definition, in `dify-schema-ir`).
pub use dify_schema_ir::{
    Audit, Capability, ClientDefault, IndexMethod, MysqlBuild, ServerFunction, SqlType,
};

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A name or a piece of SQL in the IR: borrowed from the binary when the
/// compiler built it (`#[entity]` expands to `Cow::Borrowed("apps")`),
/// owned when it was read from a snapshot file.
pub type Text = Cow<'static, str>;

/// A list in the IR, borrowed or owned for the same reason as [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// One table, as declared by one `#[entity]`. The same type is the schema
/// snapshot's record of a table (`migrations/schema.json`), so its serde
/// form is the file format: fields that older snapshots lack have defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The SQL name of the table, e.g. `apps`.
    pub name: Text,
    /// The Rust type that declares it, e.g. `App`.
    pub entity: Text,
    /// Columns in declaration order.
    pub columns: List<Column>,
    pub primary_key: PrimaryKey,
    /// Indexes in declaration order (rendered sorted by name).
    #[serde(default)]
    pub indexes: List<Index>,
    /// Unique constraints declared inside `CREATE TABLE`.
    #[serde(default)]
    pub unique_constraints: List<UniqueConstraint>,
    /// Columns that point at another table's primary key.
    #[serde(default)]
    pub relations: List<Relation>,
    pub ownership: Ownership,
    /// The column whose value marks a row as deleted, if the entity is soft-deleted.
    #[serde(default)]
    pub soft_delete: Option<SoftDelete>,
    /// Who may update or delete rows of this table.
    pub write_capability: Capability,
    /// Who may insert rows, when not the same as `write_capability`
    /// (`tenant_account_joins` lets admins invite but only the owner
    /// change); see [`Table::create_capability`].
    #[serde(default)]
    pub create_capability: Option<Capability>,
    /// Which rows a tenant scope may read.
    #[serde(default)]
    pub visibility: Visibility,
    /// How long rows live, or whose row they go with (`#[retention]`).
    /// A purge reads it; it is no DDL, so the snapshot does not record it.
    #[serde(skip)]
    pub retention: Option<Retention>,
    /// The partitioned layout (`#[partition]`), which changes the DDL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<Partition>,
}

/// What `#[retention(...)]` declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retention {
    /// A root: rows expire `days` after the timestamp in `column`
    /// (`#[retention(on = created_at, days = 30)]`).
    Expires { column: Text, days: u32 },
    /// A child: rows go with the row `column` references
    /// (`#[retention(with = workflow_run_id)]`), found through the
    /// column's [`Relation`].
    With { column: Text },
}

/// `#[partition(by = created_at, interval = month)]`: the table is
/// partitioned by range of `column`, one partition per calendar month
/// (UTC), named `<table>_pYYYY_MM`. The primary key gains `column`, as
/// PostgreSQL requires, which is where the layout differs from Dify's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partition {
    pub column: Text,
}

impl Table {
    /// The column with this SQL name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// The column that carries the tenant, for a tenant-owned table.
    pub fn tenant_column(&self) -> Option<&Column> {
        match &self.ownership {
            Ownership::Tenant { column } => self.column(column),
            _ => None,
        }
    }

    /// The primary key's columns as stored: the declared ones, and for a
    /// partitioned table its partition column, which PostgreSQL requires
    /// in every unique constraint (the row's identity stays the declared key).
    pub fn stored_primary_key(&self) -> Vec<&str> {
        let mut columns: Vec<&str> = self.primary_key.columns.iter().map(|c| &**c).collect();
        if let Some(partition) = &self.partition {
            if !columns.contains(&&*partition.column) {
                columns.push(&partition.column);
            }
        }
        columns
    }

    /// Who may insert rows: `create_capability`, else `write_capability`.
    pub fn create_capability(&self) -> Capability {
        self.create_capability.unwrap_or(self.write_capability)
    }
}

/// One column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The SQL name, e.g. `created_at`.
    pub name: Text,
    /// The Rust field that holds it, e.g. `created_at` or `r#type`.
    pub field: Text,
    pub sql_type: SqlType,
    pub nullable: bool,
    /// The server-side default (part of the DDL).
    #[serde(default)]
    pub default: Option<Default>,
    /// A value the generated insert fills in when the caller leaves it out
    /// (not part of the DDL: Dify's newer models generate ids in Python).
    #[serde(default)]
    pub client_default: Option<ClientDefault>,
    /// Filled in by the scope rather than by the caller.
    #[serde(default)]
    pub audit: Option<Audit>,
    /// The string enum the column holds, when it is one (stored as varchar).
    #[serde(default)]
    pub string_enum: Option<EnumInfo>,
    /// Holds another tenant's id on purpose; scopes neither fill nor check it.
    #[serde(default)]
    pub cross_tenant: bool,
    /// The values an insert may set, when narrower than the column's enum
    /// (`insert_as`); row-level security checks them too.
    #[serde(default)]
    pub insert_values: Option<List<Text>>,
    /// The expression PostgreSQL computes the column from (`GENERATED
    /// ALWAYS AS (...) STORED`); no insert or update writes it.
    #[serde(default)]
    pub generated: Option<Text>,
    /// What the declaration says about MySQL (nothing, for most columns).
    #[serde(default, skip_serializing_if = "MysqlColumn::is_none")]
    pub mysql: MysqlColumn,
}

/// The values of a string enum, as stored in the database. A snapshot
/// writes it as `[name, [values]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumInfo {
    /// The Rust name of the enum, e.g. `AppMode`.
    pub name: Text,
    /// Every value, in declaration order, e.g. `["completion", "workflow"]`.
    pub values: List<Text>,
}

/// A server-side default, in backend-neutral form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Default {
    /// A string literal (`'normal'`), for text, varchar and json columns.
    Str(Text),
    /// An integer literal.
    Int(i64),
    /// A decimal literal, kept as written so that rendering is exact.
    Decimal(Text),
    Bool(bool),
    /// A server function (`uuid_generate_v4()`, `CURRENT_TIMESTAMP(0)`, ...).
    Function(ServerFunction),
    /// SQL text passed through as written (`default = sql("...")`).
    Sql(Text),
    /// The next value of a sequence of the schema (`nextval('name'::regclass)`);
    /// `owned` when the sequence belongs to the column (`default = serial`).
    Sequence {
        name: Text,
        owned: bool,
    },
}

/// The primary key constraint. A snapshot writes it as `[name, [columns]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimaryKey {
    /// The constraint name, e.g. `app_pkey` (Dify names them by hand).
    pub name: Text,
    pub columns: List<Text>,
}

/// An index, as `CREATE [UNIQUE] INDEX name ON table USING method (...) [WHERE ...]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub name: Text,
    pub columns: List<IndexColumn>,
    pub unique: bool,
    pub method: IndexMethod,
    /// The predicate of a partial index, as SQL text.
    #[serde(default)]
    pub predicate: Option<Text>,
    /// How MySQL builds it (as here, skipped, without its predicate) and
    /// which columns it indexes by a prefix.
    #[serde(default, skip_serializing_if = "MysqlIndex::is_none")]
    pub mysql: MysqlIndex,
}

/// One column of an index, with its order. A snapshot writes it as
/// `[name, descending]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexColumn {
    pub name: Text,
    pub descending: bool,
}

/// `CONSTRAINT name UNIQUE (columns)` inside `CREATE TABLE`. A snapshot
/// writes it as `[name, [columns]]`, or `[name, [columns], mysql_name]`
/// when its MySQL name is declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UniqueConstraint {
    pub name: Text,
    pub columns: List<Text>,
    /// Its name on MySQL, where the declaration gives one (`mysql_name`):
    /// a constraint SQLAlchemy left unnamed is `<table>_<column>_key` on
    /// PostgreSQL and `<column>` on MySQL.
    pub mysql_name: Option<Text>,
}

impl Serialize for UniqueConstraint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.mysql_name {
            None => (&self.name, &self.columns).serialize(serializer),
            Some(mysql_name) => (&self.name, &self.columns, mysql_name).serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for UniqueConstraint {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The pair of older snapshots, or the triple.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Triple(Text, List<Text>, Text),
            Pair(Text, List<Text>),
        }
        Ok(match Form::deserialize(deserializer)? {
            Form::Pair(name, columns) => UniqueConstraint {
                name,
                columns,
                mysql_name: None,
            },
            Form::Triple(name, columns, mysql_name) => UniqueConstraint {
                name,
                columns,
                mysql_name: Some(mysql_name),
            },
        })
    }
}

/// The snapshot's pair form (`[name, value]`) of the IR records that are
/// a name and one value; written once for all three.
macro_rules! serde_as_pair {
    ($ty:ident { $first:ident: $a:ty, $second:ident: $b:ty }) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                (&self.$first, &self.$second).serialize(serializer)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let ($first, $second) = <($a, $b)>::deserialize(deserializer)?;
                Ok($ty { $first, $second })
            }
        }
    };
}

serde_as_pair!(EnumInfo { name: Text, values: List<Text> });
serde_as_pair!(PrimaryKey { name: Text, columns: List<Text> });
serde_as_pair!(IndexColumn {
    name: Text,
    descending: bool
});

/// A column that points at the primary key of another table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub column: Text,
    pub parent_table: Text,
    pub parent_entity: Text,
    /// The name of a real `FOREIGN KEY` constraint, where Dify declares one
    /// (most of Dify's relations are unconstrained uuid columns).
    #[serde(default)]
    pub foreign_key: Option<Text>,
    /// The foreign key's `ON DELETE` action (`CASCADE`, `SET NULL`), if any.
    #[serde(default)]
    pub on_delete: Option<Text>,
    /// The foreign key's name on MySQL, where Dify's differs (a constraint
    /// SQLAlchemy left unnamed: MySQL names it `<table>_ibfk_<n>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mysql_foreign_key: Option<Text>,
}

/// How a row belongs to a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ownership {
    /// The row has a tenant column (`tenant_id`).
    Tenant { column: Text },
    /// The row belongs to a tenant through a parent row: `column` points at
    /// `parent_table`, which is itself tenant-owned or via-owned.
    Via { column: Text, parent_table: Text },
    /// The row belongs to no tenant (accounts, tenants, embeddings).
    Global,
}

impl Ownership {
    /// True for rows that belong to exactly one tenant, directly or through a parent.
    pub fn is_tenant_owned(&self) -> bool {
        !matches!(self, Ownership::Global)
    }
}

/// One step from a table's rows toward their tenant, as the tables'
/// [`Ownership`] declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantStep<'a> {
    /// `table.column` holds the tenant: the last step.
    Tenant { table: &'a Table, column: &'a str },
    /// `table.column` holds the key (`key`) of a row of `parent`, whose
    /// own step follows.
    Via {
        table: &'a Table,
        column: &'a str,
        parent: &'a Table,
        key: &'a str,
    },
}

/// The steps from `table`'s rows to their tenant: the one walk of the
/// `via` chain, which the scope's tenant predicate and row-level security
/// both render. `parent` finds a via parent by its table name (in a
/// schema, or in the chain generated code carries). The path is complete
/// when its last step is [`TenantStep::Tenant`]; it ends early for a global
/// table or an unknown parent, and after 16 steps (a cycle cannot be
/// declared, but the walk stays finite regardless).
pub fn tenant_path<'a, F>(table: &'a Table, parent: F) -> TenantPath<'a, F>
where
    F: FnMut(&str) -> Option<&'a Table>,
{
    TenantPath {
        current: Some(table),
        parent,
        steps: 0,
    }
}

/// The iterator [`tenant_path`] returns.
pub struct TenantPath<'a, F> {
    current: Option<&'a Table>,
    parent: F,
    steps: usize,
}

impl<'a, F> Iterator for TenantPath<'a, F>
where
    F: FnMut(&str) -> Option<&'a Table>,
{
    type Item = TenantStep<'a>;

    fn next(&mut self) -> Option<TenantStep<'a>> {
        let table = self.current.take()?;
        self.steps += 1;
        if self.steps > 16 {
            return None;
        }
        match &table.ownership {
            Ownership::Global => None,
            Ownership::Tenant { column } => Some(TenantStep::Tenant { table, column }),
            Ownership::Via {
                column,
                parent_table,
            } => {
                let parent = (self.parent)(parent_table)?;
                let key = parent.primary_key.columns.first()?;
                self.current = Some(parent);
                Some(TenantStep::Via {
                    table,
                    column,
                    parent,
                    key,
                })
            }
        }
    }
}

/// How a soft-deleted row is marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SoftDelete {
    /// A boolean column set to true (`conversations.is_deleted`).
    Flag(Text),
    /// A timestamp column set to the deletion time.
    Timestamp(Text),
}

impl SoftDelete {
    pub fn column(&self) -> &str {
        match self {
            SoftDelete::Flag(column) | SoftDelete::Timestamp(column) => column,
        }
    }
}

/// Which rows of a table a tenant scope may read; row-level security on the
/// service role enforces it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Visibility {
    /// A tenant-owned table: the rows of the scope's tenant.
    #[default]
    Tenant,
    /// A global table of shared reference data that every scope reads.
    All,
    /// A global table no scope reads (secrets, other workspaces' data):
    /// only the system path, on a trusted role, reaches it.
    None,
    /// A global table whose rows a scope reads where this SQL condition
    /// holds; `{tenant}` stands for the scope's tenant.
    Rows(Text),
}

/// All tables of a crate, gathered by `dify_schema::schema!`, or read
/// back from a snapshot.
#[derive(Debug, Clone)]
pub struct Schema {
    tables: List<Cow<'static, Table>>,
    security: Security,
}

/// Which row-level-security support a schema has: this crate's (a schema
/// built from declarations), one recorded in a snapshot, or none (a
/// snapshot written before row-level security was part of the migrations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Security {
    None,
    Current,
    Recorded(Text),
}

impl Schema {
    /// A schema of these tables, with row-level security.
    /// `schema!` is the usual way to build one.
    pub const fn new(tables: &'static [Cow<'static, Table>]) -> Self {
        Schema {
            tables: Cow::Borrowed(tables),
            security: Security::Current,
        }
    }

    /// A schema of tables read at run time (a snapshot), with this
    /// row-level-security support.
    pub fn owned(tables: Vec<Table>, security: Security) -> Self {
        Schema {
            tables: Cow::Owned(tables.into_iter().map(Cow::Owned).collect()),
            security,
        }
    }

    /// No tables and nothing else: where the first migration starts from.
    pub const fn empty() -> Self {
        Schema {
            tables: Cow::Borrowed(&[]),
            security: Security::None,
        }
    }

    /// The same tables with other row-level-security support (snapshots).
    pub fn with_security(self, security: Security) -> Self {
        Schema {
            tables: self.tables,
            security,
        }
    }

    /// Which row-level-security support the schema has; `crate::rls`
    /// renders it (`rls::support_for`, `rls::security_for`), so the IR
    /// depends on no renderer.
    pub fn security(&self) -> &Security {
        &self.security
    }

    /// The tables in declaration order.
    pub fn tables(&self) -> impl DoubleEndedIterator<Item = &Table> + ExactSizeIterator + '_ {
        self.tables.iter().map(|table| &**table)
    }

    /// The tables sorted by name: the order every rendering uses, so that
    /// output does not depend on the order of the `schema!` list.
    pub fn sorted_tables(&self) -> Vec<&Table> {
        let mut tables: Vec<_> = self.tables().collect();
        tables.sort_by(|a, b| a.name.cmp(&b.name));
        tables
    }

    /// The table with this SQL name.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables().find(|table| table.name == name)
    }

    /// The tables that belong to tenants, directly or through a parent.
    pub fn tenant_owned_tables(&self) -> impl Iterator<Item = &Table> + '_ {
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

// What a declaration says about MySQL where Dify's mapping depends on the
// column or the index rather than on its type (`mysql_type = "text"`,
// `#[index(mysql = "skip")]`, ...). Each record is empty when the
// declaration says nothing, and a snapshot then writes nothing for it;
// PostgreSQL's snapshot never writes them (`Schema::without_mysql`), so
// `migrations/schema.json` keeps its bytes.

/// A column's MySQL options (`#[column(mysql_type = ..., mysql_default =
/// ..., mysql_generated = ...)]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MysqlColumn {
    /// The MySQL type instead of the mapped one (`text` for Dify's plain
    /// `sa.Text` columns, which the mapping makes `longtext`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sql_type: Option<Text>,
    /// The default on MySQL, where the PostgreSQL one is SQL text
    /// (`sql("'-1'::integer")`) that MySQL cannot read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Default>,
    /// The expression of a generated column in MySQL's dialect (built
    /// `VIRTUAL`, as Dify's migration builds it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Text>,
}

impl MysqlColumn {
    /// Nothing said: the mapping decides.
    pub const NONE: MysqlColumn = MysqlColumn {
        sql_type: None,
        default: None,
        generated: None,
    };

    pub fn is_none(&self) -> bool {
        *self == MysqlColumn::NONE
    }
}

impl std::default::Default for MysqlColumn {
    fn default() -> Self {
        MysqlColumn::NONE
    }
}

/// The prefix length (in characters) MySQL indexes of one column of an
/// index, for keys that would pass InnoDB's 3072 bytes. A snapshot writes
/// it as `[column, length]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MysqlPrefix {
    pub column: Text,
    pub length: u16,
}

impl Serialize for MysqlPrefix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&self.column, self.length).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for MysqlPrefix {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (column, length) = <(Text, u16)>::deserialize(deserializer)?;
        Ok(MysqlPrefix { column, length })
    }
}

/// An index's MySQL options (`#[index(mysql = "skip" | "whole",
/// mysql_prefix(column = 191))]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MysqlIndex {
    #[serde(default, skip_serializing_if = "is_same")]
    pub build: MysqlBuild,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub prefixes: List<MysqlPrefix>,
}

fn is_same(build: &MysqlBuild) -> bool {
    *build == MysqlBuild::Same
}

impl MysqlIndex {
    /// Nothing said: built as on PostgreSQL, whole columns.
    pub const NONE: MysqlIndex = MysqlIndex {
        build: MysqlBuild::Same,
        prefixes: std::borrow::Cow::Borrowed(&[]),
    };

    pub fn is_none(&self) -> bool {
        *self == MysqlIndex::NONE
    }

    /// The prefix length of `column`, if it is indexed by a prefix.
    pub fn prefix(&self, column: &str) -> Option<u16> {
        self.prefixes
            .iter()
            .find(|prefix| prefix.column == column)
            .map(|prefix| prefix.length)
    }
}

impl std::default::Default for MysqlIndex {
    fn default() -> Self {
        MysqlIndex::NONE
    }
}

impl Schema {
    /// The same schema with every MySQL option at its default: what
    /// PostgreSQL builds and its snapshot records (`migrations/schema.json`
    /// keeps its bytes), and what its diff compares, so that a MySQL-only
    /// change is no PostgreSQL migration.
    pub fn without_mysql(&self) -> Schema {
        let tables = self
            .tables()
            .map(|table| {
                let mut table = table.clone();
                for column in table.columns.to_mut() {
                    column.mysql = MysqlColumn::NONE;
                }
                for index in table.indexes.to_mut() {
                    index.mysql = MysqlIndex::NONE;
                }
                for unique in table.unique_constraints.to_mut() {
                    unique.mysql_name = None;
                }
                for relation in table.relations.to_mut() {
                    relation.mysql_foreign_key = None;
                }
                table
            })
            .collect();
        Schema::owned(tables, self.security().clone())
    }
}
