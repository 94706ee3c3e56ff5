//! Stage 2: the IR of a good declaration, and every mistake of a bad one
//! reported in a single run, each with its fix.

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse_quote;

use super::messages;
use crate::ctxt::Ctxt;
use crate::ir::{
    Access, Audit, Capability, ClientDefault, Column, Default, Entity, IndexMethod, Ownership,
    ServerFunction, SoftDelete, SqlType,
};
use crate::parse::parse_entity;
use crate::rust_type::RustKind;

/// Parses and validates; returns the IR (if any) and the collected mistakes.
fn run(args: TokenStream, item: TokenStream) -> (Option<Entity>, syn::Result<()>) {
    let mut cx = Ctxt::new();
    let decl = parse_entity(&mut cx, args, item).expect("a struct with named fields");
    let entity = crate::validate::validate(&mut cx, decl);
    (entity, cx.check())
}

/// The IR of a declaration that has no mistakes.
fn valid(args: TokenStream, item: TokenStream) -> Entity {
    let (entity, result) = run(args, item);
    if let Err(error) = result {
        panic!("unexpected errors: {:#?}", messages(error));
    }
    entity.expect("validation without errors returns the entity")
}

/// The messages of every mistake of a declaration, in the order reported.
fn errors_of(args: TokenStream, item: TokenStream) -> Vec<String> {
    match run(args, item).1 {
        Ok(()) => panic!("expected validation errors"),
        Err(error) => messages(error),
    }
}

fn column<'a>(entity: &'a Entity, name: &str) -> &'a Column {
    entity
        .columns
        .iter()
        .find(|column| column.name == name)
        .unwrap_or_else(|| panic!("no column `{name}`"))
}

fn position(entity: &Entity, name: &str) -> usize {
    entity
        .columns
        .iter()
        .position(|column| column.name == name)
        .unwrap_or_else(|| panic!("no column `{name}`"))
}

fn app() -> Entity {
    valid(
        quote!(table = "apps", owner = tenant),
        quote! {
            #[index(name = "app_tenant_id_idx", columns(tenant_id, created_at desc), where = "status = 'normal'", mysql = "whole")]
            #[unique(name = "app_name_key", columns(tenant_id, name))]
            #[derive(Debug)]
            pub struct App {
                #[column(uuid, primary_key, default = uuid_generate_v4())]
                pub id: Uuid,
                #[column(uuid, references = Tenant)]
                pub tenant_id: Uuid,
                #[column(varchar(255))]
                pub name: String,
                #[column(text, default = "")]
                pub description: String,
                #[column(varchar(255))]
                pub mode: AppMode,
                #[column(varchar(255))]
                pub icon_type: Option<IconType>,
                #[column(varchar(255), default = "normal")]
                pub status: String,
                #[column(json)]
                pub features: Option<Json>,
                #[column(integer, default = -1)]
                pub api_rpm: i32,
                #[column(boolean, default = false)]
                pub is_demo: bool,
                #[column(varchar(unbounded), name = "type")]
                pub r#type: String,
                #[column(uuid, audit = created_by)]
                pub created_by: Option<Uuid>,
                #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
                pub created_at: NaiveDateTime,
            }
        },
    )
}

