//! Cross-field rules: what one key of a declaration means for another
//! (a `join` needs `references`, a generated column has no default), and
//! what the columns, indexes and owner of an entity must agree on. Each
//! reports at the token that breaks it, through `Ctxt`, and says how to fix
//! it. The values themselves were interpreted in `attr.rs`.

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::{Ident, Path, Type};

use crate::ctxt::Ctxt;
use crate::ir::{Column, Index, Ownership, PrimaryKey, SqlType, UniqueConstraint};
use crate::parse::{ColumnDecl, OwnerDecl};
use crate::rust_type::{expected_rust_type, fits, RustKind};

use super::attr::article;

/// The field's Rust type can hold the column's SQL type.
pub fn rust_type_fits(cx: &mut Ctxt, value_ty: &Type, rust: RustKind, sql_type: SqlType) {
    if fits(rust, sql_type) {
        return;
    }
    let found = value_ty.to_token_stream().to_string().replace(' ', "");
    let extra = if rust == RustKind::Custom {
        " (a type of your own can hold only a varchar or text column, as a #[derive(StringEnum)] enum)"
    } else {
        ""
    };
    cx.error_spanned(
        value_ty,
        format!(
            "`{found}` cannot hold {} column; use {}{extra}",
            article(sql_type),
            expected_rust_type(sql_type)
        ),
    );
}

/// A reference names an existing row, so nothing generates its value.
pub fn client_default_of_a_reference(cx: &mut Ctxt, decl: &ColumnDecl) {
    if let (Some(ident), Some(_)) = (&decl.client_default, &decl.references) {
        cx.error_at(
            ident.span(),
            "a reference names an existing row, so it cannot have a `client_default`",
        );
    }
}

/// `join`, `foreign_key` and `on_delete` belong to a relation, which
/// points at a uuid key.
pub fn relation_keys(cx: &mut Ctxt, decl: &ColumnDecl, sql_type: SqlType, sql_type_span: Span) {
    if let (Some(join), None) = (&decl.join, &decl.references) {
        cx.error_at(
            join.span(),
            "`join` only applies to a column with `references = ...`",
        );
    }
    if let (Some(action), None) = (&decl.on_delete, &decl.foreign_key) {
        cx.error_at(
            action.span(),
            "`on_delete` is the action of a foreign key; add `foreign_key = \"...\"` too",
        );
    }
    if let (Some(foreign_key), None) = (&decl.foreign_key, &decl.references) {
        cx.error_at(
            foreign_key.span(),
            "`foreign_key` names the constraint of a relation; add `references = Parent` too",
        );
    }
    if decl.references.is_some() && sql_type != SqlType::Uuid {
        cx.error_at(
            sql_type_span,
            "a column with `references` points at a uuid primary key, so it must be `uuid`",
        );
    }
}

/// `references = any(...)` lists two or more entities and has no join and
/// no foreign key.
pub fn any_of_keys(cx: &mut Ctxt, decl: &ColumnDecl, keyword: &Ident, parents: &[Path]) {
    if let Some(join) = &decl.join {
        cx.error_at(
            join.span(),
            "a column that points at one of several entities has no Diesel join; remove `join`",
        );
    }
    if let Some(foreign_key) = &decl.foreign_key {
        cx.error_at(
            foreign_key.span(),
            "a foreign key points at one table; `references = any(...)` cannot have one",
        );
    }
    if parents.len() < 2 {
        cx.error_at(
            keyword.span(),
            "`any(...)` lists two or more entities; for one, write `references = App`",
        );
    }
}

