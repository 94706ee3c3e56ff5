//! Stage 2: the syntax tree to the IR, with every rule checked.
//!
//! Each rule reports at the token that breaks it and says how to fix it.
//! All rules run even after a failure, so one compile lists every mistake
//! of a declaration. Rules that need another entity (the parent of a `via`
//! must be tenant-owned, an enum column's type must be a string enum) are
//! left to trait bounds in the expansion, spanned at the user's tokens.
//!
//! `attr.rs` interprets each attribute value; `check.rs` holds the rules
//! between fields and columns; this module assembles the IR, resolving the
//! column names a declaration uses and deciding what the expanders would
//! otherwise decide (the parent of a `via`, `Access`).

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::{Ident, LitStr, Path};

use crate::ctxt::Ctxt;
use crate::ir::{
    Access, Capability, Column, Entity, Index, IndexMethod, MysqlColumn, Ownership, PrimaryKey,
    Relation, SoftDelete, SqlType, UniqueConstraint, Visible,
};
use crate::parse::{
    ColumnDecl, DefaultDecl, EntityDecl, FieldDecl, IndexDecl, OwnerDecl, ReferencesDecl,
    VisibleDecl,
};
use crate::rust_type::{classify, unwrap_option};

mod attr;
mod check;
mod lifecycle;

/// Validates a parsed declaration. Returns `None` only when a mistake
/// leaves nothing sensible to expand; the mistakes themselves are in `cx`.
pub fn validate(cx: &mut Ctxt, decl: EntityDecl) -> Option<Entity> {
    let table = match decl.args.table.clone() {
        Some(table) => {
            attr::sql_name(cx, &table, "table");
            table
        }
        None => {
            cx.error_at(
                decl.args.span.unwrap_or_else(Span::call_site),
                format!(
                    "entity `{}` has no table name; write `#[entity(table = \"...\", owner = ...)]`",
                    decl.ident
                ),
            );
            LitStr::new("missing", decl.ident.span())
        }
    };

    let via = decl.args.owner_via();
    let columns: Vec<Column> = decl
        .fields
        .into_iter()
        .filter_map(|field| validate_field(cx, &table.value(), field))
        .collect();
    check::duplicate_columns(cx, &columns);
    let names = ColumnNames::new(&columns);

    let primary_key = validate_primary_key(
        cx,
        &decl.ident,
        &table,
        &columns,
        decl.args.primary_key_name,
    );
    check::tenant_like_columns(cx, &columns, decl.args.owner.as_ref());
    let ownership = validate_owner(
        cx,
        &decl.ident,
        decl.args.owner,
        decl.args.span,
        &columns,
        &names,
    );
    check::undeclared_references(cx, &columns, ownership.as_ref(), via);
    let soft_delete = decl
        .args
        .soft_delete
        .and_then(|column| validate_soft_delete(cx, &column, &columns, &names));
    let write = attr::capability(cx, decl.args.write.as_ref()).unwrap_or(Capability::Editing);
    let create = attr::capability(cx, decl.args.create.as_ref()).unwrap_or(write);
    let visibility = validate_visibility(
        cx,
        &decl.ident,
        decl.args.visible,
        ownership.as_ref(),
        decl.args.span,
    );

    let mut indexes = Vec::new();
    let mut unique_constraints = Vec::new();
    for index in decl.indexes {
        validate_index(
            cx,
            &table.value(),
            index,
            &columns,
            &names,
            &mut indexes,
            &mut unique_constraints,
        );
    }
    check::duplicate_index_names(cx, &primary_key, &indexes, &unique_constraints);
    let mut columns = columns;
    disable_self_joins(&decl.ident, &mut columns);
    check::duplicate_joins(cx, &columns);

    let insert_ident = decl
        .args
        .insert_name
        .unwrap_or_else(|| Ident::new(&format!("New{}", decl.ident), decl.ident.span()));
    let changes_ident = decl
        .args
        .changes_name
        .unwrap_or_else(|| Ident::new(&format!("{}Changes", decl.ident), decl.ident.span()));

    let find = |cx: &mut Ctxt, ident: &Ident, what: &str| names.find(cx, ident, &columns, what);
    let retention = decl.retention.and_then(|retention| {
        lifecycle::retention(
            cx,
            retention,
            &columns,
            &find,
            primary_key.as_ref(),
            &indexes,
            &unique_constraints,
            ownership.as_ref(),
        )
    });
    let partition = decl.partition.and_then(|partition| {
        lifecycle::partition(cx, partition, &columns, &find, &unique_constraints)
    });

    let primary_key = primary_key?;
    let ownership = ownership?;
    let access = access(&columns, &primary_key, &ownership);
    Some(Entity {
        attrs: decl.attrs,
        vis: decl.vis,
        ident: decl.ident,
        table,
        columns,
        primary_key,
        indexes,
        unique_constraints,
        ownership,
        soft_delete,
        write,
        create,
        visibility,
        insert_ident,
        changes_ident,
        access,
        retention,
        partition,
    })
}