#[test]
fn good_declaration_columns() {
    let app = app();
    let names: Vec<&str> = app
        .columns
        .iter()
        .map(|column| column.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "id",
            "tenant_id",
            "name",
            "description",
            "mode",
            "icon_type",
            "status",
            "features",
            "api_rpm",
            "is_demo",
            "type",
            "created_by",
            "created_at",
        ]
    );
    assert_eq!(app.table.value(), "apps");
    assert_eq!(app.ident, "App");
    assert_eq!(
        app.attrs.len(),
        1,
        "#[derive(Debug)] stays on the row struct"
    );

    let id = column(&app, "id");
    assert!(id.primary_key && !id.nullable);
    assert_eq!((id.rust, id.sql_type), (RustKind::Uuid, SqlType::Uuid));

    let name = column(&app, "name");
    assert_eq!(
        (name.rust, name.sql_type),
        (RustKind::String, SqlType::Varchar(Some(255)))
    );
    assert!(!name.nullable && name.default.is_none() && !name.primary_key);

    // A type of the user's own on a textual column is a string enum.
    let mode = column(&app, "mode");
    assert_eq!(mode.rust, RustKind::Custom);
    assert!(mode.is_string_enum());

    // `Option<T>` is a nullable column of `T`.
    let icon_type = column(&app, "icon_type");
    assert!(icon_type.nullable);
    assert_eq!(icon_type.rust, RustKind::Custom);
    let (ty, value_ty): (syn::Type, syn::Type) =
        (parse_quote!(Option<IconType>), parse_quote!(IconType));
    assert_eq!(icon_type.ty, ty);
    assert_eq!(icon_type.value_ty, value_ty);

    let features = column(&app, "features");
    assert!(features.nullable);
    assert_eq!(
        (features.rust, features.sql_type),
        (RustKind::Json, SqlType::Json)
    );

    // `r#type` keeps its raw field and takes its SQL name from `name = ...`.
    let kind = column(&app, "type");
    assert_eq!(kind.field.to_string(), "r#type");
    assert_eq!(kind.sql_type, SqlType::Varchar(None));

    assert!(matches!(
        column(&app, "created_by").audit,
        Some(Audit::CreatedBy)
    ));
    assert!(matches!(
        column(&app, "created_at").audit,
        Some(Audit::CreatedAt)
    ));
    assert!(column(&app, "name").audit.is_none());
}

#[test]
fn good_declaration_defaults() {
    let app = app();
    assert!(matches!(
        column(&app, "id").default,
        Some(Default::Function(ServerFunction::UuidGenerateV4))
    ));
    assert!(matches!(&column(&app, "description").default, Some(Default::Str(s)) if s.is_empty()));
    assert!(matches!(&column(&app, "status").default, Some(Default::Str(s)) if s == "normal"));
    assert!(matches!(
        column(&app, "api_rpm").default,
        Some(Default::Int(-1))
    ));
    assert!(matches!(
        column(&app, "is_demo").default,
        Some(Default::Bool(false))
    ));
    assert!(matches!(
        column(&app, "created_at").default,
        Some(Default::Function(ServerFunction::CurrentTimestamp(Some(0))))
    ));
    assert!(column(&app, "name").default.is_none());
}

#[test]
fn good_declaration_key_ownership_and_indexes() {
    let app = app();
    // No `primary_key_name`: PostgreSQL's own `<table>_pkey`.
    assert_eq!(app.primary_key.name, "apps_pkey");
    assert_eq!(app.primary_key.columns, [position(&app, "id")]);

    let tenant_id = position(&app, "tenant_id");
    assert!(matches!(app.ownership, Ownership::Tenant { column } if column == tenant_id));
    assert!(app.ownership_is_tenant());
    assert_eq!(
        app.tenant_column().map(|column| column.name.as_str()),
        Some("tenant_id")
    );
    let relation = column(&app, "tenant_id")
        .relation
        .as_ref()
        .expect("references = Tenant");
    assert!(relation.parent.is_ident("Tenant") && relation.join && relation.foreign_key.is_none());

    assert!(app.soft_delete.is_none());
    assert!(
        app.write == Capability::Editing,
        "`write` defaults to editing"
    );
    assert_eq!(app.insert_ident, "NewApp");
    assert_eq!(app.changes_ident, "AppChanges");
    assert_eq!(app.table_module(), "__dify_table_App");

    let [index] = app.indexes.as_slice() else {
        panic!("expected one index");
    };
    assert_eq!(index.name, "app_tenant_id_idx");
    assert_eq!(
        index.columns,
        [(tenant_id, false), (position(&app, "created_at"), true)]
    );
    assert!(!index.unique && index.method == IndexMethod::Btree);
    assert_eq!(index.predicate.as_deref(), Some("status = 'normal'"));

    let [unique] = app.unique_constraints.as_slice() else {
        panic!("expected one unique constraint");
    };
    assert_eq!(unique.name, "app_name_key");
    assert_eq!(unique.columns, [tenant_id, position(&app, "name")]);
}