/// The rest of a column's keys against each other: `generated`,
/// `insert_as`, `no_reference`, `cross_tenant`, and a NOT NULL key.
pub fn column_keys(cx: &mut Ctxt, decl: &ColumnDecl, column: &Column) {
    if let Some(expression) = &decl.generated {
        let conflict = if column.default.is_some() {
            Some("a default")
        } else if column.client_default.is_some() {
            Some("a client default")
        } else if column.primary_key {
            Some("a primary key")
        } else if column.audit.is_some() {
            Some("an audit role")
        } else {
            None
        };
        if let Some(conflict) = conflict {
            cx.error_at(
                expression.span(),
                format!("a generated column is computed by PostgreSQL, so it cannot also have {conflict}"),
            );
        }
        if expression.value().trim().is_empty() {
            cx.error_at(
                expression.span(),
                "`generated` needs the SQL expression it computes",
            );
        }
    }
    if let Some(narrower) = &decl.insert_as {
        if column.rust != RustKind::Custom {
            cx.error_spanned(
                narrower,
                "`insert_as` names a narrower string enum for a string-enum column; this column is not one",
            );
        }
    }
    if let Some(reason) = &decl.no_reference {
        if column.relation.is_some() || !column.any_of.is_empty() {
            cx.error_at(
                reason.span(),
                "a column either `references` a parent or has `no_reference`, not both",
            );
        } else if column.sql_type != SqlType::Uuid {
            cx.error_at(
                reason.span(),
                "`no_reference` explains a uuid column that points at no one row; other columns need no explanation",
            );
        } else if reason.value().trim().is_empty() {
            cx.error_at(
                reason.span(),
                "say why this uuid is not a reference, e.g. `no_reference = \"an account or an end user, by created_by_role\"`",
            );
        }
    }
    if let Some(flag) = &decl.cross_tenant {
        if column.sql_type != SqlType::Uuid {
            cx.error_at(
                flag.span(),
                "`cross_tenant` marks a uuid column that holds a tenant's id",
            );
        }
    }
    if column.primary_key && column.nullable {
        cx.error_spanned(
            &column.ty,
            "a primary key column cannot be NULL; use the type without `Option`",
        );
    }
}

/// A GIN index covers jsonb columns and is never unique.
pub fn gin_index(
    cx: &mut Ctxt,
    columns: &[Column],
    resolved: &[(usize, bool)],
    unique: bool,
    span: Span,
) {
    for (index, _) in resolved {
        if columns[*index].sql_type != SqlType::Jsonb {
            cx.error_at(
                span,
                format!(
                    "a GIN index needs jsonb columns, and `{}` is `{}`",
                    columns[*index].name,
                    columns[*index].sql_type.dsl_name()
                ),
            );
        }
    }
    if unique {
        cx.error_at(span, "a GIN index cannot be unique");
    }
}

pub fn duplicate_columns(cx: &mut Ctxt, columns: &[Column]) {
    let mut seen = HashMap::new();
    for column in columns {
        if let Some(first) = seen.insert(column.name.clone(), column.field.to_string()) {
            cx.error_at(
                column.field.span(),
                format!("the column `{}` is declared twice (first as field `{first}`); rename one with `name = \"...\"`", column.name),
            );
        }
    }
}

pub fn duplicate_index_names(
    cx: &mut Ctxt,
    primary_key: &Option<PrimaryKey>,
    indexes: &[Index],
    unique_constraints: &[UniqueConstraint],
) {
    // Index, unique-constraint and primary-key names share one namespace in
    // PostgreSQL, so a clash between any two would fail at migration time.
    let mut seen: Vec<&str> = primary_key.iter().map(|key| key.name.as_str()).collect();
    let names = indexes
        .iter()
        .map(|index| (index.name.as_str(), index.name_span))
        .chain(
            unique_constraints
                .iter()
                .map(|unique| (unique.name.as_str(), unique.name_span)),
        );
    for (name, span) in names {
        if seen.contains(&name) {
            cx.error_at(
                span,
                format!("the name `{name}` is used twice in this entity; index, constraint and primary key names are unique per schema"),
            );
        }
        seen.push(name);
    }
}

pub fn duplicate_joins(cx: &mut Ctxt, columns: &[Column]) {
    // Diesel joins a pair of tables on one key only.
    let mut joined: HashMap<String, &str> = HashMap::new();
    for column in columns {
        let Some(relation) = &column.relation else {
            continue;
        };
        if !relation.join {
            continue;
        }
        let parent = relation.parent.to_token_stream().to_string();
        if let Some(first) = joined.insert(parent.clone(), &column.name) {
            cx.error_spanned(
                &relation.parent,
                format!(
                    "`{}` is already joined through `{first}`; Diesel joins two tables on one key, so add `join = false` to this column",
                    parent.replace(' ', "")
                ),
            );
        }
    }
}

/// A column that names a tenant but is not the row's owner is either a
/// mistake (the entity should be `owner = tenant`) or a deliberate reference
/// to another tenant, which the declaration must say (`cross_tenant`):
/// scopes neither fill nor check it.
pub fn tenant_like_columns(cx: &mut Ctxt, columns: &[Column], owner: Option<&OwnerDecl>) {
    let owner_is_tenant = matches!(owner, Some(OwnerDecl::Tenant(_)));
    for column in columns {
        if !column.name.ends_with("tenant_id") || column.cross_tenant {
            continue;
        }
        if owner_is_tenant && column.name == "tenant_id" {
            continue;
        }
        let hint = if column.name == "tenant_id" {
            "if it is the row's owner, declare `owner = tenant`; if it points at another tenant on purpose, mark it `#[column(uuid, cross_tenant)]`"
        } else {
            "if it points at another tenant on purpose, mark it `#[column(uuid, cross_tenant)]`"
        };
        cx.error_at(
            column.field.span(),
            format!(
                "`{}` holds a tenant's id, but scopes neither fill nor check it; {hint}",
                column.name
            ),
        );
    }
}