/// The scoped accessors take a tenant-owned entity keyed by one NOT NULL
/// uuid; any other (a global entity, a composite key) is reached through
/// the system path only. Both are legal: the IR says which.
fn access(columns: &[Column], primary_key: &PrimaryKey, ownership: &Ownership) -> Access {
    if matches!(ownership, Ownership::Global) {
        return Access::SystemOnly;
    }
    match primary_key.columns.as_slice() {
        [key] if columns[*key].sql_type == SqlType::Uuid && !columns[*key].nullable => {
            Access::Scoped { key: *key }
        }
        _ => Access::SystemOnly,
    }
}

/// Finds columns by SQL name or by field name (they differ only for
/// renamed columns such as `r#type` / `type`).
struct ColumnNames {
    by_name: HashMap<String, usize>,
}

impl ColumnNames {
    fn new(columns: &[Column]) -> Self {
        let mut by_name = HashMap::new();
        for (index, column) in columns.iter().enumerate() {
            by_name.entry(column.name.clone()).or_insert(index);
            by_name
                .entry(column.field.unraw().to_string())
                .or_insert(index);
        }
        ColumnNames { by_name }
    }

    /// The column called `ident`, or an error at `ident` that lists the columns.
    fn find(&self, cx: &mut Ctxt, ident: &Ident, columns: &[Column], what: &str) -> Option<usize> {
        let name = ident.unraw().to_string();
        if let Some(index) = self.by_name.get(&name) {
            return Some(*index);
        }
        let known: Vec<_> = columns.iter().map(|column| column.name.as_str()).collect();
        cx.error_at(
            ident.span(),
            format!(
                "{what} names `{name}`, which is not a column of this entity; the columns are: {}",
                known.join(", ")
            ),
        );
        None
    }
}

fn validate_field(cx: &mut Ctxt, table: &str, field: FieldDecl) -> Option<Column> {
    let Some(decl) = field.column else {
        cx.error_at(
            field.ident.span(),
            format!(
                "field `{}` has no #[column(...)]; give it its SQL type, e.g. `#[column(varchar(255))]` or `#[column(uuid)]`",
                field.ident
            ),
        );
        return None;
    };
    let (value_ty, nullable) = unwrap_option(&field.ty);
    let value_ty = value_ty.clone();
    let rust = classify(&value_ty);

    let sql_type_span = decl.sql_type.as_ref().map_or(decl.span, |t| t.name.span());
    let sql_type = match &decl.sql_type {
        Some(sql_type) => attr::sql_type(cx, sql_type),
        None => {
            cx.error_at(
                decl.span,
                "#[column(...)] starts with the SQL type, e.g. `#[column(varchar(255))]`",
            );
            None
        }
    };

    let name = match &decl.name {
        Some(name) => {
            attr::sql_name(cx, name, "column");
            name.value()
        }
        None => field.ident.unraw().to_string(),
    };

    let sql_type = sql_type?;
    check::rust_type_fits(cx, &value_ty, rust, sql_type);

    let default_span = decl
        .default
        .as_ref()
        .map_or(sql_type_span, DefaultDecl::span);
    let default = decl.default.as_ref().and_then(|default| {
        attr::default(cx, default, sql_type, rust, &format!("{table}_{name}_seq"))
    });
    check::client_default_of_a_reference(cx, &decl);
    let client_default = decl
        .client_default
        .as_ref()
        .and_then(|ident| attr::client_default(cx, ident, sql_type));
    let has_default = default.is_some() || client_default.is_some();
    let audit = decl
        .audit
        .as_ref()
        .and_then(|ident| attr::audit(cx, ident, sql_type, has_default));
    check::relation_keys(cx, &decl, sql_type, sql_type_span);
    let (relation, any_of) = relation(cx, &decl);
    let mysql = MysqlColumn {
        sql_type: decl
            .mysql_type
            .as_ref()
            .and_then(|value| attr::mysql_type(cx, value, sql_type)),
        default: decl.mysql_default.as_ref().and_then(|default| {
            attr::default(cx, default, sql_type, rust, &format!("{table}_{name}_seq"))
        }),
        generated: decl.mysql_generated.as_ref().map(LitStr::value),
    };

    let column = Column {
        attrs: field.attrs,
        vis: field.vis,
        field: field.ident,
        name,
        ty: field.ty,
        value_ty,
        nullable,
        rust,
        sql_type,
        sql_type_span,
        primary_key: decl.primary_key.is_some(),
        default,
        default_span,
        client_default,
        audit,
        relation,
        any_of,
        no_reference: decl.no_reference.as_ref().map(LitStr::value),
        insert_as: decl.insert_as.clone(),
        generated: decl.generated.as_ref().map(LitStr::value),
        fixed: decl.fixed.is_some(),
        cross_tenant: decl.cross_tenant.is_some(),
        mysql,
    };
    check::column_keys(cx, &decl, &column);
    check::mysql_column_keys(cx, &decl, &column);
    Some(column)
}