#[test]
fn via_owned_declaration() {
    let conversation = valid(
        quote!(
            table = "conversations",
            owner = via(app_id),
            primary_key_name = "conversation_pkey",
            soft_delete = is_deleted,
            write = member,
            insert = ConversationDraft
        ),
        quote! {
            #[index(name = "conversation_inputs_idx", columns(inputs), using = gin, mysql = "skip")]
            pub struct Conversation {
                #[column(uuid, primary_key, client_default = uuid7)]
                pub id: Uuid,
                #[column(uuid, references = crate::app::App, foreign_key = "conversations_app_id_fkey")]
                pub app_id: Uuid,
                #[column(uuid, references = Conversation)]
                pub parent_id: Option<Uuid>,
                #[column(jsonb)]
                pub inputs: Json,
                #[column(numeric(10, 7), default = 0.001)]
                pub price: BigDecimal,
                #[column(boolean, default = false)]
                pub is_deleted: bool,
            }
        },
    );
    assert_eq!(conversation.primary_key.name, "conversation_pkey");
    let app_id = position(&conversation, "app_id");
    let parent: syn::Path = parse_quote!(crate::app::App);
    assert!(
        matches!(&conversation.ownership, Ownership::Via { column, parent: via } if *column == app_id && *via == parent),
        "a via entity's ownership carries its parent"
    );
    assert!(
        matches!(conversation.access, Access::Scoped { key } if key == position(&conversation, "id"))
    );
    assert!(conversation.ownership_is_tenant());
    assert!(
        conversation.tenant_column().is_none(),
        "a via entity has no tenant column"
    );
    assert!(matches!(
        conversation.soft_delete,
        Some(SoftDelete::Flag(column)) if column == position(&conversation, "is_deleted")
    ));
    assert!(conversation.write == Capability::Member);
    assert_eq!(conversation.insert_ident, "ConversationDraft");
    assert_eq!(conversation.changes_ident, "ConversationChanges");

    let id = column(&conversation, "id");
    assert!(id.client_default == Some(ClientDefault::Uuid7) && id.default.is_none());

    let relation = column(&conversation, "app_id")
        .relation
        .as_ref()
        .expect("a relation");
    let parent: syn::Path = parse_quote!(crate::app::App);
    assert_eq!(relation.parent, parent);
    assert!(relation.join);
    assert_eq!(
        relation.foreign_key.as_deref(),
        Some("conversations_app_id_fkey")
    );

    // Diesel cannot join a table to itself: the relation stays, the join goes.
    let relation = column(&conversation, "parent_id")
        .relation
        .as_ref()
        .expect("a relation");
    assert!(relation.parent.is_ident("Conversation") && !relation.join);

    let [index] = conversation.indexes.as_slice() else {
        panic!("expected one index");
    };
    assert_eq!(index.method, IndexMethod::Gin);

    let price = column(&conversation, "price");
    assert_eq!(price.sql_type, SqlType::Numeric(Some((10, 7))));
    assert!(matches!(&price.default, Some(Default::Decimal(d)) if d == "0.001"));
}

#[test]
fn soft_delete_by_timestamp() {
    let entity = valid(
        quote!(
            table = "documents",
            owner = global,
            visible = all,
            soft_delete = deleted_at
        ),
        quote! {
            pub struct Document {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(timestamp)]
                pub deleted_at: Option<NaiveDateTime>,
            }
        },
    );
    assert!(matches!(entity.soft_delete, Some(SoftDelete::Timestamp(1))));
    assert!(matches!(entity.ownership, Ownership::Global));
    assert!(!entity.ownership_is_tenant());
}