/// A uuid column that looks like a reference (`*_id`, `*_by`) and is not
/// the key, an audit column or the owning tenant must say where it points: `references = Parent` (forms then take a
/// branded `Id` for a tenant-owned parent, so a row cannot be linked to
/// another workspace's), `references = any(...)`, `cross_tenant`, or
/// `no_reference = "why"`. A plain uuid in a form would take any
/// workspace's id.
pub fn undeclared_references(
    cx: &mut Ctxt,
    columns: &[Column],
    ownership: Option<&Ownership>,
    via: Option<String>,
) {
    for (index, column) in columns.iter().enumerate() {
        let owning_tenant =
            matches!(ownership, Some(Ownership::Tenant { column }) if *column == index);
        // A `via` column without `references` has its own error already, and
        // so has a `tenant_id` of an entity that names no owner.
        let via_column = via.as_deref() == Some(column.name.as_str());
        let unowned_tenant = ownership.is_none() && column.name == "tenant_id";
        let looks_like_reference = column.name.ends_with("_id") || column.name.ends_with("_by");
        if via_column
            || unowned_tenant
            || !looks_like_reference
            || column.sql_type != SqlType::Uuid
            || column.primary_key
            || column.audit.is_some()
            || owning_tenant
            || column.is_reference()
            || column.cross_tenant
            || column.no_reference.is_some()
        {
            continue;
        }
        cx.error_at(
            column.field.span(),
            format!(
                "`{}` is a uuid that does not say what it points at; write `references = Parent` (forms then take an `Id` of the scope for a tenant-owned parent), `references = any(App, Dataset)` for one of several entities, or `no_reference = \"why\"` when it names no one row",
                column.name
            ),
        );
    }
}

/// What MySQL needs said about a column that its type does not settle: a
/// generated column's expression in MySQL's dialect, and the default of a
/// `sql(...)` one that MySQL keeps (it drops those of text and json
/// columns, as Dify's MySQL schema has none).
pub fn mysql_column_keys(cx: &mut Ctxt, decl: &ColumnDecl, column: &Column) {
    match (&decl.generated, &decl.mysql_generated) {
        (Some(expression), None) => cx.error_at(
            expression.span(),
            "MySQL cannot read PostgreSQL's expression: add `mysql_generated = \"...\"`, the expression in MySQL's dialect (built VIRTUAL)",
        ),
        (None, Some(expression)) => cx.error_at(
            expression.span(),
            "`mysql_generated` goes with `generated = \"...\"`; this column is not generated",
        ),
        _ => {}
    }
    let keeps_default = !matches!(
        column.sql_type,
        SqlType::Text | SqlType::Json | SqlType::Jsonb
    );
    match (&column.default, &decl.mysql_default) {
        (Some(crate::ir::Default::Sql(_)), None) if keeps_default => {
            let span = decl.default.as_ref().map_or(column.sql_type_span, |d| d.span());
            cx.error_at(
                span,
                "`sql(...)` is PostgreSQL's SQL, which MySQL may not read: add `mysql_default = ...` (a literal such as `-1`, or `sql(\"...\")` in MySQL's dialect)",
            );
        }
        (Some(crate::ir::Default::Sql(_)), Some(_)) if !keeps_default => {
            cx.error_at(
                decl.mysql_default.as_ref().map_or(column.sql_type_span, |d| d.span()),
                "MySQL builds a text or json column without a default (as Dify's MySQL schema does), so `mysql_default` has no effect here; remove it",
            );
        }
        (Some(crate::ir::Default::Sql(_)), Some(_)) => {}
        (_, Some(default)) => cx.error_at(
            default.span(),
            "`mysql_default` replaces a `default = sql(\"...\")` that MySQL cannot read; this column's default is rendered for MySQL as it is",
        ),
        _ => {}
    }
    if let (Some(name), None) = (&decl.mysql_foreign_key, &decl.foreign_key) {
        cx.error_at(
            name.span(),
            "`mysql_foreign_key` renames a foreign key on MySQL; the column needs `foreign_key = \"...\"` first",
        );
    }
}

/// InnoDB's longest key, in bytes.
const MYSQL_MAX_KEY_BYTES: u32 = 3072;

