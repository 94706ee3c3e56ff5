//! Stage 2: the syntax tree to the IR, with every rule checked.
//!
//! Each rule reports at the token that breaks it and says how to fix it.
//! All rules run even after a failure, so one compile lists every mistake
//! of a declaration. Rules that need another entity (the parent of a `via`
//! must be tenant-owned, an enum column's type must be a string enum) are
//! left to trait bounds in the expansion, spanned at the user's tokens.

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::{Ident, LitStr};

use crate::ctxt::Ctxt;
use crate::ir::{
    Audit, Capability, ClientDefault, Column, Default, Entity, Index, IndexMethod, Ownership,
    PrimaryKey, Relation, ServerFunction, SoftDelete, SqlType, UniqueConstraint, Visible,
};
use crate::parse::{
    ColumnDecl, DefaultDecl, EntityDecl, FieldDecl, IndexDecl, OwnerDecl, ReferencesDecl,
    SqlTypeArg, SqlTypeDecl, VisibleDecl,
};
use crate::rust_type::{classify, expected_rust_type, fits, unwrap_option, RustKind};

const SQL_TYPES: &str =
    "uuid, varchar(n), varchar(unbounded), text, json, jsonb, timestamp, timestamptz, \
     integer, bigint, boolean, float, numeric, numeric(p, s), bytea";