#[test]
fn composite_primary_key() {
    let entity = valid(
        quote!(
            table = "app_tags",
            owner = global,
            visible = all,
            primary_key_name = "app_tag_pkey"
        ),
        quote! {
            pub struct AppTag {
                #[column(uuid, primary_key)]
                pub app_id: Uuid,
                #[column(uuid, primary_key)]
                pub tag_id: Uuid,
            }
        },
    );
    assert_eq!(entity.primary_key.name, "app_tag_pkey");
    assert_eq!(entity.primary_key.columns, [0, 1]);
    assert!(matches!(entity.access, Access::SystemOnly));
}

/// Scoped accessors take a key of one NOT NULL uuid: a tenant-owned entity
/// with a composite key (Dify's `conversation_variables`) is legal, and
/// validation says it is reached through the system path only.
#[test]
fn a_tenant_owned_entity_with_a_composite_key_is_system_only() {
    let entity = valid(
        quote!(table = "conversation_variables", owner = tenant),
        quote! {
            pub struct ConversationVariable {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(uuid, primary_key, no_reference = "a conversation, by id")]
                pub conversation_id: Uuid,
                #[column(uuid)]
                pub tenant_id: Uuid,
            }
        },
    );
    assert!(entity.ownership_is_tenant());
    assert!(matches!(entity.access, Access::SystemOnly));
    assert!(matches!(app().access, Access::Scoped { key } if key == position(&app(), "id")));
}

/// The brief's case: three independent mistakes, all reported by one run,
/// each telling how to fix it.
#[test]
fn three_independent_mistakes_are_reported_together() {
    let (entity, result) = run(
        quote!(table = "apps", owner = tenant),
        quote! {
            #[index(name = "app_tenant_idx", columns(tenant))]
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(uuid)]
                pub tenant_id: Uuid,
                #[column(varchar(255))]
                pub mode: i32,
                #[column(timestamp, audit = created_at)]
                pub created_at: NaiveDateTime,
            }
        },
    );
    // None of the three leaves the entity without a key or an owner.
    assert!(entity.is_some());
    let error = result.expect_err("three mistakes");
    let errors = messages(error);
    assert_eq!(errors.len(), 3, "{errors:#?}");

    // In declaration order: the field's type, its audit, then the index.
    assert_eq!(
        errors[0],
        "`i32` cannot hold a `varchar(255)` column; use `String` (or a `#[derive(StringEnum)]` enum)"
    );
    assert_eq!(
        errors[1],
        "inserts do not set `audit = created_at` from the form, so give it `default = CURRENT_TIMESTAMP` (or `client_default = now` where the table has no default)"
    );
    assert_eq!(
        errors[2],
        "#[index] names `tenant`, which is not a column of this entity; the columns are: id, tenant_id, mode, created_at"
    );
}