/// What MySQL needs said about an index: how it builds one it lacks (GIN,
/// partial), and a prefix for keys that would pass InnoDB's 3072 bytes or
/// hold a text column. `declared` is the `mysql = ...` span, if any.
pub fn mysql_index(
    cx: &mut Ctxt,
    index: &Index,
    columns: &[Column],
    declared: Option<Span>,
    span: Span,
) {
    use crate::ir::{IndexMethod, MysqlBuild};
    match (index.method, index.predicate.is_some(), index.mysql_build) {
        (IndexMethod::Gin, _, MysqlBuild::Same) => cx.error_at(
            span,
            "MySQL has no GIN index: add `mysql = \"skip\"` (the index is not built on MySQL)",
        ),
        (IndexMethod::Gin, _, MysqlBuild::Whole) => cx.error_at(
            declared.unwrap_or(span),
            "a GIN index has no MySQL counterpart to build whole: write `mysql = \"skip\"`",
        ),
        (_, true, MysqlBuild::Same) => cx.error_at(
            span,
            "MySQL has no partial index: add `mysql = \"whole\"` (built over every row, without the WHERE) or `mysql = \"skip\"` (not built on MySQL)",
        ),
        (IndexMethod::Btree, false, MysqlBuild::Whole) => cx.error_at(
            declared.unwrap_or(span),
            "`mysql = \"whole\"` builds a partial index without its WHERE; this index has no `where`",
        ),
        _ => {}
    }
    // A GIN index is never built on MySQL: its key is not MySQL's to size.
    if index.mysql_build == MysqlBuild::Skip || index.method == IndexMethod::Gin {
        return;
    }
    let span = index.name_span;
    let mut bytes = 0;
    for (column, _) in &index.columns {
        let prefix = index
            .mysql_prefixes
            .iter()
            .find(|(prefixed, _)| prefixed == column)
            .map(|(_, length)| u32::from(*length));
        let column = &columns[*column];
        match (prefix, mysql_key_bytes(column)) {
            (Some(length), _) => bytes += 4 * length,
            (None, Some(size)) => bytes += size,
            (None, None) => {
                cx.error_at(
                    span,
                    format!(
                        "MySQL indexes the {} column `{}` only by a prefix: add `mysql_prefix({} = 191)` (or `mysql = \"skip\"`)",
                        column.sql_type.dsl_name(),
                        column.name,
                        column.name
                    ),
                );
                return;
            }
        }
    }
    if bytes > MYSQL_MAX_KEY_BYTES {
        cx.error_at(
            span,
            format!(
                "on MySQL this key is {bytes} bytes (utf8mb4: 4 per character), over InnoDB's {MYSQL_MAX_KEY_BYTES}: add `mysql_prefix(<column> = 191, ...)` for its longest varchar columns"
            ),
        );
    }
}

/// The most bytes a column takes in a MySQL key (utf8mb4, 4 bytes a
/// character), or `None` for a column MySQL indexes only by a prefix.
fn mysql_key_bytes(column: &Column) -> Option<u32> {
    if column.mysql.sql_type.is_some() {
        return None;
    }
    Some(match column.sql_type {
        SqlType::Uuid => 4 * 36,
        SqlType::Varchar(length) => 4 * length.unwrap_or(255),
        SqlType::Text | SqlType::Json | SqlType::Jsonb | SqlType::Bytea => return None,
        SqlType::Timestamp | SqlType::Timestamptz => 5,
        SqlType::Integer => 4,
        SqlType::BigInt => 8,
        SqlType::Boolean => 1,
        SqlType::Float => 4,
        SqlType::Numeric(_) => 16,
    })
}

/// A one-column unique constraint named `<table>_<column>_key` is what
/// PostgreSQL names one SQLAlchemy left unnamed, which MySQL names
/// `<column>`; Dify also names some that way by hand, which MySQL keeps.
/// Nothing in the name tells the two apart, so the declaration says.
pub fn mysql_unique_name(
    cx: &mut Ctxt,
    table: &str,
    unique: &UniqueConstraint,
    columns: &[Column],
) {
    let [column] = unique.columns.as_slice() else {
        return;
    };
    let column = &columns[*column].name;
    if unique.mysql_name.is_none() && unique.name == format!("{table}_{column}_key") {
        cx.error_at(
            unique.name_span,
            format!(
                "`{}` is how PostgreSQL names a unique constraint left unnamed, which MySQL names `{column}`; say which it is on MySQL: `mysql_name = \"{column}\"` (unnamed in Dify's model) or `mysql_name = \"{}\"` (named so in Dify's model)",
                unique.name, unique.name
            ),
        );
    }
}