/// `references = Parent` (with its `join`, `foreign_key` and `on_delete`),
/// or the parents of `references = any(...)`.
fn relation(cx: &mut Ctxt, decl: &ColumnDecl) -> (Option<Relation>, Vec<Path>) {
    match &decl.references {
        None => (None, Vec::new()),
        Some(ReferencesDecl::One(parent)) => {
            let relation = Relation {
                parent: parent.clone(),
                join: decl.join.as_ref().is_none_or(|join| join.value),
                foreign_key: decl.foreign_key.as_ref().map(LitStr::value),
                on_delete: decl
                    .on_delete
                    .as_ref()
                    .and_then(|action| attr::on_delete(cx, action)),
                mysql_foreign_key: decl.mysql_foreign_key.as_ref().map(LitStr::value),
            };
            (Some(relation), Vec::new())
        }
        Some(ReferencesDecl::Any { keyword, parents }) => {
            check::any_of_keys(cx, decl, keyword, parents);
            (None, parents.clone())
        }
    }
}

fn validate_primary_key(
    cx: &mut Ctxt,
    entity: &Ident,
    table: &LitStr,
    columns: &[Column],
    name: Option<LitStr>,
) -> Option<PrimaryKey> {
    let key: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, column)| column.primary_key)
        .map(|(index, _)| index)
        .collect();
    if key.is_empty() {
        let example = columns
            .iter()
            .find(|column| column.name == "id")
            .map(|column| {
                format!(
                    "#[column({}, primary_key)]\n    {}{}: {},",
                    column.sql_type.dsl_name(),
                    visibility_prefix(&column.vis),
                    column.field,
                    column.ty.to_token_stream().to_string().replace(' ', "")
                )
            })
            .unwrap_or_else(|| {
                "#[column(uuid, primary_key, default = uuid_generate_v4())]\n    pub id: Uuid,"
                    .to_owned()
            });
        cx.error_at(
            entity.span(),
            format!(
                "entity `{entity}` has no primary key; mark its key column:\n\n    {example}\n"
            ),
        );
        return None;
    }
    let name = match name {
        Some(name) => {
            attr::sql_name(cx, &name, "primary key");
            name.value()
        }
        None => format!("{}_pkey", table.value()),
    };
    Some(PrimaryKey { name, columns: key })
}

