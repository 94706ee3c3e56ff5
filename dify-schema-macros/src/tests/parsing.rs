//! Stage 1: the syntax tree keeps what was written, and attribute mistakes
//! are collected without stopping the parse.

use proc_macro2::TokenStream;
use quote::quote;

use super::messages;
use crate::ctxt::Ctxt;
use crate::parse::{parse_entity, DefaultDecl, EntityDecl, OwnerDecl, ReferencesDecl, SqlTypeArg};

/// Parses a declaration that has no mistakes.
fn parse(args: TokenStream, item: TokenStream) -> EntityDecl {
    let mut cx = Ctxt::new();
    let decl = parse_entity(&mut cx, args, item).expect("a struct with named fields");
    if let Err(error) = cx.check() {
        panic!("unexpected parse errors: {:?}", messages(error));
    }
    decl
}

/// The messages of the mistakes a declaration's attributes make.
fn parse_errors(args: TokenStream, item: TokenStream) -> Vec<String> {
    let mut cx = Ctxt::new();
    parse_entity(&mut cx, args, item).expect("a struct with named fields");
    match cx.check() {
        Ok(()) => panic!("expected parse errors"),
        Err(error) => messages(error),
    }
}

#[test]
fn entity_args_are_kept() {
    let decl = parse(
        quote!(
            table = "apps",
            owner = tenant,
            primary_key_name = "app_pkey",
            soft_delete = is_deleted,
            write = privileged,
            insert = AppDraft,
            changes = AppPatch
        ),
        quote!(
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Uuid,
            }
        ),
    );
    let args = &decl.args;
    assert_eq!(
        args.table.as_ref().map(syn::LitStr::value).as_deref(),
        Some("apps")
    );
    assert!(matches!(&args.owner, Some(OwnerDecl::Tenant(keyword)) if keyword == "tenant"));
    assert_eq!(
        args.primary_key_name
            .as_ref()
            .map(syn::LitStr::value)
            .as_deref(),
        Some("app_pkey")
    );
    assert!(args
        .soft_delete
        .as_ref()
        .is_some_and(|ident| ident == "is_deleted"));
    assert!(args
        .write
        .as_ref()
        .is_some_and(|ident| ident == "privileged"));
    assert!(args
        .insert_name
        .as_ref()
        .is_some_and(|ident| ident == "AppDraft"));
    assert!(args
        .changes_name
        .as_ref()
        .is_some_and(|ident| ident == "AppPatch"));
    assert_eq!(decl.ident, "App");
}

#[test]
fn owner_via_keeps_its_column() {
    let decl = parse(
        quote!(table = "conversations", owner = via(app_id)),
        quote!(
            pub struct Conversation {
                #[column(uuid, references = App)]
                pub app_id: Uuid,
            }
        ),
    );
    let Some(OwnerDecl::Via { column }) = &decl.args.owner else {
        panic!("expected `owner = via(...)`");
    };
    assert_eq!(column, "app_id");
}

#[test]
fn owner_global() {
    let decl = parse(
        quote!(table = "accounts", owner = global),
        quote!(
            pub struct Account {
                #[column(uuid, primary_key)]
                pub id: Uuid,
            }
        ),
    );
    assert!(matches!(decl.args.owner, Some(OwnerDecl::Global)));
}

#[test]
fn index_keeps_columns_order_method_and_predicate() {
    let decl = parse(
        quote!(table = "apps", owner = tenant),
        quote! {
            #[index(
                name = "app_active_idx",
                columns(tenant_id, created_at desc, name asc),
                unique,
                using = btree,
                where = "status = 'active'"
            )]
            #[unique(name = "app_name_key", columns(tenant_id, name))]
            pub struct App {
                #[column(uuid)]
                pub tenant_id: Uuid,
            }
        },
    );
    assert_eq!(decl.indexes.len(), 2);

    let index = &decl.indexes[0];
    assert!(!index.is_constraint);
    assert_eq!(index.attribute, "index");
    assert_eq!(
        index.name.as_ref().map(syn::LitStr::value).as_deref(),
        Some("app_active_idx")
    );
    let columns: Vec<(String, bool)> = index
        .columns
        .iter()
        .map(|column| (column.column.to_string(), column.descending))
        .collect();
    assert_eq!(
        columns,
        [
            ("tenant_id".to_owned(), false),
            ("created_at".to_owned(), true),
            ("name".to_owned(), false),
        ]
    );
    assert!(index.unique.is_some());
    assert!(index.using.as_ref().is_some_and(|using| using == "btree"));
    assert_eq!(
        index.predicate.as_ref().map(syn::LitStr::value).as_deref(),
        Some("status = 'active'")
    );

    let constraint = &decl.indexes[1];
    assert!(constraint.is_constraint);
    assert_eq!(constraint.attribute, "unique");
    let columns: Vec<String> = constraint
        .columns
        .iter()
        .map(|c| c.column.to_string())
        .collect();
    assert_eq!(columns, ["tenant_id", "name"]);
    assert!(constraint.unique.is_none() && constraint.predicate.is_none());
}

