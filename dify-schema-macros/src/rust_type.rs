//! What a field's Rust type can hold, read from its tokens.
//!
//! A proc macro sees names, not types, so this goes by the last path
//! segment (`Uuid`, `chrono::NaiveDateTime`). A name it does not know is
//! `Custom`: allowed only for varchar/text columns, where the generated code
//! then requires the type to be a string enum, and rustc checks that.

use syn::{GenericArgument, PathArguments, Type};

use dify_schema_ir::SqlType;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RustKind {
    Uuid,
    String,
    I32,
    I64,
    Bool,
    F64,
    DateTime,
    /// `DateTime<Utc>` (or the alias `UtcDateTime`), for `timestamptz`.
    ZonedDateTime,
    Json,
    Bytes,
    Decimal,
    /// Any other named type: a string enum, if the column is textual.
    Custom,
    /// A type no column can hold (references, tuples, `f32`, ...).
    Unsupported,
}

/// Splits `Option<T>` into `(T, true)`; anything else is `(ty, false)`.
pub fn unwrap_option(ty: &Type) -> (&Type, bool) {
    if let Some(inner) = single_generic_argument(ty, "Option") {
        return (inner, true);
    }
    (ty, false)
}

pub fn classify(ty: &Type) -> RustKind {
    let Type::Path(path) = ty else {
        return RustKind::Unsupported;
    };
    if path.qself.is_some() {
        return RustKind::Unsupported;
    }
    let Some(last) = path.path.segments.last() else {
        return RustKind::Unsupported;
    };
    match last.ident.to_string().as_str() {
        "Uuid" => RustKind::Uuid,
        "String" => RustKind::String,
        "i32" => RustKind::I32,
        "i64" => RustKind::I64,
        "bool" => RustKind::Bool,
        "f64" => RustKind::F64,
        "NaiveDateTime" => RustKind::DateTime,
        "UtcDateTime" | "DateTime" => RustKind::ZonedDateTime,
        "Json" | "Value" | "JsonValue" => RustKind::Json,
        "BigDecimal" => RustKind::Decimal,
        "Vec" => match single_generic_argument(ty, "Vec") {
            Some(Type::Path(inner)) if inner.path.is_ident("u8") => RustKind::Bytes,
            _ => RustKind::Unsupported,
        },
        "Option" | "Box" | "Rc" | "Arc" | "f32" | "i8" | "i16" | "u8" | "u16" | "u32" | "u64"
        | "usize" | "isize" | "i128" | "u128" | "char" | "str" => RustKind::Unsupported,
        _ if last.arguments.is_empty() => RustKind::Custom,
        _ => RustKind::Unsupported,
    }
}

/// Whether a field of this kind can hold a column of this SQL type.
pub fn fits(kind: RustKind, sql_type: SqlType) -> bool {
    matches!(
        (kind, sql_type),
        (RustKind::Uuid, SqlType::Uuid)
            | (
                RustKind::String | RustKind::Custom,
                SqlType::Varchar(_) | SqlType::Text
            )
            | (RustKind::Json, SqlType::Json | SqlType::Jsonb)
            | (RustKind::DateTime, SqlType::Timestamp)
            | (RustKind::ZonedDateTime, SqlType::Timestamptz)
            | (RustKind::I32, SqlType::Integer)
            | (RustKind::I64, SqlType::BigInt)
            | (RustKind::Bool, SqlType::Boolean)
            | (RustKind::F64, SqlType::Float)
            | (RustKind::Decimal, SqlType::Numeric(_))
            | (RustKind::Bytes, SqlType::Bytea)
    )
}

/// The Rust type a declaration should use for this SQL type, for messages.
pub fn expected_rust_type(sql_type: SqlType) -> &'static str {
    match sql_type {
        SqlType::Uuid => "`Uuid`",
        SqlType::Varchar(_) | SqlType::Text => "`String` (or a `#[derive(StringEnum)]` enum)",
        SqlType::Json | SqlType::Jsonb => "`Json` (serde_json::Value)",
        SqlType::Timestamp => "`NaiveDateTime`",
        SqlType::Timestamptz => "`UtcDateTime` (`DateTime<Utc>`)",
        SqlType::Integer => "`i32`",
        SqlType::BigInt => "`i64`",
        SqlType::Boolean => "`bool`",
        SqlType::Float => "`f64`",
        SqlType::Numeric(_) => "`BigDecimal`",
        SqlType::Bytea => "`Vec<u8>`",
    }
}

fn single_generic_argument<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