fn validate_owner(
    cx: &mut Ctxt,
    entity: &Ident,
    owner: Option<OwnerDecl>,
    args_span: Option<Span>,
    columns: &[Column],
    names: &ColumnNames,
) -> Option<Ownership> {
    let Some(owner) = owner else {
        cx.error_at(
            args_span.unwrap_or_else(|| entity.span()),
            format!(
                "entity `{entity}` does not say who owns its rows; add `owner = tenant` (it has a tenant_id), `owner = via(<column>)` (it belongs to a tenant through a parent) or `owner = global`"
            ),
        );
        return None;
    };
    match owner {
        OwnerDecl::Global => Some(Ownership::Global),
        OwnerDecl::Tenant(keyword) => {
            let Some(index) = columns.iter().position(|column| column.name == "tenant_id") else {
                cx.error_at(
                    keyword.span(),
                    format!(
                        "a tenant-owned entity needs a `tenant_id` column; add it to `{entity}`:\n\n    #[column(uuid)]\n    pub tenant_id: Uuid,\n"
                    ),
                );
                return None;
            };
            if columns[index].sql_type != SqlType::Uuid {
                cx.error_at(
                    columns[index].sql_type_span,
                    "`tenant_id` must be a `uuid` column",
                );
                return None;
            }
            Some(Ownership::Tenant { column: index })
        }
        OwnerDecl::Via { column } => {
            let index = names.find(cx, &column, columns, "`via`")?;
            let target = &columns[index];
            if target.relation.is_none() {
                cx.error_at(
                    column.span(),
                    format!(
                        "`via({name})` needs to know the parent; add `references = Parent` to the `{name}` column, e.g. `#[column(uuid, references = App)]`",
                        name = target.name
                    ),
                );
                return None;
            }
            if target.nullable {
                cx.error_at(
                    column.span(),
                    format!(
                        "`via({})` must be NOT NULL: a row without a parent would belong to no tenant",
                        target.name
                    ),
                );
                return None;
            }
            let parent = target.relation.as_ref()?.parent.clone();
            Some(Ownership::Via {
                column: index,
                parent,
            })
        }
    }
}

fn validate_soft_delete(
    cx: &mut Ctxt,
    ident: &Ident,
    columns: &[Column],
    names: &ColumnNames,
) -> Option<SoftDelete> {
    let index = names.find(cx, ident, columns, "`soft_delete`")?;
    match (columns[index].sql_type, columns[index].nullable) {
        (SqlType::Boolean, false) => Some(SoftDelete::Flag(index)),
        (SqlType::Timestamp, true) => Some(SoftDelete::Timestamp(index)),
        _ => {
            cx.error_at(
                ident.span(),
                "`soft_delete` names a NOT NULL boolean flag (`is_deleted: bool`) or a nullable timestamp (`deleted_at: Option<NaiveDateTime>`)",
            );
            None
        }
    }
}

/// A global table says which of its rows a tenant scope may read; a
/// tenant-owned one shows its tenant's rows and says nothing.
fn validate_visibility(
    cx: &mut Ctxt,
    entity: &Ident,
    visible: Option<VisibleDecl>,
    ownership: Option<&Ownership>,
    args_span: Option<Span>,
) -> Visible {
    let global = matches!(ownership, Some(Ownership::Global));
    match visible {
        None if global => {
            cx.error_at(
                args_span.unwrap_or_else(|| entity.span()),
                format!(
                    "global entity `{entity}` does not say what a tenant scope may read of it; add `visible = all` (shared reference data), `visible = none` (only system work, e.g. secrets) or `visible = rows(\"id = {{tenant}}\")` (the rows a member of the scope's workspace may see)"
                ),
            );
            Visible::None
        }
        None => Visible::Tenant,
        Some(decl) if !global => {
            let span = match &decl {
                VisibleDecl::All(keyword) | VisibleDecl::None(keyword) => keyword.span(),
                VisibleDecl::Rows { keyword, .. } => keyword.span(),
            };
            if ownership.is_some() {
                cx.error_at(
                    span,
                    "a tenant-owned entity shows a scope its tenant's rows; `visible` is for `owner = global`",
                );
            }
            Visible::Tenant
        }
        Some(VisibleDecl::All(_)) => Visible::All,
        Some(VisibleDecl::None(_)) => Visible::None,
        Some(VisibleDecl::Rows { condition, .. }) => {
            let sql = condition.value();
            if !sql.contains("{tenant}") {
                cx.error_at(
                    condition.span(),
                    "a `rows(...)` condition names the scope's tenant as `{tenant}`, e.g. `rows(\"id = {tenant}\")`",
                );
            }
            Visible::Rows(sql)
        }
    }
}