/// Validates a parsed declaration. Returns `None` only when a mistake
/// leaves nothing sensible to expand; the mistakes themselves are in `cx`.
pub fn validate(cx: &mut Ctxt, decl: EntityDecl) -> Option<Entity> {
    let table = match decl.args.table.clone() {
        Some(table) => {
            check_sql_name(cx, &table, "table");
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
    check_duplicate_columns(cx, &columns);
    let names = ColumnNames::new(&columns);

    let primary_key = validate_primary_key(
        cx,
        &decl.ident,
        &table,
        &columns,
        decl.args.primary_key_name,
    );
    check_tenant_like_columns(cx, &columns, decl.args.owner.as_ref());
    let ownership = validate_owner(
        cx,
        &decl.ident,
        decl.args.owner,
        decl.args.span,
        &columns,
        &names,
    );
    check_undeclared_references(cx, &columns, ownership.as_ref(), via);
    let soft_delete = decl
        .args
        .soft_delete
        .and_then(|column| validate_soft_delete(cx, &column, &columns, &names));
    let write = validate_capability(cx, decl.args.write.as_ref()).unwrap_or(Capability::Editing);
    let create = validate_capability(cx, decl.args.create.as_ref()).unwrap_or(write);
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
            index,
            &columns,
            &names,
            &mut indexes,
            &mut unique_constraints,
        );
    }
    check_duplicate_index_names(cx, &primary_key, &indexes, &unique_constraints);
    let mut columns = columns;
    disable_self_joins(&decl.ident, &mut columns);
    check_duplicate_joins(cx, &columns);

    let insert_ident = decl
        .args
        .insert_name
        .unwrap_or_else(|| Ident::new(&format!("New{}", decl.ident), decl.ident.span()));
    let changes_ident = decl
        .args
        .changes_name
        .unwrap_or_else(|| Ident::new(&format!("{}Changes", decl.ident), decl.ident.span()));

    Some(Entity {
        attrs: decl.attrs,
        vis: decl.vis,
        ident: decl.ident,
        table,
        columns,
        primary_key: primary_key?,
        indexes,
        unique_constraints,
        ownership: ownership?,
        soft_delete,
        write,
        create,
        visibility,
        insert_ident,
        changes_ident,
    })
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
        Some(sql_type) => parse_sql_type(cx, sql_type),
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
            check_sql_name(cx, name, "column");
            name.value()
        }
        None => field.ident.unraw().to_string(),
    };

    let sql_type = sql_type?;
    if !fits(rust, sql_type) {
        let found = value_ty.to_token_stream().to_string().replace(' ', "");
        let extra = if rust == RustKind::Custom {
            " (a type of your own can hold only a varchar or text column, as a #[derive(StringEnum)] enum)"
        } else {
            ""
        };
        cx.error_spanned(
            &value_ty,
            format!(
                "`{found}` cannot hold {} column; use {}{extra}",
                article(sql_type),
                expected_rust_type(sql_type)
            ),
        );
    }

    let ColumnDecl {
        primary_key,
        default,
        client_default,
        references,
        join,
        foreign_key,
        audit,
        cross_tenant,
        no_reference,
        insert_as,
        generated,
        fixed,
        on_delete,
        ..
    } = decl;

    let default_span = default.as_ref().map_or(sql_type_span, DefaultDecl::span);
    let default = default.and_then(|default| {
        validate_default(cx, default, sql_type, rust, &format!("{table}_{name}_seq"))
    });
    if let (Some(ident), Some(_)) = (&client_default, &references) {
        cx.error_at(
            ident.span(),
            "a reference names an existing row, so it cannot have a `client_default`",
        );
    }
    let client_default =
        client_default.and_then(|ident| validate_client_default(cx, &ident, sql_type));
    let has_default = default.is_some() || client_default.is_some();
    let audit = audit.and_then(|ident| validate_audit(cx, &ident, sql_type, has_default));
    if let (Some(join), None) = (&join, &references) {
        cx.error_at(
            join.span(),
            "`join` only applies to a column with `references = ...`",
        );
    }
    if let (Some(action), None) = (&on_delete, &foreign_key) {
        cx.error_at(
            action.span(),
            "`on_delete` is the action of a foreign key; add `foreign_key = \"...\"` too",
        );
    }
    if let (Some(foreign_key), None) = (&foreign_key, &references) {
        cx.error_at(
            foreign_key.span(),
            "`foreign_key` names the constraint of a relation; add `references = Parent` too",
        );
    }
    if references.is_some() && sql_type != SqlType::Uuid {
        cx.error_at(
            sql_type_span,
            "a column with `references` points at a uuid primary key, so it must be `uuid`",
        );
    }
    let mut any_of = Vec::new();
    let relation = match references {
        None => None,
        Some(ReferencesDecl::One(parent)) => Some(Relation {
            parent,
            join: join.is_none_or(|join| join.value),
            foreign_key: foreign_key.map(|name| name.value()),
            on_delete: on_delete
                .as_ref()
                .and_then(|action| match action.to_string().as_str() {
                    "cascade" => Some("CASCADE"),
                    "set_null" => Some("SET NULL"),
                    "restrict" => Some("RESTRICT"),
                    _ => {
                        cx.error_at(
                        action.span(),
                        "unknown ON DELETE action; expected `cascade`, `set_null` or `restrict`",
                    );
                        None
                    }
                }),
        }),
        Some(ReferencesDecl::Any { keyword, parents }) => {
            if let Some(join) = &join {
                cx.error_at(
                    join.span(),
                    "a column that points at one of several entities has no Diesel join; remove `join`",
                );
            }
            if let Some(foreign_key) = &foreign_key {
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
            any_of = parents;
            None
        }
    };
    if let Some(expression) = &generated {
        let conflict = if default.is_some() {
            Some("a default")
        } else if client_default.is_some() {
            Some("a client default")
        } else if primary_key.is_some() {
            Some("a primary key")
        } else if audit.is_some() {
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
    if let Some(narrower) = &insert_as {
        if rust != RustKind::Custom {
            cx.error_spanned(
                narrower,
                "`insert_as` names a narrower string enum for a string-enum column; this column is not one",
            );
        }
    }
    if let Some(reason) = &no_reference {
        if relation.is_some() || !any_of.is_empty() {
            cx.error_at(
                reason.span(),
                "a column either `references` a parent or has `no_reference`, not both",
            );
        } else if sql_type != SqlType::Uuid {
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
    if let Some(flag) = &cross_tenant {
        if sql_type != SqlType::Uuid {
            cx.error_at(
                flag.span(),
                "`cross_tenant` marks a uuid column that holds a tenant's id",
            );
        }
    }
    if primary_key.is_some() && nullable {
        cx.error_spanned(
            &field.ty,
            "a primary key column cannot be NULL; use the type without `Option`",
        );
    }

    Some(Column {
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
        primary_key: primary_key.is_some(),
        default,
        default_span,
        client_default,
        audit,
        relation,
        any_of,
        no_reference: no_reference.map(|reason| reason.value()),
        insert_as,
        generated: generated.map(|expression| expression.value()),
        fixed: fixed.is_some(),
        cross_tenant: cross_tenant.is_some(),
    })
}

fn parse_sql_type(cx: &mut Ctxt, decl: &SqlTypeDecl) -> Option<SqlType> {
    let name = decl.name.to_string();
    let args: Option<&[SqlTypeArg]> = decl.args.as_ref().map(|(_, args)| args.as_slice());
    let no_args = |cx: &mut Ctxt, sql_type: SqlType| {
        if let Some((span, _)) = &decl.args {
            cx.error_at(
                *span,
                format!("`{name}` takes no arguments; write just `{name}`"),
            );
        }
        Some(sql_type)
    };
    match name.as_str() {
        "uuid" => no_args(cx, SqlType::Uuid),
        "text" => no_args(cx, SqlType::Text),
        "json" => no_args(cx, SqlType::Json),
        "jsonb" => no_args(cx, SqlType::Jsonb),
        "timestamp" => no_args(cx, SqlType::Timestamp),
        "timestamptz" => no_args(cx, SqlType::Timestamptz),
        "integer" => no_args(cx, SqlType::Integer),
        "bigint" => no_args(cx, SqlType::BigInt),
        "boolean" => no_args(cx, SqlType::Boolean),
        "float" => no_args(cx, SqlType::Float),
        "bytea" => no_args(cx, SqlType::Bytea),
        "varchar" => match args {
            None => {
                cx.error_at(
                    decl.name.span(),
                    "varchar needs a length: write `varchar(255)`, or `varchar(unbounded)` for a column that has none",
                );
                None
            }
            Some([SqlTypeArg::Int(length)]) => match length.base10_parse::<u32>() {
                Ok(n) if n > 0 && n <= 10_485_760 => Some(SqlType::Varchar(Some(n))),
                _ => {
                    cx.error_at(length.span(), "a varchar length is between 1 and 10485760");
                    None
                }
            },
            Some([SqlTypeArg::Ident(ident)]) if ident == "unbounded" => {
                Some(SqlType::Varchar(None))
            }
            Some(_) => {
                let span = decl
                    .args
                    .as_ref()
                    .map_or(decl.name.span(), |(span, _)| *span);
                cx.error_at(
                    span,
                    "expected one length: `varchar(255)` or `varchar(unbounded)`",
                );
                None
            }
        },
        "numeric" => match args {
            None => Some(SqlType::Numeric(None)),
            Some([SqlTypeArg::Int(precision), SqlTypeArg::Int(scale)]) => {
                match (precision.base10_parse::<u16>(), scale.base10_parse::<u16>()) {
                    (Ok(p), Ok(s)) if (1..=1000).contains(&p) && s <= p => {
                        Some(SqlType::Numeric(Some((p, s))))
                    }
                    _ => {
                        cx.error_at(
                            precision.span(),
                            "numeric(p, s) needs 1 <= p <= 1000 and 0 <= s <= p",
                        );
                        None
                    }
                }
            }
            Some(_) => {
                let span = decl
                    .args
                    .as_ref()
                    .map_or(decl.name.span(), |(span, _)| *span);
                cx.error_at(
                    span,
                    "expected a precision and a scale: `numeric(10, 7)`, or just `numeric`",
                );
                None
            }
        },
        _ => {
            cx.error_at(
                decl.name.span(),
                format!("unknown SQL type `{name}`; the SQL types are: {SQL_TYPES}"),
            );
            None
        }
    }
}

fn validate_default(
    cx: &mut Ctxt,
    decl: DefaultDecl,
    sql_type: SqlType,
    rust: RustKind,
    serial_sequence: &str,
) -> Option<Default> {
    let span = decl.span();
    let wrong = |cx: &mut Ctxt, what: &str| {
        cx.error_at(
            span,
            format!(
                "{what} cannot be the default of {} column{}",
                article(sql_type),
                default_hint(sql_type)
            ),
        );
        None
    };
    let integral = matches!(sql_type, SqlType::Integer | SqlType::BigInt);
    match decl {
        DefaultDecl::Sql { sql, .. } => Some(Default::Sql(sql.value())),
        DefaultDecl::Sequence { name, .. } => {
            if !integral {
                return wrong(cx, "a sequence");
            }
            check_sql_name(cx, &name, "sequence");
            Some(Default::Sequence {
                name: name.value(),
                owned: false,
            })
        }
        DefaultDecl::Function { name, args: None } if name == "serial" => {
            if !integral {
                return wrong(cx, "`serial`");
            }
            Some(Default::Sequence {
                name: serial_sequence.to_owned(),
                owned: true,
            })
        }
        DefaultDecl::Literal { lit, negative, .. } => {
            match lit {
                syn::Lit::Str(text) if !negative => {
                    if !(sql_type.is_textual() || sql_type.is_json()) {
                        return wrong(cx, "a string");
                    }
                    let value = text.value();
                    if let SqlType::Varchar(Some(max)) = sql_type {
                        if value.chars().count() > max as usize {
                            cx.error_at(
                            span,
                            format!("this default has {} characters, more than varchar({max}) holds", value.chars().count()),
                        );
                            return None;
                        }
                    }
                    if rust == RustKind::Custom && value.is_empty() {
                        cx.error_at(span, "an empty string is not a value of a string enum");
                        return None;
                    }
                    Some(Default::Str(value))
                }
                syn::Lit::Int(int) => {
                    let digits = if negative {
                        format!("-{}", int.base10_digits())
                    } else {
                        int.base10_digits().to_owned()
                    };
                    let Ok(value) = digits.parse::<i64>() else {
                        cx.error_at(span, "this integer does not fit in 64 bits");
                        return None;
                    };
                    match sql_type {
                        SqlType::Integer if i32::try_from(value).is_err() => {
                            cx.error_at(span, "this integer does not fit an `integer` column (32 bits); use `bigint`");
                            None
                        }
                        SqlType::Integer | SqlType::BigInt => Some(Default::Int(value)),
                        SqlType::Float | SqlType::Numeric(_) => Some(Default::Decimal(digits)),
                        _ => wrong(cx, "an integer"),
                    }
                }
                syn::Lit::Float(float) => match sql_type {
                    SqlType::Float | SqlType::Numeric(_) => {
                        let digits = float.base10_digits();
                        Some(Default::Decimal(if negative {
                            format!("-{digits}")
                        } else {
                            digits.to_owned()
                        }))
                    }
                    _ => wrong(cx, "a decimal number"),
                },
                syn::Lit::Bool(boolean) if !negative => match sql_type {
                    SqlType::Boolean => Some(Default::Bool(boolean.value)),
                    _ => wrong(cx, &format!("`{}`", boolean.value)),
                },
                _ => wrong(cx, "this literal"),
            }
        }
        DefaultDecl::Function { name, args } => {
            let function = match (name.to_string().as_str(), args.as_deref()) {
                ("uuid_generate_v4", Some([])) => ServerFunction::UuidGenerateV4,
                ("gen_random_uuid", Some([])) => ServerFunction::GenRandomUuid,
                ("uuidv7", Some([])) => ServerFunction::UuidV7,
                ("CURRENT_TIMESTAMP", None) => ServerFunction::CurrentTimestamp(None),
                ("CURRENT_TIMESTAMP", Some([precision])) => match precision.base10_parse::<u8>() {
                    Ok(p) if p <= 6 => ServerFunction::CurrentTimestamp(Some(p)),
                    _ => {
                        cx.error_at(precision.span(), "a timestamp precision is between 0 and 6");
                        return None;
                    }
                },
                ("now", Some([])) => ServerFunction::Now,
                _ => {
                    cx.error_at(
                        span,
                        format!(
                            "unknown default `{name}`; the server functions are uuid_generate_v4(), gen_random_uuid(), uuidv7(), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(p) and now(); a sequence is `serial` (owned by the column) or `nextval(\"name\")`; for other SQL write `default = sql(\"...\")`, and for a string `default = \"...\"`"
                        ),
                    );
                    return None;
                }
            };
            let fits = match function {
                ServerFunction::UuidGenerateV4
                | ServerFunction::GenRandomUuid
                | ServerFunction::UuidV7 => sql_type == SqlType::Uuid,
                ServerFunction::CurrentTimestamp(_) | ServerFunction::Now => sql_type.is_time(),
            };
            if !fits {
                return wrong(cx, &format!("`{name}`"));
            }
            Some(Default::Function(function))
        }
    }
}

fn default_hint(sql_type: SqlType) -> &'static str {
    match sql_type {
        SqlType::Uuid => "; use `default = uuid_generate_v4()` or `gen_random_uuid()`",
        SqlType::Varchar(_) | SqlType::Text => "; use a string: `default = \"...\"`",
        SqlType::Json | SqlType::Jsonb => "; use a JSON string: `default = \"{}\"`",
        SqlType::Timestamp | SqlType::Timestamptz => {
            "; use `default = CURRENT_TIMESTAMP` or `CURRENT_TIMESTAMP(0)`"
        }
        SqlType::Integer | SqlType::BigInt => {
            "; use an integer (`default = 0`) or a sequence (`default = serial`, `default = nextval(\"name\")`)"
        }
        SqlType::Boolean => "; use `default = false` or `default = true`",
        SqlType::Float | SqlType::Numeric(_) => "; use a number: `default = 0.001`",
        SqlType::Bytea => "; write the SQL: `default = sql(\"'\\\\x'::bytea\")`",
    }
}

fn validate_client_default(
    cx: &mut Ctxt,
    ident: &Ident,
    sql_type: SqlType,
) -> Option<ClientDefault> {
    let (value, wanted) = match ident.to_string().as_str() {
        "uuid4" => (ClientDefault::Uuid4, SqlType::Uuid),
        "uuid7" => (ClientDefault::Uuid7, SqlType::Uuid),
        "now" => (ClientDefault::Now, SqlType::Timestamp),
        _ => {
            cx.error_at(
                ident.span(),
                "unknown client default; expected `uuid4`, `uuid7` or `now`",
            );
            return None;
        }
    };
    if wanted != sql_type {
        cx.error_at(
            ident.span(),
            format!(
                "`client_default = {ident}` fills a `{}` column, not a `{}` one",
                wanted.dsl_name(),
                sql_type.dsl_name()
            ),
        );
        return None;
    }
    Some(value)
}

fn validate_audit(
    cx: &mut Ctxt,
    ident: &Ident,
    sql_type: SqlType,
    has_default: bool,
) -> Option<Audit> {
    let (audit, wanted) = match ident.to_string().as_str() {
        "created_by" => (Audit::CreatedBy, SqlType::Uuid),
        "updated_by" => (Audit::UpdatedBy, SqlType::Uuid),
        "created_at" => (Audit::CreatedAt, SqlType::Timestamp),
        "updated_at" => (Audit::UpdatedAt, SqlType::Timestamp),
        _ => {
            cx.error_at(
                ident.span(),
                "unknown audit role; expected `created_by`, `updated_by`, `created_at` or `updated_at`",
            );
            return None;
        }
    };
    let fits = wanted == sql_type || (wanted.is_time() && sql_type.is_time());
    if !fits {
        cx.error_at(
            ident.span(),
            format!(
                "an `audit = {ident}` column must be `{}`",
                if wanted.is_time() {
                    "timestamp` or `timestamptz".to_owned()
                } else {
                    wanted.dsl_name()
                }
            ),
        );
        return None;
    }
    if matches!(audit, Audit::CreatedAt | Audit::UpdatedAt) && !has_default {
        cx.error_at(
            ident.span(),
            format!("inserts do not set `audit = {ident}` from the form, so give it `default = CURRENT_TIMESTAMP` (or `client_default = now` where the table has no default)"),
        );
        return None;
    }
    Some(audit)
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
            check_sql_name(cx, &name, "primary key");
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
            Some(Ownership::Via { column: index })
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

fn validate_capability(cx: &mut Ctxt, capability: Option<&Ident>) -> Option<Capability> {
    let capability = capability?;
    match capability.to_string().as_str() {
        "member" => Some(Capability::Member),
        "dataset_editing" => Some(Capability::DatasetEditing),
        "editing" => Some(Capability::Editing),
        "privileged" => Some(Capability::Privileged),
        "owner" => Some(Capability::Owner),
        _ => {
            cx.error_at(
                capability.span(),
                "unknown capability; expected `member`, `dataset_editing`, `editing`, `privileged` or `owner`",
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
    check_sql_name(cx, &name, kind);
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
        unique_constraints.push(UniqueConstraint {
            name: name.value(),
            name_span: name.span(),
            columns: resolved.into_iter().map(|(index, _)| index).collect(),
        });
        return;
    }
    let method = match &decl.using {
        None => IndexMethod::Btree,
        Some(method) if method == "btree" => IndexMethod::Btree,
        Some(method) if method == "gin" => IndexMethod::Gin,
        Some(method) => {
            cx.error_at(
                method.span(),
                "unknown index method; expected `btree` (the default) or `gin`",
            );
            IndexMethod::Btree
        }
    };
    if method == IndexMethod::Gin {
        for (index, _) in &resolved {
            if columns[*index].sql_type != SqlType::Jsonb {
                cx.error_at(
                    decl.using.as_ref().map_or(name.span(), Ident::span),
                    format!(
                        "a GIN index needs jsonb columns, and `{}` is `{}`",
                        columns[*index].name,
                        columns[*index].sql_type.dsl_name()
                    ),
                );
            }
        }
        if decl.unique.is_some() {
            cx.error_at(
                decl.using.as_ref().map_or(name.span(), Ident::span),
                "a GIN index cannot be unique",
            );
        }
    }
    if let Some(predicate) = &decl.predicate {
        if predicate.value().trim().is_empty() {
            cx.error_at(
                predicate.span(),
                "`where` needs a condition, e.g. `where = \"status = 'active'\"`",
            );
        }
    }
    indexes.push(Index {
        name: name.value(),
        name_span: name.span(),
        columns: resolved,
        unique: decl.unique.is_some(),
        method,
        predicate: decl.predicate.map(|predicate| predicate.value()),
    });
}

fn check_duplicate_columns(cx: &mut Ctxt, columns: &[Column]) {
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

fn check_duplicate_index_names(
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

fn check_duplicate_joins(cx: &mut Ctxt, columns: &[Column]) {
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

fn check_sql_name(cx: &mut Ctxt, name: &LitStr, what: &str) {
    let value = name.value();
    let valid = !value.is_empty()
        && value.len() <= 63
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !value.starts_with(|c: char| c.is_ascii_digit());
    if !valid {
        cx.error_at(
            name.span(),
            format!("a {what} name is lower-case ASCII letters, digits and `_`, at most 63 bytes, not starting with a digit"),
        );
    }
}

/// "a `uuid`", "an `integer`": the type with its article, for messages.
fn article(sql_type: SqlType) -> String {
    let name = sql_type.dsl_name();
    // Every type name but `integer` is said with "a" (`uuid` starts with a "you").
    let an = name == "integer";
    format!("{} `{name}`", if an { "an" } else { "a" })
}

/// `pub ` for a `pub` field, as the user wrote it, for suggested code.
fn visibility_prefix(vis: &syn::Visibility) -> String {
    match vis {
        syn::Visibility::Inherited => String::new(),
        vis => format!("{} ", vis.to_token_stream().to_string().replace(' ', "")),
    }
}

/// A column that names a tenant but is not the row's owner is either a
/// mistake (the entity should be `owner = tenant`) or a deliberate reference
/// to another tenant, which the declaration must say (`cross_tenant`):
/// scopes neither fill nor check it.
fn check_tenant_like_columns(cx: &mut Ctxt, columns: &[Column], owner: Option<&OwnerDecl>) {
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
fn check_undeclared_references(
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