/// Mistakes found while parsing and while validating land in the same
/// context and come out together.
#[test]
fn parse_and_validate_mistakes_are_reported_together() {
    let errors = errors_of(
        quote!(table = "Apps", owner = tenant, colour = blue),
        quote! {
            pub struct App {
                #[column(uuid, primary_key, nullable)]
                pub id: Uuid,
                #[column(uuid)]
                pub tenant_id: Uuid,
                #[column(text, default = 0)]
                pub description: String,
            }
        },
    );
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(
        errors[0].starts_with("unknown key `colour` in #[entity(...)]"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("unknown key `nullable` in #[column(...)]"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("a table name is lower-case ASCII letters"),
        "{}",
        errors[2]
    );
    assert_eq!(
        errors[3],
        "an integer cannot be the default of a `text` column; use a string: `default = \"...\"`"
    );
}

#[test]
fn missing_table_owner_and_primary_key() {
    let (entity, result) = run(
        quote!(),
        quote! {
            pub struct App {
                #[column(uuid)]
                pub id: Uuid,
            }
        },
    );
    assert!(
        entity.is_none(),
        "no key and no owner leave nothing to expand"
    );
    let errors = messages(result.expect_err("three mistakes"));
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_eq!(
        errors[0],
        "entity `App` has no table name; write `#[entity(table = \"...\", owner = ...)]`"
    );
    // The hint reuses the declaration's own `id` column, `pub` included.
    assert_eq!(
        errors[1],
        "entity `App` has no primary key; mark its key column:\n\n    #[column(uuid, primary_key)]\n    pub id: Uuid,\n"
    );
    assert!(
        errors[2].starts_with("entity `App` does not say who owns its rows; add `owner = tenant`")
    );
}

#[test]
fn ownership_mistakes_say_what_to_add() {
    let errors = errors_of(
        quote!(table = "apps", owner = tenant),
        quote!(
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Uuid,
            }
        ),
    );
    assert_eq!(
        errors,
        ["a tenant-owned entity needs a `tenant_id` column; add it to `App`:\n\n    #[column(uuid)]\n    pub tenant_id: Uuid,\n"]
    );

    let errors = errors_of(
        quote!(table = "conversations", owner = via(app_id)),
        quote! {
            pub struct Conversation {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(uuid)]
                pub app_id: Uuid,
            }
        },
    );
    assert_eq!(
        errors,
        ["`via(app_id)` needs to know the parent; add `references = Parent` to the `app_id` column, e.g. `#[column(uuid, references = App)]`"]
    );

    let errors = errors_of(
        quote!(table = "conversations", owner = via(app_id)),
        quote! {
            pub struct Conversation {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(uuid, references = App)]
                pub app_id: Option<Uuid>,
            }
        },
    );
    assert_eq!(
        errors,
        ["`via(app_id)` must be NOT NULL: a row without a parent would belong to no tenant"]
    );

    let errors = errors_of(
        quote!(table = "conversations", owner = via(app)),
        quote!(
            pub struct Conversation {
                #[column(uuid, primary_key)]
                pub id: Uuid,
            }
        ),
    );
    assert_eq!(
        errors,
        ["`via` names `app`, which is not a column of this entity; the columns are: id"]
    );
}

/// A type name that starts with a vowel takes "an", and the suggested Rust
/// type is in backticks of its own.
#[test]
fn messages_about_an_integer_column_use_its_article() {
    let errors = errors_of(
        quote!(table = "apps", owner = global, visible = all),
        quote! {
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(integer)]
                pub api_rpm: String,
                #[column(integer, default = "fast")]
                pub api_rph: i32,
            }
        },
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(
        errors[0],
        "`String` cannot hold an `integer` column; use `i32`"
    );
    assert!(
        errors[1].starts_with("a string cannot be the default of an `integer` column"),
        "{}",
        errors[1]
    );
}

#[test]
fn column_mistakes_each_have_a_fix() {
    let errors = errors_of(
        quote!(
            table = "apps",
            owner = global,
            visible = all,
            soft_delete = is_deleted,
            write = admin
        ),
        quote! {
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Option<Uuid>,
                #[column(varchar)]
                pub name: String,
                #[column(varchar(4), default = "normal")]
                pub status: String,
                #[column(integer, default = 3000000000)]
                pub api_rpm: i32,
                #[column(timestamp, default = uuid_generate_v4())]
                pub created_at: NaiveDateTime,
                #[column(uuid, client_default = now, no_reference = "a trace")]
                pub trace_id: Uuid,
                #[column(varchar(255), references = App)]
                pub parent: String,
                #[column(uuid, join = false)]
                pub other_id: Uuid,
                #[column(bool)]
                pub is_deleted: bool,
                pub unmarked: String,
            }
        },
    );
    let expected_fixes = [
        "a primary key column cannot be NULL; use the type without `Option`",
        "varchar needs a length: write `varchar(255)`, or `varchar(unbounded)`",
        "this default has 6 characters, more than varchar(4) holds",
        "does not fit an `integer` column (32 bits); use `bigint`",
        "`uuid_generate_v4` cannot be the default of a `timestamp` column; use `default = CURRENT_TIMESTAMP`",
        "`client_default = now` fills a `timestamp` column, not a `uuid` one",
        "a column with `references` points at a uuid primary key, so it must be `uuid`",
        "`join` only applies to a column with `references = ...`",
        "unknown SQL type `bool`; the SQL types are: uuid, varchar(n)",
        "field `unmarked` has no #[column(...)]; give it its SQL type",
        "`other_id` is a uuid that does not say what it points at; write `references = Parent`",
        // `is_deleted` was dropped with its unknown type, so soft_delete cannot find it.
        "`soft_delete` names `is_deleted`, which is not a column of this entity",
        "unknown capability; expected `member`, `dataset_editing`, `editing`, `privileged` or `owner`",
    ];
    assert_eq!(errors.len(), expected_fixes.len(), "{errors:#?}");
    for (error, fix) in errors.iter().zip(expected_fixes) {
        assert!(error.contains(fix), "`{error}` should contain `{fix}`");
    }
}