#[test]
fn column_attribute_is_kept_as_written() {
    let decl = parse(
        quote!(table = "messages", owner = via(app_id)),
        quote! {
            pub struct Message {
                #[column(uuid, primary_key, default = uuid_generate_v4())]
                pub id: Uuid,
                #[column(uuid, references = crate::app::App, join = false, foreign_key = "messages_app_id_fkey")]
                pub app_id: Uuid,
                #[column(varchar(40), name = "type", default = "normal")]
                pub r#type: String,
                #[column(numeric(10, 7), default = -0.5)]
                pub price: BigDecimal,
                #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
                pub created_at: NaiveDateTime,
                #[column(json, default = sql("'{}'::json"))]
                pub inputs: Json,
                #[column(uuid, client_default = uuid7)]
                pub trace_id: Uuid,
            }
        },
    );
    let [id, app_id, kind, price, created_at, inputs, trace_id] = decl.fields.as_slice() else {
        panic!("expected seven fields, got {}", decl.fields.len());
    };

    let column = id.column.as_ref().expect("#[column] on id");
    let sql_type = column.sql_type.as_ref().expect("a SQL type");
    assert_eq!(sql_type.name, "uuid");
    assert!(sql_type.args.is_none());
    assert!(column.primary_key.is_some());
    assert!(matches!(
        &column.default,
        Some(DefaultDecl::Function { name, args: Some(args) }) if name == "uuid_generate_v4" && args.is_empty()
    ));

    let column = app_id.column.as_ref().expect("#[column] on app_id");
    let parent: syn::Path = syn::parse_quote!(crate::app::App);
    assert!(
        matches!(&column.references, Some(ReferencesDecl::One(path)) if *path == parent),
        "references = crate::app::App"
    );
    assert!(column.join.as_ref().is_some_and(|join| !join.value));
    assert_eq!(
        column
            .foreign_key
            .as_ref()
            .map(syn::LitStr::value)
            .as_deref(),
        Some("messages_app_id_fkey")
    );

    assert_eq!(kind.ident.to_string(), "r#type");
    let column = kind.column.as_ref().expect("#[column] on r#type");
    let sql_type = column.sql_type.as_ref().expect("a SQL type");
    assert_eq!(sql_type.name, "varchar");
    assert!(matches!(
        sql_type.args.as_ref().map(|(_, args)| args.as_slice()),
        Some([SqlTypeArg::Int(length)]) if length.base10_digits() == "40"
    ));
    assert_eq!(
        column.name.as_ref().map(syn::LitStr::value).as_deref(),
        Some("type")
    );
    assert!(matches!(
        &column.default,
        Some(DefaultDecl::Literal { lit: syn::Lit::Str(text), negative: false, .. }) if text.value() == "normal"
    ));

    let column = price.column.as_ref().expect("#[column] on price");
    let sql_type = column.sql_type.as_ref().expect("a SQL type");
    assert!(matches!(
        sql_type.args.as_ref().map(|(_, args)| args.as_slice()),
        Some([SqlTypeArg::Int(p), SqlTypeArg::Int(s)]) if p.base10_digits() == "10" && s.base10_digits() == "7"
    ));
    assert!(matches!(
        &column.default,
        Some(DefaultDecl::Literal { lit: syn::Lit::Float(float), negative: true, .. }) if float.base10_digits() == "0.5"
    ));

    let column = created_at.column.as_ref().expect("#[column] on created_at");
    assert!(matches!(
        &column.default,
        Some(DefaultDecl::Function { name, args: Some(args) })
            if name == "CURRENT_TIMESTAMP" && args.len() == 1 && args[0].base10_digits() == "0"
    ));
    assert!(column
        .audit
        .as_ref()
        .is_some_and(|audit| audit == "created_at"));

    let column = inputs.column.as_ref().expect("#[column] on inputs");
    assert!(matches!(
        &column.default,
        Some(DefaultDecl::Sql { sql, .. }) if sql.value() == "'{}'::json"
    ));

    let column = trace_id.column.as_ref().expect("#[column] on trace_id");
    assert!(column
        .client_default
        .as_ref()
        .is_some_and(|ident| ident == "uuid7"));
    let uuid: syn::Type = syn::parse_quote!(Uuid);
    assert_eq!(trace_id.ty, uuid);
}

#[test]
fn current_timestamp_without_parentheses() {
    let decl = parse(
        quote!(table = "apps", owner = global),
        quote! {
            pub struct App {
                #[column(timestamp, default = CURRENT_TIMESTAMP)]
                pub created_at: NaiveDateTime,
            }
        },
    );
    let column = decl.fields[0].column.as_ref().expect("#[column]");
    assert!(matches!(
        &column.default,
        Some(DefaultDecl::Function { name, args: None }) if name == "CURRENT_TIMESTAMP"
    ));
}

