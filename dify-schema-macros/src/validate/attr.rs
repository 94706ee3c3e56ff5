//! Value interpretation: each attribute value of a declaration turned into
//! an IR value (an SQL type, a default, a capability, an index method),
//! or an error at its token saying what the values are. Rules between two
//! fields or two columns are `check.rs`'s (serde keeps the two apart in
//! `attr.rs` and `check.rs`).

use proc_macro2::Span;
use syn::{Ident, LitStr};

use crate::ctxt::Ctxt;
use crate::ir::{
    Audit, Capability, ClientDefault, Default, IndexMethod, MysqlBuild, ServerFunction, SqlType,
};
use crate::parse::{DefaultDecl, SqlTypeArg, SqlTypeDecl};
use crate::rust_type::RustKind;

const SQL_TYPES: &str =
    "uuid, varchar(n), varchar(unbounded), text, json, jsonb, timestamp, timestamptz, \
     integer, bigint, boolean, float, numeric, numeric(p, s), bytea";

pub fn sql_type(cx: &mut Ctxt, decl: &SqlTypeDecl) -> Option<SqlType> {
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

pub fn default(
    cx: &mut Ctxt,
    decl: &DefaultDecl,
    sql_type: SqlType,
    rust: RustKind,
    serial_sequence: &str,
) -> Option<Default> {
    let span = decl.span();
    match decl {
        DefaultDecl::Sql { sql, .. } => Some(Default::Sql(sql.value())),
        DefaultDecl::Sequence { name, .. } => {
            if !is_integral(sql_type) {
                return wrong_default(cx, span, sql_type, "a sequence");
            }
            sql_name(cx, name, "sequence");
            Some(Default::Sequence {
                name: name.value(),
                owned: false,
            })
        }
        DefaultDecl::Function { name, args: None } if name == "serial" => {
            if !is_integral(sql_type) {
                return wrong_default(cx, span, sql_type, "`serial`");
            }
            Some(Default::Sequence {
                name: serial_sequence.to_owned(),
                owned: true,
            })
        }
        DefaultDecl::Literal { lit, negative, .. } => {
            literal_default(cx, span, lit, *negative, sql_type, rust)
        }
        DefaultDecl::Function { name, args } => {
            function_default(cx, span, name, args.as_deref(), sql_type)
        }
    }
}

fn is_integral(sql_type: SqlType) -> bool {
    matches!(sql_type, SqlType::Integer | SqlType::BigInt)
}

/// Reports a default of the wrong kind for its column, with a hint of
/// what the column's type takes.
fn wrong_default(cx: &mut Ctxt, span: Span, sql_type: SqlType, what: &str) -> Option<Default> {
    cx.error_at(
        span,
        format!(
            "{what} cannot be the default of {} column{}",
            article(sql_type),
            default_hint(sql_type)
        ),
    );
    None
}

/// `default = "..."`, `0`, `-1.5`, `true`.
fn literal_default(
    cx: &mut Ctxt,
    span: Span,
    lit: &syn::Lit,
    negative: bool,
    sql_type: SqlType,
    rust: RustKind,
) -> Option<Default> {
    match lit {
        syn::Lit::Str(text) if !negative => string_default(cx, span, text, sql_type, rust),
        syn::Lit::Int(int) => integer_default(cx, span, int, negative, sql_type),
        syn::Lit::Float(float) => match sql_type {
            SqlType::Float | SqlType::Numeric(_) => {
                let digits = float.base10_digits();
                Some(Default::Decimal(if negative {
                    format!("-{digits}")
                } else {
                    digits.to_owned()
                }))
            }
            _ => wrong_default(cx, span, sql_type, "a decimal number"),
        },
        syn::Lit::Bool(boolean) if !negative => match sql_type {
            SqlType::Boolean => Some(Default::Bool(boolean.value)),
            _ => wrong_default(cx, span, sql_type, &format!("`{}`", boolean.value)),
        },
        _ => wrong_default(cx, span, sql_type, "this literal"),
    }
}

/// A string default: on a textual or JSON column, within its length, and
/// never empty for a string enum.
fn string_default(
    cx: &mut Ctxt,
    span: Span,
    text: &syn::LitStr,
    sql_type: SqlType,
    rust: RustKind,
) -> Option<Default> {
    if !(sql_type.is_textual() || sql_type.is_json()) {
        return wrong_default(cx, span, sql_type, "a string");
    }
    let value = text.value();
    if let SqlType::Varchar(Some(max)) = sql_type {
        let length = value.chars().count();
        if length > max as usize {
            cx.error_at(
                span,
                format!("this default has {length} characters, more than varchar({max}) holds"),
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

/// An integer default: 64 bits, 32 on an `integer` column; kept as written
/// on a decimal column.
fn integer_default(
    cx: &mut Ctxt,
    span: Span,
    int: &syn::LitInt,
    negative: bool,
    sql_type: SqlType,
) -> Option<Default> {
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
            cx.error_at(
                span,
                "this integer does not fit an `integer` column (32 bits); use `bigint`",
            );
            None
        }
        SqlType::Integer | SqlType::BigInt => Some(Default::Int(value)),
        SqlType::Float | SqlType::Numeric(_) => Some(Default::Decimal(digits)),
        _ => wrong_default(cx, span, sql_type, "an integer"),
    }
}

/// A server function default, on a column of the type it returns.
fn function_default(
    cx: &mut Ctxt,
    span: Span,
    name: &Ident,
    args: Option<&[syn::LitInt]>,
    sql_type: SqlType,
) -> Option<Default> {
    let function = match (name.to_string().as_str(), args) {
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
        ServerFunction::UuidGenerateV4 | ServerFunction::GenRandomUuid | ServerFunction::UuidV7 => {
            sql_type == SqlType::Uuid
        }
        ServerFunction::CurrentTimestamp(_) | ServerFunction::Now => sql_type.is_time(),
    };
    if !fits {
        return wrong_default(cx, span, sql_type, &format!("`{name}`"));
    }
    Some(Default::Function(function))
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

pub fn client_default(cx: &mut Ctxt, ident: &Ident, sql_type: SqlType) -> Option<ClientDefault> {
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

pub fn audit(cx: &mut Ctxt, ident: &Ident, sql_type: SqlType, has_default: bool) -> Option<Audit> {
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

pub fn capability(cx: &mut Ctxt, capability: Option<&Ident>) -> Option<Capability> {
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

pub fn sql_name(cx: &mut Ctxt, name: &LitStr, what: &str) {
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
pub fn article(sql_type: SqlType) -> String {
    let name = sql_type.dsl_name();
    // Every type name but `integer` is said with "a" (`uuid` starts with a "you").
    let an = name == "integer";
    format!("{} `{name}`", if an { "an" } else { "a" })
}

/// `on_delete = cascade | set_null | restrict`: the foreign key's action.
pub fn on_delete(cx: &mut Ctxt, action: &Ident) -> Option<&'static str> {
    match action.to_string().as_str() {
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
    }
}

/// `using = btree | gin`, `btree` when absent.
pub fn index_method(cx: &mut Ctxt, using: Option<&Ident>) -> IndexMethod {
    match using {
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
    }
}

/// `mysql_type = "text"`: the MySQL type of a `text` column whose MySQL
/// spelling is not the mapping's `longtext` (Dify's plain `sa.Text`).
pub fn mysql_type(cx: &mut Ctxt, value: &LitStr, sql_type: SqlType) -> Option<String> {
    const TEXT_TYPES: [&str; 4] = ["tinytext", "text", "mediumtext", "longtext"];
    let name = value.value();
    if sql_type != SqlType::Text {
        cx.error_at(
            value.span(),
            format!(
                "`mysql_type` chooses among MySQL's text types, for a `text` column; this one is `{}`, which MySQL maps by itself",
                sql_type.dsl_name()
            ),
        );
        return None;
    }
    if !TEXT_TYPES.contains(&name.as_str()) {
        cx.error_at(
            value.span(),
            format!(
                "unknown MySQL text type `{name}`; expected one of: {}",
                TEXT_TYPES.join(", ")
            ),
        );
        return None;
    }
    Some(name)
}

/// `mysql = "skip" | "whole"`: how MySQL builds an index it cannot build
/// as declared.
pub fn mysql_build(cx: &mut Ctxt, value: &LitStr) -> Option<MysqlBuild> {
    match value.value().as_str() {
        "skip" => Some(MysqlBuild::Skip),
        "whole" => Some(MysqlBuild::Whole),
        other => {
            cx.error_at(
                value.span(),
                format!("unknown `mysql = \"{other}\"`; expected \"skip\" (MySQL does not build the index) or \"whole\" (MySQL builds a partial index over every row, without its WHERE)"),
            );
            None
        }
    }
}

/// A prefix length of `mysql_prefix(column = n)`: 1 to 3072 / 4 characters.
pub fn mysql_prefix_length(cx: &mut Ctxt, length: &syn::LitInt) -> Option<u16> {
    match length.base10_parse::<u16>() {
        Ok(n) if (1..=768).contains(&n) => Some(n),
        _ => {
            cx.error_at(
                length.span(),
                "a prefix length is a number of characters from 1 to 768 (3072 bytes of utf8mb4)",
            );
            None
        }
    }
}
