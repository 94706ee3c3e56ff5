//! What a field's Rust type can hold (`rust_type.rs`).

use syn::{parse_quote, Type};

use crate::ir::SqlType;
use crate::rust_type::{classify, expected_rust_type, fits, unwrap_option, RustKind};

const ALL_KINDS: [RustKind; 13] = [
    RustKind::Uuid,
    RustKind::String,
    RustKind::I32,
    RustKind::I64,
    RustKind::Bool,
    RustKind::F64,
    RustKind::DateTime,
    RustKind::ZonedDateTime,
    RustKind::Json,
    RustKind::Bytes,
    RustKind::Decimal,
    RustKind::Custom,
    RustKind::Unsupported,
];

const ALL_SQL_TYPES: [SqlType; 16] = [
    SqlType::Uuid,
    SqlType::Varchar(Some(255)),
    SqlType::Varchar(None),
    SqlType::Text,
    SqlType::Json,
    SqlType::Jsonb,
    SqlType::Timestamp,
    SqlType::Timestamptz,
    SqlType::Integer,
    SqlType::BigInt,
    SqlType::Boolean,
    SqlType::Float,
    SqlType::Numeric(Some((10, 7))),
    SqlType::Numeric(None),
    SqlType::Bytea,
    SqlType::Varchar(Some(1)),
];

#[test]
fn classify_known_names() {
    let cases: [(Type, RustKind); 16] = [
        (parse_quote!(Uuid), RustKind::Uuid),
        (parse_quote!(uuid::Uuid), RustKind::Uuid),
        (parse_quote!(String), RustKind::String),
        (parse_quote!(std::string::String), RustKind::String),
        (parse_quote!(i32), RustKind::I32),
        (parse_quote!(i64), RustKind::I64),
        (parse_quote!(bool), RustKind::Bool),
        (parse_quote!(f64), RustKind::F64),
        (parse_quote!(NaiveDateTime), RustKind::DateTime),
        (parse_quote!(chrono::NaiveDateTime), RustKind::DateTime),
        (parse_quote!(Json), RustKind::Json),
        (parse_quote!(serde_json::Value), RustKind::Json),
        (parse_quote!(JsonValue), RustKind::Json),
        (parse_quote!(BigDecimal), RustKind::Decimal),
        (parse_quote!(Vec<u8>), RustKind::Bytes),
        (parse_quote!(AppMode), RustKind::Custom),
    ];
    for (ty, kind) in cases {
        assert_eq!(classify(&ty), kind, "{}", quote::quote!(#ty));
    }
}

#[test]
fn classify_refuses_what_no_column_holds() {
    let unsupported: [Type; 14] = [
        parse_quote!(Option<String>),
        parse_quote!(Box<str>),
        parse_quote!(std::sync::Arc<String>),
        parse_quote!(&str),
        parse_quote!(&'static str),
        parse_quote!((Uuid, Uuid)),
        parse_quote!([u8; 16]),
        parse_quote!(f32),
        parse_quote!(u32),
        parse_quote!(i16),
        parse_quote!(Vec<String>),
        parse_quote!(Vec<i32>),
        parse_quote!(Wrapper<String>),
        parse_quote!(<T as Trait>::Assoc),
    ];
    for ty in unsupported {
        assert_eq!(
            classify(&ty),
            RustKind::Unsupported,
            "{}",
            quote::quote!(#ty)
        );
    }
}

#[test]
fn unwrap_option_splits_nullable_types() {
    let ty: Type = parse_quote!(Option<String>);
    let (inner, nullable) = unwrap_option(&ty);
    assert!(nullable);
    let string: Type = parse_quote!(String);
    assert_eq!(*inner, string);

    let ty: Type = parse_quote!(std::option::Option<chrono::NaiveDateTime>);
    let (inner, nullable) = unwrap_option(&ty);
    assert!(nullable);
    assert_eq!(classify(inner), RustKind::DateTime);

    let ty: Type = parse_quote!(Uuid);
    let (inner, nullable) = unwrap_option(&ty);
    assert!(!nullable);
    assert_eq!(*inner, ty);

    // `Option<Option<T>>` is one level of nullability; the inner `Option`
    // is then refused by `classify`.
    let ty: Type = parse_quote!(Option<Option<Uuid>>);
    let (inner, nullable) = unwrap_option(&ty);
    assert!(nullable);
    assert_eq!(classify(inner), RustKind::Unsupported);
}

/// Which SQL types each kind fits, spelled out for every pair.
#[test]
fn fits_matrix() {
    for kind in ALL_KINDS {
        for sql_type in ALL_SQL_TYPES {
            let expected = match kind {
                RustKind::Uuid => sql_type == SqlType::Uuid,
                RustKind::String | RustKind::Custom => {
                    matches!(sql_type, SqlType::Varchar(_) | SqlType::Text)
                }
                RustKind::I32 => sql_type == SqlType::Integer,
                RustKind::I64 => sql_type == SqlType::BigInt,
                RustKind::Bool => sql_type == SqlType::Boolean,
                RustKind::F64 => sql_type == SqlType::Float,
                RustKind::DateTime => sql_type == SqlType::Timestamp,
                RustKind::ZonedDateTime => sql_type == SqlType::Timestamptz,
                RustKind::Json => matches!(sql_type, SqlType::Json | SqlType::Jsonb),
                RustKind::Bytes => sql_type == SqlType::Bytea,
                RustKind::Decimal => matches!(sql_type, SqlType::Numeric(_)),
                RustKind::Unsupported => false,
            };
            assert_eq!(fits(kind, sql_type), expected, "{kind:?} / {sql_type:?}");
        }
    }
}

#[test]
fn a_string_enum_cannot_hold_a_non_textual_column() {
    assert!(fits(RustKind::Custom, SqlType::Varchar(Some(16))));
    assert!(fits(RustKind::Custom, SqlType::Text));
    assert!(!fits(RustKind::Custom, SqlType::Integer));
    assert!(!fits(RustKind::Custom, SqlType::Json));
}

/// The type a message suggests for a SQL type is one that fits it.
#[test]
fn expected_rust_type_fits() {
    for sql_type in ALL_SQL_TYPES {
        let suggested = expected_rust_type(sql_type);
        // The suggestion starts with the type in backticks: "`i32`",
        // "`String` (or a `#[derive(StringEnum)]` enum)".
        let name = suggested
            .strip_prefix('`')
            .and_then(|rest| rest.split('`').next())
            .unwrap_or_else(|| panic!("`{suggested}` does not start with a type in backticks"));
        let ty: Type = syn::parse_str(name).expect("a Rust type");
        assert!(
            fits(classify(&ty), sql_type),
            "`{suggested}` is suggested for `{}` but does not fit it",
            sql_type.dsl_name()
        );
    }
}

#[test]
fn dsl_names() {
    let names: Vec<String> = ALL_SQL_TYPES.iter().map(SqlType::dsl_name).collect();
    assert_eq!(
        names,
        [
            "uuid",
            "varchar(255)",
            "varchar(unbounded)",
            "text",
            "json",
            "jsonb",
            "timestamp",
            "timestamptz",
            "integer",
            "bigint",
            "boolean",
            "float",
            "numeric(10, 7)",
            "numeric",
            "bytea",
            "varchar(1)",
        ]
    );
}
