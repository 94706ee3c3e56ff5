//! The spelling of generated code that more than one expander needs: the
//! one path to the runtime, and each vocabulary value (`SqlType`,
//! `ServerFunction`, `Capability`, ...) as a runtime path or a Diesel type.
//!
//! Every path generated code names starts with [`rt`]: the runtime's
//! `__private` module, as thiserror reaches its runtime through one private
//! module.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ir::{
    Audit, Capability, ClientDefault, Column, Fill, IndexMethod, MysqlBuild, ServerFunction,
    SqlType,
};
use crate::props::Conversion;

/// The path through which generated code reaches the runtime.
pub fn rt() -> TokenStream {
    quote!(::dify_schema::__private)
}

/// [`rt`] spanned at a user's token, for code whose errors should land
/// there (a constant assertion, a trait bound on a named type).
pub fn rt_at(span: Span) -> TokenStream {
    quote_spanned!(span=> ::dify_schema::__private)
}

/// A `Text` of the runtime's IR (`Cow<'static, str>`), borrowed from a
/// constant: the IR is `Cow` so that a snapshot read from a file is the
/// same type, owned.
pub fn text(value: impl quote::ToTokens) -> TokenStream {
    let rt = rt();
    quote!(#rt::Cow::Borrowed(#value))
}

/// A `List` of the runtime's IR (`Cow<'static, [T]>`), borrowed from a
/// constant array.
pub fn list(items: impl IntoIterator<Item = TokenStream>) -> TokenStream {
    let rt = rt();
    let items = items.into_iter();
    quote!(#rt::Cow::Borrowed(&[#(#items),*]))
}

/// `Some(value)` or `None`.
pub fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

/// `Some(value)` for a nullable column, else `value`.
pub fn some_if_nullable(column: &Column, value: TokenStream) -> TokenStream {
    if column.nullable {
        quote!(::core::option::Option::Some(#value))
    } else {
        value
    }
}

/// A type as one string without spaces (`crate::AppMode`), for messages.
pub fn type_name(ty: &impl quote::ToTokens) -> String {
    quote!(#ty).to_string().replace(' ', "")
}

/// A `schema::SqlType` value.
pub fn sql_type(sql_type: SqlType) -> TokenStream {
    let rt = rt();
    let s = quote!(#rt::schema::SqlType);
    match sql_type {
        SqlType::Uuid => quote!(#s::Uuid),
        SqlType::Varchar(Some(n)) => quote!(#s::Varchar(Some(#n))),
        SqlType::Varchar(None) => quote!(#s::Varchar(None)),
        SqlType::Text => quote!(#s::Text),
        SqlType::Json => quote!(#s::Json),
        SqlType::Jsonb => quote!(#s::Jsonb),
        SqlType::Timestamp => quote!(#s::Timestamp),
        SqlType::Timestamptz => quote!(#s::Timestamptz),
        SqlType::Integer => quote!(#s::Integer),
        SqlType::BigInt => quote!(#s::BigInt),
        SqlType::Boolean => quote!(#s::Boolean),
        SqlType::Float => quote!(#s::Float),
        SqlType::Numeric(Some((p, scale))) => quote!(#s::Numeric(Some((#p, #scale)))),
        SqlType::Numeric(None) => quote!(#s::Numeric(None)),
        SqlType::Bytea => quote!(#s::Bytea),
    }
}

/// A `schema::ServerFunction` value.
pub fn server_function(function: ServerFunction) -> TokenStream {
    let rt = rt();
    let function = match function {
        ServerFunction::UuidGenerateV4 => quote!(UuidGenerateV4),
        ServerFunction::GenRandomUuid => quote!(GenRandomUuid),
        ServerFunction::UuidV7 => quote!(UuidV7),
        ServerFunction::CurrentTimestamp(None) => quote!(CurrentTimestamp(None)),
        ServerFunction::CurrentTimestamp(Some(p)) => quote!(CurrentTimestamp(Some(#p))),
        ServerFunction::Now => quote!(Now),
    };
    quote!(#rt::schema::ServerFunction::#function)
}

/// A `schema::ClientDefault` value.
pub fn client_default(client_default: ClientDefault) -> TokenStream {
    let rt = rt();
    let variant = match client_default {
        ClientDefault::Uuid4 => quote!(Uuid4),
        ClientDefault::Uuid7 => quote!(Uuid7),
        ClientDefault::Now => quote!(Now),
    };
    quote!(#rt::schema::ClientDefault::#variant)
}

/// The function that makes a client default's value (`Uuid::now_v7`).
pub fn client_default_generator(client_default: ClientDefault) -> TokenStream {
    let rt = rt();
    match client_default {
        ClientDefault::Uuid4 => quote!(#rt::uuid::Uuid::new_v4),
        ClientDefault::Uuid7 => quote!(#rt::uuid::Uuid::now_v7),
        ClientDefault::Now => quote!(#rt::now),
    }
}

/// A `schema::Audit` value.
pub fn audit(audit: Audit) -> TokenStream {
    let rt = rt();
    let variant = match audit {
        Audit::CreatedBy => quote!(CreatedBy),
        Audit::UpdatedBy => quote!(UpdatedBy),
        Audit::CreatedAt => quote!(CreatedAt),
        Audit::UpdatedAt => quote!(UpdatedAt),
    };
    quote!(#rt::schema::Audit::#variant)
}

fn capability_variant(capability: Capability) -> TokenStream {
    match capability {
        Capability::Member => quote!(Member),
        Capability::DatasetEditing => quote!(DatasetEditing),
        Capability::Editing => quote!(Editing),
        Capability::Privileged => quote!(Privileged),
        Capability::Owner => quote!(Owner),
    }
}

/// A `schema::Capability` value, for the table description.
pub fn capability(capability: Capability) -> TokenStream {
    let rt = rt();
    let variant = capability_variant(capability);
    quote!(#rt::schema::Capability::#variant)
}

/// The scope's marker type of a capability (`scope::Editing`), for
/// `ScopedAccess::Need`.
pub fn capability_marker(capability: Capability) -> TokenStream {
    let rt = rt();
    let variant = capability_variant(capability);
    quote!(#rt::scope::#variant)
}

/// A `schema::IndexMethod` value.
pub fn index_method(method: IndexMethod) -> TokenStream {
    let rt = rt();
    match method {
        IndexMethod::Gin => quote!(#rt::schema::IndexMethod::Gin),
        IndexMethod::Btree => quote!(#rt::schema::IndexMethod::Btree),
    }
}

/// An `insert::Fill` value.
pub fn fill(fill: Fill) -> TokenStream {
    let rt = rt();
    match fill {
        Fill::Value => quote!(#rt::Fill::Value),
        Fill::ValueOrDefault => quote!(#rt::Fill::ValueOrDefault),
        Fill::Constant => quote!(#rt::Fill::Constant),
    }
}

/// The Diesel SQL type of a column, `Nullable` when the field is an `Option`.
pub fn diesel_sql_type(column: &Column) -> TokenStream {
    let rt = rt();
    let base = diesel_base_type(column.sql_type);
    if column.nullable {
        quote!(#rt::diesel::sql_types::Nullable<#base>)
    } else {
        base
    }
}

/// The SQL type a column is read and bound as on MySQL, with `Nullable`
/// for a nullable column: Dify's MySQL schema holds a uuid as `char(36)`,
/// a timestamp as a `datetime` of whole seconds and json as `json` (see
/// `dify_schema::mysql`); the others as on PostgreSQL.
pub fn mysql_sql_type(column: &Column) -> TokenStream {
    let rt = rt();
    let base = match column.sql_type {
        SqlType::Uuid => quote!(#rt::mysql::Char36),
        SqlType::Timestamp => quote!(#rt::mysql::Datetime),
        SqlType::Timestamptz => quote!(#rt::mysql::UtcDatetime),
        SqlType::Json | SqlType::Jsonb => quote!(#rt::diesel::sql_types::Json),
        other => diesel_base_type(other),
    };
    if column.nullable {
        quote!(#rt::diesel::sql_types::Nullable<#base>)
    } else {
        base
    }
}

/// The Diesel SQL type of a value of this SQL type, never `Nullable`.
pub fn diesel_base_type(sql_type: SqlType) -> TokenStream {
    let rt = rt();
    let base = match sql_type {
        SqlType::Uuid => quote!(Uuid),
        SqlType::Varchar(_) | SqlType::Text => quote!(Text),
        SqlType::Json => quote!(Json),
        SqlType::Jsonb => quote!(Jsonb),
        SqlType::Timestamp => quote!(Timestamp),
        SqlType::Timestamptz => quote!(Timestamptz),
        SqlType::Integer => quote!(Integer),
        SqlType::BigInt => quote!(BigInt),
        SqlType::Boolean => quote!(Bool),
        SqlType::Float => quote!(Double),
        SqlType::Numeric(_) => quote!(Numeric),
        SqlType::Bytea => quote!(Bytea),
    };
    quote!(#rt::diesel::sql_types::#base)
}

/// The SQL value of a form field: string enums as their stored text,
/// references as their uuid. `value` is a `T`, or an `Option<T>` when
/// `optional`.
pub fn sql_value(conversion: Conversion, value: TokenStream, optional: bool) -> TokenStream {
    let rt = rt();
    let convert = match conversion {
        Conversion::Plain => return value,
        Conversion::StringEnum(ty) => {
            quote_spanned!(ty.span()=> <#ty as #rt::StringEnumColumn>::to_db_str)
        }
        Conversion::Reference => quote!(#rt::RefValue::uuid),
    };
    if optional {
        quote!(#value.map(#convert))
    } else {
        quote!(#convert(#value))
    }
}

/// A varchar(n) held in a `String` is checked before the write, so an
/// over-long value is a typed error naming the column, not a database
/// error about "value too long" with no column. `value` is an expression
/// of the field (`new.name`); `depth` is how many `Option`s wrap it (an
/// update form's nullable column is `Option<Option<String>>`).
pub fn length_check(
    table: &str,
    column: &Column,
    value: TokenStream,
    depth: usize,
) -> Option<TokenStream> {
    let rt = rt();
    let max = column.varchar_limit()?;
    let name = &column.name;
    let check = quote!(#rt::check_varchar(#table, #name, #max, value)?;);
    Some(match depth {
        0 => quote!({ let value = &#value; #check }),
        1 => quote!(if let ::core::option::Option::Some(value) = &#value { #check }),
        _ => {
            quote!(if let ::core::option::Option::Some(::core::option::Option::Some(value)) = &#value { #check })
        }
    })
}

/// `MysqlBuild::Same` / `Skip` / `Whole`, as the runtime spells it.
pub fn mysql_build(build: MysqlBuild) -> TokenStream {
    let rt = rt();
    let variant = match build {
        MysqlBuild::Same => quote!(Same),
        MysqlBuild::Skip => quote!(Skip),
        MysqlBuild::Whole => quote!(Whole),
    };
    quote!(#rt::schema::MysqlBuild::#variant)
}