fn validate_index(
    cx: &mut Ctxt,
    table: &str,
    decl: IndexDecl,
    columns: &[Column],
    names: &ColumnNames,
    indexes: &mut Vec<Index>,
    unique_constraints: &mut Vec<UniqueConstraint>,
) {
    let kind = if decl.is_constraint {
        "unique"
    } else {
        "index"
    };
    let Some(name) = decl.name else {
        cx.error_at(
            decl.attribute.span(),
            format!("#[{kind}] needs a name, as Dify names it: `#[{kind}(name = \"app_tenant_id_idx\", columns(tenant_id))]`"),
        );
        return;
    };
    attr::sql_name(cx, &name, kind);
    if decl.columns.is_empty() {
        cx.error_at(
            name.span(),
            format!("#[{kind}] needs `columns(...)`, e.g. `columns(tenant_id)`"),
        );
        return;
    }
    let mut resolved = Vec::new();
    for column in &decl.columns {
        if let Some(index) = names.find(cx, &column.column, columns, &format!("#[{kind}]")) {
            if resolved.iter().any(|(seen, _)| *seen == index) {
                cx.error_at(
                    column.column.span(),
                    "this column is listed twice in the index",
                );
            }
            resolved.push((index, column.descending));
        }
    }
    if resolved.len() != decl.columns.len() {
        return;
    }
    if decl.is_constraint {
        let key: Vec<usize> = resolved.into_iter().map(|(index, _)| index).collect();
        let mysql_name = decl.mysql_name.as_ref().map(|mysql_name| {
            attr::sql_name(cx, mysql_name, "unique constraint");
            mysql_name.value()
        });
        let unique = UniqueConstraint {
            name: name.value(),
            name_span: name.span(),
            columns: key,
            mysql_name,
        };
        check::mysql_unique_name(cx, table, &unique, columns);
        unique_constraints.push(unique);
        return;
    }
    let method = attr::index_method(cx, decl.using.as_ref());
    if method == IndexMethod::Gin {
        let span = decl.using.as_ref().map_or(name.span(), Ident::span);
        check::gin_index(cx, columns, &resolved, decl.unique.is_some(), span);
    }
    if let Some(predicate) = &decl.predicate {
        if predicate.value().trim().is_empty() {
            cx.error_at(
                predicate.span(),
                "`where` needs a condition, e.g. `where = \"status = 'active'\"`",
            );
        }
    }
    // Where a missing `mysql = ...` is reported: at what MySQL lacks.
    let span = match (&decl.using, &decl.predicate) {
        (Some(using), _) if method == IndexMethod::Gin => using.span(),
        (_, Some(predicate)) => predicate.span(),
        _ => name.span(),
    };
    let mysql_build = decl
        .mysql
        .as_ref()
        .and_then(|value| attr::mysql_build(cx, value))
        .unwrap_or_default();
    let mut mysql_prefixes = Vec::new();
    if let Some((_, prefixes)) = &decl.mysql_prefix {
        for (column, length) in prefixes {
            let Some(position) = names.find(cx, column, columns, "`mysql_prefix`") else {
                continue;
            };
            if !resolved.iter().any(|(indexed, _)| *indexed == position) {
                cx.error_at(
                    column.span(),
                    "`mysql_prefix` names a column of the index; this one is not in `columns(...)`",
                );
                continue;
            }
            if !columns[position].sql_type.is_textual() {
                cx.error_at(
                    column.span(),
                    "MySQL indexes a prefix of a varchar or text column only",
                );
                continue;
            }
            if let Some(length) = attr::mysql_prefix_length(cx, length) {
                mysql_prefixes.push((position, length));
            }
        }
    }
    let index = Index {
        name: name.value(),
        name_span: name.span(),
        columns: resolved,
        unique: decl.unique.is_some(),
        method,
        predicate: decl.predicate.map(|predicate| predicate.value()),
        mysql_build,
        mysql_prefixes,
    };
    check::mysql_index(
        cx,
        &index,
        columns,
        decl.mysql.as_ref().map(LitStr::span),
        span,
    );
    indexes.push(index);
}

/// A relation to the entity itself (`messages.parent_message_id`) is kept
/// in the IR, but Diesel cannot join a table to itself without an alias.
fn disable_self_joins(entity: &Ident, columns: &mut [Column]) {
    for column in columns {
        if let Some(relation) = &mut column.relation {
            if relation.parent.is_ident(entity) || relation.parent.is_ident("Self") {
                relation.join = false;
            }
        }
    }
}

/// `pub ` for a `pub` field, as the user wrote it, for suggested code.
fn visibility_prefix(vis: &syn::Visibility) -> String {
    match vis {
        syn::Visibility::Inherited => String::new(),
        vis => format!("{} ", vis.to_token_stream().to_string().replace(' ', "")),
    }
}