#[test]
fn dsl_attributes_are_taken_and_others_kept() {
    let decl = parse(
        quote!(table = "apps", owner = tenant),
        quote! {
            /// An application.
            #[index(name = "app_tenant_id_idx", columns(tenant_id))]
            #[derive(Debug, Clone)]
            pub struct App {
                /// The tenant.
                #[column(uuid)]
                #[serde(rename = "tenant")]
                pub tenant_id: Uuid,
            }
        },
    );
    let kept: Vec<String> = decl
        .attrs
        .iter()
        .map(|attr| {
            attr.path()
                .get_ident()
                .expect("a plain attribute")
                .to_string()
        })
        .collect();
    assert_eq!(kept, ["doc", "derive"]);
    assert_eq!(decl.indexes.len(), 1);

    let field = &decl.fields[0];
    let kept: Vec<String> = field
        .attrs
        .iter()
        .map(|attr| {
            attr.path()
                .get_ident()
                .expect("a plain attribute")
                .to_string()
        })
        .collect();
    assert_eq!(kept, ["doc", "serde"]);
    assert!(field.column.is_some());
}

#[test]
fn field_without_column_attribute_parses() {
    // Whether a field may lack #[column] is validation's question.
    let decl = parse(
        quote!(table = "apps", owner = global),
        quote!(
            pub struct App {
                pub id: Uuid,
            }
        ),
    );
    assert!(decl.fields[0].column.is_none());
}

#[test]
fn attribute_mistakes_are_all_collected() {
    let errors = parse_errors(
        quote!(
            table = "apps",
            owner = tenant,
            table = "apps2",
            colour = blue
        ),
        quote! {
            #[index(name = "app_idx", columns(tenant_id), sorted)]
            #[unique(name = "app_key", columns(tenant_id), where = "x")]
            pub struct App {
                #[column(uuid, primary, references = App)]
                pub tenant_id: Uuid,
            }
        },
    );
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert_eq!(errors[0], "`table` is given twice; keep one");
    assert!(
        errors[1].starts_with(
            "unknown key `colour` in #[entity(...)]; the valid keys are: table, owner"
        ),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("unknown key `sorted` in #[index(...)]"),
        "{}",
        errors[2]
    );
    assert_eq!(
        errors[3],
        "unknown key `where` in #[unique(...)]; the valid keys are: name, columns, mysql_name"
    );
    assert!(
        errors[4].starts_with("unknown key `primary` in #[column(...)]"),
        "{}",
        errors[4]
    );
}

#[test]
fn malformed_values_say_how_to_write_them() {
    let errors = parse_errors(
        quote!(table = apps, owner = via),
        quote! {
            #[index(name = "app_idx", columns(tenant_id sideways))]
            pub struct App {
                #[column(varchar(255), name = type)]
                pub r#type: String,
                #[column(uuid, primary_key = true)]
                pub id: Uuid,
            }
        },
    );
    assert_eq!(
        errors,
        [
            "expected a string literal; write `table = \"apps\"`",
            "`via` names the column that points at the parent: `owner = via(app_id)`",
            "expected `asc`, `desc` or `,` after an index column",
            "expected a string literal; write `name = \"type\"`",
            "`primary_key` is a flag and takes no value; write just `primary_key`",
        ]
    );
}

#[test]
fn sql_type_must_come_first() {
    let errors = parse_errors(
        quote!(table = "apps", owner = global),
        quote! {
            pub struct App {
                #[column(name = "id", uuid)]
                pub id: Uuid,
            }
        },
    );
    assert_eq!(
        errors,
        ["the SQL type goes first: `#[column(varchar(255), ...)]`"]
    );
}

#[test]
fn a_field_takes_one_column_attribute() {
    let errors = parse_errors(
        quote!(table = "apps", owner = global),
        quote! {
            pub struct App {
                #[column(uuid)]
                #[column(primary_key)]
                pub id: Uuid,
            }
        },
    );
    assert_eq!(errors, ["a field takes one #[column(...)]; merge the two"]);
}

#[test]
fn only_a_struct_with_named_fields_is_an_entity() {
    let mut cx = Ctxt::new();
    let Err(error) = parse_entity(
        &mut cx,
        quote!(table = "apps"),
        quote!(
            pub enum App {
                A,
            }
        ),
    ) else {
        panic!("an enum is not an entity");
    };
    assert_eq!(
        error.to_string(),
        "#[entity] goes on a struct with named fields"
    );

    let mut cx = Ctxt::new();
    let Err(error) = parse_entity(
        &mut cx,
        quote!(table = "apps"),
        quote!(
            pub struct App(Uuid);
        ),
    ) else {
        panic!("a tuple struct is not an entity");
    };
    assert!(error.to_string().contains("one per column"), "{error}");
}