#[test]
fn index_mistakes_each_have_a_fix() {
    let errors = errors_of(
        quote!(table = "apps", owner = global, visible = all),
        quote! {
            #[index(columns(name))]
            #[index(name = "app_name_idx", columns(name, name))]
            #[index(name = "app_name_gin", columns(name), using = gin, unique, mysql = "skip")]
            #[index(name = "apps_pkey", columns(id), using = hash, where = " ", mysql = "whole")]
            #[unique(name = "App Name", columns(name))]
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(varchar(255))]
                pub name: String,
            }
        },
    );
    let expected_fixes = [
        "#[index] needs a name, as Dify names it: `#[index(name = \"app_tenant_id_idx\", columns(tenant_id))]`",
        "this column is listed twice in the index",
        "a GIN index needs jsonb columns, and `name` is `varchar(255)`",
        "a GIN index cannot be unique",
        "unknown index method; expected `btree` (the default) or `gin`",
        "`where` needs a condition",
        "a unique name is lower-case ASCII letters",
        "the name `apps_pkey` is used twice in this entity",
    ];
    assert_eq!(errors.len(), expected_fixes.len(), "{errors:#?}");
    for (error, fix) in errors.iter().zip(expected_fixes) {
        assert!(error.contains(fix), "`{error}` should contain `{fix}`");
    }
}

#[test]
fn two_joins_to_one_parent_need_join_false() {
    let errors = errors_of(
        quote!(table = "messages", owner = global, visible = all),
        quote! {
            pub struct Message {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(uuid, references = Account)]
                pub from_account_id: Uuid,
                #[column(uuid, references = Account)]
                pub read_account_id: Uuid,
            }
        },
    );
    assert_eq!(
        errors,
        ["`Account` is already joined through `from_account_id`; Diesel joins two tables on one key, so add `join = false` to this column"]
    );
}

#[test]
fn duplicate_column_names() {
    let errors = errors_of(
        quote!(table = "apps", owner = global, visible = all),
        quote! {
            pub struct App {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(text)]
                pub kind: String,
                #[column(text, name = "kind")]
                pub kind_again: String,
            }
        },
    );
    assert_eq!(
        errors,
        ["the column `kind` is declared twice (first as field `kind`); rename one with `name = \"...\"`"]
    );
}

#[test]
fn mysql_keys_reach_the_ir() {
    let token = valid(
        quote!(
            table = "oauth_access_tokens",
            owner = global,
            visible = none
        ),
        quote! {
            #[index(name = "token_meta_idx", columns(meta), using = gin, mysql = "skip")]
            #[index(
                name = "uq_active",
                columns(email, issuer, label desc),
                unique,
                where = "revoked_at IS NULL",
                mysql = "whole",
                mysql_prefix(email = 191, label = 100)
            )]
            #[unique(name = "oauth_access_tokens_hash_key", columns(hash), mysql_name = "hash")]
            pub struct Token {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(jsonb)]
                pub meta: Option<Json>,
                #[column(varchar(255))]
                pub email: String,
                #[column(varchar(255))]
                pub issuer: String,
                #[column(varchar(255))]
                pub label: String,
                #[column(varchar(255))]
                pub hash: String,
                #[column(text, mysql_type = "text")]
                pub note: String,
                #[column(bigint, default = sql("'-1'::integer"), mysql_default = -1)]
                pub expires_at: i64,
                #[column(
                    varchar(255),
                    generated = "CASE WHEN label::text = 'x'::text THEN email END",
                    mysql_generated = "case when `label` = 'x' then `email` end"
                )]
                pub x_email: Option<String>,
                #[column(timestamptz)]
                pub revoked_at: Option<UtcDateTime>,
            }
        },
    );
    use crate::ir::MysqlBuild;
    assert_eq!(token.indexes[0].mysql_build, MysqlBuild::Skip);
    assert_eq!(token.indexes[1].mysql_build, MysqlBuild::Whole);
    let (email, label) = (position(&token, "email"), position(&token, "label"));
    assert_eq!(
        token.indexes[1].mysql_prefixes,
        [(email, 191), (label, 100)]
    );
    assert_eq!(
        token.unique_constraints[0].mysql_name.as_deref(),
        Some("hash")
    );
    assert_eq!(
        column(&token, "note").mysql.sql_type.as_deref(),
        Some("text")
    );
    assert!(matches!(
        column(&token, "expires_at").mysql.default,
        Some(Default::Int(-1))
    ));
    assert!(column(&token, "x_email").mysql.generated.is_some());
}

#[test]
fn what_mysql_cannot_build_as_declared_must_be_said() {
    let errors = errors_of(
        quote!(table = "tokens", owner = global, visible = all),
        quote! {
            #[index(name = "tokens_meta_idx", columns(meta), using = gin)]
            #[index(name = "tokens_live_idx", columns(email), where = "revoked")]
            #[index(name = "tokens_note_idx", columns(note))]
            #[index(name = "tokens_long_idx", columns(email, issuer, label, hash))]
            #[index(name = "tokens_plain_idx", columns(hash), mysql = "whole")]
            #[index(name = "tokens_odd_idx", columns(hash), mysql = "sometimes")]
            #[unique(name = "tokens_hash_key", columns(hash))]
            pub struct Token {
                #[column(uuid, primary_key)]
                pub id: Uuid,
                #[column(jsonb)]
                pub meta: Option<Json>,
                #[column(varchar(255))]
                pub email: String,
                #[column(varchar(255))]
                pub issuer: String,
                #[column(varchar(255))]
                pub label: String,
                #[column(varchar(255))]
                pub hash: String,
                #[column(text)]
                pub note: String,
                #[column(boolean)]
                pub revoked: bool,
                #[column(bigint, default = sql("'-1'::integer"))]
                pub expires_at: i64,
                #[column(varchar(255), generated = "CASE WHEN revoked THEN email END")]
                pub revoked_email: Option<String>,
                #[column(uuid, mysql_type = "text", no_reference = "a test")]
                pub other_id: Uuid,
            }
        },
    );
    let expected_fixes = [
        "`mysql_type` chooses among MySQL's text types, for a `text` column",
        "add `mysql_default = ...`",
        "add `mysql_generated = \"...\"`",
        "MySQL has no GIN index: add `mysql = \"skip\"`",
        "MySQL has no partial index: add `mysql = \"whole\"`",
        "MySQL indexes the text column `note` only by a prefix: add `mysql_prefix(note = 191)`",
        "over InnoDB's 3072: add `mysql_prefix(",
        "`mysql = \"whole\"` builds a partial index without its WHERE; this index has no `where`",
        "unknown `mysql = \"sometimes\"`",
        "say which it is on MySQL: `mysql_name = \"hash\"`",
    ];
    assert_eq!(errors.len(), expected_fixes.len(), "{errors:#?}");
    for fix in expected_fixes {
        assert!(
            errors.iter().any(|error| error.contains(fix)),
            "no error contains `{fix}`: {errors:#?}"
        );
    }
}
